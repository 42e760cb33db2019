/**
 * Errors among the model's figures, procurement and assets. Each states only what it changed: the
 * findings follow from the oracle (src/generate/oracle.ts), before and after.
 */
import { WAN, WAN_CENT, amountIn, hundredthsText, money, percentHundredths } from '../money.js';
import { Num, getAt, num, setAt, type Node, type Obj } from '../tree.js';
import { amountPath, bumpFigure, cents, delta, numText, type Applied, type Ctx, type Kind } from './common.js';

/** Model figures with a stated change, by area. */
const IE_FIGURES = ['/income/total', '/income/general_budget', '/income/other', '/income/government_fund', '/expenditure/total', '/expenditure/basic/total', '/expenditure/basic/personnel', '/expenditure/basic/public', '/expenditure/project'];
const TP_FIGURES = ['/three_public/total', '/three_public/overseas', '/three_public/vehicles/total', '/three_public/vehicles/purchase', '/three_public/vehicles/operation', '/three_public/reception'];
const IE_AREAS = ['model-ie', 'T2', 'T3', 'T6', 'opcost'];
const TP_AREAS = ['model-3p', 'T7'];

function withChange(c: Ctx, list: string[], need: (o: Obj) => boolean): string[] {
  return list.filter((p) => {
    const v = getAt(c.doc, p);
    return v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Num) && (v as Obj).change && need(v as Obj);
  });
}

/** A kind that draws its target among figures of either area; `areas` picks the area once. */
function figureKind(id: string, pick: (c: Ctx, list: string[]) => string[], apply: (c: Ctx, fig: string) => Applied | undefined): Kind {
  let chosen: { area: string[]; list: string[] } | undefined;
  return {
    id,
    family: 'arithmetic',
    areas(c) {
      const options = [
        { area: IE_AREAS, list: pick(c, IE_FIGURES) },
        { area: TP_AREAS, list: pick(c, TP_FIGURES) },
      ].filter((o) => o.list.length > 0);
      if (options.length === 0) return undefined;
      chosen = c.rng.pick(options);
      return chosen.area;
    },
    apply(c) {
      if (!chosen) return undefined;
      return apply(c, c.rng.pick(chosen.list));
    },
  };
}

/** A kind that moves the amount of one of the listed figures by an amount no rounding explains. */
function targetKind(id: string, areas: string[], targets: string[], what: string): Kind {
  return {
    id,
    family: 'arithmetic',
    weight: targets.length,
    areas: (c) => (targets.some((p) => amountPath(c.doc, p)) ? areas : undefined),
    apply(c) {
      // the least used target first, so that every figure (and the relations it is in) gets its turn
      const open = c.rng.shuffle(targets.filter((p) => amountPath(c.doc, p)));
      const target = open.reduce((m, p) => ((c.usage.get(`${id}:${p}`) ?? 0) < (c.usage.get(`${id}:${m}`) ?? 0) ? p : m));
      c.usage.set(`${id}:${target}`, (c.usage.get(`${id}:${target}`) ?? 0) + 1);
      const r = bumpFigure(c, target, Math.abs(delta(c)));
      return r && { ...r, description: `${what}: ${r.description}` };
    },
  };
}

