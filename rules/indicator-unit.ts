import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { Bilingual } from '../src/engine/rule.js';
import { defineRule } from '../src/engine/rule.js';
import { memoText, rowsOf, shownValue, squash, tablesOf } from '../src/functions/indicators.js';
import { parseIndicatorValue, type Dimension, type ParsedValue } from '../src/indicators/parse-value.js';
import type { Lexicons } from '../src/model/lexicons.js';
import type { Indicator } from '../src/model/schema.js';

const Options = z.strictObject({
  /** Names ending with one of these are not rates though they end with 率 (a frequency, a power, a speed). */
  notRates: z.array(z.string()).default(['频率', '功率', '速率', '汇率', '效率']),
  /** Rate-like names that may also be scored in 分 ("满意度 ≥90分"). */
  scored: z.array(z.string()).default(['满意度', '指数']),
  /** Names whose money value may leave out the per-unit part ("单价 ≤31元" for 元/把). */
  priceWords: z.array(z.string()).default(['单价', '均价', '价格']),
  /**
   * A number in the description is taken for the value's own number only from this size up: a small
   * number ("7个岗亭") matches a value of 7 by chance too often.
   */
  minDescribedNumber: z.number().min(0).default(10),
  /** Counters that name the same thing: 120名 and ≥120人, 15000册 and ≥1.5万本, 12场 and ≥12次. */
  sameCounters: z.array(z.array(z.string())).default([
    ['人', '名', '位', '人次'],
    ['次', '场', '场次', '期', '轮', '批次'],
    ['本', '册'],
  ]),
});
type Options = z.output<typeof Options>;

type Kind = 'money' | 'rate' | 'duration' | 'energy';
const KINDS: readonly Kind[] = ['money', 'rate', 'duration', 'energy'];

const KIND_NAME: Record<Kind, Bilingual> = {
  money: { zh: '金额', en: 'an amount of money' },
  rate: { zh: '比率', en: 'a rate' },
  duration: { zh: '时长', en: 'a duration' },
  energy: { zh: '用电量', en: 'an amount of electricity' },
};
const KIND_UNITS: Record<Kind, Bilingual> = {
  money: { zh: '元或万元', en: '元 or 万元' },
  rate: { zh: '百分比（%）或千分比（‰）', en: 'a percentage (% or ‰)' },
  duration: { zh: '天、月、年或小时', en: 'days, months, years or hours' },
  energy: { zh: '千瓦时（度）', en: '千瓦时 (度, kWh)' },
};
const DIMENSION_NAME: Record<Dimension, Bilingual> = {
  money: { zh: '金额', en: 'money' },
  count: { zh: '计数单位', en: 'a count' },
  percent: { zh: '百分比', en: 'a percentage' },
  permille: { zh: '千分比', en: 'a per-mille rate' },
  duration: { zh: '时长', en: 'a duration' },
  date: { zh: '日期', en: 'a date' },
  energy: { zh: '电量', en: 'energy' },
  power: { zh: '功率', en: 'power' },
  area: { zh: '面积', en: 'an area' },
  length: { zh: '长度', en: 'a length' },
  weight: { zh: '重量', en: 'a weight' },
  volume: { zh: '体积', en: 'a volume' },
  number: { zh: '不带单位的数', en: 'a bare number' },
  compound: { zh: '复合单位', en: 'a compound unit' },
  qualitative: { zh: '文字', en: 'a word' },
};

/** The name as its head word decides: no spaces, no trailing "(%)" or "（人/户）". */
const TRAILING_ASIDE = /[（(][^（()）]*[）)]$/;
const TRAILING_PUNCT = /[。；;，,、：:]+$/;
const head = memoText((text: string): string => {
  let t = squash(text);
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(TRAILING_ASIDE, '').replace(TRAILING_PUNCT, '');
  }
  return t;
});

type Found = { kind: Kind; word: string };

/** What the rule reads off a name: whether it is only a category, and else the kind of value it calls for. */
interface NameInfo {
  category: boolean;
  kind: Found | undefined;
}
interface Readers {
  kind: (text: string) => Found | undefined;
  name: (name: string) => NameInfo;
}

/** A run has one lexicons and one options object: each distinct name and description is read once. */
const readers = new WeakMap<Lexicons, WeakMap<Options, Readers>>();
function readersOf(lex: Lexicons, opts: Options): Readers {
  let byOpts = readers.get(lex);
  if (!byOpts) readers.set(lex, (byOpts = new WeakMap()));
  let r = byOpts.get(opts);
  if (!r) {
    const kind = memoText((t: string) => findKind(t, lex, opts));
    const name = memoText((n: string): NameInfo => {
      const category = lex.categories.includes(head(n));
      return { category, kind: category ? undefined : kind(n) };
    });
    byOpts.set(opts, (r = { kind, name }));
  }
  return r;
}

