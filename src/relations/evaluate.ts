/**
 * Evaluating relation expressions over the model. Every number is an interval in 元 that remembers the
 * stated figures it came from (its terms), so a failed relation can show each term with its value and
 * place. Anything missing makes the relation not applicable: nothing is reported.
 *
 * An expression is compiled once into closures (no walk over its tree per row and column), a table cell's
 * number is made once per document (cached on its CellRef), and a comparison is decided on exact integers
 * where the figures allow (Num): a document evaluates thousands of relation instances, and Decimals are
 * what they cost.
 */
import { Decimal } from 'decimal.js';
import { compare, type Comparison } from '../arith/compare.js';
import { decimalsOf } from '../arith/decimal.js';
import { addUnits, cmpDecimal, cmpUnits, timesUnits, unitsOfText } from '../arith/exact.js';
import { Interval } from '../arith/interval.js';
import { moneyExponent, moneyFactor, type MoneyUnit } from '../arith/units.js';
import type { Path } from '../engine/path.js';
import { isStated, type Stated } from '../model/scalars.js';
import { schemaAt, shortLabel } from '../model/introspect.js';
import { COLUMN, ExprError, type CompareOp, type Expr, type Seg } from './parse-expr.js';
import type { CellRef, GridView, RowView, TableView } from './view.js';
import { ownCopy } from '../text/own-copy.js';

/** A stated figure a number came from. Its label is built only when a finding shows it. */
export interface TermRef {
  readonly label: string;
  readonly path: Path;
  readonly text: string;
  readonly unit: MoneyUnit;
}

/** How a number is made: what its point, interval and terms are worked out from when asked for. */
const KNOWN = 0;
const STATED = 1;
const PLUS = 2;
const MINUS = 3;
const TIMES = 4;
const NEG = 5;
const SUM = 6;
type How = typeof KNOWN | typeof STATED | typeof PLUS | typeof MINUS | typeof TIMES | typeof NEG | typeof SUM;

/**
 * A number: its point, the interval its figures' rounding allows, and the figures it came from.
 *
 * Most relations hold on the points alone (equal points are consistent), and most are never reported, so
 * a number keeps how it was made (a stated figure, an operation on two numbers, a sum) and works out its
 * Decimal point, its interval and its terms only when asked: a comparison is decided on `units` and
 * `places` (src/arith/exact.ts) whenever they are known, which for figures of up to 15 digits is always.
 * The point, when asked for, is the interval's point, so what a finding shows does not depend on what was
 * decided without it.
 * One object per number, no closure: a document evaluates thousands of relation instances.
 */
export class Num {
  #point: Decimal | undefined = undefined;
  #iv: Interval | undefined = undefined;
  #terms: readonly TermRef[] | undefined = undefined;
  /** what it is made of, by `how`: STATED: the Stated; PLUS…NEG: the first operand; SUM: the items */
  private x: Num | Stated | readonly Num[] | undefined = undefined;
  /** STATED: its term (whose unit is the figure's); PLUS, MINUS, TIMES: the second operand; KNOWN: the terms */
  private y: Num | TermRef | readonly TermRef[] | undefined = undefined;

  private constructor(
    /** the exact value is units·10^−places while units is a safe integer; NaN: only the point knows it */
    readonly units: number,
    readonly places: number,
    private readonly how: How,
  ) {}

  /** A number whose interval is known already (a constant, a quotient, an absolute value). */
  static known(iv: Interval, terms: readonly TermRef[], units = NaN, places = 0): Num {
    const n = new Num(units, places, KNOWN);
    n.#iv = iv;
    n.#point = iv.point;
    n.y = terms;
    return n;
  }

  /** A stated figure in 元, in its term's unit: Interval.stated(…).scale(…), whose point is the value times the unit. */
  static stated(s: Stated, term: TermRef): Num {
    // the text is what the value was read from (src/model/scalars.ts); 万元 and 亿元 shift the places
    const n = new Num(unitsOfText(s.text), s.decimals - moneyExponent(term.unit), STATED);
    n.x = s;
    n.y = term;
    return n;
  }

  static arith(op: '+' | '-' | '*', a: Num, b: Num): Num {
    const n =
      op === '*'
        ? new Num(timesUnits(a.units, b.units), a.places + b.places, TIMES)
        : new Num(addUnits(a.units, a.places, op === '+' ? b.units : -b.units, b.places), Math.max(a.places, b.places), op === '+' ? PLUS : MINUS);
    n.x = a;
    n.y = b;
    return n;
  }

