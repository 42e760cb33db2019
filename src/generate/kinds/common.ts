/**
 * What every kind of injection shares: the context it works in, what it returns, and the small
 * operations on the document tree (a figure's amount moved, a table cell moved, an indicator's path).
 */
import type { DocInfo, TableId } from '../build.js';
import { WAN, WAN_CENT, amountIn, money, type MoneyUnit } from '../money.js';
import type { Expected } from '../oracle.js';
import type { Rng } from '../prng.js';
import { Num, getAt, num, setAt, type Node, type Obj } from '../tree.js';

export type Family = 'arithmetic' | 'table' | 'narrative' | 'indicator' | 'text';

export interface Ctx {
  doc: Obj;
  info: DocInfo;
  rng: Rng;
  /** how often each kind (and each target of a kind: "kind:target") was used so far in the corpus */
  usage: Map<string, number>;
}

export interface Applied {
  path: string;
  description: string;
  /** findings the oracle does not compute (table relations, indicators, text) */
  expected?: Expected[];
}

export interface Kind {
  id: string;
  family: Family;
  /** the parts of the document it touches, directly or through the relations it breaks; undefined: not applicable */
  areas(c: Ctx): string[] | undefined;
  /** how many distinct targets it has: a kind is drawn that many times as often as a kind with one */
  weight?: number;
  apply(c: Ctx): Applied | undefined;
}

/** Exact cents of a number written in `unit`. */
export function cents(text: string, unit: MoneyUnit): number {
  const neg = text.startsWith('-');
  const [i = '0', f = ''] = text.replace(/^-/, '').split('.');
  const places = unit === '元' ? 2 : 6;
  if (f.length > places) throw new Error(`${text} ${unit} is finer than a cent`);
  const v = Number(i) * 10 ** places + Number(f.padEnd(places, '0') || '0');
  return neg ? -v : v;
}

export const numText = (n: Node | undefined): string => {
  if (!(n instanceof Num)) throw new Error('not a number');
  return n.text;
};

/** The amount path of a figure: itself when written bare, else its `amount`. */
export function amountPath(doc: Obj, fig: string): string | undefined {
  const v = getAt(doc, fig);
  if (v instanceof Num) return fig;
  if (v && typeof v === 'object' && !Array.isArray(v) && (v as Obj).amount instanceof Num) return `${fig}/amount`;
  return undefined;
}

export const tableRows = (doc: Obj, t: number, grid = ''): Node[][] => ((getAt(doc, `/tables/${t}${grid}/rows`) as Node[][] | undefined) ?? []);
export const codeOf = (row: Node[]): string => (row[0] instanceof Num ? row[0].text : typeof row[0] === 'string' ? row[0].replace(/\s+/g, '') : '');
export const cellCents = (n: Node | undefined, unit: MoneyUnit) => (n instanceof Num ? cents(n.text, unit) : 0);
export const tablePath = (c: Ctx, id: TableId) => `/tables/${c.info.tables[id]}`;

/** Adds `delta` to the table cell at `p` (a blank cell holds 0). */
export function bumpCell(c: Ctx, p: string, delta: number, unit: MoneyUnit): string {
  const old = getAt(c.doc, p);
  const v = cellCents(old, unit) + delta;
  setAt(c.doc, p, num(money(v, unit)));
  return `${old instanceof Num ? old.text : '(空)'} → ${money(v, unit)}`;
}

/** An amount to add, in whole 0.01万元, that no rounding explains. */
export const delta = (c: Ctx, lo = 1, hi = 30) => amountIn(c.rng, lo * WAN, hi * WAN, WAN_CENT) * (c.rng.chance(0.8) ? 1 : -1);

export function bumpFigure(c: Ctx, fig: string, d: number): { path: string; description: string } | undefined {
  const p = amountPath(c.doc, fig);
  if (!p) return undefined;
  const old = numText(getAt(c.doc, p));
  const v = cents(old, '万元') + d;
  if (v < 0) return undefined;
  setAt(c.doc, p, num(money(v, '万元')));
  return { path: p, description: `${fig.slice(1).replace(/\//g, '.')}: ${old} → ${money(v, '万元')}` };
}

export const perfPath = (i: number) => `/performance/projects/${i}`;
export const indPath = (i: number, r: number) => `${perfPath(i)}/indicators/${r}`;
export const indicator = (c: Ctx, i: number, r: number) => getAt(c.doc, indPath(i, r)) as Obj;

/** The department-wide table restates this row: changing its value must also break indicator-consistency. */
export function copied(c: Ctx, i: number, r: number): Expected[] {
  return c.info.deptCopies.some((d) => d.project === i && d.row === r) ? [{ rule: 'indicator-consistency', path: `${indPath(i, r)}/value` }] : [];
}
