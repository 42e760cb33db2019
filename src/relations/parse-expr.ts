/**
 * The relation language: a small, safe expression language over the model, parsed by hand (no eval).
 *
 *   total == basic + project                       (inside `each: T3.rows`: a row's cells by column key)
 *   T1.expenditure.total.amount == T3.total.total  (paths into tables)
 *   sum(T3.rows[level == 1].total) == T3.total.total
 *   total == sum(children.total)                   (children: the rows one level below this one)
 *
 * Grammar: comparison := sum (('=='|'<='|'>='|'<'|'>') sum)?; sum := product (('+'|'-') product)*;
 * product := unary (('*'|'/') unary)*; unary := '-' unary | primary; primary := number | string |
 * call | path | '(' expr ')'; path := name ('.' name | '[' ('*' | expr) ']')*; a filter expression is
 * evaluated with each element in scope; `and`, `or`, `not` combine filter conditions.
 *
 * `$col` (only where the relation runs over `columns`) stands for the column being checked: a name at
 * the head of a path or after a dot. It is resolved when the expression is evaluated, never pasted
 * into the text, so a column label is data whatever it holds ("2024年", "a-b", "__proto__").
 */

export type CompareOp = '==' | '<=' | '>=' | '<' | '>' | '!=';
export type Seg = { kind: 'key'; name: string } | { kind: 'all' } | { kind: 'filter'; expr: Expr };

export type Expr =
  | { type: 'num'; text: string; pos: number }
  | { type: 'str'; value: string; pos: number }
  | { type: 'path'; head: string; segs: Seg[]; pos: number }
  | { type: 'call'; name: string; args: Expr[]; pos: number }
  | { type: 'neg'; arg: Expr; pos: number }
  | { type: 'not'; arg: Expr; pos: number }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr; pos: number }
  | { type: 'cmp'; op: CompareOp; left: Expr; right: Expr; pos: number }
  | { type: 'logic'; op: 'and' | 'or'; left: Expr; right: Expr; pos: number };

export class ExprError extends Error {
  constructor(
    message: string,
    /** offset into the expression text */
    readonly pos: number,
  ) {
    super(message);
  }
}

type Tok = { t: 'num' | 'str' | 'name' | 'col' | 'op' | 'end'; v: string; pos: number };

/** The column placeholder, as a path's head or a key: no name of the language starts with "$". */
export const COLUMN = '$col';

export interface ParseOptions {
  /** `$col` is the column placeholder (the relation has `columns`); otherwise "$" is an unexpected character */
  column?: boolean;
}

const OPS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '(', ')', '[', ']', '.', ','];
/** Long enough for any relation a person writes; a bound keeps a hostile rule file from costing much. */
export const MAX_EXPR_LENGTH = 2000;

const NUMBER = /\d+(?:\.\d+)?/y;
const NAME = /[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5]*/y;
const COLUMN_TOKEN = /\$col(?![A-Za-z0-9_])/y;

