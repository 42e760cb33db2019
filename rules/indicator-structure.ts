import { defineRule, type Bilingual } from '../src/engine/rule.js';
import { memoText, nameKey, parsedValue, rowsOf, sameDescription, shownValue, squash as squashText, tablesOf } from '../src/functions/indicators.js';
import type { ParsedValue } from '../src/indicators/parse-value.js';
import type { Indicator } from '../src/model/schema.js';
import type { Lexicons } from '../src/model/lexicons.js';

const CATEGORY_SUFFIX = /指标$/;
const squash = (s: string | undefined): string => (s === undefined ? '' : squashText(s));

/** "数量" and "数量指标" are the same category. */
const categoryText = memoText((c: string): string => squash(c).replace(CATEGORY_SUFFIX, ''));
const categoryKey = (c: string | undefined): string => (c === undefined ? '' : categoryText(c));

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/**
 * A 三级指标 that is a category name (数量指标, 社会效益) is the 二级 column repeated: the row's real name
 * is usually in the description column. A category word that is itself a measure (满意度, 服务对象满意度:
 * it names a rate, lexicons.units.rate) is a common and proper indicator name, unless it says 指标.
 */
function isCategoryName(name: string, lex: Lexicons): boolean {
  let f = categoryNames.get(lex);
  if (!f) {
    const categories = new Set(lex.categories.map(squash));
    categoryNames.set(lex, (f = memoText((name: string) => {
      const n = squash(name);
      if (!categories.has(n)) return false;
      return n.endsWith('指标') || !lex.units.rate.some((w) => w !== '' && n.includes(w));
    })));
  }
  return f(name);
}
/** Per lexicons (one a run), the category names squashed once and each distinct name read once. */
const categoryNames = new WeakMap<Lexicons, (name: string) => boolean>();

/** A value with no operator states the target itself: read it as "=". */
function sameTarget(a: ParsedValue, b: ParsedValue): boolean {
  if ((a.operator ?? '=') !== (b.operator ?? '=')) return false;
  if (a.dimension === 'qualitative' || b.dimension === 'qualitative') return a.qualitative === b.qualitative;
  if ((a.baseUnit ?? a.unit) !== (b.baseUnit ?? b.unit)) return false;
  if (a.scaled && b.scaled) return a.scaled.eq(b.scaled);
  return squash(a.text) === squash(b.text);
}

function sameValue(a: Indicator, b: Indicator): boolean {
  const pa = parsedValue(a);
  const pb = parsedValue(b);
  if (pa?.ok && pb?.ok) return sameTarget(pa.value, pb.value);
  return squash(shownValue(a)) === squash(shownValue(b));
}

