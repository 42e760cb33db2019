/**
 * Target dates in performance tables: a deadline or a period that falls before the budget year
 * ("在2020年底前…完成" in a 2021 budget), and a period whose length contradicts a stated number of days.
 */
import { z } from 'zod';
import type { Path } from '../src/engine/path.js';
import { defineRule } from '../src/engine/rule.js';
import { memoText, rowsOf, shownValue, tablesOf } from '../src/functions/indicators.js';

const Options = z.strictObject({
  /** an indicator states the length of the table's period when its name or description contains one of these and its value is in days */
  dayWords: z.array(z.string().min(1)).default(['天数', '日数', '工期']),
});

interface Ymd {
  y: number;
  m?: number;
  d?: number;
}

interface Found {
  kind: 'deadline' | 'period';
  text: string;
  index: number;
  start: Ymd;
  end?: Ymd;
  /** a number of days written right after the period: "6月20日至9月10日（共82天）" */
  days?: { n: number; text: string };
}

const DATE = String.raw`(\d{4})\s*年度?\s*(?:(\d{1,2})\s*月份?\s*(?:(\d{1,2})\s*[日号])?)?\s*(底|末|初|上旬|中旬|下旬)?`;
const END = String.raw`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?`;
const SEP = String.raw`\s*(?:——|—|–|-|－|~|～|〜|至|到)\s*`;
const DATE_RE = new RegExp(`${DATE}(?:${SEP}${END})?`, 'g');
// a deadline: "前/之前/以前/内" right after the date ("2020年前三季度" and "2020年内部" are not deadlines;
// "2020年完成" may as well be a fact, so a bare verb is not enough)
const DEADLINE_AFTER = /^\s*(?:之前|以前|以内|之内|前(?![一二三两三四五六七八九十几\d])|内(?![部容外涵设控]))/;
// "已于2020年完成": a fact, not a target
const DONE_BEFORE = /(?:已|已经|曾)(?:于|在)?\s*$/;
const DAYS_AFTER = /^\s*[（(，,、]?\s*(?:共|计|合计|共计|为期)?\s*(\d{1,4})\s*(?:个)?(?:天|日)(?!期)/;

const int = (s: string | undefined) => (s === undefined ? undefined : Number(s));

function valid(d: Ymd): boolean {
  if (d.m !== undefined && (d.m < 1 || d.m > 12)) return false;
  if (d.d !== undefined) {
    if (d.m === undefined) return false;
    const t = new Date(Date.UTC(d.y, d.m - 1, d.d));
    if (t.getUTCMonth() !== d.m - 1 || t.getUTCDate() !== d.d) return false;
  }
  return d.y >= 1900 && d.y <= 2100;
}

/** Every date starts with a year ("2020年"): a text without 年 holds none. */
const mayHoldDate = (text: string) => text.includes('年');

/**
 * Deadlines and periods written in a text, with their places; once per distinct text (names and
 * descriptions recur across tables and documents). What it returns is shared: never changed by a caller.
 */
export const datesIn: (text: string) => readonly Found[] = memoText((text) => (mayHoldDate(text) ? findDates(text) : []));

function findDates(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const index = m.index ?? 0;
    const start: Ymd = { y: Number(m[1]) };
    if (m[2] !== undefined) start.m = Number(m[2]);
    if (m[3] !== undefined) start.d = Number(m[3]);
    if (!valid(start)) continue;
    if (m[6] !== undefined) {
      // a period: the end takes the start's year, or the next one when its month comes earlier
      const end: Ymd = { y: int(m[5]) ?? start.y, m: Number(m[6]) };
      if (m[7] !== undefined) end.d = Number(m[7]);
      if (m[5] === undefined && start.m !== undefined && end.m! < start.m) end.y += 1;
      if (!valid(end)) continue;
      const f: Found = { kind: 'period', text: m[0], index, start, end };
      const days = DAYS_AFTER.exec(text.slice(index + m[0].length));
      if (days) f.days = { n: Number(days[1]), text: `${days[1]}天` };
      out.push(f);
      continue;
    }
    const after = text.slice(index + m[0].length);
    const marker = DEADLINE_AFTER.exec(after);
    if (!marker || DONE_BEFORE.test(text.slice(Math.max(0, index - 4), index))) continue;
    out.push({ kind: 'deadline', text: m[0] + marker[0].trim(), index, start });
  }
  return out;
}

