/**
 * A numeric cell's text as Excel displays it. The document says what its reader sees: a cell that
 * stores 1234.5 under the format 0.00 is published as 1234.50, and a sum that stores
 * 2913.4900000000002 is shown as 2913.49. All of it is done on the stored decimal text, never through
 * a JS number, so that no digit is made up or lost on the way.
 *
 * What is rendered: the number of decimals (fixed "0.00", or a range "0.0#"), percent (×100 and "%"),
 * and the thousands scaling of trailing commas ("0.00,"). What is not: grouping separators (the
 * extractor wants 1234.50, not 1,234.50), currency signs, colours, and parentheses for negatives
 * (a minus sign is kept instead). Dates, times, fractions, scientific and text formats leave the stored
 * text as it is.
 */

/** How a format shows a number; 'general' is Excel's default. */
export type NumberDisplay = 'general' | { minDecimals: number; maxDecimals: number; percent: number; thousands: number };

/** The built-in formats that matter here (ids below 164 need not be written in styles.xml). */
const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
};

/** The display of a built-in format id, or of a format code; undefined: show the stored text. */
export function builtinFormat(id: number): string | undefined {
  return BUILTIN[id];
}

export function parseNumberFormat(code: string): NumberDisplay | undefined {
  const section = firstSection(code);
  // literals and decorations: [Red], [$¥-804], "元", \x, !x, _x (padding), *x (fill)
  const s = section.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, ' ').replace(/[\\!_*]./g, ' ');
  if (/^\s*general\s*$/i.test(s)) return 'general';
  // dates, times, scientific, fractions, text: not a plain number
  if (/[yYmMdDhHsSeEbBgGaA@/]/.test(s)) return undefined;
  const tokens = s.match(/[0#?][0#?,]*(?:\.[0#?]*)?,*|\.[0#?]+,*/g) ?? [];
  if (tokens.length !== 1) return undefined;
  const token = tokens[0]!;
  const thousands = /,*$/.exec(token)![0].length;
  const frac = token.replace(/,*$/, '').split('.')[1] ?? '';
  const minDecimals = /^0*/.exec(frac)![0].length;
  return { minDecimals, maxDecimals: frac.length, percent: (s.match(/%/g) ?? []).length, thousands };
}

/** The stored text of a numeric cell, shown as the format shows it; the stored text when it is not a plain number. */
export function displayNumber(stored: string, display: NumberDisplay | undefined): string {
  if (display === undefined) return stored;
  const d = parseDecimal(stored.trim());
  if (!d) return stored;
  // Excel keeps 17 digits but shows at most 15: round there first, as Excel does before formatting
  let n = roundSignificant(d, 15);
  if (display === 'general') return format(n, 0);
  n = { ...n, exp: n.exp + 2 * display.percent - 3 * display.thousands };
  n = roundDecimals(n, display.maxDecimals);
  return format(n, display.minDecimals) + '%'.repeat(display.percent);
}

/** value = (neg ? -1 : 1) × digits × 10^exp, digits without leading zeros ('' for zero) */
interface Decimal {
  neg: boolean;
  digits: string;
  exp: number;
}

function parseDecimal(s: string): Decimal | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  const digits = (m[2]! + frac).replace(/^0+/, '');
  return { neg: m[1] === '-', digits, exp: Number(m[4] ?? 0) - frac.length };
}

/** Round half away from zero (as Excel displays) to keep `keep` digits of `digits`. */
function roundTo(d: Decimal, keep: number): Decimal {
  if (keep >= d.digits.length) return d;
  if (keep < 0) return { ...d, digits: '', exp: 0 };
  const drop = d.digits.length - keep;
  let head = d.digits.slice(0, keep);
  if (d.digits[keep]! >= '5') head = increment(head);
  return { neg: d.neg, digits: head.replace(/^0+/, ''), exp: d.exp + drop };
}

const roundSignificant = (d: Decimal, sig: number) => roundTo(d, sig);
/** keep the digits down to 10^-places */
const roundDecimals = (d: Decimal, places: number) => roundTo(d, d.digits.length + d.exp + places);

function increment(digits: string): string {
  const a = digits.split('');
  let i = a.length - 1;
  for (; i >= 0 && a[i] === '9'; i--) a[i] = '0';
  if (i < 0) return '1' + a.join('');
  a[i] = String.fromCharCode(a[i]!.charCodeAt(0) + 1);
  return a.join('');
}

/** Plain decimal notation with at least `min` decimals (the digits are already rounded to the most shown). */
function format(d: Decimal, min: number): string {
  let digits = d.digits.replace(/0+$/, '');
  const exp = d.exp + (d.digits.length - digits.length);
  if (digits === '') return min > 0 ? `0.${'0'.repeat(min)}` : '0';
  let int: string;
  let frac: string;
  if (exp >= 0) {
    int = digits + '0'.repeat(exp);
    frac = '';
  } else {
    digits = digits.padStart(-exp + 1, '0');
    int = digits.slice(0, digits.length + exp);
    frac = digits.slice(digits.length + exp);
  }
  frac = frac.padEnd(min, '0');
  return `${d.neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** The format's first section: the one for positive numbers (and for all, when it is the only one). */
function firstSection(code: string): string {
  let inQuote = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && c === '\\') i++;
    else if (!inQuote && c === ';') return code.slice(0, i);
  }
  return code;
}
