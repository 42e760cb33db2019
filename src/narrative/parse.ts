/**
 * The figures a narrative paragraph states, in the phrasings budget disclosures use:
 *
 *   2021年支出预算2913.49万元，其中基本支出541.96万元，包括人员类项目经费485.58万元和运转类公用经费56.38万元；项目支出2371.53万元。
 *   2021年预算收支安排2913.49万元，较2020年预算减少182.65万元，其中：基本支出增加29.49万元…；项目支出减少212.14万元…
 *   本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%；
 *   与2023年度相比，收入支出总计减少56.95万元，下降1.87%。
 *   2025年“三公”经费预算数为0.95万元，与2024年预算持平。其中：（一）因公出国（境）费0万元…（二）…
 *
 * Each amount (元/万元/亿元) is a statement with the words before it as its label; 其中/包括/分别为/主要用于 and
 * "X中，" make the figures that follow parts of the figure before (parent), until the list ends; 占…的x% is a
 * share of the figure it follows; a comparison with a year (较/比/与…相比/同比) and a direction word
 * (增加/减少/持平…) with an amount or a rate is a change, of the figure it follows or of the figure its own
 * label names. Blank placeholders ("占 %", "减少 万元", "增长 %", "XX万元") are statements with `blank`.
 *
 * One pass over the text with sticky regular expressions compiled once; a label is read backwards at most 40
 * characters. It never throws: what it cannot read it leaves out, with a note.
 */
import { Decimal } from 'decimal.js';
import { decimalsOf, normaliseNumberText } from '../arith/decimal.js';
import { moneyExponent, type MoneyUnit } from '../arith/units.js';
import type { Stated } from '../model/scalars.js';
import type { Change, Statement } from '../model/schema.js';
import { compact, normaliseLabel } from './normalise.js';

export type OffsetField = 'label' | 'amount' | 'share' | 'change' | 'rate' | 'blank';

export interface NarrativeOffset {
  /** index into statements */
  statement: number;
  field: OffsetField;
  /** [start, end) in the text given */
  start: number;
  end: number;
}

export interface NarrativeNote {
  zh: string;
  en: string;
  start: number;
  end: number;
}

export interface ParsedNarrative {
  statements: Statement[];
  offsets: NarrativeOffset[];
  notes: NarrativeNote[];
}

type Direction = NonNullable<Change['direction']>;

// ---------------------------------------------------------------------------------------------------------
// The patterns, compiled once. They run on the compact text (see normalise.ts): no whitespace, simplified
// characters, Chinese punctuation, ASCII digits.

const NUM = '-?\\d+(?:,\\d{3})*(?:\\.\\d+)?';
const PLACEHOLDER = '[Xx×*]+(?:\\.[Xx×*]+)?';
const RE_NUM = new RegExp(NUM, 'y');
const RE_PLACEHOLDER = new RegExp(`${PLACEHOLDER}(?=亿元|万元|元|%)`, 'y');
const RE_MONEY_UNIT = /亿元|万元|元/y;
/** what may follow a number that makes it a count, not money: a count blocks 其中 from reaching past it */
const RE_COUNT_UNIT = /平方米|公里|千米|千瓦时|千瓦|个百分点|[个辆人台套份项次户家条名处所间件本张把只批天岁栋座棵株吨米分万亿]/y;
const RE_THRESHOLD = /(?:（含）)?(?:及以上|及以下|以上|以下|以内|起)/y;
/** 较2020年预算 / 比上年 / 与2023年度相比 / 和上年同期相比 */
const RE_COMP_YOY =
  /(?:较|比|与|和|相较于?|相比于?)(?:上年度?|去年|上一年度?|\d{4}年度?)(?:同期)?(?:的)?(?:年初)?(?:预算数?|决算数?|执行数|实际数|数)?(?:相比较?|比较)?(?:而言)?/y;
const RE_COMP_TONGBI = /同比/y;
/** 与预算数 / 比年初预算: a comparison with the budget, not with last year */
const RE_COMP_OTHER = /(?:较|比|与|和)(?:年初预算数?|调整预算数?|预算数?|决算数?|计划数?)(?:相比较?|比较)?(?=(?:基本|略有|有所|略)?(?:持平|一致|增加|增长|上升|减少|下降|降低))/y;
const RE_DIR = /(?:增长幅度|下降幅度|基本持平|基本一致|持平|无变化|没有变化|不变|一致|增加|增长|上升|减少|下降|降低|增幅|涨幅|降幅|增长率|下降率)/y;
const RE_DIR_SINGLE = /[增减](?=了?约?-?\d)/y;
/** 基本持平, 略有增加: a hedge before the direction word */
const RE_HEDGE = /(?:基本|略有|有所|略)?/y;
const RE_AFTER_DIR = new RegExp(`(?:了约|约为|了|为|约|达)?(?:(${NUM})|(${PLACEHOLDER}))?(亿元|万元|元|%)?`, 'y');
const RE_SHARE = new RegExp(
  `占(?:比)?(?:为|是)?(?:([^，。；：、！？\\n%\\d]{1,30}?)的)?(?:比重|比例)?(?:为|是|约|达)?(?:(${NUM})|(${PLACEHOLDER}))?%`,
  'y',
);
const RE_MARKER = /(?:其中|具体包括|主要包括|包括|包含|分别为|分别是|主要用于以下几个方面|主要用于以下方面|主要用于)[：，]?/y;
const RE_ENUM = /(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）、?|（(\d+)）|(\d+)、|(\d+)\.(?!\d)|([①-⑳]))/y;
const RE_ABOVE = /^(?:以上|上述)(?:各项|几项|费用|经费|资金)?(?:合计|共计|总计|约计|共需|共|计|总额)(?:为|约|约为|是)?$/;
const RE_IN_INTRO = /([^，。；：、！？\n（）%\d]{2,30}?)中[，：]/y;
/** "财政拨款支出主要内容如下：": the parts of a figure stated before, listed next */
const RE_CONTENT_INTRO = /([^，。；：、！？\n（）%\d]{2,30}?)(?:的)?(?:主要内容|具体内容|具体情况|主要构成|构成情况|明细)(?:如下|是|为)?：/y;

