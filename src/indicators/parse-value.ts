/**
 * Parser for performance-indicator values (绩效指标 指标值) as people actually write them:
 * "≥3.2万户", "≤12月份", "100%以上", "1-3个月", "显著".
 *
 * It runs on every indicator of thousands of documents, so it is pure and linear-time: regexes
 * are compiled once, anchored, and each quantifier runs over a class disjoint from what follows,
 * so no input can cause catastrophic backtracking. Numbers are built from source text only.
 */
import { Decimal } from 'decimal.js';

export type Operator = '≥' | '≤' | '=' | '>' | '<' | '≠';
export type Dimension = 'money' | 'count' | 'percent' | 'permille' | 'duration' | 'date' | 'energy' | 'power'
  | 'area' | 'length' | 'weight' | 'volume' | 'number' | 'compound' | 'qualitative';

export interface ParsedValue {
  text: string;
  operator?: Operator;
  number?: Decimal;
  numberText?: string;
  decimals?: number;
  magnitude?: '万' | '亿' | '千' | '百' | '百万' | '千万';
  scaled?: Decimal;
  unit: string;
  baseUnit?: string;
  dimension: Dimension;
  range?: { low: Decimal; high: Decimal; lowText: string; highText: string };
  date?: { year?: number; month?: number; day?: number };
  qualitative?: string;
  unitAlternatives?: string[];
  compoundUnit?: string[];
}

export type ParseResult =
  | { ok: true; value: ParsedValue }
  | { ok: false; text: string; reason: 'empty' | 'unparseable'; message: { zh: string; en: string } };

