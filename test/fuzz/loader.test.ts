/**
 * Fuzzing the loaders and the engine in-process: broken, hostile and odd inputs built from the real
 * examples go through lintText / lintFile / lintDocumentFile. The properties: it never throws (a
 * document may throw only a ReadError, which the CLI reports as exit 2), it returns within a bound,
 * the result is plain data (structured-clonable, for --jobs), and Object.prototype stays clean.
 */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveRules, type ResolvedRule } from '../../src/engine/config.js';
import type { FileResult } from '../../src/engine/finding.js';
import { lintDocumentFile } from '../../src/engine/lint-document.js';
import { MAX_FILE_BYTES, lintFile } from '../../src/engine/lint-file.js';
import { lintText } from '../../src/engine/lint.js';
import { parse } from '../../src/load/parse.js';
import { ReadError } from '../../src/read/blocks.js';
import type { Catalogue } from '../../src/relations/catalogue.js';
import { loadCatalogue } from '../../src/relations/load.js';
import { MAX_FINDINGS, MAX_TERMS } from '../../src/relations/relation-rules.js';
import { allRules } from '../../rules/index.js';
import { bombDocx, docx, docxFiles, lieAboutSizes, p, zip } from '../support/ooxml.js';
import {
  ENCODINGS,
  JSON_EXAMPLES,
  ODD_KEYS,
  PROTO_KEYS,
  YAML_EXAMPLES,
  aliasBomb,
  damagedBytes,
  deep,
  encode,
  example,
  keyPicks,
  mutated,
  replaceKeys,
  replaceValues,
  restructured,
  truncated,
  valuePicks,
  type Input,
} from './inputs.js';

/** One input's bound: generous, for a loaded 2-core CI machine; a hang or a quadratic blow-up exceeds it by far. */
const BOUND_MS = 10_000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

let rules: ResolvedRule[];
let cat: Catalogue;
let dir: string;
const OBJECT_PROTO = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTO = Object.getOwnPropertyNames(Array.prototype).sort();

beforeAll(async () => {
  cat = await loadCatalogue();
  rules = resolveRules(allRules(cat), []);
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function prototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTO);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTO);
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'x', 'year', 'isAdmin', 'a']) expect(probe[k]).toBeUndefined();
}

/** `first`: the first line and column (1 in a text; an imported document places findings by `location`, and may say 0). */
function wellFormed(r: FileResult, file: string, first = 1): void {
  expect(r.filePath).toBe(file);
  expect(Array.isArray(r.findings)).toBe(true);
  // plain checks, one expect: a file of 200,000 findings must not make the test the slow part
  const bad = r.findings.find(
    (f) => typeof f.message?.zh !== 'string' || typeof f.message?.en !== 'string' || !Number.isInteger(f.line) || f.line < first || !Number.isInteger(f.column) || f.column < first,
  );
  expect(bad).toBeUndefined();
  expect(r.errorCount + r.warningCount + r.infoCount).toBe(r.findings.length);
  // what a worker thread sends back must survive structured clone unchanged: plain data only (a class
  // instance such as a Decimal or a NumberText would arrive as a bare object, without its methods)
  expect(notPlain(r)).toBeUndefined();
  expect(JSON.stringify(structuredClone(r))).toBe(JSON.stringify(r));
}

