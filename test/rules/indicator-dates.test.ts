import { describe, expect, it } from '@jest/globals';
import rule, { datesIn } from '../../rules/indicator-dates.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// The tester's header says year 2024; cases that need another year bring their own `document:`.
// Lines count the five-line header: a body's first line is line 6.
const header2021 = 'document:\n  department: 测试局\n  year: 2021\n  kind: budget\n  unit: 万元\n';

const cases = {
  valid: [
    {
      name: 'deadlines and dates inside the budget year',
      yaml: yaml`
        performance:
          projects:
            - name: 智慧综治工程村级建设项目
              goal: 1.在2024年底前实现全部村（居）委会级综治中心建设完成。
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 建设完成时间, value: 2024年12月31日前}
                - {level1: 产出指标, level2: 时效指标, name: 宣传品印制完成时间, value: ≤12月份}
      `,
    },
    {
      name: 'a past year that is not a deadline: a fact, a basis, a reference',
      yaml: yaml`
        performance:
          projects:
            - name: 雪亮工程运行维护
              goal: 1.该平台已于2022年底前完成建设，2023年完成二期建设，2024年保障正常运行。
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 维护数量, description: 较2023年增加1套, value: 2套, basis: 2023年12月31日前签订的合同}
      `,
    },
    {
      name: 'a period whose stated days count 82 between its ends (6/20–9/10: 82, or 83 with both ends)',
      yaml: yaml`
        performance:
          projects:
            - name: 2024年6月20日-9月10日“雪亮安防工程”运行维护费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 网格系统维护天数, description: 网格系统维护费未付天数, value: 82天}
                - {level1: 产出指标, level2: 数量指标, name: 系统维护天数, value: 83天}
                - {level1: 产出指标, level2: 时效指标, name: 维护天数上限, value: ≤82天}
                - {level1: 产出指标, level2: 时效指标, name: 宣传品印制周期, value: ≤30天}
      `,
    },
    {
      name: 'a period across the new year, with its days in the text (2024年12月20日至1月10日 is 21 days)',
      yaml: yaml`
        performance:
          projects:
            - name: 冬季安保经费
              goal: 1.2024年12月20日至1月10日（共21天）完成冬季安保。
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 安保天数, value: 22天}
      `,
    },
    {
      name: 'the dayWords option: a 周期 row is not the period\'s length unless configured',
      yaml: yaml`
        performance:
          projects:
            - name: 2024年6月20日-9月10日安保经费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 隐患排查周期, value: ≥89天}
      `,
    },
  ],
  invalid: [
    {
      name: 'a goal whose deadline is before the budget year ("在2020年底前…完成" in a 2021 budget)',
      yaml: header2021 + yaml`
        performance:
          projects:
            - name: 智慧综治工程村级建设项目系统经费
              goal: 1.通过建设我县村（居）委会级综治中心，在2020年底前实现全部村（居）委会级综治中心全部建设完成。
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 综治中心数量, value: 24个}
      `,
      errors: [
        {
          messageId: 'deadlinePast',
          path: '/performance/projects/0/goal',
          line: 9,
          level: 'error' as const,
          zh: '绩效目标“…会级综治中心，在2020年底前实现全部村（居）…”的完成时限 2020年底前 早于预算年度 2021 年',
          en: 'the performance goal "…会级综治中心，在2020年底前实现全部村（居）…" sets the deadline 2020年底前, before the budget year 2021',
        },
      ],
    },
    {
      name: 'a table for a period before the budget year: reported once, at the project name, not again at the title',
      yaml: header2021 + yaml`
        performance:
          projects:
            - title: 12、2020年6月20日-9月10日“雪亮安防工程”运行维护费绩效目标表
              name: 2020年6月20日-9月10日“雪亮安防工程”运行维护费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 网格系统维护天数, description: 雪亮安防工程网格系统维护费未付天数, value: 82天}
      `,
      errors: [
        {
          messageId: 'periodPast',
          path: '/performance/projects/0/name',
          line: 9,
          zh: '项目名称“2020年6月20日-9月10日“雪亮安防工程”…”写的时段 2020年6月20日-9月10日 在预算年度 2021 年之前',
          en: 'the project name "2020年6月20日-9月10日“雪亮安防工程”…" names the period 2020年6月20日-9月10日, before the budget year 2021',
        },
      ],
    },
    {
      name: 'a date value before the budget year',
      yaml: yaml`
        performance:
          projects:
            - name: 平台建设
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 建设完成时间, value: 2023年12月31日前}
                - {level1: 产出指标, level2: 时效指标, name: 验收时间, operator: "≤", value: "2023-06-30"}
      `,
      errors: [
        { messageId: 'valuePast', path: '/performance/projects/0/indicators/0/value', line: 10, zh: '指标“建设完成时间”的目标日期 2023年12月31日前 早于预算年度 2024 年', en: 'indicator "建设完成时间" targets the date 2023年12月31日前, before the budget year 2024' },
        { messageId: 'valuePast', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '≤2023-06-30' },
      ],
    },
    {
      name: 'a deadline in an indicator description',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, level2: 时效指标, name: 整改完成及时性, description: 2023年6月底前完成全部整改, value: 及时}
      `,
      errors: [{ messageId: 'deadlinePast', path: '/performance/department/indicators/0/description', line: 10, zh: '指标描述“2023年6月底前完成全部整改”的完成时限 2023年6月底前' }],
    },
    {
      name: 'a stated number of days the period cannot have (6/20–9/10 is 82 days, 83 with both ends)',
      yaml: yaml`
        performance:
          projects:
            - name: 2024年6月20日-9月10日“雪亮安防工程”运行维护费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 网格系统维护天数, value: 80天}
                - {level1: 产出指标, level2: 数量指标, name: 维护天数下限, value: ≥90天}
      `,
      errors: [
        {
          messageId: 'daysMismatch',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“网格系统维护天数”为 80天，但本表写的时段 2024年6月20日-9月10日 共 82 天（含首尾两日为 83 天）',
          en: 'indicator "网格系统维护天数" is 80天, but the period 2024年6月20日-9月10日 stated in this table is 82 days long (83 counting both the first and the last day)',
        },
        { messageId: 'daysMismatch', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '“维护天数下限”为 ≥90天' },
      ],
    },
    {
      name: 'days written after the period in the text',
      yaml: yaml`
        performance:
          projects:
            - name: 暑期安保经费
              goal: 1.2024年6月20日至2024年9月10日（共90天）完成暑期安保。
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 安保人数, value: ≥1750人}
      `,
      errors: [
        {
          messageId: 'daysMismatchText',
          path: '/performance/projects/0/goal',
          line: 9,
          zh: '时段 2024年6月20日至2024年9月10日 共 82 天（含首尾两日为 83 天），不是所写的 90天',
        },
      ],
    },
    {
      name: 'the dayWords option: 周期 configured as a word for the period\'s length',
      options: { dayWords: ['天数', '周期'] },
      yaml: yaml`
        performance:
          projects:
            - name: 2024年6月20日-9月10日安保经费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 隐患排查周期, value: ≥89天}
      `,
      errors: [{ messageId: 'daysMismatch', path: '/performance/projects/0/indicators/0/value', line: 10 }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);

describe('indicator-dates: datesIn', () => {
  it('reads deadlines and periods, and skips facts', () => {
    expect(datesIn('在2020年底前实现').map((f) => [f.kind, f.text])).toEqual([['deadline', '2020年底前']]);
    expect(datesIn('2020年6月20日-9月10日').map((f) => [f.kind, f.start, f.end])).toEqual([['period', { y: 2020, m: 6, d: 20 }, { y: 2020, m: 9, d: 10 }]]);
    expect(datesIn('2020年12月1日至1月31日')[0]?.end).toEqual({ y: 2021, m: 1, d: 31 });
    expect(datesIn('已于2020年完成建设')).toEqual([]);
    expect(datesIn('2020年工作计划')).toEqual([]);
    expect(datesIn('2021年2月30日前')).toEqual([]); // no such day
    expect(datesIn('2020年完成一期建设，根据2020年前三季度数据，2020年内部审计')).toEqual([]);
    expect(datesIn('确保2020年内完成').map((f) => f.text)).toEqual(['2020年内']);
  });
});
