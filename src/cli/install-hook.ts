/**
 * `budgetlint install-hook [--uninstall]`: a git pre-commit hook for a plain repository (no husky, no
 * pre-commit framework) that lints the STAGED version of the budget files in a commit.
 *
 * The hook is a POSIX sh script. It asks git whether any .yaml/.yml/.json/.docx/.xlsx file is staged
 * and, when none is, exits at once without starting anything else. Otherwise it writes each staged
 * blob (`git cat-file --filters :0:path`, the bytes the commit will hold, not the working tree's) into
 * a temporary tree under the same relative path, keeps the YAML/JSON files that look like budget data
 * (the sniff a directory walk uses: a top-level `document:` key in the first 64 KiB; package.json,
 * tsconfig*.json, budgetlint.config.* and .pre-commit* never), and runs budgetlint there, so that the
 * findings name the files as the repository does. Its exit status is budgetlint's: 1 (errors) and
 * 2 (fatal) stop the commit.
 *
 * Which budgetlint: the repository's own node_modules/.bin/budgetlint when it has one (the version
 * the project pinned); else the CLI that installed the hook (its absolute path, recorded in the hook:
 * a global install, or this checkout); else `budgetlint` on PATH. Not `npx --no-install`: it finds
 * nothing those three miss, costs a few hundred milliseconds per commit, and fails with npm's own
 * message. Node's directory at install time is recorded too, for git GUIs whose PATH lacks it (nvm).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../format/types.js';
import type { IO } from './run.js';
import { PathError } from './files.js';

/** The line that marks a hook as budgetlint's: install replaces such a hook, uninstall removes it, and no other. */
export const HOOK_MARK = '# budgetlint pre-commit hook';

export interface InstallHookOptions {
  cwd: string;
  uninstall: boolean;
  io: IO;
  lang: Lang;
  /** the budgetlint CLI the hook falls back on; default: the running one (process.argv[1]) */
  cli?: string;
}

export async function installHook(o: InstallHookOptions): Promise<number> {
  const { io, lang } = o;
  const say = (zh: string, en: string) => io.stdout((lang === 'zh' ? zh : en) + '\n');
  const { top, hook, hooksPath } = locate(o.cwd);
  const shown = path.relative(o.cwd, hook) || hook;
  const local = hook + '.local';
  const existing = readIfExists(hook);
  const ours = existing !== undefined && isOurs(existing);

  if (o.uninstall) {
    if (existing === undefined) {
      say(`没有可移除的钩子：${shown} 不存在。`, `nothing to remove: ${shown} does not exist.`);
      return 0;
    }
    if (!ours) {
      throw new PathError(
        `${shown} 不是 budgetlint 写入的钩子（没有“${HOOK_MARK}”一行），不予删除。`,
        `${shown} was not written by budgetlint (it has no "${HOOK_MARK}" line); leaving it alone.`,
      );
    }
    unlinkSync(hook);
    if (existsSync(local)) {
      renameSync(local, hook);
      say(`已移除 budgetlint 的钩子，并把 ${path.basename(local)} 恢复为 ${shown}。`, `removed budgetlint's hook and restored ${path.basename(local)} as ${shown}.`);
    } else say(`已移除 ${shown}。`, `removed ${shown}.`);
    return 0;
  }

  if (existing !== undefined && !ours) throw new PathError(...foreignHookMessage(shown, existing, hooksPath));

  const script = hookScript({ cli: cliPath(o.cli), nodeDir: path.dirname(process.execPath), lang });
  mkdirSync(path.dirname(hook), { recursive: true });
  writeFileSync(hook, script, { mode: 0o755 });
  chmodSync(hook, 0o755); // an existing file keeps its mode on write
  say(
    `${ours ? '已更新' : '已安装'} ${shown}：每次提交前检查暂存的预算文件（git commit --no-verify 可跳过一次）。`,
    `${ours ? 'updated' : 'installed'} ${shown}: each commit's staged budget files are linted first (git commit --no-verify skips it once).`,
  );
  if (hooksPath) say(`（按 core.hooksPath = ${hooksPath} 安装，共用此设置的仓库都会使用它。）`, `(installed where core.hooksPath = ${hooksPath} points: every repository sharing that setting uses it.)`);
  if (existsSync(local)) say(`它会先运行 ${path.basename(local)}。`, `it runs ${path.basename(local)} first.`);
  if (!existsSync(path.join(top, 'node_modules', '.bin', 'budgetlint')) && !cliPath(o.cli)) {
    say('提示：本仓库没有安装 budgetlint（npm install --save-dev budgetlint），钩子将使用 PATH 中的 budgetlint。', 'note: this repository does not install budgetlint (npm install --save-dev budgetlint); the hook will use the budgetlint on PATH.');
  }
  return 0;
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/\n$/, '');
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string; status?: number };
    if (err.code === 'ENOENT') throw new PathError('找不到 git 命令：请先安装 git。', 'git not found: install git first.');
    throw Object.assign(new Error(String(err.stderr ?? err.message).trim()), { status: err.status });
  }
}