const LABEL_LEAD =
  /^(?:按照|其中|具体包括|主要包括|包括|包含|分别为|分别是|含|以及|和|及|与|另外|另有|另|此外|还有|主要用于|用于|涉及|安排|我部门|本部门|我单位|本单位|我局|本局|我委|本委|全年|在)/;
const LABEL_TRAIL = /(?:为|是|达到|达|约为|约|共计|约计|安排了|安排|预计)$/;
const LABEL_TRAIL_BUDGET = /(?:预算安排|预算数|预算|决算数|决算)$/;
const LABEL_ORG = /^.{0,30}[市县区省州旗镇乡].{0,20}(?:委员会|局|办公室|中心|院|厅|政府)/;
const LABEL_DATE = /^.*\d{4}年度?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:末|底|初)?/;

const STOP = new Set(['，', '。', '；', '：', '、', '！', '？', '\n', '\r', '\t', '%']);
/** "\n" is a line that breaks the text (after a heading, before an enumeration mark), "\r" a blank line, "\t" a table cell's edge */
const SENTENCE_END = new Set(['。', '！', '？', '\n', '\r', '\t']);
const TIGHT = new Set(['、', '和', '及', '与']);
/** an amount after one of these is a target (≤511.89万元), not a figure the text states */
const TARGET_SIGN = new Set(['≤', '≥', '<', '>', '=', '＜', '＞', '＝', '≦', '≧']);
const HAN = /[\u4e00-\u9fff]/;
/** the characters the scan stops at; anything else is passed over */
const TRIGGER = new Set([...'。！？\n\r\t；，（）较比与和相同占增减上下降持无没不一涨其具主包分0123456789-Xx×*万亿元、及']);

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function cnNumber(s: string): number {
  if (s.length === 1) return CN_DIGIT[s] ?? 0;
  if (s[0] === '十') return 10 + (CN_DIGIT[s[1]!] ?? 0);
  if (s[1] === '十') return (CN_DIGIT[s[0]!] ?? 0) * 10 + (s[2] ? CN_DIGIT[s[2]] ?? 0 : 0);
  return 0;
}

const INCREASE = new Set<Direction>(['增加', '增长', '上升']);
const DECREASE = new Set<Direction>(['减少', '下降', '降低']);

function directionOf(word: string): { dir: Direction; rateOnly: boolean; flat: boolean; alias?: boolean } {
  switch (word) {
    case '基本持平':
    case '持平':
      return { dir: '持平', rateOnly: false, flat: true };
    case '无变化':
    case '没有变化':
      return { dir: '无变化', rateOnly: false, flat: true };
    case '不变':
      return { dir: '不变', rateOnly: false, flat: true };
    case '一致':
    case '基本一致':
      return { dir: '持平', rateOnly: false, flat: true, alias: true };
    case '增幅':
    case '增长幅度':
    case '涨幅':
    case '增长率':
      return { dir: '增长', rateOnly: true, flat: false };
    case '降幅':
    case '下降率':
    case '下降幅度':
      return { dir: '下降', rateOnly: true, flat: false };
    case '增':
      return { dir: '增加', rateOnly: false, flat: false, alias: true };
    case '减':
      return { dir: '减少', rateOnly: false, flat: false, alias: true };
    default:
      return { dir: word as Direction, rateOnly: false, flat: false };
  }
}

function sign(d: Direction | undefined): 1 | -1 | 0 | undefined {
  if (!d) return undefined;
  if (INCREASE.has(d)) return 1;
  if (DECREASE.has(d)) return -1;
  return 0;
}

function stated(text: string): Stated {
  const norm = normaliseNumberText(text);
  return { value: new Decimal(norm), text: norm, decimals: decimalsOf(norm) };
}

/** An amount written in one unit, in another: exact, with the places that keep its rounding the same. */
function convert(s: Stated, from: MoneyUnit, to: MoneyUnit): Stated {
  if (from === to) return s;
  const shift = moneyExponent(from) - moneyExponent(to);
  const value = s.value.times(new Decimal(10).pow(shift));
  const decimals = Math.max(0, s.decimals - shift);
  const text = value.toFixed(decimals);
  return { value, text, decimals };
}

// ---------------------------------------------------------------------------------------------------------

interface Rec {
  label: string;
  norm: string;
  amount?: Stated;
  unit?: MoneyUnit;
  parent?: number;
  share?: Stated;
  of?: string;
  change?: { amount?: Stated; direction?: Direction; rate?: Stated };
  /** the unit the change amount was written in, when the statement has no amount of its own */
  changeUnit?: MoneyUnit;
  blank?: string;
  sentence: number;
}

interface Scope {
  /** the statements the parts belong to: one, or several for parallel series (年初预算…，支出决算…) */
  parents: number[];
  /** opened inside another list (包括 inside 其中): closes at "；" */
  inner: boolean;
  /** opened inside an enumerated item: closes at the end of the sentence */
  inItem: boolean;
  /** opened right after "（": closes with its bracket */
  paren: number;
  /** items joined by 、和及与 so far (an inner list of that kind closes at "，") */
  tight?: boolean;
  items: number;
  enumStyle?: string;
  enumOrdinal?: number;
  itemTop: number[];
  /** the parent states a change: a part's bare "持平" is a change too */
  changeContext: boolean;
}

