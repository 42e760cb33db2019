import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { compare, comparePercent } from '../src/arith/compare.js';
import { Interval, halfUnit } from '../src/arith/interval.js';
import { defineRule } from '../src/engine/rule.js';
import { both, fmt, fmtTolerance } from '../src/functions/figures.js';
import { inUnit, nameOf, nodesOf, pathOf, shareOfParent, wholeOf, wholeness, written, type Node } from '../src/narrative/structure.js';

const Options = z.strictObject({
  /** Gaps within this many percentage points are rounding (domain notes §5). */
  percentPointsTolerance: z.number().min(0).max(5).default(0.1),
});

export default defineRule({
  meta: {
    id: 'narrative-share',
    type: 'problem',
    description: {
      zh: '文字说明中的占比 = 金额 ÷ 整体（所属的上级金额，或“占…的”所指的金额）；同一整体下各部分占比之和为 100%；占比不超过 100%',
      en: 'A share in the narrative = amount ÷ its whole (the statement it is a part of, or the one "占…的" names); the shares of one whole\'s parts add up to 100%; no share exceeds 100%',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      mismatch: {
        zh: '{{label}}占{{ofLabel}}的比例写为 {{stated}}%，按 {{part}} ÷ {{whole}} 计算应为 {{computed}}%（差 {{difference}} 个百分点，容差 ±{{tolerance}}）',
        en: '{{label}}: the share of {{ofLabel}} is stated as {{stated}}%, but {{part}} ÷ {{whole}} = {{computed}}% (difference {{difference}} points, tolerance ±{{tolerance}})',
      },
      rounding: {
        zh: '{{label}}占{{ofLabel}}的比例写为 {{stated}}%，计算值 {{computed}}%，相差 {{difference}} 个百分点，在舍入容差 ±{{tolerance}} 之内',
        en: '{{label}}: stated share of {{ofLabel}} {{stated}}%, computed {{computed}}%: {{difference}} points apart, within the rounding tolerance ±{{tolerance}}',
      },
      floor: {
        zh: '{{label}}占{{ofLabel}}的比例写为 {{stated}}%，按 {{part}} ÷ {{whole}} 计算为 {{computed}}%，相差 {{difference}} 个百分点：超出数字本身的舍入（±{{derived}}），但在 {{floor}} 个百分点的容差之内',
        en: '{{label}}: the share of {{ofLabel}} is stated as {{stated}}%, {{part}} ÷ {{whole}} = {{computed}}%: {{difference}} points apart, more than the figures\' rounding explains (±{{derived}}) but within the {{floor}}-point tolerance',
      },
      overHundred: {
        zh: '{{label}}占{{ofLabel}}的比例写为 {{stated}}%，超过 100%：部分不能大于整体{{detail}}',
        en: '{{label}}: the share of {{ofLabel}} is stated as {{stated}}%, over 100%: a part cannot exceed its whole{{detail}}',
      },
      siblings: {
        zh: '{{parent}}各组成部分的占比之和为 {{computed}}%，不是 100%（{{expression}}）',
        en: 'the shares of the parts of {{parent}} add up to {{computed}}%, not 100% ({{expression}})',
      },
      siblingsOver: {
        zh: '{{parent}}下所列部分的占比之和为 {{computed}}%，超过 100%（{{expression}}）',
        en: 'the shares of the parts listed under {{parent}} add up to {{computed}}%, over 100% ({{expression}})',
      },
      siblingsRounding: {
        zh: '{{parent}}各组成部分的占比之和为 {{computed}}%，与 100% 相差 {{difference}} 个百分点，在容差 ±{{tolerance}} 之内（{{expression}}）',
        en: 'the shares of the parts of {{parent}} add up to {{computed}}%, {{difference}} points from 100%, within the tolerance ±{{tolerance}} ({{expression}})',
      },
    },
    docs: 'docs/rules/narrative-share.md',
  },
  check(ctx) {
    const floor = new Decimal(ctx.options.percentPointsTolerance);
    const nodes = nodesOf(ctx.doc.narrative, ctx.unit);

    for (const n of nodes) {
      const share = n.s.share;
      if (!share) continue;
      const at = pathOf(n.index, 'share');
      const whole = wholeOf(n, nodes);
      const ofLabel = n.s.of?.trim() ? { zh: n.s.of.trim(), en: n.s.of.trim() } : whole ? nameOf(whole) : { zh: '整体', en: 'the whole' };
      const computed = whole?.s.amount && n.s.amount ? inUnit(n.s.amount, n.unit, whole.unit).dividedBy(inUnit(whole.s.amount, whole.unit, whole.unit))?.scale(100) : undefined;
      const shown = (d: Decimal) => fmt(d.toDecimalPlaces(Math.max(2, share.decimals), Decimal.ROUND_HALF_UP), Math.max(2, share.decimals));
      const part = n.s.amount ? written(n.s.amount, n.unit, whole?.unit ?? n.unit) : '';
      const wholeText = whole?.s.amount ? written(whole.s.amount, whole.unit, whole.unit) : '';
      if (share.value.gt(100)) {
        const detail = computed
          ? { zh: `；按 ${part} ÷ ${wholeText} 计算为 ${shown(computed.point)}%`, en: `; ${part} ÷ ${wholeText} = ${shown(computed.point)}%` }
          : { zh: '', en: '' };
        ctx.report({ path: at, messageId: 'overHundred', data: { label: nameOf(n), ofLabel, stated: share.text, detail } });
        continue;
      }
      if (!computed || !whole) continue;
      const c = comparePercent(share.value, share.decimals, computed, floor);
      if (c.outcome === 'consistent') continue;
      const derived = halfUnit(share.decimals).plus(computed.halfWidth);
      const data = { label: nameOf(n), ofLabel, part, whole: wholeText };
      const arithmetic = { stated: share.text, computed: shown(c.computed), difference: shown(c.difference), tolerance: fmtTolerance(c.tolerance), unit: '%' };
      const related = [pathOf(n.index, 'amount'), pathOf(whole.index, 'amount')];
      if (c.outcome === 'inconsistent') ctx.report({ path: at, messageId: 'mismatch', data, arithmetic, related });
      else if (c.difference.abs().lte(derived)) ctx.report({ path: at, messageId: 'rounding', info: true, data, arithmetic: { ...arithmetic, tolerance: fmtTolerance(derived) }, related });
      else ctx.report({ path: at, messageId: 'floor', info: true, data: { ...data, derived: fmtTolerance(derived), floor: fmt(floor) }, arithmetic, related });
    }

    // the shares of one parent's parts
    for (const parent of nodes) {
      if (parent.children.length < 2) continue;
      const kids = parent.children.map((k) => nodes[k]!);
      const shared = kids.filter((k) => k.s.share && shareOfParent(k, parent) && k.s.share.value.lte(100));
      if (shared.length < 2) continue;
      const sum = shared.reduce((acc, k) => acc.plus(Interval.stated(k.s.share!.value, k.s.share!.decimals)), Interval.exact(0));
      if (sum.lo.lte(100) && sum.hi.gte(100)) continue;
      const all = shared.length === kids.length;
      const whole = all && (wholeness(parent, kids).whole || amountsAddUp(parent, kids));
      const over = sum.lo.gt(100);
      if (!whole && !over) continue;
      const gap = sum.point.minus(100);
      const sp = Math.max(...shared.map((k) => k.s.share!.decimals));
      const expression = both((lang) => shared.map((k, i) => `${i ? ' + ' : ''}${nameOf(k)[lang]} ${k.s.share!.text}%`).join(''));
      const data = { parent: nameOf(parent), computed: fmt(sum.point, sp), expression };
      const at = pathOf(shared[0]!.index, 'share');
      const related = shared.slice(1).map((k) => pathOf(k.index, 'share'));
      const arithmetic = { stated: '100', computed: fmt(sum.point, sp), difference: fmt(gap, sp), tolerance: fmtTolerance(floor), unit: '%' };
      if (gap.abs().lte(floor)) ctx.report({ path: at, messageId: 'siblingsRounding', info: true, data: { ...data, difference: fmt(gap, sp), tolerance: fmt(floor) }, arithmetic, related });
      else ctx.report({ path: at, messageId: whole ? 'siblings' : 'siblingsOver', data, arithmetic, related });
    }
  },
});

/** The parts' amounts add up to the parent's (within rounding): the list is the whole of it. */
function amountsAddUp(parent: Node, kids: readonly Node[]): boolean {
  if (!parent.s.amount || !kids.every((k) => k.s.amount)) return false;
  const sum = kids.reduce((acc, k) => acc.plus(inUnit(k.s.amount!, k.unit, parent.unit)), Interval.exact(0));
  return compare(inUnit(parent.s.amount, parent.unit, parent.unit), sum).outcome !== 'inconsistent';
}
