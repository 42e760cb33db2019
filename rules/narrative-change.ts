import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { compare, comparePercent } from '../src/arith/compare.js';
import { Interval } from '../src/arith/interval.js';
import { toPointer } from '../src/engine/path.js';
import { defineRule } from '../src/engine/rule.js';
import { both, fmt, fmtTolerance } from '../src/functions/figures.js';
import { inUnit, nameOf, nodesOf, pathOf, signedChange, wholeness, type Node } from '../src/narrative/structure.js';

const Options = z.strictObject({
  /** Gaps within this many percentage points are rounding (domain notes §5). */
  percentPointsTolerance: z.number().min(0).max(5).default(0.1),
});

const INCREASE = new Set(['增加', '增长', '上升']);
const DECREASE = new Set(['减少', '下降', '降低']);
const FLAT = new Set(['持平', '无变化', '不变']);

export default defineRule({
  meta: {
    id: 'narrative-change',
    type: 'problem',
    description: {
      zh: '文字说明中的比上年增减：幅度 = |增减额| ÷ 上年数（上年数 = 本年数 − 增减额），用本年数作分母是常见错误；方向词与增减额的符号一致；各部分增减之和等于合计的增减',
      en: 'Year-on-year changes in the narrative: rate = |change| ÷ prior (prior = current − change), dividing by the current figure is the classic error; the direction word agrees with the sign; the parts\' changes add up to the whole\'s',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      mismatch: {
        zh: '{{label}}{{direction}}幅度写为 {{stated}}%，按 |{{delta}}| ÷ 上年 {{prior}}（= {{current}} − {{signed}}）计算应为 {{computed}}%（差 {{difference}} 个百分点，容差 ±{{tolerance}}）',
        en: '{{label}}: the stated rate {{stated}}% should be |{{delta}}| ÷ prior {{prior}} (= {{current}} − {{signed}}) = {{computed}}% (difference {{difference}} points, tolerance ±{{tolerance}})',
      },
      wrongBase: {
        zh: '{{label}}{{direction}}幅度 {{stated}}% 是用本年数 {{current}} 作分母算的（|{{delta}}| ÷ {{current}} = {{wrong}}%）；应除以上年数 {{prior}}（= {{current}} − {{signed}}），得 {{computed}}%',
        en: '{{label}}: the rate {{stated}}% divides by the current figure {{current}} (|{{delta}}| ÷ {{current}} = {{wrong}}%); it should divide by the prior figure {{prior}} (= {{current}} − {{signed}}): {{computed}}%',
      },
      rounding: {
        zh: '{{label}}{{direction}}幅度写为 {{stated}}%，计算值 {{computed}}%，相差 {{difference}} 个百分点，在舍入容差 ±{{tolerance}} 之内',
        en: '{{label}}: stated rate {{stated}}%, computed {{computed}}%: {{difference}} points apart, within the rounding tolerance ±{{tolerance}}',
      },
      noBase: {
        zh: '{{label}}上年数为 0（= {{current}} − {{signed}}），增减幅度无可比性，不应写 {{stated}}%',
        en: '{{label}}: the prior-year figure is 0 (= {{current}} − {{signed}}), so no rate can be stated ({{stated}}%)',
      },
      directionSign: {
        zh: '{{label}}写“{{direction}}”，增减额却为负数 {{amount}}：方向词与符号矛盾',
        en: '{{label}} says "{{direction}}" with a negative amount {{amount}}: the word and the sign contradict each other',
      },
      flatNonZero: {
        zh: '{{label}}写“{{direction}}”，却有增减额 {{amount}}',
        en: '{{label}}: "{{direction}}" (no change) is stated with a change of {{amount}}',
      },
      rateSign: {
        zh: '{{label}}{{direction}} {{amount}}，增减幅度却写为 {{stated}}%（方向相反）',
        en: '{{label}}: the change is {{direction}} {{amount}}, but the rate is {{stated}}% (the opposite direction)',
      },
      components: {
        zh: '{{label}}比上年增减 {{stated}}，而各部分增减之和为 {{computed}}（{{expression}}），相差 {{difference}}，超出舍入容差 ±{{tolerance}}',
        en: '{{label}} changes by {{stated}} from last year, but its parts\' changes add up to {{computed}} ({{expression}}): difference {{difference}}, beyond the rounding tolerance ±{{tolerance}}',
      },
      componentsRounding: {
        zh: '{{label}}比上年增减 {{stated}}，各部分增减之和为 {{computed}}（{{expression}}），相差 {{difference}}，在舍入容差 ±{{tolerance}} 之内',
        en: '{{label}} changes by {{stated}}; its parts\' changes add up to {{computed}} ({{expression}}): {{difference}} apart, within the rounding tolerance ±{{tolerance}}',
      },
    },
    docs: 'docs/rules/narrative-change.md',
  },
  check(ctx) {
    const floor = new Decimal(ctx.options.percentPointsTolerance);
    const nodes = nodesOf(ctx.doc.narrative, ctx.unit);
    /** statements whose change contradicts itself: their arithmetic is not checked further */
    const broken = new Set<number>();

    for (const n of nodes) {
      const c = n.s.change;
      if (!c) continue;
      const dir = c.direction;
      const label = nameOf(n);
      const direction = dir ?? '';
      // the direction word against the amount's own sign
      if (c.amount && dir && !c.amount.value.isZero()) {
        const neg = c.amount.value.isNegative();
        if (neg && (INCREASE.has(dir) || DECREASE.has(dir))) {
          ctx.report({ path: pathOf(n.index, 'change', 'amount'), messageId: 'directionSign', data: { label, direction, amount: c.amount.text } });
          broken.add(n.index);
          continue;
        }
        if (FLAT.has(dir)) {
          ctx.report({ path: pathOf(n.index, 'change', 'amount'), messageId: 'flatNonZero', data: { label, direction, amount: c.amount.text } });
          broken.add(n.index);
          continue;
        }
      }
      const delta = signedChange(n, n.unit);
      const rate = c.rate;
      if (!rate) continue;
      // a negative rate with an increase (or a decrease written "下降-2%") goes against the change
      if (rate.value.isNegative() && ((dir && INCREASE.has(dir)) || (delta && delta.lo.gt(0)))) {
        ctx.report({ path: pathOf(n.index, 'change', 'rate'), messageId: 'rateSign', data: { label, direction, amount: c.amount?.text ?? '', stated: rate.text } });
        broken.add(n.index);
        continue;
      }
      if (!delta || !n.s.amount) continue;
      if (dir && FLAT.has(dir) && rate.value.isZero()) continue;
      const current = inUnit(n.s.amount, n.unit, n.unit);
      const prior = current.minus(delta);
      const at = pathOf(n.index, 'change', 'rate');
      const places = Math.max(n.s.amount.decimals, c.amount?.decimals ?? 0);
      const base = {
        label,
        direction: dir && !FLAT.has(dir) ? dir : '',
        stated: rate.text,
        // the change as written (166271.4), signed by its direction for the prior's arithmetic
        delta: c.amount ? c.amount.text.replace(/^-/, '') : fmt(delta.point.abs(), places),
        signed: delta.point.isNegative() ? `(-${c.amount ? c.amount.text.replace(/^-/, '') : fmt(delta.point.abs(), places)})` : c.amount ? c.amount.text : fmt(delta.point, places),
        prior: fmt(prior.point, places),
        current: n.s.amount.text,
      };
      if (prior.point.isZero()) {
        if (!rate.value.isZero()) ctx.report({ path: at, messageId: 'noBase', data: base });
        continue;
      }
      const computed = delta.abs().dividedBy(prior.abs())?.scale(100);
      if (!computed) continue;
      const rateValue = rate.value.abs();
      const cmp = comparePercent(rateValue, rate.decimals, computed, floor);
      if (cmp.outcome === 'consistent') continue;
      const shown = (d: Decimal) => fmt(d.toDecimalPlaces(Math.max(2, rate.decimals), Decimal.ROUND_HALF_UP), Math.max(2, rate.decimals));
      const arithmetic = { stated: rate.text, computed: shown(cmp.computed), difference: shown(cmp.difference), tolerance: fmtTolerance(cmp.tolerance), unit: '%' };
      const related = [pathOf(n.index, 'amount'), pathOf(n.index, 'change', 'amount')];
      if (cmp.outcome === 'rounding') {
        ctx.report({ path: at, messageId: 'rounding', info: true, data: base, arithmetic, related });
        continue;
      }
      const onCurrent = delta.abs().dividedBy(current.abs())?.scale(100);
      const wrong = onCurrent && comparePercent(rateValue, rate.decimals, onCurrent, floor);
      if (wrong && wrong.outcome !== 'inconsistent' && !Interval.exact(0).overlaps(delta)) {
        ctx.report({ path: at, messageId: 'wrongBase', data: { ...base, wrong: shown(wrong.computed) }, arithmetic, related });
      } else ctx.report({ path: at, messageId: 'mismatch', data: base, arithmetic, related });
    }

    // the parts' changes against the whole's, when every part states one and the parts are the whole
    for (const parent of nodes) {
      if (parent.children.length < 2 || broken.has(parent.index)) continue;
      const total = signedChange(parent, parent.unit);
      if (!total) continue;
      const kids = parent.children.map((k) => nodes[k]!);
      if (kids.some((k) => broken.has(k.index))) continue;
      const deltas = kids.map((k) => signedChange(k, parent.unit));
      if (deltas.some((d) => d === undefined)) continue;
      if (!(wholeness(parent, kids).whole || amountsAddUp(parent, kids))) continue;
      const sum = (deltas as Interval[]).reduce((acc, d) => acc.plus(d), Interval.exact(0));
      const cmp = compare(total, sum);
      if (cmp.outcome === 'consistent') continue;
      const places = Math.max(parent.s.change?.amount?.decimals ?? 0, ...kids.map((k) => k.s.change?.amount?.decimals ?? 0));
      const signedText = (d: Decimal) => (d.isNegative() ? '' : d.isZero() ? '' : '+') + fmt(d, places);
      const termText = (k: Node, d: Interval) => (k.s.change?.amount ? signedText(d.point) : k.s.change?.direction ?? '0');
      const expression = both((lang) => kids.map((k, i) => `${i ? ' + ' : ''}${nameOf(k)[lang]} ${termText(k, deltas[i]!)}`).join(''));
      const data = { label: nameOf(parent), expression };
      const arithmetic = {
        stated: signedText(total.point),
        computed: signedText(sum.point),
        difference: fmt(cmp.difference, places),
        tolerance: fmtTolerance(cmp.tolerance),
        unit: parent.unit,
        terms: kids.map((k, i) => ({ label: k.s.label, value: termText(k, deltas[i]!), path: toPointer(pathOf(k.index, 'change')) })),
      };
      const at = pathOf(parent.index, 'change', ...(parent.s.change?.amount ? ['amount'] : []));
      const related = kids.map((k) => pathOf(k.index, 'change'));
      ctx.report({ path: at, messageId: cmp.outcome === 'rounding' ? 'componentsRounding' : 'components', info: cmp.outcome === 'rounding', data, arithmetic, related });
    }
  },
});

function amountsAddUp(parent: Node, kids: readonly Node[]): boolean {
  if (!parent.s.amount || !kids.every((k) => k.s.amount)) return false;
  const sum = kids.reduce((acc, k) => acc.plus(inUnit(k.s.amount!, k.unit, parent.unit)), Interval.exact(0));
  return compare(inUnit(parent.s.amount, parent.unit, parent.unit), sum).outcome !== 'inconsistent';
}

