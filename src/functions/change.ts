/** Year-on-year: a stated change turned into a signed interval, and every figure that carries one. */
import { Decimal } from 'decimal.js';
import { Interval } from '../arith/interval.js';
import type { Path } from '../engine/path.js';
import type { Bilingual } from '../model/scalars.js';
import { schemaAt, shortLabel } from '../model/introspect.js';
import type { Change, Figure } from '../model/schema.js';
import { interval } from './figures.js';
import { PerDocument } from '../engine/per-document.js';

export const INCREASE = new Set(['增加', '增长', '上升']);
export const DECREASE = new Set(['减少', '下降', '降低']);
export const FLAT = new Set(['持平', '无变化', '不变']);

/** The signed change a statement makes: "减少 182.65" → −182.65; a signed amount stands as written. */
export function signedDelta(c: Change | undefined): Interval | undefined {
  if (!c) return undefined;
  if (c.amount) {
    const i = interval(c.amount);
    if (c.direction && DECREASE.has(c.direction)) return i.abs().negate();
    if (c.direction && INCREASE.has(c.direction)) return i.abs();
    return i;
  }
  if (c.direction && FLAT.has(c.direction)) return Interval.exact(0);
  return undefined;
}

/** The change as it follows from a stated prior year: current − prior. */
export function impliedDelta(f: Figure): Interval | undefined {
  return f.prior ? interval(f.amount).minus(interval(f.prior)) : undefined;
}

export interface FigureAt {
  readonly path: Path;
  /** read it only to report: naming a figure reads the schema (see labelOf) */
  readonly label: Bilingual;
  readonly figure: Figure;
}

/** A figure as the model holds one: an object whose `amount` is a Stated. */
export function isFigure(v: unknown): v is Figure {
  if (v === null || typeof v !== 'object' || !('amount' in v)) return false;
  const a = (v as { amount: unknown }).amount;
  return !!a && typeof a === 'object' && 'decimals' in a && 'value' in a;
}

/** Named from the schema only when a finding needs the name: reading the schema costs more than the check. */
export function labelOf(path: Path): Bilingual {
  const s = schemaAt(path);
  const zh = (s && shortLabel(s)) ?? String(path[path.length - 1]);
  return { zh, en: `${zh} (${path.join('.')})` };
}

class FigureEntry implements FigureAt {
  private named: Bilingual | undefined = undefined;
  constructor(
    readonly path: Path,
    readonly figure: Figure,
  ) {}
  get label(): Bilingual {
    return (this.named ??= labelOf(this.path));
  }
}

/**
 * Every figure in the model, wherever the schema puts one. Found once per document: the change-* and
 * share rules all ask for them, and the model is not changed by any rule.
 */
export function figuresOf(doc: object): readonly FigureAt[] {
  let out = FIGURES.get(doc);
  if (!out) {
    out = [];
    collect(doc, [], out);
    FIGURES.set(doc, out);
  }
  return out;
}

const FIGURES = new PerDocument<object, FigureAt[]>();

/** One path array, grown and shrunk on the way down; copied only for a figure found. */
function collect(v: unknown, path: (string | number)[], out: FigureAt[]): void {
  // a Decimal (of a Stated that is no figure) holds only digits
  if (v === null || typeof v !== 'object' || v instanceof Decimal) return;
  if (isFigure(v)) {
    out.push(new FigureEntry(path.slice(), v));
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      collect(v[i], path, out);
      path.pop();
    }
    return;
  }
  for (const k of Object.keys(v)) {
    // not figures: procurement items, indicators, narrative statements; and the tables, whose cells
    // (most of a document's numbers) are bare amounts, never a figure
    if (k === 'items' || k === 'indicators' || k === 'narrative' || k === 'tables') continue;
    path.push(k);
    collect((v as Record<string, unknown>)[k], path, out);
    path.pop();
  }
}
