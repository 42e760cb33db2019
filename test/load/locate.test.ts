/**
 * The locator reads values off their keys' lines and parses only the block items or top-level sections a report's
 * other paths lie in (src/load/locate.ts): every place it gives must be the place the whole-document parse gives, for
 * every node of real, generated and random documents, as value and as key, and for paths that run past the data.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NumberText } from '../../src/arith/decimal.js';
import type { Path } from '../../src/engine/path.js';
import { generateCorpus } from '../../src/generate/corpus.js';
import { createLocator, loadParser } from '../../src/load/locate.js';
import { parse } from '../../src/load/parse.js';

// createLocator is the synchronous core: the parser it may need is loaded first (locatorFor does that on demand)
await loadParser();

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
  // one locator per section, per item or key below it, per item below that, parsing parts without bound,
  // one for all paths at once, which parses parts until they cost the text's length, then the whole,
  // and one that parses one part, then the whole
  const all = createLocator(text, paths);
  const one = createLocator(text, paths, { partBudget: 0 });
  const differ: unknown[] = [];
  const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
  for (const prefix of [1, 2, 3]) {
    const groups = new Map<string, Path[]>();
    for (const p of paths) {
      const g = JSON.stringify(p.slice(0, prefix));
      groups.set(g, [...(groups.get(g) ?? []), p]);
    }
    for (const group of groups.values()) {
      const part = createLocator(text, group, { partBudget: Infinity });
      for (const p of group) {
        for (const at of ['value', 'key'] as const) {
          const w = whole(p, at);
          if (!same(part(p, at), w) || !same(all(p, at), w) || !same(one(p, at), w)) differ.push({ p, at, whole: w, part: part(p, at), all: all(p, at), one: one(p, at) });
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

  it('places the same in `- key:` items: comments before, between and after keys, first keys, keys at other indents', () => {
    const text = [
      'performance:',
      '  # before the first child',
      '  projects:',
      '# at column 0, before the first item',
      '    - name: 甲 # first key, with a comment',
      '      funds: 1.00',
      '      indicators:',
      '        # before the first row',
      '        - level1: 产出',
      '          value: "≤5元"',
      '          unit: 个',
      '',
      '        # between rows, at the rows\' indent',
      '        - level1: 效益',
      '          value: \'100%\'  # trailing',
      '      # after the last row, at the keys\' indent',
      '    # between projects',
      '    - name: 乙',
      '      note: plain text',
      '        going on',
      '      more: |',
      '        block',
      '        # not a comment',
      '      last: 1',
      '    - name:',
      '      funds: 2.00',
      '    - indicators:',
      '      - level1: compact',
      '      funds: 3.00',
      '    -  name: two spaces',
      '       funds: 4.00',
      '    - name: a',
      '      items: [1, 2]',
      '      goal: "多行',
      '        的目标"',
      '      after: x',
      '    - name: tail',
      '      a: 1',
      '# at column 0, after the items',
      '  # a comment below the items',
      '  title: 七',
    ].join('\n');
    for (const t of [text, text + '\n', text.replace(/\n/g, '\r\n') + '\r\n']) expect(expectSameAsWhole(t)).toBeGreaterThan(40);
  });

  it('reads the same as the whole parse off random values on their keys\' lines: scalars, flow collections, block scalars', () => {
    // values of characters that make a scalar plain, quoted, commented, flow, a block scalar, a collection, an error
    const alphabet = ['a', 'b', '甲', '1', '.', '-', '?', ':', ' ', ' ', '#', '"', "'", '\\', '[', ']', '{', '}', ',', '|', '>', '%', '@', '`', '\t', '~', '，', '　', '=', '/', '≤'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const chars = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const scalar = (): string => {
      const v = chars();
      const r = random();
      const line = r < 0.15 ? `"${v}"` : r < 0.3 ? `'${v}'` : r < 0.4 ? `${v} # c` : v;
      // one that reads as a value of its own (most do not)
      return parse(`k: ${line}`, 'yaml').ok ? line : scalar();
    };
    const flow = (): string => {
      const pad = () => (random() < 0.3 ? ' ' : '');
      const items = Array.from({ length: Math.floor(random() * 4) }, () => pad() + (random() < 0.3 ? `"${chars()}"` : chars()) + pad());
      const line = `[${items.join(',')}${random() < 0.2 ? ',' : ''}]${random() < 0.2 ? ' # c' : ''}`;
      return parse(`k: ${line}`, 'yaml').ok ? line : flow();
    };
    // a block scalar's lines at `indent`: blank, comment-like, less and more indented lines, a trailing blank
    const block = (indent: number): string => {
      const lines = [`${['|', '|-', '|+', '>', '>-'][Math.floor(random() * 5)]}${random() < 0.2 ? ' # c' : ''}`];
      for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++) {
        const r = random();
        const sp = ' '.repeat(indent + (r < 0.1 ? -1 : r < 0.2 ? 1 : 0));
        lines.push(r < 0.35 ? ['', ' ', `${sp}# like a comment`][Math.floor(random() * 3)]! : `${sp}${chars()}`);
      }
      return lines.join('\n');
    };
    const flowMap = (): string => {
      const pad = () => (random() < 0.3 ? ' ' : '');
      const keys = ['a', 'b', 'a', 'text', 'true', 'True', 'null', '1'];
      const pairs = Array.from({ length: Math.floor(random() * 4) }, () => `${pad()}${keys[Math.floor(random() * keys.length)]}:${random() < 0.9 ? ' ' : ''}${random() < 0.3 ? `"${chars()}"` : chars()}${pad()}`);
      const line = `{${pairs.join(',')}${random() < 0.2 ? ',' : ''}}${random() < 0.2 ? ' # c' : ''}`;
      return parse(`k: ${line}`, 'yaml').ok ? line : flowMap();
    };
    const value = (indent: number): string => {
      const r = random();
      return r < 0.45 ? scalar() : r < 0.65 ? flow() : r < 0.8 ? flowMap() : block(indent);
    };
    let placed = 0;
    for (let n = 0; n < 400; n++) {
      const text = [
        `top: ${value(2)}`,
        'sec:',
        `  k1: ${value(4)}`,
        `  k2: ${value(4)}`,
        '  list:',
        `    - first: ${value(8)}`,
        `      second: ${value(8)}`,
        '      # at the keys',
        '    # at the items',
        `    - first: ${value(8)}`,
        '',
        `      second: ${value(8)}`,
        `    - ${value(6)}`,
        `    - ${value(6)}`,
        `  last: ${value(4)}`,
        `end: ${value(2)}`,
      ].join('\n');
      if (!parse(text, 'yaml').ok) continue;
      expectSameAsWhole(random() < 0.2 ? text.replace(/\n/g, '\r\n') : text);
      placed++;
    }
    expect(placed).toBeGreaterThan(150);
  });

  it('places the same in random block documents: empty values, block scalars, flow rows, compact items, comments', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const scalars = ['1.00', '甲 乙', '"q"', "'s'", '', ' ', 'x # c', '[a, 1.00]', '{k: 1}', '~', 'a:b', '- x', '"多行\n  的值"', 'plain\n  going on', 'plain\n\n  after a blank'];
    const noise = (indent: number): string[] => {
      const r = random();
      return r < 0.1 ? [''] : r < 0.2 ? [' '.repeat(Math.floor(random() * (indent + 3))) + '# c'] : [];
    };
    const mapping = (indent: number, depth: number): string[] => {
      const sp = ' '.repeat(indent);
      const out: string[] = [];
      const keys = ['a', 'b', 'name', 'value', 'k1', 'rows'].filter(() => random() < 0.5);
      for (const key of keys.length ? keys : ['a']) {
        const r = random();
        if (r < 0.45 || depth > 2) out.push(`${sp}${key}: ${pick(scalars)}`.replace(/\n/g, `\n${sp}`));
        else if (r < 0.55) out.push(`${sp}${key}: ${pick(['|', '|+', '|-', '>'])}`, `${sp}  text`, ...(random() < 0.5 ? ['', `${sp}  more`] : ['']));
        else if (r < 0.75) out.push(`${sp}${key}:`, ...mapping(indent + 2, depth + 1));
        else {
          out.push(`${sp}${key}:`);
          const at = indent + (random() < 0.2 ? 0 : 2);
          for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) {
            const item = random();
            if (item < 0.5) {
              const lines = mapping(at + 2, depth + 1);
              out.push(' '.repeat(at) + '- ' + lines[0]!.slice(at + 2), ...lines.slice(1));
            } else out.push(' '.repeat(at) + '- ' + pick(['[a, 1.00]', '1.00', '""', 'x', '|\n' + ' '.repeat(at + 2) + 'text']));
            out.push(...noise(at));
          }
        }
        out.push(...noise(indent));
      }
      return out;
    };
    let placed = 0;
    for (let n = 0; n < 300; n++) {
      const text = mapping(0, 0).join('\n') + pick(['', '\n', '\n\n']);
      if (!parse(text, 'yaml').ok) continue;
      expectSameAsWhole(random() < 0.2 ? text.replace(/\n/g, '\r\n') : text);
      placed++;
    }
    expect(placed).toBeGreaterThan(100);
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
      'a:\n  True: 1\n  NULL: 2\n  k: 3\n',
    ]) {
      const whole = createLocator(text);
      for (const p of [['a', 0], ['a', 1], ['a', 2], ['a', 0, 'x'], ['a', 'k'], ['a', 'j'], ['a', 'm'], ['a', 'true'], ['a', 'q'], ['a', 'True'], ['a', 'NULL']] as Path[]) {
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

  it('places paths past the data as the whole parse does: past a flow row, into a scalar, a key for an item', () => {
    const text = 'sec:\n  rows:\n    - [a, 1.00]\n    - []\n    - x\n    - {a: 1, b: 2, a: 3}\n  total: [合计, "1.00"]\n  k: v\n  b: |\n    text\n  change: {amount: 1.00, rate: 2.00}\n';
    const whole = createLocator(text);
    const paths: Path[] = [
      ['sec', 'rows', 0, 2], ['sec', 'rows', 0, 'x'], ['sec', 'rows', 1, 0], ['sec', 'rows', 2, 0], ['sec', 'rows', 3], ['sec', 'rows', 'x'],
      ['sec', 'total', 2], ['sec', 'total', 1, 0], ['sec', 'k', 0], ['sec', 'k', 'x'], ['sec', 'b', 0], ['sec', 'missing'],
      ['sec', 'rows', 3, 'a'], ['sec', 'rows', 3, 'c'], ['sec', 'rows', 3, 0], ['sec', 'change', 'rate', 'x'], ['sec', 'change', 'reason'], ['sec', 'change', 0],
    ];
    for (const p of paths) {
      for (const at of ['value', 'key'] as const) expect([p, at, createLocator(text, [p])(p, at)]).toEqual([p, at, whole(p, at)]);
    }
  });

  it('answers a path outside the sections it was given', () => {
    const text = 'a:\n  k: 1\nb:\n  j: 2\n';
    expect(createLocator(text, [['a', 'k']])(['b', 'j'])).toEqual(createLocator(text)(['b', 'j']));
  });
});
