import { Decimal } from 'decimal.js';
import { compare } from '../src/arith/compare.js';
import { Interval } from '../src/arith/interval.js';
import { toPointer } from '../src/engine/path.js';
import { defineRule } from '../src/engine/rule.js';
import { both, fmt, fmtTolerance } from '../src/functions/figures.js';
import { inUnit, nameOf, nodesOf, pathOf, wholeness, written, type Node } from '../src/narrative/structure.js';

/** A part whose label says it is a total: 合计, 总计, 小计, 共计, 总额. */
const TOTAL_WORD = /合计|总计|小计|共计|总额/;

export default defineRule({
  meta: {
    id: 'narrative-sum',
    type: 'problem',
    description: {
      zh: '文字说明中“其中”所列各部分之和不超过上级金额；以“包括”“分别为”列出或构成完整（基本支出 + 项目支出等）时等于上级金额',
      en: 'In the narrative, the parts listed under 其中 add up to no more than their whole; listed with 包括 / 分别为, or forming a complete decomposition (basic + project spending, …), they add up to it',
    },
    defaultSeverity: 'error',
    messages: {
      mismatch: {
        zh: '{{label}}写为 {{stated}}{{unit}}，所列各部分之和为 {{computed}}（{{expression}}），相差 {{difference}}，超出舍入容差 ±{{tolerance}}；{{why}}',
        en: '{{label}} is stated as {{stated}} {{unit}}, but its parts add up to {{computed}} ({{expression}}): difference {{difference}}, beyond the rounding tolerance ±{{tolerance}}; {{why}}',
      },
      exceeds: {
        zh: '{{label}}写为 {{stated}}{{unit}}，其中所列各部分之和却为 {{computed}}（{{expression}}），超出 {{excess}}（舍入容差 ±{{tolerance}}）：部分之和不能大于整体',
        en: '{{label}} is stated as {{stated}} {{unit}}, but the parts listed under it add up to {{computed}} ({{expression}}), {{excess}} more (rounding tolerance ±{{tolerance}}): parts cannot exceed their whole',
      },
      partIsTotal: {
        zh: '{{label}}写为 {{stated}}{{unit}}，所列部分中的“{{part}}” {{partAmount}} 是一个合计数，与其他部分并列后各部分之和为 {{computed}}（{{expression}}）：疑把合计列作了组成部分',
        en: '{{label}} is stated as {{stated}} {{unit}}; "{{part}}" {{partAmount}}, listed among its parts, is a total, and with it the parts add up to {{computed}} ({{expression}}): a total seems to be listed as a part',
      },
      rounding: {
        zh: '{{label}}写为 {{stated}}{{unit}}，所列各部分之和为 {{computed}}（{{expression}}），相差 {{difference}}，在舍入容差 ±{{tolerance}} 之内',
        en: '{{label}} is stated as {{stated}} {{unit}}; its parts add up to {{computed}} ({{expression}}): {{difference}} apart, within the rounding tolerance ±{{tolerance}}',
      },
    },
    docs: 'docs/rules/narrative-sum.md',
  },
  check(ctx) {
    const nodes = nodesOf(ctx.doc.narrative, ctx.unit);
    for (const parent of nodes) {
      const amount = parent.s.amount;
      if (!amount || parent.children.length === 0) continue;
      const kids = parent.children.map((k) => nodes[k]!);
      const stated = kids.filter((k) => !!k.s.amount) as (Node & { s: { amount: NonNullable<Node['s']['amount']> } })[];
      if (stated.length === 0) continue;
      const u = parent.unit;
      const total = inUnit(amount, u, u);
      const sum = stated.reduce((acc, k) => acc.plus(inUnit(k.s.amount, k.unit, u)), Interval.exact(0));
      const c = compare(total, sum);
      if (c.outcome === 'consistent') continue;
      const w = wholeness(parent, kids);
      // a part without an amount leaves the sum open: only an excess can be told
      const mustEqual = w.whole && stated.length === kids.length;
      const places = Math.max(amount.decimals, ...stated.map((k) => k.s.amount.decimals));
      const shown = (d: Decimal) => fmt(d, places);
      const terms = stated.map((k) => ({ label: k.s.label, value: written(k.s.amount, k.unit, u), path: toPointer(pathOf(k.index, 'amount')) }));
      const expression = both((lang) => stated.map((k, i) => `${i ? ' + ' : ''}${nameOf(k)[lang]} ${written(k.s.amount, k.unit, u)}`).join(''));
      const base = { label: nameOf(parent), unit: u, expression };
      const arithmetic = { stated: amount.text, computed: shown(c.computed), difference: shown(c.difference), tolerance: fmtTolerance(c.tolerance), unit: u, terms };
      const related = stated.map((k) => pathOf(k.index, 'amount'));
      const at = pathOf(parent.index, 'amount');
      const excess = c.difference.isNegative();
      if (c.outcome === 'rounding') {
        if (mustEqual || excess) ctx.report({ path: at, messageId: 'rounding', info: true, data: base, arithmetic, related });
        continue;
      }
      if (excess) {
        const totalPart = stated.find((k) => TOTAL_WORD.test(k.norm) || (k.norm === parent.norm && k.norm !== ''));
        if (totalPart && stated.length > 1) {
          ctx.report({ path: at, messageId: 'partIsTotal', data: { ...base, part: totalPart.s.label, partAmount: written(totalPart.s.amount, totalPart.unit, u) }, arithmetic, related });
        } else if (mustEqual) {
          ctx.report({ path: at, messageId: 'mismatch', data: { ...base, why: w.why! }, arithmetic, related });
        } else {
          ctx.report({ path: at, messageId: 'exceeds', data: { ...base, excess: shown(c.difference.negated()) }, arithmetic, related });
        }
        continue;
      }
      if (mustEqual) ctx.report({ path: at, messageId: 'mismatch', data: { ...base, why: w.why! }, arithmetic, related });
    }
  },
});
