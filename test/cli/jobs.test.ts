/** `--jobs N`: worker threads give the same report, order and exit code as one thread. `npm test` builds first. */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type IO, type LintSettings, type Outcome } from '../../src/cli/run.js';
import { lintInWorkers, type Task } from '../../src/cli/parallel.js';
import { lintFile } from '../../src/engine/lint-file.js';
import { count } from '../../src/engine/finding.js';
import { resolveRules } from '../../src/engine/config.js';
import { loadCatalogue } from '../../src/relations/load.js';
import { allRules } from '../../rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
let dir: string;
const names: string[] = [];

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-jobs-'));
  const sources = ['examples/clean.yaml', 'examples/standard-budget-errors.yaml', 'examples/standard-budget-clean.yaml'];
  for (let i = 0; i < 20; i++) {
    const name = `f${String(i).padStart(2, '0')}.yaml`;
    copyFileSync(path.join(root, sources[i % sources.length]!), path.join(dir, name));
    names.push(name);
  }
  writeFileSync(path.join(dir, 'f07.yaml'), 'document: [\n'); // a parse error: a fatal finding, exit 1
  writeFileSync(path.join(dir, 'f11.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])); // binary
  writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--jobs', () => {
  it('gives the same report, in the files’ order, and the same exit code as --jobs 1', () => {
    const one = cli(['--jobs', '1', '-f', 'json', ...names]);
    const two = cli(['--jobs', '2', '-f', 'json', ...names]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(one.code);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(two.stdout) as { filePath: string }[]).map((r) => path.basename(r.filePath))).toEqual(names);
    const stylish1 = cli(['--jobs', '1', '--lang', 'en', ...names]);
    const stylish3 = cli(['--jobs', '3', '--lang', 'en', ...names]);
    expect(stylish3.stdout).toBe(stylish1.stdout);
  }, 240_000);

  it('goes past a file it cannot read, naming it, with exit 2 and the same report as one thread', () => {
    const files = [...names.slice(0, 10), 'broken.docx', ...names.slice(10)];
    const one = cli(['--jobs', '1', '-f', 'json', ...files]);
    const two = cli(['--jobs', '2', '-f', 'json', ...files]);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^budgetlint: broken\.docx：/)]);
    expect(two.stderr).not.toMatch(/\n\s+at /);
    expect(two.stdout).toBe(one.stdout);
    const results = JSON.parse(two.stdout) as { filePath: string; fatalErrorCount: number }[];
    expect(results.map((r) => path.basename(r.filePath))).toEqual(files);
    expect(results[10]!.fatalErrorCount).toBe(1);
  }, 240_000);

  it('refuses a --jobs that is not a positive integer', () => {
    for (const j of ['0', '-1', 'x', '1.5']) {
      const r = cli(['--jobs', j, names[0]!]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs');
    }
  }, 60_000);

  it('runs its workers from the sources too (jest, tsx): the same results in-process', async () => {
    const out: string[] = [];
    const io = (): IO => ({ stdout: (s) => out.push(s), stderr: (s) => out.push(s), cwd: dir, isTTY: false, env: {} });
    const files = names.filter((n) => n !== 'f11.yaml');
    expect(await run(['--no-config-lookup', '--jobs', '1', '-f', 'json', ...files], io())).toBe(1);
    const one = out.splice(0).join('');
    expect(await run(['--no-config-lookup', '--jobs', '2', '-f', 'json', ...files], io())).toBe(1);
    expect(out.join('')).toBe(one);
  }, 240_000);

  it('writes no report when the run stops (exit 2: here a malformed baseline), with workers and without, and leaves -o untouched', async () => {
    const files = names.filter((n) => n !== 'f11.yaml');
    writeFileSync(path.join(dir, 'out.json'), 'before');
    writeFileSync(path.join(dir, 'bad-baseline.json'), '{ not json');
    for (const jobs of ['1', '2']) {
      const out: string[] = [];
      const err: string[] = [];
      const io: IO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: dir, isTTY: false, env: {} };
      expect(await run(['--no-config-lookup', '--jobs', jobs, '-f', 'json', '--baseline', 'bad-baseline.json', ...files], io)).toBe(2);
      expect(out.join('')).toBe('');
      expect(err.join('')).toContain('bad-baseline.json');
      expect(await run(['--no-config-lookup', '--jobs', jobs, '-f', 'json', '--baseline', 'bad-baseline.json', '-o', 'out.json', ...files], io)).toBe(2);
      expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe('before');
    }
  }, 240_000);

  it('stops at the first failure that is not a file’s own (a bug): nothing after it is given on', async () => {
    const tasks: Task[] = Array.from({ length: 64 }, () => ({ file: path.join(dir, 'f00.yaml') }));
    const settings: LintSettings = { cwd: dir, rule: [], reportUnusedDirectives: false };
    const given: number[] = [];
    let calls = 0;
    let failed = -1;
    await lintInWorkers(
      tasks,
      settings,
      2,
      (k: number, o: Outcome) => {
        given.push(k);
        if ('error' in o) failed = k;
      },
      async (): Promise<Outcome> => (++calls === 3 ? { error: { message: 'a bug' } } : { result: count('x', [], []) }),
    );
    expect(failed).toBeGreaterThanOrEqual(0);
    expect(given).toEqual(Array.from({ length: failed + 1 }, (_, k) => k));
  }, 240_000);

  it('shares the batch: the workers keep taking batches while this thread lints without yielding', async () => {
    // this thread's share lints synchronously (files are read synchronously; `here` spins below): unless it
    // gives the event loop a turn between batches, the workers' replies wait and they get no batch after
    // their first ones (a bug once: --jobs 2 was no faster than --jobs 1)
    const tasks: Task[] = Array.from({ length: 400 }, () => ({ file: path.join(dir, 'f00.yaml') }));
    const settings: LintSettings = { cwd: dir, rule: [], reportUnusedDirectives: false };
    let here = 0;
    const order: number[] = [];
    await lintInWorkers(
      tasks,
      settings,
      2,
      (k: number) => order.push(k),
      async (): Promise<Outcome> => {
        here++;
        const until = performance.now() + 25;
        while (performance.now() < until); // a slow file, linted without a turn of the event loop
        return { result: count('x', [], []) };
      },
    );
    expect(order).toEqual(tasks.map((_, k) => k));
    // the worker's first batches are 2 × 4 files; it must have linted far more than those
    expect(tasks.length - here).toBeGreaterThan(40);
  }, 240_000);

  it('sends plain data between threads: a FileResult survives structured clone', async () => {
    const rules = resolveRules(allRules(await loadCatalogue()), []);
    for (const f of ['examples/standard-budget-errors.yaml', 'examples/dachang-zhengfawei-2021.yaml']) {
      const r = await lintFile(path.join(root, f), rules);
      expect(r.findings.length).toBeGreaterThan(0);
      expect(structuredClone(r)).toEqual(r);
      expect(JSON.parse(JSON.stringify(structuredClone(r)))).toEqual(JSON.parse(JSON.stringify(r)));
    }
    expect(readFileSync(path.join(dir, 'f00.yaml'), 'utf8').length).toBeGreaterThan(0);
  }, 60_000);
});
