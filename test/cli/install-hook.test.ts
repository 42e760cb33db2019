/**
 * `budgetlint install-hook`, with real git in temporary repositories and the built CLI
 * (`npm test` builds first): the hook it writes stops a commit whose staged budget files have errors,
 * lets the others through, and runs nothing when no budget file is staged.
 */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepBudgetFiles } from '../../src/cli/files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('install-hook tests skipped: git is not installed (they need real git repositories)');
const suite = hasGit ? describe : describe.skip;

const HEAD = 'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n';
/** 支出合计 100.00 ≠ 基本支出 40.00 + 项目支出 59.00 */
const BAD = HEAD + 'expenditure:\n  total: 100.00\n  basic:\n    total: 40.00\n  project: 59.00\n';
const GOOD = HEAD + 'expenditure:\n  total: 99.00\n  basic:\n    total: 40.00\n  project: 59.00\n';
const BUDGET = '预算 2024/部门 预算.yaml'; // a space and CJK in both directory and file name

let base: string;
let n = 0;
let env: Record<string, string>;

function run(cmd: string, args: string[], cwd: string) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr, ms: Date.now() - started };
}
const git = (cwd: string, ...args: string[]) => run('git', args, cwd);
const cli = (cwd: string, ...args: string[]) => run(process.execPath, [bin, ...args], cwd);

function write(dir: string, file: string, text: string) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

/** A new repository, its own identity, no global or system config (a user's core.hooksPath would move the hook). */
function repo(): string {
  const dir = path.join(base, `repo-${++n}`);
  mkdirSync(dir);
  expect(git(dir, 'init', '-q').code).toBe(0);
  git(dir, 'config', 'user.name', 'budgetlint test');
  git(dir, 'config', 'user.email', 'test@example.invalid');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

function stageAndCommit(dir: string, files: Record<string, string>) {
  for (const [f, text] of Object.entries(files)) write(dir, f, text);
  expect(git(dir, 'add', '--', ...Object.keys(files)).code).toBe(0);
  return git(dir, 'commit', '-q', '-m', 'test');
}

const commits = (dir: string) => Number(git(dir, 'rev-list', '--count', '--all').stdout.trim() || 0);
const hookFile = (dir: string) => path.join(dir, '.git/hooks/pre-commit');

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('build first: npm run build (npm test does)');
  base = mkdtempSync(path.join(tmpdir(), 'budgetlint-hook-'));
  env = {
    PATH: process.env.PATH ?? '',
    HOME: base,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(base, 'no-global-gitconfig'),
    GIT_CEILING_DIRECTORIES: base,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
  };
});
afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

