/**
 * The narrative's statements as the narrative-* rules read them: each with its unit, its normalised label, its
 * parts, and the arithmetic on amounts written in different units (元 / 万元 / 亿元) as exact intervals.
 */
import { Decimal } from 'decimal.js';
import { Interval } from '../arith/interval.js';
import type { MoneyUnit } from '../arith/units.js';
import type { Path } from '../engine/path.js';
import type { Bilingual, Stated } from '../model/scalars.js';
import type { Statement } from '../model/schema.js';
import { isGenericLabel, normaliseLabel } from './normalise.js';

export interface Node {
  index: number;
  s: Statement;
  /** the unit its amounts are written in: its own, or the document's */
  unit: MoneyUnit;
  norm: string;
  children: number[];
}

export function nodesOf(narrative: readonly Statement[] | undefined, docUnit: MoneyUnit): Node[] {
  if (!narrative) return [];
  const nodes: Node[] = narrative.map((s, index) => ({ index, s, unit: s.unit ?? docUnit, norm: normaliseLabel(s.label ?? ''), children: [] }));
  for (const n of nodes) {
    const p = n.s.parent;
    if (p !== undefined && p !== n.index && p >= 0 && p < nodes.length && !isAncestor(nodes, n.index, p)) nodes[p]!.children.push(n.index);
  }
  return nodes;
}

/** Whether a is an ancestor of b already (a parent loop written in the data is ignored). */
function isAncestor(nodes: Node[], a: number, b: number): boolean {
  let k: number | undefined = b;
  for (let guard = 0; k !== undefined && guard < nodes.length; guard++) {
    if (k === a) return true;
    k = nodes[k]!.s.parent;
  }
  return false;
}

const EXP: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/** A stated amount as an interval in unit `to`. */
export function inUnit(s: Stated, from: MoneyUnit, to: MoneyUnit): Interval {
  const i = Interval.stated(s.value, s.decimals);
  return from === to ? i : i.scale(new Decimal(10).pow(EXP[from] - EXP[to]));
}

/** An amount as written, with its unit when it is not the one the arithmetic is shown in. */
export function written(s: Stated, from: MoneyUnit, shownIn: MoneyUnit): string {
  return from === shownIn ? s.text : `${s.text}${from}`;
}

/** The change a statement states, signed by its direction word (减少 5 → −5), in unit `to`. */
export function signedChange(n: Node, to: MoneyUnit): Interval | undefined {
  const c = n.s.change;
  if (!c) return undefined;
  const d = c.direction;
  if (c.amount) {
    const i = inUnit(c.amount, n.unit, to);
    if (d === '减少' || d === '下降' || d === '降低') return i.abs().negate();
    if (d === '增加' || d === '增长' || d === '上升') return i.abs();
    return i;
  }
  if (d === '持平' || d === '无变化' || d === '不变') return Interval.exact(0);
  return undefined;
}

export const pathOf = (i: number, ...rest: (string | number)[]): Path => ['narrative', i, ...rest];

/** A label for messages: as written, or "（第 n 条）" when the statement has none. */
export function nameOf(n: Node): Bilingual {
  const l = (n.s.label ?? '').trim();
  return l ? { zh: l, en: l } : { zh: `第 ${n.index + 1} 条陈述`, en: `statement #${n.index + 1}` };
}

// ---------------------------------------------------------------------------------------------------------
// Is a list of parts the whole of its parent, or may it leave parts out?

export interface Wholeness {
  whole: boolean;
  /** why the parts must add up to the parent */
  why?: Bilingual;
}

const WHOLE_MARKER = /具体包括|主要包括|包括|包含|分别为|分别是|其中|主要用于/g;

/**
 * The word that introduced the list, read from the first part's sentence (`text`): the last list word before
 * the part's label. 包括 / 包含 / 具体包括 / 分别为 / 分别是 list every part; 其中 / 主要包括 / 主要用于 may list some.
 */
export function listWord(parts: readonly Node[]): string | undefined {
  for (const p of parts) {
    const text = p.s.text;
    const label = p.s.label?.trim();
    if (!text || !label) continue;
    // the place the label is stated with its figure, not an earlier mention ("基本支出表…其中基本支出541.96万元")
    let at = -1;
    for (let k = text.indexOf(label); k >= 0; k = text.indexOf(label, k + 1)) {
      at = k;
      if (/^[\s\d.,为是：:约共-]|^(?:增加|减少|增长|下降|持平|与|比|较)/.test(text.slice(k + label.length, k + label.length + 2))) break;
    }
    if (at < 0) continue;
    let last: string | undefined;
    for (const m of text.slice(0, at).matchAll(WHOLE_MARKER)) last = m[0];
    if (last) return last;
  }
  return undefined;
}

