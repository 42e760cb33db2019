import { describe, expect, it } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeAttr, escapeText, junit } from '../../src/format/junit.js';
import { ctx, file, finding, runCli } from './fixtures.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name), parseAttributeValue: false, processEntities: true, htmlEntities: true });

/** fast-xml-parser's validator lets a bare & or < in an attribute and control characters pass: those are checked here. */
function wellFormed(xml: string): void {
  const ok = XMLValidator.validate(xml);
  if (ok !== true) throw new Error(`not well-formed XML: ${JSON.stringify(ok)}`);
  expect(xml.match(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g)).toBeNull();
  expect(xml.match(/="[^"]*</g)).toBeNull();
  expect(xml.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g)).toBeNull();
}

function parse(xml: string): { suites: Node[]; root: Node } {
  wellFormed(xml);
  const doc = parser.parse(xml) as { testsuites: Node & { testsuite?: Node[] } };
  return { root: doc.testsuites, suites: doc.testsuites.testsuite ?? [] };
}
const cases = (s: Node) => s.testcase as Node[];

const NASTY = 'A & B < C > D "quoted" \'single\' 收支不平衡：差 -2.12万元 ]]> \u0001 end\nsecond line';

describe('junit', () => {
  const results = [
    file('data/a.yaml', [
      finding(),
      finding({ level: 'warn', ruleId: 'indicator-direction', line: 9, message: { zh: NASTY, en: NASTY } }),
      finding({ level: 'info', line: 12, arithmetic: { stated: '100.00', computed: '100.01', difference: '-0.01', tolerance: '0.015', unit: '万元' } }),
    ], [finding({ ruleId: 'text-consistency', line: 20, suppressed: { kind: 'directive', justification: '原文如此 & "确认"' } })]),
    file('clean.yaml', []),
    file('broken.yaml', [finding({ ruleId: null, fatal: true, line: 2, column: 1, message: { zh: '无法解析 <YAML>', en: 'cannot parse <YAML>' } })]),
    file('report.docx', [finding({ line: 0, column: 0, location: { kind: 'docx', table: 3, row: 5, column: 2 } })]),
  ];

  it('writes one testsuite per file with counts, and totals on testsuites', () => {
    const { root, suites } = parse(junit(results, ctx()));
    expect(suites.map((s) => s.name)).toEqual(['data/a.yaml', 'clean.yaml', 'broken.yaml', 'report.docx']);
    expect(suites.map((s) => [s.tests, s.failures, s.errors, s.skipped])).toEqual([
      ['4', '2', '0', '1'],
      ['1', '0', '0', '0'],
      ['1', '0', '1', '0'],
      ['1', '1', '0', '0'],
    ]);
    expect([root.name, root.tests, root.failures, root.errors, root.skipped]).toEqual(['budgetlint', '7', '3', '1', '1']);
  });

  it('makes errors and warnings failures, a fatal parse error an error, a note a pass, a suppressed finding skipped', () => {
    const { suites } = parse(junit(results, ctx()));
    const [err, warn, info, suppressed] = cases(suites[0]!);
    expect(err).toMatchObject({ classname: 'data/a.yaml', name: 'budget-balance 7:10', failure: { type: 'budget-balance', message: '本年支出合计 100.00万元 不等于 99.00万元' } });
    expect(String((err!.failure as Node)['#text'])).toContain('数据路径: /expenditure/total');
    expect(warn!.failure).toBeDefined();
    expect(info!.failure).toBeUndefined();
    expect(String(info!['system-out'])).toContain('所写: 100.00万元  计算: 100.01万元  差额: -0.01万元  容差: ±0.015万元');
    expect(suppressed).toMatchObject({ name: 'text-consistency 20:10', skipped: { message: '已被指令忽略: 原文如此 & "确认"' } });
    expect(cases(suites[2]!)[0]).toMatchObject({ name: 'budgetlint 2:1', error: { type: 'fatal', message: '无法解析 <YAML>' } });
    expect(cases(suites[3]!)[0]!.name).toBe('budget-balance 表3 第5行 第2列');
  });

  it('gives a clean file one passing testcase', () => {
    const { suites } = parse(junit([file('clean.yaml', [])], ctx('en')));
    expect(cases(suites[0]!)).toEqual([{ classname: 'clean.yaml', name: 'no problems', time: '0' }]);
  });

  it('escapes &, <, >, quotes and line breaks, keeps CJK, and drops what XML cannot carry', () => {
    const xml = junit(results, ctx());
    const warn = cases(parse(xml).suites[0]!)[1]!.failure as Node;
    const expected = NASTY.replace('\u0001', '\uFFFD');
    // the attribute keeps its line break (as &#10;), the body its text
    expect(warn.message).toBe(expected);
    expect(String(warn['#text'])).toContain(expected);
    expect(xml).toContain('A &amp; B &lt; C &gt; D &quot;quoted&quot; &apos;single&apos; 收支不平衡：差 -2.12万元 ]]&gt; \uFFFD end&#10;second line');
    expect(xml).not.toContain('\u0001');
  });

  it('escape helpers', () => {
    expect(escapeText('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d "e"');
    expect(escapeAttr('a&"\'<>\t\r\n中')).toBe('a&amp;&quot;&apos;&lt;&gt;&#9;&#13;&#10;中');
    expect(escapeText('😀 \uD800 x')).toBe('😀 \uFFFD x');
  });

  it('end to end: the built CLI writes well-formed JUnit for the example disclosure', () => {
    const { code, stdout, stderr } = runCli('junit');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const { root, suites } = parse(stdout);
    expect(suites).toHaveLength(1);
    expect(suites[0]!.name).toBe('examples/dachang-zhengfawei-2021.yaml');
    const all = cases(suites[0]!);
    expect(String(all.length)).toBe(root.tests);
    expect(all.filter((c) => c.failure).length).toBe(Number(root.failures));
    expect(all.find((c) => String(c.name).startsWith('budget-balance'))).toMatchObject({ name: 'budget-balance 31:13', failure: { type: 'budget-balance' } });
  });
});
