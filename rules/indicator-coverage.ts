import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { tablesOf } from '../src/functions/indicators.js';

const Category = z.strictObject({
  /** the category as the message names it */
  name: z.string().min(1),
  /** a row belongs to it when its 一级 or 二级 指标 contains one of these words */
  words: z.array(z.string().min(1)).min(1),
});

const Options = z.strictObject({
  /** the 一级 categories every project table covers (domain notes §4) */
  categories: z.array(Category).default([
    { name: '产出', words: ['产出'] },
    { name: '效益', words: ['效益', '效果'] },
    { name: '满意度', words: ['满意度'] },
  ]),
  /** the fewest 三级 indicators a project table has */
  minIndicators: z.number().int().min(0).default(3),
});

export default defineRule({
  meta: {
    id: 'indicator-coverage',
    type: 'suggestion',
    description: {
      zh: '项目绩效目标表应覆盖 产出、效益、满意度 三类一级指标，且至少有 3 个三级指标',
      en: 'A project performance table covers the 产出 (output), 效益 (benefit) and 满意度 (satisfaction) categories, with at least 3 indicators',
    },
    defaultSeverity: 'warn',
    options: Options,
    messages: {
      missing: {
        zh: '项目“{{project}}”的绩效目标表缺少{{missing}}类指标（项目表应覆盖 {{required}}）',
        en: 'the performance table of project "{{project}}" has no indicator under {{missing}} (a project table covers {{required}})',
      },
      tooFew: {
        zh: '项目“{{project}}”的绩效目标表只有 {{count}} 个指标，少于 {{min}} 个',
        en: 'the performance table of project "{{project}}" has {{count}} indicators, fewer than {{min}}',
      },
    },
    docs: 'docs/rules/indicator-coverage.md',
  },
  check(ctx) {
    const { categories, minIndicators } = ctx.options;
    for (const { path, table, department } of tablesOf(ctx.doc)) {
      const inds = table.indicators;
      // an empty list is a table not transcribed (the document only refers to it), not a table with no rows
      if (department || inds.length === 0) continue;
      const missing = categories.filter(
        (c) => !inds.some((ind) => c.words.some((w) => ind.level1.includes(w) || (ind.level2 ?? '').includes(w))),
      );
      const at = [...path, 'indicators'];
      if (missing.length > 0) {
        ctx.report({
          path: at,
          messageId: 'missing',
          data: {
            project: table.name,
            missing: { zh: missing.map((c) => c.name).join('、'), en: missing.map((c) => c.name).join(', ') },
            required: { zh: categories.map((c) => c.name).join('、'), en: categories.map((c) => c.name).join(', ') },
          },
        });
      }
      if (inds.length < minIndicators) {
        ctx.report({ path: at, messageId: 'tooFew', data: { project: table.name, count: inds.length, min: minIndicators } });
      }
    }
  },
});
