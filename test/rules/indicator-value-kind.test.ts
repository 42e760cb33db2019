import rule from '../../rules/indicator-value-kind.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: the first indicator of a project below is on line 10.
const cases = {
  valid: [
    {
      name: 'numbers and dates where they are due; words for outcomes and satisfaction',
      yaml: yaml`
        performance:
          projects:
            - name: 全县扫黑除恶专项斗争工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 定制雨伞数量, value: ≥2500把}
                - {level1: 产出指标, level2: 质量指标, name: 活动宣传覆盖率, value: ≥95%}
                - {level1: 产出指标, level2: 时效指标, name: 宣传品印制完成时间, value: ≤2024年12月31日}
                - {level1: 产出指标, level2: 时效指标, name: 赔付及时率, value: ≥95%}
                - {level1: 产出指标, level2: 成本指标, name: 定制雨伞单价, value: ≤31元}
                - {level1: 效益指标, level2: 社会效益指标, name: 社会稳定促进情况, value: 显著}
                - {level1: 效益指标, level2: 可持续影响指标, name: 促进社会和谐发展, value: 持续}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, value: ≥95%}
      `,
    },
    {
      name: 'a satisfaction given as a word where nothing says it is a percentage (a 座谈, not a survey)',
      yaml: yaml`
        performance:
          projects:
            - name: 见义勇为基金
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, description: 受奖励人员满意度, value: 满意, basis: 座谈}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, description: 满意度, value: 非常满意, basis: 座谈}
      `,
    },
    {
      name: 'words the list does not hold, and words in slots the options leave out',
      yaml: yaml`
        performance:
          projects:
            - name: 智慧综治平台建设
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 平台建成时间, value: 年底前}
                - {level1: 产出指标, level2: 质量指标, name: 验收质量, value: 合格}
                - {level1: 产出指标, level2: 成本指标, name: 成本控制, value: 合理}
      `,
    },
    {
      name: 'department-wide categories (部门产出 / 部门效果) and an output that is not an input',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 部门产出, level2: 数量, name: 网格系统维护, operator: "=", value: 1, unit: 套}
              - {level1: 部门效果, level2: 社会效益, name: 提升治安实战能力, operator: 文字描述, value: 显著}
              - {level1: 部门产出, level2: 质量, name: 见义勇为基金发放率, value: ≥100%}
      `,
    },
  ],
  invalid: [
    {
      name: 'a word in a timeliness slot (canonical project 12: 及时支付 显著; project 3: 赔付及时性 及时)',
      yaml: yaml`
        performance:
          projects:
            - name: 雪亮安防工程运行维护费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 及时支付, description: 实际支付时间, value: 显著}
                - {level1: 产出指标, level2: 时效指标, name: 赔付及时性, description: 实际完成时间, value: 及时}
      `,
      errors: [
        {
          messageId: 'qualitative',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'warn' as const,
          zh: '时效指标“及时支付”的值“显著”是定性词，不是目标值：时效指标应写明完成时限（日期或时长，如 ≤12月底、≤30天）或及时率（如 ≥95%）',
          en: 'the value "显著" of timeliness indicator "及时支付" is a word, not a target: a timeliness indicator states a deadline (a date or a duration, such as ≤12月底 or ≤30天) or an on-time rate (such as ≥95%)',
        },
        { messageId: 'qualitative', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '时效指标“赔付及时性”的值“及时”是定性词' },
      ],
    },
    {
      name: 'a word in a quantity slot; a category in the name column is named by its description',
      yaml: yaml`
        performance:
          projects:
            - name: 特困干警补贴
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 宣传手册数量, value: 达标}
                - {level1: 产出指标, level2: 时效指标, name: 时效指标, description: 资助申报及时性, value: 及时}
      `,
      errors: [
        {
          messageId: 'qualitative',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '数量指标“宣传手册数量”的值“达标”是定性词，不是目标值：数量指标应写明数值和计量单位（如 ≥2500把）',
          en: 'a quantity indicator states a number and a unit (such as ≥2500把)',
        },
        { messageId: 'qualitative', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '时效指标“资助申报及时性”的值“及时”' },
      ],
    },
    {
      name: 'a rate\'s name for a value (canonical project 11: 宣传及时性 "及时率")',
      yaml: yaml`
        performance:
          projects:
            - name: 社会治安综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 宣传及时性, description: 完成时间, value: 及时率}
                - {level1: 产出指标, level2: 质量指标, name: 验收, value: 合格率}
      `,
      errors: [
        {
          messageId: 'rateName',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“宣传及时性”的值“及时率”是一个指标名称，没有目标值：应写明比率（如 ≥95%）或完成时限（如 ≤12月底）',
          en: 'the value "及时率" of indicator "宣传及时性" names a rate instead of giving one: state the target rate (such as ≥95%) or a deadline (such as ≤12月底)',
        },
        { messageId: 'rateName', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '指标“验收”的值“合格率”' },
      ],
    },
    {
      name: 'vague targets, wherever they are',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 效益指标, level2: 社会效益指标, name: 群众法治意识, value: 有所提高}
                - {level1: 产出指标, level2: 质量指标, name: 宣传质量, value: 进一步提升}
      `,
      errors: [
        {
          messageId: 'vague',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“群众法治意识”的值“有所提高”（“有所提高”）无法衡量：应写明达到多少，如 ≥90% 或 提高5个百分点',
          en: 'the value "有所提高" of indicator "群众法治意识" ("有所提高") cannot be measured: say how much, such as ≥90% or 5 percentage points more',
        },
        { messageId: 'vague', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '（“进一步提升”）' },
      ],
    },
    {
      name: 'inputs filed as outputs or outcomes',
      yaml: yaml`
        performance:
          projects:
            - name: 普法宣传经费
              indicators:
                - {level1: 产出指标, level2: 质量指标, name: 资金到位率, value: 100%}
                - {level1: 效益指标, level2: 经济效益指标, name: 预算执行率（%）, value: ≥95%}
      `,
      errors: [
        {
          messageId: 'input',
          path: '/performance/projects/0/indicators/0/name',
          line: 10,
          zh: '“资金到位率”衡量的是投入（资金是否到位、是否花出），不是产出：应改为资金所完成的产出',
          en: '"资金到位率" measures an input (the money arriving or being spent), not an output: measure what the money achieves instead',
        },
        { messageId: 'input', path: '/performance/projects/0/indicators/1/name', line: 11, zh: '不是效益', en: 'not an outcome' },
      ],
    },
    {
      name: 'a satisfaction the indicator itself measures in percent, given as a word (canonical project 18)',
      yaml: yaml`
        performance:
          projects:
            - name: 军队退役人员辅助性岗位资金
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度（%）, description: 退役军人满意度, value: 非常满意}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 农户满意度, description: 调查中满意和较满意的农户数量占全部调查人数比率, value: 满意}
      `,
      errors: [
        {
          messageId: 'satisfactionWord',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '满意度指标“综合满意度（%）”按百分比衡量（名称带“（%）”），指标值却是“非常满意”：应写调查得出的满意比例，如 ≥90%',
          en: 'satisfaction indicator "综合满意度（%）" is a percentage (its name has "（%）"), but its value is "非常满意": give the surveyed share, such as ≥90%',
        },
        { messageId: 'satisfactionWord', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '（描述为“调查中满意和较满意的农户数量占全部调查人数比率”）' },
      ],
    },
    {
      name: 'options: every satisfaction word (practice), and words in 质量 and 成本 slots too',
      options: { satisfactionWords: 'always', slots: ['数量', '时效', '质量', '成本'] },
      yaml: yaml`
        performance:
          projects:
            - name: 见义勇为基金
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, description: 受奖励人员满意度, value: 满意, basis: 座谈}
                - {level1: 产出指标, level2: 质量指标, name: 验收质量, value: 合格}
      `,
      errors: [
        { messageId: 'satisfactionWord', path: '/performance/projects/0/indicators/0/value', line: 10, zh: '（满意度通常以问卷调查的百分比衡量）', en: '(satisfaction is conventionally a surveyed percentage)' },
        { messageId: 'qualitative', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '质量指标“验收质量”的值“合格”是定性词' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
