import rule from '../../rules/cross-project-prices.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: a body's first line is line 6.
const cases = {
  valid: [
    {
      name: 'the same item at the same price in two projects',
      yaml: yaml`
        performance:
          projects:
            - name: 扫黑除恶工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 档案盒购买数量, value: ≥160个}
                - {level1: 产出指标, level2: 成本指标, name: 档案盒购买均价, value: ≤20元}
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 购置档案盒数量, value: ≥20个}
                - {level1: 产出指标, level2: 成本指标, name: 购置档案盒单价, value: ≤20元}
      `,
    },
    {
      name: 'not comparable: priced per 平米 in one project and per 块 in the other',
      yaml: yaml`
        performance:
          projects:
            - name: 信息化平台建设
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 制作宣传展板数量, value: ≥75平米}
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传展板单价, value: ≤400元}
            - name: 综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 制作宣传展板数量, value: ≥150块}
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传展板单价, value: ≤100元}
      `,
    },
    {
      name: 'not compared: the department-wide table (indicator-consistency compares it)',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, level2: 数量指标, name: 档案盒购买数量, value: ≥180个}
              - {level1: 产出指标, level2: 成本指标, name: 档案盒购买均价, value: ≤27元}
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 购置档案盒数量, value: ≥20个}
                - {level1: 产出指标, level2: 成本指标, name: 购置档案盒单价, value: ≤20元}
      `,
    },
    {
      name: 'not compared: a price row with no quantity row, so no unit to compare by',
      yaml: yaml`
        performance:
          projects:
            - name: 运行维护费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 网格系统维护, value: 1套}
                - {level1: 产出指标, level2: 成本指标, name: 网格系统维护价格, value: ≤146.68万元}
            - name: 以前年度运行维护费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 网格系统维护价格, value: ≤2300元}
      `,
    },
    {
      name: 'a gap within the minRatio option (0.6 / 0.5 = 1.2)',
      options: { minRatio: 1.25 },
      yaml: yaml`
        performance:
          projects:
            - name: 反邪教宣传工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯定制数量, value: ≥25000个}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯定制单价, value: ≤0.5元}
            - name: 信息化平台建设
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 制作宣传纸杯数量, value: ≥50000个}
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传纸杯单价, value: ≤0.6元}
      `,
    },
    {
      name: 'parts: a part priced nowhere (笔) counts as nothing, and the priced parts fit (10×320 + 4×430 = 4920元 ≤ 0.7万元)',
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 购置硒鼓数量, value: ≥4支}
                - {level1: 产出指标, level2: 数量指标, name: 购置A4纸数量, value: ≥3箱}
                - {level1: 产出指标, level2: 成本指标, name: 购置硒鼓单价, value: ≤430元}
                - {level1: 产出指标, level2: 成本指标, name: 购置A4纸单价, value: ≤320元}
            - name: 综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 办公耗材购置数量, description: A4纸10箱，硒鼓4支；笔10盒, value: ≥24支（箱）}
                - {level1: 产出指标, level2: 成本指标, name: 办公耗材购置成本, value: ≤0.7万元}
      `,
    },
    {
      name: 'parts priced with the document\'s own prices fit the ceiling (10×320 + 4×430 = 4920元 ≤ 0.7万元)',
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 购置硒鼓数量, value: ≥4支}
                - {level1: 产出指标, level2: 数量指标, name: 购置A4纸数量, value: ≥3箱}
                - {level1: 产出指标, level2: 成本指标, name: 购置硒鼓单价, value: ≤430元}
                - {level1: 产出指标, level2: 成本指标, name: 购置A4纸单价, value: ≤320元}
            - name: 综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 办公耗材购置数量, description: A4纸10箱，硒鼓4支, value: ≥14支（箱）}
                - {level1: 产出指标, level2: 成本指标, name: 办公耗材购置成本, value: ≤0.7万元}
      `,
    },
  ],
  invalid: [
    {
      name: 'parts: the priced parts alone exceed the ceiling, so the whole cannot fit it, whatever 笔 costs (10×320 + 18×430 = 10940元 > 0.7万元)',
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 购置硒鼓数量, value: ≥4支}
                - {level1: 产出指标, level2: 数量指标, name: 购置A4纸数量, value: ≥3箱}
                - {level1: 产出指标, level2: 成本指标, name: 购置硒鼓单价, value: ≤430元}
                - {level1: 产出指标, level2: 成本指标, name: 购置A4纸单价, value: ≤320元}
            - name: 综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 办公耗材购置数量, description: A4纸10箱，硒鼓18支；笔10盒, value: ≥38支（箱）}
                - {level1: 产出指标, level2: 成本指标, name: 办公耗材购置成本, value: ≤0.7万元}
      `,
      errors: [
        {
          messageId: 'composition',
          path: '/performance/projects/1/indicators/1/value',
          line: 17,
          level: 'warn' as const,
          zh: '需 10940元',
          en: '笔10盒 not priced in this document, not counted',
        },
      ],
    },
    {
      name: 'the same item at two prices (档案盒 ≤27元 / ≤20元), reported at the later project',
      yaml: yaml`
        performance:
          projects:
            - name: 扫黑除恶工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 档案盒购买数量, value: ≥160个}
                - {level1: 产出指标, level2: 成本指标, name: 档案盒购买均价, value: ≤27元}
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 购置档案盒数量, value: ≥20个}
                - {level1: 产出指标, level2: 成本指标, name: 购置档案盒单价, value: ≤20元}
      `,
      errors: [
        {
          messageId: 'differs',
          path: '/performance/projects/1/indicators/1/value',
          line: 15,
          level: 'warn' as const,
          zh: '“档案盒”的单价在两个项目中不同：本项目（维稳工作经费）“购置档案盒单价”为 ≤20元，项目“扫黑除恶工作经费”的“档案盒购买均价”为 ≤27元（均按“个”计）',
          en: 'the unit price of "档案盒" differs between projects: "购置档案盒单价" is ≤20元 here (维稳工作经费) but "档案盒购买均价" is ≤27元 in "扫黑除恶工作经费" (both per 个)',
        },
      ],
    },
    {
      name: 'the unit of a line the description states counts (纸杯 …张 but "25000个，每个0.4元")',
      yaml: yaml`
        performance:
          projects:
            - name: 反邪教宣传工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 纸杯定制, description: 纸杯25000个，每个0.4元，需1万元, value: ≥25000张}
                - {level1: 产出指标, level2: 成本指标, name: 纸杯定制, description: 纸杯定制单价, value: ≤0.4元}
            - name: 信息化平台建设
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 制作宣传纸杯数量, value: ≥50000个}
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传纸杯单价, value: ≤0.6元}
      `,
      errors: [
        {
          messageId: 'differs',
          path: '/performance/projects/1/indicators/1/value',
          line: 15,
          zh: '“纸杯”的单价在两个项目中不同：本项目（信息化平台建设）“制作宣传纸杯单价”为 ≤0.6元，项目“反邪教宣传工作经费”的“纸杯定制”为 ≤0.4元（均按“个”计）',
        },
      ],
    },
    {
      name: 'a 成本 row named as its quantity row (制作宣传笔记本数量 ≤15元), separate operator and unit columns',
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 定制笔记本数量, value: ≥1200本}
                - {level1: 产出指标, level2: 成本指标, name: 定制笔记本单价, operator: "≤", value: 19, unit: 元}
            - name: 综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 制作宣传笔记本数量, value: ≥2000本}
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传笔记本数量, value: ≤15元}
      `,
      errors: [
        {
          messageId: 'differs',
          path: '/performance/projects/1/indicators/1/value',
          line: 15,
          zh: '本项目（综合治理工作经费）“制作宣传笔记本数量”为 ≤15元，项目“维稳工作经费”的“定制笔记本单价”为 ≤19元（均按“本”计）',
        },
      ],
    },
    {
      name: 'three projects: each pair once, at the later table',
      yaml: yaml`
        performance:
          projects:
            - name: 项目一
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 宣传毛巾制作数量, value: ≥1300条}
                - {level1: 产出指标, level2: 成本指标, name: 宣传毛巾制作数单价, value: ≤15元}
            - name: 项目二
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 制作宣传毛巾数量, value: ≥2000条}
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传毛巾单价, value: ≤19元}
            - name: 项目三
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 毛巾数量, value: ≥100条}
                - {level1: 产出指标, level2: 成本指标, name: 毛巾单价, value: ≤15元}
      `,
      errors: [
        { messageId: 'differs', path: '/performance/projects/1/indicators/1/value', line: 15, zh: '“宣传毛巾制作数单价”为 ≤15元' },
        { messageId: 'differs', path: '/performance/projects/2/indicators/1/value', line: 19, zh: '本项目（项目三）“毛巾单价”为 ≤15元，项目“项目二”的“制作宣传毛巾单价”为 ≤19元' },
      ],
    },
    {
      name: 'parts priced with the document\'s own prices exceed the ceiling (10×320 + 18×430 = 10940元 > 0.7万元)',
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 购置硒鼓数量, value: ≥4支}
                - {level1: 产出指标, level2: 数量指标, name: 购置A4纸数量, value: ≥3箱}
                - {level1: 产出指标, level2: 成本指标, name: 购置硒鼓单价, value: ≤430元}
                - {level1: 产出指标, level2: 成本指标, name: 购置A4纸单价, value: ≤320元}
            - name: 综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 办公耗材购置数量, description: A4纸10箱，硒鼓18支, value: ≥28支（箱）}
                - {level1: 产出指标, level2: 成本指标, name: 办公耗材购置成本, value: ≤0.7万元}
      `,
      errors: [
        {
          messageId: 'composition',
          path: '/performance/projects/1/indicators/1/value',
          line: 17,
          level: 'warn' as const,
          zh: '“办公耗材购置数量”列出 A4纸10箱、硒鼓18支，按本文档所写的最低单价计需 10940元（A4纸 10箱×320元（维稳工作经费“购置A4纸单价” ≤320元） + 硒鼓 18支×430元（维稳工作经费“购置硒鼓单价” ≤430元）），超过“办公耗材购置成本”的上限 ≤0.7万元（超出 3940元，舍入容差 ±',
          en: '"办公耗材购置数量" lists A4纸10箱、硒鼓18支: at the lowest unit prices this document gives, that is 10940 元',
        },
      ],
    },
    {
      name: 'parts are priced at the lowest price the document gives (硒鼓 ≤430元 and ≤400元: 10×320 + 18×400 = 10400元)',
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 购置硒鼓数量, value: ≥4支}
                - {level1: 产出指标, level2: 数量指标, name: 购置A4纸数量, value: ≥3箱}
                - {level1: 产出指标, level2: 成本指标, name: 购置硒鼓单价, value: ≤430元}
                - {level1: 产出指标, level2: 成本指标, name: 购置A4纸单价, value: ≤320元}
            - name: 综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 办公耗材购置数量, description: A4纸10箱，硒鼓18支, value: ≥28支（箱）}
                - {level1: 产出指标, level2: 数量指标, name: 硒鼓数量, value: ≥18支}
                - {level1: 产出指标, level2: 成本指标, name: 办公耗材购置成本, value: ≤0.7万元}
                - {level1: 产出指标, level2: 成本指标, name: 硒鼓单价, value: ≤400元}
      `,
      errors: [
        { messageId: 'composition', path: '/performance/projects/1/indicators/2/value', line: 18, zh: '计需 10400元（A4纸 10箱×320元（维稳工作经费“购置A4纸单价” ≤320元） + 硒鼓 18支×400元（综合治理工作经费“硒鼓单价” ≤400元））' },
        { messageId: 'differs', path: '/performance/projects/1/indicators/3/value', line: 19, zh: '“硒鼓单价”为 ≤400元，项目“维稳工作经费”的“购置硒鼓单价”为 ≤430元' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
