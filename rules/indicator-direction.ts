import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { memoText, rowsOf, shownValue, squash, tablesOf } from '../src/functions/indicators.js';
import type { Lexicons } from '../src/model/lexicons.js';
import type { Operator, ParsedValue } from '../src/indicators/parse-value.js';

const Options = z.strictObject({
  /**
   * Names that measure a fall (事故发生率下降幅度, 成本降低率) or a saving: a floor on a fall of a reverse
   * indicator or on a saving is right, so these names are left alone.
   */
  reductionWords: z.array(z.string().min(1)).default(['下降', '降低', '减少', '降幅', '减幅', '压降', '压减', '节约', '节省']),
});
type Options = z.output<typeof Options>;

/** The value with another operator: "≤90天" → "≥90天". */
function withOperator(v: ParsedValue, op: Operator): string {
  const number = v.range ? `${v.range.lowText}-${v.range.highText}` : (v.numberText ?? '');
  return `${op}${number}${v.magnitude ?? ''}${v.unit}`;
}

const has = (name: string, words: readonly string[]) => words.some((w) => w !== '' && name.includes(w));
const REDUCTION = 1;
const REVERSE = 2;
const FLOOR = 4;

/**
 * Which word lists a name (without spaces) has words of, once per distinct name: a run has one lexicons
 * and one options object.
 */
const readers = new WeakMap<Lexicons, WeakMap<Options, (name: string) => number>>();
function readerOf(lex: Lexicons, opts: Options): (name: string) => number {
  let byOpts = readers.get(lex);
  if (!byOpts) readers.set(lex, (byOpts = new WeakMap()));
  let read = byOpts.get(opts);
  if (!read) {
    byOpts.set(opts, (read = memoText((text: string) => {
      const name = squash(text);
      return (has(name, opts.reductionWords) ? REDUCTION : 0) | (has(name, lex.reverse) ? REVERSE : 0) | (has(name, lex.floors) ? FLOOR : 0);
    })));
  }
  return read;
}

const isMoney = (v: ParsedValue): boolean =>
  v.dimension === 'money' || (v.dimension === 'compound' && (v.baseUnit ?? '').startsWith('元'));

export default defineRule({
  meta: {
    id: 'indicator-direction',
    type: 'suggestion',
    description: {
      zh: '指标值的方向与指标相符：反向指标（发生率、投诉率…）用 ≤、< 或 = 0，存储、运行时长等用 ≥，成本用 ≤',
      en: 'The operator points the right way: reverse indicators (发生率, 投诉率…) take ≤, < or = 0; retention and running times take ≥; costs take ≤',
    },
    defaultSeverity: 'warn',
    options: Options,
    messages: {
      reverse: {
        zh: '“{{name}}”是反向指标（越低越好），指标值 {{value}} 却设了下限；应写作 {{expected}}（或 = 0）',
        en: '"{{name}}" is a reverse indicator (lower is better), but its value {{value}} sets a floor; expected {{expected}} (or = 0)',
      },
      floor: {
        zh: '“{{name}}”是应当达到的时长或水平（下限），指标值 {{value}} 却写成了上限；应为 {{expected}}',
        en: '"{{name}}" is a level to reach (a floor), but its value {{value}} is written as a ceiling; expected {{expected}}',
      },
      cost: {
        zh: '成本指标“{{name}}”的指标值 {{value}} 设了下限；成本目标是上限，应为 {{expected}}',
        en: 'cost indicator "{{name}}" has {{value}}, a floor; a cost target is a ceiling: expected {{expected}}',
      },
    },
    docs: 'docs/rules/indicator-direction.md',
  },
  check(ctx) {
    const read = readerOf(ctx.lexicons, ctx.options);
    for (const { path, table } of tablesOf(ctx.doc)) {
      const rows = rowsOf(table.indicators);
      table.indicators.forEach((ind, i) => {
        const r = rows[i]!.value;
        if (!r?.ok || !r.value.operator) return;
        const v = r.value;
        const op = v.operator!;
        const words = read(rows[i]!.name);
        if (words & REDUCTION) return;
        // the path and the shown value are built only for a finding
        const at = () => [...path, 'indicators', i, 'value'];
        const base = () => ({ name: ind.name, value: shownValue(ind) });
        const rising = op === '≥' || op === '>';
        const falling = op === '≤' || op === '<';
        if (rising && words & REVERSE) {
          ctx.report({ path: at(), messageId: 'reverse', data: { ...base(), expected: withOperator(v, op === '>' ? '<' : '≤') } });
        } else if (falling && words & FLOOR && v.dimension !== 'date') {
          // a date is a deadline ("≤2021年12月"), not a length of time
          ctx.report({ path: at(), messageId: 'floor', data: { ...base(), expected: withOperator(v, op === '<' ? '>' : '≥') } });
        } else if (rising && isMoney(v) && (ind.level1.includes('成本') || (ind.level2 ?? '').includes('成本'))) {
          ctx.report({ path: at(), messageId: 'cost', data: { ...base(), expected: withOperator(v, op === '>' ? '<' : '≤') } });
        }
      });
    }
  },
});
