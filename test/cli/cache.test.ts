/** --cache (src/cli/cache.ts): the module, and the built binary (`npm test` builds first). */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { allRules } from '../../rules/index.js';
import { CACHE_FILE_NAME, MAX_AGE_MS, MAX_ENTRIES, isPlain, openCache } from '../../src/cli/cache.js';
import { resolveRules } from '../../src/engine/config.js';
import { count, type FileResult, type Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/engine/lint.js';
import { loadCatalogue } from '../../src/relations/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-cache-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'expenditure-parts-sum',
  level: 'error',
  message: { zh: '不等', en: 'differs' },
  path: ['expenditure', 'total', 'amount'],
  pointer: '/expenditure/total/amount',
  section: '支出',
  line: 7,
  column: 10,
  messageId: 'mismatch',
  data: { n: 3, label: { zh: '合计', en: 'total' } },
  arithmetic: { stated: '100.00', computed: '99.00', difference: '1.00', tolerance: '0.015' },
  ...over,
});

interface CacheFile {
  budgetlintCache: number;
  entries: Record<string, { hash: string; time: number; result: FileResult }>;
}
const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;

/** a fresh directory with a.yaml in it */
function setup(content = 'a: 1\n') {
  const d = mkdtempSync(path.join(dir, 'unit-'));
  const a = path.join(d, 'a.yaml');
  writeFileSync(a, content);
  return { d, a, loc: path.join(d, CACHE_FILE_NAME) };
}

/** one get/set/save, as a run does */
async function lintOnce(loc: string, key: string, file: string, result: FileResult) {
  const c = await openCache(loc, key);
  const hit = await c.get(file);
  if (!hit) c.set(file, result);
  await c.save();
  return hit;
}

