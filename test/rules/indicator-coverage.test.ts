import rule from '../../rules/indicator-coverage.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'a project table with 产出, 效益 and 满意度',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, value: ≥20000册}
                - {level1: 效益指标, level2: 社会效益指标, name: 群众法治意识提升, value: 显著}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意度, value: ≥90%}
      `,
    },
    {
      name: '部门产出 / 部门效果 names, satisfaction as a 二级 under 效果; the department-wide table is not checked',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 部门产出, level2: 数量, name: 网格系统维护, value: 1套}
          projects:
            - name: 雪亮安防工程运行维护费
              indicators:
                - {level1: 部门产出, level2: 数量, name: 网格系统维护, value: 1套}
                - {level1: 部门效果, level2: 社会效益, name: 提升治安实战能力, value: 显著}
                - {level1: 部门效果, level2: 满意度, name: 综合满意度, value: ≥95%}
      `,
    },
    {
      name: 'an empty list is a table not transcribed',
      yaml: yaml`
        performance:
          projects:
            - {name: 中介机构服务费, funds: 418.80, indicators: []}
      `,
    },
  ],
  invalid: [
    {
      name: 'no 效益 and no 满意度 indicator',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, value: ≥20000册}
                - {level1: 产出指标, level2: 质量指标, name: 验收合格率, value: 100%}
                - {level1: 产出指标, level2: 成本指标, name: 普法手册单价, value: ≤5元}
      `,
      errors: [
        {
          messageId: 'missing',
          path: '/performance/projects/0/indicators',
          line: 9,
          level: 'warn' as const,
          zh: '项目“普法宣传经费”的绩效目标表缺少效益、满意度类指标（项目表应覆盖 产出、效益、满意度）',
          en: 'the performance table of project "普法宣传经费" has no indicator under 效益, 满意度 (a project table covers 产出, 效益, 满意度)',
        },
      ],
    },
    {
      name: 'two indicators, no 满意度',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, value: ≥20000册}
                - {level1: 效益指标, level2: 社会效益指标, name: 群众法治意识提升, value: 显著}
      `,
      errors: [
        { messageId: 'missing', path: '/performance/projects/0/indicators', line: 9, zh: '缺少满意度类指标' },
        {
          messageId: 'tooFew',
          path: '/performance/projects/0/indicators',
          line: 9,
          zh: '项目“普法宣传经费”的绩效目标表只有 2 个指标，少于 3 个',
          en: 'the performance table of project "普法宣传经费" has 2 indicators, fewer than 3',
        },
      ],
    },
    {
      name: 'options: minIndicators 4 and a 成本 category required',
      options: {
        minIndicators: 4,
        categories: [
          { name: '产出', words: ['产出'] },
          { name: '成本', words: ['成本'] },
          { name: '效益', words: ['效益', '效果'] },
          { name: '满意度', words: ['满意度'] },
        ],
      },
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 普法手册数量, value: ≥20000册}
                - {level1: 效益指标, level2: 社会效益指标, name: 群众法治意识提升, value: 显著}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意度, value: ≥90%}
      `,
      errors: [
        { messageId: 'missing', path: '/performance/projects/0/indicators', line: 9, zh: '缺少成本类指标（项目表应覆盖 产出、成本、效益、满意度）' },
        { messageId: 'tooFew', path: '/performance/projects/0/indicators', line: 9, zh: '只有 3 个指标，少于 4 个' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