/** The working tree's top and the pre-commit hook file, where git will run it (core.hooksPath included). */
function locate(cwd: string): { top: string; hook: string; hooksPath?: string } {
  let top: string;
  try {
    git(['rev-parse', '--git-dir'], cwd);
  } catch (e) {
    if (e instanceof PathError) throw e;
    throw new PathError(`${cwd} 不在 git 仓库中：请在仓库里运行 budgetlint install-hook。`, `${cwd} is not in a git repository: run budgetlint install-hook inside one.`);
  }
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd);
  } catch {
    top = '';
  }
  if (!top) {
    throw new PathError('这是没有工作区的（bare）仓库：提交前检查需要在有工作区的仓库中安装。', 'this is a bare repository: a pre-commit hook needs a repository with a working tree.');
  }
  // from the top: a relative core.hooksPath is relative to where git runs hooks, the top of the working tree
  const hook = path.resolve(top, git(['rev-parse', '--git-path', 'hooks/pre-commit'], top));
  let hooksPath: string | undefined;
  try {
    hooksPath = git(['config', '--get', 'core.hooksPath'], top) || undefined;
  } catch {
    hooksPath = undefined; // exit 1: not set
  }
  return { top, hook, hooksPath };
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'latin1');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PathError(`无法读取 ${file}（${(e as NodeJS.ErrnoException).code}）`, `cannot read ${file} (${(e as NodeJS.ErrnoException).code})`);
  }
}

export function isOurs(hookText: string): boolean {
  return hookText.slice(0, 1024).split(/\r?\n/).includes(HOOK_MARK);
}

/** What to say about a hook that is not ours: whose it looks like, and how to run both. */
function foreignHookMessage(shown: string, text: string, hooksPath: string | undefined): [string, string] {
  const head = [`${shown} 已存在，且不是 budgetlint 写入的，budgetlint 不会覆盖它。`, `${shown} already exists and was not written by budgetlint; budgetlint will not overwrite it.`];
  if (/husky/i.test(text) || (hooksPath && /(^|[\\/])\.husky([\\/]|$)/.test(hooksPath))) {
    return [
      `${head[0]}本仓库的钩子由 husky 管理：请在 .husky/pre-commit 中用 lint-staged 调用 budgetlint（见 README“Git pre-commit hook”一节）。`,
      `${head[1]} This repository's hooks are managed by husky: call budgetlint from .husky/pre-commit through lint-staged (README, "Git pre-commit hook").`,
    ];
  }
  if (/pre-commit\.com|File generated by pre-commit/.test(text)) {
    return [
      `${head[0]}本仓库使用 pre-commit 框架：请在 .pre-commit-config.yaml 中加入 budgetlint 钩子（见 README“Git pre-commit hook”一节）。`,
      `${head[1]} This repository uses the pre-commit framework: add the budgetlint hook to .pre-commit-config.yaml (README, "Git pre-commit hook").`,
    ];
  }
  return [
    `${head[0]}要两者都运行：把它改名为 ${shown}.local（mv "${shown}" "${shown}.local"），再运行 budgetlint install-hook；budgetlint 的钩子会先运行它，它失败时提交取消。`,
    `${head[1]} To run both: rename it to ${shown}.local (mv "${shown}" "${shown}.local") and run budgetlint install-hook again; budgetlint's hook runs it first and stops the commit when it fails.`,
  ];
}

/** The running budgetlint's entry file, absolute, when it is one (not jest's or tsx's). */
function cliPath(given: string | undefined): string | undefined {
  const p = given ?? process.argv[1];
  if (!p) return undefined;
  let abs = path.resolve(p);
  try {
    abs = realpathSync(abs);
  } catch {
    return undefined;
  }
  if (given === undefined && !/budgetlint(\.[cm]?js)?$/i.test(path.basename(abs))) return undefined;
  return abs;
}

/** A string as one sh word. */
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const MESSAGES = {
  zh: {
    notFound: 'budgetlint 提交前检查：找不到 budgetlint（本仓库 node_modules/.bin 中没有，安装钩子时的 $budgetlint_cli 已不存在，PATH 中也没有）。请运行 npm install --save-dev budgetlint；git commit --no-verify 可跳过本次检查。',
    unreadable: 'budgetlint 提交前检查：无法读取暂存的 $f，未检查。',
    blocked: 'budgetlint：暂存的预算文件有错误，提交已取消。修正并 git add 后重新提交；git commit --no-verify 可跳过检查。',
    fatal: 'budgetlint：检查未能完成（退出码 $status），提交已取消。',
  },
  en: {
    notFound: 'budgetlint pre-commit hook: budgetlint not found (not in this repository\'s node_modules/.bin, $budgetlint_cli, recorded when the hook was installed, is gone, and none on PATH). Run npm install --save-dev budgetlint; git commit --no-verify skips the check once.',
    unreadable: 'budgetlint pre-commit hook: cannot read the staged $f; not linted.',
    blocked: 'budgetlint: the staged budget files have errors; commit aborted. Fix them, git add, and commit again; git commit --no-verify skips the check.',
    fatal: 'budgetlint: the check could not be completed (exit status $status); commit aborted.',
  },
};

