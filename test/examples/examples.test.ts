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
  const expected: [string, string, string][] = [
    // income 2913.49 + carry-over 2.12 = 2915.61, but spending is 2913.49
    ['budget-balance', '/expenditure/total/amount', '2915.61'],
    // project 2 (雪亮安防工程运行维护费) against the department-wide table
    ['indicator-consistency', '/performance/projects/1/indicators/5/value', '≤371.68万元'], // 网格系统维护价格 ≤146.68元
    ['indicator-consistency', '/performance/projects/1/indicators/6/value', '≤865.1元'], // 光纤链路租赁单价 ≤3600元
    ['indicator-consistency', '/performance/projects/1/indicators/7/value', '≤580元'], // 摄像头电力支持成本 ≤700元
    ['indicator-consistency', '/performance/projects/2/indicators/1/value', '=100百分比'], // 投保覆盖率 ≥100
    ['indicator-consistency', '/performance/projects/11/indicators/5/value', '≤371.68万元'], // 网格系统维护价格 ≤2300元
    ['indicator-consistency', '/performance/projects/12/indicators/1/value', '=100百分比'], // 投保覆盖率 ≥100
    ['indicator-consistency', '/performance/projects/12/indicators/3/value', '≤10.0元'], // 每户缴纳保险金额 ≤100元
    ['indicator-consistency', '/performance/projects/16/indicators/0/value', '≥2670人'], // 铁路护路安保人数 ≥1750人
    ['indicator-consistency', '/performance/projects/16/indicators/6/value', '≥89天'], // 隐患排查周期 ≥82天
    ['indicator-consistency', '/performance/projects/16/indicators/7/value', '≤150元'], // 铁路护路安保人均费用 ≤200元
  ];

  it('reports every arithmetic and cross-table inconsistency, and nothing else', async () => {
    const r = await lintExample('dachang-zhengfawei-2021.yaml');
    expect(r.findings.map((f) => [f.ruleId, f.pointer])).toEqual(expected.map(([rule, ptr]) => [rule, ptr]));
    r.findings.forEach((f, i) => expect(f.message.zh).toContain(expected[i]![2]));
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
