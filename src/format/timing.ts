/**
 * The `TIMING` table, in ESLint's layout: the rules (and stages) that took longest, their milliseconds and
 * their share of all the time measured; then the total, and the time a document.
 */
import type { Times } from '../engine/timing.js';
import { pad, width } from './common.js';
import type { Lang } from './types.js';

/**
 * How many rows `TIMING` asks for, read as ESLint reads it: "all"; a number above 10; anything else set, 10.
 * Unset or empty: no table.
 */
export function timingRows(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (value.toLowerCase() === 'all') return Infinity;
  const n = Number.parseInt(value, 10);
  return n > 10 ? n : 10;
}

const HEADERS = {
  zh: ['规则', '用时（毫秒）', '占比'],
  en: ['Rule', 'Time (ms)', 'Relative'],
} as const;

function footer(lang: Lang, total: number, documents: number): string {
  const each = documents > 0 ? (total / documents).toFixed(3) : '–';
  return lang === 'zh'
    ? `合计 ${total.toFixed(3)} 毫秒，${documents} 个文档，每个文档 ${each} 毫秒`
    : `Total ${total.toFixed(3)} ms, ${documents} document${documents === 1 ? '' : 's'}: ${each} ms a document`;
}

/** The table, a line each, ending in a newline. */
export function timingTable(times: Times, rows: number, lang: Lang): string {
  const all = Object.entries(times.ms).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = all.reduce((s, [, t]) => s + t, 0);
  const shown = all.slice(0, rows).map(([id, t]) => [id, t.toFixed(3), `${total > 0 ? ((100 * t) / total).toFixed(1) : '0.0'}%`]);
  const head = HEADERS[lang];
  const w = head.map((h, k) => Math.max(width(h), ...shown.map((r) => width(r[k]!))));
  const right = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;
  const line = (r: readonly string[]) => `${pad(r[0]!, w[0]!)} | ${right(r[1]!, w[1]!)} | ${right(r[2]!, w[2]!)}`;
  const rule = `:${'-'.repeat(w[0]!)}|${'-'.repeat(w[1]! + 1)}:|${'-'.repeat(w[2]!)}:`;
  return [line(head), rule, ...shown.map(line), footer(lang, total, times.documents)].join('\n') + '\n';
}
