import { defineRule } from '../src/engine/rule.js';

/**
 * The model's own check, run by the engine before any rule (src/engine/lint.ts): it is listed here so
 * that it has an id, a doc page and a severity like every rule. Turning it off hides schema findings;
 * the parts that do not fit the model are still left out of the other rules.
 */
export default defineRule({
  meta: {
    id: 'schema',
    type: 'problem',
    description: {
      zh: '数据符合预算模型：字段名、类型、必填项（字段名拼错不会被悄悄放过）',
      en: 'The data fits the budget model: key names, types, required keys (a mistyped key never passes silently)',
    },
    defaultSeverity: 'error',
    messages: {},
    docs: 'docs/rules/schema.md',
  },
  check() {},
});
