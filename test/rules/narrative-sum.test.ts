import rule from '../../rules/narrative-sum.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: `narrative:` is line 6, its first statement line 7.
const cases = {
  valid: [
    {
      name: 'the real Dachang sentence: 其中 and a 包括 inside it, both adding up',
      yaml: yaml`
        narrative:
          - {label: 支出预算, amount: 2913.49, text: 2021年支出预算2913.49万元，其中基本支出541.96万元，包括人员类项目经费485.58万元和运转类公用经费56.38万元；项目支出2371.53万元。}
          - {label: 基本支出, amount: 541.96, parent: 0}
          - {label: 人员类项目经费, amount: 485.58, parent: 1, text: 2021年支出预算2913.49万元，其中基本支出541.96万元，包括人员类项目经费485.58万元和运转类公用经费56.38万元；项目支出2371.53万元。}
          - {label: 运转类公用经费, amount: 56.38, parent: 1}
          - {label: 项目支出, amount: 2371.53, parent: 0}
      `,
    },
    {
      name: 'a list under 其中 may leave parts out',
      yaml: yaml`
        narrative:
          - {label: 本年收入合计, amount: 120.00, text: 本年收入合计120.00万元，其中：财政拨款收入100.00万元。}
          - {label: 财政拨款收入, amount: 100.00, parent: 0, text: 本年收入合计120.00万元，其中：财政拨款收入100.00万元。}
      `,
    },
    {
      name: 'a 主要用于 list is a selection even when its names read as a known breakdown (购置 + 运营)',
      yaml: yaml`
        narrative:
          - {label: 项目支出, amount: 500.00, text: 项目支出500.00万元。}
          - {label: 执法装备购置经费, amount: 120.00, parent: 0, text: 项目支出主要用于：执法装备购置经费120.00万元；信息平台运营经费80.00万元。}
          - {label: 信息平台运营经费, amount: 80.00, parent: 0, text: 项目支出主要用于：执法装备购置经费120.00万元；信息平台运营经费80.00万元。}
      `,
    },
    {
      name: 'parts in 元 under a whole in 万元 (the statement\'s own unit)',
      yaml: yaml`
        narrative:
          - {label: 公务接待费, amount: 1.2}
          - {label: 国内接待, amount: 8000, unit: 元, parent: 0}
          - {label: 外宾接待, amount: 4000, unit: 元, parent: 0}
      `,
    },
    {
      name: 'parts whose amounts are not stated (changes only) are not summed',
      yaml: yaml`
        narrative:
          - {label: 预算收支, amount: 2913.49, change: {amount: 182.65, direction: 减少}}
          - {label: 基本支出, parent: 0, change: {amount: 29.49, direction: 增加}}
          - {label: 项目支出, parent: 0, change: {amount: 212.14, direction: 减少}}
      `,
    },
    {
      name: 'a rounding gap below the parent in a list that may leave parts out is not reported',
      yaml: yaml`
        narrative:
          - {label: 本年支出合计, amount: 100.00}
          - {label: 其他支出, amount: 99.99, parent: 0}
      `,
    },
  ],
  invalid: [
    {
      name: 'the real Dachang income sentence: the parts under 其中 exceed the whole (上年结转 2.12)',
      yaml: yaml`
        narrative:
          - {label: 预算收入, amount: 2913.49}
          - {label: 一般公共预算收入, amount: 2913.49, parent: 0}
          - {label: 基金预算收入, amount: 0, parent: 0}
          - {label: 财政专户核拨收入, amount: 0, parent: 0}
          - {label: 其他来源收入, amount: 0, parent: 0}
          - {label: 上年结转, amount: 2.12, parent: 0}
      `,
      errors: [
        {
          messageId: 'exceeds',
          path: '/narrative/0/amount',
          line: 7,
          level: 'error' as const,
          zh: '预算收入写为 2913.49万元，其中所列各部分之和却为 2915.61（一般公共预算收入 2913.49 + 基金预算收入 0 + 财政专户核拨收入 0 + 其他来源收入 0 + 上年结转 2.12），超出 2.12（舍入容差 ±0.015）：部分之和不能大于整体',
          en: 'but the parts listed under it add up to 2915.61',
        },
      ],
    },
    {
      name: 'a list under 包括 must be the whole: a shortfall is reported',
      yaml: yaml`
        narrative:
          - {label: 基本支出, amount: 541.96, text: 基本支出541.96万元，包括人员经费485.58万元和其他经费50.00万元。}
          - {label: 人员经费, amount: 485.58, parent: 0, text: 基本支出541.96万元，包括人员经费485.58万元和其他经费50.00万元。}
          - {label: 其他经费, amount: 50.00, parent: 0, text: 基本支出541.96万元，包括人员经费485.58万元和其他经费50.00万元。}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/narrative/0/amount',
          line: 7,
          zh: '基本支出写为 541.96万元，所列各部分之和为 535.58（人员经费 485.58 + 其他经费 50.00），相差 6.38，超出舍入容差 ±0.015；以“包括”列出的是全部组成部分',
          en: 'a list introduced by 包括 names every part',
        },
      ],
    },
    {
      name: 'basic and project spending are the whole of spending, whatever the list word',
      yaml: yaml`
        narrative:
          - {label: 支出预算, amount: 1000.00}
          - {label: 基本支出, amount: 600.00, parent: 0}
          - {label: 项目支出, amount: 300.00, parent: 0}
      `,
      errors: [{ messageId: 'mismatch', path: '/narrative/0/amount', line: 7, zh: '相差 100.00，超出舍入容差 ±0.015；基本支出与项目支出构成全部支出' }],
    },
    {
      name: 'a total listed as a part',
      yaml: yaml`
        narrative:
          - {label: 本年支出合计, amount: 500.00}
          - {label: 基本支出, amount: 120.00, parent: 0}
          - {label: 项目支出, amount: 380.00, parent: 0}
          - {label: 支出合计, amount: 500.00, parent: 0}
      `,
      errors: [
        {
          messageId: 'partIsTotal',
          path: '/narrative/0/amount',
          zh: '本年支出合计写为 500.00万元，所列部分中的“支出合计” 500.00 是一个合计数，与其他部分并列后各部分之和为 1000.00（基本支出 120.00 + 项目支出 380.00 + 支出合计 500.00）：疑把合计列作了组成部分',
        },
      ],
    },
    {
      name: 'parts in 元 exceeding a whole in 万元',
      yaml: yaml`
        narrative:
          - {label: 公务接待费, amount: 1.2}
          - {label: 国内接待, amount: 9000, unit: 元, parent: 0}
          - {label: 外宾接待, amount: 4000, unit: 元, parent: 0}
      `,
      errors: [{ messageId: 'exceeds', path: '/narrative/0/amount', zh: '其中所列各部分之和却为 1.3（国内接待 9000元 + 外宾接待 4000元），超出 0.1' }],
    },
    {
      name: 'rounding: the real Putuo procurement sentence, 4.79 + 0 + 246.47 = 251.26 for 251.25',
      yaml: yaml`
        narrative:
          - {label: 政府采购金额, amount: 251.25}
          - {label: 货物采购金额, amount: 4.79, parent: 0}
          - {label: 工程采购金额, amount: 0, parent: 0}
          - {label: 服务采购金额, amount: 246.47, parent: 0}
      `,
      errors: [
        {
          messageId: 'rounding',
          path: '/narrative/0/amount',
          level: 'info' as const,
          zh: '政府采购金额写为 251.25万元，所列各部分之和为 251.26（货物采购金额 4.79 + 工程采购金额 0 + 服务采购金额 246.47），相差 -0.01，在舍入容差 ±0.015 之内',
        },
      ],
    },
    {
      name: 'the real Putuo budget list: items 1–11 of 财政拨款支出 exceed it (887.36 printed for 87.36)',
      yaml: yaml`
        narrative:
          - {label: 财政拨款支出, amount: 3121.42}
          - {label: 行政运行, amount: 1623.18, parent: 0}
          - {label: 一般行政管理事务, amount: 10.00, parent: 0}
          - {label: 信息化建设, amount: 166.66, parent: 0}
          - {label: 财政委托业务支出, amount: 418.80, parent: 0}
          - {label: 行政单位离退休, amount: 87.70, parent: 0}
          - {label: 机关事业单位基本养老保险缴费支出, amount: 174.83, parent: 0}
          - {label: 机关事业单位职业年金缴费支出, amount: 887.36, parent: 0}
          - {label: 其它行政事业单位养老支出, amount: 0.96, parent: 0}
          - {label: 行政单位医疗, amount: 78.21, parent: 0}
          - {label: 住房公积金, amount: 204.91, parent: 0}
          - {label: 购房补贴, amount: 268.77, parent: 0}
      `,
      errors: [{ messageId: 'exceeds', path: '/narrative/0/amount', zh: '财政拨款支出写为 3121.42万元，其中所列各部分之和却为 3921.38' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