describe('openCache', () => {
  it('gives back a result for the same bytes and key, with the path of this run', async () => {
    const { a, loc } = setup();
    const r = count(a, [finding()], [finding({ line: 2, suppressed: { kind: 'directive', justification: '原文' } })]);
    expect(await lintOnce(loc, 'k', a, r)).toBeUndefined();
    expect(await lintOnce(loc, 'k', a, r)).toEqual(r);
    const data = readCache(loc);
    expect(data.budgetlintCache).toBe(1);
    expect(Object.keys(data.entries)).toEqual(['a.yaml']);
    expect(data.entries['a.yaml']!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('misses when the bytes change, or the key', async () => {
    const { a, loc } = setup();
    const r = count(a, [finding()], []);
    await lintOnce(loc, 'k', a, r);
    expect(await (await openCache(loc, 'other key')).get(a)).toBeUndefined();
    writeFileSync(a, 'a: 2\n');
    expect(await (await openCache(loc, 'k')).get(a)).toBeUndefined();
    writeFileSync(a, 'a: 1\n');
    expect(await (await openCache(loc, 'k')).get(a)).toEqual(r);
  });

  it('stores nothing for a file that get() did not read first, and writes nothing when nothing changed', async () => {
    const { a, loc } = setup();
    const c = await openCache(loc, 'k');
    c.set(a, count(a, [], []));
    await c.save();
    expect(existsSync(loc)).toBe(false);
    const c2 = await openCache(loc, 'k');
    expect(await c2.get(a)).toBeUndefined();
    await c2.save();
    expect(existsSync(loc)).toBe(false);
  });

  it('reads the file lazily: at the first get()', async () => {
    const { a, loc } = setup();
    const c = await openCache(loc, 'k');
    const r = count(a, [], []);
    await lintOnce(loc, 'k', a, r); // written after c was opened
    expect(await c.get(a)).toEqual(r);
  });

  it('caches only plain data: a result holding a Decimal or NaN is linted again', async () => {
    const { a, loc } = setup();
    const withDecimal = count(a, [finding({ data: { n: new Decimal(1) as unknown as number } })], []);
    await lintOnce(loc, 'k', a, withDecimal);
    expect(existsSync(loc)).toBe(false);
    await lintOnce(loc, 'k', a, count(a, [finding({ data: { n: NaN } })], []));
    expect(existsSync(loc)).toBe(false);
    expect(isPlain(count(a, [finding()], []))).toBe(true);
  });

  it('the results budgetlint produces are plain data, unchanged by a JSON round trip', async () => {
    const rules = resolveRules(allRules(await loadCatalogue()), []);
    for (const name of ['dachang-zhengfawei-2021.yaml', 'standard-budget-errors.yaml']) {
      const r = await lintText(readFileSync(path.join(root, 'examples', name), 'utf8'), name, rules, { reportUnusedDirectives: true });
      expect(r.findings.length).toBeGreaterThan(0);
      expect(isPlain(r)).toBe(true);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });

  it('ignores a corrupt cache file (never throws) and replaces it', async () => {
    for (const junk of ['garbage', '{"budgetlintCache":1,"entries":{"a.yaml":{"ha', '{"budgetlintCache":99,"entries":{}}', '{"budgetlintCache":1,"entries":{"a.yaml":{"hash":3}}}', '\u0000\u0001']) {
      const { a, loc } = setup();
      writeFileSync(loc, junk);
      const r = count(a, [finding()], []);
      expect(await lintOnce(loc, 'k', a, r)).toBeUndefined();
      expect(readCache(loc).entries['a.yaml']!.result).toEqual(r);
      expect(await lintOnce(loc, 'k', a, r)).toEqual(r);
    }
  });

  it('never writes over a file of another name that is not a budgetlint cache', async () => {
    const { d, a } = setup();
    const mine = path.join(d, 'notes.json');
    writeFileSync(mine, '{"mine": true}');
    expect(await lintOnce(mine, 'k', a, count(a, [], []))).toBeUndefined();
    expect(readFileSync(mine, 'utf8')).toBe('{"mine": true}');
    // a directory: the cache file inside it
    const r = count(a, [], []);
    await lintOnce(d, 'k', a, r);
    expect(readCache(path.join(d, CACHE_FILE_NAME)).entries['a.yaml']).toBeDefined();
  });

  it('keeps entries of files not seen in this run; drops those older than 30 days and beyond the bound', async () => {
    const { d, a, loc } = setup();
    const now = Date.now();
    const entries: CacheFile['entries'] = {};
    const tiny = count(path.join(d, 'x.yaml'), [], []);
    for (let i = 0; i < MAX_ENTRIES + 5; i++) entries[`f${i}.yaml`] = { hash: 'h', time: now - 60_000 - i, result: tiny };
    entries['old.yaml'] = { hash: 'h', time: now - MAX_AGE_MS - 1000, result: tiny };
    writeFileSync(loc, JSON.stringify({ budgetlintCache: 1, entries }));
    await lintOnce(loc, 'k', a, count(a, [], []));
    const kept = readCache(loc).entries;
    expect(Object.keys(kept)).toHaveLength(MAX_ENTRIES);
    expect(kept['a.yaml']).toBeDefined(); // the newest
    expect(kept['f0.yaml']).toBeDefined();
    expect(kept[`f${MAX_ENTRIES - 2}.yaml`]).toBeDefined();
    expect(kept[`f${MAX_ENTRIES - 1}.yaml`]).toBeUndefined(); // the least recent beyond the bound
    expect(kept['old.yaml']).toBeUndefined();
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

// ---- the binary ----

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HEAD = 'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n';
const BAD = HEAD + 'expenditure:\n  total: 100.00\n  basic:\n    total: 40.00\n  project: 59.00\n';

/** Put a message in the cached result that linting never gives: seeing it proves the file was not linted. */
function poison(loc: string, file: string) {
  const data = readCache(loc);
  data.entries[file]!.result.findings[0]!.message = { zh: '来自缓存', en: 'FROM THE CACHE' };
  writeFileSync(loc, JSON.stringify(data));
}

describe('budgetlint --cache (the binary)', () => {
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('build first: npm run build');
  });

  it('an unchanged file is not linted again; editing it, or changing the config, lints it again', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    const loc = path.join(cwd, CACHE_FILE_NAME);
    writeFileSync(path.join(cwd, 'a.yaml'), BAD);
    const first = cli(['a.yaml', '--cache', '--lang', 'en'], cwd);
    expect(first.code).toBe(1);
    const entry = readCache(loc).entries['a.yaml']!;
    expect(entry.result.findings.map((f) => f.ruleId)).toEqual(['expenditure-parts-sum']);

    poison(loc, 'a.yaml');
    const second = cli(['a.yaml', '--cache', '--lang', 'en'], cwd);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('FROM THE CACHE');
    // without --cache the cache is not consulted
    expect(cli(['a.yaml', '--lang', 'en'], cwd).stdout).not.toContain('FROM THE CACHE');

    // another config: another key, linted again
    const otherConfig = cli(['a.yaml', '--cache', '--lang', 'en', '--rule', 'expenditure-parts-sum:warn'], cwd);
    expect(otherConfig.code).toBe(0);
    expect(otherConfig.stdout).not.toContain('FROM THE CACHE');
    expect(otherConfig.stdout).toMatch(/warning\s+spending total/);

    // the file edited: its entry no longer matches, linted again, and the entry replaced
    poison(loc, 'a.yaml');
    writeFileSync(path.join(cwd, 'a.yaml'), BAD.replace('total: 100.00', 'total: 99.00'));
    const edited = cli(['a.yaml', '--cache', '--lang', 'en'], cwd);
    expect(edited.code).toBe(0);
    expect(edited.stdout).not.toContain('FROM THE CACHE');
    const after = readCache(loc).entries['a.yaml']!;
    expect(after.hash).not.toBe(entry.hash);
    expect(after.result.findings).toEqual([]);
  });

  it('keeps the entries of files linted in other runs', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    writeFileSync(path.join(cwd, 'a.yaml'), BAD);
    writeFileSync(path.join(cwd, 'b.yaml'), BAD);
    cli(['a.yaml', '--cache'], cwd);
    cli(['b.yaml', '--cache'], cwd);
    expect(Object.keys(readCache(path.join(cwd, CACHE_FILE_NAME)).entries).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('a corrupt cache file is ignored and replaced', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    const loc = path.join(cwd, CACHE_FILE_NAME);
    writeFileSync(path.join(cwd, 'a.yaml'), BAD);
    writeFileSync(loc, '{"budgetlintCache":1,"entries":{"a.yaml":{"hash":"');
    const r = cli(['a.yaml', '--cache'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('expenditure-parts-sum');
    expect(readCache(loc).entries['a.yaml']).toBeDefined();
  });

  it('--cache-location: the cache where it is named', () => {
    const cwd = mkdtempSync(path.join(dir, 'cli-'));
    writeFileSync(path.join(cwd, 'a.yaml'), BAD);
    expect(cli(['a.yaml', '--cache', '--cache-location', 'tmp-cache.json'], cwd).code).toBe(1);
    expect(existsSync(path.join(cwd, CACHE_FILE_NAME))).toBe(false);
    expect(readCache(path.join(cwd, 'tmp-cache.json')).entries['a.yaml']).toBeDefined();
  });
});
