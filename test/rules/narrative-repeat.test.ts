import rule from '../../rules/narrative-repeat.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

const cases = {
  valid: [
    {
      name: 'the same figure stated twice alike (10 and 10.00 are one value)',
      yaml: yaml`
        narrative:
          - {label: 财政业务费, amount: 10.00}
          - {label: 财政业务费, amount: 10}
          - {label: 中介机构服务费, amount: 418.80}
          - {label: 中介机构服务费, amount: 418.80}
      `,
    },
    {
      name: 'the same figure in 元 and in 万元',
      yaml: yaml`
        narrative:
          - {label: 机关运行经费, amount: 56.38}
          - {label: 机关运行经费, amount: 563800.00, unit: 元}
      `,
    },
    {
      name: 'measure words are not names: 年初预算 and 支出决算 of eleven items',
      yaml: yaml`
        narrative:
          - {label: 年初预算, amount: 1560.05}
          - {label: 支出决算, amount: 1511.89}
          - {label: 年初预算, amount: 10.00}
          - {label: 支出决算, amount: 10.00}
          - {label: 采购金额, amount: 246.47}
          - {label: 采购金额, amount: 4.79}
      `,
    },
    {
      name: 'the same label under two different wholes may be two things',
      yaml: yaml`
        narrative:
          - {label: 一般公共预算基本支出, amount: 500.00}
          - {label: 人员经费, amount: 400.00, parent: 0}
          - {label: 政府性基金基本支出, amount: 50.00}
          - {label: 人员经费, amount: 30.00, parent: 2}
      `,
    },
  ],
  invalid: [
    {
      name: 'the same item with two amounts',
      yaml: yaml`
        narrative:
          - {label: 机关运行经费, amount: 56.38}
          - {label: 运转类公用经费, amount: 56.38}
          - {label: 机关运行经费, amount: 56.83}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/narrative/2/amount',
          line: 9,
          level: 'error' as const,
          zh: '“机关运行经费”在文中写了两次，金额不同：第 1 条为 56.38，此处为 56.83（差 0.45万元，舍入容差 ±0.01）',
          en: '"机关运行经费" is stated twice with different amounts: 56.38 (statement #1) and 56.83 here (difference 0.45 万元, rounding tolerance ±0.01)',
        },
      ],
    },
    {
      name: 'within rounding after conversion: 56.4万元 and 563800元',
      yaml: yaml`
        narrative:
          - {label: 机关运行经费, amount: 56.4}
          - {label: 机关运行经费, amount: 563800.00, unit: 元}
      `,
      errors: [{ messageId: 'rounding', path: '/narrative/1/amount', level: 'info' as const, zh: '“机关运行经费”在文中写了两次：第 1 条为 56.4万元，此处为 563800.00元，相差 -0.02万元，在舍入容差 ±0.0501 之内' }],
    },
    {
      name: 'traditional and simplified spellings name the same item',
      yaml: yaml`
        narrative:
          - {label: 項目支出, amount: 2371.53}
          - {label: 项目支出, amount: 2731.53}
      `,
      errors: [{ messageId: 'mismatch', path: '/narrative/1/amount', zh: '第 1 条为 2371.53，此处为 2731.53' }],
    },
    {
      name: 'option ignoreLabels',
      options: { ignoreLabels: ['公务接待费'] },
      yaml: yaml`
        narrative:
          - {label: 公务接待费, amount: 0.27}
          - {label: 公务接待费, amount: 0.72}
          - {label: 公务用车运维费, amount: 8.3}
          - {label: 公务用车运维费, amount: 8.0}
      `,
      errors: [{ messageId: 'mismatch', path: '/narrative/3/amount' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
