import { defineRule } from '../src/engine/rule.js';
import { rowsOf, tablesOf } from '../src/functions/indicators.js';

export default defineRule({
  meta: {
    id: 'indicator-value',
    type: 'problem',
    description: {
      zh: '指标值应可解读为 符号 + 数值 + 单位，或一个定性词（如“显著”）',
      en: 'An indicator value reads as operator + number + unit, or as a qualitative word (such as 显著)',
    },
    defaultSeverity: 'warn',
    messages: {
      unparseable: {
        zh: '指标“{{name}}”的值“{{value}}”无法解读为 符号 + 数值 + 单位',
        en: 'the value "{{value}}" of indicator "{{name}}" does not read as operator + number + unit',
      },
    },
    docs: 'docs/rules/indicator-value.md',
  },
  check(ctx) {
    for (const { path, table } of tablesOf(ctx.doc)) {
      const rows = rowsOf(table.indicators);
      table.indicators.forEach((ind, i) => {
        const r = rows[i]?.value;
        if (r && !r.ok && r.reason === 'unparseable') {
          ctx.report({ path: [...path, 'indicators', i, 'value'], messageId: 'unparseable', data: { name: ind.name, value: r.text } });
        }
      });
    }
  },
});
