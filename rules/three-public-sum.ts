import { defineRule } from '../src/engine/rule.js';
import { SUM_MESSAGES, checkSum, termsOf } from '../src/functions/sum.js';
import { sumRelations } from '../src/model/relations.js';

export default defineRule({
  meta: {
    id: 'three-public-sum',
    type: 'problem',
    description: {
      zh: '“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车费 = 购置费 + 运行费，且须分列',
      en: '"Three public" costs = overseas travel + official vehicles + official reception; vehicles = purchase + operation, stated separately',
    },
    defaultSeverity: 'error',
    messages: {
      ...SUM_MESSAGES,
      unsplit: {
        zh: '公务用车购置及运行费 {{stated}}{{unit}} 未分列购置费和运行费',
        en: 'official vehicle costs {{stated}} {{unit}} are not split into purchase and operation',
      },
    },
    docs: 'docs/rules/three-public-sum.md',
  },
  check(ctx) {
    for (const rel of sumRelations(ctx.doc)) {
      if (rel.group !== 'three-public' && rel.group !== 'vehicles') continue;
      const { total, parts } = termsOf(rel);
      checkSum(ctx.report, total, parts, ctx.unit);
    }
    const v = ctx.doc.three_public?.vehicles;
    if (v?.total && !v.total.amount.value.isZero() && !v.purchase && !v.operation) {
      ctx.report({
        path: ['three_public', 'vehicles', 'total'],
        messageId: 'unsplit',
        data: { stated: v.total.amount.text, unit: ctx.unit },
      });
    }
  },
});
