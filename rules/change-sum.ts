import { compare } from '../src/arith/compare.js';
import { defineRule } from '../src/engine/rule.js';
import { signedDelta } from '../src/functions/change.js';
import { both, fmt, interval } from '../src/functions/figures.js';
import { sumRelations } from '../src/model/relations.js';
import { Interval } from '../src/arith/interval.js';

const signed = (i: Interval) => (i.point.isNegative() ? fmt(i.point) : '+' + fmt(i.point));

export default defineRule({
  meta: {
    id: 'change-sum',
    type: 'problem',
    description: {
      zh: '各组成部分的比上年增减之和等于合计的增减；各部分上年数之和等于合计上年数',
      en: "The parts' year-on-year changes add up to the total's change; the parts' prior-year figures add up to the total's",
    },
    defaultSeverity: 'error',
    messages: {
      mismatch: {
        zh: '{{totalLabel}}比上年增减 {{stated}}{{unit}}，但各部分增减之和为 {{expression}} = {{computed}}{{unit}}（差 {{difference}}，舍入容差 ±{{tolerance}}）',
        en: '{{totalLabel}} changed by {{stated}} {{unit}}, but the parts changed by {{expression}} = {{computed}} {{unit}} (difference {{difference}}, rounding tolerance ±{{tolerance}})',
      },
      rounding: {
        zh: '{{totalLabel}}比上年增减 {{stated}}{{unit}}，各部分增减之和 {{computed}}{{unit}}，相差 {{difference}}，在舍入容差 ±{{tolerance}} 之内',
        en: "{{totalLabel}} changed by {{stated}} {{unit}}, the parts' changes add up to {{computed}} {{unit}}: {{difference}} apart, within the rounding tolerance ±{{tolerance}}",
      },
      priorRounding: {
        zh: '{{totalLabel}}上年数 {{stated}}{{unit}} 与各部分上年数之和 {{expression}} = {{computed}}{{unit}} 相差 {{difference}}，在舍入容差 ±{{tolerance}} 之内',
        en: "{{totalLabel}}'s prior-year figure {{stated}} {{unit}} differs from the parts' {{expression}} = {{computed}} {{unit}} by {{difference}}, within the rounding tolerance ±{{tolerance}}",
      },
      priorMismatch: {
        zh: '{{totalLabel}}上年数 {{stated}}{{unit}} 不等于各部分上年数之和 {{expression}} = {{computed}}{{unit}}（差 {{difference}}，舍入容差 ±{{tolerance}}）',
        en: "{{totalLabel}}'s prior-year figure {{stated}} {{unit}} does not equal the parts' {{expression}} = {{computed}} {{unit}} (difference {{difference}}, rounding tolerance ±{{tolerance}})",
      },
    },
    docs: 'docs/rules/change-sum.md',
  },
  check(ctx) {
    for (const rel of sumRelations(ctx.doc)) {
      const unit = ctx.unit;
      const totalDelta = signedDelta(rel.total.figure.change);
      const partDeltas = rel.parts.map((p) => signedDelta(p.figure.change));
      if (totalDelta && partDeltas.every((d) => d)) {
        const sum = partDeltas.reduce((acc, d, i) => (rel.parts[i]!.sign === -1 ? acc!.minus(d!) : acc!.plus(d!)), Interval.exact(0))!;
        const c = compare(totalDelta, sum);
        if (c.outcome !== 'consistent') {
          ctx.report({
            // a change stated by its direction alone (持平) has no amount to point at
            path: [...rel.total.path, 'change', ...(rel.total.figure.change?.amount ? ['amount'] : [])],
            messageId: c.outcome === 'rounding' ? 'rounding' : 'mismatch',
            info: c.outcome === 'rounding',
            data: {
              totalLabel: rel.total.label,
              unit,
              expression: both((lang) => rel.parts.map((p, i) => `${p.sign === -1 ? '−' : ''}${p.label[lang]} ${signed(partDeltas[i]!)}`).join(lang === 'zh' ? '，' : ', ')),
            },
            arithmetic: { stated: signed(totalDelta), computed: signed(sum), difference: fmt(c.difference), tolerance: fmt(c.tolerance), unit },
          });
        }
      }
      const totalPrior = rel.total.figure.prior;
      if (totalPrior && rel.parts.every((p) => p.figure.prior)) {
        const sum = rel.parts.reduce((acc, p) => (p.sign === -1 ? acc.minus(interval(p.figure.prior!)) : acc.plus(interval(p.figure.prior!))), Interval.exact(0));
        const c = compare(interval(totalPrior), sum);
        if (c.outcome !== 'consistent') {
          ctx.report({
            path: [...rel.total.path, 'prior'],
            messageId: c.outcome === 'rounding' ? 'priorRounding' : 'priorMismatch',
            info: c.outcome === 'rounding',
            data: {
              totalLabel: rel.total.label,
              unit,
              expression: both((lang) => rel.parts.map((p, i) => `${i === 0 ? '' : p.sign === -1 ? ' − ' : ' + '}${p.label[lang]} ${p.figure.prior!.text}`).join('')),
            },
            arithmetic: { stated: totalPrior.text, computed: fmt(c.computed), difference: fmt(c.difference), tolerance: fmt(c.tolerance), unit },
          });
        }
      }
    }
  },
});