suite('budgetlint install-hook (real git)', () => {
  it('writes an executable POSIX sh hook, marked as budgetlint\'s, that falls back on this CLI', () => {
    const dir = repo();
    const r = cli(dir, 'install-hook');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已安装 .git/hooks/pre-commit');
    const text = readFileSync(hookFile(dir), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual(['#!/bin/sh', '# budgetlint pre-commit hook']);
    expect(text).toContain(`budgetlint_cli='${bin}'`);
    expect(statSync(hookFile(dir)).mode & 0o777).toBe(0o755);
  });

  it('stops a commit whose staged budget file is inconsistent, with the findings; lets a consistent one through', () => {
    const dir = repo();
    expect(cli(dir, 'install-hook').code).toBe(0);
    const bad = stageAndCommit(dir, { [BUDGET]: BAD });
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain(BUDGET);
    expect(bad.out).toMatch(/7:10\s+错误\s+本年支出合计 100\.00万元 不等于 基本支出 40\.00 \+ 项目支出 59\.00 = 99\.00万元.*expenditure-parts-sum/);
    expect(bad.out).toContain('提交已取消');
    expect(commits(dir)).toBe(0);

    const good = stageAndCommit(dir, { [BUDGET]: GOOD });
    expect(good.code).toBe(0);
    expect(commits(dir)).toBe(1);
  }, 30000);

  it('lints the staged content, not the working tree\'s', () => {
    const dir = repo();
    expect(cli(dir, 'install-hook').code).toBe(0);
    write(dir, 'a.yaml', BAD);
    git(dir, 'add', 'a.yaml');
    write(dir, 'a.yaml', GOOD); // fixed on disk, not staged: the commit would still hold the error
    const refused = git(dir, 'commit', '-q', '-m', 'x');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('expenditure-parts-sum');

    git(dir, 'add', 'a.yaml');
    write(dir, 'a.yaml', BAD); // broken on disk after staging the good version
    expect(git(dir, 'commit', '-q', '-m', 'x').code).toBe(0);
    expect(git(dir, 'show', 'HEAD:a.yaml').stdout).toBe(GOOD);
  }, 30000);

  it('ignores staged files that are not budget data', () => {
    const dir = repo();
    expect(cli(dir, 'install-hook').code).toBe(0);
    const r = stageAndCommit(dir, {
      'README.md': '# budgets\n',
      'package.json': '{"name": "x", "dependencies": {"document": "^1.0.0"}}\n', // a "document" key, but package.json
      'tsconfig.json': '{}\n',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      'data/other.json': '{"title": "not a budget"}\n',
    });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(commits(dir)).toBe(1);
  }, 30000);

  it('runs nothing when no budget file is staged (and prefers the repository\'s node_modules/.bin/budgetlint)', () => {
    const dir = repo();
    expect(cli(dir, 'install-hook').code).toBe(0);
    // a stand-in budgetlint that only records that it ran
    const marker = path.join(base, `ran-${n}`);
    write(dir, 'node_modules/.bin/budgetlint', `#!/bin/sh\necho "$@" > '${marker}'\n`);
    chmodSync(path.join(dir, 'node_modules/.bin/budgetlint'), 0o755);
    write(dir, '.gitignore', 'node_modules/\n');

    const readme = stageAndCommit(dir, { '.gitignore': 'node_modules/\n', 'README.md': 'x\n', 'notes.txt': 'y\n' });
    expect(readme.code).toBe(0);
    expect(readme.out).toBe('');
    expect(existsSync(marker)).toBe(false);
    const pkg = stageAndCommit(dir, { 'package.json': '{"name": "x"}\n', 'ci.yaml': 'steps: []\n' });
    expect(pkg.code).toBe(0);
    expect(existsSync(marker)).toBe(false);

    expect(stageAndCommit(dir, { [BUDGET]: GOOD }).code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toContain(`./${BUDGET}`);
  }, 30000);

  it('finds the repository\'s budgetlint.config.yaml although it lints a copy of the staged files', () => {
    const dir = repo();
    expect(cli(dir, 'install-hook').code).toBe(0);
    const r = stageAndCommit(dir, { 'budgetlint.config.yaml': 'rules:\n  expenditure-parts-sum: warn\n', [BUDGET]: BAD });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/7:10\s+警告/);
  }, 30000);

  it('does not overwrite a hook it did not write, says how to chain it, and will not uninstall it', () => {
    const dir = repo();
    const foreign = '#!/bin/sh\necho "foreign hook ran"\n';
    write(dir, '.git/hooks/pre-commit', foreign);
    const r = cli(dir, 'install-hook');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.git/hooks/pre-commit 已存在');
    expect(r.stderr).toContain('.git/hooks/pre-commit.local');
    expect(readFileSync(hookFile(dir), 'utf8')).toBe(foreign);
    const en = cli(dir, 'install-hook', '--lang', 'en');
    expect(en.stderr).toContain('.git/hooks/pre-commit already exists and was not written by budgetlint');

    const u = cli(dir, 'install-hook', '--uninstall');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('不是 budgetlint 写入的钩子');
    expect(readFileSync(hookFile(dir), 'utf8')).toBe(foreign);
  });

  it('chains a hook renamed pre-commit.local, and --uninstall puts it back', () => {
    const dir = repo();
    const foreign = '#!/bin/sh\necho "foreign hook ran"\n';
    write(dir, '.git/hooks/pre-commit.local', foreign);
    chmodSync(path.join(dir, '.git/hooks/pre-commit.local'), 0o755);
    expect(cli(dir, 'install-hook').code).toBe(0);
    const r = stageAndCommit(dir, { 'a.yaml': BAD });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('foreign hook ran');
    expect(r.out).toContain('expenditure-parts-sum');

    const u = cli(dir, 'install-hook', '--uninstall');
    expect(u.code).toBe(0);
    expect(readFileSync(hookFile(dir), 'utf8')).toBe(foreign);
    expect(existsSync(hookFile(dir) + '.local')).toBe(false);
  }, 30000);

  it('--uninstall removes its own hook, and says so when there is none', () => {
    const dir = repo();
    expect(cli(dir, 'install-hook').code).toBe(0);
    expect(cli(dir, 'install-hook').stdout).toContain('已更新'); // reinstalling replaces its own hook
    const u = cli(dir, 'install-hook', '--uninstall', '--lang', 'en');
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('removed .git/hooks/pre-commit');
    expect(existsSync(hookFile(dir))).toBe(false);
    const again = cli(dir, 'install-hook', '--uninstall');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('没有可移除的钩子');
    // and the repository commits budget errors again
    expect(stageAndCommit(dir, { 'a.yaml': BAD }).code).toBe(0);
  }, 30000);

  it('installs where core.hooksPath points, from a subdirectory too', () => {
    const dir = repo();
    git(dir, 'config', 'core.hooksPath', '.githooks');
    mkdirSync(path.join(dir, 'sub'));
    const r = cli(path.join(dir, 'sub'), 'install-hook');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('core.hooksPath');
    expect(existsSync(path.join(dir, '.githooks/pre-commit'))).toBe(true);
    expect(existsSync(hookFile(dir))).toBe(false);
    expect(stageAndCommit(dir, { 'sub/a.yml': BAD }).code).not.toBe(0);
  }, 30000);

  it('refuses outside a git repository (exit 2)', () => {
    const dir = path.join(base, 'not-a-repo');
    mkdirSync(dir, { recursive: true });
    const r = cli(dir, 'install-hook');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不在 git 仓库中');
  });
});

describe('keepBudgetFiles (--only-budget-files)', () => {
  it('keeps budget data and documents, drops other YAML/JSON and config files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-keep-'));
    try {
      const files: Record<string, string> = {
        'a.yaml': GOOD,
        'b.json': '{"document": {"department": "x"}}',
        'ci.yml': 'on: push\n',
        'package.json': '{"document": 1}',
        'budgetlint.config.yaml': 'document: {}\n',
        'report.docx': 'x',
        '~$report.docx': 'x',
        'notes.txt': 'x',
      };
      for (const [f, t] of Object.entries(files)) write(dir, f, t);
      const kept = await keepBudgetFiles(Object.keys(files).map((f) => path.join(dir, f)));
      expect(kept.map((f) => path.basename(f))).toEqual(['a.yaml', 'b.json', 'report.docx', 'notes.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
