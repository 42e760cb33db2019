/**
 * The table views (src/relations/view.ts): rows nest under their codes and numbering in one pass, with
 * the same children the straightforward pairwise reading gives, also when codes repeat (a repeated code
 * starts a new group); and a column
 * whose printed label is no name of the relation language ("2024年", "a-b", "__proto__") is checked like
 * any other (`$col` is resolved when evaluated, not pasted into the expression).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allRules } from '../../rules/index.js';
import { resolveRules } from '../../src/engine/config.js';
import { lintText } from '../../src/engine/lint.js';
import { loadCatalogue } from '../../src/relations/load.js';
import { documentViews, tableViews, type RowView } from '../../src/relations/view.js';
import type { BudgetDocument } from '../../src/model/schema.js';

const catalogue = await loadCatalogue();

/**
 * The children as the pairwise reading finds them: each row against every later row, until one leaves it.
 * A coded row is left by the first coded row that does not strictly extend its code, the same code included:
 * a repeated code starts a new group, as a printed table reads. (The reading this replaced kept a row open
 * past its own code, so in `204, 20401, 204, 20401` the first 204 took both 20401s: it differs from this
 * one only where a table repeats a code, which no real or generated document does, and cost n²/8 links.)
 */
function pairwiseChildren(rows: RowView[]): number[][] {
  return rows.map((r, i) => {
    const out: number[] = [];
    if (r.isTotal) return out;
    for (let j = i + 1; j < rows.length; j++) {
      const c = rows[j]!;
      if (c.isTotal) continue;
      if (r.code) {
        if (!c.code) continue;
        if (c.code.length <= r.code.length || !c.code.startsWith(r.code)) break;
        if (c.code.length > r.code.length && c.level === r.level + 1) out.push(j);
      } else if (!c.code) {
        if (c.level <= r.level) break;
        if (c.level === r.level + 1) out.push(j);
      }
    }
    return out;
  });
}

const CODES = ['2', '20', '201', '2010', '20101', '2010101', '2010102', '20102', '204', '20401', '2040101', '301', '30101'];
const NAMES = ['一、收入', '二、支出', '（一）工资', '（二）商品', '1. 基本', '2. 项目', '其中：人员', '年初结转和结余', '其他'];

const row = fc.oneof(
  fc.constantFrom(...CODES).map((code) => [code, '科目', '']),
  fc.constantFrom(...NAMES).map((name) => ['', name, '']),
  fc.constant(['', '小计', ''] as string[]),
);

function viewOf(rows: string[][]) {
  const doc = { tables: [{ title: '部门支出总表', columns: ['科目编码', '科目名称', '合计'], rows }] } as unknown as Partial<BudgetDocument>;
  return tableViews(doc, catalogue, '万元')[0]!.main;
}

