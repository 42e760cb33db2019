import rule from '../../rules/narrative-change.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

const cases = {
  valid: [
    {
      name: 'the real Putuo changes: rate = |Δ| ÷ (current − Δ)',
      yaml: yaml`
        narrative:
          - {label: 收入支出总计, amount: 2995.39, change: {amount: 56.95, direction: 减少, rate: 1.87}}
          - {label: 一般公共预算财政拨款支出, amount: 2940.05, change: {amount: 63.14, direction: 减少, rate: 2.10}}
          - {label: 机关运行经费支出, amount: 184.65, change: {amount: 2.55, direction: 增加, rate: 1.40}}
      `,
    },
    {
      name: 'the real Dachang change: the parts\' changes add up to the whole\'s (29.49 − 212.14 = −182.65)',
      yaml: yaml`
        narrative:
          - {label: 预算收支, amount: 2913.49, change: {amount: 182.65, direction: 减少}}
          - {label: 基本支出, parent: 0, change: {amount: 29.49, direction: 增加}}
          - {label: 项目支出, parent: 0, change: {amount: 212.14, direction: 减少}}
      `,
    },
    {
      name: 'amounts in 元: 同比减少166271.4元，下降15.87%',
      yaml: yaml`
        document:
          department: 测试局
          year: 2024
          kind: budget
          unit: 元
        narrative:
          - {label: 收入预算, amount: 881437.50, change: {amount: 166271.4, direction: 减少, rate: 15.87}}
      `,
    },
    {
      name: '持平 everywhere, and 持平 with a zero amount',
      yaml: yaml`
        narrative:
          - {label: “三公”经费, amount: 0.95, change: {direction: 持平}}
          - {label: 因公出国（境）费, amount: 0, parent: 0, change: {direction: 持平}}
          - {label: 公务车购置及运行费, amount: 0, parent: 0, change: {amount: 0, direction: 持平}}
          - {label: 公务接待费, amount: 0.95, parent: 0, change: {direction: 持平}}
      `,
    },
    {
      name: 'not all parts state a change: nothing to add up',
      yaml: yaml`
        narrative:
          - {label: 财政拨款“三公”经费, amount: 8.57, change: {amount: 0.11, direction: 增加}}
          - {label: 因公出国（境）费, amount: 0, parent: 0}
          - {label: 公务用车购置及运维费, amount: 8.3, parent: 0}
          - {label: 公务接待费, amount: 0.27, parent: 0, change: {amount: 0.11, direction: 增加}}
      `,
    },
  ],
  invalid: [
    {
      name: 'a rate on the wrong base: |Δ| ÷ current',
      yaml: yaml`
        document:
          department: 测试局
          year: 2024
          kind: budget
          unit: 元
        narrative:
          - {label: 收入预算, amount: 881437.50, change: {amount: 166271.4, direction: 减少, rate: 18.86}}
      `,
      errors: [
        {
          messageId: 'wrongBase',
          path: '/narrative/0/change/rate',
          line: 7,
          level: 'error' as const,
          zh: '收入预算减少幅度 18.86% 是用本年数 881437.50 作分母算的（|166271.4| ÷ 881437.50 = 18.86%）；应除以上年数 1047708.90（= 881437.50 − (-166271.4)），得 15.87%',
          en: 'the rate 18.86% divides by the current figure 881437.50',
        },
      ],
    },
    {
      name: 'a rate that follows from neither base',
      yaml: yaml`
        narrative:
          - {label: 机关运行经费支出, amount: 184.65, change: {amount: 2.55, direction: 增加, rate: 2.40}}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/narrative/0/change/rate',
          zh: '机关运行经费支出增加幅度写为 2.40%，按 |2.55| ÷ 上年 182.10（= 184.65 − 2.55）计算应为 1.40%（差 1.00 个百分点，容差 ±0.1）',
        },
      ],
    },
    {
      name: 'rounding: 1.87 for 1.8658… written 1.86',
      yaml: yaml`
        narrative:
          - {label: 收入支出总计, amount: 2995.39, change: {amount: 56.95, direction: 减少, rate: 1.86}}
      `,
      errors: [{ messageId: 'rounding', level: 'info' as const, zh: '收入支出总计减少幅度写为 1.86%，计算值 1.87%，相差 -0.01 个百分点，在舍入容差 ±0.1 之内' }],
    },
    {
      name: 'no base: the prior-year figure is 0',
      yaml: yaml`
        narrative:
          - {label: 项目支出, amount: 50.00, change: {amount: 50.00, direction: 增加, rate: 100}}
      `,
      errors: [{ messageId: 'noBase', path: '/narrative/0/change/rate', zh: '项目支出上年数为 0（= 50.00 − 50.00），增减幅度无可比性，不应写 100%' }],
    },
    {
      name: 'a direction word with a negative amount',
      yaml: yaml`
        narrative:
          - {label: 公务接待费, amount: 0.27, change: {amount: -0.11, direction: 增加}}
      `,
      errors: [{ messageId: 'directionSign', path: '/narrative/0/change/amount', zh: '公务接待费写“增加”，增减额却为负数 -0.11：方向词与符号矛盾' }],
    },
    {
      name: '持平 with an amount',
      yaml: yaml`
        narrative:
          - {label: 公务接待费, amount: 0.95, change: {amount: 0.20, direction: 持平}}
      `,
      errors: [{ messageId: 'flatNonZero', path: '/narrative/0/change/amount', zh: '公务接待费写“持平”，却有增减额 0.20' }],
    },
    {
      name: 'an increase with a rate of decrease (增加10万元，下降5% is read as rate −5)',
      yaml: yaml`
        narrative:
          - {label: 项目支出, amount: 210.00, change: {amount: 10.00, direction: 增加, rate: -5.00}}
      `,
      errors: [{ messageId: 'rateSign', path: '/narrative/0/change/rate', zh: '项目支出增加 10.00，增减幅度却写为 -5.00%（方向相反）' }],
    },
    {
      name: 'the parts\' changes do not add up to the whole\'s',
      yaml: yaml`
        narrative:
          - {label: 预算收支, amount: 2913.49, change: {amount: 182.65, direction: 减少}}
          - {label: 基本支出, parent: 0, change: {amount: 29.49, direction: 增加}}
          - {label: 项目支出, parent: 0, change: {amount: 202.14, direction: 减少}}
      `,
      errors: [
        {
          messageId: 'components',
          path: '/narrative/0/change/amount',
          line: 7,
          zh: '预算收支比上年增减 -182.65，而各部分增减之和为 -172.65（基本支出 +29.49 + 项目支出 -202.14），相差 -10.00，超出舍入容差 ±0.015',
        },
      ],
    },
    {
      name: 'the parts\' changes within rounding of the whole\'s',
      yaml: yaml`
        narrative:
          - {label: 支出预算, amount: 1000.00, change: {amount: 30.00, direction: 增加}}
          - {label: 基本支出, amount: 600.00, parent: 0, change: {amount: 10.01, direction: 增加}}
          - {label: 项目支出, amount: 400.00, parent: 0, change: {amount: 20.00, direction: 增加}}
      `,
      errors: [{ messageId: 'componentsRounding', level: 'info' as const, zh: '支出预算比上年增减 +30.00，各部分增减之和为 +30.01（基本支出 +10.01 + 项目支出 +20.00），相差 -0.01，在舍入容差 ±0.015 之内' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
