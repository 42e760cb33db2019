import { compare } from '../src/arith/compare.js';
import { defineRule } from '../src/engine/rule.js';
import type { Path } from '../src/engine/path.js';
import { fmt } from '../src/functions/figures.js';
import { tablesOf } from '../src/functions/indicators.js';
import { sumsIn } from '../src/functions/text-amounts.js';
import { sum } from '../src/arith/interval.js';

export default defineRule({
  meta: {
    id: 'goal-text-sum',
    type: 'problem',
    description: {
      zh: '绩效目标等文字中写明的合计金额等于所列各项之和（“以上合计…”“…，其中…”）',
      en: 'A total stated in a goal text equals the amounts it lists ("以上合计…", "…，其中…")',
    },
    defaultSeverity: 'error',
    messages: {
      mismatch: {
        zh: '文中合计 {{stated}} 不等于所列各项之和 {{expression}} = {{computed}}元（差 {{difference}}元，舍入容差 ±{{tolerance}}元）',
        en: 'the stated total {{stated}} does not equal the listed amounts {{expression}} = {{computed}} 元 (difference {{difference}} 元, rounding tolerance ±{{tolerance}} 元)',
      },
      rounding: {
        zh: '文中合计 {{stated}} 与所列各项之和 {{expression}} = {{computed}}元 相差 {{difference}}元，在舍入容差 ±{{tolerance}}元 之内',
        en: 'the stated total {{stated}} differs from the listed amounts {{expression}} = {{computed}} 元 by {{difference}} 元, within the rounding tolerance ±{{tolerance}} 元',
      },
      exceeds: {
        zh: '文中“其中”各项之和 {{expression}} = {{computed}}元，超过总额 {{stated}}',
        en: 'the "of which" amounts {{expression}} = {{computed}} 元 exceed the total {{stated}}',
      },
    },
    docs: 'docs/rules/goal-text-sum.md',
  },
  check(ctx) {
    const texts: { path: Path; text: string }[] = tablesOf(ctx.doc)
      .filter((t) => t.table.goal)
      .map((t) => ({ path: [...t.path, 'goal'], text: t.table.goal! }));
    if (ctx.doc.operating_costs?.text) texts.push({ path: ['operating_costs', 'text'], text: ctx.doc.operating_costs.text });
    for (const { path, text } of texts) {
      for (const s of sumsIn(text)) {
        const computed = sum(s.parts.map((p) => p.yuan));
        const expression = s.parts.map((p) => p.text).join(' + ');
        if (s.kind === 'equal') {
          const c = compare(s.total.yuan, computed);
          if (c.outcome === 'consistent') continue;
          ctx.report({
            path,
            messageId: c.outcome === 'rounding' ? 'rounding' : 'mismatch',
            info: c.outcome === 'rounding',
            data: { expression },
            arithmetic: { stated: s.total.text, computed: fmt(c.computed), difference: fmt(c.difference), tolerance: fmt(c.tolerance), unit: '元' },
          });
        } else if (computed.lo.gt(s.total.yuan.hi)) {
          ctx.report({ path, messageId: 'exceeds', data: { expression, computed: fmt(computed.point), stated: s.total.text } });
        }
      }
    }
  },
});
