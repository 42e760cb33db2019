/**
 * The relation language's parser (src/relations/parse-expr.ts): precedence and associativity, paths
 * with [*] and [filter], calls, strings, and errors that say where (an offset into the expression).
 */
import { describe, expect, it } from '@jest/globals';
import { checkFunctions, ExprError, FUNCTIONS, MAX_EXPR_LENGTH, parseExpr, usesColumn, type Expr } from '../../src/relations/parse-expr.js';

/** An expression as a compact, fully parenthesised string: the tree without positions. */
function show(e: Expr): string {
  switch (e.type) {
    case 'num':
      return e.text;
    case 'str':
      return JSON.stringify(e.value);
    case 'path':
      return (
        e.head +
        e.segs.map((s) => (s.kind === 'key' ? `.${s.name}` : s.kind === 'all' ? '[*]' : `[${show(s.expr)}]`)).join('')
      );
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
    case 'neg':
      return `(-${show(e.arg)})`;
    case 'not':
      return `(not ${show(e.arg)})`;
    case 'bin':
    case 'cmp':
    case 'logic':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
}

const p = (src: string) => show(parseExpr(src));

/** The ExprError a source throws, with the offset it names. */
function errorOf(src: string, check = false): ExprError {
  try {
    const e = parseExpr(src);
    if (check) checkFunctions(e);
  } catch (e) {
    if (e instanceof ExprError) return e;
    throw e;
  }
  throw new Error(`expected "${src}" to be rejected`);
}

describe('precedence and associativity', () => {
  it('* and / bind tighter than + and -', () => {
    expect(p('a + b * c')).toBe('(a + (b * c))');
    expect(p('a * b + c')).toBe('((a * b) + c)');
    expect(p('a - b / c * d')).toBe('(a - ((b / c) * d))');
  });
  it('+ - * / are left-associative', () => {
    expect(p('a - b - c')).toBe('((a - b) - c)');
    expect(p('a / b / c')).toBe('((a / b) / c)');
    expect(p('a - b + c')).toBe('((a - b) + c)');
  });
  it('unary minus binds tighter than *, and nests', () => {
    expect(p('-a * b')).toBe('((-a) * b)');
    expect(p('a - -b')).toBe('(a - (-b))');
    expect(p('- - a')).toBe('(-(-a))');
  });
  it('comparisons bind looser than arithmetic, one per level', () => {
    expect(p('total == basic + project')).toBe('(total == (basic + project))');
    expect(p('a + b <= c * 2')).toBe('((a + b) <= (c * 2))');
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) expect(p(`a ${op} b`)).toBe(`(a ${op} b)`);
  });
  it('not binds looser than a comparison; and/or looser than not', () => {
    expect(p('not a == b')).toBe('(not (a == b))');
    expect(p('not a and b')).toBe('((not a) and b)');
    expect(p('level == 1 and count(children) > 0')).toBe('((level == 1) and (count(children) > 0))');
    expect(p('a and b and c')).toBe('((a and b) and c)');
  });
  it('parentheses override precedence', () => {
    expect(p('(a + b) * c')).toBe('((a + b) * c)');
    expect(p('a * (b - (c + d))')).toBe('(a * (b - (c + d)))');
    expect(p('((a))')).toBe('a');
  });
  // BUG: `and` and `or` share one precedence level and associate left to right, so `a or b and c`
  // means `(a or b) and c`. Every language a rule author knows (Python, SQL, JavaScript) reads it as
  // `a or (b and c)`: a filter like `level == 1 or level == 2 and code == '201'` silently selects
  // something else than it says.
  it('and binds tighter than or (a or b and c is a or (b and c))', () => {
    expect(p('a or b and c')).toBe('(a or (b and c))');
  });
  it('and/or of one level associate to the left', () => {
    expect(p('a or b or c')).toBe('((a or b) or c)');
  });
});