/** The path to the first value that is not plain data (a class instance, a function, a symbol), if any. */
function notPlain(v: unknown, at = '$'): string | undefined {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return undefined;
  if (typeof v !== 'object') return `${at}: ${typeof v}`;
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = notPlain(v[i], `${at}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (proto !== Object.prototype && proto !== null) return `${at}: ${proto?.constructor?.name ?? 'object'}`;
  for (const [k, x] of Object.entries(v)) {
    const bad = notPlain(x, `${at}.${k}`);
    if (bad) return bad;
  }
  return undefined;
}

async function bounded<T>(what: () => Promise<T>, bound = BOUND_MS): Promise<T> {
  const t = performance.now();
  const out = await what();
  const ms = performance.now() - t;
  if (ms > bound) throw new Error(`took ${ms.toFixed(0)} ms (bound ${bound} ms)`);
  return out;
}

async function lintsText(input: Input, bound = BOUND_MS): Promise<FileResult> {
  const file = `fuzz.${input.ext}`;
  const r = await bounded(() => lintText(input.text, file, rules), bound);
  wellFormed(r, file);
  prototypesClean();
  return r;
}

let n = 0;
async function lintsBytes(bytes: Uint8Array, ext: string, bound = BOUND_MS): Promise<FileResult> {
  const file = path.join(dir, `f${n++}.${ext}`);
  writeFileSync(file, bytes);
  try {
    const r = await bounded(() => lintFile(file, rules), bound);
    wellFormed(r, file);
    prototypesClean();
    return r;
  } finally {
    rmSync(file, { force: true });
  }
}

/** An imported document either lints or is refused with a ReadError (the CLI's exit 2, naming the file). */
async function lintsDocument(bytes: Uint8Array, ext = 'docx', bound = BOUND_MS): Promise<'linted' | 'refused'> {
  const file = path.join(dir, `d${n++}.${ext}`);
  writeFileSync(file, bytes);
  try {
    const r = await bounded(async () => {
      try {
        return await lintDocumentFile(file, rules, cat);
      } catch (e) {
        if (e instanceof ReadError) return undefined;
        throw e;
      }
    }, bound);
    prototypesClean();
    if (!r) return 'refused';
    wellFormed(r.result, file, 0);
    return 'linted';
  } finally {
    rmSync(file, { force: true });
  }
}

const fatal = (r: FileResult) => r.findings.some((f) => f.fatal);

describe('text: broken YAML and JSON built from the examples', () => {
  it('the examples themselves lint, in YAML and in JSON', async () => {
    for (const text of YAML_EXAMPLES) expect(fatal(await lintsText({ text, ext: 'yaml' }))).toBe(false);
    for (const text of JSON_EXAMPLES) expect(fatal(await lintsText({ text, ext: 'json' }))).toBe(false);
  }, 60_000);

  it('truncated anywhere', async () => {
    await fc.assert(fc.asyncProperty(truncated, async (input) => void (await lintsText(input))), { numRuns: RUNS });
  }, 300_000);

  it('mutated: YAML- and JSON-significant text inserted, deleted, replaced', async () => {
    await fc.assert(fc.asyncProperty(mutated, async (input) => void (await lintsText(input))), { numRuns: RUNS * 2 });
  }, 300_000);

  it('odd values: 1e400, NaN, .inf, hex, 400 digits, empty, typed', async () => {
    await fc.assert(fc.asyncProperty(example, valuePicks, async (input, picks) => void (await lintsText(replaceValues(input, picks)))), { numRuns: RUNS });
  }, 300_000);

  it('odd keys: empty, numeric, very long, invisible', async () => {
    await fc.assert(fc.asyncProperty(example, keyPicks, async (input, picks) => void (await lintsText(replaceKeys(input, picks, ODD_KEYS)))), { numRuns: RUNS });
  }, 300_000);

  it('every odd value as a whole document, and in the year and a total', async () => {
    for (const v of ['1e400', '.nan', '.inf', '-.inf', 'NaN', '~', '', '[]', '{}', '!!str', '9'.repeat(10_000)]) {
      await lintsText({ ext: 'yaml', text: v });
      await lintsText({ ext: 'yaml', text: `document:\n  department: x\n  year: ${v}\n  kind: budget\nincome:\n  total: ${v}\n  general_budget: 1\n` });
    }
    for (const v of ['1e400', '-1e400', 'NaN', 'Infinity', '-0', '9'.repeat(10_000), '1e-400']) {
      await lintsText({ ext: 'json', text: v });
      await lintsText({ ext: 'json', text: `{"document": {"department": "x", "year": ${v}, "kind": "budget"}, "income": {"total": ${v}, "general_budget": 1}}` });
    }
  }, 120_000);
});

/** A rule that threw: lintData turns it into a finding "rule X failed: …" rather than letting it end the run. */
const ruleFailures = (r: FileResult) => r.findings.filter((f) => f.ruleId !== null && /^rule \S+ failed: /.test(f.message.en));

describe('structure: valid YAML and JSON of the wrong shape', () => {
  it('values of other types, parts deleted or doubled: never throws, and no rule fails inside', async () => {
    await fc.assert(
      fc.asyncProperty(restructured, async (input) => {
        const r = await lintsText(input);
        expect(ruleFailures(r).map((f) => f.message.en)).toEqual([]);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 300_000);

  // Fixed: the column-wise relations of rules/relations/standard.yaml (`columns: '*'`: BUD.T2.hierarchy,
  // BUD.T2.total, BUD.T3/T5/T6.hierarchy…) used to paste each column's key into the expression text and parse
  // it; a column header the catalogue does not know is its own key, so "2024年", "a-b" or "1e400" made the
  // expression unparsable ("rule BUD.T5.hierarchy failed: unexpected "年" after the expression"). `$col` is now
  // resolved when the expression is evaluated: a label is data, never syntax.
  it('a table column header such as 2024年 or a-b does not make a relation rule fail', async () => {
    const base = YAML_EXAMPLES[1]!;
    for (const header of ['2024年', '"a-b"', '1e400', '__proto__', 'constructor', '"$col"']) {
      const text = base.replace(/(2025年一般公共预算支出表\n\s+unit: 元\n\s+columns: \[科目编码, 科目名称, 合计, 基本支出, )项目支出\]/, `$1${header}]`);
      expect(text).not.toBe(base);
      expect(ruleFailures(await lintsText({ ext: 'yaml', text })).map((f) => f.message.en)).toEqual([]);
    }
  });
});

describe('prototype keys: __proto__, constructor, toString…', () => {
  it('the loader keeps them as own data and never touches Object.prototype', () => {
    for (const k of PROTO_KEYS) {
      for (const [text, format] of [
        [`${k}:\n  polluted: 1\ndocument:\n  ${k}: {year: 1}\n`, 'yaml'],
        [`base: &b {${k}: {polluted: 1}}\nx:\n  <<: *b\n`, 'yaml'],
        [`{"${k}": {"polluted": 1}, "document": {"${k}": {"x": 1}}}`, 'json'],
      ] as const) {
        const r = parse(text, format);
        expect(r.ok).toBe(true);
        prototypesClean();
        if (r.ok && k === '__proto__' && format !== 'yaml') expect(Object.prototype.hasOwnProperty.call(r.data, '__proto__')).toBe(true);
        if (r.ok) expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
      }
    }
  });

  // Fixed: a key named like a member of Object.prototype (__proto__, constructor, toString, valueOf,
  // hasOwnProperty…) where the model has an object made lintText throw "Cannot read properties of undefined
  // (reading 'def')": schemaAt() in src/model/introspect.ts looked the key up with `shape[seg]`, which found
  // Object.prototype's member. It now looks up only a shape's own keys.
  it('a key named __proto__ / constructor / toString is a schema finding, not a crash', async () => {
    for (const k of PROTO_KEYS) {
      for (const r of [
        await lintsText({ ext: 'yaml', text: `${k}:\n  polluted: 1\ndocument:\n  department: x\n  year: 2024\n  kind: budget\n` }),
        await lintsText({ ext: 'json', text: `{"document": {"department": "x", "year": 2024, "kind": "budget", "${k}": {"x": 1}}}` }),
      ]) {
        expect(r.findings.filter((f) => f.ruleId === 'schema' && f.message.en.includes(`unknown key "${k}"`))).toHaveLength(1);
        expect(ruleFailures(r)).toEqual([]);
      }
    }
  });

  it('prototype keys anywhere in the examples', async () => {
    await fc.assert(fc.asyncProperty(example, keyPicks, async (input, picks) => void (await lintsText(replaceKeys(input, picks, PROTO_KEYS)))), { numRuns: 20 });
  }, 300_000);

  it('prototype names as values and as table codes and names do not crash', async () => {
    await fc.assert(
      fc.asyncProperty(example, valuePicks, async (input, picks) => {
        const lines = input.text.split('\n');
        for (const { line, value } of picks) {
          const i = line % lines.length;
          const v = JSON.stringify(PROTO_KEYS[value % PROTO_KEYS.length]);
          lines[i] = input.ext === 'json' ? lines[i]!.replace(/(":\s*)"(?:[^"\\]|\\.)*"/, `$1${v}`) : lines[i]!.replace(/^(\s*-\s*\[)("?[^,\]]*"?)/, `$1${v}`).replace(/^(\s*[^\s:#-][^:#]*:\s+)([^\s[{].*)$/, `$1${v}`);
        }
        await lintsText({ ...input, text: lines.join('\n') });
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});

describe('bombs and depth', () => {
  it('YAML alias bombs (lists and merge keys) are refused or linted within the bound', async () => {
    for (const at of ['income', 'tables', 'narrative', 'performance'] as const) {
      for (const [levels, width] of [[9, 10], [6, 40], [4, 200], [20, 3]] as const) {
        await lintsText({ ext: 'yaml', text: aliasBomb(levels, width, at) });
        await lintsText({ ext: 'yaml', text: aliasBomb(Math.min(levels, 7), Math.min(width, 12), at, true) });
      }
    }
    const r = await lintsText({ ext: 'yaml', text: aliasBomb(10, 10, 'income') });
    expect(r.findings.some((f) => f.fatal && /alias bomb/.test(f.message.en))).toBe(true);
  }, 300_000);

  it('nesting 100,000 deep, open and closed, YAML and JSON', async () => {
    for (const kind of ['flow', 'flow-open', 'braces', 'block-map', 'block-seq', 'json-array', 'json-object', 'json-open'] as const) {
      const r = await lintsText(deep(kind, 100_000));
      expect(fatal(r) || r.findings.length > 0).toBe(true);
    }
  }, 120_000);

  it('nesting at every depth up to the parsers’ limits, inside a real document', async () => {
    await fc.assert(
      fc.asyncProperty(example, fc.integer({ min: 1, max: 5000 }), fc.constantFrom('[', '{"a":'), async (input, depth, open) => {
        const close = open === '[' ? ']' : '}';
        const nest = open.repeat(depth) + '1' + close.repeat(depth);
        const text = input.ext === 'json' ? input.text.replace(/^\{/, `{"narrative": ${nest},`) : input.text + `\nextra: ${nest.replace(/"a":/g, '"a": ')}\n`;
        await lintsText({ ...input, text });
      }),
      { numRuns: 20 },
    );
  }, 300_000);

  // Fixed: gridView() in src/relations/view.ts nested rows by comparing each row with every later one and did
  // not stop at a row with the same code, so n rows that share a code cost n² (16,000 rows: 114 s). It now
  // nests in one pass with a stack of the rows still open, and the views are built once per document for the
  // relation rules, table-codes and table-completeness. The rows may be one anchored row repeated by aliases.
  // A bound far above the linear time (a second or two) and far below the quadratic one (minutes).
  const tableOf = (n: number, sameCode: boolean) =>
    'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n' +
    'tables:\n  - title: 2024年部门支出预算总表\n    columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]\n    rows:\n' +
    Array.from({ length: n }, (_, i) => `      - ["${sameCode ? '204' : 2010101 + i}", 公共安全支出, 99.00, 40.00, 59.00]`).join('\n') +
    '\n';
  it('a table of 20,000 rows lints within 20 s, also when the rows share a code', async () => {
    await lintsText({ ext: 'yaml', text: tableOf(20_000, false) }, 20_000);
    await lintsText({ ext: 'yaml', text: tableOf(20_000, true) }, 20_000);
    const row = '["204", 公共安全支出, 99.00, 40.00, 59.00]';
    const aliased =
      'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\nr: &r ' + row + '\n' +
      'tables:\n  - title: 2024年部门支出预算总表\n    columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]\n' +
      `    rows: [${Array(20_000).fill('*r').join(', ')}]\n`;
    await lintsText({ ext: 'yaml', text: aliased }, 20_000);
  }, 300_000);

  // k rows that share a code above m rows one level below. Before, each of the k rows had all m children, so
  // a hierarchy relation failed k times per column with m terms each (600 rows gave 27 MB of JSON, 2,000
  // rows took 42 s). Now a repeated code starts a new group (src/relations/view.ts): only the last 204 has
  // the 2,000 children, and fails once per column. A finding still lists at most MAX_TERMS terms (the sum
  // is over all m).
  it('2,000 rows sharing a code above 2,000 children: bounded time, findings and output', async () => {
    const rows = (code: string, name: string) => Array(2000).fill(`      - ["${code}", ${name}, 99.00, 40.00, 59.00]`).join('\n');
    const text =
      'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n' +
      'tables:\n  - title: 2024年部门支出预算总表\n    columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]\n    rows:\n' +
      rows('204', '公共安全支出') + '\n' + rows('20401', '武装警察') + '\n';
    const r = await lintsText({ ext: 'yaml', text }, 20_000);
    expect(JSON.stringify(r).length).toBeLessThan(1_000_000);
    const hierarchy = r.findings.filter((f) => f.ruleId === 'BUD.T3.hierarchy');
    expect(hierarchy).toHaveLength(3);
    const first = hierarchy[0]!;
    expect(first.pointer).toBe('/tables/0/rows/1999/2');
    expect(first.arithmetic).toMatchObject({ stated: '99', computed: String(99 * 2000) });
    expect(first.arithmetic?.terms).toHaveLength(MAX_TERMS);
    expect(first.related).toHaveLength(MAX_TERMS - 1);
    expect(first.data?.termsOmitted).toBe(2001 - MAX_TERMS);
  }, 120_000);

  // Fixed: nest() in src/relations/view.ts kept a row open past a later row with the same code, so in
  // `204, 20401, 204, 20401, …` each 204 took every 20401 below it: n²/8 links (2,000 rows: 2.5 s, 6,000:
  // 16 s, 20,000: minutes). A repeated code now starts a new group: each 204 has the one 20401 below it,
  // the hierarchy holds, and nothing but the missing tables is reported.
  it('20,000 rows alternating 204 and 20401 lint within 20 s, with small output', async () => {
    const text =
      'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n' +
      'tables:\n  - title: 2024年部门支出预算总表\n    columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]\n    rows:\n' +
      Array.from({ length: 20_000 }, (_, i) => `      - ["${i % 2 ? '20401' : '204'}", ${i % 2 ? '武装警察' : '公共安全支出'}, 99.00, 40.00, 59.00]`).join('\n') +
      '\n';
    const r = await lintsText({ ext: 'yaml', text }, 20_000);
    expect(JSON.stringify(r).length).toBeLessThan(100_000);
    expect(r.findings.filter((f) => f.ruleId !== 'table-completeness')).toEqual([]);
  }, 120_000);

  // Many groups that each fail: a relation reports at most MAX_FINDINGS findings in a document, then one
  // that counts the rest.
  it('1,000 groups of 204 above a 20401 that does not add up: at most MAX_FINDINGS findings, then a count', async () => {
    const text =
      'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n' +
      'tables:\n  - title: 2024年部门支出预算总表\n    columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]\n    rows:\n' +
      Array.from({ length: 2000 }, (_, i) => (i % 2 ? '      - ["20401", 武装警察, 3.00, 1.00, 2.00]' : '      - ["204", 公共安全支出, 99.00, 40.00, 59.00]')).join('\n') +
      '\n';
    const r = await lintsText({ ext: 'yaml', text }, 20_000);
    expect(JSON.stringify(r).length).toBeLessThan(1_000_000);
    const hierarchy = r.findings.filter((f) => f.ruleId === 'BUD.T3.hierarchy');
    expect(hierarchy).toHaveLength(MAX_FINDINGS + 1);
    expect(hierarchy[0]!.arithmetic).toMatchObject({ stated: '99', computed: '3' });
    const more = hierarchy[MAX_FINDINGS]!;
    expect(more.messageId).toBe('more');
    expect(more.data?.more).toBe(1000 * 3 - MAX_FINDINGS);
  }, 120_000);

  it('a wide mapping of 200,000 keys (200,000 findings) is linear, not quadratic', async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const r = await lintsText({ ext: 'yaml', text }, 60_000);
    expect(r.findings.length).toBeGreaterThan(100_000);
  }, 120_000);

  it('20,000 unknown keys one level down (20,000 nested findings) are placed in linear time', async () => {
    // each collection's children are found by one scan and most places are read off their lines; parts parsed are bounded by the text's length, past which the whole file is parsed once
    const text = 'performance:\n' + Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}`).join('\n') + '\n';
    const r = await lintsText({ ext: 'yaml', text }, 60_000);
    expect(r.findings.filter((f) => f.pointer.startsWith('/performance/k')).length).toBe(20_000);
    expect(r.findings.find((f) => f.pointer === '/performance/k19999')?.line).toBe(20_001);
  }, 120_000);
});

