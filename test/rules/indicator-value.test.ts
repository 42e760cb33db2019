import rule from '../../rules/indicator-value.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'operator + number + unit, in one cell or in columns',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, value: ≥20000册}
                - {level1: 产出指标, level2: 数量指标, name: 普法展板数量, operator: "≥", value: 100, unit: 块}
                - {level1: 产出指标, level2: 质量指标, name: 验收合格率, value: 100%}
                - {level1: 产出指标, level2: 成本指标, name: 普法手册单价, value: 不超过5元}
                - {level1: 产出指标, level2: 数量指标, name: 培训人数, value: ≥3.2万人次}
      `,
    },
    {
      name: 'dates, durations and ranges',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 完成时间, operator: "≤", value: 2024年11月30日}
                - {level1: 产出指标, level2: 时效指标, name: 办结时限, value: 3个月以内}
                - {level1: 产出指标, level2: 时效指标, name: 响应时间, value: 1-3天}
      `,
    },
    {
      name: 'qualitative words',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 效益指标, level2: 社会效益指标, name: 群众法治意识提升, value: 显著}
              - {level1: 效益指标, level2: 社会效益指标, name: 矛盾纠纷化解, value: 及时}
      `,
    },
    {
      name: 'not applicable: no value written, or an empty one',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, name: 普法手册数量}
                - {level1: 产出指标, name: 普法展板数量, value: ""}
      `,
    },
  ],
  invalid: [
    {
      name: 'an operator and a unit with no number',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, value: ≥册}
      `,
      errors: [
        {
          messageId: 'unparseable',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'warn' as const,
          zh: '指标“普法手册数量”的值“≥册”无法解读为 符号 + 数值 + 单位',
          en: 'the value "≥册" of indicator "普法手册数量" does not read as operator + number + unit',
        },
      ],
    },
    {
      name: 'a dash placeholder and a doubled unit, in the department-wide table',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, name: 普法展板数量, value: —}
              - {level1: 产出指标, name: 普法手册单价, value: 5元元}
      `,
      errors: [
        { messageId: 'unparseable', path: '/performance/department/indicators/0/value', line: 10, zh: '的值“—”无法解读' },
        { messageId: 'unparseable', path: '/performance/department/indicators/1/value', line: 11, zh: '指标“普法手册单价”的值“5元元”无法解读' },
      ],
    },
    {
      name: 'a month number out of range',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 完成时间, value: ≤13月份}
      `,
      errors: [{ messageId: 'unparseable', path: '/performance/projects/0/indicators/0/value', line: 10, level: 'warn' as const, zh: '“≤13月份”' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
