import rule from '../../rules/indicator-name.js';
import { ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the tester's five-line `document:` header: the first indicator of a project below is on line 10.
const cases = {
  valid: [
    {
      name: 'descriptions that repeat or elaborate the name',
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 定制笔记本数量, description: 定制维稳宣传笔记本数量, value: ≥1200本}
                - {level1: 产出指标, level2: 数量指标, name: 精密空调加装数量, description: 机房内精密空调加装数量, value: ≥2台}
                - {level1: 产出指标, level2: 数量指标, name: 全县村综治中心平台正常运行数量, description: 全县村（居）综治中心平台正常运行数量, value: 24个}
                - {level1: 产出指标, level2: 数量指标, name: 光纤链路租赁数量, description: 雪亮安防工程网格系统光纤租赁费数量, value: 1629条}
                - {level1: 产出指标, level2: 成本指标, name: 购置A4纸单价, description: 购置A4纸每箱单价, value: ≤320元}
                - {level1: 产出指标, level2: 成本指标, name: 玻璃杯定制, description: 玻璃杯定制单价, value: ≤30元}
                - {level1: 产出指标, level2: 成本指标, name: 服务器租赁费用, description: 服务器租赁成本, value: ≤3000元}
                - {level1: 产出指标, level2: 成本指标, name: 月均维护费, description: 每月维护成本, value: ≤7.52万元}
      `,
    },
    {
      name: 'rephrasing is not another item (制作 / 定制, 购买 / 购置, 宣传牌 / 宣传品, 计算机 / 电脑); a long substitution is left alone by default',
      yaml: yaml`
        performance:
          projects:
            - name: 全县扫黑除恶专项斗争工作经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 宣传毛巾制作单价, description: 宣传毛巾定制单价, value: ≤15元}
                - {level1: 产出指标, level2: 成本指标, name: 购买档案盒单价, description: 购置档案盒单价, value: ≤20元}
                - {level1: 产出指标, level2: 数量指标, name: 扫黑宣传牌定制数量, description: 实际制作宣传品数量, value: ≥70块}
                - {level1: 产出指标, level2: 时效指标, name: 宣传品印制完成及时率, description: 宣传品印制完成时间, value: ≥95%}
                - {level1: 满意度指标, level2: 服务对象满意度指标, name: 综合满意度, description: 使用单位满意度, value: ≥95%}
                - {level1: 产出指标, level2: 成本指标, name: 购置台式计算机单价, description: 购置台式电脑单价, value: ≤6000元}
                - {level1: 产出指标, level2: 成本指标, name: 购置高速激光打印机单价, description: 购置彩色喷墨复印机单价, value: ≤3000元}
      `,
    },
    {
      name: 'a price described by its total cost, a quantity by its count; category words in the name column',
      yaml: yaml`
        performance:
          projects:
            - name: 特困干警补贴
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 人均服务成本, description: 总成本与服务人数, value: ≤200元}
                - {level1: 产出指标, level2: 数量指标, name: 数量指标, description: 发放一档特困干警补贴人数, value: ≥5人}
                - {level1: 产出指标, level2: 成本指标, name: 成本指标, description: 一档补助发放金额, value: 5000元}
      `,
    },
  ],
  invalid: [
    {
      name: 'a description about another item (canonical project 9: 纸抽 / 纸杯)',
      yaml: yaml`
        performance:
          projects:
            - name: 群众说事，干部解题信息化平台建设
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传纸抽单价, description: 制作宣传纸杯单价, value: ≤0.6元}
                - {level1: 产出指标, level2: 数量指标, name: 宣传折页定制数量, description: 宣传单页定制数量, value: ≥1000册}
      `,
      errors: [
        {
          messageId: 'otherItem',
          path: '/performance/projects/0/indicators/0/description',
          line: 10,
          level: 'error' as const,
          zh: '指标“制作宣传纸抽单价”说的是“纸抽”，描述“制作宣传纸杯单价”说的却是“纸杯”',
          en: 'indicator "制作宣传纸抽单价" is about "纸抽", but its description "制作宣传纸杯单价" is about "纸杯"',
        },
        { messageId: 'otherItem', path: '/performance/projects/0/indicators/1/description', line: 11, zh: '说的是“折页”，描述“宣传单页定制数量”说的却是“单页”' },
      ],
    },
    {
      name: 'a unit price described as a quantity (canonical project 6), and the reverse',
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 宣传折页定制单价, description: 宣传折页定制数量, value: ≤1元}
                - {level1: 产出指标, level2: 数量指标, name: 购置硒鼓数量, description: 购置硒鼓单价, value: ≥4支}
      `,
      errors: [
        {
          messageId: 'describedAs',
          path: '/performance/projects/0/indicators/0/description',
          line: 10,
          zh: '指标“宣传折页定制单价”（≤1元）说的是“单价”，描述“宣传折页定制数量”说的却是“数量”',
          en: 'indicator "宣传折页定制单价" (≤1元) is about the unit price ("单价"), but its description "宣传折页定制数量" is about the quantity ("数量")',
        },
        { messageId: 'describedAs', path: '/performance/projects/0/indicators/1/description', line: 11, en: 'is about the quantity ("数量"), but its description "购置硒鼓单价" is about the unit price ("单价")' },
      ],
    },
    {
      name: 'a cost indicator named as a quantity (canonical project 11: 制作宣传笔记本数量 ≤15元)',
      yaml: yaml`
        performance:
          projects:
            - name: 社会治安综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传笔记本数量, description: 制作宣传笔记本数量, value: ≤15元}
      `,
      errors: [
        {
          messageId: 'costNamedQuantity',
          path: '/performance/projects/0/indicators/0/name',
          line: 10,
          zh: '成本指标“制作宣传笔记本数量”以“数量”命名，指标值却是金额 ≤15元：名称应为单价或成本，如“制作宣传笔记本单价”',
          en: 'cost indicator "制作宣传笔记本数量" is named after its quantity ("数量"), but its value ≤15元 is money: name the unit price or cost, such as "制作宣传笔记本单价"',
        },
      ],
    },
    {
      name: 'a quantity filed under cost',
      yaml: yaml`
        performance:
          projects:
            - name: 社会治安综合治理工作经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 维修维护次数, value: ≥10次}
      `,
      errors: [
        {
          messageId: 'quantityUnderCost',
          path: '/performance/projects/0/indicators/0/name',
          line: 10,
          zh: '“维修维护次数”（≥10次）是数量，却列在成本指标下：数量应列在数量指标下',
          en: '"维修维护次数" (≥10次) is a quantity, filed under cost (成本) indicators: a quantity belongs under 数量',
        },
      ],
    },
    {
      name: 'a quantity indicator named as a price',
      yaml: yaml`
        performance:
          projects:
            - name: 全国两会安保暑期铁路护路经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 宣传展板定制单价, value: ≤2150元}
                - {level1: 产出指标, level2: 数量指标, name: 维修维护成本, value: ≥10次}
      `,
      errors: [
        {
          messageId: 'quantityNamedPrice',
          path: '/performance/projects/0/indicators/0/name',
          line: 10,
          zh: '数量指标“宣传展板定制单价”（≤2150元）以“单价”命名：它的值是金额，应列在成本指标下',
          en: 'quantity indicator "宣传展板定制单价" (≤2150元) is named after its unit price ("单价"): its value is money, so it belongs under 成本 (cost)',
        },
        { messageId: 'quantityNamedPrice', path: '/performance/projects/0/indicators/1/name', line: 11, zh: '以“成本”命名：名称应说明数的是什么，如“…数量”' },
      ],
    },
    {
      name: 'options: a longer substituted item (6 characters; 4 by default)',
      options: { maxItemChars: 6 },
      yaml: yaml`
        performance:
          projects:
            - name: 维稳工作经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 购置高速激光打印机单价, description: 购置彩色喷墨复印机单价, value: ≤3000元}
      `,
      errors: [{ messageId: 'otherItem', path: '/performance/projects/0/indicators/0/description', line: 10, zh: '说的是“高速激光打印机”，描述“购置彩色喷墨复印机单价”说的却是“彩色喷墨复印机”' }],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);
