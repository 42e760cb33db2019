import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { parsedValue, shownValue, squash, tablesOf } from '../src/functions/indicators.js';

const Options = z.strictObject({
  /** a satisfaction target below this (in %) means little; default: lexicons thresholds.satisfactionFloor */
  floor: z.number().min(0).max(100).optional(),
  /** names that are satisfaction rates (matched as substrings of the 三级指标) */
  words: z.array(z.string().min(1)).default(['满意度', '满意率']),
  /** names that contain a satisfaction word but measure the opposite (不满意率 takes ≤) */
  exclude: z.array(z.string().min(1)).default(['不满意']),
});

export default defineRule({
  meta: {
    id: 'satisfaction-target',
    type: 'suggestion',
    description: {
      zh: '满意度目标应能由调查证实：不写 ≥100% 或 =100%，也不低于常用下限（默认 80%）',
      en: 'A satisfaction target is one a survey can confirm: not ≥100% or =100%, and not below the usual floor (80% by default)',
    },
    defaultSeverity: 'warn',
    options: Options,
    messages: {
      full: {
        zh: '满意度指标“{{name}}”的目标 {{value}} 无法由问卷调查证实（抽样调查得不出全部满意）；通常写 ≥{{floor}}%～95%',
        en: 'satisfaction target "{{name}}" {{value}} cannot be confirmed by a survey (a sample cannot show that everyone is satisfied); usual targets are ≥{{floor}}% to 95%',
      },
      low: {
        zh: '满意度指标“{{name}}”的目标 {{value}} 低于 {{floor}}%，过低而难以说明问题；通常写 ≥{{floor}}%～95%',
        en: 'satisfaction target "{{name}}" {{value}} is below {{floor}}%, too low to mean much; usual targets are ≥{{floor}}% to 95%',
      },
    },
    docs: 'docs/rules/satisfaction-target.md',
  },
  check(ctx) {
    const { words, exclude } = ctx.options;
    const floor = ctx.options.floor ?? ctx.lexicons.thresholds.satisfactionFloor;
    for (const { path, table } of tablesOf(ctx.doc)) {
      table.indicators.forEach((ind, i) => {
        const name = squash(ind.name);
        if (!words.some((w) => name.includes(w)) || exclude.some((w) => name.includes(w))) return;
        const r = parsedValue(ind);
        if (!r?.ok || r.value.dimension !== 'percent' || r.value.baseUnit !== '%' || !r.value.scaled) return;
        const v = r.value;
        const op = v.operator ?? '=';
        if (op === '≤' || op === '<' || op === '≠') return;
        const at = [...path, 'indicators', i, 'value'];
        const data = { name: ind.name, value: shownValue(ind), floor };
        // more than 100% is impossible, not just unmeasurable: indicator-percent reports it
        if (v.scaled!.eq(100) && op !== '>') ctx.report({ path: at, messageId: 'full', data });
        else if (v.scaled!.lt(floor)) ctx.report({ path: at, messageId: 'low', data });
      });
    }
  },
});