const dayNumber = (d: Ymd) => Date.UTC(d.y, d.m! - 1, d.d!) / 86_400_000;

/** Days from start to end (exclusive of the first day), when both ends name a day. */
function lengthOf(f: Found): number | undefined {
  if (!f.end || f.start.d === undefined || f.end.d === undefined) return undefined;
  const n = dayNumber(f.end) - dayNumber(f.start);
  return n >= 0 ? n : undefined;
}

/** Whether N days fits a period of `len` days between its ends (len + 1 counting both), read with the operator. */
function fits(n: number, len: number, op: string | undefined): boolean {
  switch (op) {
    case '≥': return n <= len + 1;
    case '>': return n < len + 1;
    case '≤': return n >= len;
    case '<': return n > len;
    case '≠': return true;
    default: return n === len || n === len + 1;
  }
}

/** Deadline or period end: the last year it may mean. */
const lastYear = (f: Found) => (f.end ?? f.start).y;

const TABLE_FIELDS = ['name', 'title', 'goal'] as const;
const INDICATOR_FIELDS = ['name', 'description', 'value'] as const;
const WHERE = {
  title: { zh: '表标题', en: 'the table title' },
  name: { zh: '项目名称', en: 'the project name' },
  goal: { zh: '绩效目标', en: 'the performance goal' },
  indicator: { zh: '指标名称', en: 'the indicator name' },
  description: { zh: '指标描述', en: 'the indicator description' },
  value: { zh: '指标值', en: 'the indicator value' },
} as const;

