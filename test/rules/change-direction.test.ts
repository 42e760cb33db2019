import rule from '../../rules/change-direction.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'increase, decrease and flat, each with the right word',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加}
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: 10.00, direction: 减少}
          basic:
            total:
              amount: 600.00
              prior: 600.00
              change: {amount: 0.00, direction: 持平}
      `,
    },
    {
      name: 'every synonym: 增长, 上升, 下降, 降低, 无变化, 不变',
      yaml: yaml`
        income:
          general_budget:
            amount: 800.00
            prior: 700.00
            change: {direction: 增长}
          government_fund:
            amount: 60.00
            prior: 50.00
            change: {direction: 上升}
          other:
            amount: 10.00
            prior: 20.00
            change: {direction: 下降}
          business:
            amount: 10.00
            prior: 30.00
            change: {direction: 降低}
          operating:
            amount: 5.00
            prior: 5.00
            change: {direction: 无变化}
          carryover:
            amount: 0
            prior: 0
            change: {direction: 不变}
      `,
    },
    {
      name: 'a change that rounding could flip is not held against the word (持平, 850.0 vs 850.04)',
      yaml: yaml`
        expenditure:
          total:
            amount: 850.0
            prior: 850.04
            change: {direction: 持平}
      `,
    },
    {
      name: 'a signed amount without a direction word is not this rule\'s concern',
      yaml: yaml`
        expenditure:
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: -10.00}
      `,
    },
    {
      name: 'not applicable: a direction with no prior to hold it against',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            change: {direction: 减少}
      `,
    },
    {
      name: 'not applicable: no direction word',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 900.00
            change: {amount: 30.00}
      `,
    },
  ],
  invalid: [
    {
      name: '减少 while current > prior',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 减少}
      `,
      errors: [
        {
          messageId: 'againstPrior',
          path: '/expenditure/total/change/direction',
          line: 10,
          level: 'error' as const,
          zh: '本年支出合计写明“减少”，但本年 880.00 − 上年 850.00 = 30万元',
          en: 'says "减少", but current 880.00 − prior 850.00 = 30 万元',
        },
      ],
    },
    {
      name: '增加 while current < prior (block-style change)',
      yaml: yaml`
        three_public:
          reception:
            amount: 1.50
            prior: 2.00
            change:
              amount: 0.50
              direction: 增加
      `,
      errors: [{ messageId: 'againstPrior', path: '/three_public/reception/change/direction', line: 12, zh: '公务接待费写明“增加”，但本年 1.50 − 上年 2.00 = -0.5万元' }],
    },
    {
      name: '增加 while current = prior',
      yaml: yaml`
        three_public:
          total:
            amount: 7.50
            prior: 7.50
            change: {direction: 增加}
      `,
      errors: [{ messageId: 'againstPrior', path: '/three_public/total/change/direction', line: 10, zh: '本年 7.50 − 上年 7.50 = 0万元' }],
    },
    {
      name: '持平 while the figure clearly moved',
      yaml: yaml`
        expenditure:
          total:
            amount: 850.0
            prior: 850.2
            change: {direction: 持平}
      `,
      errors: [{ messageId: 'againstPrior', path: '/expenditure/total/change/direction', line: 10, zh: '写明“持平”，但本年 850.0 − 上年 850.2 = -0.2万元' }],
    },
    {
      name: 'a direction word with a negative amount',
      yaml: yaml`
        expenditure:
          project:
            amount: 280.00
            change: {amount: -10.00, direction: 增加}
      `,
      errors: [
        {
          messageId: 'signedAmount',
          path: '/expenditure/project/change/direction',
          line: 9,
          zh: '项目支出写明“增加”，增减额却为负数 -10.00',
          en: '项目支出 (expenditure.project) says "增加" with a negative amount -10.00',
        },
      ],
    },
    {
      name: '持平 with a non-zero amount',
      yaml: yaml`
        expenditure:
          basic:
            total:
              amount: 600.00
              change: {amount: 0.50, direction: 持平}
      `,
      errors: [{ messageId: 'flatNonZero', path: '/expenditure/basic/total/change/direction', line: 10, zh: '基本支出写明“持平”，增减额却为 0.50万元', en: 'says "持平" but states a change of 0.50 万元' }],
    },
    {
      name: 'a signed amount and a wrong word on one figure: both reported',
      yaml: yaml`
        expenditure:
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: -10.00, direction: 增加}
      `,
      errors: [
        { messageId: 'signedAmount', path: '/expenditure/project/change/direction', line: 10, zh: '增减额却为负数 -10.00' },
        { messageId: 'againstPrior', path: '/expenditure/project/change/direction', line: 10, zh: '= -10万元' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
