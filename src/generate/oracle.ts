/**
 * What a linter must say about the figures of a generated document, worked out independently of the
 * rules: the sums the model's figures form, their year-on-year changes, rates and shares, the
 * narrative figures against the tables, procurement, assets and the narrative's sentences. Every
 * figure is an interval (a figure written with d places stands for ±½·10^−d; zero is exact), so the
 * oracle knows a finding (the intervals cannot agree) from a rounding note (they can) from nothing
 * (equal as written). A result too close to a tolerance to be sure of is `ambiguous`: the injector
 * then tries another error.
 *
 * The injector diffs the oracle before and after an injection: what appears is what the injection
 * must produce. The table relations inside and across the nine tables are not here: each table
 * injection states its own (src/generate/inject.ts).
 */
import { Decimal } from 'decimal.js';
import type { DocInfo } from './build.js';
import { Num, getAt, type Obj } from './tree.js';

const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

export interface Expected {
  rule: string;
  path: string;
}

/** A number with the rounding it was written with, in 元. */
class Iv {
  constructor(
    readonly p: Dec,
    readonly lo: Dec,
    readonly hi: Dec,
  ) {}
  static exact(v: Decimal.Value): Iv {
    const d = new D(v);
    return new Iv(d, d, d);
  }
  plus(o: Iv) {
    return new Iv(this.p.plus(o.p), this.lo.plus(o.lo), this.hi.plus(o.hi));
  }
  minus(o: Iv) {
    return new Iv(this.p.minus(o.p), this.lo.minus(o.hi), this.hi.minus(o.lo));
  }
  neg() {
    return new Iv(this.p.neg(), this.hi.neg(), this.lo.neg());
  }
  abs(): Iv {
    if (this.lo.gte(0)) return this;
    if (this.hi.lte(0)) return this.neg();
    return new Iv(this.p.abs(), new D(0), D.max(this.lo.abs(), this.hi.abs()));
  }
  times(o: Iv) {
    const c = [this.lo.times(o.lo), this.lo.times(o.hi), this.hi.times(o.lo), this.hi.times(o.hi)];
    return new Iv(this.p.times(o.p), D.min(...c), D.max(...c));
  }
  div(o: Iv): Iv | undefined {
    if (o.p.isZero() || (o.lo.lte(0) && o.hi.gte(0))) return undefined;
    const c = [this.lo.div(o.lo), this.lo.div(o.hi), this.hi.div(o.lo), this.hi.div(o.hi)];
    return new Iv(this.p.div(o.p), D.min(...c), D.max(...c));
  }
  scale(k: number) {
    return new Iv(this.p.times(k), this.lo.times(k), this.hi.times(k));
  }
  get half(): Dec {
    return D.max(this.hi.minus(this.p), this.p.minus(this.lo));
  }
  overlaps(o: Iv) {
    return this.lo.lte(o.hi) && o.lo.lte(this.hi);
  }
}

const FACTOR: Record<string, number> = { 元: 1, 万元: 10000, 亿元: 1e8 };

/** A written number as an interval in `unit`·factor (元 for money). */
function stated(text: string, factor = 1): Iv {
  const v = new D(text);
  if (v.isZero()) return Iv.exact(0);
  const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  const h = new D(5).times(new D(10).pow(-(places + 1)));
  return new Iv(v.times(factor), v.minus(h).times(factor), v.plus(h).times(factor));
}

type Outcome = 'ok' | 'info' | 'finding' | 'ambiguous';

/** Equal as written, within rounding, or not. */
function cmpAmounts(a: Iv, b: Iv): Outcome {
  if (a.p.eq(b.p)) return 'ok';
  if (a.overlaps(b)) {
    // a gap right at the edge of the rounding is not something to build an expectation on
    const gap = a.p.minus(b.p).abs();
    const tol = a.half.plus(b.half);
    return gap.gt(tol.times(0.95)) ? 'ambiguous' : 'info';
  }
  const gap = a.p.minus(b.p).abs();
  const tol = a.half.plus(b.half);
  return gap.lt(tol.times(1.05)) ? 'ambiguous' : 'finding';
}

