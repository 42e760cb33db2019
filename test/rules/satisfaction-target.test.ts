import rule from '../../rules/satisfaction-target.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'targets a survey can confirm; words; a dissatisfaction ceiling; not a satisfaction name',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, value: ≥95百分比}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意率, operator: "≥", value: 80, unit: "%"}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 受奖励人员满意度, value: 非常满意}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 不满意率, value: ≤5%}
                - {level1: 产出指标, level2: 质量指标, name: 验收合格率, value: 100%}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度区间, value: 90%-100%}
      `,
    },
    {
      name: 'more than 100% is left to indicator-percent',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, value: ≥101%}
      `,
    },
    {
      name: 'option floor: 60 accepts 70%',
      options: { floor: 60 },
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, value: ≥70%}
      `,
    },
  ],
  invalid: [
    {
      name: '≥100%, =100% and a bare 100% cannot be shown by a survey (canonical example, project 1)',
      yaml: yaml`
        performance:
          projects:
            - name: 大厂县“智慧城市”存储机房改造经费
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, value: ≥100百分比}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 农户满意度（%）, operator: "=", value: 100, unit: 百分比}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意率, value: 100%}
      `,
      errors: [
        {
          messageId: 'full',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'warn' as const,
          zh: '满意度指标“综合满意度”的目标 ≥100百分比 无法由问卷调查证实（抽样调查得不出全部满意）；通常写 ≥80%～95%',
          en: 'satisfaction target "综合满意度" ≥100百分比 cannot be confirmed by a survey (a sample cannot show that everyone is satisfied); usual targets are ≥80% to 95%',
        },
        { messageId: 'full', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '“农户满意度（%）”的目标 =100百分比 无法由问卷调查证实' },
        { messageId: 'full', path: '/performance/projects/0/indicators/2/value', line: 12, zh: '“群众满意率”的目标 100% 无法' },
      ],
    },
    {
      name: 'a target too low to mean much',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 部门效果, level2: 满意度, name: 服务对象满意度, value: ≥60%}
      `,
      errors: [
        {
          messageId: 'low',
          path: '/performance/department/indicators/0/value',
          line: 10,
          level: 'warn' as const,
          zh: '满意度指标“服务对象满意度”的目标 ≥60% 低于 80%，过低而难以说明问题；通常写 ≥80%～95%',
          en: 'satisfaction target "服务对象满意度" ≥60% is below 80%, too low to mean much; usual targets are ≥80% to 95%',
        },
      ],
    },
    {
      name: 'option floor: 90 and option words: 认可度',
      options: { floor: 90, words: ['满意度', '认可度'] },
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, value: ≥85%}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众认可度, value: ≥100%}
      `,
      errors: [
        { messageId: 'low', path: '/performance/projects/0/indicators/0/value', line: 10, zh: '低于 90%' },
        { messageId: 'full', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '通常写 ≥90%～95%' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
