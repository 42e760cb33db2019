/**
 * Published documents built in the tests (never binary fixtures in the repository): a 部门支出总表 as
 * Word prints it and as Excel exports it, and a narrative in the words of real disclosures with the
 * errors they contain.
 */
import { ci, cn, docx, p, row, tbl, xlsx, xlsxStyles, type Tc } from './ooxml.js';

/** 类 | 款 | 项 | 科目名称 | 合计 | 基本支出 | 项目支出, in 元; consistent as given. */
export const T3_ROWS: readonly (readonly string[])[] = [
  ['201', '', '', '一般公共服务支出', '1000.00', '600.00', '400.00'],
  ['201', '06', '', '财政事务', '1000.00', '600.00', '400.00'],
  ['201', '06', '01', '行政运行', '700.00', '600.00', '100.00'],
  ['201', '06', '02', '一般行政管理事务', '300.00', '', '300.00'],
  ['208', '', '', '社会保障和就业支出', '200.00', '200.00', ''],
  ['208', '05', '', '行政事业单位养老支出', '200.00', '200.00', ''],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '200.00', '200.00', ''],
];
export const T3_TOTAL: readonly string[] = ['1200.00', '800.00', '400.00'];

/** The rows with one cell changed: `data` indexes T3_ROWS, `column` is 1-based (5 = 合计). */
export function t3With(data: number, column: number, text: string): string[][] {
  return T3_ROWS.map((r, i) => r.map((c, j) => (i === data && j === column - 1 ? text : c)));
}

/** The body of a .docx: department and year, the heading, "单位：元", and the table with two header rows. */
export function t3DocxBody(rows: readonly (readonly string[])[] = T3_ROWS): string {
  const header: (Tc | string)[][] = [
    [{ text: '科目编码', span: 3 }, { text: '科目名称', vMerge: 'restart' }, { text: '合计', vMerge: 'restart' }, { text: '基本支出', vMerge: 'restart' }, { text: '项目支出', vMerge: 'restart' }],
    ['类', '款', '项', { vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }],
  ];
  // the 合计 row's label spans the code columns and the name, as the printed tables have it
  const total: (Tc | string)[] = [{ text: '合计', span: 4 }, ...T3_TOTAL];
  return (
    p('北京市大兴区司法局') +
    p('2025年部门预算') +
    p('2025年部门支出预算总表', { style: 'Heading2' }) +
    p('单位：元') +
    tbl([...header, ...rows.map((r) => [...r]), total])
  );
}

export const t3Docx = (rows?: readonly (readonly string[])[]): Promise<Uint8Array> => docx(t3DocxBody(rows));

export const T3_SHEET = '部门支出总表';
const COLS = 'ABCDEFG';

/**
 * The same table as an Excel export: a merged title, a unit line, the header in rows 3–4 (merged
 * cells), data from row 5, amounts as numbers formatted 0.00 (style 1), the 合计 label merged A:D.
 */
export function t3Xlsx(rows: readonly (readonly string[])[] = T3_ROWS): Promise<Uint8Array> {
  const last = 5 + rows.length;
  const sheetRows = [
    row(1, ci('A1', '2025年部门支出预算总表')),
    row(2, ci('A2', '单位：元')),
    row(3, ci('A3', '科目编码'), ci('D3', '科目名称'), ci('E3', '合计'), ci('F3', '基本支出'), ci('G3', '项目支出')),
    row(4, ci('A4', '类'), ci('B4', '款'), ci('C4', '项')),
    // codes are text ("06"), amounts are numbers without their trailing zeros: the format shows them
    ...rows.map((r, i) =>
      row(5 + i, ...r.map((v, j) => (v === '' ? '' : j < 4 ? ci(`${COLS[j]}${5 + i}`, v) : cn(`${COLS[j]}${5 + i}`, String(Number(v)), 1)))),
    ),
    row(last, ci(`A${last}`, '合计'), ...T3_TOTAL.map((v, j) => cn(`${COLS[4 + j]}${last}`, String(Number(v)), 1))),
  ];
  const merges = ['A1:G1', 'A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', `A${last}:D${last}`];
  const xml = `<sheetData>${sheetRows.join('')}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  return xlsx([{ name: T3_SHEET, xml }], [], xlsxStyles());
}

/**
 * A narrative-only disclosure, one paragraph a line. Its errors: line 6 the parts add up to 1100.00,
 * not 1000.00; line 8 a share on the wrong base (450 ÷ 600 = 75%, stated as of the 1000.00 total);
 * line 9 a blank "占 %"; line 11 a rate divided by this year's figure (200 ÷ 1000 = 20%, not
 * 200 ÷ 800 = 25%). Line 7's 450.004 + 150.00 = 600.004 against 600.00 is rounding, not an error.
 */
export const NARRATIVE = [
  '北京市大兴区司法局',
  '2024年部门预算信息公开',
  '一、收入预算说明',
  '2024年收入预算1000.00万元，其中：一般公共预算收入1000.00万元。',
  '二、支出预算说明',
  '2024年支出预算1000.00万元，其中基本支出600.00万元，项目支出500.00万元。',
  '基本支出600.00万元，其中：人员经费450.004万元，公用经费150.00万元。',
  '人员经费450.00万元，占支出预算的75.00%。',
  '公用经费150.00万元，占 %。',
  '三、比上年增减情况',
  '2024年支出预算1000.00万元，比上年增加200.00万元，增长20.00%。',
];