export default defineRule({
  meta: {
    id: 'indicator-structure',
    type: 'problem',
    description: {
      zh: '绩效目标表的每一行是一个指标：三级指标不是类别名（列错位），有指标值，同一类别下不出现两个同名而指标值不同的指标',
      en: 'Each row of a performance table is one indicator: its name is not a category name (shifted columns), it has a value, and no two rows of one category share a name with different values',
    },
    defaultSeverity: 'error',
    messages: {
      shifted: {
        zh: '三级指标“{{name}}”是类别名，不是指标名称{{repeated}}：表格的列可能错位{{hint}}',
        en: 'the indicator name (三级指标) "{{name}}" is a category name, not an indicator{{repeated}}: the columns are probably shifted{{hint}}',
      },
      noValue: {
        zh: '指标“{{name}}”没有填写指标值{{written}}，无法考核',
        en: 'indicator "{{name}}" has no target value{{written}}, so it cannot be assessed',
      },
      duplicate: {
        zh: '指标“{{name}}”在本表“{{category}}”下出现两次，指标值不同：第{{otherRow}}行为 {{otherValue}}，第{{row}}行为 {{value}}；同一指标只能有一个目标值',
        en: 'indicator "{{name}}" appears twice under "{{category}}" in this table with different values: {{otherValue}} in row {{otherRow}}, {{value}} in row {{row}}; one indicator has one target',
      },
      sameName: {
        zh: '本表“{{category}}”下有两个指标都叫“{{name}}”：第{{otherRow}}行 {{otherValue}}（“{{otherDescription}}”），第{{row}}行 {{value}}（“{{description}}”）；描述不同，是两个指标，应各用能区分的名称',
        en: 'two indicators under "{{category}}" are both named "{{name}}": {{otherValue}} ("{{otherDescription}}") in row {{otherRow}}, {{value}} ("{{description}}") in row {{row}}; the descriptions differ, so they are two indicators and each needs a name of its own',
      },
    },
    docs: 'docs/rules/indicator-structure.md',
  },
  check(ctx) {
    const lex = ctx.lexicons;
    for (const { path, table } of tablesOf(ctx.doc)) {
      const inds = table.indicators;
      const rows = rowsOf(inds);
      const shifted = rows.map((r) => isCategoryName(r.name, lex));

      inds.forEach((ind, i) => {
        const at = (field: string) => [...path, 'indicators', i, field];
        // (a) a category name in the 三级 column
        if (shifted[i]) {
          const own = nameKey(ind.name).replace(CATEGORY_SUFFIX, '');
          const repeated: Bilingual =
            ind.level2 !== undefined && categoryKey(ind.level2) === own
              ? { zh: `（与二级指标“${ind.level2}”重复）`, en: ` (it repeats the level-2 category "${ind.level2}")` }
              : categoryKey(ind.level1) === own
                ? { zh: `（与一级指标“${ind.level1}”重复）`, en: ` (it repeats the level-1 category "${ind.level1}")` }
                : { zh: '', en: '' };
          const desc = ind.description?.trim();
          const hint: Bilingual = desc && squash(desc) !== squash(ind.name)
            ? { zh: `，指标本身可能是描述栏中的“${desc}”`, en: `; the indicator itself is probably the description "${desc}"` }
            : { zh: '', en: '' };
          ctx.report({
            path: at('name'),
            messageId: 'shifted',
            data: { name: ind.name, repeated, hint },
          });
        }
        // (b) no value at all
        if (blank(ind.value)) {
          const parts = [ind.operator, ind.unit].filter((s) => !blank(s)).map((s) => s!.trim()).join(' ');
          const written: Bilingual = parts ? { zh: `（只写了“${parts}”）`, en: ` (only "${parts}" is written)` } : { zh: '', en: '' };
          ctx.report({ path: at('value'), messageId: 'noValue', data: { name: ind.name, written } });
        }
      });

      // (c) the same name twice under one category, with different values: each row against the first
      // earlier row of its name and category, the keys worked out once per row
      const names = inds.map((ind, j) => (shifted[j] || blank(ind.value) ? undefined : nameKey(rows[j]!.name)));
      const categories = rows.map((r, j) => (names[j] === undefined ? undefined : categoryKey(r.level2 ?? r.level1)));
      inds.forEach((ind, j) => {
        const name = names[j];
        if (name === undefined) return;
        let i = 0;
        while (i < j && (names[i] !== name || categories[i] !== categories[j])) i++;
        if (i === j) return;
        const other = inds[i]!;
        if (sameValue(other, ind)) return;
        const otherPath = [...path, 'indicators', i, 'name'];
        const same = sameDescription(other, ind);
        ctx.report({
          path: [...path, 'indicators', j, 'name'],
          messageId: same ? 'duplicate' : 'sameName',
          data: {
            name: ind.name,
            category: ind.level2 ?? ind.level1,
            row: j + 1,
            otherRow: i + 1,
            value: shownValue(ind),
            otherValue: shownValue(other),
            description: ind.description ?? '',
            otherDescription: other.description ?? '',
          },
          related: [otherPath],
        });
      });
    }
  },
});
