/**
 * Fuzzing the built CLI with broken and hostile files (fewer cases than the in-process suite: each is a
 * process). The properties: it ends within the timeout with exit 0, 1 or 2; stderr never carries a stack
 * trace; exit 2 names the file. `npm test` builds first.
 */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bombDocx, docx, p } from '../support/ooxml.js';
import { JSON_EXAMPLES, YAML_EXAMPLES, aliasBomb, damagedBytes, deep, encode, mutated, truncated } from './inputs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
const TIMEOUT_MS = 60_000;
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 6);
let dir: string;
let n = 0;

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-fuzz-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: TIMEOUT_MS, maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`budgetlint ${args.join(' ')}: ${r.error.message} (timeout ${TIMEOUT_MS} ms?)`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's contract on any input. */
function behaves(r: Run, ...files: string[]): void {
  expect([0, 1, 2].includes(r.code!) ? 'ok' : `exit ${r.code}: ${r.stderr}`).toBe('ok');
  expect(r.stderr).not.toMatch(/^ {4}at /m);
  expect(r.stdout).not.toMatch(/^ {4}at .*:\d+:\d+\)?$/m);
  if (r.code === 2) expect(files.some((f) => r.stderr.includes(path.basename(f))) ? 'named' : r.stderr).toBe('named');
}

/** The entries as files of one directory, linted with --jobs 1 and --jobs 2: both keep the contract and agree byte for byte. */
function batch(entries: readonly { ext: string; bytes: Uint8Array | string }[]): { files: string[]; one: Run } {
  const sub = path.join(dir, `batch-${n++}`);
  mkdirSync(sub);
  try {
    const files = entries.map((e, i) => {
      const f = path.join(sub, `f${String(i).padStart(2, '0')}.${e.ext}`);
      writeFileSync(f, e.bytes);
      return f;
    });
    const one = cli(['--jobs', '1', '-f', 'json', ...files]);
    const two = cli(['--jobs', '2', '-f', 'json', ...files]);
    behaves(one, ...files);
    behaves(two, ...files);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    return { files, one };
  } finally {
    rmSync(sub, { recursive: true, force: true });
  }
}

