/**
 * Hostile and broken inputs for the fuzz suites, built from the real examples: truncated and mutated
 * YAML and JSON, alias bombs, deep nesting, prototype keys, odd numbers, encodings, binary, archives.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump, load } from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The smaller real examples (the large one makes each case slow without adding shapes). */
export const YAML_EXAMPLES = ['examples/clean.yaml', 'examples/standard-budget-clean.yaml'].map((f) => readFileSync(path.join(root, f), 'utf8'));
export const JSON_EXAMPLES = YAML_EXAMPLES.map((t) => JSON.stringify(load(t), null, 2));

export interface Input {
  text: string;
  ext: 'yaml' | 'json';
}

/** A real example, YAML or JSON. */
export const example: fc.Arbitrary<Input> = fc.oneof(
  fc.constantFrom(...YAML_EXAMPLES).map((text) => ({ text, ext: 'yaml' as const })),
  fc.constantFrom(...JSON_EXAMPLES).map((text) => ({ text, ext: 'json' as const })),
);

/** Cut anywhere, also in the middle of a key, a number or a multi-byte character's UTF-16 pair. */
export const truncated: fc.Arbitrary<Input> = fc
  .tuple(example, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([e, at]) => ({ ...e, text: e.text.slice(0, Math.floor(e.text.length * at)) }));

/** Characters that mean something to YAML or JSON, and some that should never be there. */
const NOISE = [':', '-', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '*zz', '!', '!!str ', '!!binary ', '#', "'", '"', '\\', '\n', '\r', '\r\n', ' ', '  ', '\t', '|', '>', '%YAML 1.2\n', '---\n', '...\n', '@', '`', '?', '<<: ', '\u0000', '\uFEFF', '\u2028', '\uD800', '1e400', '.nan', '-.inf'];

/** Edits at random places: insertions, deletions and replacements of YAML-significant text. */
export const mutated: fc.Arbitrary<Input> = fc
  .tuple(
    example,
    fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        del: fc.nat({ max: 12 }),
        ins: fc.oneof(fc.constantFrom(...NOISE), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([e, edits]) => {
    let t = e.text;
    for (const { at, del, ins } of edits) {
      const i = Math.floor(t.length * at);
      t = t.slice(0, i) + ins + t.slice(i + del);
    }
    return { ...e, text: t };
  });

/** Values a budget never has, in a value's place: huge, not-a-number, infinite, typed, empty. */
export const ODD_VALUES = ['1e400', '-1e400', '1e-400', '.nan', '.NaN', '.inf', '-.inf', '+.inf', 'NaN', 'Infinity', '-Infinity', '0x1F', '0o17', '1_000.5', '9'.repeat(400), '0.' + '1'.repeat(400), '~', 'null', "''", '""', '[]', '{}', '- ', '!!str 12', '&x 1', '"\\u0000"', '"\\uD800"', 'true', 'yes', '1e', '.', '-', '１２３．４５', '1,234.50'];
/** JSON's own: numbers out of range and tokens JSON does not have. */
export const ODD_JSON_VALUES = ['1e400', '-1e400', '1e-400', '9'.repeat(400), '-0', '0.' + '1'.repeat(400), 'null', '""', '[]', '{}', '"1e400"', '"NaN"', 'NaN', 'Infinity', '-Infinity', '.5', '01', '1.', '+1', '0x1F', 'true'];
/** Keys that are names on Object.prototype. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
/** Keys that are not, but are odd. */
export const ODD_KEYS = ['', ' ', '0', '-1', '1e400', 'null', '$ref', 'document.year', '🙂', '\u200b', 'a'.repeat(2000), '[0]', '#', '~', '__proto', 'proto__'];

/** Replace values (after `key: ` on a line, or after `": ` in JSON) by odd ones. */
export function replaceValues(input: Input, picks: { line: number; value: number }[]): Input {
  const lines = input.text.split('\n');
  const values = input.ext === 'json' ? ODD_JSON_VALUES : ODD_VALUES;
  for (const { line, value } of picks) {
    const i = line % lines.length;
    const v = values[value % values.length]!;
    lines[i] =
      input.ext === 'json'
        ? lines[i]!.replace(/(":\s*)("(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null)/, `$1${v}`)
        : lines[i]!.replace(/^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+)(\S.*)$/, `$1${v}`);
  }
  return { ...input, text: lines.join('\n') };
}

/** Replace keys on some lines by those given. */
export function replaceKeys(input: Input, picks: { line: number; key: number }[], keys: readonly string[]): Input {
  const lines = input.text.split('\n');
  for (const { line, key } of picks) {
    const i = line % lines.length;
    const k = keys[key % keys.length]!;
    lines[i] =
      input.ext === 'json'
        ? lines[i]!.replace(/^(\s*)"(?:[^"\\]|\\.)*"(\s*:)/, `$1${JSON.stringify(k)}$2`)
        : lines[i]!.replace(/^(\s*(?:-\s+)?)[^\s:#'"][^:#]*?(:(?:\s|$))/, `$1${JSON.stringify(k)}$2`);
  }
  return { ...input, text: lines.join('\n') };
}

export const valuePicks = fc.array(fc.record({ line: fc.nat(), value: fc.nat() }), { minLength: 1, maxLength: 12 });
export const keyPicks = fc.array(fc.record({ line: fc.nat(), key: fc.nat() }), { minLength: 1, maxLength: 6 });

/**
 * A billion-laughs document: `levels` anchors, each `width` aliases of the one before (in a list, or as
 * a mapping's values with a merge key), the last one placed where the model looks (`at`).
 */
export function aliasBomb(levels: number, width: number, at: 'income' | 'tables' | 'narrative' | 'performance', merge = false): string {
  let s = 'x0: &x0 {text: "lol", amount: 1.50, rows: [1, 2, 3]}\n';
  for (let i = 1; i < levels; i++) {
    s += merge
      ? `x${i}: &x${i} {<<: *x${i - 1}, ${Array.from({ length: width }, (_, j) => `k${j}: *x${i - 1}`).join(', ')}}\n`
      : `x${i}: &x${i} [${Array(width).fill(`*x${i - 1}`).join(', ')}]\n`;
  }
  return `document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n${s}${at}: *x${levels - 1}\n`;
}

/** Nesting `depth` deep: flow brackets (closed or not), block mappings, block sequences, JSON. */
export function deep(kind: 'flow' | 'flow-open' | 'block-map' | 'block-seq' | 'json-array' | 'json-object' | 'json-open' | 'braces', depth: number): Input {
  switch (kind) {
    case 'flow':
      return { ext: 'yaml', text: 'document:\n  department: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n' };
    case 'flow-open':
      return { ext: 'yaml', text: '['.repeat(depth) };
    case 'braces':
      return { ext: 'yaml', text: '{a: '.repeat(depth) + '1' + '}'.repeat(depth) };
    case 'block-map': {
      // indentation grows with depth: cap the text at a few megabytes
      const d = Math.min(depth, 2000);
      return { ext: 'yaml', text: Array.from({ length: d }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n' };
    }
    case 'block-seq':
      return { ext: 'yaml', text: '- '.repeat(depth) + '1\n' };
    case 'json-array':
      return { ext: 'json', text: '['.repeat(depth) + ']'.repeat(depth) };
    case 'json-object':
      return { ext: 'json', text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) };
    case 'json-open':
      return { ext: 'json', text: '['.repeat(depth) };
  }
}

// ---- bytes ---------------------------------------------------------------------------------------

let gbkTable: Map<string, number[]> | undefined;
/** Text → GBK bytes, by a reverse table of TextDecoder('gbk') (Node ships no GBK encoder). */
export function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const c = dec.decode(new Uint8Array([a, b]));
        if (c.length === 1 && c !== '\uFFFD' && !gbkTable.has(c)) gbkTable.set(c, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'gbk' | 'crlf' | 'cr' | 'bom-crlf' | 'gbk-crlf';

export function encode(text: string, how: Encoding): Uint8Array {
  const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
  switch (how) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be-bom': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
    }
    case 'gbk':
      return gbk(text);
    case 'crlf':
      return Buffer.from(crlf(text), 'utf8');
    case 'cr':
      return Buffer.from(text.replace(/\n/g, '\r'), 'utf8');
    case 'bom-crlf':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(text), 'utf8')]);
    case 'gbk-crlf':
      return gbk(crlf(text));
  }
}

