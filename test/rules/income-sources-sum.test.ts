import rule from '../../rules/income-sources-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'sources add up (bare numbers)',
      yaml: yaml`
        income:
          total: 860.00
          general_budget: 800.00
          government_fund: 50.00
          other: 10.00
      `,
    },
    {
      name: 'sources add up (figure objects)',
      yaml: yaml`
        income:
          total:
            amount: 860.00
            prior: 830.00
            change: {amount: 30.00, direction: 增加, rate: 3.61}
          general_budget:
            amount: 800.00
            prior: 780.00
          other:
            amount: 60.00
            prior: 50.00
      `,
    },
    {
      name: 'rounded parts that still add up exactly: 1.234 → 1.23, 2.345 → 2.35, total 3.58',
      yaml: yaml`
        income:
          total: 3.58
          general_budget: 1.23
          other: 2.35
      `,
    },
    {
      name: 'every kind of source counts',
      yaml: yaml`
        income:
          total: 45.00
          general_budget: 1.00
          government_fund: 2.00
          state_capital: 3.00
          special_account: 4.00
          business: 5.00
          operating: 6.00
          superior_subsidy: 7.00
          subordinate_remit: 8.00
          other: 9.00
      `,
    },
    {
      name: 'zero sources are exact',
      yaml: yaml`
        income:
          total: 800.00
          general_budget: 800.00
          government_fund: 0
          state_capital: 0.00
      `,
    },
    {
      name: 'grand total = total + carry-over',
      yaml: yaml`
        income:
          total: 860.00
          general_budget: 860.00
          carryover: 20.00
          grand_total: 880.00
      `,
    },
    {
      name: 'grand total without a carry-over equals the total',
      yaml: yaml`
        income:
          total: 860.00
          general_budget: 860.00
          grand_total: 860.00
      `,
    },
    {
      name: 'not applicable: a total with no source stated',
      yaml: yaml`
        income:
          total: 860.00
      `,
    },
    {
      name: 'not applicable: sources with no total',
      yaml: yaml`
        income:
          general_budget: 800.00
          other: 10.00
      `,
    },
    {
      name: 'not applicable: a grand total without this year\'s total',
      yaml: yaml`
        income:
          general_budget: 800.00
          carryover: 20.00
          grand_total: 900.00
      `,
    },
    {
      name: 'not applicable: no income part',
      yaml: yaml`
        expenditure:
          total: 880.00
      `,
    },
  ],
  invalid: [
    {
      name: 'total is not the sum of the sources (bare numbers)',
      yaml: yaml`
        income:
          total: 870.00
          general_budget: 800.00
          government_fund: 50.00
          other: 10.00
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/income/total/amount',
          line: 7,
          level: 'error' as const,
          zh: '本年收入合计 870.00万元 不等于 一般公共预算拨款收入 800.00 + 政府性基金预算拨款收入 50.00 + 其他收入 10.00 = 860.00万元（差 10.00，舍入容差 ±0.02）',
          en: 'income total 870.00 万元 does not equal general budget appropriation 800.00 + government fund appropriation 50.00 + other income 10.00 = 860.00 万元',
        },
      ],
    },
    {
      name: 'total is not the sum of the sources (figure objects)',
      yaml: yaml`
        income:
          total:
            amount: 870.00
            prior: 830.00
          general_budget:
            amount: 800.00
            prior: 780.00
          other:
            amount: 60.00
            prior: 50.00
      `,
      errors: [{ messageId: 'mismatch', path: '/income/total/amount', line: 8, zh: '一般公共预算拨款收入 800.00 + 其他收入 60.00 = 860.00万元' }],
    },
    {
      name: 'rounding: 1.234 + 2.344 = 3.578 stated as 1.23 + 2.34 against 3.58',
      yaml: yaml`
        income:
          total: 3.58
          general_budget: 1.23
          other: 2.34
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/income/total/amount',
          line: 7,
          level: 'info' as const,
          zh: '一般公共预算拨款收入 1.23 + 其他收入 2.34 = 3.57万元 相差 0.01，在舍入容差 ±0.015 之内',
          en: 'differs from general budget appropriation 1.23 + other income 2.34 = 3.57 万元 by 0.01',
        },
      ],
    },
    {
      name: 'precision: a total of 10.0 may stand for 10.04 (rounding)',
      yaml: yaml`
        income:
          total: 10.0
          general_budget: 5.02
          other: 5.02
      `,
      errors: [{ messageId: 'rounding', path: '/income/total/amount', line: 7, level: 'info' as const, zh: '= 10.04万元 相差 -0.04，在舍入容差 ±0.06 之内' }],
    },
    {
      name: 'precision: a total of 10.00 may not stand for 10.04 (error)',
      yaml: yaml`
        income:
          total: 10.00
          general_budget: 5.02
          other: 5.02
      `,
      errors: [{ messageId: 'mismatch', path: '/income/total/amount', line: 7, level: 'error' as const, zh: '= 10.04万元（差 -0.04，舍入容差 ±0.015）' }],
    },
    {
      name: 'grand total is not total + carry-over',
      yaml: yaml`
        income:
          total: 860.00
          general_budget: 860.00
          carryover: 20.00
          grand_total: 890.00
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/income/grand_total/amount',
          line: 10,
          zh: '收入总计 890.00万元 不等于 本年收入合计 860.00 + 上年结转 20.00 = 880.00万元',
          en: 'income grand total 890.00 万元 does not equal income total 860.00 + carry-over from last year 20.00 = 880.00 万元',
        },
      ],
    },
    {
      name: 'both relations broken: reported in source order',
      yaml: yaml`
        income:
          total: 861.00
          general_budget: 860.00
          carryover:
            amount: 20.00
          grand_total:
            amount: 880.00
      `,
      errors: [
        { messageId: 'mismatch', path: '/income/total/amount', line: 7, zh: '一般公共预算拨款收入 860.00 = 860.00万元' },
        { messageId: 'mismatch', path: '/income/grand_total/amount', line: 12, zh: '本年收入合计 861.00 + 上年结转 20.00 = 881.00万元' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
