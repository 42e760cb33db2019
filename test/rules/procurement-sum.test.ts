import rule from '../../rules/procurement-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'lines, categories and total agree',
      yaml: yaml`
        procurement:
          total: 30.00
          goods: 8.00
          works: 12.00
          services: 10.00
          sme: 20.00
          items:
            - {project: 普法宣传经费, project_funds: 30.00, item: 普法宣传手册印制, quantity: 20000, unit_price: 0.0005, amount: 10.00, category: 服务}
            - {project: 普法宣传经费, project_funds: 30.00, item: 普法宣传展板, quantity: 100, unit_price: 0.03, amount: 3.00, category: 货物}
            - {item: 台式计算机, quantity: 10, unit_price: 0.50, amount: 5.00, category: 货物}
            - {item: 人民调解室改造, quantity: 1, unit_price: 12.00, amount: 12.00, category: 工程}
      `,
    },
    {
      name: 'figure-object total',
      yaml: yaml`
        procurement:
          total:
            amount: 20.00
            prior: 18.00
          goods:
            amount: 8.00
          services:
            amount: 12.00
      `,
    },
    {
      name: 'a line may equal its project funds',
      yaml: yaml`
        procurement:
          items:
            - {project: 调解室改造, project_funds: 12.00, item: 人民调解室改造, quantity: 1, unit_price: 12.00, amount: 12.00}
      `,
    },
    {
      name: 'a line without a unit price: its product is not checked',
      yaml: yaml`
        procurement:
          total: 5.00
          items:
            - {item: 台式计算机, quantity: 10, amount: 5.00}
      `,
    },
    {
      name: 'not applicable: a line without an amount leaves the sum of lines unknown',
      yaml: yaml`
        procurement:
          total: 13.00
          items:
            - {item: 台式计算机, quantity: 10, unit_price: 0.50, amount: 5.00}
            - {item: 打印机, quantity: 4, unit_price: 2.00}
      `,
    },
    {
      name: 'not applicable: a line with neither amount nor unit price leaves the sum of lines unknown',
      yaml: yaml`
        procurement:
          total: 13.00
          items:
            - {item: 台式计算机, quantity: 10, unit_price: 0.50, amount: 5.00}
            - {item: 打印机, quantity: 4}
      `,
    },
    {
      name: 'not applicable: a line with nothing but its item leaves the sum of lines unknown',
      yaml: yaml`
        procurement:
          total: 13.00
          items:
            - {item: 台式计算机, quantity: 10, unit_price: 0.50, amount: 5.00}
            - {item: 打印机}
      `,
    },
    {
      name: 'not applicable: a single category cannot be summed',
      yaml: yaml`
        procurement:
          total: 30.00
          goods: 8.00
      `,
    },
    {
      name: 'not applicable: SME reservation without a total',
      yaml: yaml`
        procurement:
          sme: 20.00
          goods: 8.00
      `,
    },
  ],
  invalid: [
    {
      name: 'line amount is not quantity × unit price',
      yaml: yaml`
        procurement:
          items:
            - {item: 台式计算机, quantity: 10, unit_price: 0.50, amount: 6.00}
      `,
      errors: [
        {
          messageId: 'line',
          path: '/procurement/items/0/amount',
          line: 8,
          level: 'error' as const,
          zh: '台式计算机：金额 6.00万元 不等于 数量 10 × 单价 0.50 = 5万元（差 1，舍入容差 ±0.055）',
          en: '台式计算机: amount 6.00 万元 does not equal quantity 10 × unit price 0.50 = 5 万元',
        },
      ],
    },
    {
      name: 'line rounding: 3 × 0.333 = 0.999 with the price stated as 0.33',
      yaml: yaml`
        procurement:
          items:
            - {item: 资料汇编, quantity: 3, unit_price: 0.33, amount: 1.00}
      `,
      errors: [
        {
          messageId: 'lineRounding',
          path: '/procurement/items/0/amount',
          line: 8,
          level: 'info' as const,
          zh: '资料汇编：金额 1.00万元 与 数量 3 × 单价 0.33 = 0.99万元 相差 0.01，在舍入容差 ±0.02 之内',
        },
      ],
    },
    {
      name: 'line amount exceeds its project funds',
      yaml: yaml`
        procurement:
          items:
            - {project: 信息化建设, project_funds: 4.00, item: 台式计算机, quantity: 10, unit_price: 0.50, amount: 5.00}
      `,
      errors: [
        {
          messageId: 'exceeds',
          path: '/procurement/items/0/amount',
          line: 8,
          zh: '台式计算机 采购金额 5.00万元 超过 信息化建设 项目预算资金 4.00万元（超出 1）',
          en: '台式计算机 procurement amount 5.00 万元 exceeds 信息化建设 project funds 4.00 万元 (by 1)',
        },
      ],
    },
    {
      name: 'SME reservation exceeds the total',
      yaml: yaml`
        procurement:
          total: 30.00
          sme: 40.00
      `,
      errors: [{ messageId: 'exceeds', path: '/procurement/sme/amount', line: 8, zh: '面向中小企业预留 40.00万元 超过 政府采购预算合计 30.00万元（超出 10）' }],
    },
    {
      name: 'total is not the sum of the lines',
      yaml: yaml`
        procurement:
          total: 16.00
          items:
            - {item: 普法宣传展板, quantity: 100, unit_price: 0.03, amount: 3.00}
            - {item: 人民调解室改造, quantity: 1, unit_price: 12.00, amount: 12.00}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/procurement/total/amount',
          line: 7,
          zh: '政府采购预算合计 16.00万元 不等于 普法宣传展板 3.00 + 人民调解室改造 12.00 = 15.00万元（差 1.00，舍入容差 ±0.015）',
        },
      ],
    },
    {
      name: 'a line without an amount but priced at zero does not stop the sum of lines',
      yaml: yaml`
        procurement:
          total: 6.00
          items:
            - {item: 台式计算机, quantity: 10, unit_price: 0.50, amount: 5.00}
            - {item: 打印机, quantity: 0, unit_price: 2.00}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/procurement/total/amount',
          line: 7,
          level: 'error' as const,
          zh: '政府采购预算合计 6.00万元 不等于 台式计算机 5.00 = 5.00万元（差 1.00，舍入容差 ±0.01）',
        },
      ],
    },
    {
      name: 'total is not goods + works + services (figure objects)',
      yaml: yaml`
        procurement:
          total:
            amount: 31.00
          goods:
            amount: 8.00
          works:
            amount: 12.00
          services:
            amount: 10.00
      `,
      errors: [{ messageId: 'mismatch', path: '/procurement/total/amount', line: 8, en: 'goods 8.00 + works 12.00 + services 10.00 = 30.00 万元 (difference 1.00' }],
    },
    {
      name: 'precision: a total of 10.0 may stand for 10.04 (rounding)',
      yaml: yaml`
        procurement:
          total: 10.0
          goods: 5.02
          services: 5.02
      `,
      errors: [{ messageId: 'rounding', path: '/procurement/total/amount', line: 7, level: 'info' as const, zh: '货物类 5.02 + 服务类 5.02 = 10.04万元 相差 -0.04，在舍入容差 ±0.06 之内' }],
    },
    {
      name: 'precision: a total of 10.00 may not stand for 10.04 (error)',
      yaml: yaml`
        procurement:
          total: 10.00
          goods: 5.02
          services: 5.02
      `,
      errors: [{ messageId: 'mismatch', path: '/procurement/total/amount', line: 7, level: 'error' as const, zh: '= 10.04万元（差 -0.04，舍入容差 ±0.015）' }],
    },
    {
      name: 'lines and categories each checked against the total',
      yaml: yaml`
        procurement:
          total: 20.00
          goods: 5.00
          works: 12.00
          items:
            - {item: 台式计算机, quantity: 10, unit_price: 0.50, amount: 5.00}
            - {item: 人民调解室改造, quantity: 1, unit_price: 12.00, amount: 12.00}
      `,
      errors: [
        { messageId: 'mismatch', path: '/procurement/total/amount', line: 7, zh: '台式计算机 5.00 + 人民调解室改造 12.00 = 17.00万元' },
        { messageId: 'mismatch', path: '/procurement/total/amount', line: 7, zh: '货物类 5.00 + 工程类 12.00 = 17.00万元' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
