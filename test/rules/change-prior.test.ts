import rule from '../../rules/change-prior.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'prior + increase = current',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.53}
      `,
    },
    {
      name: 'prior − decrease = current (the amount is written unsigned)',
      yaml: yaml`
        expenditure:
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: 10.00, direction: 减少}
      `,
    },
    {
      name: 'a signed amount stands as written',
      yaml: yaml`
        expenditure:
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: -10.00}
      `,
    },
    {
      name: '持平 without an amount: current = prior',
      yaml: yaml`
        three_public:
          vehicles:
            operation:
              amount: 6.00
              prior: 6.00
              change: {direction: 持平}
      `,
    },
    {
      name: 'other direction words: 下降, 增长',
      yaml: yaml`
        income:
          general_budget:
            amount: 800.00
            prior: 820.00
            change: {amount: 20.00, direction: 下降}
          other:
            amount: 60.00
            prior: 50.00
            change: {amount: 10.00, direction: 增长}
      `,
    },
    {
      name: 'not applicable: bare numbers',
      yaml: yaml`
        expenditure:
          total: 880.00
      `,
    },
    {
      name: 'not applicable: no prior stated',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            change: {amount: 50.00, direction: 增加}
      `,
    },
    {
      name: 'not applicable: no change stated',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 800.00
      `,
    },
    {
      name: 'not applicable: a direction word without an amount',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 800.00
            change: {direction: 增加, rate: 10.00}
      `,
    },
  ],
  invalid: [
    {
      name: 'prior + change is not the current figure',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 40.00, direction: 增加}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/total/amount',
          line: 8,
          level: 'error' as const,
          zh: '本年支出合计：上年 850.00 + 40 = 890万元，但本年为 880.00万元（差 -10，舍入容差 ±0.015）',
          en: 'prior 850.00 + 40 = 890 万元, but the current figure is 880.00 万元',
        },
      ],
    },
    {
      name: 'a decrease is subtracted from the prior',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 减少}
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/amount', line: 8, zh: '上年 850.00 − 30 = 820万元，但本年为 880.00万元（差 60' }],
    },
    {
      name: '持平 while the figure moved',
      yaml: yaml`
        three_public:
          vehicles:
            operation:
              amount: 6.50
              prior: 6.00
              change: {direction: 持平}
      `,
      errors: [{ messageId: 'mismatch', path: '/three_public/vehicles/operation/amount', line: 9, zh: '公务用车运行：上年 6.00 + 0 = 6万元，但本年为 6.50万元（差 0.5' }],
    },
    {
      name: 'operating costs: the figure sits under operating_costs.amount',
      yaml: yaml`
        operating_costs:
          amount:
            amount: 82.00
            prior: 80.00
            change: {amount: 3.00, direction: 增加}
      `,
      errors: [{ messageId: 'mismatch', path: '/operating_costs/amount/amount', line: 8, zh: '上年 80.00 + 3 = 83万元，但本年为 82.00万元' }],
    },
    {
      name: 'rounding: 850.0 + 30.0 may stand for 880.04',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.04
            prior: 850.0
            change: {amount: 30.0, direction: 增加}
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/expenditure/total/amount',
          line: 8,
          level: 'info' as const,
          zh: '本年支出合计：上年 850.0 + 30 = 880万元，本年 880.04万元，相差 0.04，在舍入容差 ±0.105 之内',
        },
      ],
    },
    {
      name: 'precision: 850.00 + 30.00 may not stand for 880.04 (error)',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.04
            prior: 850.00
            change: {amount: 30.00, direction: 增加}
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/amount', line: 8, level: 'error' as const, zh: '（差 0.04，舍入容差 ±0.015）' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
