import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/text-consistency.js';
import { lintWith, ruleTester } from '../support/rule-tester.js';
import { casesFitModel, yaml } from './helpers.js';

// Lines count the five-line `document:` header (department 测试局, too short for the name check):
// cases about the department's name bring their own header. A body's first line is line 6.
const header = 'document:\n  department: 中共大厂回族自治县委政法委员会\n  year: 2021\n  kind: budget\n  unit: 万元\n';

const cases = {
  valid: [
    {
      name: 'the department\'s name, a shortened form and another body are not slips',
      yaml: header + yaml`
        performance:
          department:
            name: 部门整体
            goal: 2021年中共大厂回族自治县委政法委员会总体绩效目标是统一全县政法各部门思想。大厂回族自治县委政法委员会指导中共大厂回族自治县委宣传部开展工作。
            indicators:
              - {level1: 产出指标, level2: 数量指标, name: 网格系统维护, value: 1套}
      `,
    },
    {
      name: 'real words one character apart in different surroundings (两会 / 两侧, 时长 / 时间)',
      yaml: yaml`
        performance:
          projects:
            - name: 全国两会安保暑期铁路护路经费
              goal: 确保全国两会安保无重大事件，粉刷铁路两侧宣传标语。
              indicators:
                - {level1: 产出指标, level2: 时效指标, name: 宣传品印制周期, description: 宣传品印制完成时长, value: ≤30天, basis: 现行市场价格}
                - {level1: 产出指标, level2: 时效指标, name: 宣传品印制及时率, description: 宣传品印制完成时间, value: 100%, basis: 现行市场价格}
                - {level1: 产出指标, level2: 时效指标, name: 值班时长, description: 值班总时长, value: ≥120小时, basis: 实施计划}
      `,
    },
    {
      name: 'parallel rows that differ by a numeral or by a known pair of words (nearWords)',
      yaml: yaml`
        performance:
          projects:
            - name: 特困干警补贴
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 一档人数, description: 发放一档特困干警补贴人数, value: ≥5人}
                - {level1: 产出指标, level2: 数量指标, name: 二档人数, description: 发放二档特困干警补贴人数, value: ≥2人}
                - {level1: 产出指标, level2: 数量指标, name: 二档补助, description: 二档补助发放金额, value: ≥2人}
                - {level1: 产出指标, level2: 质量指标, name: 质量, description: 本项目全年产出指标完成情况良好, value: 良好}
                - {level1: 产出指标, level2: 质量指标, name: 支出, description: 本项目全年支出指标完成情况良好, value: 良好}
                - {level1: 产出指标, level2: 质量指标, name: 支出2, description: 本项目全年支出指标完成情况良好, value: 良好}
      `,
    },
    {
      name: 'parallel wording of real documents (用药/用械安全, 设备/装备, 检验/检测) is not a slip',
      yaml: yaml`
        performance:
          projects:
            - name: 抽检经费
              goal: 开展抽检工作。
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 甲类抽检批次, description: 保障公众用药安全的抽检批次, value: ≥100批次}
                - {level1: 产出指标, level2: 数量指标, name: 乙类抽检批次, description: 保障公众用药安全的抽检批次, value: ≥10批次}
                - {level1: 产出指标, level2: 数量指标, name: 丙类抽检批次, description: 保障公众用械安全的抽检批次, value: ≥20批次}
                - {level1: 产出指标, level2: 数量指标, name: 甲类购置数量, description: 本年购置执法设备的数量, value: ≥5台}
                - {level1: 产出指标, level2: 数量指标, name: 乙类购置数量, description: 本年购置执法设备的数量, value: ≥5台}
                - {level1: 产出指标, level2: 数量指标, name: 丙类购置数量, description: 本年购置执法装备的数量, value: ≥5套}
                - {level1: 产出指标, level2: 质量指标, name: 甲类合格率, description: 抽检样品按标准检验的比率, value: 100%}
                - {level1: 产出指标, level2: 质量指标, name: 乙类合格率, description: 抽检样品按标准检验的比率, value: 100%}
                - {level1: 产出指标, level2: 质量指标, name: 丙类合格率, description: 抽检样品按标准检测的比率, value: 100%}
                - {level1: 产出指标, level2: 数量指标, name: 丁类指导人次, description: 指导患者服药安全, value: ≥10人次}
      `,
    },
    {
      name: 'a stretch written once is not a slip when its characters recur (纸抽 beside 纸杯)',
      yaml: yaml`
        performance:
          projects:
            - name: 信息化平台建设
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 制作宣传纸杯数量, description: 制作宣传纸杯数量, value: ≥50000个}
                - {level1: 产出指标, level2: 数量指标, name: 制作宣传纸抽数量, description: 制作宣传纸抽数量, value: ≥10000盒}
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传纸杯单价, description: 制作宣传纸杯单价, value: ≤0.6元}
                - {level1: 产出指标, level2: 成本指标, name: 制作宣传纸抽单价, description: 制作宣传纸杯单价, value: ≤0.6元}
      `,
    },
    {
      name: '"XX" inside a Latin word is not a placeholder',
      yaml: yaml`
        performance:
          projects:
            - name: 综合治理9+X系统
              goal: 采购XXL号宣传服装。
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 宣传服装数量, value: ≥100件}
      `,
    },
  ],
  invalid: [
    {
      name: 'the department\'s name misspelled (回放 for 回族)',
      yaml: header + yaml`
        performance:
          department:
            name: 部门整体
            goal: 2021年中共大厂回放自治县委政法委员会总体绩效目标是统一全县政法各部门思想。
            indicators:
              - {level1: 产出指标, level2: 数量指标, name: 网格系统维护, value: 1套}
      `,
      errors: [
        {
          messageId: 'departmentName',
          path: '/performance/department/goal',
          line: 9,
          level: 'error' as const,
          zh: '部门名称写作“中共大厂回放自治县委政法委员会”（2021年中共大厂回放自治县委政法委员会总体绩效目标是统…），与本文档的部门名称“中共大厂回族自治县委政法委员会”相差 1 个字',
          en: 'the department\'s name is written "中共大厂回放自治县委政法委员会" ("2021年中共大厂回放自治县委政法委员会总体绩效目标是统…"), 1 character(s) off the document\'s department "中共大厂回族自治县委政法委员会"',
        },
      ],
    },
    {
      name: 'a glossary term misspelled once in the surroundings it has elsewhere (两回 for 两会)',
      yaml: yaml`
        performance:
          department:
            name: 部门整体
            indicators:
              - {level1: 产出指标, level2: 数量指标, name: 铁路护路安保人数, description: 暑期、两回安保7个岗亭预计需要安保人员数量, value: ≥2670人}
              - {level1: 产出指标, level2: 成本指标, name: 铁路护路安保人均费用, description: 暑期、两会安保7个岗亭预计需要安保人员人均费用, value: ≤150元}
      `,
      errors: [
        {
          messageId: 'term',
          path: '/performance/department/indicators/0/description',
          line: 10,
          zh: '“两回”（暑期、两回安保7个岗亭预计…）疑为“两会”之误：本文档在相同的上下文中写作“两会”（全文共 1 处）',
          en: '"两回" ("暑期、两回安保7个岗亭预计…") looks like a slip for "两会", which this document writes in the same surroundings elsewhere (occurrences in the document: 1)',
        },
      ],
    },
    {
      name: 'a long glossary term two characters off, in each field it is written (现行时长价格)',
      yaml: yaml`
        performance:
          projects:
            - name: 扫黑除恶工作经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 定制雨伞单价, value: ≤31元, basis: 现行市场价格}
            - name: 反邪教宣传工作经费
              indicators:
                - {level1: 产出指标, level2: 成本指标, name: 印制刊物单价, value: ≤5元, basis: 现行时长价格}
                - {level1: 产出指标, level2: 成本指标, name: 手提袋定制单价, value: ≤3元, basis: 现行时长价格}
      `,
      errors: [
        { messageId: 'term', path: '/performance/projects/1/indicators/0/basis', line: 13, zh: '“现行时长价格”（现行时长价格）疑为“现行市场价格”之误' },
        { messageId: 'term', path: '/performance/projects/1/indicators/1/basis', line: 14, zh: '“现行时长价格”' },
      ],
    },
    {
      name: 'a term of the document\'s own (not in the glossary) misspelled once in long identical surroundings',
      yaml: yaml`
        performance:
          projects:
            - name: 智慧综治二期建设经费
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 投入使用摄像头数量, description: 雪亮工程建设监控摄像头投入使用数量, value: 1500个}
                - {level1: 产出指标, level2: 数量指标, name: 摄像头电力支持数量, description: 雪亮工程建设监控摄像头电力支持数量, value: 1500个}
                - {level1: 产出指标, level2: 数量指标, name: 摄像头维护数量, description: 雪亮工程建设监空摄像头维护数量, value: 1500个}
      `,
      errors: [
        {
          messageId: 'term',
          path: '/performance/projects/0/indicators/2/description',
          line: 12,
          zh: '“监空”（雪亮工程建设监空摄像头维护数量）疑为“监控”之误：本文档在相同的上下文中写作“监控”（全文共 2 处）',
        },
      ],
    },
    {
      name: 'template placeholders left in (XX, 占 %, 减少 万元)',
      yaml: yaml`
        performance:
          projects:
            - name: XX项目
              goal: 项目支出占 %，比上年减少 万元。
              indicators:
                - {level1: 产出指标, level2: 数量指标, name: 宣传品数量, value: ≥100件}
      `,
      errors: [
        { messageId: 'placeholder', path: '/performance/projects/0/name', line: 8, zh: '留有模板占位文字“XX”（XX项目），应填写实际内容', en: 'template placeholder "XX" left in the text ("XX项目"): fill in the actual content' },
        { messageId: 'placeholder', path: '/performance/projects/0/goal', line: 9, zh: '“占 %”' },
        { messageId: 'placeholder', path: '/performance/projects/0/goal', line: 9, zh: '“减少 万元”' },
      ],
    },
  ],
};