export const FIGURE_KINDS: Kind[] = [
  // ── arithmetic among the model's figures (expectations from the oracle) ──
  targetKind('income-part', IE_AREAS, ['/income/general_budget', '/income/other'], 'an income source changed so the income total breaks'),
  targetKind('income-total', IE_AREAS, ['/income/total'], 'the income total changed'),
  targetKind('grand-total', IE_AREAS, ['/income/grand_total', '/expenditure/grand_total'], 'a grand total changed'),
  targetKind('expenditure-part', IE_AREAS, ['/expenditure/basic/personnel', '/expenditure/basic/public', '/expenditure/project'], 'a part of spending changed so its sum breaks'),
  targetKind('expenditure-total', IE_AREAS, ['/expenditure/total', '/expenditure/basic/total'], 'a spending total changed'),
  targetKind('three-public-part', TP_AREAS, ['/three_public/overseas', '/three_public/vehicles/purchase', '/three_public/vehicles/operation', '/three_public/reception'], 'a “三公” item changed so its sum breaks'),
  targetKind('three-public-total', TP_AREAS, ['/three_public/total', '/three_public/vehicles/total'], 'a “三公” total changed'),
  figureKind(
    'change-amount',
    (c, list) => withChange(c, list, (o) => o.prior instanceof Num && (o.change as Obj).amount instanceof Num),
    (c, fig) => {
      const p = `${fig}/change/amount`;
      const old = numText(getAt(c.doc, p));
      const prior = cents(numText(getAt(c.doc, `${fig}/prior`)), '万元');
      const d = Math.max(WAN, Math.ceil((prior * 0.05) / WAN_CENT) * WAN_CENT) + amountIn(c.rng, 0, 5 * WAN, WAN_CENT);
      const v = money(cents(old, '万元') + d, '万元');
      setAt(c.doc, p, num(v));
      return { path: p, description: `a change amount: ${fig.slice(1).replace(/\//g, '.')}.change.amount ${old} → ${v}` };
    },
  ),
  figureKind(
    'direction-flip',
    (c, list) =>
      withChange(c, list, (o) => {
        const d = (o.change as Obj).direction;
        return (d === '增加' || d === '减少') && o.prior instanceof Num && Math.abs(cents(numText(o.amount), '万元') - cents(numText(o.prior), '万元')) >= 5 * WAN_CENT;
      }),
    (c, fig) => {
      const p = `${fig}/change/direction`;
      const old = getAt(c.doc, p) as string;
      const v = old === '增加' ? '减少' : '增加';
      setAt(c.doc, p, v);
      return { path: p, description: `a direction word flipped: ${fig.slice(1).replace(/\//g, '.')} ${old} → ${v}` };
    },
  ),
  figureKind(
    'rate-wrong-base',
    (c, list) =>
      withChange(c, list, (o) => {
        const ch = o.change as Obj;
        if (!(ch.rate instanceof Num) || !(ch.amount instanceof Num) || !(o.prior instanceof Num)) return false;
        const d = cents(numText(ch.amount), '万元');
        const cur = cents(numText(o.amount), '万元');
        return d > 0 && cur > 0 && Math.abs(percentHundredths(d, cur) - cents(numText(ch.rate), '元')) >= 30;
      }),
    (c, fig) => {
      const p = `${fig}/change/rate`;
      const old = numText(getAt(c.doc, p));
      const v = hundredthsText(percentHundredths(cents(numText(getAt(c.doc, `${fig}/change/amount`)), '万元'), cents(numText(getAt(c.doc, `${fig}/amount`)), '万元')));
      setAt(c.doc, p, num(v));
      return { path: p, description: `a rate on the wrong base (÷ this year's figure): ${fig.slice(1).replace(/\//g, '.')} ${old}% → ${v}%` };
    },
  ),
  {
    id: 'share',
    family: 'arithmetic',
    areas: (c) => (['/expenditure/basic/total', '/expenditure/project', '/expenditure/basic/personnel', '/expenditure/basic/public'].some((p) => getAt(c.doc, `${p}/share`)) ? ['model-ie'] : undefined),
    apply(c) {
      const fig = c.rng.pick(['/expenditure/basic/total', '/expenditure/project', '/expenditure/basic/personnel', '/expenditure/basic/public'].filter((p) => getAt(c.doc, `${p}/share`)));
      const p = `${fig}/share/percent`;
      const old = numText(getAt(c.doc, p));
      const h = cents(old, '元');
      const d = c.rng.int(200, 1000) * (h > 5000 ? -1 : 1);
      const v = hundredthsText(h + d);
      setAt(c.doc, p, num(v));
      return { path: p, description: `a share: ${fig.slice(1).replace(/\//g, '.')} ${old}% → ${v}%` };
    },
  },
  {
    id: 'procurement-line',
    family: 'arithmetic',
    areas: (c) => ((getAt(c.doc, '/procurement/items') as Node[] | undefined)?.length ? ['procurement'] : undefined),
    apply(c) {
      const items = getAt(c.doc, '/procurement/items') as Obj[];
      const i = c.rng.int(0, items.length - 1);
      const p = `/procurement/items/${i}/amount`;
      const old = numText(getAt(c.doc, p));
      const v = money(cents(old, '万元') + amountIn(c.rng, WAN / 2, 5 * WAN, WAN_CENT), '万元');
      setAt(c.doc, p, num(v));
      return { path: p, description: `a procurement line no longer quantity × unit price: ${items[i]!.item} ${old} → ${v}` };
    },
  },
  {
    id: 'procurement-category',
    family: 'arithmetic',
    areas: (c) => (['goods', 'services'].some((k) => getAt(c.doc, `/procurement/${k}`) instanceof Num && numText(getAt(c.doc, `/procurement/${k}`)) !== '0.00') ? ['procurement'] : undefined),
    apply(c) {
      const k = c.rng.pick(['goods', 'services'].filter((x) => numText(getAt(c.doc, `/procurement/${x}`)) !== '0.00'));
      const r = bumpFigure(c, `/procurement/${k}`, amountIn(c.rng, WAN, 10 * WAN, WAN_CENT));
      return r && { ...r, description: `a procurement category changed so the total breaks: ${r.description}` };
    },
  },
  {
    id: 'asset',
    family: 'arithmetic',
    areas: () => ['assets'],
    apply(c) {
      const cats = getAt(c.doc, '/assets/categories') as Obj[];
      const i = c.rng.int(0, cats.length - 1);
      const r = bumpFigure(c, `/assets/categories/${i}`, amountIn(c.rng, WAN, 50 * WAN, WAN_CENT));
      return r && { ...r, description: `an asset category changed so the total breaks: ${r.description}` };
    },
  },
  {
    id: 'three-public-reason',
    family: 'arithmetic',
    areas: () => ['model-3p'],
    apply(c) {
      const old = getAt(c.doc, '/three_public/reason') as string;
      setAt(c.doc, '/three_public/reason', undefined);
      return { path: '/three_public/reason', description: `the reason for the “三公” changes removed: "${old}"` };
    },
  },
  {
    id: 'operating-costs',
    family: 'arithmetic',
    areas: () => ['opcost', 'T7'],
    apply(c) {
      const r = bumpFigure(c, '/operating_costs/amount', delta(c, 1, 10));
      return r && { ...r, description: `机关运行经费 no longer the public costs nor the “三公” table's: ${r.description}` };
    },
  },
];
