/**
 * One consistent budget disclosure, built from a seeded stream: every amount is an integer number of
 * cents, every total is computed from its parts, and the narrative (万元), the nine standard tables
 * (元 or 万元; the “三公” table in 万元), procurement, assets and the performance tables all state the
 * same numbers. Nothing here is random once the stream is fixed. A document lists 8–47 projects of
 * its department (src/generate/topics.ts), most with a performance table: 30–100 KB, as real ones.
 */
import { WAN, WAN_CENT, YUAN, amountIn, fitsTwoPlaces, hundredthsText, money, percentHundredths, roundTo, split, type MoneyUnit } from './money.js';
import type { Rng } from './prng.js';
import { projectPool } from './topics.js';
import { num, type Node, type Obj } from './tree.js';
import { BASES, CLASS_NAMES, DEPARTMENTS, DEPT_INDICATORS, REGIONS, SHARED_WORK, type Benefit, type DeptSpec, type ProjectSpec, type WorkSpec } from './vocab.js';

export const TABLE_IDS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** A project's output: a quantity row and its unit-price row. */
export interface PairInfo {
  item: string;
  counter: string;
  qtyRow: number;
  priceRow: number;
  qty: number;
  /** unit price in cents */
  price: number;
  /** the quantity row's description: words only, or repeating the count ("…，共1200批次"), or stating the line ("1200批次，每批次1200元，需144万元") */
  desc: 'plain' | 'count' | 'line';
  /** the amount a stated line ends with ("144万元") */
  lineAmount?: string;
}

export interface PerfInfo {
  /** index in performance.projects */
  index: number;
  name: string;
  funds: number;
  pairs: PairInfo[];
  qualityRow: number;
  timeRow: number;
  benefitRows: { row: number; kind: Benefit['kind'] }[];
  satisfactionRow: number;
  /** the goal states its lines' amounts and their total ("以上合计…") */
  goalSum?: { total: number; text: string };
}

export interface NarrativeInfo {
  /** statement indexes */
  total: number;
  basic: number;
  project: number;
  personnel: number;
  public: number;
  operating: number;
  threePublic: number;
  threePublicAgain: number;
}

/** How a document writes what every document writes differently. */
export interface Style {
  /** indicator values as one text ("≥1200批次") rather than operator / value / unit columns */
  inline: boolean;
  /** how ≥ and ≤ are spelt */
  ge: string;
  le: string;
  /** classification codes: "201 38 01", "2013801", or a bare number */
  code: 'spaced' | 'compact' | 'number';
  /** an empty cell: blank, a dash, or 0.00 */
  blank: '' | '-' | '—' | '0.00';
}

export interface DocInfo {
  department: string;
  style: Style;
  /** the 收支总表 prints 本年收入合计 / 上年结转 / 收入总计 (and 本年支出合计 / 结转下年 / 支出总计): their row indexes */
  t1Subtotals?: { income: number; expenditure: number };
  /** 上年结转 (cents), spent on a project */
  carryover: number;
  year: number;
  tableUnit: MoneyUnit;
  /** index of each standard table in `tables` */
  tables: Record<TableId, number>;
  hasFund: boolean;
  perf: PerfInfo[];
  /** project rows restated in the department-wide table */
  deptCopies: { project: number; row: number; deptRow: number }[];
  /** an item priced in two project tables, at one price */
  shared?: { a: { project: number; pair: number }; b: { project: number; pair: number } };
  narrative?: NarrativeInfo;
}

