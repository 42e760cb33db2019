import rule from '../../rules/three-public-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'overseas + vehicles + reception = total, vehicles = purchase + operation (bare numbers)',
      yaml: yaml`
        three_public:
          total: 7.50
          overseas: 0.00
          vehicles:
            total: 6.00
            purchase: 0.00
            operation: 6.00
          reception: 1.50
      `,
    },
    {
      name: 'the same in figure objects',
      yaml: yaml`
        three_public:
          total:
            amount: 7.50
            prior: 8.00
            change: {amount: 0.50, direction: 减少, rate: 6.25}
          overseas: 0
          vehicles:
            total:
              amount: 6.00
              prior: 6.00
              change: {amount: 0.00, direction: 持平}
            purchase: 0
            operation:
              amount: 6.00
          reception:
            amount: 1.50
            prior: 2.00
            change: {amount: 0.50, direction: 减少, reason: 厉行节约}
      `,
    },
    {
      name: 'no vehicle costs: a zero total needs no split',
      yaml: yaml`
        three_public:
          total: 1.50
          overseas: 0
          vehicles:
            total: 0
          reception: 1.50
      `,
    },
    {
      name: 'vehicles with only one of purchase/operation stated: split, sum not applicable',
      yaml: yaml`
        three_public:
          vehicles:
            total: 6.00
            operation: 5.00
      `,
    },
    {
      name: 'not applicable: reception not stated',
      yaml: yaml`
        three_public:
          total: 9.00
          overseas: 1.00
          vehicles:
            total: 6.00
            purchase: 0
            operation: 6.00
      `,
    },
    {
      name: 'not applicable: no total',
      yaml: yaml`
        three_public:
          overseas: 1.00
          reception: 1.50
          reason: 厉行节约
      `,
    },
  ],
  invalid: [
    {
      name: 'total is not the sum of the three (bare numbers)',
      yaml: yaml`
        three_public:
          total: 8.00
          overseas: 0.00
          vehicles:
            total: 6.00
            purchase: 0.00
            operation: 6.00
          reception: 1.50
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/three_public/total/amount',
          line: 7,
          level: 'error' as const,
          zh: '“三公”经费合计 8.00万元 不等于 因公出国（境）费 0.00 + 公务用车购置及运行费 6.00 + 公务接待费 1.50 = 7.50万元（差 0.50，舍入容差 ±0.015）',
          en: '"three public" total 8.00 万元 does not equal overseas travel 0.00 + official vehicles 6.00 + official reception 1.50 = 7.50 万元',
        },
      ],
    },
    {
      name: 'vehicles are not purchase + operation (figure objects)',
      yaml: yaml`
        three_public:
          vehicles:
            total:
              amount: 6.00
              prior: 5.00
            purchase:
              amount: 2.00
            operation:
              amount: 5.00
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/three_public/vehicles/total/amount',
          line: 9,
          zh: '公务用车购置及运行费 6.00万元 不等于 公务用车购置费 2.00 + 公务用车运行费 5.00 = 7.00万元（差 -1.00',
        },
      ],
    },
    {
      name: 'vehicle costs not split into purchase and operation',
      yaml: yaml`
        three_public:
          total: 7.50
          overseas: 0
          vehicles:
            total: 6.00
          reception: 1.50
      `,
      errors: [
        {
          messageId: 'unsplit',
          path: '/three_public/vehicles/total',
          line: 10,
          level: 'error' as const,
          zh: '公务用车购置及运行费 6.00万元 未分列购置费和运行费',
          en: 'official vehicle costs 6.00 万元 are not split into purchase and operation',
        },
      ],
    },
    {
      name: 'rounding: 0.504 + 6.004 + 1.504 = 8.012 stated as 0.50 + 6.00 + 1.50 against 8.01',
      yaml: yaml`
        three_public:
          total: 8.01
          overseas: 0.50
          vehicles:
            total: 6.00
            purchase: 0
            operation: 6.00
          reception: 1.50
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/three_public/total/amount',
          line: 7,
          level: 'info' as const,
          zh: '= 8.00万元 相差 0.01，在舍入容差 ±0.02 之内',
        },
      ],
    },
    {
      name: 'precision: vehicles 6.0 may stand for 6.04 (rounding)',
      yaml: yaml`
        three_public:
          vehicles:
            total: 6.0
            purchase: 1.02
            operation: 5.02
      `,
      errors: [{ messageId: 'rounding', path: '/three_public/vehicles/total/amount', line: 8, level: 'info' as const, zh: '公务用车购置费 1.02 + 公务用车运行费 5.02 = 6.04万元 相差 -0.04，在舍入容差 ±0.06 之内' }],
    },
    {
      name: 'precision: vehicles 6.00 may not stand for 6.04 (error)',
      yaml: yaml`
        three_public:
          vehicles:
            total: 6.00
            purchase: 1.02
            operation: 5.02
      `,
      errors: [{ messageId: 'mismatch', path: '/three_public/vehicles/total/amount', line: 8, level: 'error' as const, zh: '= 6.04万元（差 -0.04，舍入容差 ±0.015）' }],
    },
    {
      name: 'both sums broken',
      yaml: yaml`
        three_public:
          total: 9.00
          overseas: 1.00
          vehicles:
            total: 6.00
            purchase: 2.00
            operation: 3.00
          reception: 1.50
      `,
      errors: [
        { messageId: 'mismatch', path: '/three_public/total/amount', line: 7, zh: '= 8.50万元' },
        { messageId: 'mismatch', path: '/three_public/vehicles/total/amount', line: 10, zh: '= 5.00万元' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