describe('primaries', () => {
  it('numbers keep their text, so no digit is lost', () => {
    const e = parseExpr('12345678901234567890.125');
    expect(e).toMatchObject({ type: 'num', text: '12345678901234567890.125' });
  });
  it('strings in either quote, with the other quote inside', () => {
    expect(parseExpr("'一、'")).toMatchObject({ type: 'str', value: '一、' });
    expect(parseExpr('"it\'s"')).toMatchObject({ type: 'str', value: "it's" });
    expect(p("startsWith(name, '其中')")).toBe('startsWith(name, "其中")');
  });
  it('names may be Chinese', () => {
    expect(p('合计 == 基本支出 + 项目支出')).toBe('(合计 == (基本支出 + 项目支出))');
  });
  it('calls with zero, one and several arguments, nested', () => {
    expect(parseExpr('count()')).toMatchObject({ type: 'call', name: 'count', args: [] });
    expect(p('sum(children.total)')).toBe('sum(children.total)');
    expect(p("matches(name, '^20[18]')")).toBe('matches(name, "^20[18]")');
    expect(p('abs(sum(a.b) - opt(c))')).toBe('abs((sum(a.b) - opt(c)))');
    expect(p('opt(a + b, c)')).toBe('opt((a + b), c)');
  });
});

describe('paths', () => {
  it('keys, [*] and filters, in any order', () => {
    expect(p('T1.income.total.amount')).toBe('T1.income.total.amount');
    expect(p('T3.rows[*].total')).toBe('T3.rows[*].total');
    expect(p('T3.rows[level == 1].total')).toBe('T3.rows[(level == 1)].total');
    expect(p('T3.rows[level == 1][code != "201"][*].basic')).toBe('T3.rows[(level == 1)][(code != "201")][*].basic');
  });
  it('a filter may hold and/or/not, calls and nested paths with filters', () => {
    expect(p('T3.rows[level == 1 and label(name) == label(each.name)].total')).toBe(
      'T3.rows[((level == 1) and (label(name) == label(each.name)))].total',
    );
    expect(p('T5.rows[not startsWith(code, "208")]')).toBe('T5.rows[(not startsWith(code, "208"))]');
    expect(p('a[b[c == 1].d > 0]')).toBe('a[(b[(c == 1)].d > 0)]');
  });
  it('a numeric key after a dot', () => {
    expect(parseExpr('rows.0')).toMatchObject({ type: 'path', head: 'rows', segs: [{ kind: 'key', name: '0' }] });
  });
  it('the path and the call record where they start', () => {
    const e = parseExpr('T2.total.total == sum(T1.income.rows.amount)');
    expect(e).toMatchObject({ type: 'cmp', pos: 15, left: { type: 'path', pos: 0 }, right: { type: 'call', pos: 18, args: [{ type: 'path', pos: 22 }] } });
  });
});

