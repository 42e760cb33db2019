/** Performance tables and their parsed indicator values, parsed once per run however many rules ask. */
import { parseIndicatorValue, type ParseResult } from '../indicators/parse-value.js';
import type { Path } from '../engine/path.js';
import type { BudgetDocument, Indicator, PerformanceTable } from '../model/schema.js';
import { ownCopy } from '../text/own-copy.js';
import { editDistance } from '../text/distance.js';
import { PerDocument } from '../engine/per-document.js';

export interface TableAt {
  path: Path;
  table: PerformanceTable;
  department: boolean;
}

const tableCache = new PerDocument<object, readonly TableAt[]>();

/** The document's performance tables, worked out once per document: what it returns is shared, never changed by a caller. */
export function tablesOf(doc: Partial<BudgetDocument>): readonly TableAt[] {
  const p = doc.performance;
  if (!p) return [];
  let out = tableCache.get(p) as TableAt[] | undefined;
  if (out) return out;
  out = [];
  if (p.department) out.push({ path: ['performance', 'department'], table: p.department, department: true });
  (p.projects ?? []).forEach((t, i) => out!.push({ path: ['performance', 'projects', i], table: t, department: false }));
  tableCache.set(p, out);
  return out;
}

/**
 * A function of a text, remembered for the texts it has seen: generated and real documents repeat the same
 * indicator names, descriptions and values across tables and documents. The cache is bounded (emptied when
 * full), so a long run over distinct texts costs no more memory than `limit` entries. Only for pure
 * functions whose results are never changed by a caller.
 */
export function memoText<T>(fn: (s: string) => T, limit = 8192): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    // worked out on the text's one canonical copy (canon): neither the key kept nor a result made of its
    // characters holds on to the file, and the ~15 caches share one copy of each text
    const own = canon(s);
    const r = fn(own);
    if (cache.size >= limit) cache = new Map();
    cache.set(own, r);
    return r;
  };
}

const WHITESPACE = /\s/;
const SPACES = /\s+/g;
/** The text without whitespace (incl. U+3000): tables space names at will. */
export function squash(s: string): string {
  return WHITESPACE.test(s) ? s.replace(SPACES, '') : s;
}

const PERCENT_ASIDE = /[（(](?:%|％|百分比)[）)]$/;
/** An indicator name as rules compare names: without spaces and without a trailing "(%)", which tables add or drop at will. */
export const nameKey = memoText((name: string): string => squash(name).replace(PERCENT_ASIDE, ''));

/**
 * Generic names (综合满意度, 合格率) recur in every table for different things: two rows of one name are one
 * indicator only when their descriptions agree too (or one has none), up to a few edits.
 */
export function sameDescription(a: Indicator, b: Indicator): boolean {
  const da = a.description === undefined ? '' : squash(a.description);
  const db = b.description === undefined ? '' : squash(b.description);
  if (!da || !db) return true;
  const limit = Math.max(2, Math.floor(Math.min(da.length, db.length) / 3));
  return editDistance(da, db, limit) <= limit;
}

/**
 * The same value, operator and unit columns parse the same in every table and document: the result (never
 * changed by a caller) is shared across them, remembered by the value text (bounded like memoText).
 */
const BY_TEXT_LIMIT = 16384;
/** A value written whole in its column (no separate operator or unit): read from canon's copy of it. */
const parseBare = memoText((value: string): ParseResult => parseIndicatorValue(value), BY_TEXT_LIMIT);
/** A value with its operator and unit columns, by a key of all three. */
const byColumns = new Map<string, ParseResult>();

function parseWithColumns(value: string, op: string | undefined, unit: string | undefined): ParseResult {
  // the lengths in front: the three columns cannot run into one another
  const o = op ?? '';
  const key = `${value.length}:${o.length}:${value}${o}${unit ?? ''}`;
  let r = byColumns.get(key);
  if (!r) {
    // parsed from copies: the result kept (its texts are slices of the value) must not hold on to the file
    r = parseIndicatorValue(ownCopy(value), {
      ...(op !== undefined ? { operator: ownCopy(op) } : {}),
      ...(unit !== undefined ? { unit: ownCopy(unit) } : {}),
    });
    if (byColumns.size >= BY_TEXT_LIMIT) byColumns.clear();
    byColumns.set(ownCopy(key), r);
  }
  return r;
}

/**
 * A row with operator or unit columns: its key is built once per row, here remembered per indicator.
 * NO_VALUE stands for "no value written".
 */
const NO_VALUE = { ok: false } as unknown as ParseResult;
const withColumns = new PerDocument<Indicator, ParseResult>();

/** The indicator's value with its separate operator and unit columns folded in; undefined when no value is written. */
export function parsedValue(ind: Indicator): ParseResult | undefined {
  const value = ind.value;
  const op = ind.operator;
  const unit = ind.unit;
  if (op === undefined && unit === undefined) return value === undefined ? undefined : parseBare(value);
  const hit = withColumns.get(ind);
  if (hit !== undefined) return hit === NO_VALUE ? undefined : hit;
  const r = value === undefined ? undefined : parseWithColumns(value, op, unit);
  withColumns.set(ind, r ?? NO_VALUE);
  return r;
}

/**
 * One string object per distinct text (bounded like memoText). A Map finds a key that is the very string
 * it holds at once; a text read afresh from each document must first be hashed and compared character by
 * character. So the texts every rule reads are made canonical once per row, and the rules' memoised
 * readings of them are keyed by these.
 */
const canonical = new Map<string, string>();
const CANONICAL_LIMIT = 32768;
export function canon(s: string): string {
  const hit = canonical.get(s);
  if (hit !== undefined) return hit;
  if (canonical.size >= CANONICAL_LIMIT) canonical.clear();
  const own = ownCopy(s);
  canonical.set(own, own);
  return own;
}

/** A row of a performance table as every indicator rule reads it. */
export interface Row {
  /** name, description, level1 and level2 as canon gives them (equal to the indicator's own) */
  readonly name: string;
  readonly description: string | undefined;
  readonly level1: string;
  readonly level2: string | undefined;
  /** parsedValue */
  readonly value: ParseResult | undefined;
}

const rowsCache = new PerDocument<readonly Indicator[], readonly Row[]>();

/** The rows of a table, worked out once per document for every rule: shared, never changed by a caller. */
export function rowsOf(indicators: readonly Indicator[]): readonly Row[] {
  let out = rowsCache.get(indicators);
  if (!out) {
    out = indicators.map((ind) => ({
      name: canon(ind.name),
      description: ind.description === undefined ? undefined : canon(ind.description),
      level1: canon(ind.level1),
      level2: ind.level2 === undefined ? undefined : canon(ind.level2),
      value: parsedValue(ind),
    }));
    rowsCache.set(indicators, out);
  }
  return out;
}

/** The value as the reader sees it: operator, value and unit together. */
export function shownValue(ind: Indicator): string {
  return `${ind.operator?.trim() ?? ''}${ind.value ?? ''}${ind.unit?.trim() ?? ''}`;
}
