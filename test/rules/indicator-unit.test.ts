import rule from '../../rules/indicator-unit.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6, so the first
// indicator of a project below is on line 10.
const cases = {
  valid: [
    {
      name: 'each kind in its unit: money, rate, duration, date, energy; in one cell or in columns',
      yaml: yaml`
        performance:
          projects:
            - name: 雪亮工程运行维护费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 光纤链路租赁单价, value: ≤865.1元}
                - {level1: 产出指标, level2: 成本指标, name: 网格系统维护价格, operator: "≤", value: 371.68, unit: 万元}
                - {level1: 产出指标, level2: 成本指标, name: 光纤链路租赁价格, value: ≤6元/条/天}
                - {level1: 产出指标, level2: 成本指标, name: 人均补助标准, value: ≤1万元/人}
                - {level1: 产出指标, level2: 质量指标, name: 正常运行比率, operator: "≥", value: 98, unit: 百分比}
                - {level1: 效益指标, level2: 社会效益指标, name: 社会治安案件发生率, value: ≤3‰}
                - {level1: 效益指标, level2: 社会效益指标, name: 安保期间事故发生率, operator: "=", value: 0, unit: 百分比}
                - {level1: 产出指标, level2: 时效指标, name: 隐患排查周期, value: ≤90天}
                - {level1: 产出指标, level2: 时效指标, name: 办结时限, value: 2024年11月30日前}
                - {level1: 产出指标, level2: 时效指标, name: 巡查周期, value: ≥1次/周}
                - {level1: 产出指标, level2: 数量指标, name: 电力使用数量, value: 178610度}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度（%）, value: ≥95%}
      `,
    },
    {
      name: 'the last word decides: 资金到位率 is a rate, 价格监测点数量 a count, 巡查频率 no rate',
      yaml: yaml`
        performance:
          projects:
            - name: 价格监测经费
              indicators:
                - {level1: 产出指标, level2: 质量指标, name: 资金到位率, value: 100%}
                - {level1: 产出指标, level2: 数量指标, name: 价格监测点数量, value: ≥10个}
                - {level1: 产出指标, level2: 数量指标, name: 巡查频率, value: ≥2次}
                - {level1: 产出指标, level2: 数量指标, name: 摄像头电力支持数量, value: 1500个}
      `,
    },
    {
      name: 'scores for satisfaction and indices; a bare 0 rate',
      yaml: yaml`
        performance:
          projects:
            - name: 群众满意度调查
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意度, value: ≥90分}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 公众安全感指数, value: ≥4.5}
                - {level1: 效益指标, level2: 社会效益指标, name: 重大事故发生率, value: "=0"}
      `,
    },
    {
      name: 'not applicable: words and unreadable values are other rules\' business',
      yaml: yaml`
        performance:
          projects:
            - name: 见义勇为基金
              indicators:
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, value: 满意}
                - {level1: 产出指标, level2: 时效指标, name: 值班时长, value: 显著}
                - {level1: 产出指标, level2: 成本指标, name: 人均奖金发放金额, value: ≤元}
      `,
    },
    {
      name: 'the description gives the same unit (or a counter for the same thing); small numbers and unit prices are left alone',
      yaml: yaml`
        performance:
          projects:
            - name: 反邪教宣传工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯定制, description: 纸杯25000个，每个0.4元，需1万元, value: ≥25000个}
                - {level1: 产出指标, level2: 数量指标, name: 培训人次, description: 培训干部500人, value: ≥500人次}
                - {level1: 产出指标, level2: 数量指标, name: 发放补贴人数, description: 为120名困难群众发放补贴, value: ≥120人}
                - {level1: 产出指标, level2: 数量指标, name: 宣传册印刷数量, description: 印刷宣传册15000册, value: ≥1.5万本}
                - {level1: 产出指标, level2: 数量指标, name: 召开会议次数, description: 召开会议12场次, value: ≥12次}
                - {level1: 产出指标, level2: 数量指标, name: 安保人数, description: 7个岗亭安保人员数量, value: ≥7人}
                - {level1: 产出指标, level2: 数量指标, name: 办公耗材数量, description: A4纸10箱，笔10盒, value: ≥10箱}
                - {level1: 产出指标, level2: 成本指标, name: 终端资费单价, description: 套餐资费为39元/台/月, value: ≤39元}
      `,
    },
    {
      name: 'a category in the name column: the description names the indicator',
      yaml: yaml`
        performance:
          projects:
            - name: 特困干警补贴
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 成本指标, description: 一档补助发放金额, value: 5000元}
                - {level1: 产出指标, level2: 质量指标, name: 质量指标, description: 补助金发放率(%), value: ≥95百分比}
      `,
    },
  ],
  invalid: [
    {
      name: 'money with no currency unit (canonical project 18: ≤0.44万)',
      yaml: yaml`
        performance:
          projects:
            - name: 军队退役人员辅助性岗位资金
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 月均服务费成本, description: 总成本与服务总时长的比例, value: ≤0.44万}
                - {level1: 产出指标, level2: 成本指标, name: 维修维护单价, value: ≤10000}
      `,
      errors: [
        {
          messageId: 'noUnit',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          level: 'error' as const,
          zh: '指标“月均服务费成本”是金额（名称以“成本”结尾），指标值 ≤0.44万 没有写单位：应为 ≤0.44万元',
          en: 'indicator "月均服务费成本" is an amount of money (its name ends with "成本"), but its value ≤0.44万 has no unit: expected ≤0.44万元',
        },
        { messageId: 'noUnit', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '应为 ≤10000元或≤10000万元', en: 'expected ≤10000元 or ≤10000万元' },
      ],
    },
    {
      name: 'a rate with no % (the unit column left empty)',
      yaml: yaml`
        performance:
          projects:
            - name: 智慧城市机房改造
              indicators:
                - {level1: 产出指标, level2: 质量指标, name: 验收合格率, operator: "=", value: 100}
      `,
      errors: [
        {
          messageId: 'noUnit',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“验收合格率”是比率（名称以“率”结尾），指标值 =100 没有写单位：应为 =100%',
          en: 'indicator "验收合格率" is a rate (its name ends with "率"), but its value =100 has no unit: expected =100%',
        },
      ],
    },
    {
      name: 'a unit of another kind: money, rate, duration, energy',
      yaml: yaml`
        performance:
          projects:
            - name: 铁路护路经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 安保人员培训费用, value: ≥20人次}
                - {level1: 产出指标, level2: 质量指标, name: 活动宣传覆盖率, value: ≥70块}
                - {level1: 产出指标, level2: 时效指标, name: 值班时长, operator: "≥", value: 120, unit: 人}
                - {level1: 产出指标, level2: 数量指标, name: 岗亭用电量, value: ≤5000元}
      `,
      errors: [
        {
          messageId: 'kind',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“安保人员培训费用”是金额（名称以“费用”结尾），指标值 ≥20人次 应以元或万元计，所写的却是计数单位“人次”',
          en: 'indicator "安保人员培训费用" is an amount of money (its name ends with "费用"): its value ≥20人次 should be in 元 or 万元, but it is a count ("人次")',
        },
        { messageId: 'kind', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '应以百分比（%）或千分比（‰）计，所写的却是计数单位“块”' },
        {
          messageId: 'kind',
          path: '/performance/projects/0/indicators/2/unit',
          line: 12,
          zh: '指标“值班时长”是时长（名称以“时长”结尾），指标值 ≥120人 应以天、月、年或小时计',
          en: 'should be in days, months, years or hours, but it is a count ("人")',
        },
        { messageId: 'kind', path: '/performance/projects/0/indicators/3/value', line: 13, zh: '指标“岗亭用电量”是用电量（名称以“用电量”结尾），指标值 ≤5000元 应以千瓦时（度）计，所写的却是金额“元”' },
      ],
    },
    {
      name: 'a price whose unit does not start with money (canonical project 12: ≤6条/天/元)',
      yaml: yaml`
        performance:
          projects:
            - name: 雪亮安防工程运行维护费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 光纤链路租赁价格, description: 光纤链路租赁价格, value: ≤6条/天/元}
                - {level1: 产出指标, level2: 成本指标, name: 人均补助标准, value: ≤1人/万元}
      `,
      errors: [
        {
          messageId: 'priceOrder',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“光纤链路租赁价格”的值 ≤6条/天/元 单位写成“条/天/元”：价格的单位以金额开头，应为 ≤6元/条/天',
          en: 'indicator "光纤链路租赁价格" has the unit "条/天/元" in ≤6条/天/元: a price puts the money first, expected ≤6元/条/天',
        },
        { messageId: 'priceOrder', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '应为 ≤1万元/人' },
      ],
    },
    {
      name: 'a rate given as a date or a duration (canonical project 4: 宣传品印制完成及时率 ≤12月份)',
      yaml: yaml`
        performance:
          projects:
            - name: 全县扫黑除恶专项斗争工作经费
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 宣传品印制完成及时率, description: 宣传品印制完成时间, value: ≤12月份}
                - {level1: 产出指标, level2: 时效指标, name: 赔付及时率, value: ≤30天}
      `,
      errors: [
        {
          messageId: 'rateAsDate',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“宣传品印制完成及时率”是比率（名称以“率”结尾），指标值 ≤12月份 却是一个日期：要么写比率（如 ≥95%），要么把指标改为完成时限',
          en: 'indicator "宣传品印制完成及时率" is a rate (its name ends with "率"), but its value ≤12月份 is a date: give the rate (such as ≥95%), or make the indicator a deadline',
        },
        { messageId: 'rateAsDate', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '指标值 ≤30天 却是一个时长', en: 'its value ≤30天 is a duration' },
      ],
    },
    {
      name: 'electricity in 千瓦, a unit of power (canonical project 17: 14000千瓦)',
      yaml: yaml`
        performance:
          projects:
            - name: 全国两会安保暑期铁路护路经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 岗亭电力使用数量, description: 铁路护路7个岗亭的电力使用数量, value: 14000千瓦}
                - {level1: 产出指标, level2: 数量指标, name: 指挥中心用电, description: 指挥中心全年用电量, operator: "≤", value: 9000, unit: kW}
      `,
      errors: [
        {
          messageId: 'energyPower',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“岗亭电力使用数量”是用电量（名称以“电力使用数量”结尾），指标值 14000千瓦 的单位“千瓦”是功率：电量以千瓦时（度）计，应为 14000千瓦时',
          en: 'indicator "岗亭电力使用数量" is an amount of electricity (its name ends with "电力使用数量"), but "千瓦" in 14000千瓦 is a unit of power: electricity is counted in 千瓦时 (度), expected 14000千瓦时',
        },
        {
          messageId: 'energyPower',
          path: '/performance/projects/0/indicators/1/unit',
          line: 11,
          zh: '是用电量（描述以“用电量”结尾），指标值 ≤9000kW 的单位“kW”是功率',
          en: 'expected ≤9000kWh',
        },
      ],
    },
    {
      name: 'the description gives the same figure another unit (canonical projects 8 and 15)',
      yaml: yaml`
        performance:
          projects:
            - name: 反邪教宣传工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯定制, description: 纸杯25000个，每个0.4元，需1万元, value: ≥25000张}
                - {level1: 产出指标, level2: 成本指标, name: 终端设备使用成本, description: 套餐资费为39元/台/月, value: 39元}
      `,
      errors: [
        {
          messageId: 'describedUnit',
          path: '/performance/projects/0/indicators/0/value',
          line: 10,
          zh: '指标“纸杯定制”的描述写“25000个”，指标值却是 ≥25000张：同一数值的单位应一致（应为 ≥25000个）',
          en: 'the description of indicator "纸杯定制" says "25000个", but its value is ≥25000张: the same figure should have the same unit (expected ≥25000个)',
        },
        { messageId: 'describedUnit', path: '/performance/projects/0/indicators/1/value', line: 11, zh: '描述写“39元/台/月”，指标值却是 39元', en: '(expected 39元/台/月)' },
      ],
    },
    {
      name: 'a category in the name column: the description decides, and names the indicator',
      yaml: yaml`
        performance:
          projects:
            - name: 特困干警补贴
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 成本指标, description: 一档补助发放金额, value: "5000"}
      `,
      errors: [{ messageId: 'noUnit', path: '/performance/projects/0/indicators/0/value', line: 10, zh: '指标“一档补助发放金额”是金额（描述以“金额”结尾）', en: 'its description ends with "金额"' }],
    },
    {
      name: 'options: a small number compared too; 效率 counted as a rate',
      options: { minDescribedNumber: 0, notRates: [] },
      yaml: yaml`
        performance:
          projects:
            - name: 铁路护路经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 安保岗亭数量, description: 7个岗亭, value: ≥7座}
                - {level1: 效益指标, level2: 社会效益指标, name: 办案效率, value: ≥20件}
      `,
      errors: [
        { messageId: 'describedUnit', path: '/performance/projects/0/indicators/0/value', line: 10, zh: '描述写“7个”' },
        { messageId: 'kind', path: '/performance/projects/0/indicators/1/value', line: 11 },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
