import { defineRule } from '../src/engine/rule.js';
import { DECREASE, FLAT, INCREASE, figuresOf, impliedDelta } from '../src/functions/change.js';
import { fmt } from '../src/functions/figures.js';

export default defineRule({
  meta: {
    id: 'change-direction',
    type: 'problem',
    description: {
      zh: '增减方向词与变化的符号一致：增加/增长/上升 ⇔ 增加；减少/下降 ⇔ 减少；持平 ⇔ 0',
      en: 'The direction word matches the sign of the change: 增加/增长/上升 ⇔ up, 减少/下降 ⇔ down, 持平 ⇔ zero',
    },
    defaultSeverity: 'error',
    messages: {
      againstPrior: {
        zh: '{{label}}写明“{{direction}}”，但本年 {{current}} − 上年 {{prior}} = {{delta}}{{unit}}',
        en: '{{label}} says "{{direction}}", but current {{current}} − prior {{prior}} = {{delta}} {{unit}}',
      },
      signedAmount: {
        zh: '{{label}}写明“{{direction}}”，增减额却为负数 {{amount}}',
        en: '{{label}} says "{{direction}}" with a negative amount {{amount}}',
      },
      flatNonZero: {
        zh: '{{label}}写明“{{direction}}”，增减额却为 {{amount}}{{unit}}',
        en: '{{label}} says "{{direction}}" but states a change of {{amount}} {{unit}}',
      },
    },
    docs: 'docs/rules/change-direction.md',
  },
  check(ctx) {
    for (const f of figuresOf(ctx.doc)) {
      // the label is read only for a report: naming a figure reads the schema
      const { path, figure } = f;
      const c = figure.change;
      if (!c?.direction) continue;
      const dir = c.direction;
      const at = [...path, 'change', 'direction'];
      if (c.amount && c.amount.value.isNegative() && !FLAT.has(dir)) {
        ctx.report({ path: at, messageId: 'signedAmount', data: { label: f.label, direction: dir, amount: c.amount.text } });
      }
      if (c.amount && FLAT.has(dir) && !c.amount.value.isZero()) {
        ctx.report({ path: at, messageId: 'flatNonZero', data: { label: f.label, direction: dir, amount: c.amount.text, unit: ctx.unit } });
      }
      const implied = impliedDelta(figure);
      if (!implied) continue;
      // only a change whose sign rounding cannot flip is held against the word
      const up = implied.lo.gt(0);
      const down = implied.hi.lt(0);
      const zero = implied.point.isZero();
      const wrong = (INCREASE.has(dir) && (down || zero)) || (DECREASE.has(dir) && (up || zero)) || (FLAT.has(dir) && (up || down));
      if (wrong) {
        ctx.report({
          path: at,
          messageId: 'againstPrior',
          data: { label: f.label, direction: dir, current: figure.amount.text, prior: figure.prior!.text, delta: fmt(implied.point), unit: ctx.unit },
        });
      }
    }
  },
});
