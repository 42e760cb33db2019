import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { comparePercent } from '../src/arith/compare.js';
import { Interval } from '../src/arith/interval.js';
import { defineRule } from '../src/engine/rule.js';
import { figuresOf, impliedDelta, signedDelta } from '../src/functions/change.js';
import { fmt, fmtTolerance, interval } from '../src/functions/figures.js';

const Options = z.strictObject({
  /** Gaps within this many percentage points are rounding (domain notes §5). */
  percentPointsTolerance: z.number().min(0).max(5).default(0.1),
});

export default defineRule({
  meta: {
    id: 'change-rate',
    type: 'problem',
    description: {
      zh: '增减幅度 = |增减额| ÷ 上年数；用本年数作分母是常见错误',
      en: 'Rate of change = |change| ÷ prior-year figure; dividing by the current figure is the classic error',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      mismatch: {
        zh: '{{label}}增减幅度写为 {{stated}}%，按 |{{delta}}| ÷ 上年 {{prior}} 计算应为 {{computed}}%（差 {{difference}} 个百分点，容差 ±{{tolerance}}）',
        en: '{{label}}: the stated rate {{stated}}% should be |{{delta}}| ÷ prior {{prior}} = {{computed}}% (difference {{difference}} points, tolerance ±{{tolerance}})',
      },
      wrongBase: {
        zh: '{{label}}增减幅度 {{stated}}% 是用本年数 {{current}} 作分母算的（|{{delta}}| ÷ {{current}} = {{wrong}}%）；应除以上年数 {{prior}}，得 {{computed}}%',
        en: '{{label}}: the rate {{stated}}% divides by the current figure {{current}} (|{{delta}}| ÷ {{current}} = {{wrong}}%); it should divide by the prior figure {{prior}}: {{computed}}%',
      },
      rounding: {
        zh: '{{label}}增减幅度写为 {{stated}}%，计算值 {{computed}}%，相差 {{difference}} 个百分点，在舍入容差 ±{{tolerance}} 之内',
        en: '{{label}}: stated rate {{stated}}%, computed {{computed}}%: {{difference}} points apart, within the rounding tolerance ±{{tolerance}}',
      },
      noBase: {
        zh: '{{label}}上年数为 0，增减幅度无可比性，不应写 {{stated}}%',
        en: '{{label}}: the prior-year figure is 0, so no rate can be stated ({{stated}}%)',
      },
    },
    docs: 'docs/rules/change-rate.md',
  },
  check(ctx) {
    const floor = new Decimal(ctx.options.percentPointsTolerance);
    for (const f of figuresOf(ctx.doc)) {
      const { path, figure } = f;
      const rate = figure.change?.rate;
      if (!rate) continue;
      const delta = signedDelta(figure.change) ?? impliedDelta(figure);
      if (!delta) continue;
      const prior = figure.prior ? interval(figure.prior) : interval(figure.amount).minus(delta);
      const at = [...path, 'change', 'rate'];
      // what a message shows, built only for one: most rates agree
      const base = () => ({ label: f.label, stated: rate.text, delta: fmt(delta.point.abs()), prior: fmt(prior.point), current: figure.amount.text });
      if (prior.point.isZero()) {
        ctx.report({ path: at, messageId: 'noBase', data: base() });
        continue;
      }
      const computed = delta.abs().dividedBy(prior.abs())?.scale(100);
      if (!computed) continue;
      // a decrease may be written as a signed rate (-3.45%): its size is what is compared
      const rateValue = rate.value.isNegative() && delta.hi.lt(0) ? rate.value.abs() : rate.value;
      const c = comparePercent(rateValue, rate.decimals, computed, floor);
      if (c.outcome === 'consistent') continue;
      const shown = (d: Decimal) => fmt(d.toDecimalPlaces(Math.max(2, rate.decimals), Decimal.ROUND_HALF_UP));
      const arithmetic = { stated: rate.text, computed: shown(c.computed), difference: shown(c.difference), tolerance: fmtTolerance(c.tolerance), unit: '%' };
      if (c.outcome === 'rounding') {
        ctx.report({ path: at, messageId: 'rounding', info: true, data: base(), arithmetic });
        continue;
      }
      const onCurrent = delta.abs().dividedBy(interval(figure.amount).abs())?.scale(100);
      const wrong = onCurrent && comparePercent(rateValue, rate.decimals, onCurrent, floor);
      if (wrong && wrong.outcome !== 'inconsistent' && !Interval.exact(0).overlaps(delta)) {
        ctx.report({ path: at, messageId: 'wrongBase', data: { ...base(), wrong: shown(wrong.computed) }, arithmetic });
      } else {
        ctx.report({ path: at, messageId: 'mismatch', data: base(), arithmetic });
      }
    }
  },
});
