import { describe, expect, it } from '@jest/globals';
import { builtinRules } from '../../rules/index.js';
import { resolveRules } from '../../src/engine/config.js';
import { lintText } from '../../src/engine/lint.js';
import { sectionOf } from '../../src/engine/section.js';

const rules = resolveRules(builtinRules, []);
const HEAD = 'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n';
const lint = (body: string, file = 'x.yaml') => lintText(HEAD + body, file, rules);

describe('schema findings', () => {
  it('reports an unknown key at the key, with a suggestion', async () => {
    const r = await lint('income:\n  totl: 10\n');
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ ruleId: 'schema', level: 'error', line: 7, column: 3, pointer: '/income/totl' });
    expect(f.message.zh).toContain('未知字段 "totl"，是否应为 "total"');
    expect(f.message.en).toContain('did you mean "total"');
  });

  it('reports a string where an amount belongs, at the value', async () => {
    const r = await lint('expenditure:\n  total: 十万\n');
    expect(r.findings[0]).toMatchObject({ ruleId: 'schema', line: 7, column: 10, pointer: '/expenditure/total/amount' });
    expect(r.findings[0]!.message.zh).toBe('应为金额数字，实为"十万"');
  });

  it('reports a missing required key and a wrong enum value', async () => {
    const r = await lintText('document:\n  year: 2024\n  kind: 预算\n', 'x.yaml', rules);
    const msgs = r.findings.map((f) => f.message.zh);
    expect(msgs).toContain('缺少必填字段 "department"');
    expect(msgs.some((m) => m.startsWith('应为以下之一：budget、final'))).toBe(true);
  });

  it('keeps linting the parts that fit the model', async () => {
    const r = await lint('income:\n  total: abc\nexpenditure:\n  total: 10\n  basic: {total: 4}\n  project: 5\n');
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['expenditure-parts-sum', 'schema']);
  });

  it('reports an empty file and a top level that is not a mapping', async () => {
    expect((await lintText('', 'x.yaml', rules)).findings[0]!.message.en).toMatch(/empty/);
    expect((await lintText('- a\n- b\n', 'x.yaml', rules)).findings[0]!.message.en).toMatch(/mapping/);
  });

  it('reports a parse error as a fatal finding with its place', async () => {
    const r = await lintText('document: [\n', 'x.yaml', rules);
    expect(r.findings[0]).toMatchObject({ ruleId: null, fatal: true, level: 'error' });
    expect(r.fatalErrorCount).toBe(1);
  });
});

describe('rule findings', () => {
  it('locate, name the section and show the arithmetic', async () => {
    const r = await lint('expenditure:\n  title: 二、支出说明\n  total: 100.00\n  basic:\n    total: 40.00\n  project: 59.00\n');
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ ruleId: 'expenditure-parts-sum', line: 8, column: 10, pointer: '/expenditure/total/amount', section: '二、支出说明 › 本年支出合计' });
    expect(f.arithmetic).toMatchObject({ stated: '100.00', computed: '99.00', difference: '1.00', tolerance: '0.015' });
    expect(f.message.zh).toContain('基本支出 40.00 + 项目支出 59.00 = 99.00');
  });

  it('gives rounding-level gaps as info', async () => {
    const r = await lint('expenditure:\n  total: 100.0\n  basic:\n    total: 40.02\n  project: 59.99\n');
    expect(r.findings.map((f) => f.level)).toEqual(['info']);
    expect(r.errorCount).toBe(0);
    expect(r.infoCount).toBe(1);
  });

  it('honours budgetlint-disable-next-line and keeps the suppressed finding aside', async () => {
    const r = await lint('expenditure:\n  # budgetlint-disable-next-line expenditure-parts-sum -- 原文如此\n  total: 100.00\n  basic: {total: 40.00}\n  project: 59.00\n');
    expect(r.findings).toHaveLength(0);
    expect(r.suppressed).toHaveLength(1);
    expect(r.suppressed[0]!.suppressed).toEqual({ kind: 'directive', justification: '原文如此' });
  });

  it('does not suppress other rules', async () => {
    const r = await lint('expenditure:\n  # budgetlint-disable-next-line change-sum\n  total: 100.00\n  basic: {total: 40.00}\n  project: 59.00\n');
    expect(r.findings).toHaveLength(1);
  });

  it('reads JSON with the same rules and positions', async () => {
    const json = JSON.stringify({ document: { department: 'x', year: 2024, kind: 'budget', unit: '万元' } }).slice(0, -1) + ',\n"expenditure": {"total": 100.00, "basic": {"total": 40.00}, "project": 59.00}}';
    const r = await lintText(json, 'x.json', rules);
    expect(r.findings[0]).toMatchObject({ ruleId: 'expenditure-parts-sum', line: 2, column: 26 });
  });

  it('does not touch positions when there is nothing to report', async () => {
    const r = await lint('expenditure:\n  total: 99.00\n  basic: {total: 40.00}\n  project: 59.00\n');
    expect(r.findings).toEqual([]);
  });
});

describe('sectionOf', () => {
  it('names an indicator by its project, category and name', () => {
    const raw = { performance: { title: '五、预算绩效信息', projects: [{ name: 'a' }, { title: '2、扫黑除恶经费绩效目标表', name: 'b', indicators: [{ level1: '产出指标', level2: '成本指标', name: '定制雨伞单价' }] }] } };
    expect(sectionOf(raw, ['performance', 'projects', 1, 'indicators', 0, 'value'])).toBe('五、预算绩效信息 › 2、扫黑除恶经费绩效目标表 › 成本指标 › 定制雨伞单价');
  });
  it('uses the schema labels where the document gives no title', () => {
    expect(sectionOf({}, ['three_public', 'vehicles', 'purchase', 'amount'])).toBe('财政拨款“三公”经费 › 公务用车购置及运行费 › 公务用车购置费');
  });
});
