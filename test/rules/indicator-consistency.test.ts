import rule from '../../rules/indicator-consistency.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'the same indicator with the same operator, value and unit',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, operator: "≥", value: 20000, unit: 册}
              - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意度, operator: "≥", value: 90, unit: "%"}
              - {level1: 效益指标, level2: 社会效益指标, name: 群众法治意识提升, value: 显著}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, operator: "≥", value: 20000, unit: 册}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意度, operator: "≥", value: 90, unit: "%"}
                - {level1: 效益指标, level2: 社会效益指标, name: 群众法治意识提升, value: 显著}
      `,
    },
    {
      name: 'written differently, read the same: columns vs one cell, 2万 vs 20000, "(%)" in the name',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, name: 普法手册数量, operator: "≥", value: 20000, unit: 册}
              - {level1: 满意度指标, name: 群众满意度（%）, value: ≥90%}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, name: 普法手册数量, value: ≥2万册}
                - {level1: 满意度指标, name: 群众满意度, operator: ≥, value: 90, unit: "%"}
      `,
    },
    {
      name: 'a value with no operator reads as "="',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, name: 验收合格率, value: 100%}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, name: 验收合格率, value: =100%}
      `,
    },
    {
      name: 'a generic name used for a different thing (descriptions differ)',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 满意度指标, name: 满意度, description: 群众对普法宣传工作的满意程度, value: ≥90%}
          projects:
            - name: 人民调解工作经费
              indicators:
                - {level1: 满意度指标, name: 满意度, description: 调解当事人对调解结果的认可比例, value: ≥85%}
      `,
    },
    {
      name: 'not applicable: no department-wide table',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 满意度指标, name: 群众满意度, value: ≥90%}
            - name: 人民调解工作经费
              indicators:
                - {level1: 满意度指标, name: 群众满意度, value: ≥85%}
      `,
    },
    {
      name: 'not applicable: a value that cannot be read',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, name: 普法手册数量, value: ≥册}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, name: 普法手册数量, value: ≥20000册}
      `,
    },
  ],
  invalid: [
    {
      name: 'a different value in a project table',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 满意度指标, name: 群众满意度, operator: "≥", value: 90, unit: "%"}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 满意度指标, name: 群众满意度, operator: "≥", value: 95, unit: "%"}
      `,
      errors: [
        {
          messageId: 'differs',
          path: '/performance/projects/0/indicators/0/value',
          line: 14,
          level: 'error' as const,
          zh: '指标“群众满意度”在本项目表中为 ≥95%，在部门整体绩效目标表中为 ≥90%',
          en: 'indicator "群众满意度" is ≥95% in this project table but ≥90% in the department-wide table',
        },
      ],
    },
    {
      name: 'a different operator',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, name: 普法手册单价, value: ≤5元}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, name: 普法手册单价, value: =5元}
      `,
      errors: [{ messageId: 'differs', path: '/performance/projects/0/indicators/0/value', line: 14, zh: '在本项目表中为 =5元，在部门整体绩效目标表中为 ≤5元' }],
    },
    {
      name: 'a different unit',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, name: 普法宣传完成时限, value: ≤3个月}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, name: 普法宣传完成时限, value: ≤3天}
      `,
      errors: [{ messageId: 'differs', path: '/performance/projects/0/indicators/0/value', line: 14, zh: '在本项目表中为 ≤3天，在部门整体绩效目标表中为 ≤3个月' }],
    },
    {
      name: 'a different qualitative word',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 效益指标, name: 群众法治意识提升, value: 显著}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 效益指标, name: 群众法治意识提升, value: 明显}
      `,
      errors: [{ messageId: 'differs', path: '/performance/projects/0/indicators/0/value', line: 14, zh: '在本项目表中为 明显，在部门整体绩效目标表中为 显著' }],
    },
    {
      name: 'every project table is compared',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 满意度指标, name: 群众满意度, value: ≥90%}
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 满意度指标, name: 群众满意度, value: ≥90%}
            - name: 人民调解工作经费
              indicators:
                - {level1: 满意度指标, name: 群众满意度, value: ≥80%}
      `,
      errors: [{ messageId: 'differs', path: '/performance/projects/1/indicators/0/value', line: 17, zh: '≥80%' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