function lint(bytes: Uint8Array | string, ext: string, args: string[] = []): Run {
  const file = path.join(dir, `case-${n++}.${ext}`);
  writeFileSync(file, bytes);
  try {
    const r = cli([...args, file]);
    behaves(r, file);
    return r;
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the CLI on broken and hostile files', () => {
  it('fixed cases: bombs, depth, sizes, encodings, binary, NUL, odd numbers', async () => {
    const cases: [string, Uint8Array | string, string][] = [
      ['truncated YAML', YAML_EXAMPLES[1]!.slice(0, 5000), 'yaml'],
      ['truncated JSON', JSON_EXAMPLES[1]!.slice(0, 5000), 'json'],
      ['alias bomb', aliasBomb(10, 10, 'income'), 'yaml'],
      ['merge-key bomb', aliasBomb(7, 12, 'performance', true), 'yaml'],
      ['100,000 [ in YAML', deep('flow-open', 100_000).text, 'yaml'],
      ['100,000 nested arrays in JSON', deep('json-array', 100_000).text, 'json'],
      ['100,000 nested objects in JSON', deep('json-object', 100_000).text, 'json'],
      ['empty', '', 'yaml'],
      ['empty JSON', '', 'json'],
      ['BOM only', new Uint8Array([0xef, 0xbb, 0xbf]), 'yaml'],
      ['UTF-16 LE, odd length', new Uint8Array([0xff, 0xfe, 0x41]), 'yaml'],
      ['UTF-16 BE, lone surrogate', new Uint8Array([0xfe, 0xff, 0xd8, 0x00]), 'json'],
      ['GBK', encode(YAML_EXAMPLES[0]!, 'gbk'), 'yaml'],
      ['UTF-16 LE', encode(YAML_EXAMPLES[0]!, 'utf-16le-bom'), 'yaml'],
      ['BOM + CRLF', encode(YAML_EXAMPLES[0]!, 'bom-crlf'), 'yaml'],
      ['NUL', 'document:\n  department: x\u0000\n', 'yaml'],
      ['random binary', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'yaml'],
      ['1e400, NaN, .inf', 'document:\n  department: x\n  year: 1e400\n  kind: budget\nincome:\n  total: .nan\n  general_budget: .inf\nexpenditure:\n  total: -1e400\n', 'yaml'],
      ['1e400 in JSON', '{"document": {"department": "x", "year": 2024, "kind": "budget"}, "income": {"total": 1e400, "general_budget": -1e400}}', 'json'],
      ['NaN in JSON', '{"document": NaN}', 'json'],
      ['__proto__ key', '__proto__:\n  polluted: 1\ndocument:\n  department: x\n  year: 2024\n  kind: budget\n', 'yaml'],
      ['constructor key in JSON', '{"document": {"department": "x", "year": 2024, "kind": "budget", "constructor": {"prototype": {"x": 1}}}}', 'json'],
    ];
    for (const [what, bytes, ext] of cases) {
      try {
        lint(bytes, ext);
        lint(bytes, ext, ['-f', 'json']);
      } catch (e) {
        throw new Error(`${what}: ${(e as Error).message}`);
      }
    }
  }, 300_000);

  it('a file over the size limit', () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, 64 * 1024 * 1024 + 1);
    const r = cli([file]);
    behaves(r, file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('文件过大');
  }, 60_000);

  it('a corrupt .docx and a zip-bomb .docx: exit 2 naming the file', async () => {
    const good = await docx(p('2024年部门预算'));
    for (const bytes of [good.slice(0, good.length >> 1), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), await bombDocx(100)]) {
      const r = lint(bytes, 'docx');
      expect(r.code).toBe(2);
    }
  }, 120_000);

  it('truncated and mutated examples', () => {
    fc.assert(fc.property(fc.oneof(truncated, mutated), (input) => void lint(input.text, input.ext)), { numRuns: RUNS * 2 });
  }, 300_000);

  it('damaged bytes', () => {
    fc.assert(fc.property(damagedBytes, ({ bytes, ext }) => void lint(bytes, ext)), { numRuns: RUNS });
  }, 300_000);

  it('--jobs 2 over a directory of broken files: same report as --jobs 1', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(truncated, mutated), { minLength: 16, maxLength: 24 }), (inputs) => void batch(inputs.map((x) => ({ ext: x.ext, bytes: x.text })))),
      { numRuns: 2 },
    );
  }, 300_000);

  it('a batch mixing broken budget files with damaged .docx/.xlsx/.pdf documents: every file reported once, in order, each refusal named once, the same with --jobs 2', async () => {
    const good = await docx(p('2024年部门预算'));
    // a document's bytes cut, overwritten or random: refused (exit 2), or read when the damage missed
    const damagedDoc = fc.record({
      ext: fc.constantFrom('docx', 'xlsx', 'pdf'),
      bytes: fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }).map((cut) => good.slice(0, Math.floor(good.length * cut))),
        fc.uint8Array({ minLength: 0, maxLength: 64 }),
        fc.constant(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])), // "%PDF-" and nothing more
      ),
    });
    const entry = fc.oneof(
      fc.oneof(truncated, mutated).map((x) => ({ ext: x.ext as string, bytes: x.text as Uint8Array | string })),
      damagedDoc.map((x) => ({ ext: x.ext as string, bytes: x.bytes as Uint8Array | string })),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 16, maxLength: 20 }), (entries) => {
        const { files, one } = batch(entries);
        // a refusal is a fatal finding of its file, not the end of the run: every file is in the report, in order
        const results = JSON.parse(one.stdout) as { filePath: string; messages: { fatal?: boolean }[] }[];
        expect(results.map((r) => path.basename(r.filePath))).toEqual(files.map((f) => path.basename(f)));
        const refused = one.stderr.split('\n').filter((l) => l.startsWith('budgetlint: '));
        for (const line of refused) expect(files.filter((f) => line.includes(path.basename(f))).length).toBe(1);
        expect(one.code === 2).toBe(refused.length > 0);
      }),
      { numRuns: 2 },
    );
  }, 300_000);

  // Fixed (src/model/introspect.ts, see test/fuzz/loader.test.ts): a key named like a member of
  // Object.prototype where the model has an object ended the run with exit 2, "internal error: …: Cannot read
  // properties of undefined (reading 'def')", instead of reporting an unknown key (exit 1).
  it('a __proto__ or constructor key is an unknown-key finding (exit 1), not an internal error', () => {
    const r = lint('__proto__:\n  polluted: 1\ndocument:\n  department: x\n  year: 2024\n  kind: budget\n', 'yaml', ['--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('__proto__');
  }, 60_000);
});