/**
 * The kind of value a name calls for, from the word it ends with: in a Chinese compound the last word is
 * the head (资金到位率 is a rate, not money). "X数量" is read as "X量" too, so 电力使用数量 is 电力使用量.
 */
function findKind(text: string, lex: Lexicons, opts: Options): Found | undefined {
  const t = head(text);
  if (t === '') return undefined;
  const t2 = t.replace(QUANTITY_TAIL, '量');
  let best: { kind: Kind; word: string } | undefined;
  for (const kind of KINDS) {
    for (const word of lex.units[kind]) {
      if (!t.endsWith(word) && !t2.endsWith(word)) continue;
      if (!best || word.length > best.word.length) best = { kind, word };
    }
  }
  if (!best) return undefined;
  const { kind, word } = best;
  if (kind === 'rate' && opts.notRates.some((w) => w.length >= word.length && (t.endsWith(w) || t2.endsWith(w)))) return undefined;
  // the word as the name writes it: 电力使用量 matched as 电力使用数量
  return { kind, word: t.endsWith(word) ? word : word.replace(AMOUNT_TAIL, '数量') };
}
const QUANTITY_TAIL = /数量$/;
const AMOUNT_TAIL = /量$/;

const scored = (ind: Indicator, opts: Options) => opts.scored.some((w) => head(ind.name).endsWith(w) || head(ind.description ?? '').endsWith(w));

const isZero = (v: ParsedValue) => (v.number ? v.number.isZero() : v.range ? v.range.low.isZero() && v.range.high.isZero() : false);

/** The value's operator, number and magnitude as written, for a suggested rewrite. */
function numberPart(v: ParsedValue): string {
  const n = v.range ? `${v.range.lowText}-${v.range.highText}` : (v.numberText ?? '');
  return `${v.operator ?? ''}${n}${v.magnitude ?? ''}`;
}

const unitOf = memoText((p: string) => parseIndicatorValue(`1${p}`));
const partDimension = (p: string): Dimension | undefined => {
  const r = unitOf(p);
  return r.ok ? r.value.dimension : undefined;
};

const gotOf = (v: ParsedValue): Bilingual => {
  const d = DIMENSION_NAME[v.dimension];
  return v.unit ? { zh: `${d.zh}“${v.unit}”`, en: `${d.en} ("${v.unit}")` } : d;
};

// a number in a description and the unit written after it: "纸杯25000个", "39元/台/月"
const DESCRIBED_RE = /(?<![\d.])(\d+(?:\.\d+)?)(万|千|亿)?((?:\p{Script=Han}|[/／])+)/gu;

