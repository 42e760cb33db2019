import { beforeAll, describe, expect, it } from '@jest/globals';
import { ReadError, type Block, type ReadResult, type TableBlock } from '../../src/read/blocks.js';
import { readXlsx } from '../../src/read/xlsx.js';
import { displayNumber, parseNumberFormat } from '../../src/read/xlsx-number.js';
import { ci, cn, cs, docx, lieAboutSizes, oleBytes, p, row, xlsx, xlsxFiles, xlsxStyles, zip } from '../support/ooxml.js';

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const texts = (t: TableBlock) => t.rows.map((r) => r.map((c) => c.text));

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReadError);
  return e as ReadError;
}

const SST =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<si><t>2021年收支预算总表</t></si>' + // 0
  '<si><t>项目</t></si>' + // 1
  '<si><t>金额</t></si>' + // 2
  '<si><t>一般公共预算</t></si>' + // 3
  // rich text runs concatenated, the phonetic guide left out
  '<si><r><t>收入</t></r><r><rPr><b/></rPr><t>总计</t></r><rPh sb="0" eb="2"><t>しゅうにゅう</t></rPh></si>' + // 4
  '<si><t>123456789012345678901</t></si>' + // 5: a big number kept as text
  '<si><t>行_x000D_尾</t></si>' + // 6
  '</sst>';

describe('readXlsx', () => {
  let r: ReadResult;
  beforeAll(async () => {
    const sheet1 =
      '<sheetData>' +
      row(1, cs('A1', 0)) +
      row(3, cs('A3', 1), cs('B3', 2), ci('C3', '备注')) +
      row(4, cs('A4', 3), cn('B4', '1234.5', 1), cs('C4', 5)) +
      row(5, cs('A5', 4), cn('B5', '2913.4900000000002'), cn('C5', '1234.5', 2)) +
      row(6, cn('A6', '0.1234', 5), cn('B6', '45000', 4), cn('C6', '3.5', 3)) +
      row(7, '<c r="A7" t="b"><v>1</v></c>', '<c r="B7" t="str"><f>A1</f><v>公式结果</v></c>', '<c r="C7" t="e"><v>#DIV/0!</v></c>') +
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells>';
    // no r attributes: rows and cells follow one another
    const sheet2 = '<sheetData><row><c t="s"><v>6</v></c></row><row r="3"><c/><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>';
    r = await readXlsx(
      await xlsx(
        [
          { name: '收支总表', xml: sheet1 },
          { name: '项目支出', xml: sheet2, hidden: true },
        ],
        SST,
        xlsxStyles(),
      ),
    );
  });

  it('reads every sheet in workbook order: its name as a paragraph, then its table', () => {
    expect(r.blocks.map((b) => [b.type, b.loc])).toEqual([
      ['paragraph', { kind: 'xlsx', sheet: '收支总表', cell: 'A1' }],
      ['table', { kind: 'xlsx', sheet: '收支总表', cell: 'A1' }],
      ['paragraph', { kind: 'xlsx', sheet: '项目支出', cell: 'A1' }],
      ['table', { kind: 'xlsx', sheet: '项目支出', cell: 'A1' }],
    ]);
    expect(r.blocks[0]).toMatchObject({ type: 'paragraph', text: '收支总表', heading: 1 });
    expect(r.notes.map((n) => n.en)).toEqual(['sheet "项目支出" is hidden; it was read all the same']);
  });

  it('reads shared, rich and inline strings, numbers as displayed, and the other cell types', () => {
    expect(texts(tables(r.blocks)[0]!)).toEqual([
      ['2021年收支预算总表', '2021年收支预算总表', '2021年收支预算总表'],
      ['2021年收支预算总表', '2021年收支预算总表', '2021年收支预算总表'],
      ['项目', '金额', '备注'],
      // 0.00 shows 1234.5 as 1234.50; a big number stored as text stays as it is
      ['一般公共预算', '1234.50', '123456789012345678901'],
      // General shows at most 15 digits; #,##0.00 shows two decimals (without grouping here)
      ['收入总计', '2913.49', '1234.50'],
      // percent; a date format leaves the serial number; a custom "0.00_ "
      ['12.34%', '45000', '3.50'],
      ['TRUE', '公式结果', '#DIV/0!'],
    ]);
    expect(texts(tables(r.blocks)[1]!)).toEqual([
      ['行\r尾', ''],
      ['', ''],
      ['', 'x'],
    ]);
  });

  it('repeats a merged range over the grid it covers, with flags', () => {
    const t = tables(r.blocks)[0]!;
    const flags = t.rows.slice(0, 3).map((row) => row.map((c) => `${c.mergedFromAbove ? 'A' : ''}${c.mergedFromLeft ? 'L' : ''}` || '-'));
    expect(flags).toEqual([
      ['-', 'L', 'L'],
      ['A', 'AL', 'AL'],
      ['-', '-', '-'],
    ]);
  });

  it('places cells by A1 references', () => {
    const t = tables(r.blocks)[0]!;
    expect(t.rows[6]![2]).toEqual({ text: '#DIV/0!', loc: { kind: 'xlsx', sheet: '收支总表', cell: 'C7' } });
    expect(t.rows[3]![1]!.loc).toEqual({ kind: 'xlsx', sheet: '收支总表', cell: 'B4' });
  });

  it('reads a workbook without styles or shared strings', async () => {
    const files = xlsxFiles([{ name: 'S', xml: row(2, cn('B2', '0.30000000000000004', 0)) }], []);
    delete files['xl/sharedStrings.xml'];
    const res = await readXlsx(await zip(files));
    expect(texts(tables(res.blocks)[0]!)).toEqual([
      ['', ''],
      ['', '0.3'],
    ]);
  });
});

