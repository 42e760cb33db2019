/** The built binary, as users and hooks run it: exit codes, formats, bad input. `npm test` builds first. */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
let dir: string;

function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...opts.env },
    timeout: 20000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HEAD = 'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n';
const BAD = HEAD + 'expenditure:\n  total: 100.00\n  basic:\n    total: 40.00\n  project: 59.00\n';
const GOOD = HEAD + 'expenditure:\n  total: 99.00\n  basic:\n    total: 40.00\n  project: 59.00\n';
const WARN = HEAD + 'expenditure:\n  basic:\n    public: 10.00\noperating_costs:\n  amount: 12.00\n';
// a whole disclosure (it has `tables:`), though with one table only: table-completeness holds it to the rest
const WHOLE =
  GOOD +
  'tables:\n  - title: 2024年部门支出预算总表\n    columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]\n' +
  '    rows:\n      - ["204", 公共安全支出, 99.00, 40.00, 59.00]\n    total: [null, 合计, 99.00, 40.00, 59.00]\n';

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-cli-'));
  // the fixtures are fragments of a disclosure: completeness is tested on its own below
  writeFileSync(path.join(dir, 'budgetlint.config.yaml'), 'rules:\n  table-completeness: off\n');
  writeFileSync(path.join(dir, 'bad.yaml'), BAD);
  writeFileSync(path.join(dir, 'good.yaml'), GOOD);
  writeFileSync(path.join(dir, 'warn.yaml'), WARN);
  writeFileSync(path.join(dir, 'whole.yaml'), WHOLE);
  writeFileSync(path.join(dir, 'broken.yaml'), 'document: [\n');
  writeFileSync(path.join(dir, 'typed.json'), '{"document": {"department": "x", "year": 2024, "kind": "budget"}, "income": {"total": "abc"}}');
  mkdirSync(path.join(dir, 'empty-dir'));
  mkdirSync(path.join(dir, 'tree/sub'), { recursive: true });
  writeFileSync(path.join(dir, 'tree/sub/a.yaml'), BAD);
  writeFileSync(path.join(dir, 'tree/b.yml'), GOOD);
  writeFileSync(path.join(dir, 'tree/package.json'), '{"name": "x"}');
  writeFileSync(path.join(dir, 'tree/notes.yaml'), 'title: not a budget\n');
  // "测试局" in GBK, as Chinese government files often are
  writeFileSync(path.join(dir, 'gbk.yaml'), Buffer.concat([Buffer.from('document:\n  department: '), Buffer.from([0xb2, 0xe2, 0xca, 0xd4, 0xbe, 0xd6]), Buffer.from('\n  year: 2024\n  kind: budget\nexpenditure:\n  total: 100.00\n  basic: {total: 40.00}\n  project: 59.00\n')]));
  writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exit codes', () => {
  it('0 for a clean file, with a summary', () => {
    const r = cli(['good.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有问题');
  });
  it('1 for error-level findings, with line:column, rule id and section', () => {
    const r = cli(['bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/7:10\s+错误\s+本年支出合计 100\.00万元 不等于 基本支出 40\.00 \+ 项目支出 59\.00 = 99\.00万元（差 1\.00，舍入容差 ±0\.015）\s+expenditure-parts-sum/);
    expect(r.stdout).toContain('› 支出 › 本年支出合计');
    expect(r.stdout).toContain('1 个问题（1 个错误，0 个警告）');
  });
  it('places a finding only the position-keeping parser can place (a tagged value), loading it on demand in the bundle', () => {
    // a tag on the total: places read off their lines stop at it, the parser is loaded and places it
    writeFileSync(path.join(dir, 'tagged.yaml'), HEAD + 'expenditure:\n  total: !!float 100.00\n  basic:\n    total: 40.00\n  project: 59.00\n');
    const r = cli(['tagged.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/7:18\s+错误.*expenditure-parts-sum/);
  });

  it('0 for warnings only, 1 when they exceed --max-warnings', () => {
    expect(cli(['warn.yaml']).code).toBe(0);
    const r = cli(['warn.yaml', '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('警告过多');
  });
  it('1 for a file that does not parse, naming the place', () => {
    const r = cli(['broken.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.yaml[\s\S]*2:1\s+错误\s+YAML 语法错误/);
    expect(r.stdout + r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('decodes a GBK file and says so', () => {
    const r = cli(['gbk.yaml', '--format', 'json']);
    const [res] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; level: string; message: string }[] }[];
    expect(res!.messages.map((m) => [m.ruleId, m.level])).toEqual([[null, 'info'], ['expenditure-parts-sum', 'error']]);
    expect(res!.messages[0]!.message).toContain('GB18030');
    expect(r.code).toBe(1);
  });
  it('1 for binary data, named as such', () => {
    const r = cli(['binary.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('二进制文件');
  });
  it('warns about the parts a complete disclosure must have', () => {
    const r = cli(['whole.yaml', '--rule', 'table-completeness:warn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('缺少部门预算的“three_public”部分');
  });
  it('does not hold a fragment (no `tables:`) to completeness', () => {
    const r = cli(['good.yaml', '--rule', 'table-completeness:warn']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('table-completeness');
    expect(r.stdout).toContain('没有问题');
  });
  it('2 for a missing path, with no stack trace', () => {
    const r = cli(['nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('budgetlint: 没有这个文件或目录：nope.yaml\n');
  });
  it('2 for a usage error and an unknown rule', () => {
    expect(cli(['--format', 'xml', 'good.yaml']).code).toBe(2);
    expect(cli(['--bogus']).code).toBe(2);
    const r = cli(['good.yaml', '--rule', 'no-such-rule:error']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知规则 "no-such-rule"');
  });
  it('0 with no files and for a directory with no budget files', () => {
    expect(cli([]).code).toBe(0);
    expect(cli(['empty-dir']).code).toBe(0);
  });
});

describe('files', () => {
  it('walks directories, keeping only budget data', () => {
    const r = cli(['tree', '--format', 'json']);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.relative(dir, x.filePath)).sort();
    expect(files).toEqual(['tree/b.yml', 'tree/sub/a.yaml']);
    expect(r.code).toBe(1);
  });
  it('expands quoted globs', () => {
    const r = cli(['tree/**/*.yaml', '--format', 'json']);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(2); // a.yaml and notes.yaml: named by a glob, both linted
  });
  it('never writes to the files it checks', () => {
    const before = statSync(path.join(dir, 'bad.yaml')).mtimeMs;
    cli(['bad.yaml', '-o', 'report.txt']);
    expect(statSync(path.join(dir, 'bad.yaml')).mtimeMs).toBe(before);
    expect(readFileSync(path.join(dir, 'bad.yaml'), 'utf8')).toBe(BAD);
    expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toContain('expenditure-parts-sum');
    const r = cli(['bad.yaml', '-o', 'bad.yaml']);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(dir, 'bad.yaml'), 'utf8')).toBe(BAD);
  });
});

describe('formats and options', () => {
  it('json is ESLint-compatible', () => {
    const r = cli(['bad.yaml', '--format', 'json']);
    const [res] = JSON.parse(r.stdout) as Array<Record<string, unknown> & { messages: Record<string, unknown>[] }>;
    expect(res).toMatchObject({ errorCount: 1, warningCount: 0, fatalErrorCount: 0 });
    expect(res!.messages[0]).toMatchObject({
      ruleId: 'expenditure-parts-sum',
      severity: 2,
      line: 7,
      column: 10,
      path: '/expenditure/total/amount',
      section: '支出 › 本年支出合计',
      data: { arithmetic: { stated: '100.00', computed: '99.00', difference: '1.00', tolerance: '0.015' } },
    });
  });
  it('--lang en gives English messages', () => {
    expect(cli(['bad.yaml', '--lang', 'en']).stdout).toContain('spending total 100.00 万元 does not equal basic spending 40.00 + project spending 59.00 = 99.00 万元');
  });
  it('--rule turns a rule off; --quiet drops warnings', () => {
    expect(cli(['bad.yaml', '--rule', 'expenditure-parts-sum:off']).code).toBe(0);
    expect(cli(['bad.yaml', '--rule', 'expenditure-parts-sum:warn']).code).toBe(0);
    expect(cli(['warn.yaml', '--quiet']).stdout).not.toContain('operating-costs-public');
  });
  it('reads budgetlint.config.yaml from the working directory', () => {
    const sub = path.join(dir, 'configured');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, 'bad.yaml'), BAD);
    writeFileSync(path.join(sub, 'budgetlint.config.yaml'), 'lang: en\nrules:\n  expenditure-parts-sum: warn\n');
    const r = cli(['bad.yaml'], { cwd: sub });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning');
    writeFileSync(path.join(sub, 'budgetlint.config.yaml'), 'rules:\n  expenditure-parts-sum: loud\n');
    const bad = cli(['bad.yaml'], { cwd: sub });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('budgetlint.config.yaml');
  });
  it('--no-config-lookup ignores budgetlint.config.yaml', () => {
    const sub = path.join(dir, 'no-lookup');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, 'bad.yaml'), BAD);
    writeFileSync(path.join(sub, 'budgetlint.config.yaml'), 'lang: en\nrules:\n  expenditure-parts-sum: off\n');
    expect(cli(['bad.yaml'], { cwd: sub }).code).toBe(0);
    const r = cli(['bad.yaml', '--no-config-lookup'], { cwd: sub });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('错误'); // the config's `lang: en` is not read either
    expect(r.stdout).toContain('expenditure-parts-sum');
    // a broken config is not even read
    writeFileSync(path.join(sub, 'budgetlint.config.yaml'), 'rules:\n  expenditure-parts-sum: loud\n');
    expect(cli(['bad.yaml'], { cwd: sub }).code).toBe(2);
    expect(cli(['bad.yaml', '--no-config-lookup'], { cwd: sub }).code).toBe(1);
    // --config still names a file explicitly
    writeFileSync(path.join(sub, 'other.yaml'), 'rules:\n  expenditure-parts-sum: warn\n');
    expect(cli(['bad.yaml', '--no-config-lookup', '--config', 'other.yaml'], { cwd: sub }).code).toBe(0);
  });
  it('reports a schema error in JSON at its place', () => {
    const r = cli(['typed.json', '--format', 'json']);
    const [res] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[];
    expect(res!.messages[0]).toMatchObject({ ruleId: 'schema', line: 1, message: '应为金额数字，实为"abc"' });
  });
  it('colours only a terminal, never a pipe or NO_COLOR', () => {
    expect(cli(['bad.yaml']).stdout).not.toMatch(/\u001b\[/);
    expect(cli(['bad.yaml', '--color']).stdout).toMatch(/\u001b\[/);
  });
  it('lists the rules', () => {
    const r = cli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^budget-balance\s+error\s+收支平衡/m);
    const list = JSON.parse(cli(['rules', '--format', 'json']).stdout) as { id: string; docs: string }[];
    for (const rule of list) expect(existsSync(path.join(root, rule.docs.split('#')[0]!))).toBe(true);
  });
  it('prints help and version', () => {
    expect(cli(['--help']).stdout).toContain('--max-warnings');
    expect(cli(['--version']).code).toBe(0);
  });
});
