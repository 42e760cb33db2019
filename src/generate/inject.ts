/**
 * Known errors put into a consistent document, one kind at a time, each with the findings it must
 * produce. A kind states the findings of the table relations, indicator and text rules it breaks
 * itself (they follow from the tables' structure, which the generator fixed); those among the
 * model's figures, the narrative and the narrative-against-table links come from the oracle, as what
 * the oracle reports after the injection and did not before. An injection whose outcome the oracle
 * cannot be sure of (a gap right at a rounding tolerance) is taken back and another drawn.
 */
import type { DocInfo } from './build.js';
import type { Ctx, Family, Kind } from './kinds/common.js';
import { FIGURE_KINDS } from './kinds/figures.js';
import { INDICATOR_KINDS } from './kinds/indicators.js';
import { NARRATIVE_KINDS } from './kinds/narrative.js';
import { TABLE_KINDS } from './kinds/tables.js';
import { TEXT_KINDS } from './kinds/text.js';
import { added, oracle, removed, type Expected } from './oracle.js';
import type { Rng } from './prng.js';
import { clone, type Obj } from './tree.js';

export type { Family };

/** Every kind, in a fixed order (the draw shuffles it). */
const KINDS: Kind[] = [...FIGURE_KINDS, ...NARRATIVE_KINDS, ...TABLE_KINDS, ...INDICATOR_KINDS, ...TEXT_KINDS];

export interface Injection {
  kind: string;
  family: Family;
  /** JSON Pointer of the changed value */
  path: string;
  /** the rule ids expected to report it */
  rules: string[];
  /** every finding it must produce: rule id and JSON Pointer */
  expected: Expected[];
  description: string;
}

export const KIND_IDS = KINDS.map((k) => k.id);

export interface InjectOptions {
  /** how many injections to try to make in this document */
  count: number;
  /** how often each kind was used so far in the corpus: the least used come first */
  usage: Map<string, number>;
}

/**
 * Injects up to `count` errors of distinct kinds that touch disjoint parts of the document, and says
 * what each must produce. Mutates `doc`.
 */
export function injectErrors(doc: Obj, info: DocInfo, rng: Rng, opts: InjectOptions): Injection[] {
  const c: Ctx = { doc, info, rng, usage: opts.usage };
  const taken = new Set<string>();
  const out: Injection[] = [];
  // least used first, ties in random order
  const load = (k: Kind) => (opts.usage.get(k.id) ?? 0) / (k.weight ?? 1);
  const order = rng.shuffle(KINDS).sort((a, b) => load(a) - load(b));
  // the document's findings as it stands: a refused attempt restores it, an accepted one is `after`
  let before = oracle(doc, info);
  for (const kind of order) {
    if (out.length >= opts.count) break;
    for (let attempt = 0; attempt < 4; attempt++) {
      const areas = kind.areas(c);
      if (!areas || areas.some((a) => taken.has(a))) break;
      const snapshot = clone(doc);
      const applied = kind.apply(c);
      const after = applied ? oracle(doc, info) : undefined;
      const vanished = after ? removed(before.findings, after.findings) : [];
      const unsure = after ? added(before.ambiguous, after.ambiguous) : [];
      const expected = after ? [...(applied!.expected ?? []), ...added(before.findings, after.findings)] : [];
      if (!applied || vanished.length > 0 || unsure.length > 0 || expected.length === 0) {
        restore(doc, snapshot);
        continue;
      }
      before = after!;
      for (const a of areas) taken.add(a);
      opts.usage.set(kind.id, (opts.usage.get(kind.id) ?? 0) + 1);
      out.push({ kind: kind.id, family: kind.family, path: applied.path, rules: [...new Set(expected.map((e) => e.rule))], expected, description: applied.description });
      break;
    }
  }
  return out;
}

/** Puts the snapshot's content back into `doc` (the same object: callers hold it). */
function restore(doc: Obj, snapshot: Obj): void {
  for (const k of Object.keys(doc)) delete doc[k];
  Object.assign(doc, snapshot);
}
