/**
 * The same item priced in two project tables (档案盒 ≤27元 here, ≤20元 there), and a line listed as
 * parts ("A4纸10箱，硒鼓18支") that, priced with the document's own unit prices, cannot fit its ceiling.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { Interval, halfUnit } from '../src/arith/interval.js';
import { compare } from '../src/arith/compare.js';
import type { Path } from '../src/engine/path.js';
import { defineRule } from '../src/engine/rule.js';
import { fmt, fmtTolerance } from '../src/functions/figures.js';
import { memoText, rowsOf, shownValue, squash, tablesOf, type TableAt } from '../src/functions/indicators.js';
import { QTY_SUFFIX, isCost, isQuantity, linesOf, pairsOf, partsOf, stem } from '../src/functions/pairs.js';
import type { ParsedValue } from '../src/indicators/parse-value.js';
import type { Indicator } from '../src/model/schema.js';

const Options = z.strictObject({
  /** report a pair only when the higher price is more than this many times the lower one (1: any difference) */
  minRatio: z.number().min(1).default(1),
});

const PRICE_NAME = /(?:单价|均价|价格|单位成本)$/;
const VERB = '(?:购买|购置|采购|定制|制作|印制|加装)';
const VERB_TAIL = new RegExp(`${VERB}$`);
const VERB_HEAD = new RegExp(`^${VERB}`);
const COST_TAIL = new RegExp(`${VERB}?(?:成本|费用|金额|总额|总价|资金|经费)$`);

/**
 * The item a row is about, from its name: `stem` from pairs.ts, then what tables add around it
 * ("宣传毛巾制作数单价" → 宣传毛巾, a 单价 row named "制作宣传笔记本数量" → 宣传笔记本).
 */
function itemOf(name: string, kind: 'quantity' | 'price'): string {
  return kind === 'quantity' ? quantityItem(name) : priceItem(name);
}
const itemFrom = (kind: 'quantity' | 'price') => memoText((name: string): string => {
  let s = stem(name, kind);
  for (;;) {
    const t = s.replace(QTY_SUFFIX, '').replace(VERB_TAIL, '').replace(VERB_HEAD, '');
    if (t === s || t === '') return s;
    s = t;
  }
});
const quantityItem = itemFrom('quantity');
const priceItem = itemFrom('price');

/** Two item names are the same item when equal, or when one ends with the other (宣传纸杯 ↔ 纸杯): the noun comes last. */
function sameItem(a: string, b: string): boolean {
  if (a === b) return true;
  // every pair of price rows in two projects meets here: no arrays built to be tested
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  // at least two characters (code points), counted only for the rare pair that passes endsWith
  return long.endsWith(short) && [...short].length >= 2;
}

/** The units a quantity row counts in: its value's unit (or either of "支（箱）") and the unit of a line it states ("纸杯25000个，每个0.4元"). */
function unitsOf(ind: Indicator, v: ParsedValue): Set<string> {
  const out = new Set<string>();
  if (v.unitAlternatives) v.unitAlternatives.forEach((u) => out.add(u));
  else if (v.baseUnit) out.add(v.baseUnit);
  for (const line of linesOf(ind)) out.add(line.quantityUnit);
  return out;
}

interface PriceRow {
  at: TableAt;
  index: number;
  ind: Indicator;
  price: ParsedValue & { scaled: Decimal };
  item: string;
  /** the units of the quantity row it prices; empty when the table has none */
  units: Set<string>;
}

