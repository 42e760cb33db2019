/** Performance tables and their parsed indicator values, parsed once per run however many rules ask. */
import { parseIndicatorValue, type ParseResult } from '../indicators/parse-value.js';
import type { Path } from '../engine/path.js';
import type { BudgetDocument, Indicator, PerformanceTable } from '../model/schema.js';

export interface TableAt {
  path: Path;
  table: PerformanceTable;
  department: boolean;
}

export function tablesOf(doc: Partial<BudgetDocument>): TableAt[] {
  const p = doc.performance;
  if (!p) return [];
  const out: TableAt[] = [];
  if (p.department) out.push({ path: ['performance', 'department'], table: p.department, department: true });
  (p.projects ?? []).forEach((t, i) => out.push({ path: ['performance', 'projects', i], table: t, department: false }));
  return out;
}

/** Every indicator rule asks for every value, so one lookup per call: NO_VALUE stands for "no value written". */
const NO_VALUE = { ok: false } as unknown as ParseResult;
const cache = new WeakMap<Indicator, ParseResult>();

/** The indicator's value with its separate operator and unit columns folded in; undefined when no value is written. */
export function parsedValue(ind: Indicator): ParseResult | undefined {
  const hit = cache.get(ind);
  if (hit !== undefined) return hit === NO_VALUE ? undefined : hit;
  const r =
    ind.value === undefined
      ? undefined
      : parseIndicatorValue(ind.value, {
          ...(ind.operator !== undefined ? { operator: ind.operator } : {}),
          ...(ind.unit !== undefined ? { unit: ind.unit } : {}),
        });
  cache.set(ind, r ?? NO_VALUE);
  return r;
}

/** The value as the reader sees it: operator, value and unit together. */
export function shownValue(ind: Indicator): string {
  return `${ind.operator?.trim() ?? ''}${ind.value ?? ''}${ind.unit?.trim() ?? ''}`;
}
