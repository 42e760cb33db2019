/** Command-line patterns → the budget files to lint: files as named, directories walked, globs matched. */
import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DecodeError } from '../load/decode.js';
import type { Bilingual } from '../model/scalars.js';

export class PathError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    /** the same without the file's name, for a finding listed under that name (a file refused in a run) */
    readonly bare?: Bilingual,
  ) {
    super(en);
  }
}

/** A file's problem, in a message that starts with its name (stderr) and one without (its finding). */
export function named(shown: string, why: Bilingual): PathError {
  return new PathError(`${shown}：${why.zh}`, `${shown}: ${why.en}`, { zh: why.zh, en: why.en });
}

function unreadable(shown: string, code: string): PathError {
  return new PathError(`无法读取 ${shown}（${code}）`, `cannot read ${shown} (${code})`, { zh: `无法读取（${code}）`, en: `cannot be read (${code})` });
}

/** An error of the file system (it names its system call), not Node's own argument checks: those are bugs. */
function isFsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  const x = e as NodeJS.ErrnoException | undefined;
  return typeof x?.syscall === 'string' && typeof x.code === 'string';
}

/**
 * A failure that is the file's own, as a PathError naming it: the system will not read it, its bytes do not
 * decode, or its reader refuses it (corrupt, encrypted, scanned…); undefined for anything else (a bug).
 */
export async function fileProblem(e: unknown, shown: string): Promise<PathError | undefined> {
  if (e instanceof PathError) return e;
  if (e instanceof DecodeError) return named(shown, e);
  if (isFsError(e)) return unreadable(shown, e.code);
  // the readers' module is loaded only when a document is read
  const { ReadError } = await import('../read/blocks.js');
  return e instanceof ReadError ? named(shown, e) : undefined;
}

const DATA_EXT = /\.(ya?ml|json)$/i;
/** Published documents found in a directory walk: Office files are budget documents by their nature here. */
const DOC_EXT = /\.(docx|xlsx)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage']);
const CONFIG_NAME = /^budgetlint\.config\.(ya?ml|json)$|^package(-lock)?\.json$|^tsconfig.*\.json$|^\.pre-commit/;

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, end).split(',').map(escape).join('|') + ')';
        i = end;
      }
    } else re += escape(c);
  }
  return new RegExp('^' + re + '$');
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

const isGlob = (p: string) => /[*?{]/.test(p);

/** Most budget files say `document:` in their first lines: this much is read first, the rest of SNIFF_BYTES only if need be. */
const HEAD_BYTES = 4096;
const SNIFF_BYTES = 64 * 1024;
const BUDGET_HEAD = /^(?:\u00EF\u00BB\u00BF)?document\s*:|"document"\s*:/m;
/** one buffer for every head read: the reads are synchronous, and each caller decodes what it gets at once */
let headBuffer = Buffer.allocUnsafe(0);

/**
 * A file's first `bytes` bytes, in a buffer shared by every call (valid until the next one). Synchronous, as
 * the lint's own reads are: sniffing a walk of 10,000 files one await after another (open, read, close, each
 * a round trip to the thread pool) took ~2.5 s before the lint began, and so did pairing their years.
 */
export function readHead(file: string, bytes: number): Buffer {
  if (headBuffer.length < bytes) headBuffer = Buffer.allocUnsafe(Math.max(bytes, SNIFF_BYTES));
  const fd = openSync(file, 'r');
  try {
    let n = 0;
    for (let more = 1; n < bytes && more > 0; n += more) more = readSync(fd, headBuffer, n, bytes - n, n);
    return headBuffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Directory walking keeps only files that look like budget data: a top-level `document` key in the
 * first 64 KiB (a sniff, not a parse: other YAML and JSON in the tree, such as CI files, are not ours).
 * A match in the first 4 KiB is a match in the first 64 KiB, so reading the head first changes nothing.
 * A file that cannot be read is kept, for the lint to refuse by name.
 */
function looksLikeBudget(file: string): boolean {
  try {
    const head = readHead(file, HEAD_BYTES);
    if (BUDGET_HEAD.test(head.toString('latin1'))) return true;
    return head.length === HEAD_BYTES && BUDGET_HEAD.test(readHead(file, SNIFF_BYTES).toString('latin1'));
  } catch {
    return true;
  }
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(full, out);
    } else if (e.isFile() && DATA_EXT.test(e.name) && !CONFIG_NAME.test(e.name)) {
      if (looksLikeBudget(full)) out.push(full);
    } else if (e.isFile() && DOC_EXT.test(e.name) && !e.name.startsWith('~$')) out.push(full);
  }
}

export async function resolveFiles(patterns: readonly string[], cwd: string, ignores: readonly string[] = []): Promise<string[]> {
  const found: string[] = [];
  for (const pattern of patterns) {
    if (isGlob(pattern)) {
      const abs = path.resolve(cwd, pattern).split(path.sep).join('/');
      const staticPart = abs.slice(0, abs.search(/[*?{]/)).replace(/\/[^/]*$/, '') || '/';
      const re = globToRegExp(abs);
      const all: string[] = [];
      try {
        await walkAll(staticPart, all);
      } catch {
        /* a glob that matches nothing is not an error, as in a shell with nullglob */
      }
      found.push(...all.filter((f) => re.test(f.split(path.sep).join('/'))));
      continue;
    }
    const abs = path.resolve(cwd, pattern);
    let st;
    try {
      st = await stat(abs);
    } catch {
      throw new PathError(`没有这个文件或目录：${pattern}`, `no such file or directory: ${pattern}`);
    }
    if (st.isDirectory()) await walk(abs, found);
    else found.push(abs);
  }
  const ignoreRes = ignores.map((g) => globToRegExp(path.resolve(cwd, g).split(path.sep).join('/')));
  const unique = [...new Set(found)];
  return unique.filter((f) => !ignoreRes.some((re) => re.test(f.split(path.sep).join('/'))));
}

async function walkAll(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walkAll(full, out);
    } else if (e.isFile()) out.push(full);
  }
}

/**
 * `--only-budget-files`, for hooks that pass every staged .yaml/.yml/.json file: of files named
 * explicitly, keep those a directory walk would take. A YAML or JSON file stays only when it is not a
 * config file (package.json, tsconfig*.json, budgetlint.config.*, .pre-commit*) and looks like budget
 * data (a top-level `document` key); an Office lock file (`~$x.docx`) goes; anything else stays. A
 * file that cannot be sniffed stays, for the lint to report.
 */
export async function keepBudgetFiles(files: readonly string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const f of files) {
    const name = path.basename(f);
    if (DATA_EXT.test(name)) {
      if (CONFIG_NAME.test(name)) continue;
      if (looksLikeBudget(f)) kept.push(f);
    } else if (!(DOC_EXT.test(name) && name.startsWith('~$'))) kept.push(f);
  }
  return kept;
}
