import { describe, expect, it } from '@jest/globals';
import { NumberText } from '../../src/arith/decimal.js';
import { decode } from '../../src/load/decode.js';
import { findDirectives } from '../../src/load/directives.js';
import { createLocator, loadParser } from '../../src/load/locate.js';
import { parse } from '../../src/load/parse.js';

// createLocator is the synchronous core: the parser it may need is loaded first (locatorFor does that on demand)
await loadParser();

describe('parse (fast path)', () => {
  it('keeps numbers as their source text, in YAML and JSON', () => {
    const y = parse('a: 12345678901234567.89\nb: 10.0\nc: "7"\n', 'yaml');
    expect(y.ok && y.data).toEqual({ a: new NumberText('12345678901234567.89'), b: new NumberText('10.0'), c: '7' });
    const j = parse('{"a": 12345678901234567.89, "b": [10.0, "x1"], "c": "2.50"}', 'json');
    expect(j.ok && j.data).toEqual({ a: new NumberText('12345678901234567.89'), b: [new NumberText('10.0'), 'x1'], c: '2.50' });
  });

  it('locates YAML syntax errors', () => {
    const r = parse('document:\n  year: 2021\n   kind: budget\n', 'yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(3);
      expect(r.error.zh).toMatch(/YAML 语法错误/);
    }
  });

  it('locates JSON syntax errors in the original text', () => {
    const r = parse('{\n  "a": 1,\n  "b": 2,,\n}', 'json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.offset).toBe(21);
  });

  it('reports duplicate keys', () => {
    const r = parse('a: 1\na: 2\n', 'yaml');
    expect(!r.ok && r.error.line).toBe(2);
  });

  it('bounds the work on alias bombs', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const r = parse(text, 'yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.en).toMatch(/alias bomb/);
  });

  it('does not pollute prototypes', () => {
    parse('__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\n', 'yaml');
    parse('{"__proto__": {"polluted": 1}}', 'json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives very deep nesting with an error, not a crash', () => {
    expect(parse('['.repeat(50000), 'json').ok).toBe(false);
    expect(parse('- '.repeat(5000) + 'x', 'yaml').ok).toBe(false);
  });
});

describe('decode', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decode(Buffer.from('\ufeffa: 1', 'utf8'))).toEqual({ text: 'a: 1', encoding: 'utf-8' });
  });
  it('decodes GBK (GB18030) when the bytes are not UTF-8', () => {
    const gbk = Buffer.from([0x61, 0x3a, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0xbe, 0xd6]); // "a: 测试局"
    expect(decode(gbk)).toEqual({ text: 'a: 测试局', encoding: 'gb18030' });
  });
  it('decodes UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 中', 'utf16le')]);
    expect(decode(le).text).toBe('a: 中');
  });
  it('refuses binary data', () => {
    expect(() => decode(Buffer.from([0x61, 0x00, 0x62]))).toThrow(/NUL/);
  });
});

describe('locate', () => {
  const text = 'document:\n  department: 某局\nincome:\n  total: 100.00\n  sources:\n    - 1\n    - 2\nitems:\n  - name: a\n    value: 3\n';
  const at = createLocator(text);
  it('maps a path to its value', () => {
    expect(at(['income', 'total'])).toMatchObject({ line: 4, column: 10, endLine: 4, endColumn: 16 });
    expect(at(['income', 'sources', 1])).toMatchObject({ line: 7, column: 7 });
    expect(at(['items', 0, 'value'])).toMatchObject({ line: 10, column: 12 });
  });
  it('maps a key when asked', () => {
    expect(at(['document', 'department'], 'key')).toMatchObject({ line: 2, column: 3 });
  });
  it('falls back to the nearest existing parent', () => {
    expect(at(['income', 'total', 'amount'])).toMatchObject({ line: 4, column: 10, resolvedDepth: 2 });
  });
  it('points a collection at its key', () => {
    expect(at(['income'])).toMatchObject({ line: 3, column: 1 });
  });
  it('handles CRLF line ends', () => {
    const crlf = createLocator(text.replace(/\n/g, '\r\n'));
    expect(crlf(['income', 'total'])).toMatchObject({ line: 4, column: 10 });
  });
  it('works on JSON', () => {
    const j = createLocator('{\n  "income": {\n    "total": 100.00\n  }\n}');
    expect(j(['income', 'total'])).toMatchObject({ line: 3, column: 14 });
  });
});

describe('directives', () => {
  it('reads disable-next-line with rules and a reason, skipping comment lines', () => {
    const d = findDirectives('a: 1\n# budgetlint-disable-next-line budget-balance, change-sum -- 已核实\n# another comment\nb: 2\n');
    expect(d).toEqual([
      { kind: 'disable-next-line', line: 2, column: 1, targetLine: 4, rules: ['budget-balance', 'change-sum'], justification: '已核实' },
    ]);
  });
  it('reads disable-line and an all-rules directive', () => {
    expect(findDirectives('b: 2 # budgetlint-disable-line\n')).toEqual([{ kind: 'disable-line', line: 1, column: 6, targetLine: 1, rules: [] }]);
  });
});