class Parser {
  private readonly c: string;
  private readonly at: number[];
  private readonly recs: Rec[] = [];
  private readonly offsets: NarrativeOffset[] = [];
  private readonly notes: NarrativeNote[] = [];
  private readonly scopes: Scope[] = [];
  private readonly byLabel = new Map<string, number[]>();
  /** statements per sentence, in order */
  private readonly bySentence: number[][] = [[]];
  private readonly sentenceStart: number[] = [0];
  private sentence = 0;
  private depth = 0;
  private last: number | undefined;
  /** where the last statement was stated */
  private lastAt = -1;
  /** a count (车辆0辆) after the last statement: 其中 does not reach past it */
  private blocked = false;
  private comparatorInSentence = false;
  private changeTarget: number | undefined;
  /** labels are not read back past an enumeration mark */
  private floor = 0;
  /** statements that already have a list of parts */
  private readonly listed = new Set<number>();
  /** the first statement of the paragraph (or after the last "以上合计"): the parts an "以上合计" adds up */
  private paragraphStart = 0;
  /** "基本支出和项目支出分别为300万元和200万元": the labels waiting for their amounts, in order */
  private respectively: { labels: number[][]; sentence: number } | undefined;

  constructor(private readonly src: string) {
    const k = compact(src);
    this.c = k.text;
    this.at = k.at;
  }

  // positions -------------------------------------------------------------------------------------------
  private start(ci: number): number {
    return ci < this.at.length ? this.at[ci]! : this.src.length;
  }
  private end(ciEnd: number): number {
    return ciEnd > 0 ? this.at[ciEnd - 1]! + 1 : 0;
  }
  private original(a: number, b: number): string {
    let s = '';
    for (let i = a; i < b; i++) if (this.c[i] !== '\n' && this.c[i] !== '\r') s += this.src[this.at[i]!];
    return s;
  }
  private note(zh: string, en: string, a: number, b: number): void {
    this.notes.push({ zh, en, start: this.start(a), end: this.end(b) });
  }
  private offset(statement: number, field: OffsetField, a: number, b: number): void {
    this.offsets.push({ statement, field, start: this.start(a), end: this.end(b) });
  }

  // labels ----------------------------------------------------------------------------------------------
  /** The label before compact position `end`: its compact positions (short bracketed notes kept, long ones left out). */
  private labelBefore(end: number): number[] {
    const c = this.c;
    const rev: number[] = [];
    let i = end - 1;
    while (i >= this.floor && rev.length < 80) {
      const ch = c[i]!;
      if (STOP.has(ch)) break;
      if (ch === '元' && i > 0 && /[\d万亿]/.test(c[i - 1]!)) break; // the end of the amount before
      if (ch === '）') {
        let j = i - 1;
        let d = 1;
        while (j >= this.floor && i - j < 40) {
          if (c[j] === '）') d++;
          else if (c[j] === '（' && --d === 0) break;
          j--;
        }
        if (j < 0 || c[j] !== '（') break;
        const inner = c.slice(j + 1, i);
        if (/[，。；：\n\r\t]/.test(inner)) break;
        // a bracketed note is part of the name: 因公出国（境）费, 县综治二期建设经费（雪亮工程建设30%费用）
        for (let k = i; k >= j; k--) rev.push(k);
        i = j - 1;
        continue;
      }
      if (ch === '（') break;
      if (ch === '”' || ch === '"') {
        let j = i - 1;
        while (j >= this.floor && i - j < 80 && c[j] !== '“' && c[j] !== '"' && c[j] !== '\n') j--;
        if (j >= this.floor && (c[j] === '“' || c[j] === '"')) {
          for (let k = i; k >= j; k--) rev.push(k);
          i = j - 1;
          continue;
        }
      }
      rev.push(i);
      i--;
    }
    const idx = rev.reverse();
    return this.trimLabel(idx);
  }

  private trimLabel(idx: number[]): number[] {
    // the label's text is cut from both ends; a and b are the kept range of idx
    const full = idx.map((k) => this.c[k]).join('');
    let a = 0;
    let b = full.length;
    const t = () => full.slice(a, b);
    // a date or year and what stands before it: "上海市普陀区财政局2024年度收入支出总计" → 收入支出总计
    const date = LABEL_DATE.exec(full);
    if (date && date[0].length < full.length) a = date[0].length;
    const org = LABEL_ORG.exec(t());
    if (org && b - a - org[0].length >= 2) a += org[0].length;
    for (let guard = 0; guard < 6; guard++) {
      const lead = LABEL_LEAD.exec(t());
      if (!lead || b - a - lead[0].length < 2) break;
      a += lead[0].length;
    }
    // "政法委安排政府采购预算": what is arranged is the label
    const arranged = t().lastIndexOf('安排');
    if (arranged > 0 && b - a - arranged - 2 >= 2) a += arranged + 2;
    const of = t().lastIndexOf('的');
    if (of >= 0 && b - a - of - 1 >= 2) a += of + 1;
    for (let guard = 0; guard < 4; guard++) {
      const s = t();
      const trail = LABEL_TRAIL.exec(s);
      if (trail && s.length - trail[0].length >= 2) {
        b -= trail[0].length;
        continue;
      }
      const budget = LABEL_TRAIL_BUDGET.exec(s);
      if (budget) {
        const rest = s.slice(0, s.length - budget[0].length);
        if (rest.length >= 4 && !/(?:年初|调整|年|上年|本年)$/.test(rest)) {
          b -= budget[0].length;
          continue;
        }
      }
      break;
    }
    return a === 0 && b === idx.length ? idx : idx.slice(a, b);
  }

  private labelText(idx: number[]): string {
    let s = '';
    for (const k of idx) if (this.c[k] !== '\n' && this.c[k] !== '\r') s += this.src[this.at[k]!];
    return s;
  }

