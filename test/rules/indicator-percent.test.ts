import rule from '../../rules/indicator-percent.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: '100% at most: ≥100%, =100%, a bare 100%, 100百分比; a ceiling above 100%; ‰ and 百分点',
      yaml: yaml`
        performance:
          projects:
            - name: 大厂县农村治安保险金
              indicators:
                - {level1: 产出指标, level2: 质量指标, name: 投保覆盖率, value: ≥100百分比}
                - {level1: 产出指标, level2: 质量指标, name: 验收合格率, operator: "=", value: 100, unit: "%"}
                - {level1: 效益指标, level2: 社会效益指标, name: 获赔率, value: 100%}
                - {level1: 产出指标, level2: 成本指标, name: 实际成本与预算之比, value: ≤110%}
                - {level1: 效益指标, level2: 社会效益指标, name: 社会治安案件发生率, value: ≤3‰}
                - {level1: 效益指标, level2: 社会效益指标, name: 群众知晓率, value: ≥95%}
      `,
    },
    {
      name: 'growth may exceed 100%',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 效益指标, level2: 社会效益指标, name: 普法受众人数同比增长, value: ≥120%}
                - {level1: 效益指标, level2: 社会效益指标, name: 线上学习人次较上年提高, value: ">150%"}
      `,
    },
  ],
  invalid: [
    {
      name: 'more than 100% demanded: ≥101%, >100%, a bare 105%, a range reaching 110%',
      yaml: yaml`
        performance:
          projects:
            - name: 见义勇为基金
              indicators:
                - {level1: 产出指标, level2: 质量指标, name: 见义勇为基金发放率(%), value: ≥101百分比}
                - {level1: 产出指标, level2: 质量指标, name: 验收合格率, value: ">100%"}
                - {level1: 产出指标, level2: 质量指标, name: 活动宣传覆盖率, operator: "=", value: 105, unit: "%"}
                - {level1: 产出指标, level2: 质量指标, name: 任务完成率, value: 90%-110%}
      `,
      errors: [
        {
          messageId: 'over100',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'error' as const,
          zh: '指标“见义勇为基金发放率(%)”的值 ≥101百分比 要求超过 100%：比率不可能超过 100%，最多为 100百分比',
          en: 'indicator "见义勇为基金发放率(%)" has ≥101百分比, more than 100%: a rate cannot exceed 100%, so at most 100百分比',
        },
        { messageId: 'over100', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '指标“验收合格率”的值 >100% 要求超过 100%' },
        { messageId: 'over100', path: '/performance/projects/0/indicators/2/value', line: 12, zh: '的值 =105% 要求超过 100%' },
        { messageId: 'over100', path: '/performance/projects/0/indicators/3/value', line: 13, zh: '的值 90%-110% 要求超过 100%' },
      ],
    },
    {
      name: 'a satisfaction above 100%, in the department-wide table',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 部门效果, level2: 满意度, name: 综合满意度（%）, value: ≥105%}
      `,
      errors: [{ messageId: 'over100', path: '/performance/department/indicators/0/value', line: 10, zh: '综合满意度（%）' }],
    },
    {
      name: 'option mayExceed: an empty list checks growth too',
      options: { mayExceed: [] },
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 效益指标, level2: 社会效益指标, name: 普法受众人数同比增长, value: ≥120%}
      `,
      errors: [{ messageId: 'over100', path: '/performance/projects/0/indicators/0/value', line: 10 }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