/** A stated percentage against its exact value: the comparison the domain notes §5 define, floor 0.1 point. */
function cmpPercent(statedText: string, computed: Iv, floor = 0.1): Outcome {
  const s = new D(statedText);
  const places = statedText.includes('.') ? statedText.length - statedText.indexOf('.') - 1 : 0;
  const rounded = computed.p.toDecimalPlaces(places, D.ROUND_HALF_UP);
  if (rounded.eq(s)) {
    // exactly on a rounding boundary, two ways of computing could round apart
    const frac = computed.p.times(new D(10).pow(places)).minus(computed.p.times(new D(10).pow(places)).floor());
    return frac.minus(0.5).abs().lt(1e-12) ? 'ambiguous' : 'ok';
  }
  const diff = s.minus(computed.p).abs();
  const derived = new D(5).times(new D(10).pow(-(places + 1))).plus(computed.half);
  const tol = D.max(derived, floor);
  if (diff.lte(tol)) return diff.gt(tol.times(0.9)) ? 'ambiguous' : 'info';
  return diff.lt(tol.times(1.1)) ? 'ambiguous' : 'finding';
}

const INCREASE = new Set(['增加', '增长', '上升']);
const DECREASE = new Set(['减少', '下降', '降低']);
const FLAT = new Set(['持平', '无变化', '不变']);

interface Fig {
  path: string;
  amount: Iv;
  amountText: string;
  prior?: Iv;
  change?: { amount?: Iv; amountText?: string; direction?: string; rate?: string; reason?: string };
  share?: { percent: string; of: string };
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Num);

/** The figure at a model path, in 元, or undefined when it is not there. */
function figAt(doc: Obj, path: string, docFactor: number): Fig | undefined {
  const v = getAt(doc, path);
  if (v instanceof Num) return { path, amount: stated(v.text, docFactor), amountText: v.text };
  if (!isObj(v) || !(v.amount instanceof Num)) return undefined;
  const f: Fig = { path, amount: stated(v.amount.text, docFactor), amountText: v.amount.text };
  if (v.prior instanceof Num) f.prior = stated(v.prior.text, docFactor);
  if (isObj(v.change)) {
    const c = v.change;
    f.change = {
      ...(c.amount instanceof Num ? { amount: stated(c.amount.text, docFactor), amountText: c.amount.text } : {}),
      ...(typeof c.direction === 'string' ? { direction: c.direction } : {}),
      ...(c.rate instanceof Num ? { rate: c.rate.text } : {}),
      ...(typeof c.reason === 'string' ? { reason: c.reason } : {}),
    };
  }
  if (isObj(v.share) && v.share.percent instanceof Num && typeof v.share.of === 'string') f.share = { percent: v.share.percent.text, of: v.share.of };
  return f;
}

/** The change a figure or statement states, signed by its word; a flat word alone is 0. */
function signedChange(c: { amount?: Iv; direction?: string } | undefined): Iv | undefined {
  if (!c) return undefined;
  if (c.amount) {
    if (c.direction && DECREASE.has(c.direction)) return c.amount.abs().neg();
    if (c.direction && INCREASE.has(c.direction)) return c.amount.abs();
    return c.amount;
  }
  if (c.direction && FLAT.has(c.direction)) return Iv.exact(0);
  return undefined;
}
const signed = (f: Fig): Iv | undefined => signedChange(f.change);

/** Parts' shares that should add up to 100%: a gap within 0.1 point is rounding, near it ambiguous. */
function shareSumOutcome(sum: Iv): Outcome | undefined {
  if (sum.lo.lte(100) && sum.hi.gte(100)) return undefined;
  const gap = sum.p.minus(100).abs();
  return gap.lte(0.1) ? (gap.gt(0.09) ? 'ambiguous' : 'info') : gap.lt(0.11) ? 'ambiguous' : 'finding';
}