/** The decompositions the domain knows to be complete (domain notes §2): each part matches one class. */
const KNOWN: { classes: RegExp[]; optional?: RegExp[]; zh: string; en: string }[] = [
  { classes: [/基本支出/, /项目支出/], optional: [/上缴上级/, /经营支出/, /对附属单位补助/], zh: '基本支出与项目支出构成全部支出', en: 'basic and project spending make up all spending' },
  { classes: [/人员/, /公用|运转/], zh: '人员经费与公用经费构成全部基本支出', en: 'personnel and public costs make up all basic spending' },
  { classes: [/出国/, /公务用车|公务车/, /接待/], zh: '“三公”经费由出国（境）、公务用车、公务接待三项构成', en: 'the "three public" costs are overseas travel, vehicles and reception' },
  { classes: [/购置/, /运行|运维|运营/], zh: '公务用车费由购置费与运行费构成', en: 'vehicle costs are purchase and operation' },
  { classes: [/货物/, /工程/, /服务/], zh: '政府采购由货物、工程、服务三类构成', en: 'procurement is goods, works and services' },
];

function knownWhole(parts: readonly Node[]): Bilingual | undefined {
  for (const k of KNOWN) {
    const hit = new Set<number>();
    let ok = parts.length >= k.classes.length;
    for (const p of parts) {
      const cls = k.classes.map((re, i) => (re.test(p.norm) ? i : -1)).filter((i) => i >= 0);
      if (cls.length === 1) hit.add(cls[0]!);
      else if (!(cls.length === 0 && k.optional?.some((re) => re.test(p.norm)))) ok = false;
    }
    if (ok && hit.size === k.classes.length) return { zh: k.zh, en: k.en };
  }
  return undefined;
}

const WHOLE_WORDS = new Set(['具体包括', '包括', '包含', '分别为', '分别是']);
const PARTIAL_WORDS = new Set(['主要包括', '主要用于']);

/**
 * Whether `parts` are meant to be all of `parent`: listed with a word that lists every part, or a decomposition
 * the domain knows to be complete, or (`shares`) shares of the parent that add up to 100%.
 */
export function wholeness(parent: Node, parts: readonly Node[], opts: { shares?: boolean; floor?: Decimal } = {}): Wholeness {
  if (/^(?:以上|上述)/.test(parent.norm)) return { whole: true, why: { zh: `“${parent.s.label}”是所列各项之和`, en: `"${parent.s.label}" is the total of the items above` } };
  const word = listWord(parts);
  if (word && WHOLE_WORDS.has(word)) return { whole: true, why: { zh: `以“${word}”列出的是全部组成部分`, en: `a list introduced by ${word} names every part` } };
  // 主要用于 / 主要包括 say the list is a selection: names that happen to fit a known breakdown (…设备购置经费,
  // …运营经费 read as a vehicle's purchase and running costs) do not make it the whole. 其中 may list all.
  const known = word && PARTIAL_WORDS.has(word) ? undefined : knownWhole(parts);
  if (known) return { whole: true, why: known };
  if (opts.shares && parts.length >= 2 && parts.every((p) => p.s.share && shareOfParent(p, parent))) {
    const sum = parts.reduce((acc, p) => acc.plus(Interval.stated(p.s.share!.value, p.s.share!.decimals)), Interval.exact(0));
    const floor = opts.floor ?? new Decimal(0.1);
    if (sum.lo.minus(floor).lte(100) && sum.hi.plus(floor).gte(100)) return { whole: true, why: { zh: '各部分占比合计 100%', en: 'the parts\' shares add up to 100%' } };
  }
  return { whole: false };
}

/** A share stated of the parent: no `of`, or an `of` that names the parent. */
export function shareOfParent(p: Node, parent: Node): boolean {
  const of = p.s.of;
  if (of === undefined || of.trim() === '') return true;
  const o = normaliseLabel(of);
  return o === parent.norm || (o.length >= 2 && (parent.norm.endsWith(o) || o.endsWith(parent.norm)));
}

/** The statement a share is of: the one its `of` names (the nearest before it), else its parent. */
export function wholeOf(n: Node, nodes: readonly Node[]): Node | undefined {
  const of = n.s.of?.trim();
  if (!of) return n.s.parent !== undefined ? nodes[n.s.parent] : undefined;
  const o = normaliseLabel(of);
  const withAmount = nodes.filter((m) => m.index !== n.index && m.s.amount);
  const pick = (list: Node[]) => list.filter((m) => m.index < n.index).pop() ?? list[0];
  const exact = withAmount.filter((m) => m.norm === o);
  if (exact.length) return pick(exact);
  if (o.length >= 4) {
    const near = withAmount.filter((m) => m.norm.length >= 4 && (m.norm.endsWith(o) || o.endsWith(m.norm)));
    const labels = new Set(near.map((m) => m.norm));
    if (labels.size === 1) return pick(near);
  }
  const parent = n.s.parent !== undefined ? nodes[n.s.parent] : undefined;
  return parent && shareOfParent(n, parent) ? parent : undefined;
}

export { isGenericLabel, normaliseLabel };