/** The hook. Plain POSIX sh (plus mktemp), as git for Windows runs it too. */
export function hookScript(o: { cli: string | undefined; nodeDir: string; lang: Lang }): string {
  const m = MESSAGES[o.lang];
  const msg = (s: string) => `"${s.replace(/["`\\]/g, '\\$&')}"`; // $budgetlint_cli, $f, $status expand
  return `#!/bin/sh
${HOOK_MARK}
# Written by \`budgetlint install-hook\`; \`budgetlint install-hook --uninstall\` removes it.
# Lints the STAGED version of the budget files in the commit: .yaml/.yml/.json files with a top-level
# \`document:\` key (never package.json, tsconfig*.json, budgetlint.config.*, .pre-commit*), .docx and
# .xlsx files. Runs nothing when none is staged. Exits with budgetlint's status: 1 or 2 stop the commit.
# A hook of your own, renamed pre-commit.local beside this one, runs first.

# Used when the repository has no node_modules/.bin/budgetlint: the CLI that installed this hook, and node.
budgetlint_cli=${shq(o.cli ?? '')}
budgetlint_node_dir=${shq(o.nodeDir)}

if [ -x "$0.local" ]; then
  "$0.local" "$@" || exit $?
fi

unset GIT_LITERAL_PATHSPECS GIT_GLOB_PATHSPECS GIT_NOGLOB_PATHSPECS GIT_ICASE_PATHSPECS
budgetlint_specs() {
  git diff --cached "$@" --diff-filter=ACMR -- ':(icase)*.yaml' ':(icase)*.yml' ':(icase)*.json' ':(icase)*.docx' ':(icase)*.xlsx'
}
# nothing staged that could be a budget file: done, before anything else starts
budgetlint_specs --quiet && exit 0

top=$(git rev-parse --show-toplevel) || exit 2
cd "$top" || exit 2
tmp=$(mktemp -d "\${TMPDIR:-/tmp}/budgetlint-hook.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM
budgetlint_specs --name-only -z | tr '\\000' '\\n' > "$tmp/staged" || exit 2

bom=$(printf '\\357\\273\\277')
set --
while IFS= read -r f; do
  base=\${f##*/}
  case $base in
    budgetlint.config.yaml | budgetlint.config.yml | budgetlint.config.json | package.json | package-lock.json | tsconfig*.json | .pre-commit*) continue ;;
    '~$'*) continue ;;
  esac
  dst=$tmp/tree/$f
  mkdir -p "\${dst%/*}" || exit 2
  if ! git cat-file --filters ":0:$f" > "$dst" 2>/dev/null && ! git cat-file blob ":0:$f" > "$dst" 2>/dev/null; then
    echo ${msg(m.unreadable)} >&2
    continue
  fi
  case $base in
    *.[dD][oO][cC][xX] | *.[xX][lL][sS][xX]) ;;
    *) dd if="$dst" bs=65536 count=1 2>/dev/null | LC_ALL=C grep -Eq "^($bom)?document[[:space:]]*:|\\"document\\"[[:space:]]*:" || continue ;;
  esac
  set -- "$@" "./$f"
done < "$tmp/staged"
[ $# -eq 0 ] && exit 0

# the config budgetlint would find from the top of the working tree
config=
dir=$top
while :; do
  for name in budgetlint.config.yaml budgetlint.config.yml budgetlint.config.json; do
    if [ -e "$dir/$name" ]; then config=$dir/$name; break 2; fi
  done
  case $dir in */*) ;; *) break ;; esac
  dir=\${dir%/*}
done
if [ -n "$config" ]; then set -- --config "$config" "$@"; else set -- --no-config-lookup "$@"; fi

command -v node >/dev/null 2>&1 || PATH=$budgetlint_node_dir:$PATH
cd "$tmp/tree" || exit 2
if [ -x "$top/node_modules/.bin/budgetlint" ]; then
  "$top/node_modules/.bin/budgetlint" "$@"
elif [ -n "$budgetlint_cli" ] && [ -f "$budgetlint_cli" ]; then
  node "$budgetlint_cli" "$@"
elif command -v budgetlint >/dev/null 2>&1; then
  budgetlint "$@"
else
  echo ${msg(m.notFound)} >&2
  exit 2
fi
status=$?
case $status in
  0) ;;
  1) echo ${msg(m.blocked)} >&2 ;;
  *) echo ${msg(m.fatal)} >&2 ;;
esac
exit $status
`;
}
