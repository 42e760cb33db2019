import rule from '../../rules/indicator-direction.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'reverse indicators as ceilings or zero; floors as floors; costs as ceilings',
      yaml: yaml`
        performance:
          projects:
            - name: 视频监控运行维护费
              indicators:
                - {level1: 效益指标, level2: 社会效益指标, name: 安保期间事故发生率, operator: "=", value: 0, unit: 百分比}
                - {level1: 效益指标, level2: 社会效益指标, name: 社会治安案件发生率, value: ≤3‰}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众投诉率, value: <1%}
                - {level1: 产出指标, level2: 时效指标, name: 视频资源存储时间, value: ≥90天}
                - {level1: 产出指标, level2: 时效指标, name: 系统正常运行天数, value: 365天}
                - {level1: 产出指标, level2: 成本指标, name: 光纤链路租赁单价, value: ≤3600元}
                - {level1: 成本指标, level2: 经济成本指标, name: 摄像头电力支持成本, value: 不超过700元}
      `,
    },
    {
      name: 'a fall of a reverse indicator, a saving, a rate under 成本 and a deadline: not directions to reverse',
      yaml: yaml`
        performance:
          projects:
            - name: 视频监控运行维护费
              indicators:
                - {level1: 效益指标, level2: 社会效益指标, name: 案件发生率下降幅度, value: ≥5%}
                - {level1: 产出指标, level2: 成本指标, name: 运维成本节约金额, value: ≥2万元}
                - {level1: 产出指标, level2: 成本指标, name: 成本控制率, value: ≥95%}
                - {level1: 产出指标, level2: 时效指标, name: 数据保存期限, value: 2024年12月31日前}
                - {level1: 产出指标, level2: 成本指标, name: 奖励金额, value: 10000元}
      `,
    },
  ],
  invalid: [
    {
      name: 'a floor on accidents and complaints',
      yaml: yaml`
        performance:
          projects:
            - name: 全国两会安保暑期铁路护路经费
              indicators:
                - {level1: 效益指标, level2: 社会效益指标, name: 安保期间事故发生率, value: ≥1%}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众投诉率, operator: ">", value: 2, unit: "%"}
      `,
      errors: [
        {
          messageId: 'reverse',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'warn' as const,
          zh: '“安保期间事故发生率”是反向指标（越低越好），指标值 ≥1% 却设了下限；应写作 ≤1%（或 = 0）',
          en: '"安保期间事故发生率" is a reverse indicator (lower is better), but its value ≥1% sets a floor; expected ≤1% (or = 0)',
        },
        { messageId: 'reverse', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '指标值 >2% 却设了下限；应写作 <2%' },
      ],
    },
    {
      name: 'a storage time and a running time written as ceilings (canonical example, projects 1 and 19)',
      yaml: yaml`
        performance:
          projects:
            - name: 大厂县“智慧城市”存储机房改造经费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 视频资源存储时间, value: ≤90天}
                - {level1: 效益指标, level2: 可持续影响指标, name: 持续保障视频资源存储时间, value: ≤3个月}
            - name: 智慧综治工程村级建设项目系统经费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 正常运行时长, value: 365天以内}
      `,
      errors: [
        {
          messageId: 'floor',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'warn' as const,
          zh: '“视频资源存储时间”是应当达到的时长或水平（下限），指标值 ≤90天 却写成了上限；应为 ≥90天',
          en: '"视频资源存储时间" is a level to reach (a floor), but its value ≤90天 is written as a ceiling; expected ≥90天',
        },
        { messageId: 'floor', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '指标值 ≤3个月 却写成了上限；应为 ≥3个月' },
        { messageId: 'floor', path: '/performance/projects/1/indicators/0/value', line: 14, zh: '“正常运行时长”是应当达到的时长或水平（下限），指标值 365天以内 却写成了上限；应为 ≥365天' },
      ],
    },
    {
      name: 'a cost with a floor, under a 成本 二级 or 一级 category',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 部门产出, level2: 成本, name: 网格系统维护价格, operator: "≥", value: 371.68, unit: 万元}
              - {level1: 成本指标, level2: 经济成本指标, name: 终端设备使用成本, value: 不低于39元/台/月}
      `,
      errors: [
        {
          messageId: 'cost',
          path: '/performance/department/indicators/0/value',
          line: 10,
          zh: '成本指标“网格系统维护价格”的指标值 ≥371.68万元 设了下限；成本目标是上限，应为 ≤371.68万元',
          en: 'cost indicator "网格系统维护价格" has ≥371.68万元, a floor; a cost target is a ceiling: expected ≤371.68万元',
        },
        { messageId: 'cost', path: '/performance/department/indicators/1/value', line: 11, zh: '应为 ≤39元/台/月' },
      ],
    },
    {
      name: 'option reductionWords: an empty list checks every name',
      options: { reductionWords: [] },
      yaml: yaml`
        performance:
          projects:
            - name: 视频监控运行维护费
              indicators:
                - {level1: 效益指标, level2: 社会效益指标, name: 案件发生率下降幅度, value: ≥5%}
      `,
      errors: [{ messageId: 'reverse', path: '/performance/projects/0/indicators/0/value', line: 10 }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
