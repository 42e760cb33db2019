/**
 * The corpus generator (issue 7) as a measure of the linter: a seeded corpus of consistent documents,
 * some with known errors injected, each injection listing the findings it must produce (rule id and
 * JSON Pointer). Linting the corpus with every rule at its defaults gives, per rule, true positives
 * (a finding an injection expects), false positives (any other finding) and false negatives (an
 * expected finding not given); info findings (rounding notes) are not counted. The arithmetic rules
 * must be exact; the figures of the others are printed, and held to what they reach.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../../rules/index.js';
import { resolveRules } from '../../src/engine/config.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/engine/lint.js';
import { buildDocument } from '../../src/generate/build.js';
import { generateCorpus, type Corpus } from '../../src/generate/corpus.js';
import { KIND_IDS } from '../../src/generate/inject.js';
import { oracle } from '../../src/generate/oracle.js';
import { createRng } from '../../src/generate/prng.js';
import { loadCatalogue } from '../../src/relations/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const catalogue = await loadCatalogue();
const registry = allRules(catalogue);
const rules = resolveRules(registry, []);

const COUNT = 150;
const SEED = 'issue-7';
/** half the documents get errors, so that every kind of injection is used more than once */
const RATE = 0.5;

/** The rules that do arithmetic: they must find every injected error and nothing else. */
const ARITHMETIC = new Set([
  'income-sources-sum',
  'budget-balance',
  'expenditure-parts-sum',
  'basic-parts-sum',
  'three-public-sum',
  'procurement-sum',
  'assets-sum',
  'change-sum',
  'change-prior',
  'change-direction',
  'change-rate',
  'change-reason',
  'share-recompute',
  ...catalogue.relations.map((r) => r.id),
]);

interface Stat {
  expected: number;
  found: number;
  tp: number;
  fp: number;
  fn: number;
}

let corpus: Corpus;
const findingsOf = new Map<string, Finding[]>();
const stats = new Map<string, Stat>();
const falsePositives: string[] = [];
const falseNegatives: string[] = [];

const stat = (rule: string): Stat => {
  let s = stats.get(rule);
  if (!s) stats.set(rule, (s = { expected: 0, found: 0, tp: 0, fp: 0, fn: 0 }));
  return s;
};
const ratio = (a: number, b: number) => (b === 0 ? undefined : a / b);
const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

beforeAll(async () => {
  corpus = generateCorpus({ count: COUNT, seed: SEED, rate: RATE });
  for (const f of corpus.files) {
    const result = await lintText(f.text, f.file, rules);
    findingsOf.set(f.file, result.findings);
    // match findings to expectations one for one: a finding twice where one is expected is one false positive
    const open = new Map<string, number>();
    for (const inj of f.injections) {
      for (const e of inj.expected) {
        const k = `${e.rule} ${e.path}`;
        open.set(k, (open.get(k) ?? 0) + 1);
        stat(e.rule).expected++;
      }
    }
    for (const x of result.findings) {
      if (x.level === 'info' || x.ruleId === null) continue;
      const s = stat(x.ruleId);
      s.found++;
      const k = `${x.ruleId} ${x.pointer}`;
      const n = open.get(k) ?? 0;
      if (n > 0) {
        open.set(k, n - 1);
        s.tp++;
      } else {
        s.fp++;
        falsePositives.push(`${f.file} ${k}: ${x.message.en}`);
      }
    }
    for (const [k, n] of open) {
      if (n === 0) continue;
      stat(k.slice(0, k.indexOf(' '))).fn += n;
      falseNegatives.push(`${f.file} ${k}${n > 1 ? ` ×${n}` : ''}`);
    }
  }
}, 120_000);

afterAll(() => {
  if (!corpus) return;
  const rows = [...stats.entries()].sort(([a], [b]) => Number(ARITHMETIC.has(b)) - Number(ARITHMETIC.has(a)) || a.localeCompare(b));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(28) : c.padStart(9))).join(' ');
  const table = [
    `${corpus.files.length} documents (seed ${SEED}), ${new Set(corpus.injected.map((e) => e.file)).size} with ${corpus.injected.length} injected errors of ${new Set(corpus.injected.map((e) => e.kind)).size} kinds`,
    line(['rule', 'expected', 'found', 'TP', 'FP', 'FN', 'precision', 'recall']),
    ...rows.map(([id, s]) => line([`${ARITHMETIC.has(id) ? '' : '* '}${id}`, String(s.expected), String(s.found), String(s.tp), String(s.fp), String(s.fn), pct(ratio(s.tp, s.tp + s.fp)), pct(ratio(s.tp, s.tp + s.fn))])),
    '(* not an arithmetic rule)',
  ];
  const untouched = registry.map((r) => r.meta.id).filter((id) => !stats.has(id));
  if (untouched.length) table.push(`rules with no expected and no actual finding: ${untouched.join(', ')}`);
  console.log(table.join('\n'));
});

