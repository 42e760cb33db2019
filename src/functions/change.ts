/** Year-on-year: a stated change turned into a signed interval, and every figure that carries one. */
import { Interval } from '../arith/interval.js';
import type { Path } from '../engine/path.js';
import type { Bilingual } from '../model/scalars.js';
import { schemaAt, shortLabel } from '../model/introspect.js';
import type { Change, Figure } from '../model/schema.js';
import { interval } from './figures.js';

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
  path: Path;
  label: Bilingual;
  figure: Figure;
}

function isFigure(v: unknown): v is Figure {
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

/** Every figure in the model, wherever the schema puts one. */
export function figuresOf(doc: object): FigureAt[] {
  const out: FigureAt[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (v === null || typeof v !== 'object') return;
    if (isFigure(v)) {
      out.push({ path, figure: v, get label() { return labelOf(path); } });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else for (const [k, x] of Object.entries(v)) if (k !== 'items' && k !== 'indicators' && k !== 'narrative') walk(x, [...path, k]);
  };
  walk(doc, []);
  return out;
}
