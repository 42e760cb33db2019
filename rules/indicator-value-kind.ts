import { z } from 'zod';
import type { Bilingual } from '../src/engine/rule.js';
import { defineRule } from '../src/engine/rule.js';
import { memoText, rowsOf, squash, tablesOf, type Row } from '../src/functions/indicators.js';
import type { Indicator } from '../src/model/schema.js';

const Options = z.strictObject({
  /** 二级指标 words whose indicators need a number or a date, never a word. */
  slots: z.array(z.enum(['数量', '时效', '质量', '成本'])).default(['数量', '时效']),
  /**
   * A 满意度 given as a word (满意, 非常满意): `percent` reports it when the indicator itself says it is a
   * percentage (a "(%)" in its name, a % unit column, a description that defines a 比率/比例); `always`
   * reports every one (satisfaction is conventionally a surveyed percentage: practice); `never` none.
   */
  satisfactionWords: z.enum(['percent', 'always', 'never']).default('percent'),
});

const SLOT: Record<string, { name: Bilingual; expected: Bilingual }> = {
  数量: {
    name: { zh: '数量', en: 'quantity' },
    expected: { zh: '数值和计量单位（如 ≥2500把）', en: 'a number and a unit (such as ≥2500把)' },
  },
  时效: {
    name: { zh: '时效', en: 'timeliness' },
    expected: {
      zh: '完成时限（日期或时长，如 ≤12月底、≤30天）或及时率（如 ≥95%）',
      en: 'a deadline (a date or a duration, such as ≤12月底 or ≤30天) or an on-time rate (such as ≥95%)',
    },
  },
  质量: {
    name: { zh: '质量', en: 'quality' },
    expected: { zh: '达标的比率（如 ≥95%）', en: 'a rate (such as ≥95%)' },
  },
  成本: {
    name: { zh: '成本', en: 'cost' },
    expected: { zh: '金额（如 ≤31元）', en: 'an amount of money (such as ≤31元)' },
  },
};

/** No spaces, no trailing "(%)". */
const TRAILING_BRACKETS = /(?:[（(][^（()）]*[）)])+$/;
const head = memoText((s: string) => squash(s).replace(TRAILING_BRACKETS, ''));
const PERCENT_MARK = /[（(]\s*(?:%|％|百分比)\s*[）)]/;
const PERCENT_UNIT = /^(?:%|％|百分比)$/;
const DEFINED_AS_SHARE = /(?:比率|比例|百分比|占.{1,20}(?:的)?(?:比|%))/;

const SATISFACTION_LEVEL = /满意/;
const OUTCOME_LEVEL = /效益|效果|经济|社会|生态|可持续/;
const OUTPUT_LEVEL = /产出|数量|质量|时效|成本/;

const SATISFACTION = 1;
const OUTCOME = 2;
const OUTPUT = 4;
/** Which levels' words one category text contains (none of the words spans two texts), once per distinct text. */
const levelWords = memoText((l: string): number =>
  (SATISFACTION_LEVEL.test(l) ? SATISFACTION : 0) | (OUTCOME_LEVEL.test(l) ? OUTCOME : 0) | (OUTPUT_LEVEL.test(l) ? OUTPUT : 0));