  // statements ------------------------------------------------------------------------------------------
  private create(labelIdx: number[], at: number): number {
    const label = this.labelText(labelIdx);
    const norm = normaliseLabel(labelIdx.map((k) => this.c[k]).join(''));
    const n = this.recs.length;
    this.recs.push({ label, norm, sentence: this.sentence });
    if (labelIdx.length) this.offset(n, 'label', labelIdx[0]!, labelIdx[labelIdx.length - 1]! + 1);
    const list = this.byLabel.get(norm);
    if (list) list.push(n);
    else this.byLabel.set(norm, [n]);
    this.bySentence[this.sentence]!.push(n);
    this.assignParent(n, at);
    this.last = n;
    this.lastAt = at;
    this.blocked = false;
    return n;
  }

  private assignParent(n: number, at: number): void {
    const s = this.scopes[this.scopes.length - 1];
    if (!s) return;
    s.items++;
    if (s.enumStyle === undefined) {
      if (s.parents.length === 1 && s.parents[0] !== n) this.recs[n]!.parent = s.parents[0];
      return;
    }
    s.itemTop.push(n);
    if (s.parents.length > 1) {
      const norm = this.recs[n]!.norm;
      const taken = new Set(s.itemTop.filter((k) => k !== n).map((k) => this.recs[k]!.parent));
      const match = s.parents.find((p) => {
        const pn = this.recs[p]!.norm;
        return !taken.has(p) && norm.length >= 2 && (pn === norm || pn.endsWith(norm));
      });
      if (match !== undefined) this.recs[n]!.parent = match;
      return;
    }
    if (s.parents.length === 1) {
      if (s.itemTop.length === 1) this.recs[n]!.parent = s.parents[0];
      else {
        for (const k of s.itemTop) delete this.recs[k]!.parent;
        if (s.itemTop.length === 2) this.note('列举项中有多个金额，无法判断哪一个是上级的组成部分', 'an enumerated item states several amounts: which one is the part is unclear', at, at + 1);
      }
    }
  }

  /** The statement a label names, for a change stated apart from its amount (与2023年度相比，收入支出总计减少…). */
  private labelled(labelIdx: number[], at: number): number {
    const norm = normaliseLabel(labelIdx.map((k) => this.c[k]).join(''));
    if (this.scopes.length === 0 && norm.length >= 2) {
      const list = this.byLabel.get(norm);
      // the latest of that name without a change (a few back at most: the scan stays linear)
      for (let k = (list?.length ?? 0) - 1; k >= 0 && k >= list!.length - 16; k--) {
        const r = this.recs[list![k]!]!;
        if (!r.change) return list![k]!;
      }
    }
    return this.create(labelIdx, at);
  }

  /** The statement a change or share without a label of its own belongs to. */
  private target(at: number, forRate: boolean): number | undefined {
    if (forRate && this.changeTarget !== undefined) return this.changeTarget;
    if (this.last !== undefined && this.recs[this.last]!.sentence === this.sentence) return this.last;
    // at the start of a sentence: the figure the previous sentence was about (its topmost figure)
    if (this.last !== undefined && this.bySentence[this.sentence]!.length === 0 && this.sentence - this.recs[this.last]!.sentence <= 2) {
      let r = this.last;
      for (let guard = 0; guard < 20 && this.recs[r]!.parent !== undefined; guard++) r = this.recs[r]!.parent!;
      return r;
    }
    this.note('增减或占比前没有可归属的金额', 'a change or share with no figure before it to belong to', at, at + 1);
    return undefined;
  }

  // scopes ----------------------------------------------------------------------------------------------
  /**
   * The statements a new list of parts belongs to. A statement that already has a list ("财政拨款支出预算中，…"
   * and later "财政拨款支出主要内容如下：…") is restated for the new one, so that each list is summed on its own:
   * the restatement has the label and amount stated before (no amount offset: the amount is not written there).
   */
  private listParents(parents: number[], at: number, labelIdx?: number[]): number[] {
    const out = parents.map((p) => {
      if (!this.listed.has(p)) return p;
      const r = this.recs[p]!;
      const n = this.recs.length;
      const label = labelIdx?.length ? this.labelText(labelIdx) : r.label;
      this.recs.push({ label, norm: r.norm, amount: r.amount, unit: r.unit, sentence: this.sentence });
      if (labelIdx?.length) this.offset(n, 'label', labelIdx[0]!, labelIdx[labelIdx.length - 1]! + 1);
      this.byLabel.get(r.norm)?.push(n);
      this.bySentence[this.sentence]!.push(n);
      this.note(`“${r.label}”另列一组组成部分：另记一条，金额取前文所述`, `a second list of parts of "${r.label}": restated, with the amount stated before`, at, at + 1);
      return n;
    });
    for (const p of out) this.listed.add(p);
    return out;
  }

  private top(): Scope | undefined {
    return this.scopes[this.scopes.length - 1];
  }

  private closeWhile(pred: (s: Scope) => boolean): void {
    while (this.scopes.length && pred(this.top()!)) this.scopes.pop();
  }

  private endSentence(i: number): void {
    const ch = this.c[i];
    if (ch === '\r') {
      const enumNext = this.peekEnum(i + 1);
      this.closeWhile((s) => s.enumStyle === undefined || enumNext?.style !== s.enumStyle);
    } else {
      this.closeWhile((s) => s.enumStyle === undefined);
    }
    if (ch === '\n' || ch === '\r') this.paragraphStart = this.recs.length;
    this.sentence++;
    this.bySentence.push([]);
    this.sentenceStart.push(i + 1);
    this.comparatorInSentence = false;
    this.changeTarget = undefined;
  }