interface Relation {
  rule: string;
  total: string;
  parts: string[];
}

/** The sums among the model's figures, as the domain notes §2 list them, when their figures are stated. */
function relations(doc: Obj): Relation[] {
  const has = (p: string) => getAt(doc, p) !== undefined;
  const out: Relation[] = [];
  const rel = (rule: string, total: string, required: string[], optional: string[] = [], min = required.length) => {
    if (!has(total) || !required.every(has)) return;
    const parts = [...required, ...optional.filter(has)];
    if (parts.length >= Math.max(1, min)) out.push({ rule, total, parts });
  };
  rel('income-sources-sum', '/income/total', [], ['general_budget', 'government_fund', 'state_capital', 'special_account', 'business', 'operating', 'superior_subsidy', 'subordinate_remit', 'other'].map((k) => `/income/${k}`), 1);
  rel('income-sources-sum', '/income/grand_total', ['/income/total', '/income/carryover']);
  rel('budget-balance', '/expenditure/grand_total', ['/expenditure/total', '/expenditure/carryforward']);
  rel('expenditure-parts-sum', '/expenditure/total', ['/expenditure/basic/total', '/expenditure/project'], ['/expenditure/remit_to_superior', '/expenditure/operating', '/expenditure/subsidy_to_subordinate']);
  rel('basic-parts-sum', '/expenditure/basic/total', ['/expenditure/basic/personnel', '/expenditure/basic/public']);
  if (has('/income/grand_total') && has('/expenditure/grand_total')) rel('budget-balance', '/expenditure/grand_total', ['/income/grand_total']);
  else throw new Error('the generator states both grand totals');
  rel('three-public-sum', '/three_public/total', ['/three_public/overseas', '/three_public/vehicles/total', '/three_public/reception']);
  rel('three-public-sum', '/three_public/vehicles/total', ['/three_public/vehicles/purchase', '/three_public/vehicles/operation']);
  rel('procurement-sum', '/procurement/total', [], ['/procurement/goods', '/procurement/works', '/procurement/services'], 2);
  return out;
}

/** Model paths of every figure the oracle reads (a figure outside these has no change and no share). */
const FIGURES = [
  '/income/total', '/income/general_budget', '/income/government_fund', '/income/state_capital', '/income/other', '/income/carryover', '/income/grand_total',
  '/expenditure/total', '/expenditure/basic/total', '/expenditure/basic/personnel', '/expenditure/basic/public', '/expenditure/project', '/expenditure/grand_total',
  '/three_public/total', '/three_public/overseas', '/three_public/vehicles/total', '/three_public/vehicles/purchase', '/three_public/vehicles/operation', '/three_public/reception',
  '/operating_costs/amount', '/procurement/total', '/procurement/goods', '/procurement/works', '/procurement/services', '/procurement/sme', '/assets/total', '/assets/planned_purchase',
];

export interface OracleResult {
  findings: Expected[];
  /** checks whose outcome is too close to a tolerance to be sure of */
  ambiguous: Expected[];
}

