import rule from '../../rules/indicator-structure.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'a complete table; 满意度 and 服务对象满意度 are proper names of a rate, not shifted columns',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, value: ≥20000册}
                - {level1: 产出指标, level2: 成本指标, name: 普法手册单价, value: ≤5元}
                - {level1: 效益指标, level2: 社会效益指标, name: 群众法治意识提升, value: 显著}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, value: ≥95%}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 服务对象满意度, value: ≥90%}
      `,
    },
    {
      name: 'the same item as a quantity and as a price: two categories, not a duplicate',
      yaml: yaml`
        performance:
          projects:
            - name: 反邪教宣传工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯定制, value: ≥25000个}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯定制, value: ≤0.4元}
      `,
    },
    {
      name: 'the same name in two tables, and "(%)" dropped in one, with different values',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 部门效果, level2: 满意度, name: 综合满意度（%）, operator: "≥", value: 95, unit: 百分比}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, value: ≥90%}
      `,
    },
    {
      name: 'a value in separate operator / value / unit columns',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 部门产出, level2: 数量, name: 光纤链路租赁数量, operator: "=", value: 1629, unit: 条}
      `,
    },
  ],
  invalid: [
    {
      name: 'the 二级 column repeated in the 三级 column (canonical example, project 16)',
      yaml: yaml`
        performance:
          projects:
            - name: 特困干警补贴
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 数量指标, description: 发放一档特困干警补贴人数, value: ≥5人}
                - {level1: 产出指标, level2: 数量指标, name: 数量指标, description: 发放二档特困干警补贴人数, value: ≥2人}
                - {level1: 效益指标, level2: 社会效益指标, name: 社会效益, description: 有效减轻特困干警经济压力, value: 显著}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, description: 满意度, value: 满意}
      `,
      errors: [
        {
          messageId: 'shifted',
          path: '/performance/projects/0/indicators/0/name',
          line: 10,
          level: 'error' as const,
          zh: '三级指标“数量指标”是类别名，不是指标名称（与二级指标“数量指标”重复）：表格的列可能错位，指标本身可能是描述栏中的“发放一档特困干警补贴人数”',
          en: 'the indicator name (三级指标) "数量指标" is a category name, not an indicator (it repeats the level-2 category "数量指标"): the columns are probably shifted; the indicator itself is probably the description "发放一档特困干警补贴人数"',
        },
        { messageId: 'shifted', path: '/performance/projects/0/indicators/1/name', line: 11, zh: '“发放二档特困干警补贴人数”' },
        { messageId: 'shifted', path: '/performance/projects/0/indicators/2/name', line: 12, zh: '三级指标“社会效益”是类别名，不是指标名称（与二级指标“社会效益指标”重复）' },
      ],
    },
    {
      name: 'the 一级 category in the 三级 column, and a category name with no description',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, name: 产出指标, value: ≥3项}
              - {level1: 产出指标, level2: 数量指标, name: 质量, value: 100%}
      `,
      errors: [
        {
          messageId: 'shifted',
          path: '/performance/department/indicators/0/name',
          line: 10,
          zh: '三级指标“产出指标”是类别名，不是指标名称（与一级指标“产出指标”重复）：表格的列可能错位',
          en: 'it repeats the level-1 category "产出指标"): the columns are probably shifted',
        },
        { messageId: 'shifted', path: '/performance/department/indicators/1/name', line: 11, zh: '三级指标“质量”是类别名，不是指标名称：表格的列可能错位' },
      ],
    },
    {
      name: 'no value: none written, an empty one, and only the operator and unit columns',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - level1: 产出指标
                  level2: 数量指标
                  name: 普法手册数量
                - {level1: 产出指标, level2: 质量指标, name: 验收合格率, value: ""}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意度, operator: "≥", unit: "%"}
      `,
      errors: [
        {
          messageId: 'noValue',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'error' as const,
          zh: '指标“普法手册数量”没有填写指标值，无法考核',
          en: 'indicator "普法手册数量" has no target value, so it cannot be assessed',
        },
        { messageId: 'noValue', path: '/performance/projects/0/indicators/1/value', line: 13, zh: '指标“验收合格率”没有填写指标值，' },
        {
          messageId: 'noValue',
          path: '/performance/projects/0/indicators/2/value',
          line: 14,
          zh: '指标“群众满意度”没有填写指标值（只写了“≥ %”），无法考核',
          en: 'indicator "群众满意度" has no target value (only "≥ %" is written), so it cannot be assessed',
        },
      ],
    },
    {
      name: 'one indicator twice with two targets',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, description: 印制普法手册数量, value: ≥20000册}
                - {level1: 产出指标, level2: 质量指标, name: 验收合格率, value: 100%}
                - {level1: 产出指标, level2: 数量, name: 普法手册数量, description: 印制普法手册数量, value: ≥2000册}
      `,
      errors: [
        {
          messageId: 'duplicate',
          path: '/performance/projects/0/indicators/2/name',
          line: 12,
          level: 'error' as const,
          zh: '指标“普法手册数量”在本表“数量”下出现两次，指标值不同：第1行为 ≥20000册，第3行为 ≥2000册；同一指标只能有一个目标值',
          en: 'indicator "普法手册数量" appears twice under "数量" in this table with different values: ≥20000册 in row 1, ≥2000册 in row 3; one indicator has one target',
        },
      ],
    },
    {
      name: 'two indicators under one name (canonical example, project 5)',
      yaml: yaml`
        performance:
          projects:
            - name: 大厂县智慧综治二期建设经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 尾款支付的成本, description: 三级综治平台建设尾款支付的成本, value: ≤511.89万元}
                - {level1: 产出指标, level2: 成本指标, name: 尾款支付的成本, description: 雪亮工程尾款支付的成本, value: ≤1064.49万元}
      `,
      errors: [
        {
          messageId: 'sameName',
          path: '/performance/projects/0/indicators/1/name',
          line: 11,
          zh: '本表“成本指标”下有两个指标都叫“尾款支付的成本”：第1行 ≤511.89万元（“三级综治平台建设尾款支付的成本”），第2行 ≤1064.49万元（“雪亮工程尾款支付的成本”）；描述不同，是两个指标，应各用能区分的名称',
          en: 'two indicators under "成本指标" are both named "尾款支付的成本": ≤511.89万元 ("三级综治平台建设尾款支付的成本") in row 1, ≤1064.49万元 ("雪亮工程尾款支付的成本") in row 2',
        },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
