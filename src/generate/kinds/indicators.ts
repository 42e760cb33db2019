/**
 * Errors in the performance tables: an indicator's value, operator, unit, name or description, a
 * quantity beyond the funds, an item at two prices, a goal's stated total. Each states the findings
 * it must produce.
 */
import type { PerfInfo } from '../build.js';
import { WAN, WAN_CENT, amountIn, fitsTwoPlaces, money } from '../money.js';
import { Num, getAt, num, setAt, type Obj } from '../tree.js';
import { copied, indPath, indicator, perfPath, type Applied, type Ctx, type Kind } from './common.js';

export const INDICATOR_KINDS: Kind[] = [
  // ── performance indicators ──
  perfKind('indicator-reverse-floor', (_c, pi) => pi.benefitRows.filter((b) => b.kind === 'reverse').map((b) => b.row), (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const t = readTarget(ind);
    const at = writeTarget(c, ind, { ...t, op: c.info.style.ge }, 'operator');
    return { path: `${indPath(pi.index, r)}/${at}`, description: `a reverse indicator with ≥: ${ind.name} ${shown(t)} → ${shown(readTarget(ind))}`, expected: [{ rule: 'indicator-direction', path: `${indPath(pi.index, r)}/value` }] };
  }),
  perfKind('indicator-rate-as-date', (c, pi) => (isRateName(indicator(c, pi.index, pi.qualityRow).name as string) ? [pi.qualityRow] : []), (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = readTarget(ind);
    writeTarget(c, ind, { op: c.info.style.le, value: `${c.info.year}年12月31日` }, 'value');
    return {
      path: `${indPath(pi.index, r)}/value`,
      description: `a rate given as a date: ${ind.name} ${shown(old)} → ${shown(readTarget(ind))}`,
      expected: [{ rule: 'indicator-unit', path: `${indPath(pi.index, r)}/value` }, ...copied(c, pi.index, r)],
    };
  }),
  perfKind('indicator-power-unit', (_c, pi) => pi.benefitRows.filter((b) => b.kind === 'energy').map((b) => b.row), (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = readTarget(ind);
    const at = writeTarget(c, ind, { ...old, unit: '千瓦' }, 'unit');
    // indicator-unit points at the unit column when there is one
    return { path: `${indPath(pi.index, r)}/${at}`, description: `electricity in 千瓦 (a power): ${ind.name} ${shown(old)} → ${shown(readTarget(ind))}`, expected: [{ rule: 'indicator-unit', path: `${indPath(pi.index, r)}/${at}` }] };
  }),
  perfKind('indicator-satisfaction-100', (_c, pi) => [pi.satisfactionRow], (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = readTarget(ind);
    writeTarget(c, ind, { ...old, value: '100' }, 'value');
    return { path: `${indPath(pi.index, r)}/value`, description: `a satisfaction target of ≥100%: ${ind.name} ${shown(old)} → ${shown(readTarget(ind))}`, expected: [{ rule: 'satisfaction-target', path: `${indPath(pi.index, r)}/value` }] };
  }),
  perfKind('indicator-over-100', (_c, pi) => [pi.qualityRow], (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = readTarget(ind);
    writeTarget(c, ind, { ...old, value: String(c.rng.int(101, 110)) }, 'value');
    return {
      path: `${indPath(pi.index, r)}/value`,
      description: `a rate above 100%: ${ind.name} ${shown(old)} → ${shown(readTarget(ind))}`,
      expected: [{ rule: 'indicator-percent', path: `${indPath(pi.index, r)}/value` }, ...copied(c, pi.index, r)],
    };
  }),
  perfKind('indicator-quantity-word', (_c, pi) => pi.pairs.map((p) => p.qtyRow), (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = readTarget(ind);
    // a word takes no operator or unit: the columns, if any, stay as they were
    ind.value = c.rng.pick(['显著', '完成', '达标']);
    return {
      path: `${indPath(pi.index, r)}/value`,
      description: `a quantity given as a word: ${ind.name} ${shown(old)} → ${ind.value}`,
      expected: [{ rule: 'indicator-value-kind', path: `${indPath(pi.index, r)}/value` }, ...copied(c, pi.index, r)],
    };
  }),
  perfKind('indicator-past-deadline', (_c, pi) => [pi.timeRow], (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = ind.value as string;
    ind.value = old.replace(/\d{4}(?=年)/, String(c.info.year - 1));
    return { path: `${indPath(pi.index, r)}/value`, description: `a deadline before the budget year: ${ind.name} ${old} → ${ind.value}`, expected: [{ rule: 'indicator-dates', path: `${indPath(pi.index, r)}/value` }] };
  }),
  perfKind('indicator-unparseable', (_c, pi) => pi.pairs.map((p) => p.qtyRow), (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = readTarget(ind);
    writeTarget(c, ind, { ...old, value: `约${old.value}` }, 'value');
    return { path: `${indPath(pi.index, r)}/value`, description: `a value that does not read as a number: ${ind.name} ${shown(old)} → ${shown(readTarget(ind))}`, expected: [{ rule: 'indicator-value', path: `${indPath(pi.index, r)}/value` }] };
  }),
  perfKind('indicator-described-unit', (_c, pi) => pi.pairs.filter((p) => p.desc === 'count' && p.qty >= 10 && p.counter !== '亩').map((p) => p.qtyRow), (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const pair = pi.pairs.find((p) => p.qtyRow === r)!;
    const other = pair.counter === '个' ? '件' : '个';
    const old = ind.description as string;
    ind.description = old.replace(`共${pair.qty}${pair.counter}`, `共${pair.qty}${other}`);
    const at = c.info.style.inline ? 'value' : 'unit';
    return {
      path: `${indPath(pi.index, r)}/description`,
      description: `the description counts the target in another unit: ${ind.name} "${old}" → "${ind.description}"`,
      expected: [{ rule: 'indicator-unit', path: `${indPath(pi.index, r)}/${at}` }],
    };
  }),
  perfKind('indicator-line-arithmetic', (_c, pi) => pi.pairs.filter((p) => p.desc === 'line').map((p) => p.qtyRow), (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const pair = pi.pairs.find((p) => p.qtyRow === r)!;
    // beyond what rounding explains: the price is written in whole 元 (±0.5元 a unit), the amount to 0.01万元 at most (±50元)
    const tolerance = pair.qty * 50 + 5000;
    const wrong = pair.qty * pair.price + Math.ceil((3 * tolerance) / 10000) * 10000 + amountIn(c.rng, WAN / 10, 5 * WAN, 100 * 100);
    const text = fitsTwoPlaces(wrong, '万元') ? `${money(wrong, '万元')}万元` : `${money(wrong, '元', 0)}元`;
    const old = ind.description as string;
    ind.description = old.replace(`需${pair.lineAmount}`, `需${text}`);
    return {
      path: `${indPath(pi.index, r)}/description`,
      description: `a line whose stated amount is not quantity × unit price: ${ind.name} 需${pair.lineAmount} → 需${text}`,
      expected: [{ rule: 'unit-cost-quantity', path: `${indPath(pi.index, r)}/description` }],
    };
  }),
  perfKind('indicator-coverage', (_c, pi) => [pi.satisfactionRow], (c, pi, r) => {
    const list = getAt(c.doc, `${perfPath(pi.index)}/indicators`) as Obj[];
    if (r !== list.length - 1) return undefined;
    const [gone] = list.splice(r, 1);
    return {
      path: `${indPath(pi.index, r)}`,
      description: `a project table without a satisfaction indicator: ${gone!.name} removed`,
      expected: [{ rule: 'indicator-coverage', path: `${perfPath(pi.index)}/indicators` }],
    };
  }),
  perfKind('indicator-category-as-name', (_c, pi) => [pi.qualityRow], (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = ind.name as string;
    ind.name = ind.level2 as string;
    return { path: `${indPath(pi.index, r)}/name`, description: `the 二级 category in the 三级 column (shifted columns): ${old} → ${ind.name}`, expected: [{ rule: 'indicator-structure', path: `${indPath(pi.index, r)}/name` }] };
  }),
  perfKind('indicator-no-value', (_c, pi) => [pi.qualityRow], (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = readTarget(ind);
    delete ind.value;
    return { path: `${indPath(pi.index, r)}/value`, description: `an indicator without a value: ${ind.name} (was ${shown(old)})`, expected: [{ rule: 'indicator-structure', path: `${indPath(pi.index, r)}/value` }] };
  }),
  perfKind('indicator-cost-named-quantity', (_c, pi) => pi.pairs.map((p) => p.priceRow), (c, pi, r) => {
    const ind = indicator(c, pi.index, r);
    const old = ind.name as string;
    ind.name = old.replace(/单价$/, '采购数量');
    return { path: `${indPath(pi.index, r)}/name`, description: `a cost indicator named as a quantity: ${old} → ${ind.name}`, expected: [{ rule: 'indicator-name', path: `${indPath(pi.index, r)}/name` }] };
  }),
  perfKind('indicator-over-funds', (_c, pi) => (pi.pairs.length > 0 ? [pi.pairs[0]!.qtyRow] : []), (c, pi) => {
    const pair = pi.pairs.reduce((m, p) => (p.price > m.price ? p : m));
    const ind = indicator(c, pi.index, pair.qtyRow);
    const spent = pi.pairs.reduce((s, p) => s + p.qty * p.price, 0);
    const over = Math.ceil((pi.funds - spent + pi.funds * (0.1 + c.rng.next() * 0.3)) / pair.price);
    const q = pair.qty + over;
    const old = readTarget(ind);
    writeTarget(c, ind, { ...old, value: String(q) }, 'value');
    return {
      path: `${indPath(pi.index, pair.qtyRow)}/value`,
      description: `quantity × unit price beyond the project funds: ${ind.name} ${pair.qty} → ${q} (× ${money(pair.price, '元', 0)}元; funds ${money(pi.funds, '万元')}万元)`,
      expected: [
        { rule: 'unit-cost-quantity', path: `${perfPath(pi.index)}/funds` },
        // a description that states the line ("15200册，每册30元，需45.60万元") now disagrees with the value
        ...(pair.desc === 'line' ? [{ rule: 'unit-cost-quantity', path: `${indPath(pi.index, pair.qtyRow)}/description` }] : []),
        ...copied(c, pi.index, pair.qtyRow),
      ],
    };
  }),
  {
    id: 'indicator-cross-project-price',
    family: 'indicator',
    areas: (c) => (c.info.shared ? [`perf:${c.info.shared.a.project}`, `perf:${c.info.shared.b.project}`] : undefined),
    apply(c) {
      const s = c.info.shared!;
      const side = c.rng.pick([s.a, s.b]);
      const pi = c.info.perf[side.project]!;
      const pair = pi.pairs[side.pair]!;
      const ind = indicator(c, pi.index, pair.priceRow);
      const old = readTarget(ind);
      const v = Number(old.value) + c.rng.pick([-1, 1]) * Math.max(1, Math.round(Number(old.value) / 2));
      const price = v > 0 ? v : Number(old.value) + 1;
      writeTarget(c, ind, { ...old, value: String(price) }, 'value');
      const later = c.info.perf[s.b.project]!;
      // a dearer price may take the project's lines beyond its funds (rounding of the funds: ±0.005万元)
      const lines = pi.pairs.reduce((sum, p) => sum + p.qty * (p === pair ? price * 100 : p.price), 0);
      const ceiling = pi.funds + 50 * 100;
      if (Math.abs(lines - ceiling) < 100 * 100) return undefined;
      return {
        path: `${indPath(pi.index, pair.priceRow)}/value`,
        description: `one item at two prices in two projects: ${ind.name} (${pi.name}) ${shown(old)} → ${shown(readTarget(ind))}`,
        expected: [
          { rule: 'cross-project-prices', path: `${indPath(later.index, later.pairs[s.b.pair]!.priceRow)}/value` },
          ...(lines > ceiling ? [{ rule: 'unit-cost-quantity', path: `${perfPath(pi.index)}/funds` }] : []),
        ],
      };
    },
  },
  {
    id: 'goal-text-sum',
    family: 'indicator',
    areas: (c) => {
      const pi = c.info.perf.find((p) => p.goalSum);
      return pi ? [`perf:${pi.index}`] : undefined;
    },
    apply(c) {
      const pi = c.rng.pick(c.info.perf.filter((p) => p.goalSum));
      const p = `${perfPath(pi.index)}/goal`;
      const goal = getAt(c.doc, p) as string;
      const total = pi.goalSum!.total + amountIn(c.rng, WAN, 5 * WAN, WAN_CENT);
      const text = fitsTwoPlaces(total, '万元') ? `${money(total, '万元')}万元` : `${money(total, '元', 0)}元`;
      setAt(c.doc, p, goal.replace(`以上合计${pi.goalSum!.text}`, `以上合计${text}`));
      return { path: p, description: `a total in the goal text that its lines do not make: 以上合计 ${pi.goalSum!.text} → ${text}`, expected: [{ rule: 'goal-text-sum', path: p }] };
    },
  },
];