export function oracle(doc: Obj, info: DocInfo): OracleResult {
  const findings: Expected[] = [];
  const ambiguous: Expected[] = [];
  const out = (o: Outcome, rule: string, path: string) => {
    if (o === 'finding') findings.push({ rule, path });
    else if (o === 'ambiguous') ambiguous.push({ rule, path });
  };
  const docUnit = String((getAt(doc, '/document/unit') as string | undefined) ?? '万元');
  const F = FACTOR[docUnit]!;
  const figs = new Map<string, Fig>();
  for (const p of FIGURES) {
    const f = figAt(doc, p, F);
    if (f) figs.set(p, f);
  }
  const fig = (p: string) => figs.get(p);

  // ─── sums, and the changes and prior years of their parts ────────────────────────────────────
  const rels = relations(doc);
  for (const r of rels) {
    const total = fig(r.total)!;
    const parts = r.parts.map((p) => fig(p)!);
    out(cmpAmounts(total.amount, parts.reduce((a, p) => a.plus(p.amount), Iv.exact(0))), r.rule, `${r.total}/amount`);
    const td = signed(total);
    const pds = parts.map(signed);
    if (td && pds.every((d) => d)) {
      out(cmpAmounts(td, pds.reduce<Iv>((a, d) => a.plus(d!), Iv.exact(0))), 'change-sum', `${r.total}/change${total.change?.amount ? '/amount' : ''}`);
    }
    if (total.prior && parts.every((p) => p.prior)) {
      out(cmpAmounts(total.prior, parts.reduce((a, p) => a.plus(p.prior!), Iv.exact(0))), 'change-sum', `${r.total}/prior`);
    }
  }

  // ─── each figure's own change: prior + change = current, the word, the rate ─────────────────
  for (const f of figs.values()) {
    const d = signed(f);
    if (f.prior && d) out(cmpAmounts(f.amount, f.prior.plus(d)), 'change-prior', `${f.path}/amount`);
    const c = f.change;
    if (c?.direction) {
      const at = `${f.path}/change/direction`;
      if (c.amount && c.amount.p.isNegative() && !FLAT.has(c.direction)) findings.push({ rule: 'change-direction', path: at });
      if (c.amount && FLAT.has(c.direction) && !c.amount.p.isZero()) findings.push({ rule: 'change-direction', path: at });
      if (f.prior) {
        const implied = f.amount.minus(f.prior);
        const up = implied.lo.gt(0);
        const down = implied.hi.lt(0);
        const zero = implied.p.isZero();
        const wrong = (INCREASE.has(c.direction) && (down || zero)) || (DECREASE.has(c.direction) && (up || zero)) || (FLAT.has(c.direction) && (up || down));
        if (wrong) findings.push({ rule: 'change-direction', path: at });
        // a change rounding could flip: no expectation either way
        else if (!zero && !up && !down && !FLAT.has(c.direction)) ambiguous.push({ rule: 'change-direction', path: at });
      }
    }
    if (c?.rate !== undefined) {
      const delta = d ?? (f.prior ? f.amount.minus(f.prior) : undefined);
      if (delta) {
        const prior = f.prior ?? f.amount.minus(delta);
        const at = `${f.path}/change/rate`;
        if (prior.p.isZero()) findings.push({ rule: 'change-rate', path: at });
        else {
          const computed = delta.abs().div(prior.abs())?.scale(100);
          if (computed) {
            const rate = c.rate.startsWith('-') && delta.hi.lt(0) ? c.rate.slice(1) : c.rate;
            out(cmpPercent(rate, computed), 'change-rate', at);
          }
        }
      }
    }
    if (f.share) {
      const of = '/' + f.share.of.split('.').join('/');
      const whole = fig(of) ?? (getAt(doc, of) instanceof Num ? { amount: stated((getAt(doc, of) as Num).text, F) } : undefined);
      if (!whole) findings.push({ rule: 'share-recompute', path: `${f.path}/share/of` });
      else {
        const computed = f.amount.div(whole.amount)?.scale(100);
        if (computed) out(cmpPercent(f.share.percent, computed), 'share-recompute', `${f.path}/share/percent`);
      }
    }
  }
  // the shares of a sum's parts add up to 100%
  for (const r of rels) {
    const parts = r.parts.map((p) => fig(p)!);
    if (parts.length < 2 || !parts.every((p) => p.share && '/' + p.share.of.split('.').join('/') === r.total)) continue;
    const outcome = shareSumOutcome(parts.reduce((a, p) => a.plus(stated(p.share!.percent)), Iv.exact(0)));
    if (outcome) out(outcome, 'share-recompute', `${parts[0]!.path}/share/percent`);
  }
  // “三公” changes need a reason (the section's, a figure's own, or for a total its parts')
  const threePublic = getAt(doc, '/three_public');
  if (isObj(threePublic) && typeof threePublic.reason !== 'string') {
    const tp = [...figs.values()].filter((f) => f.path.startsWith('/three_public/'));
    for (const f of tp) {
      const d = signed(f) ?? (f.prior ? f.amount.minus(f.prior) : undefined);
      if (!d || d.p.isZero() || f.change?.reason) continue;
      const parent = f.path.slice(0, f.path.lastIndexOf('/') + 1);
      if (f.path.endsWith('/total') && tp.some((o) => o !== f && o.path.startsWith(parent) && o.change?.reason)) continue;
      findings.push({ rule: 'change-reason', path: f.change ? `${f.path}/change` : f.path });
    }
  }
  // 机关运行经费 against 公用经费 (a warning, and only beyond rounding)
  const oc = fig('/operating_costs/amount');
  const pub = fig('/expenditure/basic/public');
  if (oc && pub) {
    const o = cmpAmounts(oc.amount, pub.amount);
    out(o === 'info' ? 'ok' : o, 'operating-costs-public', '/operating_costs/amount/amount');
  }

  // ─── the narrative's figures against the tables (BUD.N.*) ─────────────────────────────────────
  const T = info.tables;
  const tcell = (table: number, p: string): Iv => {
    const t = getAt(doc, `/tables/${table}`) as Obj;
    const v = getAt(t, p);
    const f = FACTOR[(t.unit as string | undefined) ?? docUnit]!;
    return v instanceof Num ? stated(v.text, f) : Iv.exact(0);
  };
  const links: [string, string, Iv][] = [
    ['BUD.N.income', '/income/total', tcell(T.T2, '/total/2').minus(tcell(T.T2, '/total/3'))],
    ['BUD.N.expenditure', '/expenditure/total', tcell(T.T3, '/total/2')],
    ['BUD.N.basic', '/expenditure/basic/total', tcell(T.T3, '/total/3')],
    ['BUD.N.project', '/expenditure/project', tcell(T.T3, '/total/4')],
    ['BUD.N.personnel', '/expenditure/basic/personnel', tcell(T.T6, '/total/3')],
    ['BUD.N.public', '/expenditure/basic/public', tcell(T.T6, '/total/4')],
    ['BUD.N.three-public', '/three_public/total', tcell(T.T7, '/rows/0/0')],
    ['BUD.N.overseas', '/three_public/overseas', tcell(T.T7, '/rows/0/1')],
    ['BUD.N.vehicles', '/three_public/vehicles/total', tcell(T.T7, '/rows/0/2')],
    ['BUD.N.reception', '/three_public/reception', tcell(T.T7, '/rows/0/5')],
    ['BUD.N.operating-costs', '/operating_costs/amount', tcell(T.T7, '/rows/0/6')],
  ];
  for (const [rule, path, table] of links) {
    const f = fig(path);
    if (f) out(cmpAmounts(f.amount, table), rule, `${path}/amount`);
  }

  // ─── procurement ─────────────────────────────────────────────────────────────────────────────
  const proc = getAt(doc, '/procurement');
  if (isObj(proc)) {
    const items = (Array.isArray(proc.items) ? proc.items : []) as Obj[];
    items.forEach((it, i) => {
      const at = `/procurement/items/${i}/amount`;
      if (!(it.amount instanceof Num)) return;
      const amount = stated(it.amount.text, F);
      if (it.quantity instanceof Num && it.unit_price instanceof Num) {
        out(cmpAmounts(amount, Iv.exact(it.quantity.text).times(stated(it.unit_price.text, F))), 'procurement-sum', at);
      }
      if (it.project_funds instanceof Num && amount.lo.gt(stated(it.project_funds.text, F).hi)) findings.push({ rule: 'procurement-sum', path: at });
    });
    const total = fig('/procurement/total');
    if (total && items.length > 0 && items.every((it) => it.amount instanceof Num)) {
      out(cmpAmounts(total.amount, items.reduce((a, it) => a.plus(stated((it.amount as Num).text, F)), Iv.exact(0))), 'procurement-sum', '/procurement/total/amount');
    }
    const sme = fig('/procurement/sme');
    if (sme && total && sme.amount.lo.gt(total.amount.hi)) findings.push({ rule: 'procurement-sum', path: '/procurement/sme/amount' });
  }

  // ─── assets ──────────────────────────────────────────────────────────────────────────────────
  const assets = getAt(doc, '/assets');
  if (isObj(assets)) {
    const cats = (Array.isArray(assets.categories) ? assets.categories : []) as Obj[];
    const total = fig('/assets/total');
    if (total && cats.length > 0) {
      out(cmpAmounts(total.amount, cats.reduce((a, c) => a.plus(c.amount instanceof Num ? stated(c.amount.text, F) : Iv.exact(0)), Iv.exact(0))), 'assets-sum', '/assets/total/amount');
    }
    cats.forEach((c, i) => {
      const kids = (Array.isArray(c.children) ? c.children : []) as Obj[];
      if (!(c.amount instanceof Num) || kids.length === 0) return;
      const s = kids.reduce((a, k) => a.plus(k.amount instanceof Num ? stated(k.amount.text, F) : Iv.exact(0)), Iv.exact(0));
      if (s.lo.gt(stated(c.amount.text, F).hi)) findings.push({ rule: 'assets-sum', path: `/assets/categories/${i}/amount` });
    });
  }

  // ─── the narrative's sentences ───────────────────────────────────────────────────────────────
  narrativeChecks(doc, F, out, findings, ambiguous);
  return { findings, ambiguous };
}

