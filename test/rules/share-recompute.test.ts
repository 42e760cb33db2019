import rule from '../../rules/share-recompute.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'shares = part ÷ whole, and the siblings add up to 100%',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total:
              amount: 600.00
              share: {percent: 68.18, of: expenditure.total}
          project:
            amount: 280.00
            share: {percent: 31.82, of: expenditure.total}
      `,
    },
    {
      name: 'compared at the stated places: 68.2% and 31.8%',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total:
              amount: 600.00
              share: {percent: 68.2, of: expenditure.total}
          project:
            amount: 280.00
            share: {percent: "31.8%", of: expenditure.total}
      `,
    },
    {
      name: 'thirds: 33.33% × 3 = 99.99% is 100% within rounding',
      yaml: yaml`
        three_public:
          total: 3.00
          overseas:
            amount: 1.00
            share: {percent: 33.33, of: three_public.total}
          vehicles:
            total:
              amount: 1.00
              share: {percent: 33.33, of: three_public.total}
          reception:
            amount: 1.00
            share: {percent: 33.33, of: three_public.total}
      `,
    },
    {
      name: 'the whole may be an amount itself: expenditure.total.amount',
      yaml: yaml`
        expenditure:
          total: 880.00
          project:
            amount: 280.00
            share: {percent: 31.82, of: expenditure.total.amount}
      `,
    },
    {
      name: 'the whole may be a project\'s funds: performance.projects[0].funds',
      yaml: yaml`
        expenditure:
          project:
            amount: 28.00
            share: {percent: 93.33, of: "performance.projects[0].funds"}
        performance:
          projects:
            - name: 普法宣传经费
              funds: 30.00
              indicators: []
      `,
    },
    {
      name: 'not applicable: a whole of zero',
      yaml: yaml`
        expenditure:
          total: 0
          project:
            amount: 0
            share: {percent: 0, of: expenditure.total}
      `,
    },
    {
      name: 'not applicable: siblings not all stating a share of the total',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total:
              amount: 600.00
              share: {percent: 68.18, of: expenditure.total}
          project: 280.00
      `,
    },
    {
      name: 'not applicable: no shares (bare numbers)',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total: 600.00
          project: 290.00
      `,
    },
  ],
  invalid: [
    {
      name: 'a share that is not part ÷ whole',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            label: 本年支出合计
          project:
            amount: 280.00
            share: {percent: 35.00, of: expenditure.total}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/project/share/percent',
          line: 12,
          level: 'error' as const,
          zh: '项目支出占本年支出合计的比例写为 35.00%，按 280.00 ÷ 880.00 计算应为 31.82%（差 3.18 个百分点，容差 ±0.1）',
          en: 'the share of 本年支出合计 is stated as 35.00%, but 280.00 ÷ 880.00 = 31.82% (difference 3.18 points',
        },
      ],
    },
    {
      name: 'the whole is named by its schema label when it has no label',
      yaml: yaml`
        expenditure:
          total: 880.00
          project:
            amount: 280.00
            share: {percent: 30, of: expenditure.total}
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/project/share/percent', line: 10, zh: '项目支出占本年支出合计的比例写为 30%，按 280.00 ÷ 880.00 计算应为 31.82%' }],
    },
    {
      name: 'rounding: 31.9% for 31.818…% is within 0.1 point',
      yaml: yaml`
        expenditure:
          total: 880.00
          project:
            amount: 280.00
            share: {percent: 31.9, of: expenditure.total}
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/expenditure/project/share/percent',
          line: 10,
          level: 'info' as const,
          zh: '项目支出占比写为 31.9%，计算值 31.82%，相差 0.08 个百分点，在舍入容差 ±0.1 之内',
        },
      ],
    },
    {
      name: 'precision: 31.80% for 31.818…% is compared at two places (rounding)',
      yaml: yaml`
        expenditure:
          total: 880.00
          project:
            amount: 280.00
            share: {percent: 31.80, of: expenditure.total}
      `,
      errors: [{ messageId: 'rounding', path: '/expenditure/project/share/percent', line: 10, level: 'info' as const, zh: '写为 31.80%，计算值 31.82%，相差 -0.02 个百分点' }],
    },
    {
      name: 'option percentPointsTolerance: 0 makes 31.9% an error',
      options: { percentPointsTolerance: 0 },
      yaml: yaml`
        expenditure:
          total: 880.00
          project:
            amount: 280.00
            share: {percent: 31.9, of: expenditure.total}
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/project/share/percent', line: 10, level: 'error' as const, zh: '写为 31.9%，按 280.00 ÷ 880.00 计算应为 31.82%（差 0.08 个百分点' }],
    },
    {
      name: 'option percentPointsTolerance: 1 makes 32.5% rounding',
      options: { percentPointsTolerance: 1 },
      yaml: yaml`
        expenditure:
          total: 880.00
          project:
            amount: 280.00
            share: {percent: 32.5, of: expenditure.total}
      `,
      errors: [{ messageId: 'rounding', path: '/expenditure/project/share/percent', line: 10, level: 'info' as const, zh: '相差 0.68 个百分点，在舍入容差 ±1 之内' }],
    },
    {
      name: 'the share refers to an amount the document does not have',
      yaml: yaml`
        expenditure:
          total: 880.00
          project:
            amount: 280.00
            share: {percent: 31.82, of: expenditure.totl}
      `,
      errors: [
        {
          messageId: 'unknownWhole',
          path: '/expenditure/project/share/of',
          line: 10,
          level: 'error' as const,
          zh: '项目支出的占比指向 "expenditure.totl"，但文档中没有这个金额',
          en: 'the share refers to "expenditure.totl", which is not an amount in the document',
        },
      ],
    },
    {
      name: 'the share refers to a part of the document that is not an amount',
      yaml: yaml`
        operating_costs:
          amount: 80.00
        expenditure:
          project:
            amount: 40.00
            share: {percent: 50.00, of: operating_costs}
      `,
      errors: [{ messageId: 'unknownWhole', path: '/expenditure/project/share/of', line: 11, zh: '指向 "operating_costs"' }],
    },
    {
      name: 'siblings whose shares do not add up to 100%',
      yaml: yaml`
        expenditure:
          total: 1000.00
          basic:
            total:
              amount: 600.00
              share: {percent: 60.00, of: expenditure.total}
          project:
            amount: 280.00
            share: {percent: 28.00, of: expenditure.total}
      `,
      errors: [
        {
          messageId: 'siblings',
          path: '/expenditure/basic/total/share/percent',
          line: 11,
          level: 'error' as const,
          zh: '本年支出合计各组成部分的占比之和为 88%，不是 100%（基本支出 60.00% + 项目支出 28.00%）',
          en: 'the shares of the parts of spending total add up to 88%, not 100% (basic spending 60.00% + project spending 28.00%)',
        },
      ],
    },
    {
      name: 'siblings off 100% by rounding only (100.03%): info, beside the share\'s own rounding',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total:
              amount: 600.00
              share: {percent: 68.18, of: expenditure.total}
          project:
            amount: 280.00
            share: {percent: 31.85, of: expenditure.total}
      `,
      errors: [
        { messageId: 'siblings', path: '/expenditure/basic/total/share/percent', line: 11, level: 'info' as const, zh: '占比之和为 100.03%，不是 100%（基本支出 68.18% + 项目支出 31.85%）' },
        { messageId: 'rounding', path: '/expenditure/project/share/percent', line: 14, level: 'info' as const, zh: '写为 31.85%，计算值 31.82%' },
      ],
    },
    {
      name: 'option percentPointsTolerance: 0 makes the same siblings an error',
      options: { percentPointsTolerance: 0 },
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total:
              amount: 600.00
              share: {percent: 68.18, of: expenditure.total}
          project:
            amount: 280.00
            share: {percent: 31.85, of: expenditure.total}
      `,
      errors: [
        { messageId: 'siblings', path: '/expenditure/basic/total/share/percent', line: 11, level: 'error' as const, zh: '占比之和为 100.03%' },
        { messageId: 'mismatch', path: '/expenditure/project/share/percent', line: 14, level: 'error' as const, zh: '应为 31.82%（差 0.03 个百分点' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
