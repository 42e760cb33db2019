import { defineRule, type Rule } from '../src/engine/rule.js';
import type { Catalogue } from '../src/relations/catalogue.js';
import { documentViews, type RowView } from '../src/relations/view.js';

export function tableCodes(cat: Catalogue): Rule<unknown> {
  return defineRule({
    meta: {
      id: 'table-codes',
      type: 'problem',
      description: {
        zh: '表内科目编码：同一编码总是同一名称；下级科目编码以其上级编码开头（排错位置的行）',
        en: 'Codes within a table: one code, one name; a row sits under the row whose code is its prefix',
      },
      defaultSeverity: 'error',
      messages: {
        nameDiffers: {
          zh: '科目编码 {{code}} 在本表中名称不一：“{{name}}”与第 {{otherRow}} 行的“{{otherName}}”',
          en: 'code {{code}} has two names in this table: "{{name}}" and "{{otherName}}" (row {{otherRow}})',
        },
        misplaced: {
          zh: '科目 {{code}} {{name}} 排在 {{parentCode}} {{parentName}} 之下，但编码不以 {{parentCode}} 开头',
          en: 'row {{code}} {{name}} sits under {{parentCode}} {{parentName}}, but its code does not start with {{parentCode}}',
        },
      },
      docs: 'docs/rules/table-codes.md',
    },
    check(ctx) {
      for (const v of documentViews(ctx.doc, cat, ctx.unit)) {
        for (const grid of [v.main, v.income, v.expenditure]) {
          if (!grid) continue;
          const seen = new Map<string, { row: RowView; index: number }>();
          const stack: RowView[] = [];
          grid.rows.forEach((row, index) => {
            if (!row.code) return;
            const first = seen.get(row.code);
            if (first && first.row.name && row.name && first.row.name.replace(/\s+/g, '') !== row.name.replace(/\s+/g, '')) {
              ctx.report({
                path: row.path,
                messageId: 'nameDiffers',
                data: { code: row.code, name: row.name, otherName: first.row.name, otherRow: first.index + 1 },
              });
            } else if (!first) seen.set(row.code, { row, index });
            // the nearest row above with a shorter code is where a reader sees this one filed
            while (stack.length && stack[stack.length - 1]!.code!.length >= row.code.length) stack.pop();
            const parent = stack[stack.length - 1];
            if (parent && !row.code.startsWith(parent.code!)) {
              ctx.report({
                path: row.path,
                messageId: 'misplaced',
                data: { code: row.code, name: row.name ?? '', parentCode: parent.code!, parentName: parent.name ?? '' },
              });
            }
            stack.push(row);
          });
        }
      }
    },
  });
}
