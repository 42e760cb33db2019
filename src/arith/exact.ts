/**
 * Deciding comparisons without building Decimals. Most checks only ask whether two sums are equal (or
 * ordered), and most figures have a handful of digits: such a figure is exactly an integer count of units
 * of its last place, units·10^−places, and sums, differences and products of those stay exact integers
 * while they are safe. What a user reads (stated and computed values, differences, tolerances) is still
 * worked out with decimal.js, the same operations on the same figures as before: these only decide.
 *
 * Why exact. A double holds every integer up to Number.MAX_SAFE_INTEGER = 2^53 − 1, and IEEE addition and
 * multiplication round the exact result to the nearest double: when the exact result of two safe integers
 * (or of a safe integer and 10^k, k ≤ 22, which doubles hold exactly) is within ±(2^53 − 1), it is
 * representable and comes out exact. When it is not, its magnitude is an integer ≥ 2^53, and since rounding
 * is monotonic and 2^53 is a double, the rounded result is ≥ 2^53 too: Number.isSafeInteger says no and the
 * caller falls back to decimal.js. So a safe result is always the exact one; NaN stands for "not known
 * here" and spreads through every operation.
 *
 * Why the same as decimal.js. decimal.js rounds a result to `precision` significant digits (20, the
 * default, never changed here); a safe integer has at most 16, so decimal.js gives the exact result too,
 * and a decision taken on the units is the one its values would give.
 */
import type { Decimal } from 'decimal.js';

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The integer the digits of a decimal text spell ("-1234.50" → −123450), with its places from
 * decimalsOf (src/arith/decimal.ts); NaN for a text that is not a plain decimal (sign, digits, one dot) or has more than 15
 * digits after its leading zeros (below 10^15, so every step of the reading is exact).
 */
export function unitsOfText(text: string): number {
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    i = 1;
  }
  let units = 0;
  let significant = 0;
  let digits = 0;
  let dots = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (++dots > 1) return NaN;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return NaN;
    digits++;
    if (significant > 0 || d > 0) {
      if (++significant > 15) return NaN;
      units = units * 10 + d;
    }
  }
  if (digits === 0) return NaN;
  return negative ? -units : units;
}

/** u·10^k (k ≥ 0) when that is a safe integer, else NaN. */
function shift(u: number, k: number): number {
  if (k === 0 || u === 0) return u;
  // 10^23 and up are not exact doubles; a non-zero u times them is beyond 2^53 anyway
  if (k > 22) return NaN;
  const r = u * POW10[k]!;
  return Number.isSafeInteger(r) ? r : NaN;
}

/** ua·10^−pa + ub·10^−pb in units of 10^−max(pa, pb), or NaN. */
export function addUnits(ua: number, pa: number, ub: number, pb: number): number {
  const p = pa > pb ? pa : pb;
  const r = shift(ua, p - pa) + shift(ub, p - pb);
  return Number.isSafeInteger(r) ? r : NaN;
}

/** ua·ub (places pa + pb), or NaN. */
export function timesUnits(ua: number, ub: number): number {
  const r = ua * ub;
  return Number.isSafeInteger(r) ? r : NaN;
}

/** −1, 0 or 1 as ua·10^−pa is below, at or above ub·10^−pb; NaN when the units cannot tell. */
export function cmpUnits(ua: number, pa: number, ub: number, pb: number): number {
  const p = pa > pb ? pa : pb;
  const a = shift(ua, p - pa);
  const b = shift(ub, p - pb);
  // NaN < x and NaN > x are both false: NaN goes through
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
}

/**
 * x.cmp(y) without its copy of y: decimal.js's comparedTo begins with `new Decimal(y)`, which copies y's
 * digits, and comparisons are the commonest operation of all. The same steps on the documented instance
 * properties (d: digits in base 1e7, e: exponent, s: sign), so the same answer, NaN included.
 */
export function cmpDecimal(x: Decimal, y: Decimal): number {
  const xd = x.d;
  const yd = y.d;
  const xs = x.s;
  const ys = y.s;
  // either NaN or ±Infinity
  if (!xd || !yd) return !xs || !ys ? NaN : xs !== ys ? xs : xd === yd ? 0 : (!xd ? 1 : 0) ^ (xs < 0 ? 1 : 0) ? 1 : -1;
  // either zero
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (x.e !== y.e) return (x.e > y.e ? 1 : 0) ^ (xs < 0 ? 1 : 0) ? 1 : -1;
  const xdL = xd.length;
  const ydL = yd.length;
  for (let i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) {
    if (xd[i] !== yd[i]) return (xd[i]! > yd[i]! ? 1 : 0) ^ (xs < 0 ? 1 : 0) ? 1 : -1;
  }
  return xdL === ydL ? 0 : (xdL > ydL ? 1 : 0) ^ (xs < 0 ? 1 : 0) ? 1 : -1;
}

/**
 * Decimal.min/Decimal.max of two, without their argument array and copies. Same choice on a tie as
 * decimal.js (its maxOrMin): min keeps −0 over +0, max keeps +0 over −0.
 */
export function min2(x: Decimal, y: Decimal): Decimal {
  const k = cmpDecimal(x, y);
  return k === 1 || (k === 0 && x.s === 1) ? y : x;
}

export function max2(x: Decimal, y: Decimal): Decimal {
  const k = cmpDecimal(x, y);
  return k === -1 || (k === 0 && x.s === -1) ? y : x;
}
