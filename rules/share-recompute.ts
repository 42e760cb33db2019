import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { comparePercent } from '../src/arith/compare.js';
import { Interval } from '../src/arith/interval.js';
import { defineRule } from '../src/engine/rule.js';
import { getAt, parseDotted } from '../src/engine/path.js';
import { figuresOf, labelOf } from '../src/functions/change.js';
import { both, fmt, fmtTolerance, interval } from '../src/functions/figures.js';
import { sumRelations } from '../src/model/relations.js';
import type { Figure } from '../src/model/schema.js';

const Options = z.strictObject({ percentPointsTolerance: z.number().min(0).max(5).default(0.1) });

export default defineRule({
  meta: {
    id: 'share-recompute',
    type: 'problem',
    description: {
      zh: '占比 = 部分 ÷ 整体；同一整体下各部分的占比之和为 100%',
      en: 'A share = part ÷ whole; the shares of the parts of one whole add up to 100%',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      mismatch: {
        zh: '{{label}}占{{ofLabel}}的比例写为 {{stated}}%，按 {{part}} ÷ {{whole}} 计算应为 {{computed}}%（差 {{difference}} 个百分点，容差 ±{{tolerance}}）',
        en: '{{label}}: the share of {{ofLabel}} is stated as {{stated}}%, but {{part}} ÷ {{whole}} = {{computed}}% (difference {{difference}} points, tolerance ±{{tolerance}})',
      },
      rounding: {
        zh: '{{label}}占比写为 {{stated}}%，计算值 {{computed}}%，相差 {{difference}} 个百分点，在舍入容差 ±{{tolerance}} 之内',
        en: '{{label}}: stated share {{stated}}%, computed {{computed}}%: {{difference}} points apart, within the rounding tolerance ±{{tolerance}}',
      },
      unknownWhole: {
        zh: '{{label}}的占比指向 "{{of}}"，但文档中没有这个金额',
        en: '{{label}}: the share refers to "{{of}}", which is not an amount in the document',
      },
      siblings: {
        zh: '{{totalLabel}}各组成部分的占比之和为 {{computed}}%，不是 100%（{{expression}}）',
        en: 'the shares of the parts of {{totalLabel}} add up to {{computed}}%, not 100% ({{expression}})',
      },
    },
    docs: 'docs/rules/share-recompute.md',
  },
  check(ctx) {
    const floor = new Decimal(ctx.options.percentPointsTolerance);
    for (const f of figuresOf(ctx.doc)) {
      // the label is read only for a report: naming a figure reads the schema
      const { path, figure } = f;
      const share = figure.share;
      if (!share) continue;
      const at = [...path, 'share', 'percent'];
      const target = getAt(ctx.doc, parseDotted(share.of));
      // the whole is a figure (expenditure.total) or an amount itself (expenditure.total.amount, performance.projects[0].funds)
      const whole: Pick<Figure, 'amount' | 'label'> | undefined = isStated(target)
        ? { amount: target }
        : target && typeof target === 'object' && 'amount' in target && isStated(target.amount)
          ? (target as Figure)
          : undefined;
      if (!whole) {
        ctx.report({ path: [...path, 'share', 'of'], messageId: 'unknownWhole', data: { label: f.label, of: share.of } });
        continue;
      }
      const computed = interval(figure.amount).dividedBy(interval(whole.amount))?.scale(100);
      if (!computed) continue;
      const c = comparePercent(share.percent.value, share.percent.decimals, computed, floor);
      if (c.outcome === 'consistent') continue;
      const shown = (d: Decimal) => fmt(d.toDecimalPlaces(Math.max(2, share.percent.decimals), Decimal.ROUND_HALF_UP));
      ctx.report({
        path: at,
        messageId: c.outcome === 'rounding' ? 'rounding' : 'mismatch',
        info: c.outcome === 'rounding',
        data: { label: f.label, ofLabel: whole.label ? { zh: whole.label, en: whole.label } : labelOf(parseDotted(share.of).filter((s, i, a) => !(i === a.length - 1 && s === 'amount'))), part: figure.amount.text, whole: whole.amount.text },
        arithmetic: { stated: share.percent.text, computed: shown(c.computed), difference: shown(c.difference), tolerance: fmtTolerance(c.tolerance), unit: '%' },
      });
    }
    // siblings: the parts of one sum, each with a share of that sum's total
    for (const rel of sumRelations(ctx.doc)) {
      const shares = rel.parts.map((p) => p.figure.share);
      if (rel.parts.length < 2 || !shares.every((s) => s && sameTarget(s.of, rel.total.path))) continue;
      const sum = shares.reduce((acc, s) => acc.plus(interval(s!.percent)), Interval.exact(0));
      if (sum.lo.lte(100) && sum.hi.gte(100)) continue;
      ctx.report({
        path: [...rel.parts[0]!.path, 'share', 'percent'],
        messageId: 'siblings',
        // a gap within the percentage-point tolerance is rounding (domain notes §5)
        info: sum.point.minus(100).abs().lte(floor),
        data: { totalLabel: rel.total.label, computed: fmt(sum.point), expression: both((lang) => rel.parts.map((p, i) => `${p.label[lang]} ${shares[i]!.percent.text}%`).join(' + ')) },
      });
    }
  },
});

function isStated(v: unknown): v is Figure['amount'] {
  return v !== null && typeof v === 'object' && 'value' in v && 'decimals' in v;
}

function sameTarget(of: string, path: readonly (string | number)[]): boolean {
  const p = parseDotted(of);
  const q = path[path.length - 1] === 'amount' ? path.slice(0, -1) : path;
  return p.length === q.length && p.every((s, i) => String(s) === String(q[i]));
}
