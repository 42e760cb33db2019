/** ESLint's stylish layout: findings grouped by file, line:column, severity, message, rule id; the section below. */
import path from 'node:path';
import { Chalk } from 'chalk';
import type { FileResult, Finding } from '../engine/finding.js';
import { pad } from './common.js';
import { whole } from './stream.js';
import type { Formatter, Lang, StreamingFormatter } from './types.js';
import { describeLoc } from '../read/blocks.js';

const WORDS = {
  zh: { error: '错误', warn: '警告', info: '提示', problems: (n: number, e: number, w: number, i: number) => `✖ ${n} 个问题（${e} 个错误，${w} 个警告）${i ? `，另有 ${i} 条提示` : ''}`, clean: (n: number) => `✔ ${n} 个文件，没有问题`, infoOnly: (i: number) => `✔ 没有错误或警告；${i} 条提示` },
  en: { error: 'error', warn: 'warning', info: 'info', problems: (n: number, e: number, w: number, i: number) => `✖ ${n} problem${n === 1 ? '' : 's'} (${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'})${i ? `, and ${i} note${i === 1 ? "" : "s"}` : ''}`, clean: (n: number) => `✔ ${n} file${n === 1 ? '' : 's'}, no problems`, infoOnly: (i: number) => `✔ no errors or warnings; ${i} note${i === 1 ? "" : "s"}` },
} as const;

/**
 * Each file's findings as its result comes; the summary at the end needs only counts: of files, of those with
 * errors, of findings by level and by rule. Every line ends in a newline (the report is its lines joined by
 * newlines, plus one).
 */
export const stylishStream: StreamingFormatter = (ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const w = WORDS[ctx.lang];
  const tally: Tally = { files: 0, withErrors: 0, byRule: new Map() };
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const text = (lines: string[]) => lines.map((l) => l + '\n').join('');
  return {
    head: '',
    file(r) {
      errors += r.errorCount;
      warnings += r.warningCount;
      infos += r.infoCount;
      count(tally, r);
      if (r.findings.length === 0) return '';
      const lines = ['', c.underline(path.relative(ctx.cwd, r.filePath) || r.filePath)];
      for (const f of r.findings) lines.push(...row(f, ctx.lang, c));
      return text(lines);
    },
    end() {
      const problems = errors + warnings;
      const lines = [''];
      if (tally.files > 1) lines.push(...batchSummary(tally, ctx.lang, c), '');
      if (problems > 0) {
        const s = w.problems(problems, errors, warnings, infos);
        lines.push(c.bold(errors > 0 ? c.red(s) : c.yellow(s)));
      } else if (infos > 0) lines.push(c.green(w.infoOnly(infos)));
      else lines.push(c.green(w.clean(tally.files)));
      return text(lines);
    },
  };
};

export const stylish: Formatter = whole(stylishStream);

/** What the batch summary needs of the results seen so far. */
interface Tally {
  files: number;
  withErrors: number;
  /** findings above info level by rule ('(fatal)' for a file that could not be read) */
  byRule: Map<string, number>;
}

function count(t: Tally, r: FileResult): void {
  t.files++;
  if (r.errorCount > 0) t.withErrors++;
  for (const f of r.findings) if (f.level !== 'info') t.byRule.set(f.ruleId ?? '(fatal)', (t.byRule.get(f.ruleId ?? '(fatal)') ?? 0) + 1);
}

/** Across a batch: how many documents have errors, and which rules fire most. */
function batchSummary(t: Tally, lang: Lang, c: InstanceType<typeof Chalk>): string[] {
  const top = [...t.byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
  const head = lang === 'zh' ? `${t.files} 个文件中 ${t.withErrors} 个有错误` : `${t.withErrors} of ${t.files} files have errors`;
  const out = [c.bold(head)];
  if (top.length) {
    out.push(lang === 'zh' ? '出现最多的规则：' : 'rules that fire most:');
    const w = Math.max(...top.map(([id]) => id.length));
    for (const [id, n] of top) out.push(`  ${id.padEnd(w)}  ${n}`);
  }
  return out;
}

function row(f: Finding, lang: Lang, c: InstanceType<typeof Chalk>): string[] {
  const w = WORDS[lang];
  // an imported document is placed by its own terms: 表3 第5行 第2列, Sheet1!C7, 第12段
  const where = pad(f.location && f.location.kind !== 'text' ? describeLoc(f.location, lang) : `${f.line}:${f.column}`, 8);
  const word = pad(w[f.level], 7);
  const sev = f.level === 'error' ? c.red(word) : f.level === 'warn' ? c.yellow(word) : c.blue(word);
  const out = [`  ${c.dim(where)}  ${sev}  ${f.message[lang]}  ${c.dim(f.ruleId ?? '')}`];
  if (f.section) out.push(' '.repeat(2 + 8 + 2 + 7 + 2) + c.dim('› ' + f.section));
  return out;
}
