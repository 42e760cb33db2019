import { Decimal } from 'decimal.js';

/** A number as it was written in the source, kept as text so that no digit is lost to a float. */
export class NumberText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const ANY_DIGIT = /[0-9０-９]/;

/** Accepts "1,234.50" and full-width digits, which budget tables often carry. */
export function normaliseNumberText(raw: string): string {
  // most numbers are plain ASCII decimals already: one test instead of a trim and two replaces
  return DECIMAL_RE.test(raw) ? raw : normaliseWritten(raw);
}

function normaliseWritten(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９．－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
}

/** The normalised text when it is a decimal number ("1,234.50" → "1234.50"), else undefined. */
export function decimalText(raw: string): string | undefined {
  if (DECIMAL_RE.test(raw)) return raw;
  // a name or a word (most text cells): no digit, ASCII or full-width, so no number
  if (!ANY_DIGIT.test(raw)) return undefined;
  const t = normaliseWritten(raw);
  return DECIMAL_RE.test(t) ? t : undefined;
}

export function isDecimalText(text: string): boolean {
  return decimalText(text) !== undefined;
}

/** Decimal places as written: "10.0" → 1, "2670" → 0. */
export function decimalsOf(text: string): number {
  const t = normaliseNumberText(text);
  const dot = t.indexOf('.');
  return dot < 0 ? 0 : t.length - dot - 1;
}

export { Decimal };