export default defineRule({
  meta: {
    id: 'indicator-unit',
    type: 'problem',
    description: {
      zh: '指标值的单位与指标相符：单价、成本、费用以元计，比率以 % 计，时长以天、月、年计，电量以千瓦时计；与描述中同一数值的单位一致',
      en: 'The unit of an indicator value fits the indicator: prices and costs in 元, rates in %, durations in days, months or years, electricity in 千瓦时; and matches the unit the description gives the same figure',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      kind: {
        zh: '指标“{{name}}”是{{kind}}（{{why}}），指标值 {{value}} 应以{{expected}}计，所写的却是{{got}}',
        en: 'indicator "{{name}}" is {{kind}} ({{why}}): its value {{value}} should be in {{expected}}, but it is {{got}}',
      },
      noUnit: {
        zh: '指标“{{name}}”是{{kind}}（{{why}}），指标值 {{value}} 没有写单位：应为 {{expected}}',
        en: 'indicator "{{name}}" is {{kind}} ({{why}}), but its value {{value}} has no unit: expected {{expected}}',
      },
      priceOrder: {
        zh: '指标“{{name}}”的值 {{value}} 单位写成“{{unit}}”：价格的单位以金额开头，应为 {{expected}}',
        en: 'indicator "{{name}}" has the unit "{{unit}}" in {{value}}: a price puts the money first, expected {{expected}}',
      },
      rateAsDate: {
        zh: '指标“{{name}}”是比率（{{why}}），指标值 {{value}} 却是{{got}}：要么写比率（如 ≥95%），要么把指标改为完成时限',
        en: 'indicator "{{name}}" is a rate ({{why}}), but its value {{value}} is {{got}}: give the rate (such as ≥95%), or make the indicator a deadline',
      },
      energyPower: {
        zh: '指标“{{name}}”是用电量（{{why}}），指标值 {{value}} 的单位“{{unit}}”是功率：电量以千瓦时（度）计，应为 {{expected}}',
        en: 'indicator "{{name}}" is an amount of electricity ({{why}}), but "{{unit}}" in {{value}} is a unit of power: electricity is counted in 千瓦时 (度), expected {{expected}}',
      },
      describedUnit: {
        zh: '指标“{{name}}”的描述写“{{described}}”，指标值却是 {{value}}：同一数值的单位应一致（应为 {{expected}}）',
        en: 'the description of indicator "{{name}}" says "{{described}}", but its value is {{value}}: the same figure should have the same unit (expected {{expected}})',
      },
    },
    docs: 'docs/rules/indicator-unit.md',
  },
  check(ctx) {
    const opts = ctx.options;
    const read = readersOf(ctx.lexicons, opts);
    for (const { path, table } of tablesOf(ctx.doc)) {
      const rows = rowsOf(table.indicators);
      table.indicators.forEach((ind, i) => {
        const row = rows[i]!;
        const r = row.value;
        if (!r?.ok) return;
        const v = r.value;
        const at = (field: 'value' | 'unit') => [...path, 'indicators', i, field === 'unit' && ind.unit !== undefined ? 'unit' : 'value'];
        // a table that repeats the category in the name column names the indicator in the description
        const info = read.name(row.name);
        const name = () => (info.category && ind.description ? ind.description.trim() : ind.name);

        // 1. the kind of value the name (or, for a name that is only a category, the description) calls for
        const fromName = info.kind;
        const fromDescription = fromName || !row.description ? undefined : read.kind(row.description);
        const found = fromName ?? fromDescription;
        if (found) {
          const reported = checkKind(found.kind, v, ind, opts, (messageId, data, field = 'value') => {
            const why: Bilingual = fromName
              ? { zh: `名称以“${found.word}”结尾`, en: `its name ends with "${found.word}"` }
              : { zh: `描述以“${found.word}”结尾`, en: `its description ends with "${found.word}"` };
            const base = { name: name(), value: shownValue(ind), why, kind: KIND_NAME[found.kind] };
            ctx.report({ path: at(field), messageId, data: { ...base, ...data } });
          });
          if (reported) return;
        }

        // 2. the unit the description gives the same figure
        const described = describedUnit(ind, v, opts);
        if (described) {
          ctx.report({ path: at('unit'), messageId: 'describedUnit', data: { name: name(), value: shownValue(ind), ...described } });
        }
      });
    }
  },
});

type Emit = (messageId: string, data: Record<string, string | Bilingual>, field?: 'value' | 'unit') => void;

/** Reports a value that does not fit the kind; true when it did. */
function checkKind(kind: Kind, v: ParsedValue, ind: Indicator, opts: Options, emit: Emit): boolean {
  const d = v.dimension;
  if (d === 'qualitative') return false; // a word is indicator-value-kind's business
  const parts = v.compoundUnit ?? [];
  const wrong = () => {
    emit('kind', { expected: KIND_UNITS[kind], got: gotOf(v) }, 'unit');
    return true;
  };
  switch (kind) {
    case 'money': {
      if (d === 'money') return false;
      if (d === 'compound') {
        const money = parts.findIndex((p) => partDimension(p) === 'money');
        if (money === 0) return false;
        if (money < 0) return wrong();
        const order = [parts[money]!, ...parts.filter((_, j) => j !== money)];
        emit('priceOrder', { unit: v.unit, expected: `${numberPart(v)}${order.join('/')}` }, 'unit');
        return true;
      }
      if (d === 'number') {
        if (isZero(v)) return false;
        const n = numberPart(v);
        const expected: Bilingual = v.magnitude ? { zh: `${n}元`, en: `${n}元` } : { zh: `${n}元或${n}万元`, en: `${n}元 or ${n}万元` };
        emit('noUnit', { expected });
        return true;
      }
      return wrong();
    }
    case 'rate': {
      if (d === 'percent' || d === 'permille') return false;
      if (d === 'compound' && parts.some((p) => ['percent', 'permille'].includes(partDimension(p) ?? ''))) return false;
      if (d === 'count' && v.baseUnit === '分' && scored(ind, opts)) return false;
      if (d === 'date' || d === 'duration') {
        emit('rateAsDate', { got: d === 'date' ? { zh: '一个日期', en: 'a date' } : { zh: '一个时长', en: 'a duration' } });
        return true;
      }
      if (d === 'number') {
        // a bare number may be a score (满意度 4.5) where scores are allowed; 0 is 0 in any unit
        if (isZero(v) || scored(ind, opts)) return false;
        emit('noUnit', { expected: `${numberPart(v)}%` });
        return true;
      }
      return wrong();
    }
    case 'duration': {
      if (d === 'duration' || d === 'date' || d === 'number') return false;
      if (d === 'compound' && parts.some((p) => partDimension(p) === 'duration')) return false;
      return wrong();
    }
    case 'energy': {
      if (d === 'energy' || d === 'number') return false;
      if (d === 'compound' && parts.some((p) => partDimension(p) === 'energy')) return false;
      if (d === 'power') {
        emit('energyPower', { unit: v.unit, expected: `${numberPart(v)}${v.unit.replace(/^(千|兆)?瓦$/, '$1瓦时').replace(/^(k|K|M)?W$/i, '$1Wh')}` }, 'unit');
        return true;
      }
      return wrong();
    }
  }
}