describe('the generated corpus', () => {
  it('gives no finding at all, not even a rounding note, on the documents without injected errors', () => {
    const clean = corpus.files.filter((f) => f.injections.length === 0);
    expect(clean.length).toBeGreaterThan(COUNT / 3);
    const found = clean.flatMap((f) => findingsOf.get(f.file)!.map((x) => `${f.file} ${x.ruleId} ${x.pointer} (${x.level}): ${x.message.en}`));
    expect(found).toEqual([]);
  });

  it('uses every kind of injection, and says for each what it must produce', () => {
    expect(new Set(corpus.injected.map((e) => e.kind))).toEqual(new Set(KIND_IDS));
    for (const e of corpus.injected) {
      expect(e.file).toMatch(/^budget-\d{4}\.yaml$/);
      expect(e.path).toMatch(/^\//);
      expect(e.rules.length).toBeGreaterThan(0);
      expect(new Set(e.expected.map((x) => x.rule))).toEqual(new Set(e.rules));
      expect(e.description.length).toBeGreaterThan(0);
    }
  });

  it('every arithmetic rule finds every injected error and nothing else (100% precision and recall)', () => {
    const off = [...stats.entries()].filter(([id, s]) => ARITHMETIC.has(id) && (s.fp > 0 || s.fn > 0)).map(([id]) => id);
    expect({ off, falsePositives: falsePositives.filter((x) => off.some((id) => x.includes(` ${id} `))), falseNegatives: falseNegatives.filter((x) => off.some((id) => x.includes(` ${id} `))) }).toEqual({
      off: [],
      falsePositives: [],
      falseNegatives: [],
    });
  });

  it('every arithmetic rule is exercised by some injection', () => {
    const missing = registry.map((r) => r.meta.id).filter((id) => ARITHMETIC.has(id) && !(stats.get(id)?.expected ?? 0));
    expect(missing).toEqual([]);
  });

  it('the other rules reach at least 90% precision and recall where they are measured', () => {
    const below = [...stats.entries()]
      .filter(([id]) => !ARITHMETIC.has(id))
      .flatMap(([id, s]) => {
        const p = ratio(s.tp, s.tp + s.fp);
        const r = ratio(s.tp, s.tp + s.fn);
        return (p !== undefined && p < 0.9) || (r !== undefined && r < 0.9) ? [`${id}: precision ${pct(p)}, recall ${pct(r)}`] : [];
      });
    expect(below).toEqual([]);
  });

  it('is the same corpus for the same seed', () => {
    const a = generateCorpus({ count: 5, seed: 'same', rate: 1 });
    const b = generateCorpus({ count: 5, seed: 'same', rate: 1 });
    expect(b.files.map((f) => f.text)).toEqual(a.files.map((f) => f.text));
    expect(b.injected).toEqual(a.injected);
    expect(generateCorpus({ count: 5, seed: 'other', rate: 1 }).files.map((f) => f.text)).not.toEqual(a.files.map((f) => f.text));
  });

  it('is sized like real disclosures: about 20 projects with their performance tables, 30–100 KB', () => {
    const { files } = generateCorpus({ count: 200, seed: 'sizes', rate: 0 });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const bytes = files.map((f) => Buffer.byteLength(f.text));
    const tables = files.map((f) => f.info.perf.length);
    expect(median(bytes)).toBeGreaterThan(50_000);
    expect(median(bytes)).toBeLessThan(75_000);
    expect(Math.min(...bytes)).toBeGreaterThan(20_000);
    expect(Math.max(...bytes)).toBeLessThan(120_000);
    expect(median(tables)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...tables)).toBeGreaterThanOrEqual(35);
    // a department's projects are distinct, each published once
    for (const f of files) expect(new Set(f.info.perf.map((p) => p.name)).size).toBe(f.info.perf.length);
  });

  it('builds documents the oracle finds consistent before any injection', () => {
    const root = createRng('consistent');
    const found: string[] = [];
    for (let i = 0; i < 300; i++) {
      const { doc, info } = buildDocument(root.fork(`doc/${i}`));
      // (ambiguous checks are fine: a figure near a rounding edge is consistent, if only just)
      found.push(...oracle(doc, info).findings.map((e) => `${i} ${e.rule} ${e.path}`));
    }
    expect(found).toEqual([]);
  });

  it('never holds one department in two consecutive years (a batch would pair them as previous-year)', () => {
    const { files } = generateCorpus({ count: 400, seed: 'years', rate: 0 });
    const years = new Map<string, Set<number>>();
    for (const f of files) {
      const y = years.get(f.info.department) ?? new Set<number>();
      y.add(Number(f.info.year));
      years.set(f.info.department, y);
    }
    expect([...years.values()].some((y) => y.size > 1)).toBe(false);
    // and the corpus still spans the years
    expect(new Set(files.map((f) => f.info.year)).size).toBeGreaterThan(3);
  });
});

describe('npm run generate', () => {
  it('writes the documents and injected.json, as the in-memory corpus', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'budgetlint-corpus-'));
    try {
      const r = spawnSync('npx', ['tsx', 'scripts/generate.ts', '--count', '3', '--seed', '1', '--out', out, '--rate', '1'], { cwd: root, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const names = readdirSync(out).sort();
      expect(names).toEqual(['budget-0001.yaml', 'budget-0002.yaml', 'budget-0003.yaml', 'injected.json']);
      const memory = generateCorpus({ count: 3, seed: '1', rate: 1 });
      for (const f of memory.files) expect(readFileSync(path.join(out, f.file), 'utf8')).toBe(f.text);
      const injected = JSON.parse(readFileSync(path.join(out, 'injected.json'), 'utf8')) as { file: string; path: string; rules: string[]; description: string }[];
      expect(injected.map((e) => [e.file, e.path, e.rules])).toEqual(memory.injected.map((e) => [e.file, e.path, e.rules]));
      expect(injected.every((e) => existsSync(path.join(out, e.file)) && e.description)).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
