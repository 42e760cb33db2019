import { Decimal } from 'decimal.js';

/** A number as it was written in the source, kept as text so that no digit is lost to a float. */
export class NumberText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Accepts "1,234.50" and full-width digits, which budget tables often carry. */
export function normaliseNumberText(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９．－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
}

export function isDecimalText(text: string): boolean {
  return DECIMAL_RE.test(normaliseNumberText(text));
}

/** Decimal places as written: "10.0" → 1, "2670" → 0. */
export function decimalsOf(text: string): number {
  const t = normaliseNumberText(text);
  const dot = t.indexOf('.');
  return dot < 0 ? 0 : t.length - dot - 1;
}

export { Decimal };
