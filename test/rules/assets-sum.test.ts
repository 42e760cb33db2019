import rule from '../../rules/assets-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'categories add up to the total; "of which" items stay within their parent',
      yaml: yaml`
        assets:
          date: 2023年12月31日
          total: 520.00
          categories:
            - name: 房屋
              quantity: 1200
              unit: 平方米
              amount: 400.00
              children:
                - {name: 办公用房, quantity: 1000, unit: 平方米, amount: 350.00}
            - {name: 车辆, quantity: 2, unit: 辆, amount: 60.00}
            - {name: 其他固定资产, amount: 60.00}
      `,
    },
    {
      name: 'figure-object total',
      yaml: yaml`
        assets:
          total:
            amount: 460.00
            prior: 450.00
          categories:
            - {name: 房屋, amount: 400.00}
            - {name: 车辆, amount: 60.00}
      `,
    },
    {
      name: '"of which" items may add up to the parent exactly',
      yaml: yaml`
        assets:
          categories:
            - name: 通用设备
              amount: 50.00
              children:
                - {name: 计算机, amount: 30.00}
                - {name: 打印机, amount: 20.00}
      `,
    },
    {
      name: '"of which" items over their parent only by rounding (50.0 vs 30.02 + 20.02)',
      yaml: yaml`
        assets:
          categories:
            - name: 通用设备
              amount: 50.0
              children:
                - {name: 计算机, amount: 30.02}
                - {name: 打印机, amount: 20.02}
      `,
    },
    {
      name: 'a category published without a value is left out of the sum (as in the Dachang 2021 table)',
      yaml: yaml`
        assets:
          total: 4088.72
          categories:
            - name: 房屋
              unit: 平方米
              children:
                - {name: 办公用房, unit: 平方米}
            - {name: 车辆, quantity: 2, unit: 台、辆, amount: 45.14}
            - {name: 单价在20万元以上的设备, quantity: 5, amount: 3856.1}
            - {name: 其他固定资产, amount: 187.48}
      `,
    },
    {
      name: 'not applicable: a category with a quantity but no value leaves the total unknown',
      yaml: yaml`
        assets:
          total: 500.00
          categories:
            - {name: 房屋, quantity: 1200, unit: 平方米}
            - {name: 车辆, quantity: 2, unit: 辆, amount: 60.00}
      `,
    },
    {
      name: 'not applicable: no total',
      yaml: yaml`
        assets:
          categories:
            - {name: 房屋, amount: 400.00}
            - {name: 车辆, amount: 60.00}
      `,
    },
    {
      name: 'not applicable: a total with no categories',
      yaml: yaml`
        assets:
          total: 520.00
          planned_purchase: 5.00
      `,
    },
  ],
  invalid: [
    {
      name: 'total is not the sum of the categories (bare number)',
      yaml: yaml`
        assets:
          total: 530.00
          categories:
            - {name: 房屋, amount: 400.00}
            - {name: 车辆, amount: 60.00}
            - {name: 其他固定资产, amount: 60.00}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/assets/total/amount',
          line: 7,
          level: 'error' as const,
          zh: '资产总额 530.00万元 不等于 房屋 400.00 + 车辆 60.00 + 其他固定资产 60.00 = 520.00万元（差 10.00，舍入容差 ±0.02）',
          en: 'total assets 530.00 万元 does not equal 房屋 400.00 + 车辆 60.00 + 其他固定资产 60.00 = 520.00 万元',
        },
      ],
    },
    {
      name: 'total is not the sum of the categories (figure object)',
      yaml: yaml`
        assets:
          total:
            amount: 450.00
            prior: 450.00
          categories:
            - {name: 房屋, amount: 400.00}
            - {name: 车辆, amount: 60.00}
      `,
      errors: [{ messageId: 'mismatch', path: '/assets/total/amount', line: 8, zh: '= 460.00万元（差 -10.00' }],
    },
    {
      name: 'a category with neither quantity nor value is an empty row: the total is still checked',
      yaml: yaml`
        assets:
          total: 470.00
          categories:
            - {name: 房屋, unit: 平方米}
            - {name: 车辆, quantity: 2, unit: 辆, amount: 60.00}
            - {name: 其他固定资产, amount: 400.00}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/assets/total/amount',
          line: 7,
          level: 'error' as const,
          zh: '资产总额 470.00万元 不等于 车辆 60.00 + 其他固定资产 400.00 = 460.00万元（差 10.00，舍入容差 ±0.015）',
        },
      ],
    },
    {
      name: 'rounding: 400.004 + 60.004 = 460.008 stated as 400.00 + 60.00 against 460.01',
      yaml: yaml`
        assets:
          total: 460.01
          categories:
            - {name: 房屋, amount: 400.00}
            - {name: 车辆, amount: 60.00}
      `,
      errors: [{ messageId: 'rounding', path: '/assets/total/amount', line: 7, level: 'info' as const, zh: '房屋 400.00 + 车辆 60.00 = 460.00万元 相差 0.01，在舍入容差 ±0.015 之内' }],
    },
    {
      name: 'precision: a total of 10.0 may stand for 10.04 (rounding)',
      yaml: yaml`
        assets:
          total: 10.0
          categories:
            - {name: 车辆, amount: 5.02}
            - {name: 办公设备, amount: 5.02}
      `,
      errors: [{ messageId: 'rounding', path: '/assets/total/amount', line: 7, level: 'info' as const, zh: '= 10.04万元 相差 -0.04，在舍入容差 ±0.06 之内' }],
    },
    {
      name: 'precision: a total of 10.00 may not stand for 10.04 (error)',
      yaml: yaml`
        assets:
          total: 10.00
          categories:
            - {name: 车辆, amount: 5.02}
            - {name: 办公设备, amount: 5.02}
      `,
      errors: [{ messageId: 'mismatch', path: '/assets/total/amount', line: 7, level: 'error' as const, zh: '= 10.04万元（差 -0.04，舍入容差 ±0.015）' }],
    },
    {
      name: '"of which" items exceed their parent',
      yaml: yaml`
        assets:
          categories:
            - name: 房屋
              amount: 400.00
              children:
                - {name: 办公用房, amount: 350.00}
                - {name: 业务用房, amount: 60.00}
      `,
      errors: [
        {
          messageId: 'childrenExceed',
          path: '/assets/categories/0/amount',
          line: 9,
          level: 'error' as const,
          zh: '房屋 400.00万元 小于其中各项之和 410万元（办公用房 350.00 + 业务用房 60.00）',
          en: '房屋 400.00 万元 is less than the sum of its "of which" items 410 万元 (办公用房 350.00 + 业务用房 60.00)',
        },
      ],
    },
    {
      name: '"of which" items checked at every depth',
      yaml: yaml`
        assets:
          categories:
            - name: 通用设备
              amount: 50.00
              children:
                - name: 计算机
                  amount: 30.00
                  children:
                    - {name: 台式计算机, amount: 31.00}
      `,
      errors: [{ messageId: 'childrenExceed', path: '/assets/categories/0/children/0/amount', line: 12, zh: '计算机 30.00万元 小于其中各项之和 31万元（台式计算机 31.00）' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