export default defineRule({
  meta: {
    id: 'indicator-dates',
    type: 'problem',
    description: {
      zh: '绩效目标中的完成时限和时段应在预算年度内；写明的时段与所写天数应一致',
      en: 'Deadlines and periods in performance targets fall within the budget year; a stated period agrees with a stated number of days',
    },
    defaultSeverity: 'error',
    options: Options,
    messages: {
      deadlinePast: {
        zh: '{{where}}“{{context}}”的完成时限 {{date}} 早于预算年度 {{year}} 年：{{year}}年的预算不能以已经过去的日期为目标',
        en: '{{whereEn}} "{{context}}" sets the deadline {{date}}, before the budget year {{year}}: a {{year}} budget cannot target a date already past',
      },
      periodPast: {
        zh: '{{where}}“{{context}}”写的时段 {{date}} 在预算年度 {{year}} 年之前；若本项目支付以前年度的费用，绩效目标应写本年度要完成的事',
        en: '{{whereEn}} "{{context}}" names the period {{date}}, before the budget year {{year}}; if the project pays for a past period, its targets should be what is done in {{year}}',
      },
      valuePast: {
        zh: '指标“{{name}}”的目标日期 {{value}} 早于预算年度 {{year}} 年',
        en: 'indicator "{{name}}" targets the date {{value}}, before the budget year {{year}}',
      },
      daysMismatch: {
        zh: '指标“{{name}}”为 {{value}}，但本表写的时段 {{period}} 共 {{length}} 天（含首尾两日为 {{inclusive}} 天）',
        en: 'indicator "{{name}}" is {{value}}, but the period {{period}} stated in this table is {{length}} days long ({{inclusive}} counting both the first and the last day)',
      },
      daysMismatchText: {
        zh: '“{{context}}”：时段 {{period}} 共 {{length}} 天（含首尾两日为 {{inclusive}} 天），不是所写的 {{days}}',
        en: '"{{context}}": the period {{period}} is {{length}} days long ({{inclusive}} counting both ends), not the stated {{days}}',
      },
    },
    docs: 'docs/rules/indicator-dates.md',
  },
  check(ctx) {
    const year = Number(ctx.doc.document?.year);
    const budgetYear = Number.isInteger(year) ? year : undefined;
    const { dayWords } = ctx.options;
    const around = (text: string, f: Found) => {
      const a = Math.max(0, f.index - 8);
      const b = Math.min(text.length, f.index + f.text.length + 8);
      return `${a > 0 ? '…' : ''}${text.slice(a, b).replace(/\s+/g, ' ')}${b < text.length ? '…' : ''}`;
    };

    for (const { path, table } of tablesOf(ctx.doc)) {
      const periods: Found[] = [];
      const texts: { path: Path; where: { zh: string; en: string }; text: string }[] = [];
      // the project name before the title: the title usually repeats it, and a date in both is reported once, at the name
      for (const k of TABLE_FIELDS) {
        const t = table[k];
        if (typeof t !== 'string') continue;
        if (k === 'title' && typeof table.name === 'string' && datesIn(table.name).length > 0) {
          const inName = new Set(datesIn(table.name).map((f) => f.text.replace(/\s+/g, '')));
          const rest = datesIn(t).filter((f) => !inName.has(f.text.replace(/\s+/g, '')));
          if (rest.length === 0) continue;
        }
        if (mayHoldDate(t)) texts.push({ path: [...path, k], where: WHERE[k], text: t });
      }
      const rows = rowsOf(table.indicators);
      table.indicators.forEach((ind, i) => {
        for (const k of INDICATOR_FIELDS) {
          if (k === 'value') {
            const v = rows[i]!.value;
            if (v?.ok && v.value.dimension === 'date') {
              const y = v.value.date?.year;
              if (budgetYear !== undefined && y !== undefined && y < budgetYear) {
                ctx.report({ path: [...path, 'indicators', i, 'value'], messageId: 'valuePast', data: { name: ind.name, value: shownValue(ind), year: budgetYear } });
              }
              continue;
            }
          }
          const t = k === 'value' ? ind.value : rows[i]![k];
          // a text with no date in it adds nothing: its path is not even built
          if (typeof t === 'string' && mayHoldDate(t)) texts.push({ path: [...path, 'indicators', i, k], where: WHERE[k === 'name' ? 'indicator' : k], text: t });
        }
      });

      for (const t of texts) {
        for (const f of datesIn(t.text)) {
          if (f.kind === 'period') periods.push(f);
          const len = lengthOf(f);
          if (f.days && len !== undefined && !fits(f.days.n, len, undefined)) {
            ctx.report({
              path: t.path,
              messageId: 'daysMismatchText',
              data: { context: around(t.text, f), period: f.text, length: len, inclusive: len + 1, days: f.days.text },
            });
          }
          if (budgetYear === undefined || lastYear(f) >= budgetYear) continue;
          ctx.report({
            path: t.path,
            messageId: f.kind === 'period' ? 'periodPast' : 'deadlinePast',
            data: { where: t.where.zh, whereEn: t.where.en, context: around(t.text, f), date: f.text, year: budgetYear },
          });
        }
      }

      // the table's one period against indicators that state its length in days
      const distinct = new Map<string, Found>();
      for (const p of periods) if (lengthOf(p) !== undefined) distinct.set(JSON.stringify([p.start, p.end]), p);
      if (distinct.size !== 1) continue;
      const period = [...distinct.values()][0]!;
      const len = lengthOf(period)!;
      table.indicators.forEach((ind, i) => {
        const words = `${ind.name}${ind.description ?? ''}`;
        if (!dayWords.some((w) => words.includes(w))) return;
        const v = rows[i]!.value;
        if (!v?.ok || v.value.baseUnit !== '天' || !v.value.scaled || !v.value.scaled.isInteger()) return;
        const n = v.value.scaled.toNumber();
        if (fits(n, len, v.value.operator)) return;
        ctx.report({
          path: [...path, 'indicators', i, 'value'],
          messageId: 'daysMismatch',
          data: { name: ind.name, value: shownValue(ind), period: period.text, length: len, inclusive: len + 1 },
        });
      });
    }
  },
});
