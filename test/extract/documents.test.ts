/**
 * Published documents built in the test, linted in-process: a finding about a table cell points at
 * that cell of the .docx (table, row, grid column) or the .xlsx (sheet and A1 reference), and a
 * finding about a sentence of a .txt at its line and column.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { NumberText } from '../../src/arith/decimal.js';
import { resolveRules } from '../../src/engine/config.js';
import type { Finding } from '../../src/engine/finding.js';
import { extractFile, lintDocumentFile } from '../../src/engine/lint-document.js';
import { describeLoc } from '../../src/read/blocks.js';
import { loadCatalogue } from '../../src/relations/load.js';
import { NARRATIVE, T3_SHEET, t3Docx, t3DocxBody, t3With, t3Xlsx } from '../support/budget-documents.js';
import { docx, p } from '../support/ooxml.js';

const cat = await loadCatalogue();
// the fixtures are one table or one narrative, not whole disclosures: completeness is not the point here
const rules = resolveRules(allRules(cat), [{ source: 'test', rules: { 'table-completeness': 'off' } }]);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-documents-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const lint = async (file: string) => (await lintDocumentFile(file, rules, cat)).result.findings;
const relations = (fs: Finding[]) => fs.filter((f) => f.ruleId?.startsWith('BUD.'));
const text = (v: unknown) => (v instanceof NumberText ? v.text : v);

// 行政运行 (T3_ROWS[2]) says 合计 710.00 where 基本支出 600.00 + 项目支出 100.00 = 700.00: table row 3 + 2
// header rows = row 5 of the Word table, and data from row 5 of the sheet = row 7; 合计 is column 5 (E)
const WRONG = t3With(2, 5, '710.00');

describe('a 部门支出总表 in a .docx', () => {
  it('is read as T3: the title above the unit line, 类/款/项 joined, the 合计 row spanning the codes', async () => {
    const x = await extractFile(await write('t3-clean.docx', await t3Docx()), cat);
    const t = (x.data.tables as Record<string, unknown>[])[0]!;
    expect(t).toMatchObject({ title: '2025年部门支出预算总表', unit: '元', columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'] });
    const rows = (t.rows as unknown[][]).map((r) => r.map(text));
    expect(rows.map((r) => r[0])).toEqual(['201', '201 06', '201 06 01', '201 06 02', '208', '208 05', '208 05 05']);
    expect(rows[2]).toEqual(['201 06 01', '行政运行', '700.00', '600.00', '100.00']);
    // a blank cell is null (an exact 0 to the relations)
    expect(rows[3]![3]).toBeNull();
    expect((t.total as unknown[]).map(text).slice(1)).toEqual(['合计', '1200.00', '800.00', '400.00']);
    expect(x.notes).toEqual([]);
  });

  it('gives no relation finding when its figures agree', async () => {
    expect(relations(await lint(await write('t3-clean.docx', await t3Docx())))).toEqual([]);
  });

  it('reports the wrong cell at table 1, row 5, column 5', async () => {
    const fs = relations(await lint(await write('t3-wrong.docx', await t3Docx(WRONG))));
    const rowSum = fs.find((f) => f.ruleId === 'BUD.T3.row-sum')!;
    expect(rowSum).toMatchObject({ level: 'error', pointer: '/tables/0/rows/2/2', location: { kind: 'docx', table: 1, row: 5, column: 5 } });
    expect(describeLoc(rowSum.location!, 'zh')).toBe('表1 第5行 第5列');
    expect(describeLoc(rowSum.location!, 'en')).toBe('table 1 row 5 column 5');
    // the same cell breaks 款 = Σ项 one level up: reported at 财政事务's 合计, row 4
    const hierarchy = fs.find((f) => f.ruleId === 'BUD.T3.hierarchy')!;
    expect(hierarchy).toMatchObject({ pointer: '/tables/0/rows/1/2', location: { kind: 'docx', table: 1, row: 4, column: 5 } });
    expect(fs.map((f) => f.ruleId).sort()).toEqual(['BUD.T3.hierarchy', 'BUD.T3.row-sum']);
  });

  it('places a wrong 项目支出 cell by its own column one level up', async () => {
    // 一般行政管理事务 (row 6) 项目支出 310.00: its row no longer adds up, nor does 财政事务's 项目支出 (row 4, column 7)
    const fs = relations(await lint(await write('t3-project.docx', await t3Docx(t3With(3, 7, '310.00')))));
    expect(fs.find((f) => f.ruleId === 'BUD.T3.row-sum')?.location).toEqual({ kind: 'docx', table: 1, row: 6, column: 5 });
    expect(fs.find((f) => f.ruleId === 'BUD.T3.hierarchy')?.location).toEqual({ kind: 'docx', table: 1, row: 4, column: 7 });
  });

  it('reports a wrong 合计 row at its cell', async () => {
    const body = t3DocxBody().replace('<w:t xml:space="preserve">1200.00</w:t>', '<w:t xml:space="preserve">1210.00</w:t>');
    const fs = relations(await lint(await write('t3-total.docx', await docx(body))));
    expect(fs.find((f) => f.ruleId === 'BUD.T3.total')).toMatchObject({ pointer: '/tables/0/total/2', location: { kind: 'docx', table: 1, row: 10, column: 5 } });
  });
});

describe('the same table in an .xlsx', () => {
  it('is read with numbers as displayed (format 0.00) and merged cells spread', async () => {
    const x = await extractFile(await write('t3-clean.xlsx', await t3Xlsx()), cat);
    const t = (x.data.tables as Record<string, unknown>[])[0]!;
    expect(t).toMatchObject({ unit: '元', columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'] });
    expect((t.rows as unknown[][])[2]!.map(text)).toEqual(['201 06 01', '行政运行', '700.00', '600.00', '100.00']);
    expect((t.total as unknown[]).map(text).slice(2)).toEqual(['1200.00', '800.00', '400.00']);
    expect(relations(await lint(path.join(dir, 't3-clean.xlsx')))).toEqual([]);
  });

  it('reports the wrong cell as Sheet!E7', async () => {
    const fs = relations(await lint(await write('t3-wrong.xlsx', await t3Xlsx(WRONG))));
    const rowSum = fs.find((f) => f.ruleId === 'BUD.T3.row-sum')!;
    expect(rowSum).toMatchObject({ pointer: '/tables/0/rows/2/2', location: { kind: 'xlsx', sheet: T3_SHEET, cell: 'E7' } });
    expect(describeLoc(rowSum.location!, 'zh')).toBe(`${T3_SHEET}!E7`);
    expect(fs.find((f) => f.ruleId === 'BUD.T3.hierarchy')?.location).toEqual({ kind: 'xlsx', sheet: T3_SHEET, cell: 'E6' });
  });
});

describe('a narrative-only .txt', () => {
  let findings: Finding[];
  const lines = NARRATIVE;
  /** what the original holds from a finding's line and column on */
  const at = (f: Finding) => lines[f.line - 1]!.slice(f.column - 1);
  const find = (rule: string, line: number) => findings.find((f) => f.ruleId === rule && f.line === line);

  beforeAll(async () => {
    findings = await lint(await write('narrative.txt', lines.join('\n') + '\n'));
  });

  it('places every finding in the original, as text', () => {
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.location?.kind).toBe('text');
      expect(f.line).toBeGreaterThan(0);
      expect(f.column).toBeGreaterThan(0);
    }
  });

  it('reports parts that do not add up at the whole (line 6, the 1000.00)', () => {
    const f = find('expenditure-parts-sum', 6)!;
    expect(f).toMatchObject({ level: 'error', pointer: '/expenditure/total/amount' });
    expect(at(f)).toMatch(/^1000\.00万元，其中基本支出/);
    expect(f.message.zh).toContain('1100.00');
    expect(at(find('narrative-sum', 6)!)).toMatch(/^1000\.00/);
  });

  it('reports a share on the wrong base at its 占 (line 8)', () => {
    const f = find('narrative-share', 8)!;
    expect(f.level).toBe('error');
    expect(at(f)).toMatch(/^占支出预算的75\.00%/);
    expect(f.message.zh).toContain('45.00%');
  });

  it('reports a blank 占 % at its place (line 9)', () => {
    const f = find('narrative-blank', 9)!;
    expect(f.level).toBe('error');
    expect(at(f)).toMatch(/^占 %/);
  });

  it('reports a rate computed on the current year at the rate (line 11)', () => {
    const f = find('change-rate', 11)!;
    expect(f).toMatchObject({ level: 'error', pointer: '/expenditure/total/change/rate', messageId: 'wrongBase' });
    expect(at(f)).toMatch(/^增长20\.00%/);
    expect(f.message.zh).toContain('25');
    expect(at(find('narrative-change', 11)!)).toMatch(/^增长20\.00%/);
  });

  it('takes 450.004 + 150.00 against 600.00 for rounding, never an error', () => {
    expect(findings.filter((f) => f.level === 'error' && f.line === 7)).toEqual([]);
    const rounding = findings.filter((f) => f.message.zh.includes('600.004'));
    expect(rounding.length).toBeGreaterThan(0);
    for (const f of rounding) expect(f.level).toBe('info');
    // and the errors are all on the lines that have one
    expect([...new Set(findings.filter((f) => f.level === 'error').map((f) => f.line))].sort((a, b) => a - b)).toEqual([6, 8, 9, 11]);
  });

  it('in a .docx, places the same sentence by paragraph and character', async () => {
    const fs = await lint(await write('narrative.docx', await docx(lines.map((l) => p(l)).join(''))));
    const f = fs.find((x) => x.ruleId === 'narrative-share')!;
    expect(f.location).toEqual({ kind: 'docx', paragraph: 8, offset: lines[7]!.indexOf('占') });
    expect(describeLoc(f.location!, 'zh')).toBe('第8段 第14字');
  });
});