function levelOf(row: Row): 'output' | 'outcome' | 'satisfaction' | undefined {
  const l = levelWords(row.level1) | (row.level2 === undefined ? 0 : levelWords(row.level2));
  if (l & SATISFACTION) return 'satisfaction';
  if (l & OUTCOME) return 'outcome';
  if (l & OUTPUT) return 'output';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'indicator-value-kind',
    type: 'problem',
    description: {
      zh: '指标值的类别与指标相符：数量、时效指标要有数值或日期而不是定性词；目标值要可衡量；投入（资金到位率、预算执行率）不是产出或效益',
      en: 'The kind of value fits the indicator: quantity and timeliness indicators take a number or a date, not a word; targets are measurable; inputs (funds received, budget spent) are not outputs or outcomes',
    },
    defaultSeverity: 'warn',
    options: Options,
    messages: {
      qualitative: {
        zh: '{{slot}}指标“{{name}}”的值“{{value}}”是定性词，不是目标值：{{slot}}指标应写明{{expected}}',
        en: 'the value "{{value}}" of {{slot}} indicator "{{name}}" is a word, not a target: a {{slot}} indicator states {{expected}}',
      },
      rateName: {
        zh: '指标“{{name}}”的值“{{value}}”是一个指标名称，没有目标值：应写明比率（如 ≥95%）或完成时限（如 ≤12月底）',
        en: 'the value "{{value}}" of indicator "{{name}}" names a rate instead of giving one: state the target rate (such as ≥95%) or a deadline (such as ≤12月底)',
      },
      vague: {
        zh: '指标“{{name}}”的值“{{value}}”（“{{word}}”）无法衡量：应写明达到多少，如 ≥90% 或 提高5个百分点',
        en: 'the value "{{value}}" of indicator "{{name}}" ("{{word}}") cannot be measured: say how much, such as ≥90% or 5 percentage points more',
      },
      input: {
        zh: '“{{name}}”衡量的是投入（资金是否到位、是否花出），不是{{level}}：应改为资金所完成的{{level}}',
        en: '"{{name}}" measures an input (the money arriving or being spent), not an {{level}}: measure what the money achieves instead',
      },
      satisfactionWord: {
        zh: '满意度指标“{{name}}”按百分比衡量（{{why}}），指标值却是“{{value}}”：应写调查得出的满意比例，如 ≥90%',
        en: 'satisfaction indicator "{{name}}" is a percentage ({{why}}), but its value is "{{value}}": give the surveyed share, such as ≥90%',
      },
    },
    docs: 'docs/rules/indicator-value-kind.md',
  },
  check(ctx) {
    const lex = ctx.lexicons;
    const opts = ctx.options;
    for (const { path, table } of tablesOf(ctx.doc)) {
      const rows = rowsOf(table.indicators);
      table.indicators.forEach((ind, i) => {
        const row = rows[i]!;
        const at = (field: 'name' | 'value') => [...path, 'indicators', i, field];
        // a table that repeats the category in the name column names the indicator in the description
        const own = head(row.name);
        const name = lex.categories.includes(own) && ind.description ? ind.description.trim() : ind.name;

        // an input measured as an output or outcome (资金到位率 under 产出)
        const h = name === ind.name ? own : head(name);
        const input = lex.inputs.find((w) => h.includes(w));
        const r = row.value;
        const qualitative = r?.ok === true && r.value.dimension === 'qualitative';
        if (!input && !qualitative) return; // the level matters to neither check below
        const level = levelOf(row);
        if (input && (level === 'output' || level === 'outcome')) {
          const l: Bilingual = level === 'output' ? { zh: '产出', en: 'output' } : { zh: '效益', en: 'outcome' };
          ctx.report({ path: at('name'), messageId: 'input', data: { name, level: l } });
          return;
        }

        if (!r?.ok || !qualitative) return;
        const word = r.value.qualitative!;
        const value = ind.value!.trim();

        // a vague target, anywhere (有所提高)
        const vague = lex.vague.find((w) => word.includes(w));
        if (vague) {
          ctx.report({ path: at('value'), messageId: 'vague', data: { name, value, word: vague } });
          return;
        }
        if (level === 'satisfaction' || level === 'outcome') {
          // words are fine here, except a satisfaction the indicator itself measures in percent
          if (level === 'satisfaction' && opts.satisfactionWords !== 'never') {
            const why = percentDeclared(ind);
            if (why || opts.satisfactionWords === 'always') {
              ctx.report({
                path: at('value'),
                messageId: 'satisfactionWord',
                data: { name, value, why: why ?? { zh: '满意度通常以问卷调查的百分比衡量', en: 'satisfaction is conventionally a surveyed percentage' } },
              });
            }
          }
          return;
        }
        // the value is a rate's name (及时率) rather than a rate
        if (lex.units.rate.some((w) => word.endsWith(w)) && word.length <= 6) {
          ctx.report({ path: at('value'), messageId: 'rateName', data: { name, value } });
          return;
        }
        // a word in a slot that needs a number or a date (显著 for a 时效 indicator)
        const slot = opts.slots.find((s) => (ind.level2 ?? '').includes(s));
        if (slot && lex.qualitative.includes(word)) {
          ctx.report({ path: at('value'), messageId: 'qualitative', data: { name, value, slot: SLOT[slot]!.name, expected: SLOT[slot]!.expected } });
        }
      });
    }
  },
});

/** How the indicator says it is a percentage, if it does. */
function percentDeclared(ind: Indicator): Bilingual | undefined {
  const mark = PERCENT_MARK.exec(ind.name);
  if (mark) return { zh: `名称带“${mark[0]}”`, en: `its name has "${mark[0]}"` };
  if (ind.unit && PERCENT_UNIT.test(ind.unit.trim())) return { zh: `单位为“${ind.unit.trim()}”`, en: `its unit is "${ind.unit.trim()}"` };
  if (ind.description && DEFINED_AS_SHARE.test(ind.description)) {
    return { zh: `描述为“${ind.description.trim()}”`, en: `its description reads "${ind.description.trim()}"` };
  }
  return undefined;
}
