/**
 * One object shape for the model's indicators, which the indicator rules read in their inner loops.
 *
 * zod's output holds only the keys a document wrote, so indicators written with and without 二级指标,
 * 描述, 单位… come out as objects of many shapes (V8 hidden classes). The rules' optimised code is
 * specialised to the shapes it has met and is thrown away ("wrong map") at each new one, then compiled
 * again, on V8's helper threads, which a second `--jobs` thread has to share. So each indicator is
 * rebuilt with every key of its schema, in the schema's order, an absent one undefined: reading a key
 * gives what it gave before, and JSON, which drops undefined, is unchanged. (Measured on 1,000 generated
 * documents: 130 → 100 deoptimisations, 636 → 611 compilations, 6.3 → 5.9 s of compiler-thread time.
 * Doing the same for tables, performance tables and narrative statements removed no more deoptimisations,
 * so they are left as zod makes them.)
 */
import { Indicator, type BudgetDocument } from './schema.js';

const KEYS = Object.keys(Indicator.shape);

/** The indicators rebuilt in place, each with all of KEYS added in the same order. */
function uniform(list: Indicator[] | undefined): void {
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    const o = list[i] as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < KEYS.length; k++) out[KEYS[k]!] = o[KEYS[k]!];
    list[i] = out as Indicator;
  }
}

/** The model's indicators with one shape, in place (the model is zod's output: nothing else holds it). */
export function withUniformShapes<D extends Pick<BudgetDocument, 'performance'>>(doc: D): D {
  const p = doc.performance;
  if (p === undefined) return doc;
  uniform(p.department?.indicators);
  if (p.projects) for (const t of p.projects) uniform(t.indicators);
  return doc;
}