  static negated(a: Num): Num {
    const n = new Num(-a.units, a.places, NEG);
    n.x = a;
    return n;
  }

  /** The sum of the items, added up from 0 in their order. */
  static sum(items: readonly Num[]): Num {
    let units = 0;
    let places = 0;
    for (const it of items) {
      units = addUnits(units, places, it.units, it.places);
      if (it.places > places) places = it.places;
    }
    const n = new Num(units, places, SUM);
    n.x = items;
    return n;
  }

  get point(): Decimal {
    return (this.#point ??= this.iv.point);
  }

  get iv(): Interval {
    return (this.#iv ??= this.makeIv());
  }

  /** on the prototype rather than in each of the many numbers */
  get kind(): 'num' {
    return 'num';
  }

  /**
   * The stated figures it came from, gathered when read (only a reported relation reads them). Never
   * changed once made: a list may be shared between numbers.
   */
  get terms(): readonly TermRef[] {
    // kept once made: a left-nested a + b + c + … reads its operands' lists again at every level
    return (this.#terms ??= this.makeTerms());
  }

  private makeTerms(): readonly TermRef[] {
    switch (this.how) {
      case STATED:
        return [this.y as TermRef];
      case PLUS:
      case MINUS:
      case TIMES:
        return termsOf(this.x as Num, this.y as Num);
      case NEG:
        return (this.x as Num).terms;
      case SUM: {
        const terms: TermRef[] = [];
        for (const it of this.x as readonly Num[]) for (const t of it.terms) terms.push(t);
        return terms;
      }
      default:
        return this.y as readonly TermRef[];
    }
  }

  /** Zero, decided on the units when they are known. */
  isZero(): boolean {
    return this.units === this.units ? this.units === 0 : this.point.isZero();
  }

  private makeIv(): Interval {
    switch (this.how) {
      case STATED: {
        const s = this.x as Stated;
        return Interval.stated(s.value, s.decimals).scale(moneyFactor((this.y as TermRef).unit));
      }
      case PLUS:
        return (this.x as Num).iv.plus((this.y as Num).iv);
      case MINUS:
        return (this.x as Num).iv.minus((this.y as Num).iv);
      case TIMES:
        return (this.x as Num).iv.times((this.y as Num).iv);
      case NEG:
        return (this.x as Num).iv.negate();
      case SUM: {
        let iv = ZERO_IV;
        for (const it of this.x as readonly Num[]) iv = iv.plus(it.iv);
        return iv;
      }
      default:
        throw new Error('a known number has its interval');
    }
  }
}

const ZERO_IV = Interval.exact(0);

/**
 * The ordering of two numbers' points (−1, 0, 1; NaN for a NaN), a.point.cmp(b.point): from their units
 * when both are known and can be brought to the same places, else from the Decimals.
 */
function cmpNum(a: Num, b: Num): number {
  const k = cmpUnits(a.units, a.places, b.units, b.places);
  return k === k ? k : cmpDecimal(a.point, b.point);
}

export interface List {
  kind: 'list';
  items: Val[];
}

export type Val = Num | List | RowView | GridView | TableView | { kind: 'object'; value: Record<string, unknown>; path: Path } | string | boolean | undefined;

export interface Scope {
  lookup(name: string): Val;
  docUnit: MoneyUnit;
}

const isNum = (v: Val): v is Num => v instanceof Num;
const isList = (v: Val): v is List => typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'list';
const isRow = (v: Val): v is RowView => typeof v === 'object' && v !== null && 'cells' in v;
const isGrid = (v: Val): v is GridView => typeof v === 'object' && v !== null && 'columns' in v && 'rows' in v && !('kind' in v);
const isTable = (v: Val): v is TableView => typeof v === 'object' && v !== null && 'main' in v;
/** A figure of the narrative, named as the reader knows it: 说明 基本支出. */
function modelLabel(path: Path): string {
  const s = schemaAt(path.filter((p) => p !== 'amount'));
  return `说明 ${(s && shortLabel(s)) ?? path.join('.')}`;
}

/** A narrative figure as a term: reading its label off the schema waits until a finding shows it. */
class ModelTerm implements TermRef {
  #label?: string;
  constructor(
    readonly path: Path,
    readonly text: string,
    readonly unit: MoneyUnit,
  ) {}
  get label(): string {
    return (this.#label ??= modelLabel(this.path));
  }
}

const bareNames = new Map<string, string>();

export function bareName(name: string): string {
  let b = bareNames.get(name);
  if (b === undefined) {
    // on a copy: a kept slice of the file (or a result made of one) would keep the file alive
    name = ownCopy(name);
    b = name.replace(/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])\s*/, '').replace(/\s+/g, '');
    // names repeat across rows, relations and documents; the bound keeps a hostile document from growing it
    if (bareNames.size >= 10_000) bareNames.clear();
    bareNames.set(name, b);
  }
  return b;
}

const NO_TERMS: readonly TermRef[] = [];

export function exact(n: Decimal.Value): Num {
  const iv = Interval.exact(n);
  if (typeof n === 'number') return Num.known(iv, NO_TERMS, Number.isSafeInteger(n) ? n : NaN, 0);
  if (typeof n === 'string') return Num.known(iv, NO_TERMS, unitsOfText(n), decimalsOf(n));
  return Num.known(iv, NO_TERMS);
}

/** Levels, counts and lengths are small integers, each evaluated many times: one number each. */
const smallInts: Num[] = [];
function int(n: number): Num {
  if (n >= 0 && n < 256) return (smallInts[n] ??= exact(n));
  return exact(n);
}

/** A figure of the narrative in 元, with the rounding it was written with. */
function statedNum(s: Stated, unit: MoneyUnit, path: Path): Num {
  return Num.stated(s, new ModelTerm(path, s.text, unit));
}

/** A table cell's number, made once: the cell is its own term (a blank one is an exact 0). */
function cellNum(cell: CellRef): Num {
  if (cell.num) return cell.num;
  if (cell.stated) return (cell.num = Num.stated(cell.stated, cell));
  return (cell.num = Num.known(ZERO_IV, [cell], 0, 0));
}

/** A row's own fields: its cells by column key, code, name, level, children; undefined otherwise. */
function rowField(row: RowView, name: string): Val {
  if (name === 'code') return row.code;
  if (name === 'name') return row.name;
  if (name === 'level') return int(row.level);
  if (name === 'children') return listOf(row.children);
  const cell = row.cells.get(name);
  return cell ? cellNum(cell) : undefined;
}

/** Inside `each` or a filter, a bare name is the row's field, and otherwise what the enclosing scope sees. */
class RowScope implements Scope {
  readonly docUnit: MoneyUnit;
  constructor(
    /** set before any lookup (a filter moves one scope along its rows) */
    public row: RowView | undefined,
    private readonly parent: Scope,
  ) {
    this.docUnit = parent.docUnit;
  }
  lookup(name: string): Val {
    const row = this.row!;
    const own = rowField(row, name);
    return own !== undefined || row.cells.has(name) ? own : this.parent.lookup(name);
  }
}

/** The scope of `each`: the row's fields, and the row itself as `each`, which filters inside can still see. */
class EachScope implements Scope {
  readonly docUnit: MoneyUnit;
  constructor(
    private readonly item: Val,
    private readonly inner: Scope,
  ) {
    this.docUnit = inner.docUnit;
  }
  lookup(name: string): Val {
    return name === 'each' ? this.item : this.inner.lookup(name);
  }
}

export function itemScope(item: Val, parent: Scope): Scope {
  return isRow(item) ? new RowScope(item, parent) : parent;
}

export function eachScope(item: Val, parent: Scope): Scope {
  return new EachScope(item, itemScope(item, parent));
}

function listOf(items: Val[]): List {
  return { kind: 'list', items };
}

/**
 * `list.key`: that field of each item. Not kept: no two relations of the catalogue read the same field of
 * the same rows, and keeping each list cost more (a WeakMap entry per row's children) than making it.
 */
function listMember(v: List, key: string, scope: Scope): List {
  return { kind: 'list', items: v.items.map((x) => member(x, key, scope)) };
}

function member(v: Val, key: string, scope: Scope): Val {
  if (v === undefined) return undefined;
  if (isList(v)) return listMember(v, key, scope);
  if (isTable(v)) {
    if (key === 'income') return v.income;
    if (key === 'expenditure') return v.expenditure;
    if (key === 'note') return v.note;
    return member(v.main, key, scope);
  }
  if (isGrid(v)) {
    if (key === 'rows') return listOf(v.rows);
    if (key === 'allrows') return { kind: 'list', items: v.total ? [...v.rows, v.total] : v.rows };
    if (key === 'total') return v.total;
    if (key === 'subtotal') return v.subtotal;
    if (key === 'current') return listOf(v.current);
    return undefined;
  }
  if (isRow(v)) return rowField(v, key);
  if (typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'object') {
    // a key may be a column label ($col): only the model's own fields, never Object.prototype's
    const inner = Object.hasOwn(v.value, key) ? v.value[key] : undefined;
    const path = [...v.path, key];
    if (isStated(inner)) return statedNum(inner, scope.docUnit, path);
    // a figure used as a number is its amount (asNum)
    if (inner && typeof inner === 'object') return { kind: 'object', value: inner as Record<string, unknown>, path };
    return typeof inner === 'string' ? inner : undefined;
  }
  return undefined;
}

/** A figure object where a number is wanted stands for its amount. */
function asNum(v: Val, scope: Scope): Num | undefined {
  if (isNum(v)) return v;
  if (isRow(v) || isList(v) || v === undefined) return undefined;
  if (typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'object') {
    const a = Object.hasOwn(v.value, 'amount') ? v.value.amount : undefined;
    return isStated(a) ? statedNum(a, scope.docUnit, [...v.path, 'amount']) : undefined;
  }
  return undefined;
}

function truthy(v: Val): boolean {
  if (typeof v === 'boolean') return v;
  if (isNum(v)) return !v.isZero();
  if (isList(v)) return v.items.length > 0;
  return v !== undefined && v !== '';
}

/** Both numbers' terms; a constant has none, and terms are never changed, so one side's list is shared as it is. */
function termsOf(a: Num, b: Num): readonly TermRef[] {
  const at = a.terms;
  const bt = b.terms;
  if (bt.length === 0) return at;
  if (at.length === 0) return bt;
  return [...at, ...bt];
}

function arith(op: '+' | '-' | '*' | '/', a: Num, b: Num, pos: number): Num | undefined {
  switch (op) {
    case '+':
    case '-':
    case '*':
      return Num.arith(op, a, b);
    case '/': {
      // whether the divisor's interval holds 0 decides: the interval is needed now
      const iv = a.iv.dividedBy(b.iv);
      if (!iv) return undefined;
      return Num.known(iv, termsOf(a, b));
    }
  }
  throw new ExprError(`unknown operator ${op}`, pos);
}

/** A comparison at the top of an expression: what a relation asserts. */
export class Check {
  #comparison?: Comparison;
  constructor(
    readonly op: CompareOp,
    readonly left: Num,
    readonly right: Num,
    readonly outcome: 'consistent' | 'rounding' | 'inconsistent',
  ) {}
  /** the figures, gap and tolerance, worked out only for a relation that is reported */
  get comparison(): Comparison {
    return (this.#comparison ??= compare(this.left.iv, this.right.iv));
  }
}

/**
 * The outcome compare() would give, without its arithmetic: equal points are consistent; `==` is
 * rounding when the intervals overlap; an order holds unless the intervals rule it out (what rounding
 * could make true is not an error).
 *
 * An interval holds its point (lo ≤ point ≤ hi), so an order the points already satisfy is satisfied by
 * the ends too: the intervals are worked out only when the points do not settle it, which most relations
 * never need.
 */
function outcomeOf(op: CompareOp, a: Num, b: Num): Check['outcome'] {
  switch (op) {
    // decimal.js's lte/lt/gte/gt/eq are cmp ≤ 0, < 0, ≥ 0, > 0, = 0, each false for NaN: so are these
    case '<=':
      return cmpNum(a, b) <= 0 || !(cmpDecimal(a.iv.lo, b.iv.hi) > 0) ? 'consistent' : 'inconsistent';
    case '<':
      return cmpNum(a, b) < 0 || !(cmpDecimal(a.iv.lo, b.iv.hi) >= 0) ? 'consistent' : 'inconsistent';
    case '>=':
      return cmpNum(a, b) >= 0 || !(cmpDecimal(a.iv.hi, b.iv.lo) < 0) ? 'consistent' : 'inconsistent';
    case '>':
      return cmpNum(a, b) > 0 || !(cmpDecimal(a.iv.hi, b.iv.lo) <= 0) ? 'consistent' : 'inconsistent';
    case '!=':
      return cmpNum(a, b) === 0 ? 'inconsistent' : 'consistent';
    case '==':
      return cmpNum(a, b) === 0 ? 'consistent' : a.iv.overlaps(b.iv) ? 'rounding' : 'inconsistent';
  }
}

export function isCheck(v: Val | Check): v is Check {
  return v instanceof Check;
}

/** Work per evaluation is bounded: a relation over a huge table stops rather than hangs. */
export const MAX_STEPS = 1_000_000;

/** One evaluation: the column `$col` stands for, and the steps left. */
interface Env {
  col: string;
  steps: number;
}

type Fn = (scope: Scope, env: Env) => Val;
type TopFn = (scope: Scope, env: Env) => Val | Check;

/** A compiled expression: its value in a scope, for one column (`$col`); a comparison at the top gives a Check. */
export type Compiled = (scope: Scope, col?: string) => Val | Check;

export function compile(e: Expr): Compiled {
  const fn = node(e, true);
  return (scope, col = '') => fn(scope, { col, steps: MAX_STEPS });
}

/** Compiles and evaluates once (tests, one-off use). */
export function evaluate(e: Expr, scope: Scope, col = ''): Val | Check {
  return compile(e)(scope, col);
}

/** Each node counts one step each time it is evaluated, as a walk over the tree would. */
function stepped(pos: number, f: Fn): Fn {
  return (scope, env) => {
    if (--env.steps < 0) throw new ExprError('evaluation took too many steps', pos);
    return f(scope, env);
  };
}

/**
 * `top`: the node is the whole expression, where a comparison is a Check; anywhere inside, a comparison
 * is only true or false (false: the figures rule the relation out) or undefined (not applicable).
 */
function node(e: Expr, top: false): Fn;
function node(e: Expr, top: boolean): TopFn;
function node(e: Expr, top: boolean): TopFn {
  switch (e.type) {
    case 'num': {
      const n = exact(e.text);
      return stepped(e.pos, () => n);
    }
    case 'str': {
      const s = e.value;
      return stepped(e.pos, () => s);
    }
    case 'path':
      return pathNode(e.head, e.segs, e.pos);
    case 'call':
      return callNode(e.name, e.args, e.pos);
    case 'neg': {
      const arg = node(e.arg, false);
      return stepped(e.pos, (scope, env) => {
        const a = asNum(arg(scope, env), scope);
        return a && Num.negated(a);
      });
    }
    case 'not': {
      const arg = node(e.arg, false);
      return stepped(e.pos, (scope, env) => !truthy(arg(scope, env)));
    }
    case 'logic': {
      const left = node(e.left, false);
      const right = node(e.right, false);
      const and = e.op === 'and';
      return stepped(e.pos, (scope, env) => {
        const l = truthy(left(scope, env));
        if (and && !l) return false;
        if (!and && l) return true;
        return truthy(right(scope, env));
      });
    }
    case 'bin': {
      const left = node(e.left, false);
      const right = node(e.right, false);
      const { op, pos } = e;
      return stepped(pos, (scope, env) => {
        const l = left(scope, env);
        const r = right(scope, env);
        if (isList(l) || isList(r)) throw new ExprError('a list cannot take part in arithmetic: use sum(…)', pos);
        const a = asNum(l, scope);
        const b = asNum(r, scope);
        return a && b ? arith(op, a, b, pos) : undefined;
      });
    }
    case 'cmp': {
      const left = node(e.left, false);
      const right = node(e.right, false);
      const op = e.op;
      const f: TopFn = (scope, env) => {
        const l = left(scope, env);
        const r = right(scope, env);
        if (typeof l === 'string' || typeof r === 'string') return op === '==' ? l === r : op === '!=' ? l !== r : undefined;
        const a = asNum(l, scope);
        const b = asNum(r, scope);
        if (!a || !b) return undefined;
        const outcome = outcomeOf(op, a, b);
        return top ? new Check(op, a, b, outcome) : outcome !== 'inconsistent';
      };
      return stepped(e.pos, f as Fn);
    }
  }
}

function pathNode(head: string, segs: Seg[], pos: number): Fn {
  const steps = segs.map((seg): ((v: Val, scope: Scope, env: Env) => Val) => {
    if (seg.kind === 'key') {
      const name = seg.name;
      return name === COLUMN ? (v, scope, env) => member(v, env.col, scope) : (v, scope) => member(v, name, scope);
    }
    if (seg.kind === 'all') return (v) => (isList(v) ? v : undefined);
    const filter = node(seg.expr, false);
    return (v, scope, env) => (isList(v) ? filtered(v, filter, scope, env) : undefined);
  });
  return stepped(pos, (scope, env) => {
    let v: Val = scope.lookup(head === COLUMN ? env.col : head);
    for (const step of steps) {
      if (v === undefined) return undefined;
      v = step(v, scope, env);
    }
    return v;
  });
}

/** `list[condition]`: the items for which the condition holds, each seen with its own fields in scope. */
function filtered(v: List, filter: Fn, scope: Scope, env: Env): List {
  const items: Val[] = [];
  // one row scope for the pass, moved from row to row: nothing an evaluation gives keeps its scope
  const rowScope = new RowScope(undefined, scope);
  for (const it of v.items) {
    let s = scope;
    if (isRow(it)) {
      rowScope.row = it;
      s = rowScope;
    }
    if (truthy(filter(s, env))) items.push(it);
  }
  return { kind: 'list', items };
}

/** Patterns of matches(…), compiled once each. */
const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source);
    if (patterns.size >= 1000) patterns.clear();
    patterns.set(source, re);
  }
  return re;
}