describe('errors say where', () => {
  it('an unterminated string, at its opening quote', () => {
    const e = errorOf("startsWith(name, '其中)");
    expect(e.message).toBe('unterminated string');
    expect(e.pos).toBe(17);
  });
  it('an unexpected character', () => {
    const e = errorOf('total == basic # project');
    expect(e.message).toContain('unexpected character "#"');
    expect(e.pos).toBe(15);
    // `$col` outside a relation over columns is not a name
    expect(errorOf('$col == sum(children.$col)').pos).toBe(0);
  });
  it('$col, in a relation over columns, is the column placeholder at the head of a path or after a dot', () => {
    expect(show(parseExpr('$col == sum(children.$col)', { column: true }))).toBe('($col == sum(children.$col))');
    expect(show(parseExpr('T2.total.$col', { column: true }))).toBe('T2.total.$col');
    expect(usesColumn(parseExpr('T2.rows[$col > 0].total', { column: true }))).toBe(true);
    expect(usesColumn(parseExpr('count(children) > 0', { column: true }))).toBe(false);
    // not a prefix of a longer name, and not a function
    expect(errorOf('$column == 1').pos).toBe(0);
    expect(() => parseExpr('$colx == 1', { column: true })).toThrow(ExprError);
  });
  it('an unexpected token, and one after a complete expression', () => {
    const a = errorOf('total == + basic');
    expect(a.message).toBe('unexpected "+"');
    expect(a.pos).toBe(9);
    const b = errorOf('total == basic project');
    expect(b.message).toBe('unexpected "project" after the expression');
    expect(b.pos).toBe(15);
    const c = errorOf('a == b == c');
    expect(c.message).toBe('unexpected "==" after the expression');
    expect(c.pos).toBe(7);
  });
  it('a missing closing parenthesis or bracket, and an early end', () => {
    const a = errorOf('sum(children.total');
    expect(a.message).toBe('expected ")" before the end');
    expect(a.pos).toBe(18);
    const b = errorOf('T3.rows[level == 1.total');
    expect(b.message).toMatch(/^expected "\]"/);
    const c = errorOf('total ==');
    expect(c.message).toBe('unexpected end of expression');
    expect(c.pos).toBe(8);
    expect(errorOf('').message).toBe('unexpected end of expression');
  });
  it('a dot not followed by a name', () => {
    const e = errorOf('T1.income.(total)');
    expect(e.message).toBe('expected a name after "."');
    expect(e.pos).toBe(10);
  });
  it('an unknown function is found by checkFunctions, at the call, anywhere in the tree', () => {
    // the parser itself accepts any call
    expect(() => parseExpr('summ(children.total) == total')).not.toThrow();
    const a = errorOf('summ(children.total) == total', true);
    expect(a.message).toContain('unknown function summ(…)');
    expect(a.message).toContain(FUNCTIONS.join(', '));
    expect(a.pos).toBe(0);
    const b = errorOf('total == sum(T3.rows[lvl(code) == 1].total)', true);
    expect(b.message).toContain('unknown function lvl(…)');
    expect(b.pos).toBe(21);
    const c = errorOf('not -max(a) > 0 and b', true);
    expect(c.message).toContain('unknown function max(…)');
    expect(c.pos).toBe(5);
    for (const f of FUNCTIONS) expect(() => checkFunctions(parseExpr(`${f}(a, b)`))).not.toThrow();
  });
  it('too long: more than MAX_EXPR_LENGTH characters, at 0', () => {
    const long = 'a' + ' + a'.repeat(MAX_EXPR_LENGTH / 4);
    expect(long.length).toBeGreaterThan(MAX_EXPR_LENGTH);
    const e = errorOf(long);
    expect(e.message).toBe(`expression longer than ${MAX_EXPR_LENGTH} characters`);
    expect(e.pos).toBe(0);
    // exactly the limit is fine
    expect(() => parseExpr('a'.repeat(MAX_EXPR_LENGTH))).not.toThrow();
    expect(() => parseExpr('a'.repeat(MAX_EXPR_LENGTH + 1))).toThrow(ExprError);
  });
  it('too deep: nesting beyond 64 levels, at the token where it happens', () => {
    expect(() => parseExpr('('.repeat(60) + 'a' + ')'.repeat(60))).not.toThrow();
    const e = errorOf('('.repeat(70) + 'a' + ')'.repeat(70));
    expect(e.message).toBe('expression nested too deeply');
    expect(e.pos).toBe(64);
    const f = errorOf('sum('.repeat(70) + 'a' + ')'.repeat(70));
    expect(f.message).toBe('expression nested too deeply');
    const g = errorOf('a' + '[b'.repeat(70) + ']'.repeat(70));
    expect(g.message).toBe('expression nested too deeply');
  });
  it('long chains of prefix operators stay within the length bound and do not overflow the stack', () => {
    expect(() => parseExpr('-'.repeat(MAX_EXPR_LENGTH - 1) + 'a')).not.toThrow();
    expect(() => parseExpr('not '.repeat(MAX_EXPR_LENGTH / 4 - 1) + 'a')).not.toThrow();
  });
});
