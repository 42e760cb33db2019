/**
 * Pairing a quantity indicator with its unit-cost indicator by name (定制雨伞数量 ↔ 定制雨伞单价),
 * and reading the "N个，每个P元，需A万元" phrasing tables use to state a line's arithmetic.
 *
 * unit-cost-quantity and cross-project-prices both read these for the same indicators: pairsOf, linesOf
 * and partsOf work each out once per document (cached on the indicators array or the indicator, which a
 * document's model keeps for every rule). What they return is shared: never changed by a caller.
 */
import { Decimal } from 'decimal.js';
import type { ParsedValue } from '../indicators/parse-value.js';
import type { Indicator } from '../model/schema.js';
import { memoText, rowsOf, squash } from './indicators.js';
import { decimalsOf } from '../arith/decimal.js';
import { PerDocument } from '../engine/per-document.js';

/** A quantity's name ends so ("宣传册印制数量"); what is left before it is the item. */
export const QTY_SUFFIX = /(?:购买|购置|采购|定制|制作|印制|加装)?(?:数量|个数|件数|总数|数)$/;
const PRICE_SUFFIX = /(?:购买|购置|采购|定制|制作|印制)?(?:单价|均价|价格|单位成本)$/;

export function isQuantity(ind: Indicator): boolean {
  return (ind.level2 !== undefined && ind.level2.includes('数量')) || ind.name.endsWith('数量');
}

export function isCost(ind: Indicator): boolean {
  return ind.level2 !== undefined && ind.level2.includes('成本');
}

const TRAILING_ASIDE = /[（(][^）)]*[）)]$/;
const VERB_TAIL = /(?:购买|购置|采购|定制|制作|印制)$/;
const VERB_HEAD = /^(?:购买|购置|采购|定制|制作|印制)/;
const stemOf = (suffix: RegExp) => memoText((name: string): string => {
  const s = squash(name).replace(TRAILING_ASIDE, '').replace(suffix, '');
  return s.replace(VERB_TAIL, '').replace(VERB_HEAD, '');
});
const quantityStem = stemOf(QTY_SUFFIX);
const priceStem = stemOf(PRICE_SUFFIX);

/** The item a quantity or price row is named after; once per distinct name. */
export function stem(name: string, kind: 'quantity' | 'price'): string {
  return kind === 'quantity' ? quantityStem(name) : priceStem(name);
}

export interface Pair {
  quantityIndex: number;
  priceIndex: number;
  quantity: ParsedValue;
  price: ParsedValue;
  stem: string;
}

const pairCache = new PerDocument<readonly Indicator[], readonly Pair[]>();

/** Quantity rows whose stem matches exactly one unit-price row with a money value. */
export function pairsOf(indicators: readonly Indicator[]): readonly Pair[] {
  let pairs = pairCache.get(indicators);
  if (!pairs) pairCache.set(indicators, (pairs = findPairs(indicators)));
  return pairs;
}

function findPairs(indicators: readonly Indicator[]): Pair[] {
  // how many quantity rows bear each name: one pass, not one per price row
  const rows = rowsOf(indicators);
  const quantityNames = new Map<string, number>();
  for (const o of indicators) if (isQuantity(o)) quantityNames.set(o.name, (quantityNames.get(o.name) ?? 0) + 1);
  const prices = new Map<string, number[]>();
  indicators.forEach((ind, i) => {
    if (!isCost(ind)) return;
    const v = rows[i]?.value;
    if (!v?.ok || v.value.dimension !== 'money' || !v.value.scaled) return;
    // a price row is named as one (单价/均价…) or carries the very name of a quantity row (纸杯定制 ↔ 纸杯定制)
    const named = PRICE_SUFFIX.test(ind.name);
    const same = (quantityNames.get(ind.name) ?? 0) > (isQuantity(ind) ? 1 : 0);
    if (!named && !same) return;
    const s = stem(ind.name, 'price');
    const at = prices.get(s);
    if (at) at.push(i);
    else if (s) prices.set(s, [i]);
  });
  const out: Pair[] = [];
  indicators.forEach((ind, i) => {
    if (!isQuantity(ind) || isCost(ind)) return;
    const q = rows[i]?.value;
    if (!q?.ok || !q.value.scaled || q.value.dimension === 'money' || q.value.dimension === 'percent') return;
    const s = stem(ind.name, 'quantity');
    const match = prices.get(s);
    if (!s || !match || match.length !== 1) return;
    const p = rows[match[0]!]?.value;
    if (p?.ok) out.push({ quantityIndex: i, priceIndex: match[0]!, quantity: q.value, price: p.value, stem: s });
  });
  return out;
}

