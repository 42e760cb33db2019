import { Decimal } from 'decimal.js';

export const MONEY_UNITS = ['元', '万元', '亿元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** The power of ten of each unit in 元: one table, so that factors and exponents cannot disagree. */
const EXPONENT: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };
const FACTOR = Object.fromEntries(MONEY_UNITS.map((u) => [u, new Decimal(10).pow(EXPONENT[u])])) as Record<MoneyUnit, Decimal>;

/** Exact conversion between 元/万元/亿元. */
export function convertMoney(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  if (from === to) return value;
  return value.times(FACTOR[from]).dividedBy(FACTOR[to]);
}

export function moneyFactor(unit: MoneyUnit): Decimal {
  return FACTOR[unit];
}

/** The power of ten of a unit in 元: its factor is 10^exponent. */
export function moneyExponent(unit: MoneyUnit): number {
  return EXPONENT[unit];
}
