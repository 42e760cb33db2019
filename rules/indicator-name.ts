import { z } from 'zod';
import type { Bilingual } from '../src/engine/rule.js';
import { defineRule } from '../src/engine/rule.js';
import { memoText, rowsOf, shownValue, squash, tablesOf } from '../src/functions/indicators.js';

const Options = z.strictObject({
  /** Words that end a quantity's name (the name of a count). */
  quantityWords: z.array(z.string()).default(['数量', '个数', '件数', '总数', '人数', '户数', '次数', '人次']),
  /** Words that end a unit price's or a cost's name. */
  priceWords: z.array(z.string()).default(['单价', '均价', '价格', '单位成本', '成本']),
  /**
   * Words that are not the item itself: how it is obtained (制作, 购置…), what it is for (宣传) and what is
   * measured (单价, 数量, and every word of lexicons.units). Names and descriptions are compared without them.
   */
  genericWords: z.array(z.string()).default([
    '制作', '定制', '印制', '宣传', '购买', '购置', '采购', '加装', '租赁', '实际', '单个', '每', '年度', '建设', '使用',
    '支付', '发放', '缴纳', '维护', '时间', '日期', '金额', '费用',
  ]),
  /** The longest substituted part, in characters, read as one item put in place of another (纸抽 → 纸杯). */
  maxItemChars: z.number().int().min(1).default(4),
});
type Options = z.output<typeof Options>;

const GLOSS: Record<string, string> = {
  单价: 'unit price', 均价: 'average price', 价格: 'price', 单位成本: 'unit cost', 成本: 'cost',
  数量: 'quantity', 个数: 'count', 件数: 'count', 总数: 'total count', 人数: 'number of people',
  户数: 'number of households', 次数: 'number of times', 人次: 'person-times',
};
const gloss = (w: string): Bilingual => ({ zh: `“${w}”`, en: GLOSS[w] ? `${GLOSS[w]} ("${w}")` : `"${w}"` });

/** No spaces, no bracketed asides ("（%）", "（居）"), no trailing punctuation. */
const ASIDES = /[（(][^（()）]*[）)]/g;
const TRAILING_PUNCT = /[。；;，,、：:]+$/;
const plain = memoText((s: string): string => squash(s).replace(ASIDES, '').replace(TRAILING_PUNCT, ''));

/** The longest of the words s ends with, the first listed among equally long ones (no sorting per call). */
const endsWithAny = (s: string, words: readonly string[]): string | undefined => {
  let best: string | undefined;
  for (const w of words) if (s.endsWith(w) && (best === undefined || w.length > best.length)) best = w;
  return best;
};
const hasAny = (s: string, words: readonly string[]) => words.some((w) => s.includes(w));

interface Token { text: string; generic: boolean; start: number; end: number }

/** The generic words without repeats or blanks, longest first (stable among equally long ones). */
const byLength = (generic: readonly string[]): string[] => [...new Set(generic)].filter((w) => w !== '').sort((a, b) => b.length - a.length);

/** Splits a name into generic words and the item words between them; `words` as byLength gives them. */
function tokens(s: string, words: readonly string[]): Token[] {
  const out: Token[] = [];
  let item = '';
  let itemStart = 0;
  for (let i = 0; i < s.length; ) {
    const w = words.find((g) => s.startsWith(g, i));
    if (w) {
      if (item) out.push({ text: item, generic: false, start: itemStart, end: i });
      item = '';
      out.push({ text: w, generic: true, start: i, end: i + w.length });
      i += w.length;
    } else {
      if (!item) itemStart = i;
      item += s[i];
      i++;
    }
  }
  if (item) out.push({ text: item, generic: false, start: itemStart, end: s.length });
  return out;
}

/**
 * The item word the description puts in place of the name's: the two read the same but for one item
 * word of the same length (制作宣传纸抽单价 / 制作宣传纸杯单价). A description that adds words (机房内精密
 * 空调加装数量) or rephrases around generic words is not a different item. Both are read as `plain` gives them.
 */
function swappedItem(n: string, d: string, opts: Options, generic: readonly string[], measures: readonly string[]): { nameItem: string; descItem: string } | undefined {
  if (n === d) return undefined;
  const measure = endsWithAny(n, measures);
  if (!measure || !d.endsWith(measure)) return undefined;
  let p = 0;
  while (p < n.length && p < d.length && n[p] === d[p]) p++;
  let s = 0;
  while (s < n.length - p && s < d.length - p && n[n.length - 1 - s] === d[d.length - 1 - s]) s++;
  const mn = n.length - p - s;
  const md = d.length - p - s;
  if (mn === 0 || mn !== md || mn > opts.maxItemChars || p + s < 2) return undefined;
  const item = (text: string, len: number): string | undefined => {
    const hit = tokens(text, generic).filter((t) => t.start < p + len && t.end > p);
    if (hit.length === 0 || hit.some((t) => t.generic)) return undefined;
    return hit.map((t) => t.text).join('');
  };
  const nameItem = item(n, mn);
  const descItem = item(d, md);
  if (!nameItem || !descItem || nameItem.includes(descItem) || descItem.includes(nameItem)) return undefined;
  return { nameItem, descItem };
}