// Operator spellings seen in published tables, space-separated.
const OPERATOR_SPELLINGS: Record<Operator, string> = {
  '≥': '>= ＞= ＞＝ ≥ ≧ 大于等于 大于或等于 不低于 不少于 不小于 不得低于 不得少于',
  '≤': '<= ＜= ＜＝ ≤ ≦ 小于等于 小于或等于 不超过 不高于 不大于 不多于 不得超过 不得高于',
  '=': '== ＝ = 等于',
  '>': '> ＞ 大于 高于',
  '<': '< ＜ 小于 低于',
  '≠': '≠ != 不等于',
};
const OPERATOR_OF = new Map<string, Operator>();
for (const [op, spellings] of Object.entries(OPERATOR_SPELLINGS) as [Operator, string][]) {
  for (const s of spellings.split(' ')) OPERATOR_OF.set(s, op);
}
// Longest spelling first, so "大于等于" is never read as "大于" followed by "等于".
const OPERATOR_RE = new RegExp(`^(?:${[...OPERATOR_OF.keys()]
  .sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);

// Trailing words that carry the operator ("100%以上", "3个月以内", "5天内"); longest first.
const SUFFIX_OPERATORS: ReadonlyArray<readonly [string, Operator]> = [
  ['及以上', '≥'], ['以上', '≥'], ['及以下', '≤'], ['以下', '≤'], ['以内', '≤'], ['之内', '≤'], ['内', '≤'],
];

// Units by dimension: '|' separates groups, "base:aliases" maps aliases to a canonical base unit;
// a group without ':' makes every alias its own base (count words).
const UNIT_TABLE: Partial<Record<Dimension, string>> = {
  money: '元:元',
  percent: '%:% ％ 百分比 百分之|百分点:百分点 个百分点',
  permille: '‰:‰ 千分比',
  duration: '天:天 日 个日|工作日:工作日 个工作日|月:月 个月|年:年 个年|周:周 个周 星期 个星期|季度:季度 个季度'
    + '|小时:小时 个小时 h|分钟:分钟 min|秒:秒 s',
  energy: '千瓦时:千瓦时 度 kWh kwh KWh KWH kW·h|兆瓦时:兆瓦时 MWh',
  power: '千瓦:千瓦 kW KW kw|瓦:瓦 W|兆瓦:兆瓦 MW',
  area: '平方米:平方米 平米 ㎡ m² m2|平方公里:平方公里 km² km2|亩:亩|公顷:公顷',
  length: '米:米 m|公里:公里 千米 km KM|厘米:厘米 cm|毫米:毫米 mm',
  weight: '吨:吨 t|千克:千克 公斤 kg|克:克 g|斤:斤',
  volume: '立方米:立方米 方 m³ m3|升:升 L|毫升:毫升 ml mL',
  // 分 here is a score ("≥90分"), not minutes.
  count: '台 个 套 项 次 人 人次 户 条 份 本 件 张 把 支 箱 盒 包 辆 名 场 期 篇 批 家 所 座 处 块 册 部 只 袋 瓶 桶'
    + ' 卷 组 间 栋 节 课时 天次 人天 分 株 棵 头 单 例 宗 起 门 架 艘 幅 段 所次 户次 批次 项次',
};
const UNITS = new Map<string, { base: string; dimension: Dimension }>();
for (const [dimension, groups] of Object.entries(UNIT_TABLE) as [Dimension, string][]) {
  for (const group of groups.split('|')) {
    const colon = group.indexOf(':');
    for (const alias of group.slice(colon + 1).split(' ')) {
      UNITS.set(alias, { base: colon < 0 ? alias : group.slice(0, colon), dimension });
    }
  }
}
const NON_COUNT_CHARS = new Set([...UNITS].filter(([u, i]) => u.length === 1 && i.dimension !== 'count').map(([u]) => u));
// Units that begin with a magnitude character ("百分比", "千瓦"): never split them into 百 + 分比.
const MAGNITUDE_LED_UNITS = [...UNITS.keys()].filter((u) => /^[万亿千百]/.test(u));
const MAGNITUDE_EXPONENT = { 百万: 6, 千万: 7, 万: 4, 亿: 8, 千: 3, 百: 2 } as const;
const MAGNITUDE_RE = /^(?:百万|千万|万|亿|千|百)/;

// Thousands groups must be exact ("182,000"); "1,5" stops after "1" and fails on the unit.
const NUMBER_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
const RANGE_SEP_RE = /^([%％‰]?)(?:——|—|–|-|~|～|〜|至|到)/;
const DATE_TAIL = '(之前|以前|前|之后|以后|后)?(?:完成|完工|竣工|办结)?$';
const DATE_CN_RE = new RegExp(
  `^(?:(\\d{4})年度?)?(?:(\\d{1,2})月(份)?(?:(\\d{1,2})[日号])?)?(底|末|初|上旬|中旬|下旬)?${DATE_TAIL}`);
const DATE_NUM_RE = new RegExp(`^(\\d{4})([./-])(\\d{1,2})(?:\\2(\\d{1,2}))?${DATE_TAIL}`);
const HAN_RE = /\p{Script=Han}/u;
const HAN_WORD_RE = /^\p{Script=Han}{1,3}$/u;
const SLASH_RE = /[/／]/;
const UNIT_SPLIT_RE = /[/／()（）]/;
const COMPOUND_PART_RE = /^[\p{Script=Han}A-Za-z%‰²³㎡·]{1,6}$/u;
const ALTERNATIVES_RE = /^([^()（）]+)[(（]([^()（）]+)[)）]$/;
const FULLWIDTH_RE = /[０-９．－＋]/g;
const FULLWIDTH_COMMA_RE = /(?<=\d)，(?=\d{3})/g;
const NONE_RE = /^(?:[-—–/／\\]+|无)$/; // a unit column saying "no unit"
const TRAILING_PUNCT = new Set(['。', '；', ';', '，', ',', '、']);

type UnitClass = Pick<ParsedValue, 'baseUnit' | 'dimension' | 'unitAlternatives' | 'compoundUnit'>;

function classifyUnit(unit: string): UnitClass | null {
  if (unit === '') return { dimension: 'number' };
  const known = UNITS.get(unit);
  if (known) return { baseUnit: known.base, dimension: known.dimension };
  if (SLASH_RE.test(unit)) {
    const parts = unit.split(SLASH_RE);
    if (!parts.every((p) => COMPOUND_PART_RE.test(p))) return null;
    return { dimension: 'compound', compoundUnit: parts, baseUnit: parts.map((p) => UNITS.get(p)?.base ?? p).join('/') };
  }
  const alt = ALTERNATIVES_RE.exec(unit); // "支（箱）": either unit is acceptable
  if (alt) {
    const first = classifyUnit(alt[1]!);
    const second = classifyUnit(alt[2]!);
    if (!first || !second || first.unitAlternatives || first.compoundUnit || first.dimension === 'number') return null;
    return { ...first, unitAlternatives: [alt[1]!, alt[2]!] };
  }
  // Unlisted short Han units after a number ("辆次", "个项目") are almost always counters, unless
  // they contain a unit of another dimension ("13月份", "5元元"): then the value is malformed.
  const counter = HAN_WORD_RE.test(unit) && ![...unit].some((c) => NON_COUNT_CHARS.has(c));
  return counter ? { baseUnit: unit, dimension: 'count' } : null;
}

function parseDate(s: string): { date: NonNullable<ParsedValue['date']>; operator?: Operator } | null {
  let y: string | undefined, mo: string | undefined, d: string | undefined, tail: string | undefined;
  const cn = DATE_CN_RE.exec(s);
  if (cn) {
    [, y, mo, , d, , tail] = cn;
    // A bare "12月" is a duration (12 months); a month-of-year needs 份, a day, 底/初, 前/后 or a year.
    if (!y && (!mo || (!cn[3] && !d && !cn[5] && !tail))) return null;
  } else {
    const m = DATE_NUM_RE.exec(s);
    if (!m || (m[2] === '.' && !m[4])) return null; // "2021.12" is a decimal number, not a date
    [, y, , mo, d, tail] = m;
  }
  const date: NonNullable<ParsedValue['date']> = {};
  if (y) { date.year = Number(y); if (date.year < 1900 || date.year > 2100) return null; }
  if (mo) { date.month = Number(mo); if (date.month < 1 || date.month > 12) return null; }
  if (d) { date.day = Number(d); if (date.day < 1 || date.day > 31) return null; }
  if (!tail) return { date };
  return { date, operator: tail.endsWith('前') ? '≤' : '≥' };
}

function fail(text: string, reason: 'empty' | 'unparseable' = 'unparseable'): ParseResult {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const message = reason === 'empty'
    ? { zh: '指标值为空', en: 'indicator value is empty' }
    : { zh: `无法解析指标值"${shown}"`, en: `cannot parse indicator value "${shown}"` };
  return { ok: false, text, reason, message };
}

/** Joins separate operator / value / unit table columns; skips parts the value already carries. */
function combine(value: string, columns?: { operator?: string; unit?: string }): string {
  if (!columns || !/[0-9０-９]/.test(value)) return value; // word values take no operator/unit column
  const op = columns.operator?.trim() ?? '';
  const unit = columns.unit?.trim() ?? '';
  let s = value;
  if (op && !NONE_RE.test(op) && !OPERATOR_RE.test(s)) s = op + s;
  if (unit && !NONE_RE.test(unit) && !s.endsWith(unit)) s += unit;
  return s;
}

/** Drops all whitespace (incl. U+3000), folds full-width digits/signs, trims trailing punctuation. */
function normalise(s: string): string {
  const out = s.replace(/\s+/g, '')
    .replace(FULLWIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(FULLWIDTH_COMMA_RE, ',');
  let end = out.length;
  while (end > 0 && TRAILING_PUNCT.has(out[end - 1]!)) end--;
  return out.slice(0, end);
}

/** "台", "元/人", "支（箱）": a unit with its number missing. */
const isBareUnit = (s: string): boolean => s.split(UNIT_SPLIT_RE).every((p) => p === '' || UNITS.has(p));

const decimalsOf = (t: string): number => (t.includes('.') ? t.length - t.indexOf('.') - 1 : 0);

export function parseIndicatorValue(text: string, columns?: { operator?: string; unit?: string }): ParseResult {
  if (text.trim() === '') return fail(text, 'empty');
  const s = normalise(combine(text.trim(), columns));
  const opMatch = OPERATOR_RE.exec(s);
  let operator = opMatch ? OPERATOR_OF.get(opMatch[0]) : undefined;
  let rest = opMatch ? s.slice(opMatch[0].length) : s;
  if (rest === '') return fail(text);

  if (!/[0-9]/.test(rest)) {
    // Word values ("显著", "≥良好"); a bare unit ("≥台") or punctuation ("—") is not a value.
    if (!HAN_RE.test(rest) || OPERATOR_RE.test(rest) || isBareUnit(rest)) return fail(text);
    const value: ParsedValue = { text, unit: '', dimension: 'qualitative', qualitative: rest };
    if (operator) value.operator = operator;
    return { ok: true, value };
  }

  const date = parseDate(rest);
  if (date) {
    const value: ParsedValue = { text, unit: '', dimension: 'date', date: date.date };
    operator ??= date.operator;
    if (operator) value.operator = operator;
    return { ok: true, value };
  }

  const prefixUnit = rest.startsWith('百分之') ? '百分之' : ''; // "百分之95"
  rest = rest.slice(prefixUnit.length);
  const first = NUMBER_RE.exec(rest);
  if (!first) return fail(text);
  let pos = first[0].length;
  let second: string | undefined;
  let lowUnit = '';
  const sep = RANGE_SEP_RE.exec(rest.slice(pos)); // "1-3个月", "80%-90%"
  if (sep) {
    const high = NUMBER_RE.exec(rest.slice(pos + sep[0].length));
    if (high) { second = high[0]; lowUnit = sep[1]!; pos += sep[0].length + high[0].length; }
  }

  let unit = rest.slice(pos);
  for (const [word, op] of SUFFIX_OPERATORS) {
    if (unit.endsWith(word)) { unit = unit.slice(0, -word.length); operator ??= op; break; }
  }
  let magnitude: keyof typeof MAGNITUDE_EXPONENT | undefined;
  if (!MAGNITUDE_LED_UNITS.some((u) => unit.startsWith(u))) {
    const m = MAGNITUDE_RE.exec(unit);
    if (m) { magnitude = m[0] as keyof typeof MAGNITUDE_EXPONENT; unit = unit.slice(m[0].length); }
  }
  if (prefixUnit) {
    if (unit !== '' || magnitude) return fail(text);
    unit = prefixUnit;
  }
  const cls = classifyUnit(unit);
  if (!cls) return fail(text);
  if (lowUnit && UNITS.get(lowUnit)?.base !== cls.baseUnit) return fail(text);

  const value: ParsedValue = { text, unit, ...cls };
  if (operator) value.operator = operator;
  if (magnitude) value.magnitude = magnitude;
  const lowText = first[0].replace(/,/g, '');
  if (second !== undefined) {
    const highText = second.replace(/,/g, '');
    value.range = { low: new Decimal(lowText), high: new Decimal(highText), lowText, highText };
  } else {
    value.numberText = lowText;
    value.number = new Decimal(lowText);
    value.decimals = decimalsOf(lowText);
    // Shift the exponent in the string rather than multiply, so no precision setting can round it.
    value.scaled = magnitude ? new Decimal(`${lowText}e${MAGNITUDE_EXPONENT[magnitude]}`) : value.number;
  }
  return { ok: true, value };
}
