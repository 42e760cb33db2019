import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvModule from 'ajv';
import type { Log, Result } from 'sarif';
import { FINGERPRINT_KEY, fingerprint, sarif } from '../../src/format/sarif.js';
import { ctx, cwd, file, finding, root, runCli } from './fixtures.js';

/**
 * The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (sarif-2.1.0-rtm.5.json, the schema of the OASIS
 * standard). It is draft-04: ajv 8 reads it as draft-07 once its `id` is `$id` (it has no other draft-04-only
 * keyword), and the three formats it uses are given here.
 */
type Validate = ((d: unknown) => boolean) & { errors?: unknown[] | null };
function sarifValidator(): Validate {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@microsoft/jest-sarif');
  const file = path.join(path.dirname(main), 'schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;
  const ajv = new (Ajv as unknown as new (o: object) => {
    addFormat(name: string, f: (s: string) => boolean): void;
    compile(s: object): Validate;
    // the schema's one `language` pattern has a stray ']' that only a non-unicode RegExp accepts
  })({ allErrors: true, strict: false, unicodeRegExp: false });
  const isUri = (s: string) => URL.canParse(s);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', (s) => URL.canParse(s, 'file:///base/') && !/\s/.test(s));
  ajv.addFormat('date-time', (s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s));
  return ajv.compile({ ...rest, $id: id });
}
const validate = sarifValidator();
const valid = (log: unknown) => (validate(log) ? [] : validate.errors);

const parse = (s: string) => JSON.parse(s) as Log;
const run = (log: Log) => log.runs[0]!;
const results = (log: Log) => run(log).results!;

const docx = finding({
  ruleId: 'indicator-direction',
  level: 'warn',
  line: 0,
  column: 0,
  endLine: undefined,
  endColumn: undefined,
  location: { kind: 'docx', table: 3, row: 5, column: 2 },
  pointer: '/performance/projects/0/indicators/4/value',
  section: '项目绩效目标表 › 时效指标 › 视频资源存储时间',
  messageId: 'floor',
  message: { zh: '应为下限', en: 'should be a floor' },
});

const everything = [
  file('data/2024 预算.yaml', [
    finding(),
    finding({ ruleId: 'indicator-direction', level: 'warn', line: 9, messageId: 'floor', pointer: '/x' }),
    finding({ level: 'info', line: 12, pointer: '/y', arithmetic: { stated: '100.00', computed: '100.01', difference: '-0.01', tolerance: '0.015', unit: '万元' }, related: ['/a', '/b'] }),
    finding({ ruleId: 'BUD.T1.balance', line: 14, pointer: '/tables/0' }),
  ], [finding({ ruleId: 'text-consistency', line: 20, pointer: '/goal', messageId: 'term', suppressed: { kind: 'directive', justification: '原文如此 & <确认>' } })]),
  file('report.docx', [docx, finding({ ruleId: 'indicator-direction', level: 'warn', line: 0, column: 0, location: { kind: 'xlsx', sheet: 'Sheet1', cell: 'C7' }, pointer: '/p' })]),
  file('broken.yaml', [finding({ ruleId: null, fatal: true, pointer: '', section: '', messageId: undefined, line: 2, column: 1, endLine: undefined, endColumn: undefined, message: { zh: '无法解析', en: 'cannot parse' } })]),
  file('gbk.yaml', [finding({ ruleId: null, level: 'info', pointer: '', section: '', messageId: undefined, line: 1, column: 1, endLine: undefined, endColumn: undefined, message: { zh: '文件编码为 GBK', en: 'encoded in GBK' } })]),
  file('clean.yaml', []),
  file('../outside.yaml', [finding()]),
];

describe('sarif', () => {
  it('is valid SARIF 2.1.0 by the published schema', () => {
    const log = parse(sarif(everything, ctx()));
    expect(valid(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(valid(parse(sarif([], ctx('en'))))).toEqual([]);
  });

  it('(the schema check rejects what SARIF does not allow: a level of ours, a relative helpUri)', () => {
    const log = parse(sarif(everything, ctx()));
    const badLevel = structuredClone(log);
    (results(badLevel)[0] as { level: string }).level = 'warn';
    expect(validate(badLevel)).toBe(false);
    const relativeHelp = structuredClone(log);
    run(relativeHelp).tool.driver.rules![0]!.helpUri = 'docs/rules/budget-balance.md';
    expect(validate(relativeHelp)).toBe(false);
    run(relativeHelp).tool.driver.rules![0]!.helpUri = 'https://budgetlint.invalid/docs/rules/budget-balance.md';
    expect(validate(relativeHelp)).toBe(true);
  });

  it('names the tool with the version in package.json, and no help URI that is not one', () => {
    const log = parse(sarif(everything, ctx()));
    const driver = run(log).tool.driver;
    expect(driver.name).toBe('budgetlint');
    expect(driver.version).toBe((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
    for (const r of driver.rules!) expect(r.helpUri).toBeUndefined();
  });

  it('describes each rule referred to, suppressed results included, once, in the order first met', () => {
    const driver = run(parse(sarif(everything, ctx()))).tool.driver;
    expect(driver.rules!.map((r) => r.id)).toEqual(['budget-balance', 'indicator-direction', 'BUD.T1.balance', 'text-consistency']);
    const [balance, direction, relation] = driver.rules!;
    expect(balance).toMatchObject({
      shortDescription: { text: '收支平衡' },
      fullDescription: { text: expect.stringContaining('Income and spending balance') },
      help: { text: expect.stringContaining('docs/rules/budget-balance.md') },
      defaultConfiguration: { level: 'error' },
    });
    expect(direction!.defaultConfiguration).toEqual({ level: 'warning' });
    // a rule the context has no metadata for is still described by its id
    expect(relation).toEqual({ id: 'BUD.T1.balance' });
    const en = run(parse(sarif(everything, ctx('en')))).tool.driver.rules![0]!;
    expect(en.shortDescription!.text).toBe('Income and spending balance');
    for (const r of results(parse(sarif(everything, ctx())))) expect(driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
  });

  it('maps error, warn and info to error, warning and note, with the message in the language asked for', () => {
    const log = parse(sarif(everything, ctx('en')));
    const levels = results(log).filter((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!.startsWith('data/')).map((r) => r.level);
    expect(levels).toEqual(['error', 'warning', 'note', 'error', 'error']);
    expect(results(log)[0]!.message.text).toBe('spending total 100.00 is not 99.00');
  });

  it('places a finding by a region in a file relative to %SRCROOT%, encoded as a URI', () => {
    const log = parse(sarif(everything, ctx()));
    const [first] = results(log);
    expect(first!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'data/2024%20%E9%A2%84%E7%AE%97.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 16 },
    });
    expect(run(log).originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${cwd}/`);
    expect(run(log).columnKind).toBe('utf16CodeUnits');
    const outside = results(log).at(-1)!;
    expect(outside.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: '../outside.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('gives the section and the data path as logical locations, and the arithmetic as properties', () => {
    const log = parse(sarif(everything, ctx()));
    const [first, , info] = results(log);
    expect(first!.locations![0]!.logicalLocations).toEqual([
      { name: '本年支出合计', fullyQualifiedName: '部门收支总表 › 本年支出合计', kind: 'namespace' },
      { name: 'total', fullyQualifiedName: '/expenditure/total', kind: 'value' },
    ]);
    expect(first!.properties).toEqual({ section: '部门收支总表 › 本年支出合计', pointer: '/expenditure/total', messageId: 'mismatch' });
    expect(info!.properties).toMatchObject({ arithmetic: { stated: '100.00', computed: '100.01', difference: '-0.01', tolerance: '0.015', unit: '万元' }, related: ['/a', '/b'] });
  });

  it('gives a finding in an imported document no region, its place in the message and a logical location', () => {
    const log = parse(sarif(everything, ctx()));
    const inDocx = results(log).filter((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === 'report.docx');
    expect(inDocx).toHaveLength(2);
    expect(inDocx[0]!.locations![0]!.physicalLocation!.region).toBeUndefined();
    expect(inDocx[0]!.message.text).toBe('表3 第5行 第2列：应为下限');
    expect(inDocx[0]!.locations![0]!.logicalLocations![0]).toEqual({ name: '表3 第5行 第2列', kind: 'element' });
    expect(inDocx[0]!.properties!.place).toBe('表3 第5行 第2列');
    expect(inDocx[1]!.message.text).toBe('Sheet1!C7：本年支出合计 100.00万元 不等于 99.00万元');
    expect(parse(sarif(everything, ctx('en'))).runs[0]!.results!.find((r) => r.message.text?.startsWith('table 3'))!.message.text).toBe('table 3 row 5 column 2: should be a floor');
  });

  it('carries a suppressed finding as a result suppressed in source, with the justification', () => {
    const suppressed = results(parse(sarif(everything, ctx()))).filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.ruleId).toBe('text-consistency');
    expect(suppressed[0]!.suppressions).toEqual([{ kind: 'inSource', justification: '原文如此 & <确认>' }]);
    const bare = results(parse(sarif([file('a.yaml', [], [finding({ suppressed: { kind: 'directive' } })])], ctx())));
    expect(bare[0]!.suppressions).toEqual([{ kind: 'inSource' }]);
  });

  it('reports a file that could not be parsed as an error notification, not a result', () => {
    const log = parse(sarif(everything, ctx('en')));
    expect(results(log).some((r) => r.ruleId === undefined || r.ruleId === null)).toBe(false);
    const inv = run(log).invocations!;
    expect(inv).toHaveLength(1);
    expect(inv[0]!.executionSuccessful).toBe(true);
    expect(inv[0]!.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'cannot parse' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 1 } } }],
      },
      {
        level: 'note',
        message: { text: 'encoded in GBK' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'gbk.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1 } } }],
      },
    ]);
    expect(run(parse(sarif([file('a.yaml', [finding()])], ctx()))).invocations).toEqual([{ executionSuccessful: true }]);
  });

  describe('fingerprints', () => {
    const fp = (r: Result) => r.partialFingerprints![FINGERPRINT_KEY]!;

    it('hash the rule, the relative file, the data path and the message id', () => {
      const [r] = results(parse(sarif([file('data/a.yaml', [finding()])], ctx())));
      const expected = createHash('sha256').update(['budget-balance', 'data/a.yaml', '/expenditure/total', 'mismatch'].join('\0')).digest('hex');
      expect(fp(r!)).toBe(`${expected}:1`);
      expect(fingerprint('budget-balance', 'data/a.yaml', '/expenditure/total', 'mismatch')).toBe(expected);
    });

    it('survive lines added above, a reworded message and a language switch', () => {
      const before = fp(results(parse(sarif([file('a.yaml', [finding()])], ctx())))[0]!);
      const after = fp(results(parse(sarif([file('a.yaml', [finding({ line: 40, column: 3, endLine: 41, endColumn: 2, message: { zh: '改了', en: 'changed' } })])], ctx('en'))))[0]!);
      expect(after).toBe(before);
    });

    it('differ by rule, file, path and message id', () => {
      const all = [finding(), finding({ ruleId: 'text-consistency' }), finding({ pointer: '/other' }), finding({ messageId: 'other' })];
      const fps = results(parse(sarif([file('a.yaml', all), file('b.yaml', [finding()])], ctx()))).map(fp);
      expect(new Set(fps).size).toBe(5);
    });

    it('number findings that share all four, in order', () => {
      const fps = results(parse(sarif([file('a.yaml', [finding({ line: 3 }), finding({ line: 9 })])], ctx()))).map(fp);
      expect(fps[0]!.replace(/:1$/, ':2')).toBe(fps[1]);
    });
  });

  it('end to end: the built CLI writes valid SARIF for the example disclosure', () => {
    const { code, stdout, stderr } = runCli('sarif');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const log = parse(stdout);
    expect(valid(log)).toEqual([]);
    const rs = results(log);
    expect(rs.length).toBeGreaterThan(10);
    for (const r of rs) {
      expect(r.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'examples/dachang-zhengfawei-2021.yaml', uriBaseId: '%SRCROOT%' });
      expect(r.locations![0]!.physicalLocation!.region!.startLine).toBeGreaterThan(0);
      expect(run(log).tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
      expect(r.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}:\d+$/);
    }
    expect(rs.find((r) => r.ruleId === 'budget-balance')).toMatchObject({ level: 'error', locations: [{ physicalLocation: { region: { startLine: 31, startColumn: 13 } } }] });
    expect(new Set(rs.map((r) => r.partialFingerprints![FINGERPRINT_KEY])).size).toBe(rs.length);
  });
});