describe('sizes', () => {
  it('empty, blank, BOM-only and comment-only files', async () => {
    for (const text of ['', ' ', '\n\n', '\uFEFF', '# nothing\n', '---\n', '...\n', '---\n...\n']) {
      await lintsText({ ext: 'yaml', text });
      await lintsText({ ext: 'json', text });
    }
    for (const bytes of [new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff])]) {
      await lintsBytes(bytes, 'yaml');
      await lintsBytes(bytes, 'json');
    }
  }, 60_000);

  it('large: a 10 MB value, a 6 MB line of flow, 20,000 rows', async () => {
    await lintsText({ ext: 'yaml', text: YAML_EXAMPLES[0] + '\nnarrative_text: ' + 'x'.repeat(10_000_000) + '\n' }, 30_000);
    await lintsText({ ext: 'yaml', text: 'document: {department: x, year: 2024, kind: budget}\nx: [' + '1, '.repeat(2_000_000) + '1]\n' }, 30_000);
    const rows = Array.from({ length: 20_000 }, (_, i) => `      - ["${2010101 + i}", 项目${i}, ${i}.00, 0.00, ${i}.00]`).join('\n');
    await lintsText({ ext: 'yaml', text: YAML_EXAMPLES[0] + `\ntables:\n  - title: 2024年部门支出预算总表\n    columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]\n    rows:\n${rows}\n` }, 60_000);
  }, 180_000);

  it('a file over the size limit is a fatal finding, not read', async () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, MAX_FILE_BYTES + 1);
    const r = await bounded(() => lintFile(file, rules), 2000);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toMatch(/too large/);
    rmSync(file);
  });
});

