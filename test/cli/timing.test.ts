/** TIMING=1 on the command line: a table on stderr after the report, the same over worker threads. `npm test` builds first. */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

  it('is the same table, summed over the threads, with --jobs 2 as with --jobs 1', () => {
    const one = cli(['--jobs', '1', '--lang', 'en', ...names], 'all');
    const two = cli(['--jobs', '2', '--lang', 'en', ...names], 'all');
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    const [t1, t2] = [table(one.stderr), table(two.stderr)];
    expect(t1.header).toMatch(/^Rule +\| Time \(ms\) \| Relative$/);
    // every file but the one that does not parse reaches the rules, wherever it was linted
    expect(t1.documents).toBe(names.length - 1);
    expect(t2.documents).toBe(t1.documents);
    expect([...t2.rows.keys()].sort()).toEqual([...t1.rows.keys()].sort());
    expect(t1.rows.has('(parse)') && t1.rows.has('schema') && t1.rows.has('text-consistency')).toBe(true);
    const ms = [...t1.rows.values()];
    expect(ms.every((x) => x >= 0)).toBe(true);
    expect(ms).toEqual([...ms].sort((a, b) => b - a));
  }, 120_000);
});
