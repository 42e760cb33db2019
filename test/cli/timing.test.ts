/** TIMING=1 on the command line: a table on stderr after the report, the same over worker threads. `npm test` builds first. */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';
import { startTiming, stopTiming, timing } from '../../src/engine/timing.js';
import { NARRATIVE } from '../support/budget-documents.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
let dir: string;
const names: string[] = [];

function cli(args: string[], timing?: string) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...(timing !== undefined ? { TIMING: timing } : {}) };
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', ...args], { cwd: dir, encoding: 'utf8', env, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The table's rows: rule id → milliseconds; and the documents its last line counts. */
function table(stderr: string): { rows: Map<string, number>; documents: number; header: string } {
  const lines = stderr.trimEnd().split('\n');
  const rows = new Map(lines.slice(2, -1).map((l) => l.split('|').map((c) => c.trim())).map(([id, ms]) => [id!, Number(ms)]));
  const documents = Number(/(\d+) (?:个文档|documents?)/.exec(lines.at(-1)!)?.[1]);
  return { rows, documents, header: lines[0]! };
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-timing-'));
  const sources = ['examples/clean.yaml', 'examples/standard-budget-errors.yaml', 'examples/dachang-zhengfawei-2021.yaml'];
  for (let i = 0; i < 20; i++) {
    const name = `f${String(i).padStart(2, '0')}.yaml`;
    copyFileSync(path.join(root, sources[i % sources.length]!), path.join(dir, name));
    names.push(name);
  }
  writeFileSync(path.join(dir, 'f07.yaml'), 'document: [\n'); // parsed (and timed), but no rule runs on it
  // a department's two years, paired in one run, and a published document
  const year = (y: number) => `document:\n  department: 测试局\n  year: ${y}\n  kind: budget\n  unit: 万元\nexpenditure:\n  total: 99.00\n  basic:\n    total: 40.00\n  project: 59.00\n`;
  writeFileSync(path.join(dir, 'y2023.yaml'), year(2023));
  writeFileSync(path.join(dir, 'y2024.yaml'), year(2024));
  writeFileSync(path.join(dir, 'narrative.txt'), NARRATIVE.join('\n') + '\n');
  writeFileSync(path.join(dir, 'baseline.json'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TIMING', () => {
  it('is off unless set, and changes nothing in the report or the exit code', () => {
    const plain = cli(['-f', 'json', 'f01.yaml']);
    expect(plain.stderr).toBe('');
    const timed = cli(['-f', 'json', 'f01.yaml'], '1');
    expect(timed.code).toBe(plain.code);
    expect(timed.stdout).toBe(plain.stdout);
    const t = table(timed.stderr);
    expect(t.header).toMatch(/^规则 +\| 用时（毫秒） \| +占比$/);
    expect(t.rows.size).toBe(10);
    expect(t.documents).toBe(1);
    expect(cli(['-f', 'json', 'f01.yaml'], '').stderr).toBe('');
  }, 60_000);

  it('shows N rows from 10 on, or every one; the stages of a paired year and of a published document', () => {
    expect(table(cli(['-f', 'json', 'f01.yaml'], '12').stderr).rows.size).toBe(12);
    const all = table(cli(['-f', 'json', 'y2023.yaml', 'y2024.yaml', 'narrative.txt'], 'all').stderr);
    expect(all.rows.size).toBeGreaterThan(12);
    expect(all.documents).toBe(3);
    for (const stage of ['(parse)', '(model)', '(previous)', '(extract)']) expect(all.rows.has(stage)).toBe(true);
  }, 60_000);

  it('is printed after --update-baseline too, but not for a subcommand nor a run stopped before its report', () => {
    const update = cli(['f01.yaml', '--baseline', 'baseline.json', '--update-baseline'], '1');
    expect(update.code).toBe(0);
    expect(table(update.stderr.slice(update.stderr.indexOf('规则'))).documents).toBe(1);
    expect(cli(['rules'], '1').stderr).toBe('');
    const stopped = cli(['f01.yaml', '--rule', 'no-such-rule:off'], '1');
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).not.toMatch(/占比/);
  }, 60_000);

  it('stops when the run that started it ends, in a process that runs more', async () => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (s: string) => void err.push(s), cwd: dir, isTTY: false, env: { TIMING: 'all' } };
    expect(await run(['--no-config-lookup', '--lang', 'en', '-f', 'json', 'f01.yaml'], io)).toBe(1);
    expect(table(err.join('')).documents).toBe(1);
    expect(timing()).toBe(false);
    // and a run that did not start timing leaves it as it was (another's, in the same thread)
    startTiming();
    try {
      await run(['--no-config-lookup', '-f', 'json', 'f01.yaml'], { ...io, env: {} });
      expect(timing()).toBe(true);
      expect(stopTiming()!.documents).toBe(1);
    } finally {
      stopTiming();
    }
  }, 60_000);

  it('comes last on stderr, after the message about too many warnings', () => {
    const r = cli(['-f', 'json', '--max-warnings', '0', 'f01.yaml'], '1');
    expect(r.stderr).toMatch(/警告过多[^]*规则 +\|/);
  }, 60_000);

  it('is the same table, summed over the threads, with --jobs 2 as with --jobs 1', () => {
    const one = cli(['--jobs', '1', '--lang', 'en', ...names], 'all');
    // with 20 files the worker is sent the first two batches (of one file) before this thread takes any
    const two = cli(['--jobs', '2', '--lang', 'en', ...names], 'all');
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    const [t1, t2] = [table(one.stderr), table(two.stderr)];
    expect(t1.header).toMatch(/^Rule +\| Time \(ms\) \| Relative$/);
    // every file but the one that does not parse reaches the rules, wherever it was linted
    expect(t1.documents).toBe(names.length - 1);
    expect(t2.documents).toBe(t1.documents);
    expect([...t2.rows.keys()].sort()).toEqual([...t1.rows.keys()].sort());
    expect(t1.rows.has('(parse)') && t1.rows.has('(model)') && t1.rows.has('text-consistency')).toBe(true);
    const ms = [...t1.rows.values()];
    expect(ms.every((x) => x >= 0)).toBe(true);
    expect(ms).toEqual([...ms].sort((a, b) => b - a));
  }, 120_000);
});
