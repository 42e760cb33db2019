import rule from '../../rules/narrative-share.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

const cases = {
  valid: [
    {
      name: 'the real Putuo income and spending shares: of the parent, summing to 100%',
      yaml: yaml`
        narrative:
          - {label: 本年收入合计, amount: 2946.25}
          - {label: 财政拨款收入, amount: 2940.05, parent: 0, share: 99.79}
          - {label: 其他收入, amount: 6.2, parent: 0, share: 0.21}
          - {label: 本年支出合计, amount: 2940.05}
          - {label: 基本支出, amount: 2336.91, parent: 3, share: 79.49}
          - {label: 项目支出, amount: 603.14, parent: 3, share: 20.51}
      `,
    },
    {
      name: 'a share of a statement named by 占…的 (not the parent)',
      yaml: yaml`
        narrative:
          - {label: 本年支出合计, amount: 2940.05}
          - {label: 一般公共预算财政拨款支出, amount: 2940.05, share: 100.00, of: 本年支出合计}
      `,
    },
    {
      name: 'the whole named in traditional characters',
      yaml: yaml`
        narrative:
          - {label: 支出預算, amount: 1200.00}
          - {label: 基本支出, amount: 800.00, parent: 0, share: 66.67, of: 支出預算}
      `,
    },
    {
      name: 'a whole that is not in the narrative is not guessed',
      yaml: yaml`
        narrative:
          - {label: 基本支出, amount: 800.00, share: 12.34, of: 一般公共预算支出}
      `,
    },
    {
      name: 'shares of a list that may leave parts out need not reach 100%',
      yaml: yaml`
        narrative:
          - {label: 本年支出合计, amount: 1000.00}
          - {label: 其他支出, amount: 300.00, parent: 0, share: 30.00}
          - {label: 对个人和家庭的补助, amount: 200.00, parent: 0, share: 20.00}
      `,
    },
  ],
  invalid: [
    {
      name: 'a share that does not follow from part ÷ whole',
      yaml: yaml`
        narrative:
          - {label: 支出合计, amount: 880.00}
          - {label: 基本支出, amount: 600.00, parent: 0, share: 65.00}
      `,
      errors: [
        {
          messageId: 'mismatch',
          path: '/narrative/1/share',
          line: 8,
          level: 'error' as const,
          zh: '基本支出占支出合计的比例写为 65.00%，按 600.00 ÷ 880.00 计算应为 68.18%（差 -3.18 个百分点，容差 ±0.1）',
          en: 'the share of 支出合计 is stated as 65.00%, but 600.00 ÷ 880.00 = 68.18% (difference -3.18 points, tolerance ±0.1)',
        },
      ],
    },
    {
      name: 'a share over 100%',
      yaml: yaml`
        narrative:
          - {label: 支出合计, amount: 880.00}
          - {label: 基本支出, amount: 600.00, parent: 0, share: 120.00}
      `,
      errors: [{ messageId: 'overHundred', path: '/narrative/1/share', zh: '基本支出占支出合计的比例写为 120.00%，超过 100%：部分不能大于整体；按 600.00 ÷ 880.00 计算为 68.18%' }],
    },
    {
      name: 'a share over 100% of a whole not in the narrative',
      yaml: yaml`
        narrative:
          - {label: 公务接待费, amount: 4.50, share: 104.5, of: 一般公共预算支出}
      `,
      errors: [{ messageId: 'overHundred', path: '/narrative/0/share', zh: '公务接待费占一般公共预算支出的比例写为 104.5%，超过 100%：部分不能大于整体' }],
    },
    {
      name: 'the real Putuo share 71.73% (2106.66 ÷ 2940.05 = 71.65%): beyond the figures\' rounding, within the 0.1-point floor',
      yaml: yaml`
        narrative:
          - {label: 一般公共预算财政拨款支出, amount: 2940.05}
          - {label: 一般公共服务支出（类）, amount: 2106.66, parent: 0, share: 71.73}
          - {label: 社会保障和就业支出（类）, amount: 326.72, parent: 0, share: 11.11}
          - {label: 卫生健康支出（类）, amount: 60.99, parent: 0, share: 2.07}
          - {label: 住房保障支出（类）, amount: 445.69, parent: 0, share: 15.16}
      `,
      errors: [
        {
          messageId: 'floor',
          path: '/narrative/1/share',
          level: 'info' as const,
          zh: '一般公共服务支出（类）占一般公共预算财政拨款支出的比例写为 71.73%，按 2106.66 ÷ 2940.05 计算为 71.65%，相差 0.08 个百分点：超出数字本身的舍入（±0.0053），但在 0.1 个百分点的容差之内',
        },
        {
          messageId: 'siblingsRounding',
          path: '/narrative/1/share',
          level: 'info' as const,
          zh: '一般公共预算财政拨款支出各组成部分的占比之和为 100.07%，与 100% 相差 0.07 个百分点，在容差 ±0.1 之内',
        },
      ],
    },
    {
      name: 'option percentPointsTolerance: 0 makes the same 71.73% an error',
      options: { percentPointsTolerance: 0 },
      yaml: yaml`
        narrative:
          - {label: 一般公共预算财政拨款支出, amount: 2940.05}
          - {label: 一般公共服务支出（类）, amount: 2106.66, parent: 0, share: 71.73}
      `,
      errors: [{ messageId: 'mismatch', path: '/narrative/1/share', level: 'error' as const, zh: '计算应为 71.65%（差 0.08 个百分点，容差 ±0.0053）' }],
    },
    {
      name: 'rounding the figures explain: amounts written without decimals',
      yaml: yaml`
        narrative:
          - {label: 支出合计, amount: 880}
          - {label: 基本支出, amount: 600, parent: 0, share: 68.19}
      `,
      errors: [{ messageId: 'rounding', path: '/narrative/1/share', level: 'info' as const, zh: '基本支出占支出合计的比例写为 68.19%，计算值 68.18%，相差 0.01 个百分点，在舍入容差 ±0.1007 之内' }],
    },
    {
      name: 'the shares of basic and project spending do not add up to 100%',
      yaml: yaml`
        narrative:
          - {label: 本年支出合计, amount: 880.00}
          - {label: 基本支出, share: 65.00, parent: 0}
          - {label: 项目支出, share: 31.82, parent: 0}
      `,
      errors: [
        {
          messageId: 'siblings',
          path: '/narrative/1/share',
          zh: '本年支出合计各组成部分的占比之和为 96.82%，不是 100%（基本支出 65.00% + 项目支出 31.82%）',
          en: 'the shares of the parts of 本年支出合计 add up to 96.82%, not 100% (基本支出 65.00% + 项目支出 31.82%)',
        },
      ],
    },
    {
      name: 'the shares of a partial list over 100%',
      yaml: yaml`
        narrative:
          - {label: 本年支出合计, amount: 1000.00}
          - {label: 工资福利支出, share: 60.00, parent: 0}
          - {label: 商品和服务支出, share: 50.00, parent: 0}
      `,
      errors: [{ messageId: 'siblingsOver', path: '/narrative/1/share', zh: '本年支出合计下所列部分的占比之和为 110.00%，超过 100%（工资福利支出 60.00% + 商品和服务支出 50.00%）' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