/** A table's unit-price rows: 成本 rows with a money value named as a price, or carrying the very name of a quantity row (pairs.ts). */
function priceRows(at: TableAt): PriceRow[] {
  const inds = at.table.indicators;
  const pairs = pairsOf(inds);
  const rows = rowsOf(inds);
  // the quantity rows by name and by item, in one pass (not one per price row); a price row is a 成本
  // row, so it is never one of them
  const quantityNames = new Set<string>();
  const quantityItems = new Map<string, number[]>();
  inds.forEach((o, j) => {
    if (!isQuantity(o) || isCost(o)) return;
    quantityNames.add(o.name);
    const item = itemOf(o.name, 'quantity');
    const js = quantityItems.get(item);
    if (js) js.push(j);
    else quantityItems.set(item, [j]);
  });
  const out: PriceRow[] = [];
  inds.forEach((ind, i) => {
    if (!isCost(ind)) return;
    const v = rows[i]?.value;
    if (!v?.ok || v.value.dimension !== 'money' || !v.value.scaled) return;
    const named = PRICE_NAME.test(squash(ind.name));
    const same = quantityNames.has(ind.name);
    if (!named && !same) return;
    const item = itemOf(ind.name, 'price');
    if (!item) return;
    // its quantity row: the pairs.ts pair, else the one quantity row naming the same item
    let q = pairs.find((p) => p.priceIndex === i)?.quantityIndex;
    if (q === undefined) {
      const cands = quantityItems.get(item);
      if (cands?.length === 1) q = cands[0];
    }
    const qv = q === undefined ? undefined : rows[q]?.value;
    const units = qv?.ok ? unitsOf(inds[q!]!, qv.value) : new Set<string>();
    out.push({ at, index: i, ind, price: v.value as ParsedValue & { scaled: Decimal }, item, units });
  });
  return out;
}

const label = (at: TableAt) => at.table.name;
const valuePath = (r: { at: TableAt; index: number }): Path => [...r.at.path, 'indicators', r.index, 'value'];

