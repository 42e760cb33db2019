/**
 * Reading PDFs (src/read/pdf.ts, src/read/pdf-layout.ts): the layout rebuilt from positioned text (pages
 * built here, run by run), small PDFs written here (text, a scan, an encrypted file, a damaged one), and
 * the two published PDFs in ../shared/documents when they are there.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NumberText } from '../../src/arith/decimal.js';
import { extractDocument } from '../../src/extract/extract.js';
import { ReadError, describeLoc, type Block, type ParagraphBlock, type SourceLoc, type TableBlock } from '../../src/read/blocks.js';
import { readDocument } from '../../src/read/index.js';
import { layoutPages, type PdfPageText, type PdfTextItem } from '../../src/read/pdf-layout.js';
import { pdfPlaceAt } from '../../src/read/pdf-place.js';
import { readPdf } from '../../src/read/pdf.js';
import { loadCatalogue } from '../../src/relations/load.js';

// ---- pages of positioned runs, as pdf.js gives them (y: the baseline, from the top) ----------------------

/** A run of text; Chinese characters are a font size wide, Latin ones half. */
function run(text: string, x: number, y: number, size = 12): PdfTextItem {
  return { text, x, y, width: [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * size, 0), size };
}
/** A figure right-aligned to x1. */
const fig = (text: string, x1: number, y: number, size = 12) => {
  const r = run(text, 0, y, size);
  return { ...r, x: x1 - r.width };
};
const page = (n: number, items: PdfTextItem[]): PdfPageText => ({ page: n, width: 842, height: 595, items });
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const paragraphs = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
const texts = (t: TableBlock) => t.rows.map((r) => r.map((c) => c.text));

/** The header of a 支出总表: 项目 over the codes and names, 类 | 款 | 项 under 功能分类科目编码, an empty column wrapped on two lines. */
function header(top: number): PdfTextItem[] {
  return [
    run('项目', 188, top),
    run('功能分类科目编码', 58, top + 25),
    run('功能分类科目名称', 213, top + 37),
    run('合计', 400, top + 37),
    run('基本支出', 480, top + 37),
    run('项目支出', 570, top + 37),
    run('事业单位', 650, top + 30),
    run('经营收入', 650, top + 45),
    run('类', 66, top + 50),
    run('款', 100, top + 50),
    run('项', 135, top + 50),
  ];
}
const row = (y: number, codes: string[], name: string, ...figs: (string | undefined)[]) => [
  ...codes.map((c, i) => run(c, [62, 100, 135][i]!, y)),
  run(name, 159, y),
  ...figs.flatMap((f, i) => (f ? [fig(f, [455, 537, 620][i]!, y)] : [])),
];

