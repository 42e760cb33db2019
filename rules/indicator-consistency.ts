import { defineRule } from '../src/engine/rule.js';
import { toPointer } from '../src/engine/path.js';
import { nameKey, parsedValue, rowsOf, sameDescription, shownValue, tablesOf } from '../src/functions/indicators.js';
import type { ParsedValue } from '../src/indicators/parse-value.js';

/** A value with no operator states the target itself: read it as "=". */
function sameTarget(a: ParsedValue, b: ParsedValue): boolean {
  if ((a.operator ?? '=') !== (b.operator ?? '=')) return false;
  if (a.dimension === 'qualitative' || b.dimension === 'qualitative') return a.qualitative === b.qualitative;
  if ((a.baseUnit ?? a.unit) !== (b.baseUnit ?? b.unit)) return false;
  if (a.scaled && b.scaled) return a.scaled.eq(b.scaled);
  return a.text.trim() === b.text.trim();
}

export default defineRule({
  meta: {
    id: 'indicator-consistency',
    type: 'problem',
    description: {
      zh: '部门整体绩效目标表中的指标，若也出现在项目绩效目标表中，符号、数值和单位应相同',
      en: 'An indicator of the department-wide table that also appears in a project table has the same operator, value and unit there',
    },
    defaultSeverity: 'error',
    messages: {
      differs: {
        zh: '指标“{{name}}”在本项目表中为 {{value}}，在部门整体绩效目标表中为 {{deptValue}}',
        en: 'indicator "{{name}}" is {{value}} in this project table but {{deptValue}} in the department-wide table',
      },
    },
    docs: 'docs/rules/indicator-consistency.md',
  },
  check(ctx) {
    const tables = tablesOf(ctx.doc);
    const dept = tables.find((t) => t.department);
    if (!dept) return;
    const byName = new Map<string, number>();
    rowsOf(dept.table.indicators).forEach((r, i) => byName.set(nameKey(r.name), i));
    for (const t of tables) {
      if (t.department) continue;
      const rows = rowsOf(t.table.indicators);
      t.table.indicators.forEach((ind, i) => {
        const j = byName.get(nameKey(rows[i]!.name));
        if (j === undefined) return;
        const d = dept.table.indicators[j]!;
        if (!sameDescription(ind, d)) return;
        const a = parsedValue(ind);
        const b = parsedValue(d);
        if (!a?.ok || !b?.ok || sameTarget(a.value, b.value)) return;
        const deptPath = [...dept.path, 'indicators', j, 'value'];
        ctx.report({
          path: [...t.path, 'indicators', i, 'value'],
          messageId: 'differs',
          data: { name: ind.name, value: shownValue(ind), deptValue: shownValue(d), deptPointer: toPointer(deptPath) },
          related: [deptPath],
        });
      });
    }
  },
});
