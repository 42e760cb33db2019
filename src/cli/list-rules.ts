import type { Rule } from '../engine/rule.js';
import type { Lang } from '../format/types.js';

export function listRules(rules: readonly Rule<unknown>[], lang: Lang, asJson: boolean): string {
  if (asJson) {
    return JSON.stringify(rules.map((r) => ({ id: r.meta.id, type: r.meta.type, defaultSeverity: r.meta.defaultSeverity, description: r.meta.description, docs: r.meta.docs }))) + '\n';
  }
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length));
  return rules.map((r) => `${r.meta.id.padEnd(idWidth)}  ${r.meta.defaultSeverity.padEnd(5)}  ${r.meta.description[lang]}  (${r.meta.docs})`).join('\n') + '\n';
}
