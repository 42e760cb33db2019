import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Block, ParagraphBlock, TableBlock } from '../../src/read/blocks.js';
import { readText } from '../../src/read/text.js';

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const paragraphs = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
const texts = (t: TableBlock) => t.rows.map((r) => r.map((c) => c.text));

describe('readText', () => {
  it('reads paragraphs with their line and column, dropping bookmark prefixes', () => {
    const r = readText('标题\n\n[bookmark: _Toc1]一、概况\n  缩进的段落\r\n \n');
    expect(r.blocks).toEqual([
      { type: 'paragraph', text: '标题', loc: { kind: 'text', line: 1, column: 1 } },
      { type: 'paragraph', text: '一、概况', loc: { kind: 'text', line: 3, column: 18 } },
      { type: 'paragraph', text: '  缩进的段落', loc: { kind: 'text', line: 4, column: 1 } },
    ]);
    expect(r.notes).toEqual([]);
  });

  it('reads tab-led lines as cells, blank lines as row ends, a tab alone as an empty cell', () => {
    const r = readText('表一\n\t名称\n\t金额\n\n\t合计\n\t\n\n\n后文\n');
    const [title, table, after] = r.blocks;
    expect(title).toMatchObject({ type: 'paragraph', text: '表一' });
    expect(table).toMatchObject({ type: 'table', loc: { kind: 'text', line: 2, column: 1 } });
    expect(texts(table as TableBlock)).toEqual([
      ['名称', '金额'],
      ['合计', ''],
    ]);
    expect((table as TableBlock).rows[1]![1]!.loc).toEqual({ kind: 'text', line: 6, column: 2 });
    expect(after).toMatchObject({ type: 'paragraph', text: '后文', loc: { line: 9 } });
  });

  it('keeps a table going over lines holding only spaces, and ends it at a paragraph after a blank line', () => {
    const r = readText('\t绩效目标\n\t目标一\n\n\n \n\t一级指标\n\t二级指标\n\n说明\n\t另一表\n');
    const ts = tables(r.blocks);
    expect(ts.map(texts)).toEqual([[['绩效目标', '目标一'], ['一级指标', '二级指标']], [['另一表']]]);
    expect(paragraphs(r.blocks).map((p) => p.text)).toEqual(['说明']);
  });

  it('joins a tab-less line right below a cell to that cell, as its next paragraph', () => {
    const r = readText('\t绩效目标\n\t1.第一条\n2.第二条\n[bookmark: x]3.第三条\n\n\t下一行\n');
    const [t] = tables(r.blocks);
    expect(texts(t!)).toEqual([['绩效目标', '1.第一条\n2.第二条\n3.第三条'], ['下一行']]);
    expect(t!.rows[0]![1]!.loc).toEqual({ kind: 'text', line: 2, column: 2, endLine: 4, endColumn: 19 });
    expect(paragraphs(r.blocks)).toEqual([]);
  });

  it('rejoins a row split by a cell whose last paragraph is empty, and says so', () => {
    const r = readText('\ta\n\tb\n\tc\n\td\n\n\t1\n\t2\n\n\t3\n\t4\n\n');
    const [t] = tables(r.blocks);
    expect(texts(t!)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['1', '2', '3', '4'],
    ]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]!.loc).toEqual({ kind: 'text', line: 8, column: 1 });
  });

  it('does not join rows that do not add up to the row above', () => {
    const r = readText('\ta\n\tb\n\tc\n\n\t1\n\n\t2\n\n');
    expect(texts(tables(r.blocks)[0]!)).toEqual([['a', 'b', 'c'], ['1'], ['2']]);
    expect(r.notes).toEqual([]);
  });

  it('drops a byte order mark and reads CRLF lines', () => {
    const r = readText('\ufeff第一行\r\n\t格\r\n');
    expect(r.blocks[0]).toEqual({ type: 'paragraph', text: '第一行', loc: { kind: 'text', line: 1, column: 1 } });
    expect(texts(tables(r.blocks)[0]!)).toEqual([['格']]);
  });
});

