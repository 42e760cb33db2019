import rule from '../../rules/budget-balance.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'income + carry-over = spending + carry-forward',
      yaml: yaml`
        income:
          total: 860.00
          carryover: 20.00
        expenditure:
          total: 870.00
          carryforward: 10.00
      `,
    },
    {
      name: 'no carry-overs: income total = spending total (figure objects)',
      yaml: yaml`
        income:
          total:
            amount: 860.00
            prior: 800.00
        expenditure:
          total:
            amount: 860.00
            prior: 800.00
      `,
    },
    {
      name: 'grand totals agree, and spending grand total = total + carry-forward',
      yaml: yaml`
        income:
          total: 860.00
          carryover: 20.00
          grand_total: 880.00
        expenditure:
          total: 870.00
          carryforward: 10.00
          grand_total: 880.00
      `,
    },
    {
      name: 'with both grand totals stated the balance is between them',
      yaml: yaml`
        income:
          total: 850.00
          grand_total: 880.00
        expenditure:
          total: 880.00
          grand_total: 880.00
      `,
    },
    {
      name: 'zero carry-overs are exact',
      yaml: yaml`
        income:
          total: 860.00
          carryover: 0
        expenditure:
          total: 860.00
          carryforward: 0.00
      `,
    },
    {
      name: 'not applicable: income only',
      yaml: yaml`
        income:
          total: 860.00
          carryover: 20.00
      `,
    },
    {
      name: 'not applicable: spending only, grand total without a total',
      yaml: yaml`
        expenditure:
          carryforward: 10.00
          grand_total: 900.00
      `,
    },
    {
      name: 'not applicable: one grand total, no income total to balance',
      yaml: yaml`
        income:
          grand_total: 900.00
        expenditure:
          total: 880.00
      `,
    },
  ],
  invalid: [
    {
      name: 'spending exceeds income + carry-over',
      yaml: yaml`
        income:
          total: 860.00
          carryover: 20.00
        expenditure:
          total: 890.00
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/total/amount',
          line: 10,
          level: 'error' as const,
          zh: '本年支出合计 890.00万元 不等于 本年收入合计 860.00 + 上年结转 20.00 = 880.00万元（差 10.00，舍入容差 ±0.015）',
          en: 'spending total 890.00 万元 does not equal income total 860.00 + carry-over from last year 20.00 = 880.00 万元',
        },
      ],
    },
    {
      name: 'the carry-forward is subtracted',
      yaml: yaml`
        income:
          total: 860.00
          carryover: 20.00
        expenditure:
          total: 880.00
          carryforward: 10.00
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/total/amount',
          line: 10,
          zh: '本年收入合计 860.00 + 上年结转 20.00 − 结转下年 10.00 = 870.00万元（差 10.00',
        },
      ],
    },
    {
      name: 'grand totals differ (figure objects)',
      yaml: yaml`
        income:
          grand_total:
            amount: 880.00
        expenditure:
          grand_total:
            amount: 890.00
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/grand_total/amount', line: 11, zh: '支出总计 890.00万元 不等于 收入总计 880.00 = 880.00万元' }],
    },
    {
      name: 'spending grand total is not total + carry-forward',
      yaml: yaml`
        expenditure:
          total: 870.00
          carryforward: 10.00
          grand_total: 890.00
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/grand_total/amount', line: 9, en: 'spending total 870.00 + carry-forward to next year 10.00 = 880.00 万元 (difference 10.00' }],
    },
    {
      name: 'rounding: income 860.0 may stand for the 860.04 spent',
      yaml: yaml`
        income:
          total: 860.0
        expenditure:
          total: 860.04
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/expenditure/total/amount',
          line: 9,
          level: 'info' as const,
          zh: '本年支出合计 860.04万元 与 本年收入合计 860.0 = 860.00万元 相差 0.04，在舍入容差 ±0.055 之内',
        },
      ],
    },
    {
      name: 'precision: income 860.00 may not stand for 860.04 (error)',
      yaml: yaml`
        income:
          total: 860.00
        expenditure:
          total: 860.04
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/amount', line: 9, level: 'error' as const, zh: '（差 0.04，舍入容差 ±0.01）' }],
    },
    {
      name: 'both grand-total relations broken',
      yaml: yaml`
        income:
          grand_total: 880.00
        expenditure:
          total: 880.00
          carryforward: 10.00
          grand_total: 885.00
      `,
      errors: [
        { messageId: 'mismatch', path: '/expenditure/grand_total/amount', line: 11, zh: '本年支出合计 880.00 + 结转下年 10.00 = 890.00万元' },
        { messageId: 'mismatch', path: '/expenditure/grand_total/amount', line: 11, zh: '收入总计 880.00 = 880.00万元' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