  private peekEnum(i: number): { style: string; ordinal: number; end: number } | undefined {
    RE_ENUM.lastIndex = i;
    const m = RE_ENUM.exec(this.c);
    if (!m) return undefined;
    const style = m[1] ? 'cn、' : m[2] ? 'cn()' : m[3] ? 'num()' : m[4] ? 'num、' : m[5] ? 'num.' : 'circle';
    const ordinal = m[1] ? cnNumber(m[1]) : m[2] ? cnNumber(m[2]) : m[3] ? Number(m[3]) : m[4] ? Number(m[4]) : m[5] ? Number(m[5]) : m[6]!.charCodeAt(0) - 0x245f;
    return { style, ordinal, end: i + m[0].length };
  }

  private atSentenceStart(i: number): boolean {
    if (i === 0) return true;
    const p = this.c[i - 1]!;
    return SENTENCE_END.has(p) || p === '：' || p === '；';
  }

  // the scan --------------------------------------------------------------------------------------------
  run(): ParsedNarrative {
    const c = this.c;
    let i = 0;
    while (i < c.length) {
      const ch = c[i]!;
      const start = this.atSentenceStart(i);
      if (!start && !TRIGGER.has(ch)) {
        i++;
        continue;
      }
      if (start) {
        const e = this.enumeration(i);
        if (e) {
          i = e;
          continue;
        }
        const x = this.inIntro(i);
        if (x) {
          i = x;
          continue;
        }
      }
      if (SENTENCE_END.has(ch)) {
        this.endSentence(i);
        i++;
        continue;
      }
      if (ch === '；') {
        this.closeWhile((s) => s.inner && !s.inItem && s.paren === 0);
        i++;
        continue;
      }
      if (ch === '，') {
        this.closeWhile((s) => s.inner && s.tight === true && s.paren === 0);
        const s = this.top();
        if (s && s.items > 0 && s.tight === undefined) s.tight = false;
        i++;
        continue;
      }
      if (ch === '（') {
        this.depth++;
        i++;
        continue;
      }
      if (ch === '）') {
        this.depth = Math.max(0, this.depth - 1);
        this.closeWhile((s) => s.paren > this.depth);
        i++;
        continue;
      }
      let n = 0;
      if ('较比与和相同'.includes(ch)) n = this.comparator(i);
      if (!n && ch === '占') n = this.shareAt(i);
      if (!n && '增减上下降持无没不一涨'.includes(ch)) n = this.direction(i, undefined, undefined);
      if (!n && '其具主包分'.includes(ch)) n = this.marker(i);
      if (!n && (/\d/.test(ch) || (ch === '-' && /\d/.test(c[i + 1] ?? ''))) && !/[A-Za-z\d.]/.test(c[i - 1] ?? '')) n = this.number(i);
      if (!n && /[Xx×*]/.test(ch)) n = this.placeholderAmount(i);
      if (!n && (ch === '万' || ch === '亿' || ch === '元')) n = this.gapAmount(i);
      if (!n && TIGHT.has(ch)) {
        const s = this.top();
        if (s && s.items > 0 && s.tight === undefined) s.tight = true;
      }
      i = n || i + 1;
    }
    return this.output();
  }

  /** An enumeration mark at the start of a sentence: a new item of an enumerated list, or the end of one. */
  private enumeration(i: number): number {
    const e = this.peekEnum(i);
    if (!e) return 0;
    // "1.5万元" is a number, not an item; RE_ENUM already refuses "1." before a digit
    const s = [...this.scopes].reverse().find((x) => x.enumStyle !== undefined);
    if (s) {
      if (s.enumStyle === e.style && e.ordinal === (s.enumOrdinal ?? 0) + 1) {
        while (this.top() !== s) this.scopes.pop();
        s.enumOrdinal = e.ordinal;
        s.itemTop = [];
      } else {
        // another kind of mark, or the numbering starting over: the list has ended
        while (this.scopes.includes(s)) this.scopes.pop();
      }
    }
    this.floor = e.end;
    return e.end;
  }

  /** "财政拨款支出预算中，一般公共预算拨款支出预算…": the parts of a figure stated before. */
  private inIntro(i: number): number {
    let m: RegExpExecArray | null = null;
    for (const re of [RE_IN_INTRO, RE_CONTENT_INTRO]) {
      re.lastIndex = i;
      m = re.exec(this.c);
      if (m) break;
    }
    if (!m) return 0;
    const idx = this.trimLabel(Array.from({ length: m[1]!.length }, (_, k) => i + k));
    const norm = normaliseLabel(idx.map((k) => this.c[k]).join(''));
    const list = this.byLabel.get(norm) ?? [];
    let found: number | undefined;
    for (let k = list.length - 1; k >= 0 && k >= list.length - 16 && found === undefined; k--) if (this.recs[list[k]!]!.amount) found = list[k];
    if (found === undefined) return 0;
    const parent = this.listParents([found], i, idx)[0]!;
    const scope: Scope = { parents: [parent], inner: this.scopes.length > 0, inItem: false, paren: 0, items: 0, itemTop: [], changeContext: !!this.recs[parent]!.change };
    this.scopes.push(scope);
    let end = i + m[0].length;
    const e = this.peekEnum(this.c[end] === '\n' || this.c[end] === '\r' ? end + 1 : end);
    if (e) {
      scope.enumStyle = e.style;
      scope.enumOrdinal = e.ordinal;
      end = e.end;
      this.floor = end;
    }
    return end;
  }

