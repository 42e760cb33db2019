/**
 * .xlsx → blocks: each sheet, in workbook order, as a paragraph with the sheet's name (its title)
 * followed by one table of the sheet's cells on the grid from A1 to the last cell with a value.
 * Merged ranges are repeated over the grid they cover, as Word's merged cells are.
 */
import { ReadError, type Block, type ReadResult, type TableBlock, type TableCell } from './blocks.js';
import { displayNumber, type NumberDisplay } from './xlsx-number.js';
import { numberDisplaysOf, richText, sharedStringsOf, sheetsOf, type SheetRef } from './xlsx-parts.js';
import { attr, child, childrenNamed, ownText, pathIn, type XNode } from './xml.js';
import { openPackage } from './zip.js';

/** A sheet with a stray value at XFD1048576 must not become a grid of 17 billion cells. */
const MAX_COLUMNS = 1024;
const MAX_CELLS = 2_000_000;

type Notes = ReadResult['notes'];

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const pkg = await openPackage(bytes, 'xlsx');
  const sheets = await sheetsOf(pkg);
  const strings = await sharedStringsOf(pkg);
  const displays = await numberDisplaysOf(pkg);
  const blocks: Block[] = [];
  const notes: Notes = [];
  for (const sheet of sheets) {
    const at = { kind: 'xlsx' as const, sheet: sheet.name, cell: 'A1' };
    if (!sheet.part) {
      notes.push({ zh: `工作表“${sheet.name}”不是普通工作表（图表或宏表），未读取`, en: `sheet "${sheet.name}" is not a worksheet (a chart or macro sheet) and was not read`, loc: at });
      continue;
    }
    const xml = await pkg.xml(sheet.part);
    if (!xml) throw new ReadError(`工作簿缺少工作表“${sheet.name}”的内容（${sheet.part}）`, `the workbook lacks the content of sheet "${sheet.name}" (${sheet.part})`);
    if (sheet.hidden) notes.push({ zh: `工作表“${sheet.name}”是隐藏的，仍已读取`, en: `sheet "${sheet.name}" is hidden; it was read all the same`, loc: at });
    blocks.push({ type: 'paragraph', text: sheet.name, loc: at, heading: 1 });
    blocks.push(readSheet(xml, sheet, strings, displays, notes));
  }
  return { blocks, notes };
}

interface Value {
  row: number;
  col: number;
  text: string;
}

function readSheet(xml: XNode[], sheet: SheetRef, strings: string[], displays: (NumberDisplay | undefined)[], notes: Notes): TableBlock {
  const values = new Map<string, Value>();
  let maxRow = 0;
  let maxCol = 0;
  const data = pathIn(xml, 'worksheet', 'sheetData');
  let rowNo = 0;
  for (const row of data ? childrenNamed(data, 'row') : []) {
    // r is optional: a row without it follows the previous one, and so does a cell
    const r = Number(attr(row, 'r'));
    rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
    let colNo = 0;
    for (const c of childrenNamed(row, 'c')) {
      const ref = parseRef(attr(c, 'r') ?? '');
      colNo = ref?.col ?? colNo + 1;
      const r = ref?.row ?? rowNo;
      const text = cellText(c, strings, displays);
      if (text === '') continue;
      values.set(key(r, colNo), { row: r, col: colNo, text });
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, colNo);
    }
  }

  const merges = childrenNamed(pathIn(xml, 'worksheet', 'mergeCells') ?? {}, 'mergeCell')
    .map((m) => parseRange(attr(m, 'ref') ?? ''))
    .filter((m): m is Range => m !== undefined);
  // a merged range with a value (a title over the columns) belongs to the sheet's extent
  for (const m of merges) {
    if (!values.has(key(m.top, m.left))) continue;
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }

  const cols = Math.min(maxCol, MAX_COLUMNS);
  const rows = cols === 0 ? 0 : Math.min(maxRow, Math.floor(MAX_CELLS / cols));
  if (cols < maxCol || rows < maxRow) {
    notes.push({
      zh: `工作表“${sheet.name}”过大，只读取了 A1:${ref(rows, cols)}`,
      en: `sheet "${sheet.name}" is too large: only A1:${ref(rows, cols)} was read`,
      loc: { kind: 'xlsx', sheet: sheet.name, cell: ref(rows, cols) },
    });
  }

  const grid: TableCell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: TableCell[] = [];
    for (let c = 1; c <= cols; c++) line.push({ text: values.get(key(r, c))?.text ?? '', loc: { kind: 'xlsx', sheet: sheet.name, cell: ref(r, c) } });
    grid.push(line);
  }
  // a merged range shows its top-left cell's value over all of it (clipped to the grid we keep)
  for (const m of merges) {
    const text = values.get(key(m.top, m.left))?.text ?? '';
    for (let r = m.top; r <= Math.min(m.bottom, rows); r++) {
      for (let c = m.left; c <= Math.min(m.right, cols); c++) {
        if (r === m.top && c === m.left) continue;
        const cell = grid[r - 1]![c - 1]!;
        cell.text = text;
        if (r > m.top) cell.mergedFromAbove = true;
        if (c > m.left) cell.mergedFromLeft = true;
      }
    }
  }
  return { type: 'table', rows: grid, loc: { kind: 'xlsx', sheet: sheet.name, cell: 'A1' } };
}

/** A cell's text: shared or inline string, formula string result, boolean, error, or a number as displayed. */
function cellText(c: XNode, strings: string[], displays: (NumberDisplay | undefined)[]): string {
  const type = attr(c, 't') ?? 'n';
  const v = child(c, 'v');
  const raw = v ? ownText(v) : '';
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? '';
    case 'inlineStr':
      return richText(child(c, 'is') ?? {});
    case 'b':
      return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
    case 'n': {
      if (raw === '') return '';
      // a cell without a style, or without styles.xml, has the default style, whose format is General
      const s = Number(attr(c, 's') ?? -1);
      return displayNumber(raw, s >= 0 && s < displays.length ? displays[s] : 'general');
    }
    default:
      // str (a formula's string result), e (an error such as #DIV/0!), d (an ISO date)
      return raw;
  }
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(s: string): Range | undefined {
  const [a, b] = s.split(':');
  const p = parseRef(a ?? '');
  const q = b === undefined ? p : parseRef(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function parseRef(s: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** 1-based row and column → "C7" */
export function ref(row: number, col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

const key = (r: number, c: number) => `${r},${c}`;