function lex(src: string, opts: ParseOptions): Tok[] {
  if (src.length > MAX_EXPR_LENGTH) throw new ExprError(`expression longer than ${MAX_EXPR_LENGTH} characters`, 0);
  const out: Tok[] = [];
  let i = 0;
  // sticky patterns read at i: no copy of the rest of the text per token
  const at = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(src)?.[0];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = at(NUMBER);
    if (num) {
      out.push({ t: 'num', v: num, pos: i });
      i += num.length;
      continue;
    }
    const name = at(NAME);
    if (name) {
      out.push({ t: 'name', v: name, pos: i });
      i += name.length;
      continue;
    }
    if (opts.column && c === '$' && at(COLUMN_TOKEN)) {
      out.push({ t: 'col', v: COLUMN, pos: i });
      i += COLUMN.length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExprError('unterminated string', i);
      out.push({ t: 'str', v: src.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExprError(`unexpected character "${c}"`, i);
    out.push({ t: 'op', v: op, pos: i });
    i += op.length;
  }
  out.push({ t: 'end', v: '', pos: src.length });
  return out;
}

export const FUNCTIONS = ['sum', 'count', 'opt', 'exists', 'abs', 'len', 'label', 'startsWith', 'matches'];

/** Unknown functions are an error of the rule file, found when it is read, not when a document is linted. */
export function checkFunctions(e: Expr): void {
  switch (e.type) {
    case 'call':
      if (!FUNCTIONS.includes(e.name)) throw new ExprError(`unknown function ${e.name}(…); known: ${FUNCTIONS.join(', ')}`, e.pos);
      e.args.forEach(checkFunctions);
      return;
    case 'path':
      for (const s of e.segs) if (s.kind === 'filter') checkFunctions(s.expr);
      return;
    case 'neg':
    case 'not':
      checkFunctions(e.arg);
      return;
    case 'bin':
    case 'cmp':
    case 'logic':
      checkFunctions(e.left);
      checkFunctions(e.right);
      return;
    default:
      return;
  }
}

/** Whether an expression mentions `$col` (and so has a value per column). */
export function usesColumn(e: Expr): boolean {
  switch (e.type) {
    case 'path':
      return e.head === COLUMN || e.segs.some((s) => (s.kind === 'key' ? s.name === COLUMN : s.kind === 'filter' && usesColumn(s.expr)));
    case 'call':
      return e.args.some(usesColumn);
    case 'neg':
    case 'not':
      return usesColumn(e.arg);
    case 'bin':
    case 'cmp':
    case 'logic':
      return usesColumn(e.left) || usesColumn(e.right);
    default:
      return false;
  }
}

export function parseExpr(src: string, opts: ParseOptions = {}): Expr {
  const toks = lex(src, opts);
  let k = 0;
  const peek = () => toks[k]!;
  const next = () => toks[k++]!;
  const isOp = (v: string) => peek().t === 'op' && peek().v === v;
  const isWord = (v: string) => peek().t === 'name' && peek().v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExprError(`expected "${v}"${peek().t === 'end' ? ' before the end' : ` at "${peek().v}"`}`, peek().pos);
    next();
  };
  let depth = 0;

  // `and` binds tighter than `or`, as in SQL, Python and JavaScript
  function logic(): Expr {
    let left = andExpr();
    while (isWord('or')) {
      const t = next();
      left = { type: 'logic', op: 'or', left, right: andExpr(), pos: t.pos };
    }
    return left;
  }
  function andExpr(): Expr {
    let left = notExpr();
    while (isWord('and')) {
      const t = next();
      left = { type: 'logic', op: 'and', left, right: notExpr(), pos: t.pos };
    }
    return left;
  }
  function notExpr(): Expr {
    if (isWord('not')) {
      const t = next();
      return { type: 'not', arg: notExpr(), pos: t.pos };
    }
    return comparison();
  }
  function comparison(): Expr {
    const left = additive();
    const t = peek();
    if (t.t === 'op' && ['==', '!=', '<=', '>=', '<', '>'].includes(t.v)) {
      next();
      return { type: 'cmp', op: t.v as CompareOp, left, right: additive(), pos: t.pos };
    }
    return left;
  }
  function additive(): Expr {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const t = next();
      left = { type: 'bin', op: t.v as '+' | '-', left, right: product(), pos: t.pos };
    }
    return left;
  }
  function product(): Expr {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const t = next();
      left = { type: 'bin', op: t.v as '*' | '/', left, right: unary(), pos: t.pos };
    }
    return left;
  }
  function unary(): Expr {
    if (isOp('-')) {
      const t = next();
      return { type: 'neg', arg: unary(), pos: t.pos };
    }
    return primary();
  }
  function primary(): Expr {
    if (++depth > 64) throw new ExprError('expression nested too deeply', peek().pos);
    try {
      const t = next();
      if (t.t === 'num') return { type: 'num', text: t.v, pos: t.pos };
      if (t.t === 'str') return { type: 'str', value: t.v, pos: t.pos };
      if (t.t === 'op' && t.v === '(') {
        const e = logic();
        expect(')');
        return e;
      }
      if (t.t === 'name' || t.t === 'col') {
        if (t.t === 'name' && isOp('(')) {
          next();
          const args: Expr[] = [];
          if (!isOp(')')) {
            args.push(logic());
            while (isOp(',')) {
              next();
              args.push(logic());
            }
          }
          expect(')');
          return { type: 'call', name: t.v, args, pos: t.pos };
        }
        const segs: Seg[] = [];
        for (;;) {
          if (isOp('.')) {
            next();
            const n = next();
            if (n.t !== 'name' && n.t !== 'num' && n.t !== 'col') throw new ExprError('expected a name after "."', n.pos);
            segs.push({ kind: 'key', name: n.v });
          } else if (isOp('[')) {
            next();
            if (isOp('*')) {
              next();
              segs.push({ kind: 'all' });
            } else segs.push({ kind: 'filter', expr: logic() });
            expect(']');
          } else break;
        }
        return { type: 'path', head: t.v, segs, pos: t.pos };
      }
      throw new ExprError(t.t === 'end' ? 'unexpected end of expression' : `unexpected "${t.v}"`, t.pos);
    } finally {
      depth--;
    }
  }

  const e = logic();
  if (peek().t !== 'end') throw new ExprError(`unexpected "${peek().v}" after the expression`, peek().pos);
  return e;
}