describe('nesting rows', () => {
  it('gives the children the pairwise reading gives, in order, whatever the codes and numbering', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const view = viewOf(rows);
        const index = new Map(view.rows.map((r, i) => [r, i]));
        expect(view.rows.map((r) => r.children.map((c) => index.get(c)))).toEqual(pairwiseChildren(view.rows));
      }),
      { numRuns: 500 },
    );
  });

  it('a repeated code starts a new group: the rows below it are its children, not the earlier row\'s', () => {
    const view = viewOf([['204', 'a', ''], ['204', 'a', ''], ['20401', 'b', ''], ['2040101', 'c', ''], ['20402', 'd', ''], ['205', 'e', ''], ['20501', 'f', '']]);
    expect(view.rows.map((r) => r.children.map((c) => c.code))).toEqual([[], ['20401', '20402'], ['2040101'], [], [], ['20501'], []]);
    const alternating = viewOf([['204', 'a', ''], ['20401', 'b', ''], ['204', 'a', ''], ['20401', 'b', ''], ['20401', 'b', '']]);
    expect(alternating.rows.map((r) => r.children.map((c) => c.path))).toEqual([[alternating.rows[1]!.path], [], [alternating.rows[3]!.path, alternating.rows[4]!.path], [], []]);
  });

  it('20,000 rows of one code are read in one pass', () => {
    const view = viewOf(Array.from({ length: 20_000 }, () => ['204', '公共安全支出', '']));
    expect(view.rows).toHaveLength(20_000);
    expect(view.rows.every((r) => r.children.length === 0)).toBe(true);
  });

  it('20,000 rows alternating 204 and 20401: each 204 has the one 20401 below it', () => {
    const view = viewOf(Array.from({ length: 20_000 }, (_, i) => (i % 2 ? ['20401', '武装警察', ''] : ['204', '公共安全支出', ''])));
    expect(view.rows.map((r) => r.children.length)).toEqual(Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 0 : 1)));
  });

  it("a row's cells by key: each key once, where first printed, read from its last column", () => {
    const doc = {
      tables: [{ title: '部门支出总表', columns: ['科目编码', '科目名称', '合计', '基本支出', '合计'], rows: [['201', 'a', 1, 2, 3].map((v) => (typeof v === 'number' ? { value: v, text: String(v), decimals: 0 } : v))] }],
    } as unknown as Partial<BudgetDocument>;
    const row = tableViews(doc, catalogue, '万元')[0]!.main.rows[0]!;
    expect([...row.cells.keys()]).toEqual(['total', 'basic']);
    expect(row.cells.size).toBe(2);
    expect(row.cells.get('total')!.text).toBe('3');
    expect(row.cells.get('total')!.path).toEqual(['tables', 0, 'rows', 0, 4]);
    expect(row.cells.get('basic')!.label).toBe('T3 a 基本支出');
    expect(row.cells.has('project')).toBe(false);
    expect([...row.cells.values()].map((c) => c.text)).toEqual(['3', '2']);
  });

  it('headers are read once per set, and no two sets are taken for one', () => {
    const view = (columns: string[]) => tableViews({ tables: [{ title: '部门支出总表', columns, rows: [] }] } as unknown as Partial<BudgetDocument>, catalogue, '万元')[0]!.main.columns;
    // the same labels joined by a newline would read alike
    expect(view(['科目编码', '科目名称', '合计\n基本支出'])).toEqual(['code', 'name', '合计基本支出']);
    expect(view(['科目编码', '科目名称', '合计', '基本支出'])).toEqual(['code', 'name', 'total', 'basic']);
    expect(view(['科目编码', '科目名称', '合计', '基本支出'])).toBe(view(['科目编码', '科目名称', '合计', '基本支出']));
  });

  it('the views of a document are built once and shared', () => {
    const doc = { tables: [{ title: '部门支出总表', columns: ['科目编码', '科目名称', '合计'], rows: [['201', 'a', '']] }] } as unknown as Partial<BudgetDocument>;
    expect(documentViews(doc, catalogue, '万元')).toBe(documentViews(doc, catalogue, '万元'));
    expect(documentViews(doc, catalogue, '元')).not.toBe(documentViews(doc, catalogue, '万元'));
  });
});

describe('a column label is data, not syntax', () => {
  const rules = resolveRules(allRules(catalogue), []);
  const t5 = (label: string, cell: string) => `document: {department: 测试局, year: 2025, kind: budget, unit: 万元}
tables:
  - title: 一般公共预算支出表
    columns: [科目编码, 科目名称, 合计, 基本支出, ${label}]
    rows:
      - ["201", 一般公共服务支出, 70.00, 50.00, 20.00]
      - ["201 38", 市场监督管理事务, 70.00, 50.00, ${cell}]
`;
  for (const label of ['2024年', '"a-b"', '1e400', '__proto__', 'constructor', 'toString', '"$col"']) {
    it(`a column "${label}" is checked by the column-wise relations, and no rule fails`, async () => {
      const good = (await lintText(t5(label, '20.00'), 't.yaml', rules)).findings;
      expect(good.filter((f) => / failed: /.test(f.message.en))).toEqual([]);
      expect(good.filter((f) => f.ruleId === 'BUD.T5.hierarchy')).toEqual([]);
      const bad = (await lintText(t5(label, '21.00'), 't.yaml', rules)).findings;
      expect(bad.filter((f) => / failed: /.test(f.message.en))).toEqual([]);
      expect(bad.filter((f) => f.ruleId === 'BUD.T5.hierarchy').map((f) => f.pointer)).toEqual(['/tables/0/rows/0/4']);
    });
  }
});
