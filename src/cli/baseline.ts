/**
 * A baseline: the findings a team has accepted (in a published disclosure that will not change, in a JSON file
 * that cannot carry a suppression comment), so that only new findings fail a run.
 *
 * The file, JSON, diff-friendly and the same bytes for the same findings on every run:
 *
 *   {"version": 1, "findings": [{"file": "data/2024.yaml", "ruleId": "…", "pointer": "/expenditure/total/amount",
 *                                "messageId": "mismatch", "fingerprint": "<sha256 hex>"}, …]}
 *
 * sorted by file, rule, pointer, message id, fingerprint. `file` is relative to the baseline file's directory,
 * with `/` separators (the same baseline serves a run from the repository root and from a subdirectory).
 *
 * Identity of a finding. Not its line (a line inserted above must not resurrect it) and not its message text
 * (wording, language). It is the file, the rule, the JSON Pointer of the data, the message id, and, for a
 * finding with arithmetic (a sum, a rate), its figures: the stated and the computed value. The choice: a
 * baseline entry accepts *this* discrepancy, the one someone looked at. When a figure it involves is changed
 * (a part corrected, a transcription typo fixed) and the check still fails, the gap is a different one and is
 * reported again, to be looked at again; a gap that grew from 1.00 to 1 000.00 must not pass silently. The
 * tolerance is not a figure (it is configuration), and a finding without arithmetic (a wording, a date, a
 * structure) is identified by its place and kind alone, since the numbers in its message are descriptive
 * (row numbers, option thresholds). The figures enter only through `fingerprint`, a sha256 of rule, pointer,
 * message id, stated and computed: the file is not in it, so a renamed data file is a one-field edit.
 *
 * What is recorded: rule findings at error and warn level. Not info (it never fails a run), not findings of no
 * rule (a file that cannot be read or parsed must not be accepted: nothing else in it would be checked; an
 * unused disable directive is fixed by deleting it). Two findings with the same identity (two equal typos in
 * one text) are two entries: matching counts, so a third one is new.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../engine/config.js';
import { count, type FileResult, type Finding } from '../engine/finding.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  file: string;
  ruleId: string;
  pointer: string;
  messageId: string;
  fingerprint: string;
}

interface BaselineFile {
  version: number;
  findings: BaselineEntry[];
}

const FIELDS = ['file', 'ruleId', 'pointer', 'messageId', 'fingerprint'] as const;

/** Whether a finding can be accepted by a baseline (and is written to one). */
export function recordable(f: Finding): f is Finding & { ruleId: string } {
  return f.ruleId !== null && !f.fatal && f.level !== 'info';
}

/** The finding's fingerprint: rule, data pointer, message id and (for arithmetic) the stated and computed figures. */
export function baselineFingerprint(f: Finding): string {
  return createHash('sha256')
    .update(['v1', f.ruleId ?? '', f.pointer, f.messageId ?? '', f.arithmetic?.stated ?? '', f.arithmetic?.computed ?? ''].join('\0'))
    .digest('hex');
}

function relativeFile(filePath: string, baseDir: string): string {
  const rel = path.relative(baseDir, filePath) || path.basename(filePath);
  return rel.split(path.sep).join('/');
}

export function entryOf(f: Finding & { ruleId: string }, file: string): BaselineEntry {
  return { file, ruleId: f.ruleId, pointer: f.pointer, messageId: f.messageId ?? '', fingerprint: baselineFingerprint(f) };
}

const keyOf = (e: BaselineEntry): string => FIELDS.map((k) => e[k]).join('\0');

/** Code-unit order, not the locale's: the same file on every machine. */
function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  for (const k of FIELDS) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

function shownPath(file: string, cwd: string): string {
  return path.relative(cwd, file) || file;
}

/** Parse and check a baseline file's text; `shown` names it in errors. */
export function parseBaseline(text: string, shown: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`基线文件 ${shown} 不是有效的 JSON：${(e as Error).message}`, `the baseline file ${shown} is not valid JSON: ${(e as Error).message}`);
  }
  const obj = data as { version?: unknown; findings?: unknown } | null;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj) || typeof obj.version !== 'number' || !Array.isArray(obj.findings)) {
    throw new ConfigError(
      `${shown} 不是 budgetlint 基线文件（应为 {"version": 1, "findings": [...]}）`,
      `${shown} is not a budgetlint baseline (expected {"version": 1, "findings": [...]})`,
    );
  }
  if (obj.version !== BASELINE_VERSION) {
    throw new ConfigError(
      `基线文件 ${shown} 的版本 ${obj.version} 不受支持（本版 budgetlint 读取版本 ${BASELINE_VERSION}）`,
      `the baseline file ${shown} has version ${obj.version}, which this budgetlint does not read (it reads version ${BASELINE_VERSION})`,
    );
  }
  const findings = obj.findings.map((e: unknown, i): BaselineEntry => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      throw new ConfigError(`基线文件 ${shown} 中 findings[${i}] 不是对象`, `the baseline file ${shown}: findings[${i}] is not an object`);
    }
    for (const k of FIELDS) {
      if (typeof (e as Record<string, unknown>)[k] !== 'string') {
        throw new ConfigError(
          `基线文件 ${shown} 中 findings[${i}] 缺少字符串字段 ${k}`,
          `the baseline file ${shown}: findings[${i}] has no string "${k}"`,
        );
      }
    }
    const entry = e as BaselineEntry;
    return { file: entry.file, ruleId: entry.ruleId, pointer: entry.pointer, messageId: entry.messageId, fingerprint: entry.fingerprint };
  });
  return { version: obj.version, findings };
}

