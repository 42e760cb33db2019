import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { figuresOf, signedDelta, impliedDelta } from '../src/functions/change.js';

const Options = z.strictObject({
  /** three-public: only the 三公 figures, as the disclosure rules require; all: every figure with a change */
  scope: z.enum(['three-public', 'all']).default('three-public'),
});

export default defineRule({
  meta: {
    id: 'change-reason',
    type: 'suggestion',
    description: {
      zh: '比上年有增减的“三公”经费须说明原因（可选：所有增减）',
      en: 'A change in the "three public" costs needs its reason (optionally: every change)',
    },
    defaultSeverity: 'warn',
    options: Options,
    messages: {
      missing: {
        zh: '{{label}}比上年{{direction}} {{amount}}{{unit}}，未说明原因',
        en: '{{label}} changed ({{direction}} {{amount}} {{unit}}) with no reason given',
      },
    },
    docs: 'docs/rules/change-reason.md',
  },
  check(ctx) {
    const figures = figuresOf(ctx.doc).filter((f) => ctx.options.scope === 'all' || f.path[0] === 'three_public');
    const sectionReason = ctx.doc.three_public?.reason;
    for (const f of figures) {
      // the label is read only for a report: naming a figure reads the schema
      const { path, figure } = f;
      const delta = signedDelta(figure.change) ?? impliedDelta(figure);
      if (!delta || delta.point.isZero() || figure.change?.reason) continue;
      if (path[0] === 'three_public' && sectionReason) continue;
      // a total whose changed parts give their reasons is explained by them
      const parent = path.slice(0, -1).join('.') + '.';
      const explainedByParts =
        path[path.length - 1] === 'total' &&
        figures.some((o) => o.figure !== figure && o.path.join('.').startsWith(parent) && o.figure.change?.reason);
      if (explainedByParts) continue;
      ctx.report({
        // a change known only from the prior-year figure has no change entry: point at the figure
        path: figure.change ? [...path, 'change'] : path,
        messageId: 'missing',
        data: { label: f.label, direction: delta.point.isNegative() ? '减少' : '增加', amount: delta.point.abs().toFixed(), unit: ctx.unit },
      });
    }
  },
});
