import { compare } from '../src/arith/compare.js';
import { defineRule } from '../src/engine/rule.js';
import { fmt, interval } from '../src/functions/figures.js';

export default defineRule({
  meta: {
    id: 'operating-costs-public',
    type: 'suggestion',
    description: {
      zh: '行政单位的机关运行经费通常等于一般公共预算基本支出中的公用经费（口径因地而异：警告）',
      en: 'For administrative units, 机关运行经费 usually equals the public (operating) part of basic spending (definitions vary: a warning)',
    },
    defaultSeverity: 'warn',
    messages: {
      differs: {
        zh: '机关运行经费 {{stated}}{{unit}} 与公用经费 {{computed}}{{unit}} 不同（差 {{difference}}）；请确认口径',
        en: 'operating costs (机关运行经费) {{stated}} {{unit}} differ from public costs {{computed}} {{unit}} (by {{difference}}); check the definition used',
      },
    },
    docs: 'docs/rules/operating-costs-public.md',
  },
  check(ctx) {
    const oc = ctx.doc.operating_costs?.amount;
    const pub = ctx.doc.expenditure?.basic?.public;
    if (!oc || !pub) return;
    const c = compare(interval(oc.amount), interval(pub.amount));
    if (c.outcome !== 'inconsistent') return;
    ctx.report({
      path: ['operating_costs', 'amount', 'amount'],
      messageId: 'differs',
      data: { unit: ctx.unit },
      arithmetic: { stated: oc.amount.text, computed: pub.amount.text, difference: fmt(c.difference), tolerance: fmt(c.tolerance), unit: ctx.unit },
    });
  },
});
