/** Small helpers over blocks: cell text, numbers as text, row classification. */
import { NumberText, isDecimalText, normaliseNumberText } from '../arith/decimal.js';
import type { TableBlock, TableCell } from '../read/blocks.js';

export const clean = (s: string | undefined): string => (s ?? '').replace(/[\u00a0\u3000]/g, ' ').replace(/\s+/g, ' ').trim();

/** A cell as the model wants it: a number kept as its text, a word as a string, blank as null. */
export function cellValue(text: string): NumberText | string | null {
  const t = clean(text);
  if (t === '' || /^(?:-+|—+|－+)$/.test(t)) return null;
  return isDecimalText(t) ? new NumberText(normaliseNumberText(t)) : t;
}

/** A money amount read from text, kept as written; undefined when the text is not a plain number. */
export function amountOf(text: string): NumberText | undefined {
  const t = clean(text).replace(/万?元$/, '');
  return t && isDecimalText(t) ? new NumberText(normaliseNumberText(t)) : undefined;
}

export const rowTexts = (row: TableCell[]): string[] => row.map((c) => clean(c.text));

/** The index of the first row holding every one of these labels (after spaces are removed). */
export function headerRow(t: TableBlock, labels: readonly string[], maxRows = 6): number {
  for (let r = 0; r < Math.min(t.rows.length, maxRows); r++) {
    const texts = rowTexts(t.rows[r]!).map((x) => x.replace(/\s+/g, ''));
    if (labels.every((l) => texts.some((x) => x.includes(l)))) return r;
  }
  return -1;
}