describe('bytes: encodings, binary, NUL', () => {
  it('every encoding of the examples: UTF-8 (BOM), UTF-16 LE/BE (BOM), GBK, CRLF, CR', async () => {
    for (const text of YAML_EXAMPLES) {
      for (const how of ENCODINGS) {
        const r = await lintsBytes(encode(text, how), 'yaml');
        // CR-only line ends are not YAML line breaks a reader expects, but must not crash; the rest read as the original
        if (how !== 'cr') expect(fatal(r)).toBe(false);
      }
    }
    for (const text of JSON_EXAMPLES) for (const how of ENCODINGS) await lintsBytes(encode(text, how), 'json');
  }, 180_000);

  it('damaged bytes: NULs, stray BOMs, cut multi-byte sequences', async () => {
    await fc.assert(fc.asyncProperty(damagedBytes, async ({ bytes, ext }) => void (await lintsBytes(bytes, ext))), { numRuns: RUNS });
  }, 300_000);

  it('random binary', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('yaml', 'yml', 'json'), async (bytes, ext) => void (await lintsBytes(bytes, ext))), { numRuns: RUNS * 2 });
  }, 300_000);

  it('a NUL byte is a fatal finding naming it', async () => {
    const r = await lintsBytes(Buffer.from('document:\n  department: x\u0000\n'), 'yaml');
    expect(r.findings[0]!.fatal).toBe(true);
    expect(r.findings[0]!.message.en).toMatch(/NUL/);
  });
});