export const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'gbk', 'crlf', 'cr', 'bom-crlf', 'gbk-crlf'];

/** Bytes damaged after encoding: NULs, cut multi-byte sequences, stray high bytes, a stray BOM. */
export const damagedBytes: fc.Arbitrary<{ bytes: Uint8Array; ext: 'yaml' | 'json' }> = fc
  .tuple(
    example,
    fc.constantFrom(...ENCODINGS),
    fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.oneof(fc.constant<number[]>([0]), fc.constant<number[]>([0xef, 0xbb, 0xbf]), fc.constant<number[]>([0xff, 0xfe]), fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => [...b])) }), { maxLength: 4 }),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  )
  .map(([e, how, edits, cut]) => {
    let b = [...encode(e.text, how)];
    for (const { at, bytes } of edits) b.splice(Math.floor(b.length * at), 0, ...bytes);
    if (cut !== undefined) b = b.slice(0, Math.floor(b.length * cut));
    return { bytes: new Uint8Array(b), ext: e.ext };
  });

// ---- structure -----------------------------------------------------------------------------------

/** Parsed documents to mutate: the examples and a real disclosure. */
const TREES = ['examples/clean.yaml', 'examples/standard-budget-clean.yaml', 'test/fixtures/putuo-czj-2025-budget.yaml'].map((f) => load(readFileSync(path.join(root, f), 'utf8')));

/** Valid YAML of the wrong shape: a value of another type, a part deleted or doubled. */
const oddNode = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('1e400', 'NaN', '-0', '', '合计', '204', '20401', '100.00', '≥90%', '__proto__x', '2024', '-5', '1,234.5', '2024年', 'a-b'),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.constant([[1, 2], ['a']]),
  fc.constant({ amount: 'x', prior: [] }),
);

type Seg = string | number;
function paths(v: unknown, at: Seg[] = [], out: Seg[][] = []): Seg[][] {
  out.push(at);
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

export const restructured: fc.Arbitrary<Input> = fc
  .tuple(fc.nat({ max: TREES.length - 1 }), fc.array(fc.tuple(fc.nat(), oddNode, fc.nat({ max: 3 })), { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([t, edits, json]) => {
    const doc = structuredClone(TREES[t]) as Record<string, unknown>;
    for (const [pick, value, op] of edits) {
      const all = paths(doc).filter((p) => p.length > 0);
      if (!all.length) break;
      const at = all[pick % all.length]!;
      let parent = doc as Record<Seg, unknown>;
      for (const s of at.slice(0, -1)) parent = parent[s] as Record<Seg, unknown>;
      const last = at[at.length - 1]!;
      if (op === 0 && !Array.isArray(parent)) delete parent[last];
      else if (op === 1 && Array.isArray(parent)) parent.splice(Number(last), 0, structuredClone(parent[Number(last)]));
      else parent[last] = structuredClone(value);
    }
    return json ? { ext: 'json' as const, text: JSON.stringify(doc) } : { ext: 'yaml' as const, text: dump(doc, { noRefs: true }) };
  });
