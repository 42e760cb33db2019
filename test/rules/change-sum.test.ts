import rule from '../../rules/change-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'the parts\' changes and priors add up to the total\'s',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加}
          basic:
            total:
              amount: 600.00
              prior: 560.00
              change: {amount: 40.00, direction: 增加}
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: 10.00, direction: 减少}
      `,
    },
    {
      name: 'signed change amounts, no direction words',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            change: {amount: 30.00}
          basic:
            total:
              amount: 600.00
              change: {amount: 40.00}
          project:
            amount: 280.00
            change: {amount: -10.00}
      `,
    },
    {
      name: '持平 without an amount counts as no change',
      yaml: yaml`
        three_public:
          vehicles:
            total:
              amount: 6.00
              change: {direction: 持平}
            purchase:
              amount: 0
              change: {direction: 无变化}
            operation:
              amount: 6.00
              change: {amount: 0.00, direction: 持平}
      `,
    },
    {
      name: 'not applicable: bare numbers carry no change',
      yaml: yaml`
        expenditure:
          total: 880.00
          basic:
            total: 600.00
          project: 290.00
      `,
    },
    {
      name: 'not applicable: a part\'s change and prior not stated',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加}
          basic:
            total:
              amount: 600.00
              prior: 500.00
              change: {amount: 100.00, direction: 增加}
          project: 280.00
      `,
    },
    {
      name: 'not applicable: a direction word without an amount (other than 持平)',
      yaml: yaml`
        income:
          total:
            amount: 860.00
            change: {direction: 增加}
          general_budget:
            amount: 800.00
            change: {amount: 50.00, direction: 增加}
          other:
            amount: 60.00
            change: {amount: 10.00, direction: 减少}
      `,
    },
  ],
  invalid: [
    {
      name: 'the parts\' changes do not add up to the total\'s',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            change: {amount: 30.00, direction: 增加}
          basic:
            total:
              amount: 600.00
              change: {amount: 40.00, direction: 增加}
          project:
            amount: 280.00
            change: {amount: 20.00, direction: 减少}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/total/change/amount',
          line: 9,
          level: 'error' as const,
          zh: '本年支出合计比上年增减 +30万元，但各部分增减之和为 基本支出 +40，项目支出 -20 = +20万元（差 10，舍入容差 ±0.015）',
          en: 'spending total changed by +30 万元, but the parts changed by basic spending +40, project spending -20 = +20 万元',
        },
      ],
    },
    {
      name: 'rounding: a change of 30.0 may stand for +40.02 − 10.00',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.02
            change: {amount: 30.0, direction: 增加}
          basic:
            total:
              amount: 600.02
              change: {amount: 40.02, direction: 增加}
          project:
            amount: 280.00
            change: {amount: 10.00, direction: 减少}
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/expenditure/total/change/amount',
          line: 9,
          level: 'info' as const,
          zh: '本年支出合计比上年增减 +30万元，各部分增减之和 +30.02万元，相差 -0.02，在舍入容差 ±0.06 之内',
        },
      ],
    },
    {
      name: 'precision: a change of 30.00 may not stand for 30.02 (error)',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.02
            change: {amount: 30.00, direction: 增加}
          basic:
            total:
              amount: 600.02
              change: {amount: 40.02, direction: 增加}
          project:
            amount: 280.00
            change: {amount: 10.00, direction: 减少}
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/change/amount', line: 9, level: 'error' as const, zh: '= +30.02万元（差 -0.02，舍入容差 ±0.015）' }],
    },
    {
      name: 'the parts\' priors do not add up to the total\'s',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 860.00
          basic:
            total:
              amount: 600.00
              prior: 560.00
          project:
            amount: 280.00
            prior: 290.00
      `,
      errors: [
        {
          messageId: 'priorMismatch',
          path: '/expenditure/total/prior',
          line: 9,
          level: 'error' as const,
          zh: '本年支出合计上年数 860.00万元 不等于各部分上年数之和 基本支出 560.00 + 项目支出 290.00 = 850万元（差 10，舍入容差 ±0.015）',
          en: "spending total's prior-year figure 860.00 万元 does not equal the parts' basic spending 560.00 + project spending 290.00 = 850 万元",
        },
      ],
    },
    {
      name: 'prior rounding: 850.0 may stand for 560.02 + 290.02',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.0
            prior: 850.0
          basic:
            total:
              amount: 600.02
              prior: 560.02
          project:
            amount: 280.02
            prior: 290.02
      `,
      errors: [
        {
          messageId: 'priorRounding',
          path: '/expenditure/total/prior',
          line: 9,
          level: 'info' as const,
          zh: '本年支出合计上年数 850.0万元 与各部分上年数之和 基本支出 560.02 + 项目支出 290.02 = 850.04万元 相差 -0.04，在舍入容差 ±0.06 之内',
        },
      ],
    },
    {
      name: 'a subtracted part shows as subtracted (balance: income + carry-over − carry-forward)',
      yaml: yaml`
        income:
          total:
            amount: 860.00
            prior: 800.00
          carryover:
            amount: 20.00
            prior: 20.00
        expenditure:
          total:
            amount: 870.00
            prior: 800.00
          carryforward:
            amount: 10.00
            prior: 10.00
      `,
      errors: [
        {
          messageId: 'priorMismatch',
          path: '/expenditure/total/prior',
          line: 16,
          zh: '本年收入合计 800.00 + 上年结转 20.00 − 结转下年 10.00 = 810万元（差 -10',
        },
      ],
    },
    {
      name: 'a total stated as 持平 while its parts changed: reported at the change',
      yaml: yaml`
        three_public:
          vehicles:
            total:
              amount: 6.00
              change: {direction: 持平}
            purchase:
              amount: 0.50
              change: {amount: 0.50, direction: 增加}
            operation:
              amount: 5.50
              change: {amount: 0.30, direction: 减少}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/three_public/vehicles/total/change',
          line: 10,
          zh: '公务用车购置及运行费比上年增减 +0万元，但各部分增减之和为 公务用车购置费 +0.5，公务用车运行费 -0.3 = +0.2万元',
        },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