interface Stmt {
  i: number;
  label: string;
  text?: string;
  amount?: Iv;
  parent?: number;
  share?: string;
  change?: { amount?: Iv; direction?: string; rate?: string };
}

/** Words that introduce a list: 包括 and its like list every part, 其中 and 主要用于 may list some. */
const LIST_WORD = /具体包括|主要包括|包括|包含|分别为|分别是|其中|主要用于/g;
const WHOLE_WORD = new Set(['具体包括', '包括', '包含', '分别为', '分别是']);

/** The decompositions the domain notes (§2) know to be complete: each part of one class, every class there. */
const COMPLETE: { classes: RegExp[]; optional?: RegExp[] }[] = [
  { classes: [/基本支出/, /项目支出/], optional: [/上缴上级/, /经营支出/, /对附属单位补助/] },
  { classes: [/人员/, /公用|运转/] },
  { classes: [/出国/, /公务用车|公务车/, /接待/] },
  { classes: [/购置/, /运行|运维|运营/] },
  { classes: [/货物/, /工程/, /服务/] },
];

const normLabel = (l: string) => l.replace(/[\s“”"'‘’]/g, '');

/** The word that introduced a list: the last list word before the first part's label where it states its figure. */
function listWord(kids: Stmt[]): string | undefined {
  for (const k of kids) {
    const label = k.label.trim();
    if (!k.text || !label) continue;
    let at = -1;
    for (let j = k.text.indexOf(label); j >= 0; j = k.text.indexOf(label, j + 1)) {
      at = j;
      if (/^[\s\d.,为是：:约共-]|^(?:增加|减少|增长|下降|持平|与|比|较)/.test(k.text.slice(j + label.length, j + label.length + 2))) break;
    }
    if (at < 0) continue;
    const words = [...k.text.slice(0, at).matchAll(LIST_WORD)];
    if (words.length > 0) return words[words.length - 1]![0];
  }
  return undefined;
}

/**
 * Whether parts so labelled make a decomposition the domain knows complete, whatever word lists them:
 * the narrative rules then hold them to the whole (项目支出主要用于 …设备购置经费、…运营经费 reads as
 * 购置 + 运行, the vehicle costs).
 */
function completeDecomposition(labels: readonly string[]): boolean {
  return COMPLETE.some(({ classes, optional }) => {
    const hit = new Set<number>();
    for (const l of labels) {
      const n = normLabel(l);
      const cls = classes.flatMap((re, i) => (re.test(n) ? [i] : []));
      if (cls.length === 1) hit.add(cls[0]!);
      else if (!(cls.length === 0 && optional?.some((re) => re.test(n)))) return false;
    }
    return labels.length >= classes.length && hit.size === classes.length;
  });
}

/** Whether the parts are all of their whole: so said (以上, 包括…), or a decomposition the domain knows complete. */
function isWhole(parent: Stmt, kids: Stmt[]): boolean {
  if (/^(?:以上|上述)/.test(normLabel(parent.label))) return true;
  const word = listWord(kids);
  if (word && WHOLE_WORD.has(word)) return true;
  // a selection, as the narrative rules read 主要用于 / 主要包括, whatever names it holds
  if (word === '主要用于' || word === '主要包括') return false;
  return completeDecomposition(kids.map((k) => k.label));
}

/**
 * The generator's sentences: 支出预算 = 基本支出 + 项目支出 and 基本支出 = 人员经费 + 公用经费 (both
 * decompositions the domain knows to be complete), what project spending is mainly for (some projects:
 * only an excess is an error), shares of the parent, changes, and one figure said twice.
 */
function narrativeChecks(doc: Obj, F: number, out: (o: Outcome, rule: string, path: string) => void, findings: Expected[], ambiguous: Expected[]): void {
  const list = getAt(doc, '/narrative');
  if (!Array.isArray(list)) return;
  const st: Stmt[] = (list as Obj[]).map((s, i) => ({
    i,
    label: String(s.label ?? ''),
    ...(typeof s.text === 'string' ? { text: s.text } : {}),
    ...(s.amount instanceof Num ? { amount: stated(s.amount.text, F) } : {}),
    ...(s.parent instanceof Num ? { parent: Number(s.parent.text) } : {}),
    ...(s.share instanceof Num ? { share: s.share.text } : {}),
    ...(isObj(s.change)
      ? {
          change: {
            ...(s.change.amount instanceof Num ? { amount: stated(s.change.amount.text, F) } : {}),
            ...(typeof s.change.direction === 'string' ? { direction: s.change.direction } : {}),
            ...(s.change.rate instanceof Num ? { rate: s.change.rate.text } : {}),
          },
        }
      : {}),
  }));
  const kids = (p: Stmt) => st.filter((s) => s.parent === p.i);
  const delta = (s: Stmt): Iv | undefined => signedChange(s.change);
  const sumOf = (ks: Stmt[]) => ks.reduce((a, k) => a.plus(k.amount!), Iv.exact(0));
  /** whether the parts make the whole: said so, or their amounts add up to it (undefined: too close to tell) */
  const whole = (p: Stmt, ks: Stmt[]): boolean | undefined => {
    if (isWhole(p, ks)) return true;
    if (!p.amount || !ks.every((k) => k.amount)) return false;
    const o = cmpAmounts(p.amount, sumOf(ks));
    return o === 'ambiguous' ? undefined : o !== 'finding';
  };
  for (const p of st) {
    const ks = kids(p);
    if (!p.amount || ks.length === 0 || !ks.every((k) => k.amount)) continue;
    const sum = sumOf(ks);
    // parts that may leave some out can only be too much
    if (!isWhole(p, ks) && sum.p.lte(p.amount.p)) continue;
    out(cmpAmounts(p.amount, sum), 'narrative-sum', `/narrative/${p.i}/amount`);
  }
  for (const s of st) {
    if (!s.share) continue;
    const at = `/narrative/${s.i}/share`;
    if (new D(s.share).gt(100)) {
      findings.push({ rule: 'narrative-share', path: at });
      continue;
    }
    const whole = s.parent !== undefined ? st[s.parent] : undefined;
    const computed = whole?.amount && s.amount ? s.amount.div(whole.amount)?.scale(100) : undefined;
    if (computed) out(cmpPercent(s.share, computed), 'narrative-share', at);
  }
  for (const p of st) {
    const ks = kids(p);
    const shared = ks.filter((k) => k.share && new D(k.share).lte(100));
    if (shared.length < 2) continue;
    const sum = shared.reduce((a, k) => a.plus(stated(k.share!)), Iv.exact(0));
    const outcome = shareSumOutcome(sum);
    if (!outcome) continue;
    // shares of some of the parts can only be too much
    const all = shared.length === ks.length ? whole(p, ks) : false;
    if (all === undefined) ambiguous.push({ rule: 'narrative-share', path: `/narrative/${shared[0]!.i}/share` });
    else if (all || sum.lo.gt(100)) out(outcome, 'narrative-share', `/narrative/${shared[0]!.i}/share`);
  }
  // a change that contradicts itself is reported as such, and its arithmetic is not checked further
  const broken = new Set<number>();
  for (const s of st) {
    const c = s.change;
    if (!c?.amount || !c.direction || c.amount.p.isZero()) continue;
    const at = `/narrative/${s.i}/change/amount`;
    if (c.amount.p.isNegative() && (INCREASE.has(c.direction) || DECREASE.has(c.direction))) {
      findings.push({ rule: 'narrative-change', path: at });
      broken.add(s.i);
    } else if (FLAT.has(c.direction)) {
      findings.push({ rule: 'narrative-change', path: at });
      broken.add(s.i);
    }
  }
  for (const s of st) {
    const d = delta(s);
    const rate = s.change?.rate;
    if (broken.has(s.i) || !d || !rate || !s.amount) continue;
    if (s.change?.direction && FLAT.has(s.change.direction) && new D(rate).isZero()) continue;
    const prior = s.amount.minus(d);
    const at = `/narrative/${s.i}/change/rate`;
    if (prior.p.isZero()) {
      if (!new D(rate).isZero()) findings.push({ rule: 'narrative-change', path: at });
      continue;
    }
    const computed = d.abs().div(prior.abs())?.scale(100);
    if (computed) out(cmpPercent(rate.replace(/^-/, ''), computed), 'narrative-change', at);
  }
  for (const p of st) {
    const ks = kids(p);
    const total = delta(p);
    if (ks.length < 2 || !total || broken.has(p.i) || ks.some((k) => broken.has(k.i))) continue;
    const ds = ks.map(delta);
    if (ds.some((d) => !d)) continue;
    const w = whole(p, ks);
    if (w === undefined) ambiguous.push({ rule: 'narrative-change', path: `/narrative/${p.i}/change${p.change?.amount ? '/amount' : ''}` });
    if (!w) continue;
    out(cmpAmounts(total, ds.reduce<Iv>((a, d) => a.plus(d!), Iv.exact(0))), 'narrative-change', `/narrative/${p.i}/change${p.change?.amount ? '/amount' : ''}`);
  }
  const norm = (l: string) => l.replace(/[\s“”"'‘’]/g, '');
  const seen = new Map<string, Stmt>();
  for (const s of st) {
    if (!s.amount || s.parent !== undefined) continue;
    const k = norm(s.label);
    if (k.length < 2 || /^(?:支出预算|预算|金额|合计)$/.test(k)) continue;
    const first = seen.get(k);
    if (!first) {
      seen.set(k, s);
      continue;
    }
    out(cmpAmounts(s.amount, first.amount!), 'narrative-repeat', `/narrative/${s.i}/amount`);
  }
}

/** Multiset difference: what `after` has beyond `before`. */
export function added(before: Expected[], after: Expected[]): Expected[] {
  const left = new Map<string, number>();
  for (const e of before) left.set(`${e.rule} ${e.path}`, (left.get(`${e.rule} ${e.path}`) ?? 0) + 1);
  const out: Expected[] = [];
  for (const e of after) {
    const k = `${e.rule} ${e.path}`;
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(e);
  }
  return out;
}

/** Multiset difference the other way: what an injection made disappear (it must not, on a clean document). */
export function removed(before: Expected[], after: Expected[]): Expected[] {
  return added(after, before);
}