ruleTester(rule, cases);
casesFitModel(rule.meta.id, cases);

// The rule remembers what each text gives by itself from one document to the next (its stretches, its near
// misses of glossary terms, its placeholders); what it counts is the current document's alone.
describe('text-consistency: a document\'s findings do not depend on the documents checked before it', () => {
  const once = yaml`
    performance:
      projects:
        - name: 智慧综治二期建设经费
          indicators:
            - {level1: 产出指标, level2: 数量指标, name: 摄像头维护数量, description: 雪亮工程建设监空摄像头维护数量, value: 1500个}
            - {level1: 产出指标, level2: 数量指标, name: 摄像头电力支持数量, description: 雪亮工程建设监控摄像头电力支持数量, value: 1500个}
            - {level1: 产出指标, level2: 数量指标, name: 投入使用摄像头数量, description: 雪亮工程建设监控摄像头投入使用数量, value: 1500个}
  `;
  // the same texts, the slip written twice and the right word once: now the right word is the odd one
  const twice = yaml`
    performance:
      projects:
        - name: 智慧综治二期建设经费
          indicators:
            - {level1: 产出指标, level2: 数量指标, name: 摄像头维护数量, description: 雪亮工程建设监空摄像头维护数量, value: 1500个}
            - {level1: 产出指标, level2: 数量指标, name: 摄像头检修数量, description: 雪亮工程建设监空摄像头维护数量, value: 1500个}
            - {level1: 产出指标, level2: 数量指标, name: 摄像头电力支持数量, description: 雪亮工程建设监控摄像头电力支持数量, value: 1500个}
  `;
  const found = async (body: string) => (await lintWith(rule, body)).own.map((f) => `${f.pointer} ${f.message.zh}`);

  it('counts are the current document\'s, whatever texts earlier documents shared with it', async () => {
    const a = await found(once);
    const b = await found(twice);
    expect(a).toEqual([expect.stringContaining('/indicators/0/description “监空”')]);
    expect(b).toEqual([expect.stringContaining('/indicators/2/description “监控”')]);
    expect(await found(twice)).toEqual(b);
    expect(await found(once)).toEqual(a);
  });
});
