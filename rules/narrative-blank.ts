import { defineRule } from '../src/engine/rule.js';
import { nameOf, nodesOf, pathOf } from '../src/narrative/structure.js';

export default defineRule({
  meta: {
    id: 'narrative-blank',
    type: 'problem',
    description: {
      zh: '文字说明中不留空白占位（“占 %”“减少 万元”“增长 %”“XX万元”）：应写的数字缺失',
      en: 'No blank placeholder is left in the narrative ("占 %", "减少 万元", "增长 %", "XX万元"): a figure is missing',
    },
    defaultSeverity: 'error',
    messages: {
      blank: {
        zh: '{{label}}处留有空白占位“{{blank}}”，应填写数字',
        en: '{{label}}: a blank placeholder "{{blank}}" is left where a figure belongs',
      },
    },
    docs: 'docs/rules/narrative-blank.md',
  },
  check(ctx) {
    for (const n of nodesOf(ctx.doc.narrative, ctx.unit)) {
      const blank = n.s.blank?.trim();
      if (!blank) continue;
      ctx.report({ path: pathOf(n.index, 'blank'), messageId: 'blank', data: { label: nameOf(n), blank } });
    }
  },
});