describe('numbers as displayed', () => {
  const show = (stored: string, format: string) => displayNumber(stored, parseNumberFormat(format));

  it('rounds the stored decimal text, half away from zero, after Excel’s 15 digits', () => {
    expect(show('1234.5', '0.00')).toBe('1234.50');
    expect(show('1.005', '0.00')).toBe('1.01');
    expect(show('1.0049999999999999', '0.00')).toBe('1.01');
    expect(show('99.995', '#,##0.00')).toBe('100.00');
    expect(show('-99.995', '#,##0.00;[Red]\\(#,##0.00\\)')).toBe('-100.00');
    expect(show('-0.001', '0.00')).toBe('0.00');
    expect(show('1.5E-2', '0.00')).toBe('0.02');
    expect(show('12345678901234567.89', '0.00')).toBe('12345678901234600.00');
  });

  it('renders decimals ranges, percent and thousands scaling, and leaves other formats alone', () => {
    expect(show('12.345', '0.0#')).toBe('12.35');
    expect(show('12', '0.0#')).toBe('12.0');
    expect(show('0.5', '0%')).toBe('50%');
    expect(show('1234567', '#,##0,')).toBe('1235');
    expect(show('3.5', '0.00"万元"')).toBe('3.50');
    expect(show('45000', 'yyyy"年"m"月"d"日"')).toBe('45000');
    expect(show('12345678', '0!.0000')).toBe('12345678');
    expect(show('1E-3', 'General')).toBe('0.001');
    expect(show('not a number', '0.00')).toBe('not a number');
  });
});

describe('readXlsx refuses what it cannot read', () => {
  it('a damaged file, an OLE file, a Word document', async () => {
    expect((await readError(readXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])))).en).toMatch(/damaged or is not an Excel workbook/);
    expect((await readError(readXlsx(oleBytes(false)))).en).toMatch(/old binary \.doc\/\.xls/);
    expect((await readError(readXlsx(oleBytes(true)))).zh).toMatch(/加密/);
    const document = await docx(p('x'));
    expect((await readError(readXlsx(document))).en).toMatch(/not an Excel workbook \(\.xlsx\) but a Word document \(\.docx\).*rename it to \.docx/);
  });

  it('a sheet that inflates beyond the limit while declaring a small size', async () => {
    const files = xlsxFiles([{ name: 'S', xml: '' }], []);
    files['xl/worksheets/sheet1.xml'] = new Uint8Array(70 * 1024 * 1024);
    const liar = lieAboutSizes(await zip(files), 100, 'xl/worksheets/sheet1.xml');
    const e = await readError(readXlsx(liar));
    expect(e.en).toMatch(/xl\/worksheets\/sheet1\.xml inflates to more than 64 MiB/);
  }, 60_000);
});
