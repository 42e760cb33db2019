/** The sum rules differ only in which relations they check: one factory, one module per rule id. */
import { defineRule, type Bilingual, type Rule } from '../engine/rule.js';
import { sumRelations, type RelationGroup } from '../model/relations.js';
import { SUM_MESSAGES, checkSum, termsOf } from './sum.js';

export function sumRule(id: string, description: Bilingual, groups: readonly RelationGroup[]): Rule<unknown> {
  return defineRule({
    meta: { id, type: 'problem', description, defaultSeverity: 'error', messages: SUM_MESSAGES, docs: `docs/rules/${id}.md` },
    check(ctx) {
      for (const rel of sumRelations(ctx.doc)) {
        if (!groups.includes(rel.group)) continue;
        const { total, parts } = termsOf(rel);
        checkSum(ctx.report, total, parts, ctx.unit);
      }
    },
  });
}