const REAL = path.resolve('..', 'shared', 'documents', 'dachang-zhengfawei-2021-budget.txt');

// CI may not have the shared documents beside the repository: then these are skipped
const real = existsSync(REAL) ? readText(readFileSync(REAL, 'utf8')) : undefined;

(real ? describe : describe.skip)('readText on the Dachang 2021 budget (.txt)', () => {
  const r = real ?? { blocks: [], notes: [] };
  const ts = tables(r.blocks);

  it('finds the unit table, the whole-department table, the 20 project tables, procurement and assets', () => {
    expect(ts).toHaveLength(24);
    expect(texts(ts[0]!)[0]).toEqual(['单位名称', '单位性质', '单位规格', '经费保障形式']);
    const dept = ts[1]!;
    expect(dept.loc).toEqual({ kind: 'text', line: 71, column: 1 });
    expect(texts(dept)[0]).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(dept.rows).toHaveLength(21);
    const projects = ts.filter((t) => t.rows[0]![0]!.text === '绩效目标');
    expect(projects).toHaveLength(20);
    for (const t of projects) {
      expect(t.rows[1]!.map((c) => c.text)).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
      // every indicator row is whole: six cells (merged first columns come out empty)
      expect(t.rows.slice(1).every((row) => row.length === 6)).toBe(true);
    }
  });

  it('places a known cell at its line and column', () => {
    const cell = ts[1]!.rows[12]![5]!;
    expect(cell.text).toBe('371.68');
    expect(cell.loc).toEqual({ kind: 'text', line: 182, column: 2 });
    expect(ts[1]!.rows[12]!.map((c) => c.text)).toEqual(['', '成本', '网格系统维护价格', '网格系统维护价格', '≤', '371.68', '万元', '实施计划']);
  });

  it('keeps multi-paragraph cells whole and drops a bookmark inside a cell', () => {
    const p9 = ts.find((t) => t.loc.kind === 'text' && t.loc.line === 992)!;
    const goal = p9.rows[0]![1]!;
    expect(goal.text.split('\n')).toHaveLength(2);
    expect(goal.text).toMatch(/^1\.搭建县级.*\n2\.推进/);
    expect(goal.loc).toEqual({ kind: 'text', line: 993, column: 2, endLine: 994, endColumn: 56 });
    const p10 = ts.find((t) => t.loc.kind === 'text' && t.loc.line === 1127)!;
    expect(p10.rows[0]![1]!.text).toMatch(/^1\.通过见义勇为/);
    expect(p10.rows[0]![1]!.loc).toEqual({ kind: 'text', line: 1128, column: 21 });
  });

  it('rejoins the row split by an empty paragraph in project 17, with a note', () => {
    expect(r.notes.map((n) => n.loc)).toEqual([{ kind: 'text', line: 1709, column: 1 }]);
    const p17 = ts.find((t) => t.loc.kind === 'text' && t.loc.line === 1659)!;
    const row = p17.rows.find((x) => x[2]?.text === '重大安保任务完成率(%)')!;
    expect(row.map((c) => c.text)).toEqual(['', '质量指标', '重大安保任务完成率(%)', '完成的安保任务占任务总数的比率', '100百分比', '工作日志']);
  });

  it('reads the headings and paragraphs with their places', () => {
    const ps = paragraphs(r.blocks);
    expect(ps[0]).toEqual({ type: 'paragraph', text: '中共大厂回族自治县委政法委员会', loc: { kind: 'text', line: 3, column: 1 } });
    const headings = ps.filter((p) => p.loc.kind === 'text' && p.loc.column === 25);
    expect(headings.map((p) => p.text.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、']);
    expect(headings[0]!.loc).toEqual({ kind: 'text', line: 7, column: 25 });
    expect(ps[ps.length - 1]).toEqual({ type: 'paragraph', text: '我部门无其他需要说明的事项。', loc: { kind: 'text', line: 2058, column: 1 } });
  });
});
