/**
 * CSV for a spreadsheet: every finding one row (suppressed ones left out, as in stylish), RFC 4180 —
 * CRLF between records, a field quoted when it holds a comma, a quote, CR or LF, its quotes doubled.
 */
import type { Finding } from '../engine/finding.js';
import { displayPath, hasLine, placeOf } from './common.js';
import { whole } from './stream.js';
import type { Formatter, Lang, StreamingFormatter } from './types.js';

export const CSV_COLUMNS = ['file', 'line', 'column', 'place', 'severity', 'rule', 'section', 'path', 'message', 'stated', 'computed', 'difference', 'tolerance'] as const;

/**
 * Excel opens a CSV without a byte order mark in the system's ANSI code page (GBK on a Chinese Windows), so
 * UTF-8 Chinese would come out as mojibake; a UTF-8 BOM first makes it read the file as UTF-8. Other
 * spreadsheet programs and CSV readers skip the BOM (or, like Node's, need telling to).
 */
const BOM = '\uFEFF';

const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * One field. A text that a spreadsheet would take for a formula (=, +, -, @ first: the disclosures are from
 * outside, and an indicator named "=HYPERLINK(…)" must stay text) is prefixed with an apostrophe; a plain
 * number such as -2.12 is left a number.
 */
export function csvField(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(f: Finding, file: string, lang: Lang): (string | number | undefined)[] {
  const a = f.arithmetic;
  return [
    file,
    hasLine(f) ? f.line : undefined,
    hasLine(f) ? f.column : undefined,
    placeOf(f, lang),
    f.level,
    f.ruleId ?? '',
    f.section,
    f.pointer,
    f.message[lang],
    a?.stated,
    a?.computed,
    a?.difference,
    a?.tolerance,
  ];
}

const line = (cells: (string | number | undefined)[]) => cells.map(csvField).join(',') + '\r\n';

/** The BOM and the header first, then each file's rows as it comes: every record ends in CRLF. */
export const csvStream: StreamingFormatter = (ctx) => ({
  head: BOM + line([...CSV_COLUMNS]),
  file(r) {
    const file = displayPath(r.filePath, ctx.cwd);
    let out = '';
    for (const f of r.findings) out += line(row(f, file, ctx.lang));
    return out;
  },
  end: () => '',
});

export const csv: Formatter = whole(csvStream);
