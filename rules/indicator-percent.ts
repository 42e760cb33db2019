import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { rowsOf, shownValue, tablesOf } from '../src/functions/indicators.js';

const Options = z.strictObject({
  /** Names of growth and comparison measures, which may exceed 100% (较上年增长120%): not checked. */
  mayExceed: z.array(z.string().min(1)).default(['增长', '增幅', '增速', '增加', '提高', '提升', '上升', '同比', '环比', '超额']),
});

export default defineRule({
  meta: {
    id: 'indicator-percent',
    type: 'problem',
    description: {
      zh: '比率类指标值不能要求超过 100%（≥100%、=100% 可以，>100%、≥101% 不可能达到）',
      en: 'A percentage target cannot require more than 100% (≥100% and =100% are fine; >100% or ≥101% cannot be reached)',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      over100: {
        zh: '指标“{{name}}”的值 {{value}} 要求超过 100%：比率不可能超过 100%，最多为 {{expected}}',
        en: 'indicator "{{name}}" has {{value}}, more than 100%: a rate cannot exceed 100%, so at most {{expected}}',
      },
    },
    docs: 'docs/rules/indicator-percent.md',
  },
  check(ctx) {
    const { mayExceed } = ctx.options;
    for (const { path, table } of tablesOf(ctx.doc)) {
      const rows = rowsOf(table.indicators);
      table.indicators.forEach((ind, i) => {
        const r = rows[i]?.value;
        if (!r?.ok || r.value.dimension !== 'percent' || r.value.baseUnit !== '%') return;
        const v = r.value;
        if (mayExceed.some((w) => ind.name.includes(w))) return;
        const op = v.operator ?? '=';
        // a ceiling above 100% (≤110%) is loose, not impossible: only targets that demand more are checked
        if (op === '≤' || op === '<' || op === '≠') return;
        const low = v.scaled ?? v.range?.low;
        const high = v.scaled ?? v.range?.high;
        if (!low || !high) return;
        const over = v.range ? high.gt(100) : op === '>' ? low.gte(100) : low.gt(100);
        if (!over) return;
        ctx.report({
          path: [...path, 'indicators', i, 'value'],
          messageId: 'over100',
          data: { name: ind.name, value: shownValue(ind), expected: `100${v.unit === '百分之' ? '%' : v.unit}` },
        });
      });
    }
  },
});
