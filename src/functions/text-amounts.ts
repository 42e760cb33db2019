/** Money amounts stated in running text, and the sums the text claims among them. */
import { Decimal } from 'decimal.js';
import { Interval, halfUnit } from '../arith/interval.js';
import { decimalsOf } from '../arith/decimal.js';

export interface TextAmount {
  text: string;
  index: number;
  /** value in 元, with the rounding its written precision allows */
  yuan: Interval;
  role: 'price' | 'total' | 'totalWithParts' | 'part';
}

const AMOUNT_RE = /(\d+(?:\.\d+)?)\s*(万|亿)?元/g;
const TOTAL_BEFORE = /(?:以上|上述|合计|共计|总计|约计|共需|总额|共|总共|累计)[\u4e00-\u9fa5]{0,4}$/;
const PRICE_BEFORE = /每[\u4e00-\u9fa5]{0,2}$/;

export function amountsIn(text: string): TextAmount[] {
  const out: TextAmount[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const index = m.index ?? 0;
    const before = text.slice(Math.max(0, index - 8), index);
    const after = text.slice(index + m[0].length, index + m[0].length + 4);
    const scale = m[2] === '亿' ? new Decimal(1e8) : m[2] === '万' ? new Decimal(1e4) : new Decimal(1);
    const v = new Decimal(m[1]!).times(scale);
    const h = halfUnit(decimalsOf(m[1]!)).times(scale);
    const role: TextAmount['role'] = PRICE_BEFORE.test(before)
      ? 'price'
      : /^[，,：:]?\s*其中/.test(after)
        ? 'totalWithParts'
        : TOTAL_BEFORE.test(before)
          ? 'total'
          : 'part';
    out.push({ text: m[0], index, yuan: new Interval(v, v.minus(h), v.plus(h)), role });
  }
  return out;
}

export interface TextSum {
  total: TextAmount;
  parts: TextAmount[];
  /** "equal": 以上合计 …; "atMost": 其中 … lists may leave parts out */
  kind: 'equal' | 'atMost';
}

export function sumsIn(text: string): TextSum[] {
  const amounts = amountsIn(text);
  const out: TextSum[] = [];
  let since = 0;
  amounts.forEach((a, i) => {
    if (a.role === 'total') {
      const parts = amounts.slice(since, i).filter((x) => x.role === 'part');
      if (parts.length >= 2) out.push({ total: a, parts, kind: 'equal' });
      since = i + 1;
    } else if (a.role === 'totalWithParts') {
      const end = text.indexOf('。', a.index);
      const parts = amounts.slice(i + 1).filter((x) => x.role === 'part' && (end < 0 || x.index < end));
      if (parts.length >= 2) out.push({ total: a, parts, kind: 'atMost' });
      since = i + 1 + parts.length;
    }
  });
  return out;
}