async function readBaseline(file: string, cwd: string): Promise<BaselineFile> {
  const shown = shownPath(file, cwd);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ConfigError(
        `找不到基线文件 ${shown}（用 --update-baseline 生成）`,
        `the baseline file ${shown} does not exist (create it with --update-baseline)`,
      );
    }
    throw new ConfigError(`无法读取基线文件 ${shown}（${code ?? (e as Error).message}）`, `cannot read the baseline file ${shown} (${code ?? (e as Error).message})`);
  }
  return parseBaseline(text.replace(/^\uFEFF/, ''), shown);
}

/**
 * The results with the findings the baseline accepts moved to `suppressed` (kind 'baseline'), counts recomputed.
 * Throws ConfigError when the file is missing or is not a valid baseline.
 */
export async function applyBaseline(results: FileResult[], file: string, cwd: string): Promise<FileResult[]> {
  const accept = await baselineMatcher(file, cwd);
  return results.map(accept);
}

/**
 * applyBaseline one result at a time, in the files' order (the CLI keeps no result once it is reported): the
 * baseline is read now (ConfigError as applyBaseline), and each entry accepts one finding, the first met.
 */
export async function baselineMatcher(file: string, cwd: string): Promise<(r: FileResult) => FileResult> {
  const baseline = await readBaseline(file, cwd);
  const baseDir = path.dirname(file);
  const left = new Map<string, number>();
  for (const e of baseline.findings) left.set(keyOf(e), (left.get(keyOf(e)) ?? 0) + 1);
  if (left.size === 0) return (r) => r;
  return (r) => {
    const rel = relativeFile(r.filePath, baseDir);
    const findings: Finding[] = [];
    const accepted: Finding[] = [];
    for (const f of r.findings) {
      if (recordable(f)) {
        const key = keyOf(entryOf(f, rel));
        const n = left.get(key) ?? 0;
        if (n > 0) {
          left.set(key, n - 1);
          accepted.push({ ...f, suppressed: { kind: 'baseline' } });
          continue;
        }
      }
      findings.push(f);
    }
    if (accepted.length === 0) return r;
    const suppressed = [...r.suppressed, ...accepted].sort((a, b) => a.line - b.line || a.column - b.column);
    return count(r.filePath, findings, suppressed);
  };
}

/**
 * Write the current findings (error and warn level, of a rule) to the baseline; entries of files not linted in
 * this run are kept while the file exists (a tree linted in parts). Returns the number of current findings
 * written. Refuses (ConfigError) to write over a file that is not a budgetlint baseline.
 */
export async function writeBaseline(results: FileResult[], file: string, cwd: string): Promise<number> {
  const w = baselineWriter(file, cwd);
  for (const r of results) w.add(r);
  return await w.write();
}

/**
 * writeBaseline fed one result at a time: it keeps only the entries and the names of the files linted, not the
 * results. Nothing is read or written before write().
 */
export function baselineWriter(file: string, cwd: string): { add(r: FileResult): void; write(): Promise<number> } {
  const baseDir = path.dirname(file);
  const linted = new Set<string>();
  const current: BaselineEntry[] = [];
  return {
    add(r) {
      const rel = relativeFile(r.filePath, baseDir);
      linted.add(rel);
      for (const f of r.findings) if (recordable(f)) current.push(entryOf(f, rel));
    },
    write: () => writeEntries(current, linted, file, cwd),
  };
}

async function writeEntries(current: BaselineEntry[], linted: ReadonlySet<string>, file: string, cwd: string): Promise<number> {
  const shown = shownPath(file, cwd);
  const baseDir = path.dirname(file);
  let kept: BaselineEntry[] = [];
  let existing: string | undefined;
  try {
    existing = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      throw new ConfigError(`无法读取基线文件 ${shown}（${code ?? (e as Error).message}）`, `cannot read the baseline file ${shown} (${code ?? (e as Error).message})`);
    }
  }
  if (existing !== undefined && existing.trim() !== '') {
    let old: BaselineFile;
    try {
      old = parseBaseline(existing.replace(/^\uFEFF/, ''), shown);
    } catch (e) {
      const reason = e as ConfigError;
      throw new ConfigError(`拒绝覆盖 ${shown}：${reason.zh}`, `refusing to overwrite ${shown}: ${reason.en}`);
    }
    kept = old.findings.filter((e) => !linted.has(e.file) && existsSync(path.resolve(baseDir, ...e.file.split('/'))));
  }
  const out: BaselineFile = { version: BASELINE_VERSION, findings: [...kept, ...current].sort(compareEntries) };
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    await mkdir(baseDir, { recursive: true });
    await writeFile(tmp, JSON.stringify(out, null, 2) + '\n');
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(`无法写入基线文件 ${shown}（${code ?? (e as Error).message}）`, `cannot write the baseline file ${shown} (${code ?? (e as Error).message})`);
  }
  return current.length;
}
