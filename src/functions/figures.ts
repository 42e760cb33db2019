/** The small arithmetic library every rule uses: stated figures as intervals, and numbers as text. */
import { Decimal } from 'decimal.js';
import { Interval } from '../arith/interval.js';
import type { Stated } from '../model/scalars.js';
import type { Figure } from '../model/schema.js';
import type { Path } from '../engine/path.js';
import type { Bilingual } from '../model/scalars.js';
import { toPointer } from '../engine/path.js';

/** A figure in a relation: what it is called, where it is, what was stated. */
/** The same words in both languages: names taken from the document itself. */
export function same(s: string): Bilingual {
  return { zh: s, en: s };
}

/** One text per language, composed the same way. */
export function both(f: (lang: 'zh' | 'en') => string): Bilingual {
  return { zh: f('zh'), en: f('en') };
}

export interface Term {
  label: Bilingual;
  path: Path;
  stated: Stated;
  /** −1 for a term that is subtracted */
  sign?: 1 | -1;
}

export function interval(s: Stated): Interval {
  return Interval.stated(s.value, s.decimals);
}

/** Plain notation, no exponent, no float: what the user reads; with `places`, as the figures were written. */
export function fmt(d: Decimal, places?: number): string {
  return places === undefined ? d.toFixed() : d.toFixed(places);
}

/** The places a result is shown with: the most any of its figures was written with. */
export function placesOf(...stated: readonly { decimals: number }[]): number {
  return stated.reduce((m, s) => Math.max(m, s.decimals), 0);
}

/** A tolerance is shown to four places at most, rounded up so that it never looks tighter than it is. */
export function fmtTolerance(d: Decimal): string {
  return d.decimalPlaces() > 4 ? d.toDecimalPlaces(4, Decimal.ROUND_UP).toFixed() : d.toFixed();
}

/** A term of a figure (its amount), if the figure is stated. */
export function termOf(label: Bilingual, path: Path, f: Figure | undefined, sign: 1 | -1 = 1): Term | undefined {
  return f ? { label, path: [...path, 'amount'], stated: f.amount, sign } : undefined;
}

export function showTerms(terms: readonly Term[]): { label: string; value: string; path: string }[] {
  return terms.map((t) => ({ label: t.label.zh, value: (t.sign === -1 ? '−' : '') + t.stated.text, path: toPointer(t.path) }));
}

/** "基本支出 541.96 + 项目支出 2371.53" */
export function expression(terms: readonly Term[]): Bilingual {
  return both((lang) =>
    terms.map((t, i) => `${i === 0 ? (t.sign === -1 ? '−' : '') : t.sign === -1 ? ' − ' : ' + '}${t.label[lang]} ${t.stated.text}`).join(''),
  );
}

export function sumOf(terms: readonly Term[]): Interval {
  return terms.reduce((acc, t) => (t.sign === -1 ? acc.minus(interval(t.stated)) : acc.plus(interval(t.stated))), Interval.exact(0));
}