  private comparator(i: number): number {
    RE_COMP_OTHER.lastIndex = i;
    const other = RE_COMP_OTHER.exec(this.c);
    if (other) {
      // 决算数与预算数基本持平 / 比年初预算减少5万元: not a change from last year; its figures are no statements
      RE_HEDGE.lastIndex = i + other[0].length;
      const at = i + other[0].length + RE_HEDGE.exec(this.c)![0].length;
      RE_DIR.lastIndex = at;
      const dm = RE_DIR.exec(this.c);
      let end = at + (dm ? dm[0].length : 0);
      RE_AFTER_DIR.lastIndex = end;
      const after = RE_AFTER_DIR.exec(this.c);
      if (after && after[3]) end += after[0].length;
      this.note('与预算数（而非上年）的比较，不作为比上年增减', 'a comparison with the budget, not with last year: not read as a change', i, end);
      return end;
    }
    const re = this.c[i] === '同' ? RE_COMP_TONGBI : RE_COMP_YOY;
    re.lastIndex = i;
    const m = re.exec(this.c);
    if (!m) return 0;
    this.comparatorInSentence = true;
    const j = i + m[0].length;
    RE_HEDGE.lastIndex = j;
    const skip = RE_HEDGE.exec(this.c)![0].length;
    // a direction right after the comparison is the change; else the comparison prefaces the clause ("与2023年度相比，")
    return this.direction(j + skip, i, true) || j;
  }

  /**
   * A direction word at i: 增加182.65万元 / 下降1.87% / 持平 / 减少 万元 (blank). `comp` is where a comparison
   * with last year right before it starts (较2020年预算减少…); the label then stands before the comparison.
   */
  private direction(i: number, comp: number | undefined, single: boolean | undefined): number {
    RE_DIR.lastIndex = i;
    let m = RE_DIR.exec(this.c);
    if (!m && single) {
      RE_DIR_SINGLE.lastIndex = i;
      m = RE_DIR_SINGLE.exec(this.c);
    }
    if (!m) return 0;
    const word = m[0];
    const info = directionOf(word);
    const j = i + word.length;
    RE_AFTER_DIR.lastIndex = j;
    const after = RE_AFTER_DIR.exec(this.c)!;
    const num = after[1];
    const ph = after[2];
    const unit = after[3];
    const end = j + (unit ? after[0].length : 0);
    const from = comp ?? i;
    const labelIdx = this.labelBefore(from);
    const scope = this.top();
    const context = comp !== undefined || this.comparatorInSentence || (scope?.changeContext ?? false);

    if (!unit) {
      if (num !== undefined) {
        if (/^个百分点/.test(this.c.slice(j + after[0].length, j + after[0].length + 4))) {
          this.note('以百分点表示的增减，不作为增减幅度', 'a change in percentage points, not read as a rate', i, j + after[0].length + 4);
        }
        return j + after[0].length;
      }
      if (!info.flat || !context || (comp === undefined && labelIdx.length === 0 && !this.comparatorInSentence)) return j;
      // 持平 with nothing after it
      const t = labelIdx.length ? this.labelled(labelIdx, from) : this.target(from, false);
      if (t === undefined) return j;
      const r = this.recs[t]!;
      if (r.change?.direction !== undefined || r.change?.amount !== undefined) return j;
      r.change = { ...(r.change ?? {}), direction: info.dir };
      if (info.alias) this.note(`“${word}”按“持平”读取`, `"${word}" read as 持平 (no change)`, i, j);
      this.offset(t, 'change', from, j);
      this.changeTarget = t;
      return j;
    }

    if (unit === '%') {
      if (info.flat) return end;
      // a rate: of the figure its label names, or of the figure this sentence is about
      const t = labelIdx.length ? this.labelled(labelIdx, from) : this.target(from, true);
      if (t === undefined) return end;
      const r = this.recs[t]!;
      if (num === undefined) {
        this.setBlank(t, from, end);
        r.change = { ...(r.change ?? {}), direction: r.change?.direction ?? info.dir };
        this.changeTarget = t;
        return end;
      }
      if (r.change?.rate) {
        this.note('同一金额写了两个增减幅度，只读第一个', 'a second rate for the same figure: only the first is read', i, end);
        return end;
      }
      // a rate whose word goes against the change's own ("增加10万元，下降5%") is kept with the opposite sign
      let rate = stated(num);
      const own = sign(r.change?.direction);
      const said = sign(info.dir);
      if (own !== undefined && own !== 0 && said !== undefined && said !== 0 && own !== said) rate = stated(rate.value.isNegative() ? rate.text.slice(1) : '-' + rate.text);
      r.change = { ...(r.change ?? {}), direction: r.change?.direction ?? info.dir, rate };
      this.offset(t, 'rate', from, end);
      this.changeTarget = t;
      return end;
    }

    // an amount (or its blank) after the direction word
    if (info.rateOnly) return j;
    const t = labelIdx.length ? this.labelled(labelIdx, from) : this.target(from, false);
    if (t === undefined) return end;
    const r = this.recs[t]!;
    if (num === undefined) {
      this.setBlank(t, from, end);
      if (!r.change?.direction) r.change = { ...(r.change ?? {}), direction: info.dir };
      this.changeTarget = t;
      return end;
    }
    if (r.change?.amount !== undefined) {
      this.note('同一金额写了两个增减额，只读第一个', 'a second change amount for the same figure: only the first is read', i, end);
      return end;
    }
    const written = stated(num);
    const u = unit as MoneyUnit;
    let amount = written;
    if (r.unit && r.unit !== u) {
      amount = convert(written, u, r.unit);
      this.note(`增减额 ${num}${u} 换算为 ${amount.text}${r.unit}`, `the change ${num} ${u} converted to ${amount.text} ${r.unit}`, i, end);
    } else if (!r.unit && r.amount === undefined) r.changeUnit = u;
    r.change = { ...(r.change ?? {}), direction: info.dir, amount };
    if (info.alias) this.note(`“${word}”按“${info.dir}”读取`, `"${word}" read as ${info.dir}`, i, j);
    this.offset(t, 'change', from, end);
    this.changeTarget = t;
    return end;
  }