/**
 * The description writes the value's own number with another unit: "纸杯25000个" against ≥25000张, or
 * "39元/台/月" against 39元 where the name is not a unit price (for 单价 the per-unit part goes without saying).
 */
function describedUnit(ind: Indicator, v: ParsedValue, opts: Options): { described: string; expected: string } | undefined {
  if (!ind.description || !v.scaled || v.range) return undefined;
  if (v.dimension !== 'count' && v.dimension !== 'money') return undefined;
  if ((v.scaled.isNeg() ? v.scaled.negated() : v.scaled).lt(decimalOf(opts.minDescribedNumber))) return undefined;
  let other: { described: string; expected: string } | undefined;
  for (const m of (v.dimension === 'count' ? describedCounts : describedMoney)(ind.description)) {
    const p = m.value;
    if (!p.scaled!.eq(v.scaled)) continue;
    const found = { described: `${m.number}${p.unit}`, expected: `${numberPart(v)}${p.unit}` };
    if (v.dimension === 'count') {
      if (p.dimension !== 'count') continue;
      if (sameCounter([v.unit, ...(v.unitAlternatives ?? [])], p.unit, opts)) return undefined;
      other ??= found;
      continue;
    }
    // money: "39元/台/月" against a bare 元
    if (p.dimension === 'money') return undefined;
    if (v.unit !== '元' || p.dimension !== 'compound' || partDimension(p.compoundUnit![0]!) !== 'money') continue;
    if (opts.priceWords.some((w) => head(ind.name).endsWith(w))) return undefined;
    other ??= found;
  }
  return other;
}

/**
 * The numbers a description writes, each read with the unit after it as a value of the given dimension
 * would take it (firstUnit); only those that read as a number with a unit. Once per distinct description.
 */
function describedAs(dimension: 'count' | 'money') {
  return memoText((text: string): readonly { number: string; value: ParsedValue }[] => {
    if (!/\d/.test(text)) return []; // every match starts with a digit
    const out: { number: string; value: ParsedValue }[] = [];
    for (const m of text.matchAll(DESCRIBED_RE)) {
      const number = `${m[1]}${m[2] ?? ''}`;
      const parsed = parseIndicatorValue(`${number}${firstUnit(m[3]!, dimension)}`);
      if (parsed.ok && parsed.value.scaled) out.push({ number, value: parsed.value });
    }
    return out;
  });
}
const describedCounts = describedAs('count');
const describedMoney = describedAs('money');

/** The option as a Decimal, made once for the run's one value. */
let minDescribed: { n: number; d: Decimal } | undefined;
const decimalOf = (n: number): Decimal => (minDescribed?.n === n ? minDescribed.d : (minDescribed = { n, d: new Decimal(n) }).d);

/** The description's counter (one character, as read) names the same thing as one of the value's. */
function sameCounter(mine: string[], theirs: string, opts: Options): boolean {
  return mine.some((u) => u[0] === theirs[0] || opts.sameCounters.some((g) => g.includes(theirs) && (g.includes(u) || g.includes(u[0]!))));
}

/** The unit that starts a run of Han text after a number: one counter character, or a compound with "/". */
function firstUnit(run: string, dimension: Dimension): string {
  if (dimension === 'money') {
    const m = /^元(?:[/／]\p{Script=Han}{1,2}(?![\p{Script=Han}]))+/u.exec(run) ?? /^元/.exec(run);
    return m ? m[0] : run.slice(0, 1);
  }
  return run.slice(0, 1);
}
