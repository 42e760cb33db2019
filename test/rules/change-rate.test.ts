import rule from '../../rules/change-rate.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'rate = |Δ| ÷ prior, for an increase and a decrease',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.53}
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: 10.00, direction: 减少, rate: 3.45}
      `,
    },
    {
      name: 'the change follows from the prior when no amount is stated',
      yaml: yaml`
        three_public:
          reception:
            amount: 1.50
            prior: 2.00
            change: {direction: 减少, rate: 25}
      `,
    },
    {
      name: 'the prior follows from the current figure and the change when not stated',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            change: {amount: 30.00, direction: 增加, rate: 3.53}
      `,
    },
    {
      name: 'compared at the stated places: 3.5 for 3.529…',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.5}
      `,
    },
    {
      name: 'a percent sign is allowed',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: "3.53%"}
      `,
    },
    {
      name: 'a decrease may be written as a signed rate',
      yaml: yaml`
        expenditure:
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: -10.00, rate: -3.45}
      `,
    },
    {
      name: '持平 with a zero rate',
      yaml: yaml`
        three_public:
          vehicles:
            total:
              amount: 6.00
              prior: 6.00
              change: {amount: 0.00, direction: 持平, rate: 0.00}
      `,
    },
    {
      name: 'not applicable: a rate with neither a prior nor a change amount',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            change: {direction: 增加, rate: 50.00}
      `,
    },
    {
      name: 'not applicable: no rate stated',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 800.00
            change: {amount: 30.00, direction: 增加}
      `,
    },
  ],
  invalid: [
    {
      name: 'the rate does not follow from the change and the prior',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 4.00}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/expenditure/total/change/rate',
          line: 10,
          level: 'error' as const,
          zh: '本年支出合计增减幅度写为 4.00%，按 |30| ÷ 上年 850 计算应为 3.53%（差 0.47 个百分点，容差 ±0.1）',
          en: 'the stated rate 4.00% should be |30| ÷ prior 850 = 3.53% (difference 0.47 points, tolerance ±0.1)',
        },
      ],
    },
    {
      name: 'wrong denominator: |Δ| ÷ current (30 ÷ 880 = 3.41%)',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.41}
      `,
      errors: [
        {
          messageId: 'wrongBase',
          path: '/expenditure/total/change/rate',
          line: 10,
          level: 'error' as const,
          zh: '本年支出合计增减幅度 3.41% 是用本年数 880.00 作分母算的（|30| ÷ 880.00 = 3.41%）；应除以上年数 850，得 3.53%',
          en: 'the rate 3.41% divides by the current figure 880.00 (|30| ÷ 880.00 = 3.41%); it should divide by the prior figure 850: 3.53%',
        },
      ],
    },
    {
      name: 'wrong denominator on a decrease (10 ÷ 280 = 3.57%, not 10 ÷ 290 = 3.45%)',
      yaml: yaml`
        expenditure:
          project:
            amount: 280.00
            prior: 290.00
            change: {amount: 10.00, direction: 减少, rate: 3.57}
      `,
      errors: [{ messageId: 'wrongBase', path: '/expenditure/project/change/rate', line: 10, zh: '（|10| ÷ 280.00 = 3.57%）；应除以上年数 290，得 3.45%' }],
    },
    {
      name: 'rounding: 3.6 for 3.529… is within 0.1 point',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.6}
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/expenditure/total/change/rate',
          line: 10,
          level: 'info' as const,
          zh: '本年支出合计增减幅度写为 3.6%，计算值 3.53%，相差 0.07 个百分点，在舍入容差 ±0.1 之内',
        },
      ],
    },
    {
      name: 'precision: 3.50 for 3.529… is compared at two places (rounding)',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.50}
      `,
      errors: [{ messageId: 'rounding', path: '/expenditure/total/change/rate', line: 10, level: 'info' as const, zh: '写为 3.50%，计算值 3.53%，相差 -0.03 个百分点' }],
    },
    {
      name: 'option percentPointsTolerance: 0 makes 3.6 for 3.529… an error',
      options: { percentPointsTolerance: 0 },
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.6}
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/change/rate', line: 10, level: 'error' as const, zh: '写为 3.6%，按 |30| ÷ 上年 850 计算应为 3.53%（差 0.07 个百分点' }],
    },
    {
      name: 'option percentPointsTolerance: 0.5 makes 3.8 for 3.529… rounding',
      options: { percentPointsTolerance: 0.5 },
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.8}
      `,
      errors: [{ messageId: 'rounding', path: '/expenditure/total/change/rate', line: 10, level: 'info' as const, zh: '相差 0.27 个百分点，在舍入容差 ±0.5 之内' }],
    },
    {
      name: 'without the option the same 3.8 is an error',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: 3.8}
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/change/rate', line: 10, level: 'error' as const, zh: '（差 0.27 个百分点，容差 ±0.1）' }],
    },
    {
      name: 'prior = 0: no rate can be stated',
      yaml: yaml`
        three_public:
          overseas:
            amount: 3.00
            prior: 0
            change: {amount: 3.00, direction: 增加, rate: 100}
      `,
      errors: [
        {
          messageId: 'noBase',
          path: '/three_public/overseas/change/rate',
          line: 10,
          level: 'error' as const,
          zh: '因公出国上年数为 0，增减幅度无可比性，不应写 100%',
          en: 'the prior-year figure is 0, so no rate can be stated (100%)',
        },
      ],
    },
    {
      name: 'prior = 0 as it follows from current − change',
      yaml: yaml`
        three_public:
          overseas:
            amount: 3.00
            change: {amount: 3.00, direction: 增加, rate: 100.00}
      `,
      errors: [{ messageId: 'noBase', path: '/three_public/overseas/change/rate', line: 9, zh: '不应写 100.00%' }],
    },
    {
      name: 'a negative rate for an increase is a sign error',
      yaml: yaml`
        expenditure:
          total:
            amount: 880.00
            prior: 850.00
            change: {amount: 30.00, direction: 增加, rate: -3.53}
      `,
      errors: [{ messageId: 'mismatch', path: '/expenditure/total/change/rate', line: 10, zh: '写为 -3.53%，按 |30| ÷ 上年 850 计算应为 3.53%' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