  private setBlank(t: number, a: number, b: number): void {
    const r = this.recs[t]!;
    const text = this.src.slice(this.start(a), this.end(b));
    r.blank = r.blank ? `${r.blank}；${text}` : text;
    this.offset(t, 'blank', a, b);
  }

  private shareAt(i: number): number {
    RE_SHARE.lastIndex = i;
    const m = RE_SHARE.exec(this.c);
    if (!m) return 0;
    const end = i + m[0].length;
    const t = this.target(i, false);
    if (t === undefined) {
      if (m[2] === undefined) {
        const n = this.create(this.labelBefore(i), i);
        this.setBlank(n, i, end);
      }
      return end;
    }
    const r = this.recs[t]!;
    if (m[2] === undefined) {
      this.setBlank(t, i, end);
      return end;
    }
    if (r.share) {
      this.note('同一金额写了两个占比，只读第一个', 'a second share for the same figure: only the first is read', i, end);
      return end;
    }
    r.share = stated(m[2]);
    if (m[1]) {
      const a = i + m[0].indexOf(m[1]);
      r.of = this.original(a, a + m[1].length).replace(/^(?:本部门|本单位)/, '');
    }
    this.offset(t, 'share', i, end);
    return end;
  }

  private marker(i: number): number {
    RE_MARKER.lastIndex = i;
    const m = RE_MARKER.exec(this.c);
    if (!m) return 0;
    let end = i + m[0].length;
    if (m[0].startsWith('分别') && this.respectivelyAt(i)) return end;
    const atStart = i === 0 || SENTENCE_END.has(this.c[i - 1]!);
    const enumAfter = this.peekEnum(this.c[end] === '\n' || this.c[end] === '\r' ? end + 1 : end);
    let parents: number[] = [];
    if (!this.blocked && this.last !== undefined) {
      if (this.recs[this.last]!.sentence === this.sentence && !atStart) parents = [this.last];
      else if (this.bySentence[this.sentence]!.length === 0) {
        // "…8.57万元。其中，…": the figures of the last sentence that had any
        for (let s = this.sentence - 1; s >= 0 && s >= this.sentence - 2; s--) {
          const list = this.bySentence[s]!;
          if (!list.length) continue;
          const tops = list.filter((k) => {
            const p = this.recs[k]!.parent;
            return p === undefined || this.recs[p]!.sentence !== s;
          });
          parents = enumAfter && tops.length > 1 ? tops : [tops[tops.length - 1] ?? list[list.length - 1]!];
          break;
        }
      }
    }
    parents = this.listParents(parents, i);
    const enclosing = this.top();
    const paren = i > 0 && this.c[i - 1] === '（' ? this.depth : 0;
    const scope: Scope = {
      parents,
      inner: !!enclosing && paren === 0,
      inItem: !!enclosing && enclosing.enumStyle !== undefined && paren === 0,
      paren,
      items: 0,
      itemTop: [],
      changeContext: parents.some((p) => !!this.recs[p]!.change),
    };
    this.scopes.push(scope);
    if (enumAfter) {
      scope.enumStyle = enumAfter.style;
      scope.enumOrdinal = enumAfter.ordinal;
      end = enumAfter.end;
      this.floor = end;
    }
    return end;
  }

  /**
   * "A和B分别为…": when the clause before 分别为 names two or more items and states no amount, the amounts that
   * follow take those names in order; the list they belong to (if any) stays the one already open.
   */
  private respectivelyAt(i: number): boolean {
    let a = i;
    while (a > this.floor && i - a < 80 && !STOP.has(this.c[a - 1]!)) a--;
    if (this.last !== undefined && this.recs[this.last]!.sentence === this.sentence && this.lastAt >= a) return false;
    const labels: number[][] = [];
    let from = a;
    for (let k = a; k <= i; k++) {
      const sep = k === i ? 0 : this.c.startsWith('以及', k) ? 2 : TIGHT.has(this.c[k]!) ? 1 : 0;
      if (k === i || sep) {
        const idx = this.trimLabel(Array.from({ length: k - from }, (_, j) => from + j));
        if (idx.length) labels.push(idx);
        from = k + sep;
        if (sep === 2) k++;
      }
    }
    if (labels.length < 2) return false;
    this.respectively = { labels, sentence: this.sentence };
    return true;
  }

  private number(i: number): number {
    RE_NUM.lastIndex = i;
    const m = RE_NUM.exec(this.c);
    if (!m) return 0;
    const j = i + m[0].length;
    RE_MONEY_UNIT.lastIndex = j;
    const u = RE_MONEY_UNIT.exec(this.c);
    if (!u) {
      const next = this.c[j];
      if (next === '%' || next === '年' || next === '月' || next === '日' || next === '.' || next === '、') return j + (next === '%' ? 1 : 0);
      RE_COUNT_UNIT.lastIndex = j;
      if (RE_COUNT_UNIT.exec(this.c)) this.blocked = true;
      return j;
    }
    const end = j + u[0].length;
    RE_THRESHOLD.lastIndex = end;
    const th = RE_THRESHOLD.exec(this.c);
    if (th) {
      this.note('起止标准（“…以上/以下”）不是所述金额', 'a threshold ("… 以上/以下"), not a stated figure', i, end + th[0].length);
      return end + th[0].length;
    }
    const above = this.totalOfAbove(i);
    if (above) {
      const n = this.create(above, i);
      const r = this.recs[n]!;
      r.amount = stated(m[0]);
      r.unit = u[0] as MoneyUnit;
      this.offset(n, 'amount', i, end);
      return end;
    }
    const queued = this.respectively?.sentence === this.sentence ? this.respectively.labels.shift() : undefined;
    if (i > 0 && TARGET_SIGN.has(this.c[i - 1]!)) {
      this.note('指标值（“≤…”）不是所述金额', 'a target value ("≤ …"), not a stated figure', i - 1, end);
      return end;
    }
    const labelIdx = queued ?? this.labelBefore(i);
    const label = labelIdx.map((k) => this.c[k]).join('');
    if (/^每/.test(label) || /单价$/.test(label)) {
      this.note('单价不作为所述金额', 'a unit price, not a stated figure', i, end);
      return end;
    }
    const n = this.create(labelIdx, i);
    const r = this.recs[n]!;
    r.amount = stated(m[0]);
    r.unit = u[0] as MoneyUnit;
    this.offset(n, 'amount', i, end);
    return end;
  }

