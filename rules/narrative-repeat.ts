import { z } from 'zod';
import { compare } from '../src/arith/compare.js';
import { defineRule } from '../src/engine/rule.js';
import { fmt, fmtTolerance } from '../src/functions/figures.js';
import { inUnit, isGenericLabel, nameOf, nodesOf, normaliseLabel, pathOf, type Node } from '../src/narrative/structure.js';

const Options = z.strictObject({
  /** labels never compared (beyond the built-in measure words such as 年初预算, 支出决算, 金额, 合计) */
  ignoreLabels: z.array(z.string()).default([]),
});

export default defineRule({
  meta: {
    id: 'narrative-repeat',
    type: 'problem',
    description: {
      zh: '文字说明中同一项目写了两次，金额应相同（换算单位后比较；舍入之内为提示）',
      en: 'The same item stated twice in the narrative has one amount (compared after unit conversion; within rounding: info)',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      mismatch: {
        zh: '“{{label}}”在文中写了两次，金额不同：第 {{firstIndex}} 条为 {{first}}，此处为 {{second}}（差 {{difference}}{{unit}}，舍入容差 ±{{tolerance}}）',
        en: '"{{label}}" is stated twice with different amounts: {{first}} (statement #{{firstIndex}}) and {{second}} here (difference {{difference}} {{unit}}, rounding tolerance ±{{tolerance}})',
      },
      rounding: {
        zh: '“{{label}}”在文中写了两次：第 {{firstIndex}} 条为 {{first}}，此处为 {{second}}，相差 {{difference}}{{unit}}，在舍入容差 ±{{tolerance}} 之内',
        en: '"{{label}}" is stated twice: {{first}} (statement #{{firstIndex}}) and {{second}} here, {{difference}} {{unit}} apart, within the rounding tolerance ±{{tolerance}}',
      },
    },
    docs: 'docs/rules/narrative-repeat.md',
  },
  check(ctx) {
    const ignore = new Set(ctx.options.ignoreLabels.map(normaliseLabel));
    const nodes = nodesOf(ctx.doc.narrative, ctx.unit);
    const parentNorm = (n: Node) => (n.s.parent !== undefined ? nodes[n.s.parent]?.norm : undefined);
    const seen = new Map<string, Node[]>();
    for (const n of nodes) {
      if (!n.s.amount || n.norm.length < 2 || ignore.has(n.norm) || isGenericLabel(n.s.label)) continue;
      const earlier = seen.get(n.norm) ?? [];
      // the same label in two lists of different wholes (人员经费 of 基本支出 and of another unit) may be two things
      const first = earlier.find((e) => {
        const a = parentNorm(e);
        const b = parentNorm(n);
        return a === undefined || b === undefined || a === b;
      });
      earlier.push(n);
      seen.set(n.norm, earlier);
      if (!first) continue;
      const u = first.unit;
      const c = compare(inUnit(n.s.amount, n.unit, u), inUnit(first.s.amount!, first.unit, u));
      if (c.outcome === 'consistent') continue;
      const places = Math.max(n.s.amount.decimals, first.s.amount!.decimals);
      const data = {
        label: nameOf(n),
        // in one unit the amounts are shown as written; in two, each with its own
        first: n.unit === first.unit ? first.s.amount!.text : `${first.s.amount!.text}${first.unit}`,
        second: n.unit === first.unit ? n.s.amount.text : `${n.s.amount.text}${n.unit}`,
        firstIndex: first.index + 1,
        unit: u,
      };
      const arithmetic = { stated: n.s.amount.text, computed: first.s.amount!.text, difference: fmt(c.difference, places), tolerance: fmtTolerance(c.tolerance), unit: u };
      ctx.report({
        path: pathOf(n.index, 'amount'),
        messageId: c.outcome === 'rounding' ? 'rounding' : 'mismatch',
        info: c.outcome === 'rounding',
        data: { ...data, difference: arithmetic.difference, tolerance: arithmetic.tolerance },
        arithmetic,
        related: [pathOf(first.index, 'amount')],
      });
    }
  },
});
