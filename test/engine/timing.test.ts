/** TIMING: what the engine measures, and the table it is shown in. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../rules/index.js';
import { resolveRules } from '../../src/engine/config.js';
import { lintText } from '../../src/engine/lint.js';
import { addTime, addTimes, startTiming, stopTiming, takeTimes, timing } from '../../src/engine/timing.js';
import { width } from '../../src/format/common.js';
import { timingRows, timingTable } from '../../src/format/timing.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = readFileSync(path.join(root, 'examples/standard-budget-errors.yaml'), 'utf8');

afterEach(() => {
  stopTiming();
});

describe('the engine’s times', () => {
  it('are kept only when asked for', async () => {
    expect(timing()).toBe(false);
    await lintText(example, 'a.yaml', resolveRules(builtinRules, []));
    expect(takeTimes()).toBeUndefined();
  });

  it('name every rule that ran, the parse, the model and the placing of findings, and count the documents', async () => {
    const rules = resolveRules(builtinRules, [{ source: 'test', rules: { 'text-consistency': 'off' } }]);
    startTiming();
    const r = await lintText(example, 'a.yaml', rules);
    await lintText(example, 'b.yaml', rules);
    expect(r.findings.length).toBeGreaterThan(0);
    const t = stopTiming()!;
    expect(t.documents).toBe(2);
    const ran = rules.map((x) => x.rule.meta.id);
    // the model has its own row; the schema rule's findings come out of it
    expect(Object.keys(t.ms).sort()).toEqual([...ran.filter((id) => id !== 'schema'), '(parse)', '(model)', '(locate)'].sort());
    expect(Object.keys(t.ms)).not.toContain('text-consistency');
    for (const ms of Object.values(t.ms)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(timing()).toBe(false);
  });

  it('start again from nothing when taken, and add up another thread’s', async () => {
    const rules = resolveRules(builtinRules, []);
    startTiming();
    await lintText(example, 'a.yaml', rules);
    const first = takeTimes()!;
    expect(first.documents).toBe(1);
    expect(takeTimes()).toEqual({ ms: {}, documents: 0 });
    addTimes(first);
    addTimes(first);
    const twice = takeTimes()!;
    expect(twice.documents).toBe(2);
    expect(twice.ms['(model)']).toBeCloseTo(2 * first.ms['(model)']!, 9);
  });

  it('count a time begun before timing started as nothing, not as the time since the process began', () => {
    startTiming();
    addTime('(parse)', 0);
    expect(stopTiming()!.ms['(parse)']).toBeUndefined();
  });

  it('leave out a file that does not parse from the documents, but time its parse', async () => {
    startTiming();
    const r = await lintText('document: [\n', 'bad.yaml', resolveRules(builtinRules, []));
    expect(r.findings[0]!.fatal).toBe(true);
    const t = stopTiming()!;
    expect(t.documents).toBe(0);
    expect(Object.keys(t.ms)).toEqual(['(parse)']);
  });
});

describe('TIMING', () => {
  it('asks for rows as ESLint reads it', () => {
    expect(timingRows(undefined)).toBeUndefined();
    expect(timingRows('')).toBeUndefined();
    expect(timingRows('all')).toBe(Infinity);
    expect(timingRows('ALL')).toBe(Infinity);
    expect(timingRows('1')).toBe(10);
    expect(timingRows('0')).toBe(10);
    expect(timingRows('yes')).toBe(10);
    expect(timingRows('10')).toBe(10);
    expect(timingRows('25')).toBe(25);
  });

  it('is a table of the longest first, their share of the whole, the total and the time a document', () => {
    const times = { ms: { b: 1, 'a-rule': 3, c: 0, d: 4 }, documents: 4 };
    const lines = timingTable(times, 3, 'en').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual([
      'Rule   | Time (ms) | Relative',
      ':------|----------:|--------:',
      'd      |     4.000 |    50.0%',
      'a-rule |     3.000 |    37.5%',
      'b      |     1.000 |    12.5%',
      'Total 8.000 ms, 4 documents: 2.000 ms a document',
    ]);
  });

  it('lines its columns up in Chinese too, where a character takes two columns', () => {
    const lines = timingTable({ ms: { 'text-consistency': 1234.5, '(model)': 2 }, documents: 1 }, Infinity, 'zh').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^规则/);
    expect(lines.at(-1)).toBe('合计 1236.500 毫秒，1 个文档，每个文档 1236.500 毫秒');
    const bars = (l: string) => [...l].map((c, i) => (c === '|' ? width([...l].slice(0, i).join('')) : -1)).filter((x) => x >= 0);
    const first = bars(lines[0]!);
    expect(first).toHaveLength(2);
    for (const l of lines.slice(1, -1)) expect(bars(l)).toEqual(first);
  });

  it('shows every row with "all", and says so when nothing was linted', () => {
    const all = timingTable({ ms: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`r${i}`, i])), documents: 3 }, Infinity, 'en');
    expect(all.trimEnd().split('\n')).toHaveLength(2 + 30 + 1);
    expect(timingTable({ ms: {}, documents: 0 }, 10, 'en')).toContain('Total 0.000 ms, 0 documents: – ms a document');
  });
});
