import { describe, expect, it } from '@jest/globals';
import { tableCompleteness } from '../../rules/table-completeness.js';
import { loadCatalogue } from '../../src/relations/load.js';
import { lintWith, ruleTester, type InvalidCase } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

const rule = tableCompleteness(await loadCatalogue());

/** The nine tables of a final account, one figure each (the other rules do not run here); T8 and T9 empty, saying why. */
const FINAL_TABLES = yaml`
  tables:
    - {title: 2024年部门收入支出决算总表, columns: [合计], rows: [[1.00]]}
    - {title: 2024年部门收入决算表, columns: [合计], rows: [[1.00]]}
    - {title: 2024年部门支出决算表, columns: [合计], rows: [[1.00]]}
    - {title: 2024年部门财政拨款收入支出决算总表, columns: [合计], rows: [[1.00]]}
    - {title: 2024年一般公共预算财政拨款支出决算表, columns: [合计], rows: [[1.00]]}
    - {title: 2024年一般公共预算财政拨款基本支出决算表, columns: [合计], rows: [[1.00]]}
    - {title: 2024年一般公共预算财政拨款“三公”经费支出决算表, columns: [合计], rows: [[1.00]]}
    - {title: 2024年政府性基金预算财政拨款收入支出决算表, note: 本部门无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表为空表。}
    - {title: 2024年国有资本经营预算财政拨款支出决算表, columns: [合计], rows: [[0], [""]], note: 本部门不涉及国有资本经营预算财政拨款支出。}
`;

const FINAL_SECTIONS = yaml`
  income:
    total: 1.00
  expenditure:
    total: 1.00
  operating_costs:
    amount: 1.00
  three_public:
    total: 1.00
  assets:
    total: 1.00
`;

const header = (kind: string) => `document:\n  department: 测试局\n  year: 2024\n  kind: ${kind}\n  unit: 万元\n`;

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'a fragment (no `tables:`) is not held to completeness',
      yaml: yaml`
        expenditure:
          total: 99.00
          basic:
            total: 40.00
          project: 59.00
      `,
    },
    {
      name: 'a final account with its nine tables and five sections; empty tables say why',
      yaml: header('final') + FINAL_SECTIONS + FINAL_TABLES,
    },
  ],
  invalid: [
    {
      name: 'a budget needs procurement and performance too, which a final account does not',
      yaml: header('budget') + FINAL_SECTIONS + FINAL_TABLES,
      errors: [
        { messageId: 'missingSection', path: '', line: 1, level: 'warn' as const, zh: '缺少部门预算的“procurement”部分', en: 'the budget lacks its "procurement" section' },
        { messageId: 'missingSection', path: '', line: 1, zh: '缺少部门预算的“performance”部分' },
      ],
    },
    {
      name: 'a document with tables is a whole disclosure: the missing tables and sections, and an empty table that does not say why',
      yaml: yaml`
        expenditure:
          total: 99.00
        tables:
          - title: 2024年部门支出预算总表
            columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]
            rows:
              - ["204", 公共安全支出, 99.00, 40.00, 59.00]
            total: [null, 合计, 99.00, 40.00, 59.00]
          - title: 2024年部门政府性基金预算支出功能分类预算表
            columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]
            rows: []
            total: [null, 合计]
            note: 本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。
          - title: 2024年部门国有资本经营预算支出功能分类预算表
            columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]
            rows: []
            total: [null, 合计]
      `,
      errors: [
        { messageId: 'missingSection', path: '', line: 1, level: 'warn' as const, zh: '缺少部门预算的“income”部分' },
        { messageId: 'missingSection', path: '', line: 1, zh: '缺少部门预算的“operating_costs”部分' },
        { messageId: 'missingSection', path: '', line: 1, zh: '缺少部门预算的“three_public”部分' },
        { messageId: 'missingSection', path: '', line: 1, zh: '缺少部门预算的“procurement”部分' },
        { messageId: 'missingSection', path: '', line: 1, zh: '缺少部门预算的“assets”部分' },
        { messageId: 'missingSection', path: '', line: 1, zh: '缺少部门预算的“performance”部分' },
        { messageId: 'missingTable', path: '/tables', line: 8, level: 'warn' as const, zh: '缺少部门预算“部门收支总表”（T1）', en: 'the budget lacks the income and expenditure summary (T1)' },
        { messageId: 'missingTable', path: '/tables', line: 8, zh: '（T2）' },
        { messageId: 'missingTable', path: '/tables', line: 8, zh: '（T4）' },
        { messageId: 'missingTable', path: '/tables', line: 8, zh: '（T5）' },
        { messageId: 'missingTable', path: '/tables', line: 8, zh: '（T6）' },
        { messageId: 'missingTable', path: '/tables', line: 8, zh: '（T7）' },
        {
          messageId: 'emptyWithoutStatement',
          path: '/tables/2/title',
          line: 19,
          level: 'warn' as const,
          zh: '“2024年部门国有资本经营预算支出功能分类预算表”全为零或空白，但没有“本部门无…，故本表为空表”之类的说明',
        },
      ],
    },
  ],
};

ruleTester(rule, { valid: cases.valid, invalid: [] });

// The invalid cases are checked as the tester does, except that a finding about the whole document (a missing
// section, at the root) or about its list of tables (a missing table, at /tables) has no section to name.
describe('table-completeness: invalid', () => {
  (cases.invalid as InvalidCase[]).forEach((c) => {
    it(c.name!, async () => {
      const { own, all } = await lintWith(rule, c.yaml, c.options);
      expect(all.filter((f) => f.ruleId !== rule.meta.id).map((f) => `${f.ruleId}: ${f.message.en}`)).toEqual([]);
      expect(own.length).toBe(c.errors.length);
      own.forEach((f, j) => {
        const e = c.errors[j]!;
        expect(f.messageId).toBe(e.messageId);
        expect(rule.meta.messages[e.messageId]).toBeDefined();
        if (e.path !== undefined) expect(f.pointer).toBe(e.path);
        if (e.line !== undefined) expect(f.line).toBe(e.line);
        if (e.level !== undefined) expect(f.level).toBe(e.level);
        if (e.zh !== undefined) expect(f.message.zh).toContain(e.zh);
        if (e.en !== undefined) expect(f.message.en).toContain(e.en);
        expect(f.message.zh).not.toMatch(/\{\{/);
        expect(f.message.en).not.toMatch(/\{\{/);
        // a table is named by its title
        if (f.pointer.startsWith('/tables/')) expect(f.section.length).toBeGreaterThan(0);
      });
    });
  });
});

casesFitModel(rule.meta.id, cases);