export interface StatedLine {
  quantity: Decimal;
  quantityText: string;
  quantityUnit: string;
  price: Decimal;
  priceText: string;
  /** the amount in 元, and the places it was written with in its own unit */
  amount: Decimal;
  amountText: string;
  amountScale: Decimal;
  amountDecimals: number;
  index: number;
  length: number;
}

// "纸杯25000个，每个0.4元，需1万元" / "手提袋5000个，每个3元，共需1.5万元"
const LINE_RE = /(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,2})[，,、]\s*每[\u4e00-\u9fa5]{0,2}?(\d+(?:\.\d+)?)元[，,、]\s*(?:共)?(?:需|需要|计|合计|共计)(?:资金)?(\d+(?:\.\d+)?)(万|亿)?元/g;

const lineCache = new PerDocument<Indicator, readonly StatedLine[]>();

/** The lines an indicator's description states (statedLines), once per indicator. */
export function linesOf(ind: Indicator): readonly StatedLine[] {
  const text = ind.description;
  // a line is stated with 每 and 元: a description without both (most) states none, and is not even remembered
  if (text === undefined || !text.includes('每') || !text.includes('元')) return NO_LINES;
  let lines = lineCache.get(ind);
  if (!lines) lineCache.set(ind, (lines = sharedLines(text)));
  return lines;
}

const NO_LINES: readonly StatedLine[] = [];
const sharedLines = memoText((text: string): readonly StatedLine[] => statedLines(text));

export function statedLines(text: string): StatedLine[] {
  const out: StatedLine[] = [];
  for (const m of text.matchAll(LINE_RE)) {
    const scale = m[5] === '万' ? new Decimal(10000) : m[5] === '亿' ? new Decimal(1e8) : new Decimal(1);
    out.push({
      quantity: new Decimal(m[1]!),
      quantityText: m[1]!,
      quantityUnit: m[2]!,
      price: new Decimal(m[3]!),
      priceText: m[3]!,
      amount: new Decimal(m[4]!).times(scale),
      amountText: `${m[4]}${m[5] ?? ''}元`,
      amountScale: scale,
      amountDecimals: decimalsOf(m[4]!),
      index: m.index ?? 0,
      length: m[0].length,
    });
  }
  return out;
}

// "A4纸10箱，硒鼓18支；笔10盒": counts listed as parts of one quantity
const PART_RE = /((?:[A-Za-z0-9]+)?[^\d，,；;、。\s]{1,12}?)(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,2})(?=[，,；;、。]|$)/g;

export interface CountedPart {
  label: string;
  count: Decimal;
  text: string;
  unit: string;
}

const partCache = new PerDocument<Indicator, readonly CountedPart[]>();

/** The counted parts of an indicator's description (countedParts), once per indicator. */
export function partsOf(ind: Indicator): readonly CountedPart[] {
  let parts = partCache.get(ind);
  if (!parts) partCache.set(ind, (parts = ind.description === undefined ? [] : sharedParts(ind.description)));
  return parts;
}

const sharedParts = memoText((text: string): readonly CountedPart[] => countedParts(text));

export function countedParts(text: string): CountedPart[] {
  if (/每|需|元/.test(text)) return [];
  return [...text.matchAll(PART_RE)].map((m) => ({ label: m[1]!, count: new Decimal(m[2]!), text: m[2]!, unit: m[3]! }));
}
