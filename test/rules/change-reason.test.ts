import rule from '../../rules/change-reason.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'each changed 三公 figure gives its reason',
      yaml: yaml`
        three_public:
          overseas:
            amount: 3.00
            prior: 5.00
            change: {amount: 2.00, direction: 减少, reason: 压减出访团组}
          reception:
            amount: 1.50
            prior: 2.00
            change: {amount: 0.50, direction: 减少, reason: 厉行节约}
      `,
    },
    {
      name: 'the 三公 section\'s reason covers its figures',
      yaml: yaml`
        three_public:
          total:
            amount: 7.50
            prior: 8.00
          reception:
            amount: 1.50
            prior: 2.00
            change: {amount: 0.50, direction: 减少}
          reason: “三公”经费减少0.50万元，全部为公务接待费减少，主要原因是厉行节约。
      `,
    },
    {
      name: 'a total is explained by its changed parts\' reasons',
      yaml: yaml`
        three_public:
          vehicles:
            total:
              amount: 5.00
              change: {amount: 1.00, direction: 减少}
            operation:
              amount: 5.00
              change: {amount: 1.00, direction: 减少, reason: 车辆减少一辆}
      `,
    },
    {
      name: 'no change, no reason needed (持平, zero amount, equal prior)',
      yaml: yaml`
        three_public:
          overseas:
            amount: 0
            prior: 0
          vehicles:
            total:
              amount: 6.00
              change: {direction: 持平}
          reception:
            amount: 1.50
            change: {amount: 0.00}
      `,
    },
    {
      name: 'default scope: changes outside 三公 need no reason',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加}
      `,
    },
    {
      name: 'scope all: every changed figure with its reason, the total explained by its parts',
      options: { scope: 'all' },
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            change: {amount: 30.00, direction: 增加}
          project:
            amount: 280.00
            change: {amount: 30.00, direction: 增加, reason: 新增信息化项目}
      `,
    },
    {
      name: 'not applicable: bare numbers say nothing about a change',
      yaml: yaml`
        three_public:
          total: 7.50
          reception: 1.50
      `,
    },
    {
      name: 'not applicable: a direction word alone gives no size of change',
      yaml: yaml`
        three_public:
          reception:
            amount: 1.50
            change: {direction: 减少}
      `,
    },
  ],
  invalid: [
    {
      name: 'a 三公 figure decreased with no reason',
      yaml: yaml`
        three_public:
          reception:
            amount: 1.50
            prior: 2.00
            change: {amount: 0.50, direction: 减少}
      `,
      errors: [
        {
          messageId: 'missing',
          path: '/three_public/reception/change',
          line: 10,
          level: 'warn' as const,
          zh: '公务接待费比上年减少 0.5万元，未说明原因',
          en: '公务接待费 (three_public.reception) changed (减少 0.5 万元) with no reason given',
        },
      ],
    },
    {
      name: 'a change known only from the prior year: reported at the figure',
      yaml: yaml`
        three_public:
          overseas:
            amount: 3.00
            prior: 5.00
      `,
      errors: [{ messageId: 'missing', path: '/three_public/overseas', line: 7, level: 'warn' as const, zh: '因公出国比上年减少 2万元，未说明原因' }],
    },
    {
      name: 'a signed increase with no reason',
      yaml: yaml`
        three_public:
          vehicles:
            purchase:
              amount: 20.00
              change: {amount: 20.00}
      `,
      errors: [{ messageId: 'missing', path: '/three_public/vehicles/purchase/change', line: 10, zh: '公务用车购置费比上年增加 20万元，未说明原因' }],
    },
    {
      name: 'a total whose changed parts give no reason either',
      yaml: yaml`
        three_public:
          total:
            amount: 7.50
            change: {amount: 0.50, direction: 减少}
          reception:
            amount: 1.50
            change: {amount: 0.50, direction: 减少}
      `,
      errors: [
        { messageId: 'missing', path: '/three_public/total/change', line: 9, zh: '“三公”经费合计比上年减少 0.5万元' },
        { messageId: 'missing', path: '/three_public/reception/change', line: 12, zh: '公务接待费比上年减少 0.5万元' },
      ],
    },
    {
      name: 'scope all: a spending change with no reason',
      options: { scope: 'all' },
      yaml: yaml`
        expenditure:
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: 10.00, direction: 减少}
      `,
      errors: [{ messageId: 'missing', path: '/expenditure/project/change', line: 10, level: 'warn' as const, zh: '项目支出比上年减少 10万元，未说明原因' }],
    },
    {
      name: 'scope all: the 三公 section reason still covers 三公 only',
      options: { scope: 'all' },
      yaml: yaml`
        income:
          other:
            amount: 60.00
            prior: 50.00
        three_public:
          reception:
            amount: 1.50
            prior: 2.00
          reason: 厉行节约
      `,
      errors: [{ messageId: 'missing', path: '/income/other', line: 7, zh: '其他收入比上年增加 10万元' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
