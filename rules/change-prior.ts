import { compare } from '../src/arith/compare.js';
import { defineRule } from '../src/engine/rule.js';
import { figuresOf, signedDelta } from '../src/functions/change.js';
import { fmt, interval } from '../src/functions/figures.js';

export default defineRule({
  meta: {
    id: 'change-prior',
    type: 'problem',
    description: {
      zh: '上年数 + 增减额 = 本年数',
      en: 'Prior-year figure + stated change = current figure',
    },
    defaultSeverity: 'error',
    messages: {
      mismatch: {
        zh: '{{label}}：上年 {{prior}} {{delta}} = {{computed}}{{unit}}，但本年为 {{stated}}{{unit}}（差 {{difference}}，舍入容差 ±{{tolerance}}）',
        en: '{{label}}: prior {{prior}} {{delta}} = {{computed}} {{unit}}, but the current figure is {{stated}} {{unit}} (difference {{difference}}, rounding tolerance ±{{tolerance}})',
      },
      rounding: {
        zh: '{{label}}：上年 {{prior}} {{delta}} = {{computed}}{{unit}}，本年 {{stated}}{{unit}}，相差 {{difference}}，在舍入容差 ±{{tolerance}} 之内',
        en: '{{label}}: prior {{prior}} {{delta}} = {{computed}} {{unit}}, current {{stated}} {{unit}}: {{difference}} apart, within the rounding tolerance ±{{tolerance}}',
      },
    },
    docs: 'docs/rules/change-prior.md',
  },
  check(ctx) {
    for (const f of figuresOf(ctx.doc)) {
      // the label is read only for a report: naming a figure reads the schema
      const { path, figure } = f;
      const delta = signedDelta(figure.change);
      if (!figure.prior || !delta) continue;
      const c = compare(interval(figure.amount), interval(figure.prior).plus(delta));
      if (c.outcome === 'consistent') continue;
      const d = delta.point;
      ctx.report({
        path: [...path, 'amount'],
        messageId: c.outcome === 'rounding' ? 'rounding' : 'mismatch',
        info: c.outcome === 'rounding',
        data: { label: f.label, prior: figure.prior.text, delta: d.isNegative() ? `− ${fmt(d.abs())}` : `+ ${fmt(d)}`, unit: ctx.unit },
        arithmetic: { stated: figure.amount.text, computed: fmt(c.computed), difference: fmt(c.difference), tolerance: fmt(c.tolerance), unit: ctx.unit },
      });
    }
  },
});
