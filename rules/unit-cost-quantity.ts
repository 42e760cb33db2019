import { Decimal } from 'decimal.js';
import { compare } from '../src/arith/compare.js';
import { Interval, halfUnit } from '../src/arith/interval.js';
import { convertMoney } from '../src/arith/units.js';
import { defineRule } from '../src/engine/rule.js';
import { fmt } from '../src/functions/figures.js';
import { decimalsOf } from '../src/arith/decimal.js';
import { rowsOf, tablesOf } from '../src/functions/indicators.js';
import { linesOf, pairsOf, partsOf, isQuantity } from '../src/functions/pairs.js';

export default defineRule({
  meta: {
    id: 'unit-cost-quantity',
    type: 'problem',
    description: {
      zh: '数量 × 单价：与文中写明的金额一致，各项合计不超过项目资金；分项列出的数量之和等于指标值',
      en: 'Quantity × unit price: matches a stated line amount, and the lines together fit the project funds; counts listed as parts add up to the value',
    },
    defaultSeverity: 'error',
    messages: {
      line: {
        zh: '“{{text}}”：{{quantity}} × {{price}}元 = {{computed}}元，与所写 {{stated}} 不符（差 {{difference}}元，舍入容差 ±{{tolerance}}元）',
        en: '"{{text}}": {{quantity}} × {{price}} 元 = {{computed}} 元, not the stated {{stated}} (difference {{difference}} 元, rounding tolerance ±{{tolerance}} 元)',
      },
      lineRounding: {
        zh: '“{{text}}”：{{quantity}} × {{price}}元 = {{computed}}元，与所写 {{stated}} 相差 {{difference}}元，在舍入容差 ±{{tolerance}}元 之内',
        en: '"{{text}}": {{quantity}} × {{price}} 元 = {{computed}} 元 differs from the stated {{stated}} by {{difference}} 元, within the rounding tolerance ±{{tolerance}} 元',
      },
      lineVsIndicator: {
        zh: '“{{text}}”写 {{what}} {{textValue}}，但指标“{{name}}”的值为 {{value}}',
        en: '"{{text}}" states the {{whatEn}} as {{textValue}}, but indicator "{{name}}" has {{value}}',
      },
      overFunds: {
        zh: '按本表的数量和单价，各项合计 {{computed}}元（{{expression}}），超过项目资金 {{stated}}{{unit}}（超出 {{difference}}元）',
        en: "priced with this table's quantities and unit prices the lines come to {{computed}} 元 ({{expression}}), more than the project funds {{stated}} {{unit}} (by {{difference}} 元)",
      },
      parts: {
        zh: '“{{name}}”分项为 {{expression}} = {{computed}}，与指标值 {{stated}} 不符',
        en: '"{{name}}" is listed as {{expression}} = {{computed}}, not the value {{stated}}',
      },
    },
    docs: 'docs/rules/unit-cost-quantity.md',
  },
  check(ctx) {
    for (const { path, table } of tablesOf(ctx.doc)) {
      const inds = table.indicators;
      const pairs = pairsOf(inds);
      const rows = rowsOf(inds);
      // 1. a line's arithmetic stated in words: "纸杯25000个，每个0.4元，需1万元"
      inds.forEach((ind, i) => {
        for (const line of linesOf(ind)) {
          const at = [...path, 'indicators', i, 'description'];
          const product = Interval.exact(line.quantity).times(Interval.stated(line.price, decimalsOf(line.priceText)));
          const stated = new Interval(line.amount, line.amount.minus(halfUnit(line.amountDecimals).times(line.amountScale)), line.amount.plus(halfUnit(line.amountDecimals).times(line.amountScale)));
          const c = compare(stated, product);
          const text = (ind.description ?? '').slice(line.index, line.index + line.length);
          if (c.outcome !== 'consistent') {
            ctx.report({
              path: at,
              messageId: c.outcome === 'rounding' ? 'lineRounding' : 'line',
              info: c.outcome === 'rounding',
              data: { text, quantity: line.quantityText, price: line.priceText },
              arithmetic: { stated: line.amountText, computed: fmt(c.computed), difference: fmt(c.difference), tolerance: fmt(c.tolerance), unit: '元' },
            });
          }
          // the words against the row's own value and its paired price
          const q = rows[i]?.value;
          if (q?.ok && q.value.scaled && isQuantity(ind) && !q.value.scaled.eq(line.quantity)) {
            ctx.report({ path: at, messageId: 'lineVsIndicator', data: { text, what: '数量', whatEn: 'quantity', textValue: line.quantityText, name: ind.name, value: q.value.text } });
          }
          const pair = pairs.find((p) => p.quantityIndex === i);
          if (pair && pair.price.scaled && !pair.price.scaled.eq(line.price)) {
            ctx.report({ path: at, messageId: 'lineVsIndicator', data: { text, what: '单价', whatEn: 'unit price', textValue: line.priceText + '元', name: inds[pair.priceIndex]!.name, value: pair.price.text } });
          }
        }
      });
      // 2. the lines together against the project's funds
      if (table.funds && pairs.length > 0) {
        const fundsYuan = convertMoney(table.funds.value, ctx.unit, '元');
        const tol = convertMoney(halfUnit(table.funds.decimals), ctx.unit, '元');
        let total = new Decimal(0);
        for (const p of pairs) total = total.plus(p.quantity.scaled!.times(p.price.scaled!));
        if (total.gt(fundsYuan.plus(tol))) {
          ctx.report({
            path: [...path, 'funds'],
            messageId: 'overFunds',
            data: { unit: ctx.unit, expression: pairs.map((p) => `${p.stem} ${p.quantity.scaled!.toFixed()}×${p.price.scaled!.toFixed()}`).join(' + ') },
            arithmetic: { stated: table.funds.text, computed: fmt(total), difference: fmt(total.minus(fundsYuan)), tolerance: fmt(tol), unit: '元' },
          });
        }
      }
      // 3. a count stated as parts: "A4纸10箱，硒鼓18支；笔10盒" against ≥38
      inds.forEach((ind, i) => {
        if (!isQuantity(ind)) return;
        const v = rows[i]?.value;
        if (!v?.ok || !v.value.scaled || v.value.dimension !== 'count') return;
        const parts = partsOf(ind);
        if (parts.length < 2) return;
        const sum = parts.reduce((a, p) => a.plus(p.count), new Decimal(0));
        if (sum.eq(v.value.scaled)) return;
        ctx.report({
          path: [...path, 'indicators', i, 'value'],
          messageId: 'parts',
          data: { name: ind.name, expression: parts.map((p) => `${p.label}${p.text}${p.unit}`).join(' + '), computed: sum.toFixed(), stated: v.value.text },
        });
      });
    }
  },
});