export default defineRule({
  meta: {
    id: 'cross-project-prices',
    type: 'suggestion',
    description: {
      zh: '同一物品在不同项目中的单价应一致；按本文档所写单价，分项列出的采购不应超过其成本上限',
      en: 'The same item has one unit price across projects; a purchase listed as parts, priced with the document\'s own unit prices, fits its cost ceiling',
    },
    defaultSeverity: 'warn',
    messages: {
      differs: {
        zh: '“{{item}}”的单价在两个项目中不同：本项目（{{project}}）“{{name}}”为 {{value}}，项目“{{otherProject}}”的“{{otherName}}”为 {{otherValue}}（均按“{{unit}}”计）；请核对，规格不同的可不改',
        en: 'the unit price of "{{item}}" differs between projects: "{{name}}" is {{value}} here ({{project}}) but "{{otherName}}" is {{otherValue}} in "{{otherProject}}" (both per {{unit}}); check it, unless the items really differ',
      },
      composition: {
        zh: '“{{name}}”列出 {{parts}}，按本文档所写的最低单价计需 {{computed}}元（{{expression}}），超过“{{ceilingName}}”的上限 {{ceiling}}（超出 {{difference}}元，舍入容差 ±{{tolerance}}元）{{note}}',
        en: '"{{name}}" lists {{parts}}: at the lowest unit prices this document gives, that is {{computed}} 元 ({{expression}}), more than the ceiling "{{ceilingName}}" {{ceiling}} (by {{difference}} 元, rounding tolerance ±{{tolerance}} 元){{noteEn}}',
      },
    },
    options: Options,
    docs: 'docs/rules/cross-project-prices.md',
  },
  check(ctx) {
    const minRatio = new Decimal(ctx.options.minRatio);
    // the department-wide table restates project rows: indicator-consistency compares it with them
    const projects = tablesOf(ctx.doc).filter((t) => !t.department);
    const rows = projects.map(priceRows);

    // 1. the same item, counted in the same unit, at two prices in two projects: reported at the later one
    rows.forEach((later, b) => {
      for (const r of later) {
        for (let a = 0; a < b; a++) {
          for (const o of rows[a]!) {
            if (!sameItem(r.item, o.item)) continue;
            const unit = [...r.units].find((u) => o.units.has(u));
            if (unit === undefined) continue; // per 平米 here and per 块 there: not comparable
            const [lo, hi] = Decimal.min(r.price.scaled, o.price.scaled).eq(r.price.scaled) ? [r.price.scaled, o.price.scaled] : [o.price.scaled, r.price.scaled];
            if (lo.eq(hi) || (lo.gt(0) && hi.div(lo).lte(minRatio))) continue;
            const item = r.item.length <= o.item.length ? r.item : o.item;
            ctx.report({
              path: valuePath(r),
              messageId: 'differs',
              data: {
                item,
                unit,
                project: label(r.at),
                name: r.ind.name,
                value: shownValue(r.ind),
                otherProject: label(o.at),
                otherName: o.ind.name,
                otherValue: shownValue(o.ind),
              },
              related: [valuePath(o)],
            });
          }
        }
      }
    });

    // 2. a quantity listed as parts, every part priced somewhere in the document (department-wide table included),
    // against the table's cost ceiling
    const tables = tablesOf(ctx.doc);
    const all = [...tables.filter((t) => t.department).flatMap(priceRows), ...rows.flat()];
    tables.forEach((at) => {
      const inds = at.table.indicators;
      const rows = rowsOf(inds);
      inds.forEach((ind, i) => {
        if (!isQuantity(ind) || isCost(ind)) return;
        const parts = partsOf(ind);
        if (parts.length < 2) return;
        const item = itemOf(ind.name, 'quantity');
        const ceilings = inds
          .map((o, j) => ({ o, j, v: rows[j]?.value }))
          .filter(({ o, j, v }) => j !== i && isCost(o) && v?.ok && v.value.dimension === 'money' && v.value.scaled
            && (v.value.operator === undefined || ['≤', '<', '='].includes(v.value.operator))
            && squash(o.name).replace(COST_TAIL, '').replace(VERB_HEAD, '') === item);
        if (ceilings.length !== 1) return;
        const c = ceilings[0]!;
        const cv = (c.v as { ok: true; value: ParsedValue }).value;
        // each part at the lowest price the document gives that item in that unit
        // a part the document never prices costs at least nothing: if the priced parts alone exceed the
        // ceiling, the whole cannot fit it
        const priced: { label: string; count: string; unit: string; price: PriceRow }[] = [];
        const unpriced: string[] = [];
        for (const p of parts) {
          const label = p.label.replace(/^(?:其中|包括|含)/, '');
          const cands = all.filter((r) => sameItem(r.item, label) && r.units.has(p.unit));
          if (cands.length === 0) {
            unpriced.push(`${label}${p.text}${p.unit}`);
            continue;
          }
          const best = cands.reduce((m, r) => (r.price.scaled.lt(m.price.scaled) ? r : m));
          priced.push({ label, count: p.text, unit: p.unit, price: best });
        }
        if (priced.length === 0) return;
        let need = Interval.exact(0);
        for (const p of priced) {
          need = need.plus(Interval.exact(p.count).times(Interval.stated(p.price.price.scaled, p.price.price.decimals ?? 0)));
        }
        const scale = cv.scaled!.div(cv.number!);
        const h = halfUnit(cv.decimals ?? 0).times(scale);
        const ceiling = new Interval(cv.scaled!, cv.scaled!.minus(h), cv.scaled!.plus(h));
        if (!need.lo.gt(ceiling.hi)) return;
        const cmp = compare(ceiling, need);
        ctx.report({
          path: [...at.path, 'indicators', c.j, 'value'],
          messageId: 'composition',
          data: {
            name: ind.name,
            parts: parts.map((p) => `${p.label}${p.text}${p.unit}`).join('、'),
            ceilingName: c.o.name,
            ceiling: shownValue(c.o),
            note: unpriced.length ? `；${unpriced.join('、')} 本文档未写单价，未计入` : '',
            noteEn: unpriced.length ? `; ${unpriced.join(', ')} not priced in this document, not counted` : '',
            expression: {
              zh: priced.map((p) => `${p.label} ${p.count}${p.unit}×${p.price.price.scaled.toFixed()}元（${label(p.price.at)}“${p.price.ind.name}” ${shownValue(p.price.ind)}）`).join(' + '),
              en: priced.map((p) => `${p.label} ${p.count}${p.unit} × ${p.price.price.scaled.toFixed()} 元 ("${p.price.ind.name}" ${shownValue(p.price.ind)} in ${label(p.price.at)})`).join(' + '),
            },
          },
          arithmetic: {
            stated: shownValue(c.o),
            computed: fmt(cmp.computed),
            difference: fmt(cmp.computed.minus(cmp.stated)),
            tolerance: fmtTolerance(cmp.tolerance),
            unit: '元',
          },
          related: [[...at.path, 'indicators', i, 'description'], ...priced.map((p) => valuePath(p.price))],
        });
      });
    });
  },
});