describe('documents: corrupt and bomb .docx', () => {
  it('random bytes, truncated and corrupted archives are refused with a ReadError or linted', async () => {
    const good = await docx(p('2024年部门预算') + p('本年支出合计100.00万元。'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.double({ min: 0, max: 1, noNaN: true }).map((at) => good.slice(0, Math.floor(good.length * at))),
          fc.array(fc.record({ at: fc.nat(), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 16 }).map((edits) => {
            const b = good.slice();
            for (const { at, byte } of edits) b[at % b.length] = byte;
            return b;
          }),
        ),
        fc.constantFrom('docx', 'xlsx'),
        async (bytes, ext) => void (await lintsDocument(bytes, ext)),
      ),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('parts that are not XML, missing parts, hostile XML', async () => {
    const files = docxFiles(p('x'));
    const cases: Record<string, string | Uint8Array>[] = [
      { ...files, 'word/document.xml': 'not xml <<<' },
      { ...files, 'word/document.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document>&c;&c;&c;</w:document>' },
      { ...files, 'word/document.xml': '<w:document>' + '<w:p>'.repeat(100_000) + '</w:document>' },
      { '[Content_Types].xml': files['[Content_Types].xml']! },
      {},
    ];
    for (const c of cases) await lintsDocument(await zip(c));
  }, 120_000);

  it('a zip bomb, one that lies about its sizes, and one of too many entries are refused', async () => {
    const bomb = await bombDocx(100);
    expect(await lintsDocument(bomb)).toBe('refused');
    expect(await lintsDocument(lieAboutSizes(bomb, 1000))).toBe('refused');
    const many: Record<string, string> = { ...(docxFiles(p('x')) as Record<string, string>) };
    for (let i = 0; i < 3000; i++) many[`customXml/item${i}.xml`] = '<a/>';
    expect(await lintsDocument(await zip(many, 'STORE'))).toBe('refused');
  }, 120_000);
});