const ZERO = exact(0);

/**
 * The functions read at most their first two arguments, so those are passed as they are, without an array
 * per call; every argument is still evaluated (and counts its steps), as written.
 */
function callNode(name: string, argExprs: Expr[], pos: number): Fn {
  const args = argExprs.map((a) => node(a, false));
  const fn = FUNCTIONS[name];
  return stepped(pos, (scope, env) => {
    const a = args.length > 0 ? args[0]!(scope, env) : undefined;
    const b = args.length > 1 ? args[1]!(scope, env) : undefined;
    for (let k = 2; k < args.length; k++) args[k]!(scope, env);
    if (!fn) throw new ExprError(`unknown function ${name}(…); known: sum, count, opt, exists, abs, len, startsWith, matches`, pos);
    return fn(a, b, scope, pos);
  });
}

type Builtin = (a: Val, b: Val, scope: Scope, pos: number) => Val;

const FUNCTIONS: Record<string, Builtin> = Object.assign(Object.create(null) as object, {
  sum(list: Val, _b: Val, scope: Scope): Val {
    if (!isList(list)) return asNum(list, scope);
    // a list of numbers (a column's cells) is added up as it is; a copy only where a figure stands for its amount
    const items = list.items;
    let nums: Num[] | undefined;
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (isNum(it)) {
        if (nums) nums[k] = it;
        continue;
      }
      const n = asNum(it, scope);
      if (!n) return undefined;
      nums ??= items.slice(0, k) as Num[];
      nums[k] = n;
    }
    // items are never changed once listed: the sum may keep them
    return Num.sum(nums ?? (items as Num[]));
  },
  count(list: Val): Val {
    return int(isList(list) ? list.items.length : list === undefined ? 0 : 1);
  },
  // a column the table may not have counts as 0 when it is absent
  opt: (a: Val): Val => (a === undefined ? ZERO : a),
  exists: (a: Val): Val => a !== undefined && !(isList(a) && a.items.length === 0),
  abs(a: Val, _b: Val, scope: Scope): Val {
    const n = asNum(a, scope);
    if (!n) return undefined;
    return Num.known(n.iv.abs(), n.terms);
  },
  // a name without its numbering: "一、一般公共服务支出" → "一般公共服务支出"
  label: (a: Val): Val => (typeof a === 'string' ? bareName(a) : undefined),
  len: (a: Val): Val => (typeof a === 'string' ? int(a.length) : undefined),
  startsWith: (a: Val, b: Val): Val => (typeof a === 'string' && typeof b === 'string' ? a.startsWith(b) : false),
  matches(a: Val, b: Val, _scope: Scope, pos: number): Val {
    if (typeof a !== 'string' || typeof b !== 'string') return false;
    if (b.length > 200) throw new ExprError('pattern too long', pos);
    return pattern(b).test(a);
  },
});