  /**
   * "以上约计1576.38万元" / "上述合计…": a total of the figures stated before it in the paragraph. Its label is the
   * phrase as written; those figures (with no list of their own to belong to) become its parts.
   */
  private totalOfAbove(i: number): number[] | undefined {
    let a = i;
    while (a > this.floor && i - a < 12 && !STOP.has(this.c[a - 1]!)) a--;
    if (!RE_ABOVE.test(this.c.slice(a, i))) return undefined;
    // a paragraph of more than a few dozen figures is a table written as text, not a list a total sums up
    if (this.recs.length - this.paragraphStart > 64) return undefined;
    const parts: number[] = [];
    for (let k = this.paragraphStart; k < this.recs.length; k++) {
      const r = this.recs[k]!;
      if (r.parent === undefined && r.amount && !this.listed.has(k)) parts.push(k);
    }
    if (parts.length < 2) return undefined;
    const n = this.recs.length;
    for (const k of parts) this.recs[k]!.parent = n;
    this.listed.add(n);
    this.paragraphStart = n + 1;
    return Array.from({ length: i - a }, (_, k) => a + k);
  }

  /** "XX万元", "X.XX万元": a placeholder where the amount belongs. */
  private placeholderAmount(i: number): number {
    if (i > 0 && /[A-Za-z]/.test(this.c[i - 1]!)) return 0;
    RE_PLACEHOLDER.lastIndex = i;
    const m = RE_PLACEHOLDER.exec(this.c);
    if (!m) return 0;
    const j = i + m[0].length;
    if (this.c[j] === '%') return j + 1; // a bare "XX%" with nothing to belong to
    RE_MONEY_UNIT.lastIndex = j;
    const u = RE_MONEY_UNIT.exec(this.c);
    if (!u) return j;
    const n = this.create(this.labelBefore(i), i);
    this.recs[n]!.unit = u[0] as MoneyUnit;
    const labelIdx = this.labelBefore(i);
    this.setBlank(n, labelIdx.length ? labelIdx[0]! : i, j + u[0].length);
    return j + u[0].length;
  }

  /** "支出预算 万元": the unit with a gap where the amount belongs. */
  private gapAmount(i: number): number {
    RE_MONEY_UNIT.lastIndex = i;
    const u = RE_MONEY_UNIT.exec(this.c);
    if (!u || i === 0) return 0;
    const prev = this.c[i - 1]!;
    if (!HAN.test(prev) || prev === '万' || prev === '亿' || prev === '每') return 0;
    const gap = this.src.slice(this.at[i - 1]! + 1, this.at[i]!);
    if (!/^[ \t\u3000]+$/.test(gap)) return 0;
    const after = this.c[i + u[0].length];
    if (after !== undefined && HAN.test(after)) return 0; // 元旦, 单元格…
    const labelIdx = this.labelBefore(i);
    const label = labelIdx.map((k) => this.c[k]).join('');
    if (!labelIdx.length || /单位$/.test(label)) return 0;
    const n = this.create(labelIdx, i);
    this.recs[n]!.unit = u[0] as MoneyUnit;
    this.setBlank(n, labelIdx[0]!, i + u[0].length);
    return i + u[0].length;
  }

  private output(): ParsedNarrative {
    const ends: number[] = [];
    for (let s = 0; s < this.sentenceStart.length; s++) ends.push(s + 1 < this.sentenceStart.length ? this.sentenceStart[s + 1]! : this.c.length);
    const texts = new Map<number, string>();
    const sentenceText = (k: number) => {
      let t = texts.get(k);
      if (t === undefined) {
        t = this.original(this.sentenceStart[k]!, ends[k]!).trim();
        texts.set(k, t);
      }
      return t;
    };
    const statements: Statement[] = this.recs.map((r) => {
      const st: Record<string, unknown> = { label: r.label };
      if (r.amount) st.amount = r.amount;
      const unit = r.unit ?? r.changeUnit;
      if (unit) st.unit = unit;
      if (r.parent !== undefined) st.parent = r.parent;
      if (r.share) st.share = r.share;
      if (r.of !== undefined) st.of = r.of;
      if (r.change) {
        const ch: Record<string, unknown> = {};
        if (r.change.amount) ch.amount = r.change.amount;
        if (r.change.direction) ch.direction = r.change.direction;
        if (r.change.rate) ch.rate = r.change.rate;
        st.change = ch;
      }
      if (r.blank !== undefined) st.blank = r.blank;
      const text = sentenceText(r.sentence);
      if (text) st.text = text;
      return st as Statement;
    });
    return { statements, offsets: this.offsets, notes: this.notes };
  }
}

/**
 * The figures `text` states. Offsets are positions in `text` itself, so a caller that cut the paragraph out of
 * a document adds where it starts. Never throws.
 */
export function parseNarrative(text: string): ParsedNarrative {
  if (typeof text !== 'string' || text.length === 0) return { statements: [], offsets: [], notes: [] };
  try {
    return new Parser(text).run();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { statements: [], offsets: [], notes: [{ zh: `无法解析：${msg}`, en: `could not be read: ${msg}`, start: 0, end: text.length }] };
  }
}
