/**
 * This year's statements about last year, checked against last year's own disclosure (ctx.previous):
 * the stated prior-year figure, the stated change and the stated rate of each figure, at the same
 * model path in both documents, with the amounts converted between the documents' units.
 * Performance indicators whose target is last year's ("上年…") are out of scope: they are not figures.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { compare, comparePercent, type Comparison } from '../src/arith/compare.js';
import { Interval } from '../src/arith/interval.js';
import { moneyFactor, type MoneyUnit } from '../src/arith/units.js';
import type { Path } from '../src/engine/path.js';
import { getAt } from '../src/engine/path.js';
import { defineRule, type Bilingual } from '../src/engine/rule.js';
import { figuresOf, isFigure, signedDelta } from '../src/functions/change.js';
import { fmt, fmtTolerance, interval } from '../src/functions/figures.js';
import type { Stated } from '../src/model/scalars.js';
import type { BudgetDocument, Figure } from '../src/model/schema.js';

const Options = z.strictObject({
  /** Rate gaps within this many percentage points are rounding (domain notes §5), as in change-rate. */
  percentPointsTolerance: z.number().min(0).max(5).default(0.1),
});

type Info = BudgetDocument['document'];

const KIND: Record<Info['kind'], Bilingual> = {
  budget: { zh: '预算', en: 'budget' },
  final: { zh: '决算', en: 'final accounts' },
};

/** Department names compared as written, ignoring spaces and full-width/half-width forms. */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * A stated figure against its value from the other document: equal once that value is rounded to the
 * stated places is consistent (a 元 figure written in 万元 to two places is no gap); otherwise the
 * intervals decide between rounding and inconsistent. Undefined when consistent.
 */
function against(stated: Stated, computed: Interval): Comparison | undefined {
  const c = compare(interval(stated), computed);
  if (c.outcome === 'consistent' || computed.point.toDecimalPlaces(stated.decimals, Decimal.ROUND_HALF_UP).eq(stated.value)) return undefined;
  return c;
}

const signed = (d: Decimal) => (d.isNegative() ? `−${fmt(d.abs())}` : d.isZero() ? '0' : `+${fmt(d)}`);

