/**
 * Baselines (src/cli/baseline.ts): the module, and the built binary as CI runs it (`npm test` builds first).
 * Also --report-unused-disable-directives, which a baseline run is often paired with.
 */
import { describe, expect, it, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyBaseline, baselineFingerprint, parseBaseline, writeBaseline } from '../../src/cli/baseline.js';
import { ConfigError } from '../../src/engine/config.js';
import { count, type Finding } from '../../src/engine/finding.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-baseline-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'expenditure-parts-sum',
    level: 'error',
    message: { zh: '不等', en: 'differs' },
    path: ['expenditure', 'total', 'amount'],
    pointer: '/expenditure/total/amount',
    section: '支出',
    line: 7,
    column: 10,
    messageId: 'mismatch',
    arithmetic: { stated: '100.00', computed: '99.00', difference: '1.00', tolerance: '0.015' },
    ...over,
  };
}

describe('writeBaseline and applyBaseline', () => {
  let sub: string;
  let b: string;
  beforeEach(() => {
    sub = mkdtempSync(path.join(dir, 'unit-'));
    b = path.join(sub, 'baseline.json');
  });
  const at = (file: string, findings: Finding[], suppressed: Finding[] = []) => count(path.join(sub, file), findings, suppressed);

  it('writes errors and warnings of rules, sorted, relative with / separators; not info, not fatal, not rule-less', async () => {
    const results = [
      at('data/b.yaml', [
        finding({ ruleId: 'z-rule', level: 'warn' }),
        finding({ level: 'info', pointer: '/x' }),
        finding({ ruleId: null, fatal: true, pointer: '' }),
        finding({ ruleId: null, pointer: '', messageId: undefined }),
      ]),
      at('a.yaml', [finding({ pointer: '/b' }), finding({ pointer: '/a', messageId: undefined, arithmetic: undefined })]),
    ];
    expect(await writeBaseline(results, b, sub)).toBe(3);
    const text = readFileSync(b, 'utf8');
    const written = JSON.parse(text) as { version: number; findings: Record<string, string>[] };
    expect(written.version).toBe(1);
    expect(written.findings.map((e) => [e.file, e.ruleId, e.pointer, e.messageId])).toEqual([
      ['a.yaml', 'expenditure-parts-sum', '/a', ''],
      ['a.yaml', 'expenditure-parts-sum', '/b', 'mismatch'],
      ['data/b.yaml', 'z-rule', '/expenditure/total/amount', 'mismatch'],
    ]);
    expect(Object.keys(written.findings[0]!)).toEqual(['file', 'ruleId', 'pointer', 'messageId', 'fingerprint']);
    expect(written.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // the same findings in another order: the same bytes
    await writeBaseline([...results].reverse(), b, sub);
    expect(readFileSync(b, 'utf8')).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
    expect(readdirSync(sub).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('moves the accepted findings to suppressed (kind baseline), recomputing the counts', async () => {
    const old = finding();
    await writeBaseline([at('a.yaml', [old, finding({ ruleId: 'w', level: 'warn' })])], b, sub);
    const fresh = finding({ pointer: '/expenditure/basic/total/amount', ruleId: 'basic-parts-sum' });
    const directive = finding({ ruleId: 'x', line: 1, suppressed: { kind: 'directive' } });
    const [r] = await applyBaseline([at('a.yaml', [{ ...old, line: 30 }, fresh, finding({ ruleId: 'w', level: 'warn', line: 2 })], [directive])], b, sub);
    expect(r!.findings).toEqual([fresh]);
    expect(r!.errorCount).toBe(1);
    expect(r!.warningCount).toBe(0);
    expect(r!.suppressed.map((f) => [f.ruleId, f.suppressed])).toEqual([
      ['x', { kind: 'directive' }],
      ['w', { kind: 'baseline' }],
      ['expenditure-parts-sum', { kind: 'baseline' }],
    ]);
  });

  it('matches neither by line nor by message text, but by file, rule, pointer, message id and figures', async () => {
    await writeBaseline([at('a.yaml', [finding()])], b, sub);
    const apply = async (f: Finding, file = 'a.yaml') => (await applyBaseline([at(file, [f])], b, sub))[0]!.errorCount;
    expect(await apply(finding({ line: 99, column: 3, message: { zh: '另一种说法', en: 'reworded' } }))).toBe(0);
    expect(await apply(finding({ arithmetic: { stated: '100.00', computed: '99.00', difference: '1.00', tolerance: '0.5' } }))).toBe(0);
    expect(await apply(finding({ level: 'warn' }))).toBe(0);
    // a figure changed: a different gap, reported again
    expect(await apply(finding({ arithmetic: { stated: '100.00', computed: '98.00', difference: '2.00', tolerance: '0.015' } }))).toBe(1);
    expect(await apply(finding({ pointer: '/income/total/amount' }))).toBe(1);
    expect(await apply(finding({ messageId: 'other' }))).toBe(1);
    expect(await apply(finding({ ruleId: 'other-rule' }))).toBe(1);
    expect(await apply(finding(), 'b.yaml')).toBe(1);
  });

  it('counts: one entry accepts one finding, a second equal one is new', async () => {
    await writeBaseline([at('a.yaml', [finding()])], b, sub);
    const [r] = await applyBaseline([at('a.yaml', [finding({ line: 3 }), finding({ line: 9 })])], b, sub);
    expect(r!.errorCount).toBe(1);
    expect(r!.suppressed).toHaveLength(1);
  });

  it('never accepts a fatal finding or an info one, even when an entry names it', async () => {
    const fatal = finding({ ruleId: null, fatal: true, pointer: '', messageId: undefined, arithmetic: undefined });
    const info = finding({ level: 'info' });
    const entries = [
      { file: 'a.yaml', ruleId: '', pointer: '', messageId: '', fingerprint: baselineFingerprint(fatal) },
      { file: 'a.yaml', ruleId: info.ruleId, pointer: info.pointer, messageId: info.messageId, fingerprint: baselineFingerprint(info) },
    ];
    writeFileSync(b, JSON.stringify({ version: 1, findings: entries }));
    const [r] = await applyBaseline([at('a.yaml', [fatal, info])], b, sub);
    expect(r!.fatalErrorCount).toBe(1);
    expect(r!.infoCount).toBe(1);
    expect(r!.suppressed).toEqual([]);
  });

  it('keeps the entries of files not linted in this run while they exist', async () => {
    writeFileSync(path.join(sub, 'kept.yaml'), '');
    await writeBaseline([at('kept.yaml', [finding()]), at('gone.yaml', [finding()]), at('a.yaml', [finding()])], b, sub);
    expect(await writeBaseline([at('a.yaml', [])], b, sub)).toBe(0);
    expect((JSON.parse(readFileSync(b, 'utf8')) as { findings: { file: string }[] }).findings.map((e) => e.file)).toEqual(['kept.yaml']);
  });

  it('the fingerprint leaves out line, message, level and tolerance', () => {
    const a = baselineFingerprint(finding());
    expect(baselineFingerprint(finding({ line: 1, message: { zh: '', en: '' }, level: 'warn' }))).toBe(a);
    expect(baselineFingerprint(finding({ arithmetic: { stated: '100.00', computed: '99.00', difference: '1.00', tolerance: '9' } }))).toBe(a);
    expect(baselineFingerprint(finding({ arithmetic: { stated: '101.00', computed: '99.00', difference: '2.00', tolerance: '0.015' } }))).not.toBe(a);
  });

  it('a missing file: ConfigError naming it', async () => {
    const missing = path.join(sub, 'nope.json');
    await expect(applyBaseline([], missing, sub)).rejects.toThrow(ConfigError);
    await expect(applyBaseline([], missing, sub)).rejects.toThrow(/nope\.json does not exist/);
  });

  it('a malformed file: ConfigError with the reason', () => {
    const reason = (text: string) => {
      try {
        parseBaseline(text, 'b.json');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).en;
      }
      return 'parsed';
    };
    expect(reason('{')).toMatch(/b\.json is not valid JSON/);
    expect(reason('[]')).toMatch(/not a budgetlint baseline/);
    expect(reason('{"name": "x", "version": "1.0.0"}')).toMatch(/not a budgetlint baseline/);
    expect(reason('{"version": 2, "findings": []}')).toMatch(/version 2/);
    expect(reason('{"version": 1, "findings": [3]}')).toMatch(/findings\[0\] is not an object/);
    expect(reason('{"version": 1, "findings": [{"file": "a", "ruleId": "r", "pointer": "", "messageId": ""}]}')).toMatch(/findings\[0\] has no string "fingerprint"/);
    expect(reason('{"version": 1, "findings": []}')).toBe('parsed');
  });

  it('refuses to write over a file that is not a budgetlint baseline; writes over an empty one', async () => {
    const pkg = path.join(sub, 'package.json');
    writeFileSync(pkg, '{"name": "x", "version": "1.0.0"}\n');
    await expect(writeBaseline([at('a.yaml', [finding()])], pkg, sub)).rejects.toThrow(/refusing to overwrite package\.json/);
    expect(readFileSync(pkg, 'utf8')).toBe('{"name": "x", "version": "1.0.0"}\n');
    writeFileSync(pkg, 'not json');
    await expect(writeBaseline([], pkg, sub)).rejects.toThrow(ConfigError);
    writeFileSync(b, '');
    expect(await writeBaseline([at('a.yaml', [finding()])], b, sub)).toBe(1);
  });
});

// ---- the binary ----

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HEAD = 'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n';
/** expenditure-parts-sum: 100.00 ≠ 40.00 + 59.00, on line 7 */
const OLD = HEAD + 'expenditure:\n  total: 100.00\n  basic:\n    total: 40.00\n  project: 59.00\n';
/** and basic-parts-sum: 40.00 ≠ 30.00 + 5.00 */
const WITH_NEW = HEAD + 'expenditure:\n  total: 100.00\n  basic:\n    total: 40.00\n    personnel: 30.00\n    public: 5.00\n  project: 59.00\n';

describe('budgetlint --baseline (the binary)', () => {
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('build first: npm run build');
  });

  const scenario = (name: string, write: (file: string, version: 'old' | 'new' | 'shifted') => void) => () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    const file = path.join(cwd, name);
    write(file, 'old');
    const first = cli([name], cwd);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('expenditure-parts-sum');

    const update = cli([name, '--baseline', 'b.json', '--update-baseline'], cwd);
    expect(update.code).toBe(0);
    expect(update.stderr).toContain('1 条发现');
    const written = JSON.parse(readFileSync(path.join(cwd, 'b.json'), 'utf8')) as { findings: Record<string, string>[] };
    expect(written.findings.map((e) => [e.file, e.ruleId, e.pointer, e.messageId])).toEqual([[name, 'expenditure-parts-sum', '/expenditure/total/amount', 'mismatch']]);

    const accepted = cli([name, '--baseline', 'b.json'], cwd);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('没有问题');
    expect(accepted.stdout).not.toContain('expenditure-parts-sum');

    // the accepted finding is in the JSON output's suppressedMessages
    const json = JSON.parse(cli([name, '--baseline', 'b.json', '-f', 'json'], cwd).stdout) as { messages: unknown[]; suppressedMessages: { ruleId: string }[]; errorCount: number }[];
    expect(json[0]!.messages).toEqual([]);
    expect(json[0]!.errorCount).toBe(0);
    expect(json[0]!.suppressedMessages.map((m) => m.ruleId)).toEqual(['expenditure-parts-sum']);
    // and an external suppression in SARIF
    const sarif = JSON.parse(cli([name, '--baseline', 'b.json', '-f', 'sarif'], cwd).stdout) as { runs: { results: { suppressions?: { kind: string }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.suppressions)).toEqual([[{ kind: 'external' }]]);

    // lines inserted above: still the same finding
    write(file, 'shifted');
    const shifted = cli([name, '--baseline', 'b.json'], cwd);
    expect(shifted.code).toBe(0);
    expect(shifted.stdout).not.toContain('expenditure-parts-sum');

    // a new error: reported, exit 1; the old one stays accepted
    write(file, 'new');
    const fresh = cli([name, '--baseline', 'b.json'], cwd);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toContain('basic-parts-sum');
    expect(fresh.stdout).not.toContain('expenditure-parts-sum');
    expect(fresh.stdout).toContain('1 个问题（1 个错误');
  };

  it(
    'YAML: accepted findings pass, a new one fails, a line shift does not resurrect the old',
    scenario('budget.yaml', (file, v) => writeFileSync(file, v === 'old' ? OLD : v === 'shifted' ? '# 2024 年部门预算\n\n' + OLD.replace('expenditure:\n', 'expenditure:\n  # 来源：公开文件\n') : WITH_NEW)),
  );

  it(
    'JSON: the same',
    scenario('budget.json', (file, v) => {
      const basic = v === 'new' ? '{"total": 40.00, "personnel": 30.00, "public": 5.00}' : '{"total": 40.00}';
      const doc = `{"document": {"department": "测试局", "year": 2024, "kind": "budget", "unit": "万元"},\n"expenditure": {"total": 100.00,\n"basic": ${basic},\n"project": 59.00}}\n`;
      writeFileSync(file, v === 'shifted' ? doc.replace('\n"expenditure"', '\n\n\n"expenditure"') : doc);
    }),
  );

  // a file that cannot be read, root or not: a link to /proc/self/mem, whose read fails (EIO) on Linux
  const canMakeUnreadable = existsSync('/proc/self/mem');
  (canMakeUnreadable ? it : it.skip)('a file it cannot read keeps its baseline entries as they were, and --update-baseline exits 2 for it', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    writeFileSync(path.join(cwd, 'a.yaml'), OLD);
    writeFileSync(path.join(cwd, 'b.yaml'), OLD);
    expect(cli(['a.yaml', 'b.yaml', '--baseline', 'b.json', '--update-baseline'], cwd).code).toBe(0);
    const before = JSON.parse(readFileSync(path.join(cwd, 'b.json'), 'utf8')) as { findings: { file: string }[] };
    expect(before.findings.filter((f) => f.file === 'b.yaml').length).toBeGreaterThan(0);
    rmSync(path.join(cwd, 'b.yaml'));
    symlinkSync('/proc/self/mem', path.join(cwd, 'b.yaml'));
    const update = cli(['a.yaml', 'b.yaml', '--baseline', 'b.json', '--update-baseline'], cwd);
    expect(update.code).toBe(2);
    expect(update.stderr).toMatch(/^budgetlint: 无法读取 b\.yaml（EIO）$/m);
    // not linted, so not "fixed": its entries stay for when it can be read again
    expect(JSON.parse(readFileSync(path.join(cwd, 'b.json'), 'utf8'))).toEqual(before);
    // and with the baseline the refusal is still reported; a.yaml's findings are accepted
    const r = cli(['a.yaml', 'b.yaml', '--baseline', 'b.json', '-f', 'json'], cwd);
    expect(r.code).toBe(2);
    const results = JSON.parse(r.stdout) as { filePath: string; errorCount: number; fatalErrorCount: number; messages: { message: string }[] }[];
    expect(results.map((x) => [path.basename(x.filePath), x.errorCount, x.fatalErrorCount])).toEqual([
      ['a.yaml', 0, 0],
      ['b.yaml', 1, 1],
    ]);
    expect(results[1]!.messages[0]!.message).toBe('无法读取（EIO）');
  });

  it('a changed figure makes the old finding new again', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    writeFileSync(path.join(cwd, 'a.yaml'), OLD);
    expect(cli(['a.yaml', '--baseline', 'b.json', '--update-baseline'], cwd).code).toBe(0);
    writeFileSync(path.join(cwd, 'a.yaml'), OLD.replace('total: 100.00', 'total: 120.00'));
    const r = cli(['a.yaml', '--baseline', 'b.json'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('expenditure-parts-sum');
  });

  it('exit 2 with one line for a missing, a malformed or a foreign baseline; --update-baseline needs --baseline', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    writeFileSync(path.join(cwd, 'a.yaml'), OLD);
    const missing = cli(['a.yaml', '--baseline', 'none.json', '--lang', 'en'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('budgetlint: the baseline file none.json does not exist (create it with --update-baseline)\n');
    writeFileSync(path.join(cwd, 'bad.json'), '{"version": 1, "findings": {}}');
    const bad = cli(['a.yaml', '--baseline', 'bad.json', '--lang', 'en'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^budgetlint: bad\.json is not a budgetlint baseline/);
    mkdirSync(path.join(cwd, 'sub'));
    writeFileSync(path.join(cwd, 'sub/package.json'), '{"name": "x"}');
    const foreign = cli(['a.yaml', '--baseline', 'sub/package.json', '--update-baseline', '--lang', 'en'], cwd);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('refusing to overwrite');
    expect(readFileSync(path.join(cwd, 'sub/package.json'), 'utf8')).toBe('{"name": "x"}');
    expect(cli(['a.yaml', '--update-baseline'], cwd).code).toBe(2);
  });

  it('a baseline in another directory: files relative to it, so a run from a subdirectory matches too', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    mkdirSync(path.join(cwd, 'data'));
    writeFileSync(path.join(cwd, 'data/a.yaml'), OLD);
    expect(cli(['data/a.yaml', '--baseline', 'b.json', '--update-baseline'], cwd).code).toBe(0);
    expect(readFileSync(path.join(cwd, 'b.json'), 'utf8')).toContain('"file": "data/a.yaml"');
    expect(cli(['a.yaml', '--baseline', '../b.json'], path.join(cwd, 'data')).code).toBe(0);
  });
});

describe('--report-unused-disable-directives (the binary)', () => {
  const GOOD_WITH_DIRECTIVE = HEAD + 'expenditure:\n  # budgetlint-disable-next-line expenditure-parts-sum -- 原文如此\n  total: 99.00\n  basic:\n    total: 40.00\n  project: 59.00\n';
  it('reports a directive that suppresses nothing, exit 1, only when asked', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    writeFileSync(path.join(cwd, 'a.yaml'), GOOD_WITH_DIRECTIVE);
    const plain = cli(['a.yaml'], cwd);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('没有问题');
    const asked = cli(['a.yaml', '--report-unused-disable-directives', '--lang', 'en'], cwd);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toMatch(/7:3\s+error\s+unused budgetlint-disable-next-line directive \(expenditure-parts-sum\)/);
  });
  it('a directive that is used is not reported', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    writeFileSync(path.join(cwd, 'a.yaml'), GOOD_WITH_DIRECTIVE.replace('total: 99.00', 'total: 100.00'));
    const r = cli(['a.yaml', '--report-unused-disable-directives'], cwd);
    expect(r.code).toBe(0);
  });
});
