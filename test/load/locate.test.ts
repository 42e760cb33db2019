/**
 * The locator parses only the block items or top-level sections a report's paths lie in (src/load/locate.ts): every
 * place it gives must be the place the whole-document parse gives, for every node of real and
 * generated documents, as value and as key, and for paths that run past the data.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NumberText } from '../../src/arith/decimal.js';
import type { Path } from '../../src/engine/path.js';
import { generateCorpus } from '../../src/generate/corpus.js';
import { MAX_PARTED_PATHS, createLocator } from '../../src/load/locate.js';
import { parse } from '../../src/load/parse.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every path to a node of the data, and one past each leaf. */
function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v !== null && typeof v === 'object' && !(v instanceof NumberText)) {
    for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  } else out.push([...at, 'missing']);
  return out;
}

function expectSameAsWhole(text: string): number {
  const parsed = parse(text, 'yaml');
  if (!parsed.ok) throw new Error(parsed.error.en);
  const whole = createLocator(text);
  const paths = pathsOf(parsed.data).filter((p) => p.length > 0);
  // one locator per section, per item or key below it, per item below that, and one for all paths at once
  const all = createLocator(text, paths);
  const differ: unknown[] = [];
  const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
  for (const prefix of [1, 2, 3]) {
    const groups = new Map<string, Path[]>();
    for (const p of paths) {
      const g = JSON.stringify(p.slice(0, prefix));
      groups.set(g, [...(groups.get(g) ?? []), p]);
    }
    // in chunks the locator still parses by parts (past MAX_PARTED_PATHS it parses the whole text)
    const chunks = [...groups.values()].flatMap((g) => Array.from({ length: Math.ceil(g.length / MAX_PARTED_PATHS) }, (_, i) => g.slice(i * MAX_PARTED_PATHS, (i + 1) * MAX_PARTED_PATHS)));
    for (const group of chunks) {
      const part = createLocator(text, group);
      for (const p of group) {
        for (const at of ['value', 'key'] as const) {
          const w = whole(p, at);
          if (!same(part(p, at), w) || !same(all(p, at), w)) differ.push({ p, at, whole: w, part: part(p, at), all: all(p, at) });
        }
      }
    }
  }
  expect(differ).toEqual([]);
  return paths.length;
}

describe('locating by sections', () => {
  const files = [
    ...readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(root, 'examples', f)),
    ...readdirSync(path.join(root, 'test/fixtures')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(root, 'test/fixtures', f)),
  ];
  it.each(files.map((f) => [path.relative(root, f), f]))('places every node of %s as the whole parse does', (_name, file) => {
    expect(expectSameAsWhole(readFileSync(file, 'utf8'))).toBeGreaterThan(10);
  });

  it('places every node of generated documents as the whole parse does', () => {
    for (const f of generateCorpus({ count: 12, seed: 'locate-sections', rate: 0.5 }).files) expectSameAsWhole(f.text);
  });

  it('places the same with CRLF line ends, comments and blank lines between sections', () => {
    const text = '# head\ndocument:\n  department: 某局 # note\n\n# between\nincome:\n  total: 100.00\n  items:\n    - {a: 1, b: [2, 3]}\n    - |\n      text\n';
    expectSameAsWhole(text);
    expectSameAsWhole(text.replace(/\n/g, '\r\n'));
  });

  it('places the same for tricky block items: compact mappings, flow rows, nested sequences, comments, CRLF, no final newline', () => {
    const text = [
      'tables:',
      '  - title: "表一"',
      '    rows:',
      '      - [a, 1.00]',
      '      # between rows',
      '      - [b, 2.00]  # trailing',
      '',
      '      - - x',
      '        - y',
      '      -',
      '        - z',
      '    total: [合计, 3.00]',
      '  # between items',
      '  - [a, b]',
      '  - {k: 1,',
      '     j: 2}',
      '  - plain',
      '    continued',
      '# at column 0',
      '  - |',
      '    block',
      '',
      '  - - - deep',
      '      - deeper',
      'performance:',
      '  title: 七',
      '  empty:',
      '  projects:',
      '    - title: 甲',
      '      funds: 1.00',
      '    - title: 乙',
      '      indicators:',
      '        - {name: n, value: 1}',
      '  department:',
      '    indicators:',
      '    - {name: compact}',
      '    - {name: compact2}',
      '    goal: "多行',
      '      的目标"',
      '    text: >',
      '      folded',
      '  last: [x, y]',
    ].join('\n');
    for (const t of [text, text + '\n', text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r\n') + '\r\n']) expect(expectSameAsWhole(t)).toBeGreaterThan(40);
  });

  it('falls back to the section where items cannot be parsed alone', () => {
    // a quoted string or flow row running onto an item line, a closing bracket at the item indent, a tab
    for (const text of [
      'a:\n  - x: "foo\n  - bar"\n  - 3\n',
      'a:\n  - [foo,\n  ]\n  - 3\n',
      'a:\n  k: "one\n  j: two"\n  m: 1\n',
      'a:\n  - 1\n\t- 2\n',
      'a:\n  k: 1\n  "q": 2\n  m: 3\n',
      'a:\n  true: 1\n  True: 2\n',
      'a:\n  k: 1\n  k: 2\n',
    ]) {
      const whole = createLocator(text);
      for (const p of [['a', 0], ['a', 1], ['a', 2], ['a', 0, 'x'], ['a', 'k'], ['a', 'j'], ['a', 'm'], ['a', 'true'], ['a', 'q']] as Path[]) {
        for (const at of ['value', 'key'] as const) expect(createLocator(text, [p])(p, at)).toEqual(whole(p, at));
      }
    }
  });

  it('falls back to the whole document where sections cannot be parsed alone', () => {
    // an alias reaching into another section, a quoted string running over a top-level line, JSON, a document marker
    for (const text of [
      'a: &x\n  k: 1\nb: *x\n',
      '---\na:\n  k: 1\nb: 2\n',
      '{"a": {"k": 1}, "b": 2}',
      'a: "one\ntwo"\nb: 1\n',
    ]) {
      const whole = createLocator(text);
      const part = createLocator(text, [['b'], ['a', 'k']]);
      for (const p of [['b'], ['a', 'k'], ['b', 'k']] as Path[]) expect(part(p)).toEqual(whole(p));
    }
  });

  it('answers a path outside the sections it was given', () => {
    const text = 'a:\n  k: 1\nb:\n  j: 2\n';
    expect(createLocator(text, [['a', 'k']])(['b', 'j'])).toEqual(createLocator(text)(['b', 'j']));
  });
});
