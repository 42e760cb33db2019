import rule from '../../rules/basic-parts-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'personnel + public = basic (bare numbers)',
      yaml: yaml`
        expenditure:
          basic:
            total: 600.00
            personnel: 520.00
            public: 80.00
      `,
    },
    {
      name: 'personnel + public = basic (figure objects)',
      yaml: yaml`
        expenditure:
          basic:
            total:
              amount: 600.00
              prior: 560.00
              change: {amount: 40.00, direction: 增加, rate: 7.14, reason: 人员工资标准调整}
            personnel:
              amount: 520.00
              prior: 485.00
            public:
              amount: 80.00
              share: {percent: 13.33, of: expenditure.basic.total}
      `,
    },
    {
      name: 'a zero public part is exact',
      yaml: yaml`
        expenditure:
          basic:
            total: 520.00
            personnel: 520.00
            public: 0
      `,
    },
    {
      name: 'not applicable: public costs not stated',
      yaml: yaml`
        expenditure:
          basic:
            total: 600.00
            personnel: 520.00
      `,
    },
    {
      name: 'not applicable: no basic total',
      yaml: yaml`
        expenditure:
          basic:
            personnel: 520.00
            public: 80.00
      `,
    },
    {
      name: 'not applicable: no basic spending at all',
      yaml: yaml`
        expenditure:
          total: 280.00
          project: 280.00
      `,
    },
  ],
  invalid: [
    {
      name: 'basic is not personnel + public (bare numbers)',
      yaml: yaml`
        expenditure:
          basic:
            total: 610.00
            personnel: 520.00
            public: 80.00
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/basic/total/amount',
          line: 8,
          level: 'error' as const,
          zh: '基本支出 610.00万元 不等于 人员经费 520.00 + 公用经费 80.00 = 600.00万元（差 10.00，舍入容差 ±0.015）',
          en: 'basic spending 610.00 万元 does not equal personnel costs 520.00 + public costs 80.00 = 600.00 万元',
        },
      ],
    },
    {
      name: 'basic is not personnel + public (figure objects)',
      yaml: yaml`
        expenditure:
          basic:
            total:
              amount: 600.00
              prior: 560.00
            personnel:
              amount: 530.00
            public:
              amount: 80.00
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/basic/total/amount', line: 9, zh: '人员经费 530.00 + 公用经费 80.00 = 610.00万元（差 -10.00' }],
    },
    {
      name: 'rounding: 520.004 + 80.004 = 600.008 stated as 520.00 + 80.00 against 600.01',
      yaml: yaml`
        expenditure:
          basic:
            total: 600.01
            personnel: 520.00
            public: 80.00
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/expenditure/basic/total/amount',
          line: 8,
          level: 'info' as const,
          zh: '人员经费 520.00 + 公用经费 80.00 = 600.00万元 相差 0.01，在舍入容差 ±0.015 之内',
        },
      ],
    },
    {
      name: 'precision: 600.0 may stand for 600.04 (rounding)',
      yaml: yaml`
        expenditure:
          basic:
            total: 600.0
            personnel: 520.02
            public: 80.02
      `,
      errors: [{ messageId: 'rounding', path: '/expenditure/basic/total/amount', line: 8, level: 'info' as const, zh: '= 600.04万元 相差 -0.04，在舍入容差 ±0.06 之内' }],
    },
    {
      name: 'precision: 600.00 may not stand for 600.04 (error)',
      yaml: yaml`
        expenditure:
          basic:
            total: 600.00
            personnel: 520.02
            public: 80.02
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/basic/total/amount', line: 8, level: 'error' as const, zh: '= 600.04万元（差 -0.04，舍入容差 ±0.015）' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