describe('the layout of a table', () => {
  const pages = [
    page(1, [
      run('2025年部门支出预算总表', 322, 60, 18),
      run('编制部门：某局', 56, 90),
      run('单位：元', 736, 90),
      ...header(120),
      ...row(195, ['201'], '一般公共服务支出', '1,000.00', '600.00', '400.00'),
      ...row(220, ['201', '06'], '财政事务', '1,000.00', '600.00', '400.00'),
      ...row(245, ['201', '06', '01'], '行政运行', '700.00', '600.00', '100.00'),
      // a name wrapped onto two lines, centred on its row: the codes and figures sit between its lines
      ...row(278, ['208', '05', '05'], '', '300.00', '300.00').filter((r) => r.text),
      run('机关事业单位基本养老保险', 159, 270),
      run('缴费支出', 159, 286),
    ]),
    page(2, [
      // the header again at the top of the next page, then more rows
      ...header(40),
      ...row(115, ['221', '02', '01'], '住房公积金', '100.00', '100.00'),
      // printed from the top: a full first line with the codes and figures, the rest of the name alone below
      ...row(140, ['221', '02', '03'], '住房补贴和其他住房改革支出项目', '0.00', '0.00'),
      run('经费', 159, 156),
      run('合计', 200, 190),
      fig('1,400.00', 455, 190),
      fig('1,000.00', 537, 190),
      fig('400.00', 620, 190),
      run('注：本表不含上年结转。', 56, 230),
    ]),
  ];
  const { blocks } = layoutPages(pages);
  const [t] = tables(blocks);

  it('is one table over two pages, between its title and unit lines and its note', () => {
    expect(tables(blocks)).toHaveLength(1);
    expect(paragraphs(blocks).map((p) => p.text)).toEqual(['2025年部门支出预算总表', '编制部门：某局 单位：元', '注：本表不含上年结转。']);
    expect(t!.loc).toMatchObject({ kind: 'pdf', page: 1, table: 1 });
  });

  it('has the columns of its body and of its lowest headings, the empty one too', () => {
    // 4 header rows (项目; 功能分类科目编码; the names of the columns; 类 | 款 | 项), the page 2 header dropped;
    // a heading spreads over the columns it is centred over, as a merged cell of a .docx does
    expect(texts(t!).slice(0, 4)).toEqual([
      ['项目', '项目', '项目', '项目', '', '', '', ''],
      ['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '', '', '', '', ''],
      ['', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出', '事业单位经营收入'],
      ['类', '款', '项', '', '', '', '', ''],
    ]);
  });

  it('reads every row, a wrapped name as one cell', () => {
    expect(texts(t!).slice(4)).toEqual([
      ['201', '', '', '一般公共服务支出', '1,000.00', '600.00', '400.00', ''],
      ['201', '06', '', '财政事务', '1,000.00', '600.00', '400.00', ''],
      ['201', '06', '01', '行政运行', '700.00', '600.00', '100.00', ''],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '300.00', '300.00', '', ''],
      ['221', '02', '01', '住房公积金', '100.00', '100.00', '', ''],
      ['221', '02', '03', '住房补贴和其他住房改革支出项目经费', '0.00', '0.00', '', ''],
      ['', '', '', '合计', '1,400.00', '1,000.00', '400.00', ''],
    ]);
  });

  it('places a cell by page, table, row and column, with its box', () => {
    const cell = t!.rows[6]![5]!;
    expect(cell.text).toBe('600.00');
    expect(cell.loc).toEqual({ kind: 'pdf', page: 1, table: 1, row: 7, column: 6, x: 501, y: 233, width: 36, height: 12 });
    expect(describeLoc(cell.loc, 'zh')).toBe('第1页 表1 第7行 第6列');
    expect(describeLoc(cell.loc, 'en')).toBe('page 1 table 1 row 7 column 6');
    // a row of the second page is on the second page
    expect(t!.rows[8]![3]!.loc).toMatchObject({ page: 2, row: 9, column: 4 });
  });

  it('gives the extractor the table a .docx gives it: 类 | 款 | 项 joined, the empty column kept', async () => {
    const x = extractDocument(blocks, await loadCatalogue());
    const t3 = (x.data.tables as Record<string, unknown>[])[0]!;
    expect(t3).toMatchObject({ title: '2025年部门支出预算总表', unit: '元', columns: ['科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出', '事业单位经营收入'] });
    const rows = (t3.rows as unknown[][]).map((r) => r.map((v) => (v instanceof NumberText ? v.text : v)));
    expect(rows[3]).toEqual(['208 05 05', '机关事业单位基本养老保险缴费支出', '300.00', '300.00', null, null]);
    expect(x.map.get(['tables', 0, 'rows', 2, 3])).toMatchObject({ kind: 'pdf', page: 1, table: 1, row: 7, column: 6 });
  });
});

describe('a table at the foot of a page', () => {
  it('does not take in a heading at the top of the next page', () => {
    const { blocks } = layoutPages([
      page(1, [run('单位：元', 736, 60), run('项目', 100, 90), run('金额', 400, 90), run('一、工资福利支出', 61, 560), fig('100.00', 455, 560)]),
      page(2, [run('二、收入说明', 56, 60), run('本年收入100.00万元。', 84, 85)]),
    ]);
    expect(tables(blocks).map(texts)).toEqual([[['项目', '金额'], ['一、工资福利支出', '100.00']]]);
    expect(paragraphs(blocks).map((p) => p.text)).toEqual(['单位：元', '二、收入说明', '本年收入100.00万元。']);
  });
});

describe('two tables side by side (a 收支总表)', () => {
  const { blocks } = layoutPages([
    page(1, [
      run('2025年部门财务收支预算总表', 303, 90, 18),
      run('编制部门：某局', 61, 117),
      run('单位：元', 731, 117),
      run('本年收入', 213, 146),
      run('本年支出', 574, 146),
      run('项目', 153, 171),
      run('预算数', 324, 171),
      run('项目', 514, 171),
      run('预算数', 692, 171),
      run('一、财政拨款收入', 61, 195),
      fig('1,200.00', 412, 195),
      run('一、一般公共服务支出', 416, 195),
      fig('1,000.00', 779, 195),
      run('二、事业收入', 61, 220),
      run('二、住房保障支出', 416, 220),
      fig('200.00', 779, 220),
      run('收入总计', 141, 516),
      fig('1,200.00', 412, 516),
      run('支出总计', 503, 516),
      fig('1,200.00', 779, 516),
    ]),
  ]);

  it('is one table with both halves\' columns, which the extractor splits at the second 项目', async () => {
    const [t] = tables(blocks);
    expect(texts(t!)[1]).toEqual(['项目', '预算数', '项目', '预算数']);
    expect(texts(t!)[3]).toEqual(['二、事业收入', '', '二、住房保障支出', '200.00']);
    const x = extractDocument(blocks, await loadCatalogue());
    const t1 = (x.data.tables as Record<string, { rows: unknown[][]; total: unknown[] }>[])[0]!;
    const plain = (r: unknown[]) => r.map((v) => (v instanceof NumberText ? v.text : v));
    expect(t1.income!.rows.map(plain)).toEqual([['一、财政拨款收入', '1200.00'], ['二、事业收入', null]]);
    expect(plain(t1.expenditure!.total)).toEqual(['支出总计', '1200.00']);
  });
});

describe('paragraphs', () => {
  const { blocks } = layoutPages([
    page(1, [
      run('2025年部门预算编制说明', 322, 60, 18),
      // indented first line to the right margin, its last line short: one paragraph
      run('2025年，某局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加', 87, 100, 14),
      run('107.62万元；事业收入0万元。', 59, 117, 14),
      run('1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，主要用于局本级人员经费', 87, 134, 14),
      run('及公用经费。', 59, 151, 14),
      run('- 2 -', 400, 580, 10),
    ]),
  ]);

  it('joins wrapped lines, starts again at an indent or a numbered item, and drops the page number', () => {
    expect(paragraphs(blocks).map((p) => p.text)).toEqual([
      '2025年部门预算编制说明',
      '2025年，某局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加107.62万元；事业收入0万元。',
      '1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，主要用于局本级人员经费及公用经费。',
    ]);
  });

  it('places a character of a paragraph on its own line of the page', () => {
    const p = paragraphs(blocks)[1]!;
    expect(p.loc).toMatchObject({ kind: 'pdf', page: 1, line: 2 });
    const offset = p.text.indexOf('107.62');
    const at = pdfPlaceAt(p.loc as Extract<SourceLoc, { kind: 'pdf' }>, offset);
    expect(at).toMatchObject({ kind: 'pdf', page: 1, line: 3, offset: 0, x: 59 });
    expect(describeLoc(at, 'zh')).toBe('第1页 第3行 第1字');
    expect(describeLoc(at, 'en')).toBe('page 1 line 3 character 1');
  });
});

// ---- small PDFs written here ----------------------------------------------------------------------

interface PdfPart {
  content: string;
  image?: boolean;
}

/** A PDF of pages with Helvetica text (and an image when asked); encrypted with a password nobody knows when asked. */
function pdf(parts: PdfPart[], opts: { encrypt?: boolean } = {}): Uint8Array {
  const objs: string[] = [];
  const add = (s: string) => objs.push(s) + 0;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add(`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream`);
  const kids: number[] = [];
  for (const p of parts) {
    const content = add(`<< /Length ${p.content.length} >>\nstream\n${p.content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const enc = opts.encrypt ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'4f'.repeat(32)}> /U <${'a5'.repeat(32)}> /P -44 >>`) : undefined;
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R${enc ? ` /Encrypt ${enc} 0 R /ID [<${'11'.repeat(16)}> <${'11'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (ch) => ch.charCodeAt(0));
}

/** Text at (x, y from the top of an A4 page). */
const text = (s: string, x: number, top: number, size = 12) => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${842 - top} Tm (${s}) Tj ET`;
const right = (s: string, x1: number, top: number) => text(s, x1 - s.length * 5.56, top);

async function readError(p: Promise<unknown>): Promise<ReadError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReadError);
  return e as ReadError;
}

describe('a PDF file', () => {
  const body = (top: number) =>
    [text('Item', 60, top), text('Budget', 300, top), text('Actual', 450, top), text('Salaries', 60, top + 20), right('1,200.00', 350, top + 20), right('1,100.00', 500, top + 20), text('Rent', 60, top + 40), right('300.50', 350, top + 40), right('299.00', 500, top + 40)].join('\n');
  const bytes = pdf([{ content: [text('Annual report', 60, 60, 18), text('The figures below are in yuan.', 60, 90), body(130)].join('\n') }, { content: [body(60), text('Total', 60, 120), right('3,000.00', 350, 120), right('2,798.00', 500, 120)].join('\n') }]);

  it('is read page by page: its text as paragraphs, its table continued on the next page as one table', async () => {
    const r = await readDocument('report.pdf', bytes);
    expect(paragraphs(r.blocks).map((p) => p.text)).toEqual(['Annual report', 'The figures below are in yuan.']);
    const [t] = tables(r.blocks);
    expect(tables(r.blocks)).toHaveLength(1);
    expect(texts(t!)).toEqual([
      ['Item', 'Budget', 'Actual'],
      ['Salaries', '1,200.00', '1,100.00'],
      ['Rent', '300.50', '299.00'],
      ['Salaries', '1,200.00', '1,100.00'],
      ['Rent', '300.50', '299.00'],
      ['Total', '3,000.00', '2,798.00'],
    ]);
    expect(t!.rows[5]![2]!.loc).toMatchObject({ kind: 'pdf', page: 2, table: 1, row: 6, column: 3 });
    expect(r.notes).toEqual([]);
  });

  it('is read whatever its name says (the bytes decide)', async () => {
    const r = await readDocument('report.docx', bytes);
    expect(tables(r.blocks)).toHaveLength(1);
  });

  it('that is a scan (an image, no text) is refused: there is no OCR', async () => {
    const e = await readError(readPdf(pdf([{ content: 'q 595 0 0 842 0 0 cm /Im1 Do Q' }])));
    expect(e.zh).toMatch(/扫描件.*没有文字层.*OCR/);
    expect(e.en).toMatch(/a scan .*no text layer.*no OCR/);
  });

  it('with a scanned page among pages of text says so, and reads the rest', async () => {
    const r = await readPdf(pdf([{ content: text('Annual report', 60, 60) }, { content: 'q 595 0 0 842 0 0 cm /Im1 Do Q' }]));
    expect(paragraphs(r.blocks).map((p) => p.text)).toEqual(['Annual report']);
    expect(r.notes).toEqual([{ zh: expect.stringMatching(/^第2页是图片/), en: expect.stringMatching(/^page 2 is an image/), loc: { kind: 'pdf', page: 2, x: 0, y: 0 } }]);
  });

  it('that is encrypted is refused, saying so', async () => {
    const e = await readError(readPdf(pdf([{ content: text('secret', 60, 60) }], { encrypt: true })));
    expect(e.zh).toMatch(/已加密/);
    expect(e.en).toMatch(/^this PDF is encrypted/);
  });

  it('that is damaged is refused, saying so', async () => {
    const e = await readError(readPdf(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog')));
    expect(e.zh).toMatch(/^PDF 文件已损坏/);
    expect(e.en).toMatch(/^the PDF file is damaged/);
  });

  it('leaves the built-ins pdf.js polyfills alone (Array.prototype.push, JSON)', async () => {
    await readPdf(bytes);
    expect(Array.prototype.push.toString()).toMatch(/\[native code\]/);
    expect(JSON.parse.toString()).toMatch(/\[native code\]/);
    expect(JSON.stringify.toString()).toMatch(/\[native code\]/);
  });

  const bin = path.resolve('dist/budgetlint.js');
  (existsSync(bin) ? it : it.skip)('that cannot be read makes the CLI exit 2 with one line naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-pdf-'));
    try {
      writeFileSync(path.join(dir, 'scan.pdf'), pdf([{ content: 'q 595 0 0 842 0 0 cm /Im1 Do Q' }]));
      writeFileSync(path.join(dir, 'locked.pdf'), pdf([{ content: text('secret', 60, 60) }], { encrypt: true }));
      for (const [file, says] of [['scan.pdf', /scan\.pdf：该 PDF 是扫描件/], ['locked.pdf', /locked\.pdf：该 PDF 已加密/]] as const) {
        for (const args of [[file], ['extract', file]]) {
          const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
          expect({ args, code: r.status }).toEqual({ args, code: 2 });
          expect(r.stderr).toMatch(says);
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});

// ---- the published PDFs ------------------------------------------------------------------------------

const shared = path.resolve('..', 'shared', 'documents');
const budget = path.join(shared, 'putuo-czj-2025-budget.pdf');
const final = path.join(shared, 'putuo-czj-2024-final-accounts.pdf');
const maybe = existsSync(budget) && existsSync(final) ? describe : describe.skip;

maybe('the published PDFs', () => {
  it('2025 budget: nine tables, each continued over pages read as one, header once', async () => {
    const r = await readPdf(readFileSync(budget));
    const ts = tables(r.blocks);
    expect(ts.map((t) => [(t.loc as { page: number }).page, t.rows.length, t.rows[0]!.length])).toEqual([
      [9, 10, 4], // 收支总表: income and expenditure side by side
      [10, 24, 9], // 收入总表, pages 10–11: 4 header rows, 19 rows, 合计
      [12, 24, 7],
      [14, 7, 7],
      [15, 24, 7],
      [17, 5, 7], // empty: header and 合计
      [18, 5, 7],
      [19, 34, 6],
      [21, 5, 7], // 三公: 4 header rows, one row of figures
    ]);
    // 行政运行's 基本支出 in the 支出总表
    const cell = ts[2]!.rows[6]![5]!;
    expect(cell.text).toBe('16,093,326.00');
    expect(describeLoc(cell.loc, 'zh')).toBe('第12页 表3 第7行 第6列');
    // the 收入总表 goes on at the top of page 11, under its header printed again
    expect(ts[1]!.rows.filter((row) => row.some((c) => c.text === '类'))).toHaveLength(1);
    expect(ts[1]!.rows[16]!.map((c) => c.text).slice(0, 4)).toEqual(['210', '', '', '卫生健康支出']);
    expect(ts[1]!.rows[16]![0]!.loc).toMatchObject({ page: 11 });
  });

  it('2024 final accounts: names wrapped in cells, figures printed off the row\'s baseline, pages without a header', async () => {
    const r = await readPdf(readFileSync(final));
    const ts = tables(r.blocks);
    expect(ts.map((t) => [(t.loc as { page: number }).page, t.rows.length, t.rows[0]!.length])).toEqual([
      [5, 4, 3], // 部门决算单位构成 (not a standard table)
      [6, 32, 4], // pages 6–7, no header on page 7
      [8, 25, 11],
      [10, 25, 10],
      [12, 34, 7], // pages 12–13
      [15, 25, 7],
      [16, 44, 8], // two panels side by side, pages 16–17
      [18, 7, 12],
      [19, 5, 10],
      [20, 5, 10],
    ]);
    const row = (t: TableBlock, name: string) => t.rows.find((x) => x.some((c) => c.text === name))!.map((c) => c.text);
    // the name on two lines, centred on the row
    expect(row(ts[2]!, '机关事业单位基本养老保险缴费支出')).toEqual(['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', '', '', '', '', '']);
    // 基本支出 and 项目支出 printed 7pt above the rest of their row
    expect(row(ts[3]!, '合计')).toEqual(['', '', '', '合计', '2,940.05', '2,336.91', '603.14', '', '', '']);
    expect(row(ts[3]!, '行政运行')).toEqual(['201', '06', '01', '行政运行', '1,511.89', '1,503.52', '8.37', '', '', '']);
    // a name wrapped at the foot of page 12 of the 财政拨款收支总表, and its rows going on at the top of page 13
    expect(row(ts[4]!, '十四、资源勘探工业信息等支出').slice(2, 4)).toEqual(['十四、资源勘探工业信息等支出', '']);
    expect(row(ts[4]!, '总计')).toEqual(['总计', '2,961.68', '总计', '2,961.68', '2,961.68', '', '']);
    // spaced-out characters of a justified cell, wrapped
    expect(row(ts[6]!, '因公出国（境）费用').slice(4)).toEqual(['302', '12', '因公出国（境）费用', '']);
  });
});
