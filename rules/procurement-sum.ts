import { Interval } from '../src/arith/interval.js';
import { compare } from '../src/arith/compare.js';
import { defineRule } from '../src/engine/rule.js';
import { fmt, interval, same, type Term } from '../src/functions/figures.js';
import { SUM_MESSAGES, checkSum } from '../src/functions/sum.js';

export default defineRule({
  meta: {
    id: 'procurement-sum',
    type: 'problem',
    description: {
      zh: '政府采购：每行金额 = 数量 × 单价；合计 = 各行之和；中小企业预留不超过合计；采购金额不超过项目预算资金',
      en: 'Procurement: line = quantity × unit price; total = Σ lines; SME reservation ≤ total; a line ≤ its project funds',
    },
    defaultSeverity: 'error',
    messages: {
      ...SUM_MESSAGES,
      line: {
        zh: '{{item}}：金额 {{stated}}{{unit}} 不等于 数量 {{quantity}} × 单价 {{price}} = {{computed}}{{unit}}（差 {{difference}}，舍入容差 ±{{tolerance}}）',
        en: '{{item}}: amount {{stated}} {{unit}} does not equal quantity {{quantity}} × unit price {{price}} = {{computed}} {{unit}} (difference {{difference}}, rounding tolerance ±{{tolerance}})',
      },
      lineRounding: {
        zh: '{{item}}：金额 {{stated}}{{unit}} 与 数量 {{quantity}} × 单价 {{price}} = {{computed}}{{unit}} 相差 {{difference}}，在舍入容差 ±{{tolerance}} 之内',
        en: '{{item}}: amount {{stated}} {{unit}} differs from quantity {{quantity}} × unit price {{price}} = {{computed}} {{unit}} by {{difference}}, within the rounding tolerance ±{{tolerance}}',
      },
      exceeds: {
        zh: '{{partLabel}} {{part}}{{unit}} 超过 {{wholeLabel}} {{whole}}{{unit}}（超出 {{difference}}）',
        en: '{{partLabel}} {{part}} {{unit}} exceeds {{wholeLabel}} {{whole}} {{unit}} (by {{difference}})',
      },
    },
    docs: 'docs/rules/procurement-sum.md',
  },
  check(ctx) {
    const p = ctx.doc.procurement;
    if (!p) return;
    const unit = ctx.unit;
    const items = p.items ?? [];
    items.forEach((it, i) => {
      const path = ['procurement', 'items', i];
      if (it.quantity && it.unit_price && it.amount) {
        // a count is exact: only the price and the amount carry rounding
        const product = Interval.exact(it.quantity.value).times(interval(it.unit_price));
        const c = compare(interval(it.amount), product);
        if (c.outcome !== 'consistent') {
          ctx.report({
            path: [...path, 'amount'],
            messageId: c.outcome === 'rounding' ? 'lineRounding' : 'line',
            info: c.outcome === 'rounding',
            data: { item: it.item, quantity: it.quantity.text, price: it.unit_price.text, unit },
            arithmetic: { stated: it.amount.text, computed: fmt(c.computed), difference: fmt(c.difference), tolerance: fmt(c.tolerance), unit },
          });
        }
      }
      if (it.amount && it.project_funds && interval(it.amount).lo.gt(interval(it.project_funds).hi)) {
        ctx.report({
          path: [...path, 'amount'],
          messageId: 'exceeds',
          data: {
            partLabel: { zh: `${it.item} 采购金额`, en: `${it.item} procurement amount` },
            part: it.amount.text,
            wholeLabel: { zh: `${it.project ?? ''} 项目预算资金`.trim(), en: `${it.project ?? ''} project funds`.trim() },
            whole: it.project_funds.text,
            difference: fmt(it.amount.value.minus(it.project_funds.value)),
            unit,
          },
        });
      }
    });
    const lines: Term[] = items.flatMap((it, i) => (it.amount ? [{ label: same(it.item), path: ['procurement', 'items', i, 'amount'], stated: it.amount }] : []));
    // a line without an amount costs something the sum cannot see, unless it is priced at zero: not applicable
    const unstated = items.some((it) => !it.amount && !(it.quantity && it.unit_price && it.quantity.value.times(it.unit_price.value).isZero()));
    if (p.total && lines.length > 0 && !unstated) {
      checkSum(ctx.report, { label: { zh: '政府采购预算合计', en: 'procurement total' }, path: ['procurement', 'total', 'amount'], stated: p.total.amount }, lines, unit);
    }
    const cats: Term[] = (
      [
        [{ zh: '货物类', en: 'goods' }, 'goods'],
        [{ zh: '工程类', en: 'works' }, 'works'],
        [{ zh: '服务类', en: 'services' }, 'services'],
      ] as const
    ).flatMap(([label, key]) => (p[key] ? [{ label, path: ['procurement', key, 'amount'], stated: p[key].amount }] : []));
    if (p.total && cats.length >= 2) {
      checkSum(ctx.report, { label: { zh: '政府采购预算合计', en: 'procurement total' }, path: ['procurement', 'total', 'amount'], stated: p.total.amount }, cats, unit);
    }
    if (p.sme && p.total && interval(p.sme.amount).lo.gt(interval(p.total.amount).hi)) {
      ctx.report({
        path: ['procurement', 'sme', 'amount'],
        messageId: 'exceeds',
        data: {
          partLabel: { zh: '面向中小企业预留', en: 'SME reservation' },
          part: p.sme.amount.text,
          wholeLabel: { zh: '政府采购预算合计', en: 'procurement total' },
          whole: p.total.amount.text,
          difference: fmt(p.sme.amount.value.minus(p.total.amount.value)),
          unit,
        },
      });
    }
  },
});