export default defineRule({
  meta: {
    id: 'indicator-name',
    type: 'problem',
    description: {
      zh: '指标名称、描述和二级指标说的是同一件事：描述不换成另一物品，单价不写成数量，成本指标不以数量命名，数量指标不以单价命名',
      en: "An indicator's name, description and category speak of the same thing: the description is about the same item, a unit price is not described as a quantity, a cost indicator is not named as a quantity, nor a quantity as a price",
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      otherItem: {
        zh: '指标“{{name}}”说的是“{{nameItem}}”，描述“{{description}}”说的却是“{{descItem}}”',
        en: 'indicator "{{name}}" is about "{{nameItem}}", but its description "{{description}}" is about "{{descItem}}"',
      },
      describedAs: {
        zh: '指标“{{name}}”（{{value}}）说的是{{nameWord}}，描述“{{description}}”说的却是{{descWord}}',
        en: 'indicator "{{name}}" ({{value}}) is about the {{nameWord}}, but its description "{{description}}" is about the {{descWord}}',
      },
      costNamedQuantity: {
        zh: '成本指标“{{name}}”以{{word}}命名，指标值却是金额 {{value}}：名称应为单价或成本，如“{{suggested}}”',
        en: 'cost indicator "{{name}}" is named after its {{word}}, but its value {{value}} is money: name the unit price or cost, such as "{{suggested}}"',
      },
      quantityUnderCost: {
        zh: '“{{name}}”（{{value}}）是数量，却列在成本指标下：数量应列在数量指标下',
        en: '"{{name}}" ({{value}}) is a quantity, filed under cost (成本) indicators: a quantity belongs under 数量',
      },
      quantityNamedPrice: {
        zh: '数量指标“{{name}}”（{{value}}）以{{word}}命名：{{hint}}',
        en: 'quantity indicator "{{name}}" ({{value}}) is named after its {{word}}: {{hint}}',
      },
    },
    docs: 'docs/rules/indicator-name.md',
  },
  check(ctx) {
    const opts = ctx.options;
    const lex = ctx.lexicons;
    const generic = byLength([
      ...opts.genericWords, ...opts.quantityWords, ...opts.priceWords,
      ...lex.units.money, ...lex.units.rate, ...lex.units.duration, ...lex.units.energy,
    ]);
    const measures = [...opts.priceWords, ...opts.quantityWords];
    for (const { path, table } of tablesOf(ctx.doc)) {
      const rows = rowsOf(table.indicators);
      table.indicators.forEach((ind, i) => {
        const row = rows[i]!;
        const at = (field: 'name' | 'description') => [...path, 'indicators', i, field];
        const name = plain(row.name);
        if (name === '' || lex.categories.includes(name)) return; // a category in the name column: another rule's business
        const v = row.value;
        const dimension = v?.ok ? v.value.dimension : undefined;
        const level2 = row.level2 ?? '';

        // the category against the name: a 成本 row named as a count, a 数量 row named as a price
        const qtyWord = endsWithAny(name, opts.quantityWords);
        if (level2.includes('成本') && qtyWord) {
          if (dimension === 'count') {
            ctx.report({ path: at('name'), messageId: 'quantityUnderCost', data: { name: ind.name, value: shownValue(ind) } });
          } else if (dimension === 'money') {
            const suggested = name.slice(0, -qtyWord.length) + '单价';
            ctx.report({ path: at('name'), messageId: 'costNamedQuantity', data: { name: ind.name, value: shownValue(ind), word: gloss(qtyWord), suggested } });
          }
          return;
        }
        const priceWord = endsWithAny(name, opts.priceWords);
        if (level2.includes('数量') && priceWord) {
          const hint: Bilingual = dimension === 'money'
            ? { zh: '它的值是金额，应列在成本指标下', en: 'its value is money, so it belongs under 成本 (cost)' }
            : { zh: '名称应说明数的是什么，如“…数量”', en: 'the name should say what is counted, such as "…数量"' };
          ctx.report({ path: at('name'), messageId: 'quantityNamedPrice', data: { name: ind.name, value: shownValue(ind), word: gloss(priceWord), hint } });
          return;
        }

        const description = row.description ? plain(row.description) : '';
        if (!description) return;
        // a price described as a quantity, or the reverse
        const descQty = endsWithAny(description, opts.quantityWords);
        const descPrice = endsWithAny(description, opts.priceWords);
        if (priceWord && !qtyWord && descQty && !hasAny(description, opts.priceWords)) {
          ctx.report({ path: at('description'), messageId: 'describedAs', data: { name: ind.name, value: shownValue(ind), description: ind.description!.trim(), nameWord: gloss(priceWord), descWord: gloss(descQty) } });
          return;
        }
        if (qtyWord && !priceWord && descPrice && !hasAny(description, opts.quantityWords)) {
          ctx.report({ path: at('description'), messageId: 'describedAs', data: { name: ind.name, value: shownValue(ind), description: ind.description!.trim(), nameWord: gloss(qtyWord), descWord: gloss(descPrice) } });
          return;
        }
        // the description names another item
        const swap = swappedItem(name, description, opts, generic, measures);
        if (swap) {
          ctx.report({ path: at('description'), messageId: 'otherItem', data: { name: ind.name, description: ind.description!.trim(), ...swap } });
        }
      });
    }
  },
});