export default defineRule({
  meta: {
    id: 'previous-year',
    type: 'problem',
    description: {
      zh: '本年文档所写的上年数、比上年增减额和增减幅度与上年文档（同一部门上一年度、同种文档）一致',
      en: "The prior-year figures, changes and rates this year's document states agree with last year's document (same department, previous year, same kind)",
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      notPrevious: {
        zh: '上年文档（{{prevDepartment}} {{prevYear}}年{{prevKind}}）不是本文档（{{department}} {{year}}年{{kind}}）的上年文档：{{what}}；未与之比对',
        en: "the previous document ({{prevDepartment}}, {{prevYear}} {{prevKind}}) is not last year's disclosure for this one ({{department}}, {{year}} {{kind}}): {{what}}; nothing was compared",
      },
      noHeader: {
        zh: '上年文档没有可用的 document 信息（部门、年度、种类），无法确认是本文档的上年文档；未与之比对',
        en: "the previous document has no usable document header (department, year, kind), so it cannot be taken as this one's previous year; nothing was compared",
      },
      prior: {
        zh: '{{label}}：上年数写为 {{stated}}{{unit}}，但{{prevYear}}年文档中为 {{previous}}{{prevUnit}}{{converted}}（差 {{difference}}{{unit}}，舍入容差 ±{{tolerance}}{{unit}}）',
        en: '{{label}}: the stated prior-year figure is {{stated}} {{unit}}, but the {{prevYear}} document says {{previous}} {{prevUnit}}{{converted}} (difference {{difference}} {{unit}}, rounding tolerance ±{{tolerance}} {{unit}})',
      },
      priorRounding: {
        zh: '{{label}}：上年数写为 {{stated}}{{unit}}，{{prevYear}}年文档中为 {{previous}}{{prevUnit}}{{converted}}，相差 {{difference}}{{unit}}，在舍入容差 ±{{tolerance}}{{unit}} 之内',
        en: '{{label}}: stated prior-year figure {{stated}} {{unit}}, the {{prevYear}} document says {{previous}} {{prevUnit}}{{converted}}: {{difference}} {{unit}} apart, within the rounding tolerance ±{{tolerance}} {{unit}}',
      },
      change: {
        zh: '{{label}}：比上年增减写为 {{delta}}{{unit}}，但按{{prevYear}}年文档，本年 {{current}}{{unit}} − 上年 {{last}} = {{computed}}{{unit}}（差 {{difference}}{{unit}}，舍入容差 ±{{tolerance}}{{unit}}）',
        en: '{{label}}: the stated change is {{delta}} {{unit}}, but with the {{prevYear}} document, current {{current}} {{unit}} − prior {{last}} = {{computed}} {{unit}} (difference {{difference}} {{unit}}, rounding tolerance ±{{tolerance}} {{unit}})',
      },
      changeRounding: {
        zh: '{{label}}：比上年增减写为 {{delta}}{{unit}}，按{{prevYear}}年文档，本年 {{current}}{{unit}} − 上年 {{last}} = {{computed}}{{unit}}，相差 {{difference}}{{unit}}，在舍入容差 ±{{tolerance}}{{unit}} 之内',
        en: '{{label}}: stated change {{delta}} {{unit}}, with the {{prevYear}} document current {{current}} {{unit}} − prior {{last}} = {{computed}} {{unit}}: {{difference}} {{unit}} apart, within the rounding tolerance ±{{tolerance}} {{unit}}',
      },
      rate: {
        zh: '{{label}}增减幅度写为 {{stated}}%，但按{{prevYear}}年文档，|本年 {{current}}{{unit}} − 上年 {{last}}| ÷ 上年 = {{computed}}%（差 {{difference}} 个百分点，容差 ±{{tolerance}}）',
        en: '{{label}}: the stated rate is {{stated}}%, but with the {{prevYear}} document |current {{current}} {{unit}} − prior {{last}}| ÷ prior = {{computed}}% (difference {{difference}} points, tolerance ±{{tolerance}})',
      },
      rateRounding: {
        zh: '{{label}}增减幅度写为 {{stated}}%，按{{prevYear}}年文档计算为 {{computed}}%，相差 {{difference}} 个百分点，在舍入容差 ±{{tolerance}} 之内',
        en: '{{label}}: stated rate {{stated}}%, {{computed}}% with the {{prevYear}} document: {{difference}} points apart, within the rounding tolerance ±{{tolerance}}',
      },
      noBase: {
        zh: '{{label}}：{{prevYear}}年文档中上年数为 0，增减幅度无可比性，不应写 {{stated}}%',
        en: '{{label}}: the {{prevYear}} document gives 0, so no rate can be stated ({{stated}}%)',
      },
    },
    docs: 'docs/rules/previous-year.md',
  },
  check(ctx) {
    const prev = ctx.previous;
    const cur = ctx.doc.document;
    if (!prev || !cur) return;
    const pd = prev.document;
    if (!pd) {
      ctx.report({ path: ['document'], messageId: 'noHeader' });
      return;
    }

    // (4) the right document: same department, one year earlier; said once, and nothing else is checked
    const what: Bilingual[] = [];
    if (pd.year !== cur.year - 1) what.push({ zh: `年度应为 ${cur.year - 1}`, en: `its year should be ${cur.year - 1}` });
    if (norm(pd.department) !== norm(cur.department)) what.push({ zh: '部门不同', en: 'the department differs' });
    if (what.length) {
      ctx.report({
        path: ['document', pd.year !== cur.year - 1 ? 'year' : 'department'],
        messageId: 'notPrevious',
        data: {
          prevDepartment: pd.department,
          prevYear: pd.year,
          prevKind: KIND[pd.kind],
          department: cur.department,
          year: cur.year,
          kind: KIND[cur.kind],
          what: { zh: what.map((w) => w.zh).join('，'), en: what.map((w) => w.en).join(', ') },
        },
      });
      return;
    }
    // (5) like with like: a budget against last year's budget, final accounts against last year's
    if (pd.kind !== cur.kind) return;

    const unit = ctx.unit;
    const prevUnit: MoneyUnit = pd.unit ?? '万元';
    const factor = moneyFactor(prevUnit).dividedBy(moneyFactor(unit));
    const floor = new Decimal(ctx.options.percentPointsTolerance);

    for (const f of figuresOf(ctx.doc)) {
      const { path, figure } = f;
      // an array position is no identity across two years' documents
      if (path.some((p) => typeof p === 'number')) continue;
      if (!figure.prior && !figure.change) continue;
      const other = getAt(prev, path);
      if (!isFigure(other)) continue;

      const last = interval(other.amount).scale(factor);
      const current = interval(figure.amount);
      // what every message of this figure says, built only for a report (the label reads the schema)
      const base = () => {
        // last year's amount in this year's unit, exact, written to at least this year's places
        const shownLast = last.point.decimalPlaces() < figure.amount.decimals ? fmt(last.point, figure.amount.decimals) : fmt(last.point);
        return {
          label: f.label,
          unit,
          prevUnit,
          prevYear: pd.year,
          previous: other.amount.text,
          current: figure.amount.text,
          converted: prevUnit === unit ? '' : { zh: `，即 ${shownLast}${unit}`, en: `, i.e. ${shownLast} ${unit}` },
          last:
            prevUnit === unit
              ? { zh: `${other.amount.text}${unit}`, en: `${other.amount.text} ${unit}` }
              : { zh: `${shownLast}${unit}（${other.amount.text}${prevUnit}）`, en: `${shownLast} ${unit} (${other.amount.text} ${prevUnit})` },
        };
      };
      const at = (...rest: string[]): Path => [...path, ...rest];

      // (1) the stated prior-year figure against last year's amount
      if (figure.prior) {
        const c = against(figure.prior, last);
        if (c) {
          ctx.report({
            path: at('prior'),
            messageId: c.outcome === 'rounding' ? 'priorRounding' : 'prior',
            info: c.outcome === 'rounding',
            data: { ...base(), stated: figure.prior.text },
            arithmetic: { stated: figure.prior.text, computed: fmt(c.computed), difference: fmt(c.difference), tolerance: fmtTolerance(c.tolerance), unit },
            related: [at('amount')],
          });
        }
      }

      const actual = current.minus(last);

      // (2) the stated change against this year's amount − last year's
      const delta = signedDelta(figure.change);
      if (delta && figure.change) {
        const stated: Stated = figure.change.amount
          ? { ...figure.change.amount, value: delta.point }
          : { value: new Decimal(0), text: '0', decimals: 0 };
        const c = against(stated, actual);
        if (c) {
          const shown = figure.change.amount ? (delta.point.isNegative() ? '−' : delta.point.isZero() ? '' : '+') + figure.change.amount.text.replace(/^[+-]/, '') : '0';
          ctx.report({
            path: at('change', figure.change.amount ? 'amount' : 'direction'),
            messageId: c.outcome === 'rounding' ? 'changeRounding' : 'change',
            info: c.outcome === 'rounding',
            data: { ...base(), delta: shown, computed: signed(c.computed) },
            arithmetic: { stated: shown, computed: signed(c.computed), difference: fmt(c.difference), tolerance: fmtTolerance(c.tolerance), unit },
            related: [at('amount')],
          });
        }
      }

      // (3) the stated rate against |this year − last year| ÷ last year
      const rate = figure.change?.rate;
      if (rate) {
        if (last.point.isZero()) {
          ctx.report({ path: at('change', 'rate'), messageId: 'noBase', data: { ...base(), stated: rate.text } });
          continue;
        }
        const computed = actual.abs().dividedBy(last.abs())?.scale(100);
        if (!computed) continue;
        // a decrease may be written as a signed rate (-3.45%): its size is what is compared
        const value = rate.value.isNegative() && actual.hi.lt(0) ? rate.value.abs() : rate.value;
        const c = comparePercent(value, rate.decimals, computed, floor);
        if (c.outcome === 'consistent') continue;
        const pct = (d: Decimal) => fmt(d.toDecimalPlaces(Math.max(2, rate.decimals), Decimal.ROUND_HALF_UP));
        ctx.report({
          path: at('change', 'rate'),
          messageId: c.outcome === 'rounding' ? 'rateRounding' : 'rate',
          info: c.outcome === 'rounding',
          data: { ...base(), stated: rate.text, computed: pct(c.computed) },
          arithmetic: { stated: rate.text, computed: pct(c.computed), difference: pct(c.difference), tolerance: fmtTolerance(c.tolerance), unit: '%' },
          related: [at('amount')],
        });
      }
    }
  },
});
