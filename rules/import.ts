import { defineRule } from '../src/engine/rule.js';

/**
 * What the importer of a published document (.docx, .xlsx, .txt) read but could not use: a table it did
 * not recognise, a figure with no label. Reported by the importer itself (src/engine/lint-document.ts)
 * as info at the place in the original; listed here so that it has an id, a doc page and can be turned off.
 */
export default defineRule({
  meta: {
    id: 'import',
    type: 'suggestion',
    description: {
      zh: '导入原文档（.docx、.xlsx、.txt）时未能识别的内容：未识别的表格、没有名称的数字等（提示）',
      en: 'What the importer of a .docx, .xlsx or .txt document read but could not use: an unrecognised table, a figure with no label (info)',
    },
    defaultSeverity: 'warn',
    messages: {},
    docs: 'docs/rules/import.md',
  },
  check() {},
});
