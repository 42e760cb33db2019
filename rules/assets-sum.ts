import { defineRule } from '../src/engine/rule.js';
import type { Path } from '../src/engine/path.js';
import { fmt, interval, same, sumOf, type Term } from '../src/functions/figures.js';
import { SUM_MESSAGES, checkSum } from '../src/functions/sum.js';
import type { AssetCategory } from '../src/model/schema.js';

export default defineRule({
  meta: {
    id: 'assets-sum',
    type: 'problem',
    description: {
      zh: '资产总额等于各类资产之和；“其中”项之和不超过其上级',
      en: 'Total assets equal the sum of the categories; the "of which" items do not exceed their parent',
    },
    defaultSeverity: 'error',
    messages: {
      ...SUM_MESSAGES,
      childrenExceed: {
        zh: '{{parent}} {{stated}}{{unit}} 小于其中各项之和 {{computed}}{{unit}}（{{expression}}）',
        en: '{{parent}} {{stated}} {{unit}} is less than the sum of its "of which" items {{computed}} {{unit}} ({{expression}})',
      },
    },
    docs: 'docs/rules/assets-sum.md',
  },
  check(ctx) {
    const a = ctx.doc.assets;
    if (!a) return;
    const cats = (a.categories ?? []) as AssetCategory[];
    const terms = (list: AssetCategory[], base: Path): Term[] =>
      list.flatMap((c, i) => (c.amount ? [{ label: same(c.name), path: [...base, i, 'amount'], stated: c.amount }] : []));
    const top = terms(cats, ['assets', 'categories']);
    // a category with a quantity but no value has a value nobody stated: the total cannot be checked.
    // One with neither (a blank row, as 房屋 in many tables) holds nothing.
    const unknown = cats.some((c) => !c.amount && c.quantity && !c.quantity.value.isZero());
    if (a.total && top.length > 0 && !unknown) {
      checkSum(ctx.report, { label: { zh: '资产总额', en: 'total assets' }, path: ['assets', 'total', 'amount'], stated: a.total.amount }, top, ctx.unit);
    }
    const walk = (list: AssetCategory[], base: Path) => {
      list.forEach((c, i) => {
        const path = [...base, i];
        const kids = terms(c.children ?? [], [...path, 'children']);
        if (c.amount && kids.length > 0) {
          const s = sumOf(kids);
          if (s.lo.gt(interval(c.amount).hi)) {
            ctx.report({
              path: [...path, 'amount'],
              messageId: 'childrenExceed',
              data: { parent: c.name, stated: c.amount.text, computed: fmt(s.point), expression: kids.map((k) => `${k.label.zh} ${k.stated.text}`).join(' + '), unit: ctx.unit },
            });
          }
        }
        walk(c.children ?? [], [...path, 'children']);
      });
    };
    walk(cats, ['assets', 'categories']);
  },
});
