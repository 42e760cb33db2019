import rule from '../../rules/unit-cost-quantity.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'quantities × unit prices fit the project funds (500×300 + 1000×100 = 25.00万元)',
      yaml: yaml`
        performance:
          projects:
            - name: 人民调解工作经费
              funds: 25.00
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 人民调解员培训数量, operator: "≥", value: 500, unit: 人次}
                - {level1: 产出指标, level2: 数量指标, name: 调解案件补贴数量, operator: "≥", value: 1000, unit: 件}
                - {level1: 产出指标, level2: 成本指标, name: 人民调解员培训单价, operator: "≤", value: 300, unit: 元}
                - {level1: 产出指标, level2: 成本指标, name: 调解案件补贴单价, operator: "≤", value: 100, unit: 元}
      `,
    },
    {
      name: 'a line stated in words agrees with itself and with its rows',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              funds: 1.00
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, description: 纸杯25000个，每个0.4元，需1万元, value: 25000个}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯单价, value: ≤0.4元}
      `,
    },
    {
      name: 'funds of 1.2万元 may stand for the 12500元 the lines need',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              funds: 1.2
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, value: ≥25000个}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯单价, value: ≤0.5元}
      `,
    },
    {
      name: 'funds in a document kept in 元',
      yaml: yaml`
        document:
          department: 测试局
          year: 2024
          kind: budget
          unit: 元
        performance:
          projects:
            - name: 宣传品制作
              funds: 12500
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, value: ≥25000个}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯单价, value: ≤0.5元}
      `,
    },
    {
      name: 'counts listed as parts add up to the value (10 + 18 + 10 = 38)',
      yaml: yaml`
        performance:
          projects:
            - name: 办公用品
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 办公用品数量, description: A4纸10箱，硒鼓18支；笔10盒, value: ≥38, unit: 件}
      `,
    },
    {
      name: 'not applicable: no funds stated',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, value: ≥250000个}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯单价, value: ≤5元}
      `,
    },
    {
      name: 'not applicable: a quantity with no unit-price row of its own',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              funds: 1.00
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, value: ≥250000个}
                - {level1: 产出指标, level2: 成本指标, name: 展板单价, value: ≤300元}
      `,
    },
  ],
  invalid: [
    {
      name: 'a line whose amount is not quantity × unit price',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, description: 纸杯25000个，每个0.40元，需1.50万元, value: 25000个}
      `,
      errors: [
        {
          messageId: 'line',
          path: '/performance/projects/0/indicators/0/description',
          line: 10,
          level: 'error' as const,
          zh: '“25000个，每个0.40元，需1.50万元”：25000 × 0.40元 = 10000元，与所写 1.50万元 不符（差 5000元，舍入容差 ±175元）',
          en: '25000 × 0.40 元 = 10000 元, not the stated 1.50万元 (difference 5000 元, rounding tolerance ±175 元)',
        },
      ],
    },
    {
      name: 'a line off only by rounding: 26000 × 0.40 = 10400元 stated as 1.0万元',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, description: 纸杯26000个，每个0.40元，需1.0万元, value: 26000个}
      `,
      errors: [
        {
          messageId: 'lineRounding',
          path: '/performance/projects/0/indicators/0/description',
          line: 10,
          level: 'info' as const,
          zh: '“26000个，每个0.40元，需1.0万元”：26000 × 0.40元 = 10400元，与所写 1.0万元 相差 -400元，在舍入容差 ±630元 之内',
          en: '"26000个，每个0.40元，需1.0万元": 26000 × 0.40 元 = 10400 元 differs from the stated 1.0万元 by -400 元, within the rounding tolerance ±630 元',
        },
      ],
    },
    {
      name: 'precision: 26000 × 0.40 = 10400元 may not be stated as 1.00万元',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, description: 纸杯26000个，每个0.40元，需1.00万元, value: 26000个}
      `,
      errors: [{ messageId: 'line', path: '/performance/projects/0/indicators/0/description', line: 10, zh: '= 10400元，与所写 1.00万元 不符（差 -400元，舍入容差 ±180元）' }],
    },
    {
      name: 'the words state a quantity other than the row\'s value',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, description: 纸杯25000个，每个0.4元，需1万元, value: ≥20000个}
      `,
      errors: [
        {
          messageId: 'lineVsIndicator',
          path: '/performance/projects/0/indicators/0/description',
          line: 10,
          zh: '“25000个，每个0.4元，需1万元”写 数量 25000，但指标“纸杯数量”的值为 ≥20000个',
          en: 'states the quantity as 25000, but indicator "纸杯数量" has ≥20000个',
        },
      ],
    },
    {
      name: 'the words state a unit price other than the paired price row',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, description: 纸杯25000个，每个0.4元，需1万元, value: 25000个}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯单价, value: ≤0.5元}
      `,
      errors: [
        {
          messageId: 'lineVsIndicator',
          path: '/performance/projects/0/indicators/0/description',
          line: 10,
          zh: '写 单价 0.4元，但指标“纸杯单价”的值为 ≤0.5元',
          en: 'states the unit price as 0.4元, but indicator "纸杯单价" has ≤0.5元',
        },
      ],
    },
    {
      name: 'the lines together exceed the project funds',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              funds: 10.00
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, operator: "≥", value: 20000, unit: 册}
                - {level1: 产出指标, level2: 数量指标, name: 普法展板数量, operator: "≥", value: 100, unit: 块}
                - {level1: 产出指标, level2: 成本指标, name: 普法手册单价, operator: "≤", value: 5, unit: 元}
                - {level1: 产出指标, level2: 成本指标, name: 普法展板单价, operator: "≤", value: 300, unit: 元}
      `,
      errors: [
        {
          messageId: 'overFunds',
          path: '/performance/projects/0/funds',
          line: 9,
          level: 'error' as const,
          zh: '按本表的数量和单价，各项合计 130000元（普法手册 20000×5 + 普法展板 100×300），超过项目资金 10.00万元（超出 30000元）',
          en: 'the lines come to 130000 元 (普法手册 20000×5 + 普法展板 100×300), more than the project funds 10.00 万元 (by 30000 元)',
        },
      ],
    },
    {
      name: 'precision: funds of 1.20万元 may not stand for 12500元',
      yaml: yaml`
        performance:
          projects:
            - name: 宣传品制作
              funds: 1.20
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯数量, value: ≥25000个}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯单价, value: ≤0.5元}
      `,
      errors: [{ messageId: 'overFunds', path: '/performance/projects/0/funds', line: 9, zh: '各项合计 12500元（纸杯 25000×0.5），超过项目资金 1.20万元（超出 500元）' }],
    },
    {
      name: 'counts listed as parts do not add up to the value',
      yaml: yaml`
        performance:
          projects:
            - name: 办公用品
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 办公用品数量, description: A4纸10箱，硒鼓18支；笔10盒, value: ≥40件}
      `,
      errors: [
        {
          messageId: 'parts',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'error' as const,
          zh: '“办公用品数量”分项为 A4纸10箱 + 硒鼓18支 + 笔10盒 = 38，与指标值 ≥40件 不符',
          en: '"办公用品数量" is listed as A4纸10箱 + 硒鼓18支 + 笔10盒 = 38, not the value ≥40件',
        },
      ],
    },
    {
      name: 'the department-wide table is checked too',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, description: 手册20000册，每册5元，需12万元, value: ≥20000册}
      `,
      errors: [{ messageId: 'line', path: '/performance/department/indicators/0/description', line: 10, zh: '20000 × 5元 = 100000元，与所写 12万元 不符' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