/** A kind that changes one row of one project table. */
function perfKind(id: string, rows: (c: Ctx, pi: PerfInfo) => number[], apply: (c: Ctx, pi: PerfInfo, row: number) => Applied | undefined): Kind {
  let chosen: { pi: PerfInfo; row: number } | undefined;
  return {
    id,
    family: 'indicator',
    areas(c) {
      const cands = c.info.perf.flatMap((pi) => rows(c, pi).map((row) => ({ pi, row })));
      if (cands.length === 0) return undefined;
      chosen = c.rng.pick(cands);
      return [`perf:${chosen.pi.index}`];
    },
    apply: (c) => (chosen ? apply(c, chosen.pi, chosen.row) : undefined),
  };
}

interface Target {
  op?: string;
  value: string;
  unit?: string;
}

const OPERATOR = /^(?:≥|≤|>=|<=|不低于|不高于)/;

/** An indicator's operator, value and unit, from its columns or from the one text they are written in. */
function readTarget(ind: Obj): Target {
  const v = ind.value instanceof Num ? ind.value.text : String(ind.value ?? '');
  if (ind.operator !== undefined || ind.unit !== undefined || ind.value instanceof Num) {
    return { ...(typeof ind.operator === 'string' ? { op: ind.operator } : {}), value: v, ...(typeof ind.unit === 'string' ? { unit: ind.unit } : {}) };
  }
  const op = OPERATOR.exec(v)?.[0];
  const rest = v.slice(op?.length ?? 0);
  const n = /^\d+(?:\.\d+)?(?!\d|年)/.exec(rest)?.[0];
  if (n === undefined) return { ...(op ? { op } : {}), value: rest };
  return { ...(op ? { op } : {}), value: n, ...(rest.length > n.length ? { unit: rest.slice(n.length) } : {}) };
}

/** Writes a target the way the document writes them; returns the field the change shows in ('value' when written together). */
function writeTarget(c: Ctx, ind: Obj, t: Target, field: 'operator' | 'value' | 'unit'): string {
  if (c.info.style.inline) {
    ind.value = `${t.op ?? ''}${t.value}${t.unit ?? ''}`;
    return 'value';
  }
  if (t.op !== undefined) ind.operator = t.op;
  else delete ind.operator;
  ind.value = /^\d+(?:\.\d+)?$/.test(t.value) ? num(t.value) : t.value;
  if (t.unit !== undefined) ind.unit = t.unit;
  else delete ind.unit;
  return field;
}

const shown = (t: Target) => `${t.op ?? ''}${t.value}${t.unit ?? ''}`;

/** Names indicator-unit reads as a rate: ending with 率, but not 频率, 功率, 速率, 汇率 or 效率. */
function isRateName(name: string): boolean {
  return /率$/.test(name) && !/(频率|功率|速率|汇率|效率)$/.test(name);
}
