/**
 * The shipped examples. The canonical one is a real published document with its errors left in:
 * each expected finding below is an inconsistency of that document, checked by hand against
 * ../shared/documents/dachang-zhengfawei-2021-budget.txt; everything else in it holds and must stay quiet.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { allRules } from '../../rules/index.js';
import { resolveRules } from '../../src/engine/config.js';
import { lintText } from '../../src/engine/lint.js';
import { loadCatalogue } from '../../src/relations/load.js';

/** Every rule at its default, as `budgetlint` runs with no config. */
const rules = resolveRules(allRules(await loadCatalogue()), []);
const lintExample = (name: string) => lintText(readFileSync(`examples/${name}`, 'utf8'), name, rules);

describe('examples/clean.yaml', () => {
  it('gives no finding at all', async () => {
    const r = await lintExample('clean.yaml');
    expect(r.findings.map((f) => `${f.ruleId} ${f.pointer}: ${f.message.en}`)).toEqual([]);
  });
});

describe('examples/dachang-zhengfawei-2021.yaml', () => {
  // Each entry is a real inconsistency of the published document, reviewed against the original text:
  // its balance (2913.49 + 2.12 ≠ 2913.49), the 部门整体 table against the project tables, typos
  // (回放/回族, 两回/两会, 时长价格/市场价格), floors written as ceilings, rates given as dates, units
  // that do not fit (千瓦 for electricity, 0.44万 without 元, 条/天/元), shifted columns (project 16),
  // one item priced differently in two projects, targets dated before the budget year.
  const expected: [string, string, string][] = [
    ["budget-balance", "/expenditure/total/amount", "2915.61"],
    ["text-consistency", "/performance/department/goal", "回放"],
    ["text-consistency", "/performance/department/indicators/3/description", "两回"],
    ["indicator-direction", "/performance/projects/0/indicators/4/value", "视频资源存储时间"],
    ["indicator-direction", "/performance/projects/0/indicators/7/value", "持续保障视频资源存储时间"],
    ["satisfaction-target", "/performance/projects/0/indicators/8/value", "综合满意度"],
    ["indicator-consistency", "/performance/projects/1/indicators/5/value", "网格系统维护价格"],
    ["indicator-consistency", "/performance/projects/1/indicators/6/value", "光纤链路租赁单价"],
    ["indicator-consistency", "/performance/projects/1/indicators/7/value", "摄像头电力支持成本"],
    ["indicator-consistency", "/performance/projects/2/indicators/1/value", "投保覆盖率"],
    ["indicator-value-kind", "/performance/projects/2/indicators/2/value", "赔付及时性"],
    ["indicator-unit", "/performance/projects/3/indicators/6/value", "宣传品印制完成及时率"],
    ["indicator-structure", "/performance/projects/4/indicators/5/name", "成本指标"],
    ["indicator-name", "/performance/projects/5/indicators/13/description", "宣传折页定制单价"],
    ["cross-project-prices", "/performance/projects/5/indicators/15/value", "档案盒"],
    ["indicator-unit", "/performance/projects/7/indicators/3/value", "纸杯定制"],
    ["text-consistency", "/performance/projects/7/indicators/6/basis", "现行时长价格"],
    ["text-consistency", "/performance/projects/7/indicators/7/basis", "现行时长价格"],
    ["text-consistency", "/performance/projects/7/indicators/8/basis", "现行时长价格"],
    ["text-consistency", "/performance/projects/7/indicators/9/basis", "现行时长价格"],
    ["indicator-value-kind", "/performance/projects/8/indicators/8/value", "业务处理及时性"],
    ["cross-project-prices", "/performance/projects/8/indicators/12/value", "纸杯"],
    ["indicator-name", "/performance/projects/8/indicators/13/description", "制作宣传纸抽单价"],
    ["indicator-value-kind", "/performance/projects/9/indicators/2/value", "奖金发放及时性"],
    ["indicator-value-kind", "/performance/projects/10/indicators/6/value", "宣传及时性"],
    ["cross-project-prices", "/performance/projects/10/indicators/8/value", "宣传毛巾"],
    ["indicator-name", "/performance/projects/10/indicators/9/name", "制作宣传笔记本数量"],
    ["cross-project-prices", "/performance/projects/10/indicators/9/value", "笔记本"],
    ["cross-project-prices", "/performance/projects/10/indicators/10/value", "办公耗材购置数量"],
    ["indicator-dates", "/performance/projects/11/name", "雪亮安防工程"],
    ["indicator-value-kind", "/performance/projects/11/indicators/4/value", "及时支付"],
    ["indicator-consistency", "/performance/projects/11/indicators/5/value", "网格系统维护价格"],
    ["indicator-unit", "/performance/projects/11/indicators/7/value", "光纤链路租赁价格"],
    ["indicator-consistency", "/performance/projects/12/indicators/1/value", "投保覆盖率"],
    ["indicator-value-kind", "/performance/projects/12/indicators/2/value", "赔付及时性"],
    ["indicator-consistency", "/performance/projects/12/indicators/3/value", "每户缴纳保险金额"],
    ["indicator-value-kind", "/performance/projects/14/indicators/2/value", "费用缴纳及时性"],
    ["indicator-unit", "/performance/projects/14/indicators/3/value", "终端设备使用成本"],
    ["indicator-structure", "/performance/projects/15/indicators/0/name", "数量指标"],
    ["indicator-structure", "/performance/projects/15/indicators/1/name", "数量指标"],
    ["indicator-structure", "/performance/projects/15/indicators/2/name", "数量指标"],
    ["indicator-structure", "/performance/projects/15/indicators/3/name", "质量指标"],
    ["indicator-structure", "/performance/projects/15/indicators/4/name", "时效指标"],
    ["indicator-value-kind", "/performance/projects/15/indicators/4/value", "资助申报及时性"],
    ["indicator-structure", "/performance/projects/15/indicators/5/name", "成本指标"],
    ["indicator-structure", "/performance/projects/15/indicators/6/name", "成本指标"],
    ["indicator-structure", "/performance/projects/15/indicators/7/name", "成本指标"],
    ["indicator-structure", "/performance/projects/15/indicators/8/name", "社会效益"],
    ["indicator-consistency", "/performance/projects/16/indicators/0/value", "铁路护路安保人数"],
    ["indicator-unit", "/performance/projects/16/indicators/1/value", "岗亭电力使用数量"],
    ["indicator-consistency", "/performance/projects/16/indicators/6/value", "隐患排查周期"],
    ["indicator-consistency", "/performance/projects/16/indicators/7/value", "铁路护路安保人均费用"],
    ["indicator-unit", "/performance/projects/17/indicators/3/value", "月均服务费成本"],
    ["indicator-value-kind", "/performance/projects/17/indicators/5/value", "综合满意度（%）"],
    ["indicator-dates", "/performance/projects/18/goal", ""],
    ["indicator-direction", "/performance/projects/18/indicators/2/value", "正常运行时长"],
  ];

  it('reports every arithmetic and cross-table inconsistency, and nothing else', async () => {
    const r = await lintExample('dachang-zhengfawei-2021.yaml');
    expect(r.findings.map((f) => [f.ruleId, f.pointer])).toEqual(expected.map(([rule, ptr]) => [rule, ptr]));
    r.findings.forEach((f, i) => expect(f.message.zh).toContain(expected[i]![2]));
    expect(r.errorCount + r.warningCount).toBe(expected.length);
  });

  it('places each finding on the line of the figure it is about', async () => {
    const text = readFileSync('examples/dachang-zhengfawei-2021.yaml', 'utf8').split('\n');
    const r = await lintExample('dachang-zhengfawei-2021.yaml');
    for (const f of r.findings) {
      const key = f.pointer.split('/').pop()!;
      expect(text[f.line - 1]).toMatch(new RegExp(`^\\s*(- )?${key}:`));
    }
  });

  it('holds the sums that the document gets right', async () => {
    const r = await lintExample('dachang-zhengfawei-2021.yaml');
    const quiet = ['expenditure-parts-sum', 'basic-parts-sum', 'three-public-sum', 'assets-sum', 'procurement-sum', 'change-sum', 'goal-text-sum', 'unit-cost-quantity', 'operating-costs-public'];
    expect(r.findings.filter((f) => quiet.includes(f.ruleId ?? ''))).toEqual([]);
  });
});
