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

type Rebuild = <T>(o: T) => T;

/** A rebuild to all of `shape`'s keys: every object it makes has the same keys, added in the same order. */
function uniform(shape: object): Rebuild {
  const keys = Object.keys(shape);
  return <T>(o: T): T => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = (o as Record<string, unknown>)[keys[i]!];
    return out as T;
  };
}

const indicator = uniform(Indicator.shape);

/** Each element rebuilt, in place. */
function each<T>(list: T[] | undefined, fn: (o: T) => T): void {
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) list[i] = fn(list[i]!);
}

/** The model's indicators with one shape, in place (the model is zod's output: nothing else holds it). */
export function withUniformShapes<D extends Pick<BudgetDocument, 'performance'>>(doc: D): D {
  const p = doc.performance;
  if (p === undefined) return doc;
  each(p.department?.indicators, indicator);
  if (p.projects) for (const t of p.projects) each(t.indicators, indicator);
  return doc;
}