export interface Built {
  doc: Obj;
  info: DocInfo;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const wan = (cents: number) => num(money(cents, '万元'));

/** An empty cell as this document prints it. */
const blankCell = (style: Style, unit: MoneyUnit): Node => (style.blank === '0.00' ? num(money(0, unit)) : style.blank);
/** A table cell: zero printed as the document's blank. */
const cellOf = (style: Style) => (cents: number, unit: MoneyUnit): Node => (cents === 0 ? blankCell(style, unit) : num(money(cents, unit)));
const codeOf = (style: Style) => (code: string): Node =>
  style.code === 'number' ? num(code) : style.code === 'compact' ? code : [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter(Boolean).join(' ');

/** An indicator's target: operator, value and unit in their columns, or written together. */
function targetOf(style: Style) {
  return (op: 'ge' | 'le' | undefined, value: string, unit?: string): Obj => {
    const o = op === undefined ? undefined : style[op];
    if (style.inline) return { value: `${o ?? ''}${value}${unit ?? ''}` };
    return { ...(o ? { operator: o } : {}), value: /^\d+(\.\d+)?$/.test(value) ? num(value) : value, ...(unit ? { unit } : {}) };
  };
}

interface Leaf {
  code: string;
  name: string;
  /** basic spending (general budget), project spending: general budget, fund, other income, last year's carry-over */
  bg: number;
  pg: number;
  pf: number;
  po: number;
  pc: number;
}

interface Row extends Leaf {
  level: number;
}

interface Project {
  spec: ProjectSpec;
  amount: number;
  /** paid from other income (其他收入) */
  other: number;
  /** paid from last year's carry-over (上年结转) */
  carry: number;
  fund: boolean;
  works: { spec: WorkSpec; qty: number; price: number }[];
  perf: boolean;
}

/** "2025年11月30日" for a deadline inside the year. */
function deadline(rng: Rng, year: number): string {
  const m = rng.int(6, 12);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const d = rng.pick([15, 20, last, last]);
  return `${year}年${m}月${d}日`;
}

/** How a document states year-on-year changes. */
interface YearOnYear {
  /** the prior-year figure is written (else only the change: "比上年增加…，增长…%") */
  prior: boolean;
  /** a decrease is a negative amount (and rate) rather than 减少 */
  signed: boolean;
}

/** A figure: bare, or with its prior year, change (amount, direction, rate) and share. */
function figureOf(yoy: YearOnYear) {
  return (cur: number, prior: number | undefined, opts: { rate?: boolean; reason?: string; share?: { percent: number; of: string } } = {}): Node => {
    if (prior === undefined && !opts.share) return wan(cur);
    const o: Obj = { amount: wan(cur) };
    if (prior !== undefined) {
      const d = cur - prior;
      const rate = opts.rate !== false && prior !== 0 ? hundredthsText(percentHundredths(d, prior)) : undefined;
      const change: Obj = yoy.signed
        ? { amount: wan(d), ...(rate !== undefined ? { rate: num(d < 0 ? `-${rate}` : rate) } : {}) }
        : { amount: wan(Math.abs(d)), direction: d > 0 ? '增加' : d < 0 ? '减少' : '持平', ...(rate !== undefined ? { rate: num(rate) } : {}) };
      if (opts.reason) change.reason = opts.reason;
      if (yoy.prior) o.prior = wan(prior);
      o.change = change;
    }
    if (opts.share) o.share = { percent: num(hundredthsText(opts.share.percent)), of: opts.share.of };
    return o;
  };
}

/** A prior-year figure near `cur` (a whole number of 0.01万元), sometimes equal to it. */
function priorOf(rng: Rng, cur: number, spread: number, flat = 0.08): number {
  if (rng.chance(flat)) return cur;
  const f = 1 + (rng.next() * 2 - 1) * spread;
  return Math.max(WAN_CENT, roundTo(cur / f, WAN_CENT));
}

export function buildDocument(rng: Rng): Built {
  const dept: DeptSpec = rng.pick(DEPARTMENTS);
  const [place, region] = rng.pick(REGIONS);
  const department = `${place}${dept.type}`;
  // one year per department: two filings of a department in consecutive years would be paired by the CLI
  // (previous-year) though the generator does not carry one year's figures into the next
  const year = 2021 + ([...department].reduce((h, c) => (h * 31 + c.codePointAt(0)!) % 1_000_003, 7) % 6);
  const tableUnit: MoneyUnit = rng.chance(0.3) ? '万元' : '元';
  const style: Style = {
    inline: rng.chance(0.4),
    ge: rng.pick(['≥', '≥', '≥', '>=', '不低于']),
    le: rng.pick(['≤', '≤', '≤', '<=', '不高于']),
    code: rng.pick(['spaced', 'spaced', 'compact', 'number'] as const),
    blank: rng.pick(['', '', '-', '—', '0.00'] as const),
  };
  const cell = cellOf(style);
  const figure = figureOf({ prior: rng.chance(0.75), signed: rng.chance(0.15) });
  const codeText = codeOf(style);
  const target = targetOf(style);
  /** granularity of amounts that only the tables state */
  const fine = tableUnit === '元' ? 1 : WAN_CENT;
  const fineYuan = tableUnit === '元' ? YUAN : WAN_CENT;

  // ─── projects and their outputs ──────────────────────────────────────────────────────────────
  const pool = projectPool(dept);
  const chosen = rng.sample(pool, Math.min(pool.length, projectCount(rng)));
  chosen.sort((a, b) => a.code.localeCompare(b.code));
  const fundSpec = dept.fund && rng.chance(0.5) ? dept.fund : undefined;
  const projects: Project[] = [...chosen, ...(fundSpec ? [fundSpec] : [])].map((spec) => ({
    spec,
    amount: 0,
    other: 0,
    carry: 0,
    fund: spec === fundSpec,
    perf: false,
    works: spec.works.map((w) => ({ spec: w, qty: rng.int(w.qty[0], w.qty[1]), price: rng.int(w.price[0], w.price[1]) * YUAN })),
  }));
  // most projects publish their performance table; a few small ones do not
  for (const p of projects) p.perf = rng.chance(0.9);
  for (const p of rng.sample(projects, 2)) p.perf = true;
  const perfProjects = projects.filter((p) => p.perf);
  // round the quantities a table would print: 12000, not 11873
  for (const p of projects) for (const w of p.works) if (w.qty >= 1000) w.qty = roundTo(w.qty, 100);
  // an item two projects print (政策宣传单), at one price
  const withShared = perfProjects.length >= 2 && rng.chance(0.5) ? rng.sample(perfProjects, 2) : [];
  if (withShared.length === 2) {
    const price = rng.int(SHARED_WORK.price[0], SHARED_WORK.price[1]) * YUAN;
    for (const p of withShared) p.works.push({ spec: SHARED_WORK, qty: roundTo(rng.int(SHARED_WORK.qty[0], SHARED_WORK.qty[1]), 100), price });
  }
  samePrices(perfProjects.flatMap((p) => p.works));
  const admin: Project = {
    spec: {
      name: '一般行政管理事务',
      code: `${dept.main.kuan}02`,
      row: '一般行政管理事务',
      works: [],
      quality: ['', ''],
      task: '',
      benefits: [],
      satisfaction: ['', ''],
      goal: '',
    },
    amount: amountIn(rng, 10 * WAN, 60 * WAN, 1000 * YUAN),
    other: 0,
    carry: 0,
    fund: false,
    perf: false,
    works: [],
  };
  for (const p of projects) {
    const need = p.works.reduce((s, w) => s + w.qty * w.price, 0);
    p.amount = need > 0 ? roundTo(Math.ceil((need * (1.05 + rng.next() * 0.6)) / (1000 * YUAN)) * 1000 * YUAN, 1000 * YUAN) : amountIn(rng, 20 * WAN, 300 * WAN, 1000 * YUAN);
  }

  // ─── “三公” and the vehicle bought this year ─────────────────────────────────────────────────
  const purchase = rng.chance(0.35) ? amountIn(rng, 12 * WAN, 28 * WAN, 1000 * YUAN) : 0;
  // a repair of the office building, bought as works from the same project
  const works = rng.chance(0.25) ? amountIn(rng, 10 * WAN, 50 * WAN, 1000 * YUAN) : 0;
  admin.amount += purchase + works;
  const overseas = rng.chance(0.15) ? amountIn(rng, 2 * WAN, 10 * WAN, WAN_CENT) : 0;
  const operation = amountIn(rng, 2 * WAN, 12 * WAN, WAN_CENT);
  const reception = amountIn(rng, WAN / 2, 5 * WAN, WAN_CENT);
  const prior3 = {
    overseas: overseas > 0 && rng.chance(0.7) ? priorOf(rng, overseas, 0.4) : rng.chance(0.2) ? amountIn(rng, 2 * WAN, 8 * WAN, WAN_CENT) : 0,
    purchase: purchase === 0 && rng.chance(0.2) ? amountIn(rng, 12 * WAN, 25 * WAN, 1000 * YUAN) : 0,
    operation: priorOf(rng, operation, 0.25),
    reception: priorOf(rng, reception, 0.3),
  };

  // ─── basic spending ──────────────────────────────────────────────────────────────────────────
  const personnel = amountIn(rng, 200 * WAN, 3000 * WAN, WAN_CENT);
  const publicCost = Math.max(roundTo(personnel * (0.08 + rng.next() * 0.12), WAN_CENT), operation + reception + 20 * WAN);
  const basic = personnel + publicCost;

  // other income pays part of one project
  const fundable = projects.filter((p) => !p.fund);
  if (fundable.length > 0 && rng.chance(0.35)) {
    const p = rng.pick(fundable);
    p.other = roundTo(p.amount * (0.05 + rng.next() * 0.3), 1000 * YUAN);
  }
  // the standard template's 收支总表 with its subtotals; last year's carry-over, when there is one, pays part of a project
  const subtotals = rng.chance(0.35);
  if (subtotals && rng.chance(0.6)) {
    const carry = amountIn(rng, 5 * WAN, 40 * WAN, 1000 * YUAN);
    const p = rng.pick([admin, ...fundable]);
    if (p.amount - p.other > carry) p.carry = carry;
  }
  const allProjects = [admin, ...projects];
  const projectTotal = allProjects.reduce((s, p) => s + p.amount, 0);
  const other = allProjects.reduce((s, p) => s + p.other, 0);
  const carryover = allProjects.reduce((s, p) => s + p.carry, 0);
  const fund = allProjects.filter((p) => p.fund).reduce((s, p) => s + p.amount, 0);
  const total = basic + projectTotal;
  /** this year's income: what the carry-over does not pay */
  const income = total - carryover;
  const general = total - other - fund - carryover;

  // ─── the economic classification of basic spending (T6) ─────────────────────────────────────
  const jitter = (f: number) => f * (0.85 + rng.next() * 0.3);
  const annuity = roundTo(personnel * jitter(0.05), fine);
  const pension = 2 * annuity;
  const medical = roundTo(personnel * jitter(0.045), fine);
  const housing = roundTo(personnel * jitter(0.08), fine);
  const otherSocial = roundTo(personnel * jitter(0.005), fine);
  const retire = rng.chance(0.5) ? roundTo(personnel * (0.02 + rng.next() * 0.05), fine) : 0;
  const medAid = rng.chance(0.3) ? roundTo(personnel * 0.004, fine) : 0;
  const salary = roundTo(personnel * jitter(0.19), fine);
  const bonus = roundTo(personnel * jitter(0.016), fine);
  const wagesOther = roundTo(personnel * jitter(0.06), fine);
  // 津贴补贴 takes what the others leave: about a third
  const allowance = personnel - (annuity + pension + medical + housing + otherSocial + retire + medAid + salary + bonus + wagesOther);
  if (allowance < 0) throw new Error('personnel rows exceed personnel costs');
  const publicNames: [string, string, number][] = [
    ['30201', '办公费', 16],
    ['30202', '印刷费', 4],
    ['30205', '水费', 2],
    ['30206', '电费', 8],
    ['30207', '邮电费', 5],
    ['30211', '差旅费', 10],
    ['30213', '维修（护）费', 6],
    ['30215', '会议费', 2],
    ['30216', '培训费', 4],
    ['30228', '工会经费', 7],
    ['30229', '福利费', 4],
    ['30239', '其他交通费用', 18],
    ['30299', '其他商品和服务支出', 6],
  ];
  const publicParts = split(publicCost - reception - operation, publicNames.map(([, , w]) => w * (0.7 + rng.next() * 0.6)), fineYuan);
  const t6Leaves: { code: string; name: string; personnel: number; public: number }[] = [
    { code: '30101', name: '基本工资', personnel: salary, public: 0 },
    { code: '30102', name: '津贴补贴', personnel: allowance, public: 0 },
    { code: '30103', name: '奖金', personnel: bonus, public: 0 },
    { code: '30108', name: '机关事业单位基本养老保险缴费', personnel: pension, public: 0 },
    { code: '30109', name: '职业年金缴费', personnel: annuity, public: 0 },
    { code: '30110', name: '职工基本医疗保险缴费', personnel: medical, public: 0 },
    { code: '30112', name: '其他社会保障缴费', personnel: otherSocial, public: 0 },
    { code: '30113', name: '住房公积金', personnel: housing, public: 0 },
    { code: '30199', name: '其他工资福利支出', personnel: wagesOther, public: 0 },
    ...publicNames.map(([code, name], i) => ({ code, name, personnel: 0, public: publicParts[i]! })),
    { code: '30217', name: '公务接待费', personnel: 0, public: reception },
    { code: '30231', name: '公务用车运行维护费', personnel: 0, public: operation },
    { code: '30302', name: '退休费', personnel: retire, public: 0 },
    { code: '30307', name: '医疗费补助', personnel: medAid, public: 0 },
  ]
    .filter((l) => l.personnel + l.public > 0)
    .sort((a, b) => a.code.localeCompare(b.code));

  // ─── the functional classification (T2, T3, T5, T8) ──────────────────────────────────────────
  const leaves: Leaf[] = [];
  const leaf = (code: string, name: string, v: Partial<Leaf>) => leaves.push({ code, name, bg: 0, pg: 0, pf: 0, po: 0, pc: 0, ...v });
  const admRun = basic - pension - annuity - medical - housing - retire;
  leaf(`${dept.main.kuan}01`, '行政运行', { bg: admRun });
  if (retire > 0) leaf('2080501', '行政单位离退休', { bg: retire });
  leaf('2080505', '机关事业单位基本养老保险缴费支出', { bg: pension });
  leaf('2080506', '机关事业单位职业年金缴费支出', { bg: annuity });
  leaf('2101101', '行政单位医疗', { bg: medical });
  leaf('2210201', '住房公积金', { bg: housing });
  for (const p of allProjects) {
    if (p.fund) leaf(p.spec.code, p.spec.row, { pf: p.amount });
    else leaf(p.spec.code, p.spec.row, { pg: p.amount - p.other - p.carry, po: p.other, pc: p.carry });
  }
  const rows = functionRows(mergeLeaves(leaves));
  const sum = (r: Leaf) => r.bg + r.pg + r.pf + r.po + r.pc;
  const classes = rows.filter((r) => r.level === 1);

  // ─── the nine tables ─────────────────────────────────────────────────────────────────────────
  const u = tableUnit;
  const c = (x: number) => cell(x, u);
  const b = blankCell(style, u);
  const t = (title: string) => `${year}年${title}`;
  const tables: Obj[] = [];
  tables.push({
    title: t(rng.pick(['部门收支总表', '部门收支预算总表'])),
    unit: u,
    income: {
      columns: ['项目', '预算数'],
      rows: [
        ['一、财政拨款收入', c(general + fund)],
        ['1. 一般公共预算资金', c(general)],
        ['2. 政府性基金', c(fund)],
        ['3. 国有资本经营预算', b],
        ['二、财政专户管理资金收入', b],
        ['三、事业收入', b],
        ['四、事业单位经营收入', b],
        ['五、其他收入', c(other)],
        ...(subtotals ? [['本年收入合计', c(income)], ['上年结转', c(carryover)]] : []),
      ],
      total: ['收入总计', c(total)],
    },
    expenditure: {
      columns: ['项目', '预算数'],
      rows: [...classes.filter((r) => sum(r) > 0).map((r, i) => [`${NUMERALS[i]}、${r.name}`, c(sum(r))]), ...(subtotals ? [['本年支出合计', c(total)], ['结转下年', b]] : [])],
      total: ['支出总计', c(total)],
    },
  });
  const t1Subtotals = subtotals ? { income: 8, expenditure: classes.filter((r) => sum(r) > 0).length } : undefined;
  tables.push({
    title: t(rng.pick(['部门收入总表', '部门收入预算总表'])),
    unit: u,
    columns: ['科目编码', '科目名称', '合计', '上年结转', '财政拨款收入', '财政专户管理资金收入', '事业收入', '其他收入'],
    rows: rows.filter((r) => sum(r) > 0).map((r) => [codeText(r.code), r.name, c(sum(r)), c(r.pc), c(r.bg + r.pg + r.pf), b, b, c(r.po)]),
    total: [null, '合计', c(total), c(carryover), c(general + fund), b, b, c(other)],
  });
  tables.push({
    title: t(rng.pick(['部门支出总表', '部门支出预算总表'])),
    unit: u,
    columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    rows: rows.filter((r) => sum(r) > 0).map((r) => [codeText(r.code), r.name, c(sum(r)), c(r.bg), c(r.pg + r.pf + r.po + r.pc)]),
    total: [null, '合计', c(total), c(basic), c(projectTotal)],
  });
  const fiscalClasses = classes.filter((r) => r.bg + r.pg + r.pf > 0);
  tables.push({
    title: t(rng.pick(['财政拨款收支总表', '财政拨款收支预算总表'])),
    unit: u,
    income: {
      columns: ['项目', '预算数'],
      rows: [
        ['一、一般公共预算拨款收入', c(general)],
        ['二、政府性基金预算拨款收入', c(fund)],
        ['三、国有资本经营预算拨款收入', b],
      ],
      total: ['收入总计', c(general + fund)],
    },
    expenditure: {
      columns: ['项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      rows: fiscalClasses.map((r, i) => [`${NUMERALS[i]}、${r.name}`, c(r.bg + r.pg + r.pf), c(r.bg + r.pg), c(r.pf), b]),
      total: ['支出总计', c(general + fund), c(general), c(fund), b],
    },
  });
  tables.push({
    title: t('一般公共预算支出表'),
    unit: u,
    columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    rows: rows.filter((r) => r.bg + r.pg > 0).map((r) => [codeText(r.code), r.name, c(r.bg + r.pg), c(r.bg), c(r.pg)]),
    total: [null, '合计', c(general), c(basic), c(general - basic)],
  });
  const t6Classes = [
    ['301', '工资福利支出'],
    ['302', '商品和服务支出'],
    ['303', '对个人和家庭的补助'],
  ] as const;
  const t6Rows: Node[] = [];
  for (const [code, name] of t6Classes) {
    const kids = t6Leaves.filter((l) => l.code.startsWith(code));
    if (kids.length === 0) continue;
    const p = kids.reduce((s, l) => s + l.personnel, 0);
    const q = kids.reduce((s, l) => s + l.public, 0);
    t6Rows.push([codeText(code), name, c(p + q), c(p), c(q)]);
    for (const l of kids) t6Rows.push([codeText(l.code), l.name, c(l.personnel + l.public), c(l.personnel), c(l.public)]);
  }
  tables.push({
    title: t('一般公共预算基本支出表'),
    unit: u,
    columns: ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    rows: t6Rows,
    total: [null, '合计', c(basic), c(personnel), c(publicCost)],
  });
  const vehicles = purchase + operation;
  const three = overseas + vehicles + reception;
  tables.push({
    title: t('一般公共预算“三公”经费支出表'),
    unit: '万元',
    columns: ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费', '机关运行经费'],
    rows: [[cell(three, '万元'), cell(overseas, '万元'), cell(vehicles, '万元'), cell(purchase, '万元'), cell(operation, '万元'), cell(reception, '万元'), cell(publicCost, '万元')]],
  });
  const fundRows = rows.filter((r) => r.pf > 0);
  tables.push({
    title: t('政府性基金预算支出表'),
    unit: u,
    columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    rows: fundRows.map((r) => [codeText(r.code), r.name, c(r.pf), b, c(r.pf)]),
    total: [null, '合计', c(fund), b, c(fund)],
    ...(fund === 0 ? { note: `本部门${year}年无政府性基金预算财政拨款安排的支出，故本表为空表。` } : {}),
  });
  tables.push({
    title: t('国有资本经营预算支出表'),
    unit: u,
    columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    rows: [],
    total: [null, '合计', b, b, b],
    note: `本部门${year}年无国有资本经营预算财政拨款安排的支出，故本表为空表。`,
  });

  // ─── the narrative's figures (万元), with last year's ────────────────────────────────────────
  const pPersonnel = priorOf(rng, personnel, 0.1, 0.03);
  const pPublic = priorOf(rng, publicCost, 0.15);
  const pProject = priorOf(rng, projectTotal, 0.3, 0.02);
  const pBasic = pPersonnel + pPublic;
  const pTotal = pBasic + pProject;
  const pIncome = pTotal - (carryover > 0 && rng.chance(0.5) ? amountIn(rng, 2 * WAN, 30 * WAN, WAN_CENT) : 0);
  const pOther = other > 0 ? (rng.chance(0.7) ? priorOf(rng, other, 0.4) : 0) : rng.chance(0.2) ? amountIn(rng, 5 * WAN, 30 * WAN, WAN_CENT) : 0;
  const pFund = fund > 0 ? (rng.chance(0.6) ? priorOf(rng, fund, 0.4) : 0) : 0;
  const pGeneral = pIncome - pOther - pFund;
  const shares = rng.chance(0.5);
  const innerShares = shares && rng.chance(0.5);
  const zeros = rng.chance(0.5); // state the income sources that are nothing, as 0.00
  const share = (part: number, whole: number, of: string) => (shares ? { share: { percent: percentHundredths(part, whole), of } } : {});
  const innerShare = (part: number, whole: number) => (innerShares ? { share: { percent: percentHundredths(part, whole), of: 'expenditure.basic.total' } } : {});
  const incomeSource = (cur: number, prior: number): Node | undefined => (cur === 0 && prior === 0 ? (zeros ? wan(0) : undefined) : figure(cur, prior));

  const doc: Obj = {
    document: {
      department,
      year: num(String(year)),
      kind: 'budget',
      unit: '万元',
      region,
      title: `${department}${year}年部门预算信息公开情况说明`,
      source: 'generated by scripts/generate.ts',
    },
    income: {
      title: '一、收支预算总体情况',
      total: figure(income, pIncome),
      general_budget: figure(general, pGeneral),
      government_fund: incomeSource(fund, pFund),
      state_capital: zeros ? wan(0) : undefined,
      other: incomeSource(other, pOther),
      carryover: wan(carryover),
      grand_total: wan(total),
    },
    expenditure: {
      title: '二、支出预算情况',
      total: figure(total, pTotal, { reason: rng.pick(['人员经费正常增长及项目支出调整', '按照预算安排和重点工作任务调整']) }),
      basic: {
        total: figure(basic, pBasic, share(basic, total, 'expenditure.total')),
        personnel: figure(personnel, pPersonnel, { reason: '调整工资标准及人员变动', ...innerShare(personnel, basic) }),
        public: figure(publicCost, pPublic, innerShare(publicCost, basic)),
      },
      project: figure(projectTotal, pProject, { reason: '重点工作任务变化', ...share(projectTotal, total, 'expenditure.total') }),
      grand_total: wan(total),
    },
  };

  doc.operating_costs = {
    title: '三、机关运行经费预算情况',
    amount: wan(publicCost),
    text: `${year}年，本部门机关运行经费预算${money(publicCost, '万元')}万元，主要用于办公费、印刷费、水电费、差旅费、公务用车运行维护费等日常公用经费支出。`,
  };

  const pVehicles = prior3.purchase + prior3.operation;
  const pThree = prior3.overseas + pVehicles + prior3.reception;
  const d3 = three - pThree;
  const reasons = [
    ...(purchase > 0 ? ['按规定更新超过使用年限的公务用车'] : []),
    ...(reception < prior3.reception ? ['压减公务接待费'] : []),
    '严格执行中央八项规定精神，厉行勤俭节约',
  ];
  doc.three_public = {
    title: '四、财政拨款“三公”经费预算情况',
    total: figure(three, pThree),
    overseas: overseas === 0 && prior3.overseas === 0 ? wan(0) : figure(overseas, prior3.overseas),
    vehicles: {
      total: figure(vehicles, pVehicles),
      purchase: purchase === 0 && prior3.purchase === 0 ? wan(0) : figure(purchase, prior3.purchase),
      operation: figure(operation, prior3.operation),
    },
    reception: figure(reception, prior3.reception),
    reason: `“三公”经费比上年${d3 > 0 ? '增加' : d3 < 0 ? '减少' : '持平'}${d3 === 0 ? '' : money(Math.abs(d3), '万元') + '万元'}，主要原因是${reasons.join('；')}。`,
  };

  // ─── procurement ─────────────────────────────────────────────────────────────────────────────
  const items: { line: Obj; cents: number }[] = [];
  const line = (o: Obj, cents: number) => items.push({ line: o, cents });
  if (purchase > 0) {
    line({ project: '一般行政管理事务', project_funds: wan(admin.amount), item: dept.vehicle, catalogue_code: 'A02030500', unit: '辆', quantity: num('1'), unit_price: wan(purchase), amount: wan(purchase), category: '货物' }, purchase);
  }
  if (works > 0) {
    line({ project: '一般行政管理事务', project_funds: wan(admin.amount), item: '办公楼维修改造工程', unit: '项', quantity: num('1'), unit_price: wan(works), amount: wan(works), category: '工程' }, works);
  }
  for (const p of projects) {
    for (const w of p.works) {
      if (!w.spec.procure) continue;
      line({ project: p.spec.name, project_funds: wan(p.amount), item: w.spec.item, unit: w.spec.counter, quantity: num(String(w.qty)), unit_price: num(money(w.price, '万元')), amount: num(money(w.qty * w.price, '万元')), category: w.spec.procure }, w.qty * w.price);
    }
    if (p.spec.service) {
      const spent = p.works.reduce((s, w) => s + (w.spec.procure ? w.qty * w.price : 0), 0);
      const s = roundTo((p.amount - spent) * (0.3 + rng.next() * 0.5), 1000 * YUAN);
      if (s > 0) line({ project: p.spec.name, project_funds: wan(p.amount), item: p.spec.service, unit: '项', quantity: num('1'), unit_price: wan(s), amount: wan(s), category: '服务' }, s);
    }
  }
  if (rng.chance(0.6)) {
    const qty = rng.int(3, 15);
    const price = amountIn(rng, 4500 * YUAN, 6500 * YUAN, 100 * YUAN);
    line({ project: '基本支出', item: '台式计算机', catalogue_code: 'A02010104', unit: '台', quantity: num(String(qty)), unit_price: num(money(price, '万元')), amount: num(money(qty * price, '万元')), category: '货物' }, qty * price);
  }
  const byCat = (k: string) => items.filter((i) => i.line.category === k).reduce((s, i) => s + i.cents, 0);
  const ptotal = items.reduce((s, i) => s + i.cents, 0);
  const proc: Obj = { title: '五、政府采购预算情况', total: wan(ptotal), goods: wan(byCat('货物')), works: wan(byCat('工程')), services: wan(byCat('服务')) };
  if (ptotal > 0 && rng.chance(0.4)) proc.sme = wan(roundTo(ptotal * (0.3 + rng.next() * 0.3), WAN_CENT));
  if (items.length > 0) proc.items = items.map((i) => i.line);
  doc.procurement = proc;

  // ─── assets ──────────────────────────────────────────────────────────────────────────────────
  const area = rng.int(8, 60) * 100;
  const houses = amountIn(rng, 200 * WAN, 2000 * WAN, WAN_CENT);
  const office = roundTo(houses * (0.6 + rng.next() * 0.3), WAN_CENT);
  const cars = rng.int(1, 6);
  const carValue = cars * amountIn(rng, 15 * WAN, 30 * WAN, WAN_CENT);
  const equipment = rng.chance(0.5) ? amountIn(rng, 20 * WAN, 200 * WAN, WAN_CENT) : 0;
  const otherAssets = amountIn(rng, 10 * WAN, 200 * WAN, WAN_CENT);
  const categories: Obj[] = [
    { name: '房屋', quantity: num(String(area)), unit: '平方米', amount: wan(houses), children: [{ name: '办公用房', quantity: num(String(roundTo(area * 0.75, 10))), unit: '平方米', amount: wan(office) }] },
    { name: '车辆', quantity: num(String(cars)), unit: '辆', amount: wan(carValue) },
    ...(equipment > 0 ? [{ name: '通用设备', amount: wan(equipment) }] : []),
    { name: '其他固定资产', amount: wan(otherAssets) },
  ];
  doc.assets = {
    title: '六、国有资产占用情况',
    date: `${year - 1}年12月31日`,
    total: wan(houses + carValue + equipment + otherAssets),
    planned_purchase: wan(byCat('货物')),
    categories,
  };

  // ─── performance ─────────────────────────────────────────────────────────────────────────────
  const perf: PerfInfo[] = [];
  const projectTables: Obj[] = [];
  const basis = () => rng.pick(BASES);
  const pct = (lo: number, hi: number) => String(rng.int(lo, hi));
  for (const p of projects.filter((x) => x.perf)) {
    const s = p.spec;
    const inds: Obj[] = [];
    const pairs: PairInfo[] = [];
    for (const w of p.works) {
      const r = rng.next();
      const desc: PairInfo['desc'] = w.spec.item === SHARED_WORK.item ? 'plain' : r < 0.2 ? 'line' : r < 0.5 ? 'count' : 'plain';
      const lineAmount = yuanText(w.qty * w.price);
      const description =
        desc === 'line'
          ? `${w.spec.verb}${w.spec.item}${w.qty}${w.spec.counter}，每${w.spec.counter}${money(w.price, '元', 0)}元，需${lineAmount}`
          : desc === 'count'
            ? `${w.spec.desc}，共${w.qty}${w.spec.counter}`
            : w.spec.desc;
      pairs.push({ item: w.spec.item, counter: w.spec.counter, qtyRow: inds.length, priceRow: -1, qty: w.qty, price: w.price, desc, ...(desc === 'line' ? { lineAmount } : {}) });
      inds.push({ level1: '产出指标', level2: '数量指标', name: `${w.spec.item}数量`, description, ...target('ge', String(w.qty), w.spec.counter), basis: basis() });
    }
    const qualityRow = inds.length;
    inds.push({ level1: '产出指标', level2: '质量指标', name: s.quality[0], description: s.quality[1], ...target('ge', pct(90, 99), '%'), basis: basis() });
    const timeRow = inds.length;
    inds.push({ level1: '产出指标', level2: '时效指标', name: `${s.task}完成时间`, description: `${s.task}全部完成的时间`, ...target('le', deadline(rng, year)), basis: '工作计划' });
    p.works.forEach((w, i) => {
      pairs[i]!.priceRow = inds.length;
      inds.push({ level1: '产出指标', level2: '成本指标', name: `${w.spec.item}单价`, description: `每${w.spec.counter}${w.spec.item}的${w.spec.verb}费用`, ...target('le', money(w.price, '元', 0), '元'), basis: '现行市场价格' });
    });
    const benefitRows: PerfInfo['benefitRows'] = [];
    for (const b of s.benefits) {
      benefitRows.push({ row: inds.length, kind: b.kind });
      const base = { level1: '效益指标', level2: b.level2, name: b.name, description: b.desc };
      if (b.kind === 'word') inds.push({ ...base, value: b.value, basis: basis() });
      else if (b.kind === 'rate') inds.push({ ...base, ...target('ge', pct(b.min, Math.min(99, b.min + 8)), '%'), basis: basis() });
      else if (b.kind === 'reverse') inds.push({ ...base, ...target('le', pct(Math.max(0, b.max - 2), b.max), '%'), basis: '历年工作数据' });
      else inds.push({ ...base, ...target('le', String(roundTo(rng.int(b.max[0], b.max[1]), 1000)), '千瓦时'), basis: '历年工作数据' });
    }
    const satisfactionRow = inds.length;
    inds.push({ level1: '满意度指标', level2: '服务对象满意度指标', name: s.satisfaction[0], description: s.satisfaction[1], ...target('ge', pct(85, 95), '%'), basis: '问卷调查' });

    let goal = s.goal;
    let goalSum: PerfInfo['goalSum'];
    if (p.works.length >= 2 && rng.chance(0.5)) {
      const lines = p.works.map((w) => `${w.spec.verb}${w.spec.item}需${yuanText(w.qty * w.price)}`);
      const totalLine = p.works.reduce((a, w) => a + w.qty * w.price, 0);
      const text = yuanText(totalLine);
      goal = `${lines.join('，')}，以上合计${text}。${s.goal}`;
      goalSum = { total: totalLine, text };
    }
    perf.push({ index: projectTables.length, name: s.name, funds: p.amount, pairs, qualityRow, timeRow, benefitRows, satisfactionRow, ...(goalSum ? { goalSum } : {}) });
    projectTables.push({ title: `${s.name}项目绩效目标表`, name: s.name, goal, funds: wan(p.amount), indicators: inds });
  }
  // the department-wide table restates a few project rows, and has its own
  const deptCopies: DocInfo['deptCopies'] = [];
  const deptInds: Obj[] = [];
  // only rows no other project table names alike: indicator-consistency compares every row of that name with the copy
  const named = new Map<string, number>();
  for (const t of projectTables) for (const ind of t.indicators as Obj[]) named.set(ind.name as string, (named.get(ind.name as string) ?? 0) + 1);
  const unique = (pi: PerfInfo, row: number) => named.get((projectTables[pi.index]!.indicators as Obj[])[row]!.name as string) === 1;
  const copyable = perf
    .flatMap((pi) => [...pi.pairs.filter((x) => x.item !== SHARED_WORK.item).map((x) => ({ project: pi.index, row: x.qtyRow })), { project: pi.index, row: pi.qualityRow }])
    .filter((x) => unique(perf[x.project]!, x.row));
  const seen = new Set<string>();
  for (const cpy of rng.sample(copyable, copyable.length > 0 ? rng.int(1, Math.min(3, copyable.length)) : 0)) {
    const src = (projectTables[cpy.project]!.indicators as Obj[])[cpy.row]!;
    if (seen.has(src.name as string)) continue;
    seen.add(src.name as string);
    deptCopies.push({ ...cpy, deptRow: deptInds.length });
    deptInds.push({ ...src });
  }
  for (const d of DEPT_INDICATORS) {
    if ('word' in d) deptInds.push({ level1: d.level1, level2: d.level2, name: d.name, description: d.desc, value: d.word, basis: '年度工作要点' });
    else deptInds.push({ level1: d.level1, level2: d.level2, name: d.name, description: d.desc, ...target('ge', pct(d.min, Math.min(99, d.min + 5)), '%'), basis: '年度工作要点' });
  }
  doc.performance = {
    title: '七、预算绩效情况',
    department: { title: `${department}${year}年部门整体绩效目标表`, name: '部门整体', goal: dept.deptGoal, indicators: deptInds },
    projects: projectTables,
  };
  doc.tables = tables;

  // ─── the narrative's sentences ───────────────────────────────────────────────────────────────
  let narrative: NarrativeInfo | undefined;
  if (rng.chance(0.7)) {
    const w = (x: number) => money(x, '万元');
    const chg = (cur: number, prior: number, withRate = true): Obj => {
      const d = cur - prior;
      const o: Obj = { amount: wan(Math.abs(d)), direction: d > 0 ? '增加' : d < 0 ? '减少' : '持平' };
      if (withRate && prior !== 0 && d !== 0) o.rate = num(hundredthsText(percentHundredths(d, prior)));
      return o;
    };
    const says = (cur: number, prior: number) => {
      const d = cur - prior;
      return d === 0 ? '与上年持平' : `比上年${d > 0 ? '增加' : '减少'}${w(Math.abs(d))}万元${prior !== 0 ? `，${d > 0 ? '增长' : '下降'}${hundredthsText(percentHundredths(d, prior))}%` : ''}`;
    };
    const pctOf = (a: number, b: number) => hundredthsText(percentHundredths(a, b));
    const st: Obj[] = [
      { label: '支出预算', amount: wan(total), change: chg(total, pTotal), text: `${year}年本部门支出预算${w(total)}万元，${says(total, pTotal)}。` },
      { label: '基本支出', amount: wan(basic), parent: num('0'), share: num(pctOf(basic, total)), change: chg(basic, pBasic), text: `其中：基本支出${w(basic)}万元，占${pctOf(basic, total)}%，${says(basic, pBasic)}；` },
      { label: '项目支出', amount: wan(projectTotal), parent: num('0'), share: num(pctOf(projectTotal, total)), change: chg(projectTotal, pProject), text: `项目支出${w(projectTotal)}万元，占${pctOf(projectTotal, total)}%，${says(projectTotal, pProject)}。` },
      { label: '人员经费', amount: wan(personnel), parent: num('1'), share: num(pctOf(personnel, basic)), text: `基本支出中，人员经费${w(personnel)}万元，占${pctOf(personnel, basic)}%；` },
      { label: '公用经费', amount: wan(publicCost), parent: num('1'), share: num(pctOf(publicCost, basic)), text: `公用经费${w(publicCost)}万元，占${pctOf(publicCost, basic)}%。` },
      { label: '机关运行经费', amount: wan(publicCost), text: `机关运行经费预算${w(publicCost)}万元。` },
      { label: '“三公”经费', amount: wan(three), change: chg(three, pThree), text: `“三公”经费预算${w(three)}万元，${says(three, pThree)}。` },
      { label: '“三公”经费', amount: wan(three), text: `本部门${year}年“三公”经费预算${w(three)}万元。` },
    ];
    // what project spending is mainly for: the largest projects, by name (主要用于: some of them, not all)
    const listable = projects.filter((p) => !p.fund);
    if (listable.length >= 4) {
      const byAmount = [...listable].sort((a, b) => b.amount - a.amount);
      const top = byAmount.slice(0, rng.int(3, Math.min(6, listable.length - 1)));
      const withShares = rng.chance(0.5);
      top.forEach((p, i) => {
        const of = withShares ? `，占项目支出的${pctOf(p.amount, projectTotal)}%` : '';
        const text = `${i === 0 ? '项目支出主要用于：' : ''}${p.spec.name}${w(p.amount)}万元${of}${i === top.length - 1 ? '。' : '；'}`;
        st.push({ label: p.spec.name, amount: wan(p.amount), parent: num('2'), ...(withShares ? { share: num(pctOf(p.amount, projectTotal)) } : {}), text });
      });
    }
    doc.narrative = st;
    narrative = { total: 0, basic: 1, project: 2, personnel: 3, public: 4, operating: 5, threePublic: 6, threePublicAgain: 7 };
  }

  const tableIndex = Object.fromEntries(TABLE_IDS.map((id, i) => [id, i])) as Record<TableId, number>;
  const shared =
    withShared.length === 2
      ? (() => {
          const [pa, pb] = withShared.map((p) => perf.find((x) => x.name === p.spec.name)!).sort((x, y) => x.index - y.index);
          const pair = (pi: PerfInfo) => pi.pairs.findIndex((x) => x.item === SHARED_WORK.item);
          return { a: { project: pa!.index, pair: pair(pa!) }, b: { project: pb!.index, pair: pair(pb!) } };
        })()
      : undefined;
  return {
    doc,
    info: {
      department,
      style,
      ...(t1Subtotals ? { t1Subtotals } : {}),
      carryover,
      year,
      tableUnit,
      tables: tableIndex,
      hasFund: fund > 0,
      perf,
      deptCopies,
      ...(shared ? { shared } : {}),
      ...(narrative ? { narrative } : {}),
    },
  };
}

/**
 * How many projects a disclosure lists: from 8 to 47 (fewer when the department has fewer), most often
 * 22–33; nine in ten publish a performance table (the canonical example has 20).
 * A sum of uniform draws rather than a transcendental function, so that every platform draws alike.
 */
function projectCount(rng: Rng): number {
  return 5 + rng.int(1, 14) + rng.int(1, 14) + rng.int(1, 14);
}

/**
 * One price for one item (宣传折页 in one project, 环保宣传折页 in another: the same noun, counted alike),
 * as cross-project-prices reads items: equal, or one ending with the other. The first work of a group
 * sets its price.
 */
function samePrices(works: { spec: WorkSpec; price: number }[]): void {
  const same = (a: string, b: string) => {
    const [x, y] = a.length <= b.length ? [a, b] : [b, a];
    return x === y || ([...x].length >= 2 && y.endsWith(x));
  };
  const group = works.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  works.forEach((w, i) =>
    works.forEach((o, j) => {
      if (j <= i || o.spec.counter !== w.spec.counter || !same(w.spec.item, o.spec.item)) return;
      const [a, b] = [root(i), root(j)];
      if (a !== b) group[Math.max(a, b)] = Math.min(a, b);
    }),
  );
  works.forEach((w, i) => (w.price = works[root(i)]!.price));
}

/** Projects filed under one 项 are one row of the classification tables: their leaves added up. */
function mergeLeaves(leaves: Leaf[]): Leaf[] {
  const byCode = new Map<string, Leaf>();
  for (const l of leaves) {
    const m = byCode.get(l.code);
    if (!m) byCode.set(l.code, { ...l });
    else if (m.name !== l.name) throw new Error(`code ${l.code} named ${m.name} and ${l.name}`);
    else {
      m.bg += l.bg;
      m.pg += l.pg;
      m.pf += l.pf;
      m.po += l.po;
      m.pc += l.pc;
    }
  }
  return [...byCode.values()];
}

/** An amount in running text: "10.00万元" when whole in 0.01万元, else "2450元". */
function yuanText(cents: number): string {
  return fitsTwoPlaces(cents, '万元') ? `${money(cents, '万元')}万元` : `${money(cents, '元', 0)}元`;
}

/** 类, 款 and 项 rows, in code order, each with the sums of the leaves below it. */
function functionRows(leaves: Leaf[]): Row[] {
  const byCode = new Map<string, Row>();
  const add = (code: string, name: string, level: number, l: Leaf) => {
    let r = byCode.get(code);
    if (!r) byCode.set(code, (r = { code, name, level, bg: 0, pg: 0, pf: 0, po: 0, pc: 0 }));
    r.bg += l.bg;
    r.pg += l.pg;
    r.pf += l.pf;
    r.po += l.po;
    r.pc += l.pc;
  };
  for (const l of leaves) {
    if (byCode.has(l.code)) throw new Error(`two leaves with code ${l.code}`);
    add(l.code.slice(0, 3), CLASS_NAMES[l.code.slice(0, 3)]!, 1, l);
    add(l.code.slice(0, 5), CLASS_NAMES[l.code.slice(0, 5)]!, 2, l);
    add(l.code, l.name, 3, l);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
