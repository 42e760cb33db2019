import rule from '../../rules/expenditure-parts-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'basic + project = total (bare numbers)',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total: 600.00
          project: 280.00
      `,
    },
    {
      name: 'basic + project = total (figure objects)',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.53}
          basic:
            total:
              amount: 600.00
              share: {percent: 68.18, of: expenditure.total}
          project:
            amount: 280.00
            label: 项目支出
      `,
    },
    {
      name: 'the optional parts count when stated',
      yaml: yaml`
        expenditure:
          total: 1000.00
          basic:
            total: 600.00
          project: 280.00
          remit_to_superior: 20.00
          operating: 50.00
          subsidy_to_subordinate: 50.00
      `,
    },
    {
      name: 'a zero project part is exact',
      yaml: yaml`
        expenditure:
          total: 600.00
          basic:
            total: 600.00
          project: 0
      `,
    },
    {
      name: 'the carry-forward is not a part of this year\'s spending',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total: 600.00
          project: 280.00
          carryforward: 20.00
          grand_total: 900.00
      `,
    },
    {
      name: 'not applicable: no project spending stated',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total: 600.00
      `,
    },
    {
      name: 'not applicable: basic spending only as its parts',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            personnel: 520.00
            public: 80.00
          project: 280.00
      `,
    },
    {
      name: 'not applicable: no total',
      yaml: yaml`
        expenditure:
          basic:
            total: 600.00
          project: 280.00
      `,
    },
  ],
  invalid: [
    {
      name: 'total is not basic + project (bare numbers)',
      yaml: yaml`
        expenditure:
          total: 890.00
          basic:
            total: 600.00
          project: 280.00
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/total/amount',
          line: 7,
          level: 'error' as const,
          zh: '本年支出合计 890.00万元 不等于 基本支出 600.00 + 项目支出 280.00 = 880.00万元（差 10.00，舍入容差 ±0.015）',
          en: 'spending total 890.00 万元 does not equal basic spending 600.00 + project spending 280.00 = 880.00 万元 (difference 10.00, rounding tolerance ±0.015)',
        },
      ],
    },
    {
      name: 'total is not basic + project (figure objects)',
      yaml: yaml`
        expenditure:
          total:
            amount: 870.00
            prior: 850.00
          basic:
            total:
              amount: 600.00
          project:
            amount: 280.00
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/amount', line: 8, zh: '= 880.00万元（差 -10.00' }],
    },
    {
      name: 'an optional part left out of the total',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total: 600.00
          project: 280.00
          remit_to_superior: 20.00
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/total/amount',
          line: 7,
          zh: '基本支出 600.00 + 项目支出 280.00 + 上缴上级支出 20.00 = 900.00万元',
          en: 'remittance to superior 20.00 = 900.00 万元',
        },
      ],
    },
    {
      name: 'rounding: 600.004 + 280.004 = 880.008 stated as 600.00 + 280.00 against 880.01',
      yaml: yaml`
        expenditure:
          total: 880.01
          basic:
            total: 600.00
          project: 280.00
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/expenditure/total/amount',
          line: 7,
          level: 'info' as const,
          zh: '基本支出 600.00 + 项目支出 280.00 = 880.00万元 相差 0.01，在舍入容差 ±0.015 之内',
        },
      ],
    },
    {
      name: 'precision: a total of 10.0 may stand for 10.04 (rounding)',
      yaml: yaml`
        expenditure:
          total: 10.0
          basic:
            total: 5.02
          project: 5.02
      `,
      errors: [{ messageId: 'rounding', path: '/expenditure/total/amount', line: 7, level: 'info' as const, en: '= 10.04 万元 by -0.04, within the rounding tolerance ±0.06' }],
    },
    {
      name: 'precision: a total of 10.00 may not stand for 10.04 (error)',
      yaml: yaml`
        expenditure:
          total: 10.00
          basic:
            total: 5.02
          project: 5.02
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/amount', line: 7, level: 'error' as const, en: '= 10.04 万元 (difference -0.04, rounding tolerance ±0.015)' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
