/**
 * Money in integer cents (分), so every sum the generator writes is exact, and its text in 元 or 万元.
 * A figure that the narrative (万元, two places) and a table (元) both state must be a whole number
 * of 100元: `WAN_CENT` (0.01万元) is that step.
 */
import type { Rng } from './prng.js';

export type MoneyUnit = '元' | '万元';

/** 0.01万元 = 100元 = 10000 cents */
export const WAN_CENT = 10_000;
/** 1元 */
export const YUAN = 100;
/** 1万元 */
export const WAN = 1_000_000;

const EXP: Record<MoneyUnit, number> = { 元: 2, 万元: 6 };

/**
 * The exact decimal text of `cents` in `unit`, with at least `min` places and no more than needed
 * beyond them (0.0005万元 stays 0.0005, 1308万元 is 1308.00).
 */
export function money(cents: number, unit: MoneyUnit, min = 2): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(EXP[unit] + 1, '0');
  const int = digits.slice(0, digits.length - EXP[unit]);
  let frac = digits.slice(digits.length - EXP[unit]);
  while (frac.length > min && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${sign}${int}${frac ? '.' + frac : ''}`;
}

/** Whether `cents` is written exactly with two places in `unit`. */
export function fitsTwoPlaces(cents: number, unit: MoneyUnit): boolean {
  return cents % (unit === '万元' ? WAN_CENT : 1) === 0;
}

/** A rate or a share in hundredths of a percent, rounded half up: |num| / den × 100, to two places. */
export function percentHundredths(num: number, den: number): number {
  if (den === 0) throw new Error('no base');
  const n = BigInt(Math.abs(num)) * 10000n;
  const d = BigInt(Math.abs(den));
  return Number((2n * n + d) / (2n * d));
}

/** 578 → "5.78" */
export function hundredthsText(h: number): string {
  const sign = h < 0 ? '-' : '';
  const s = String(Math.abs(h)).padStart(3, '0');
  return `${sign}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** A random amount in [lo, hi], a multiple of `step`. */
export function amountIn(rng: Rng, lo: number, hi: number, step: number): number {
  const a = Math.ceil(lo / step);
  const b = Math.floor(hi / step);
  return rng.int(a, Math.max(a, b)) * step;
}

/**
 * `total` split by `weights` into multiples of `step` that add up to it exactly (the last part takes
 * the remainder). `total` must be a multiple of `step`; parts may come out 0 for tiny weights.
 */
export function split(total: number, weights: readonly number[], step: number): number[] {
  if (total % step !== 0) throw new Error(`${total} is not a multiple of ${step}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const units = total / step;
  const out: number[] = [];
  let used = 0;
  weights.forEach((w, i) => {
    if (i === weights.length - 1) out.push((units - used) * step);
    else {
      const u = Math.floor((units * w) / sum);
      out.push(u * step);
      used += u;
    }
  });
  return out;
}

/** Rounds to a multiple of `step` (half up). */
export function roundTo(cents: number, step: number): number {
  return Math.round(cents / step) * step;
}
