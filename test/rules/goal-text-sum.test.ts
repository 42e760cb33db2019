import rule from '../../rules/goal-text-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: '"以上合计" equals the amounts listed before it',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              goal: 印制普法手册10.00万元，制作普法展板3.00万元，举办讲座8.00万元，以上合计21.00万元。
              indicators: []
      `,
    },
    {
      name: '"其中" parts stay within the total (they may leave some out)',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              goal: 安排普法宣传经费30.00万元，其中印制手册10.00万元，制作展板3.00万元。
              indicators: []
      `,
    },
    {
      name: 'amounts in 元 and 万元 mixed',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            goal: 购置纸杯5000元，印制手册1.5万元，共计2万元。
            indicators: []
      `,
    },
    {
      name: 'the operating-costs text is read too',
      yaml: yaml`
        operating_costs:
          amount: 80.00
          text: 机关运行经费80.00万元，其中办公费30.00万元，水电费20.00万元，物业管理费30.00万元。
      `,
    },
    {
      name: 'not applicable: a single amount is no sum',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传经费
              goal: 印制手册2万元，以上合计3万元。
              indicators: []
      `,
    },
    {
      name: 'not applicable: no goal text',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传经费
              funds: 3.00
              indicators: []
      `,
    },
  ],
  invalid: [
    {
      name: '"以上合计" is not the sum of the amounts listed',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              goal: 印制普法手册10.00万元，制作普法展板3.00万元，举办讲座8.00万元，以上合计25.00万元。
              indicators: []
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/performance/projects/0/goal',
          line: 9,
          level: 'error' as const,
          zh: '文中合计 25.00万元 不等于所列各项之和 10.00万元 + 3.00万元 + 8.00万元 = 210000元（差 40000元，舍入容差 ±200元）',
          en: 'the stated total 25.00万元 does not equal the listed amounts 10.00万元 + 3.00万元 + 8.00万元 = 210000 元 (difference 40000 元, rounding tolerance ±200 元)',
        },
      ],
    },
    {
      name: 'rounding: a gap within the rounding of whole 万元: 2 + 1.5 against 4',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传经费
              goal: 印制手册2万元，制作展板1.5万元，以上合计4万元。
              indicators: []
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/performance/projects/0/goal',
          line: 9,
          level: 'info' as const,
          zh: '文中合计 4万元 与所列各项之和 2万元 + 1.5万元 = 35000元 相差 5000元，在舍入容差 ±10500元 之内',
          en: 'the stated total 4万元 differs from the listed amounts 2万元 + 1.5万元 = 35000 元 by 5000 元, within the rounding tolerance ±10500 元',
        },
      ],
    },
    {
      name: 'precision: 3.6万元 may stand for 2.04 + 1.5 = 3.54万元 (rounding)',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传经费
              goal: 印制手册2.04万元，制作展板1.5万元，以上合计3.6万元。
              indicators: []
      `,
      errors: [{ messageId: 'rounding', path: '/performance/projects/0/goal', line: 9, level: 'info' as const, zh: '2.04万元 + 1.5万元 = 35400元 相差 600元，在舍入容差 ±1050元 之内' }],
    },
    {
      name: 'precision: 3.60万元 may not stand for 2.04 + 1.50 = 3.54万元',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传经费
              goal: 印制手册2.04万元，制作展板1.50万元，以上合计3.60万元。
              indicators: []
      `,
      errors: [{ messageId: 'mismatch', path: '/performance/projects/0/goal', line: 9, zh: '2.04万元 + 1.50万元 = 35400元（差 600元，舍入容差 ±150元）' }],
    },
    {
      name: '"共计" in the department-wide goal',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            goal: 人员经费500万元，公用经费80万元，共计600万元。
            indicators: []
      `,
      errors: [{ messageId: 'mismatch', path: '/performance/department/goal', line: 9, zh: '文中合计 600万元 不等于所列各项之和 500万元 + 80万元 = 5800000元' }],
    },
    {
      name: '"其中" parts exceed the total',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              goal: 安排普法宣传经费10.00万元，其中印制手册6.00万元，制作展板5.00万元。
              indicators: []
      `,
      errors: [
        {
          messageId: 'exceeds',
          path: '/performance/projects/0/goal',
          line: 9,
          level: 'error' as const,
          zh: '文中“其中”各项之和 6.00万元 + 5.00万元 = 110000元，超过总额 10.00万元',
          en: 'the "of which" amounts 6.00万元 + 5.00万元 = 110000 元 exceed the total 10.00万元',
        },
      ],
    },
    {
      name: '"其中" parts exceed the operating-costs total',
      yaml: yaml`
        operating_costs:
          amount: 80.00
          text: 机关运行经费80.00万元，其中办公费50.00万元，水电费40.00万元。
      `,
      errors: [{ messageId: 'exceeds', path: '/operating_costs/text', line: 8, zh: '50.00万元 + 40.00万元 = 900000元，超过总额 80.00万元' }],
    },
    {
      name: 'two sums in one text, each checked',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传经费
              goal: 印制手册2.00万元，制作展板1.00万元，以上合计3.00万元；培训费1.00万元，资料费1.00万元，以上合计3.00万元。
              indicators: []
      `,
      errors: [{ messageId: 'mismatch', path: '/performance/projects/0/goal', line: 9, zh: '文中合计 3.00万元 不等于所列各项之和 1.00万元 + 1.00万元 = 20000元' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
