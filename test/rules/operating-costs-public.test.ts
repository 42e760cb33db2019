import rule from '../../rules/operating-costs-public.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'operating costs = public costs (bare numbers)',
      yaml: yaml`
        expenditure:
          basic:
            public: 80.00
        operating_costs:
          amount: 80.00
          text: 机关运行经费共计安排80.00万元。
      `,
    },
    {
      name: 'operating costs = public costs (figure objects)',
      yaml: yaml`
        expenditure:
          basic:
            public:
              amount: 80.00
              prior: 75.00
        operating_costs:
          title: 三、机关运行经费安排情况
          amount:
            amount: 80.00
            prior: 75.00
            change: {amount: 5.00, direction: 增加}
      `,
    },
    {
      name: 'a gap within rounding: 80.0 vs 80.04',
      yaml: yaml`
        expenditure:
          basic:
            public: 80.04
        operating_costs:
          amount: 80.0
      `,
    },
    {
      name: 'not applicable: no public costs stated',
      yaml: yaml`
        expenditure:
          basic:
            total: 600.00
        operating_costs:
          amount: 82.00
      `,
    },
    {
      name: 'not applicable: no operating costs stated',
      yaml: yaml`
        expenditure:
          basic:
            public: 80.00
      `,
    },
  ],
  invalid: [
    {
      name: 'operating costs differ from public costs (a warning)',
      yaml: yaml`
        expenditure:
          basic:
            public: 80.00
        operating_costs:
          amount: 82.50
      `,
      errors: [
        {
          messageId: 'differs',
          path: '/operating_costs/amount/amount',
          line: 10,
          level: 'warn' as const,
          zh: '机关运行经费 82.50万元 与公用经费 80.00万元 不同（差 2.5）；请确认口径',
          en: 'operating costs (机关运行经费) 82.50 万元 differ from public costs 80.00 万元 (by 2.5); check the definition used',
        },
      ],
    },
    {
      name: 'figure-object operating costs',
      yaml: yaml`
        expenditure:
          basic:
            public:
              amount: 80.00
        operating_costs:
          amount:
            amount: 78.00
            prior: 80.00
      `,
      errors: [{ messageId: 'differs', path: '/operating_costs/amount/amount', line: 12, level: 'warn' as const, zh: '机关运行经费 78.00万元 与公用经费 80.00万元 不同（差 -2）' }],
    },
    {
      name: 'precision: 80.00 vs 80.04 is beyond rounding',
      yaml: yaml`
        expenditure:
          basic:
            public: 80.04
        operating_costs:
          amount: 80.00
      `,
      errors: [{ messageId: 'differs', path: '/operating_costs/amount/amount', line: 10, level: 'warn' as const, zh: '（差 -0.04）' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
