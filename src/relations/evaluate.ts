/**
 * Evaluating relation expressions over the model. Every number is an interval in 元 that remembers the
 * stated figures it came from (its terms), so a failed relation can show each term with its value and
 * place. Anything missing makes the relation not applicable: nothing is reported.
 */
import { Decimal } from 'decimal.js';
import { compare, type Comparison } from '../arith/compare.js';
import { Interval } from '../arith/interval.js';
import { moneyFactor, type MoneyUnit } from '../arith/units.js';
import type { Path } from '../engine/path.js';
import type { Stated } from '../model/scalars.js';
import { schemaAt, shortLabel } from '../model/introspect.js';
import { ExprError, type CompareOp, type Expr } from './parse-expr.js';
import type { GridView, RowView, TableView } from './view.js';

export interface TermRef {
  label: string;
  path: Path;
  text: string;
  unit: MoneyUnit;
}

export interface Num {
  kind: 'num';
  iv: Interval;
  terms: TermRef[];
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

const isNum = (v: Val): v is Num => typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'num';
const isList = (v: Val): v is List => typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'list';
const isRow = (v: Val): v is RowView => typeof v === 'object' && v !== null && 'cells' in v;
const isGrid = (v: Val): v is GridView => typeof v === 'object' && v !== null && 'columns' in v && 'rows' in v && !('kind' in v);
const isTable = (v: Val): v is TableView => typeof v === 'object' && v !== null && 'main' in v;
const isStated = (v: unknown): v is Stated => typeof v === 'object' && v !== null && 'decimals' in v && 'text' in v && 'value' in v;

/** A figure of the narrative, named as the reader knows it: 说明 基本支出. */
function modelLabel(path: Path): string {
  const s = schemaAt(path.filter((p) => p !== 'amount'));
  return `说明 ${(s && shortLabel(s)) ?? path.join('.')}`;
}

export function bareName(name: string): string {
  return name.replace(/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])\s*/, '').replace(/\s+/g, '');
}

export function exact(n: Decimal.Value): Num {
  return { kind: 'num', iv: Interval.exact(n), terms: [] };
}

export function statedNum(s: Stated | null, unit: MoneyUnit, label: string, path: Path): Num {
  if (!s) return { kind: 'num', iv: Interval.exact(0), terms: [{ label, path, text: '', unit }] };
  return { kind: 'num', iv: Interval.stated(s.value, s.decimals).scale(moneyFactor(unit)), terms: [{ label, path, text: s.text, unit }] };
}

/** A row's own fields: its cells by column key, code, name, level, children; undefined otherwise. */
function rowField(row: RowView, name: string): Val {
  if (name === 'code') return row.code;
  if (name === 'name') return row.name;
  if (name === 'level') return exact(row.level);
  if (name === 'children') return { kind: 'list', items: row.children };
  const cell = row.cells.get(name);
  return cell ? statedNum(cell.stated, cell.unit, cell.label, cell.path) : undefined;
}

/** Inside `each`, a bare name is the row's field, and otherwise a table or a part of the model. */
function rowScope(row: RowView, parent: Scope): Scope {
  return {
    docUnit: parent.docUnit,
    lookup(name) {
      const own = rowField(row, name);
      return own !== undefined || row.cells.has(name) ? own : parent.lookup(name);
    },
  };
}

export function itemScope(item: Val, parent: Scope): Scope {
  if (isRow(item)) return rowScope(item, parent);
  return parent;
}

/** The scope of `each`: the row's fields, and the row itself as `each`, which filters inside can still see. */
export function eachScope(item: Val, parent: Scope): Scope {
  const inner = itemScope(item, parent);
  return { docUnit: parent.docUnit, lookup: (name) => (name === 'each' ? item : inner.lookup(name)) };
}

function member(v: Val, key: string, scope: Scope): Val {
  if (v === undefined) return undefined;
  if (isList(v)) {
    const items = v.items.map((x) => member(x, key, scope));
    return { kind: 'list', items };
  }
  if (isTable(v)) {
    if (key === 'income') return v.income;
    if (key === 'expenditure') return v.expenditure;
    if (key === 'note') return v.note;
    return member(v.main, key, scope);
  }
  if (isGrid(v)) {
    if (key === 'rows') return { kind: 'list', items: v.rows };
    if (key === 'allrows') return { kind: 'list', items: v.total ? [...v.rows, v.total] : v.rows };
    if (key === 'total') return v.total;
    if (key === 'subtotal') return v.subtotal;
    if (key === 'current') return { kind: 'list', items: v.current };
    return undefined;
  }
  if (isRow(v)) return rowField(v, key);
  if (typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'object') {
    const inner = v.value[key];
    const path = [...v.path, key];
    if (isStated(inner)) return statedNum(inner, scope.docUnit, modelLabel(path), path);
    if (inner && typeof inner === 'object') {
      // a figure used as a number is its amount
      const o = inner as Record<string, unknown>;
      if (isStated(o.amount) && key !== 'amount') return { kind: 'object', value: o, path };
      return { kind: 'object', value: o, path };
    }
    return typeof inner === 'string' ? inner : undefined;
  }
  return undefined;
}

/** A figure object where a number is wanted stands for its amount. */
function asNum(v: Val, scope: Scope): Num | undefined {
  if (isNum(v)) return v;
  if (isRow(v) || isList(v) || v === undefined) return undefined;
  if (typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'object') {
    const a = v.value.amount;
    return isStated(a) ? statedNum(a, scope.docUnit, modelLabel(v.path), [...v.path, 'amount']) : undefined;
  }
  return undefined;
}

function truthy(v: Val): boolean {
  if (typeof v === 'boolean') return v;
  if (isNum(v)) return !v.iv.point.isZero();
  if (isList(v)) return v.items.length > 0;
  return v !== undefined && v !== '';
}

function arith(op: '+' | '-' | '*' | '/', a: Num, b: Num, pos: number): Num | undefined {
  const terms = [...a.terms, ...b.terms];
  switch (op) {
    case '+':
      return { kind: 'num', iv: a.iv.plus(b.iv), terms };
    case '-':
      return { kind: 'num', iv: a.iv.minus(b.iv), terms };
    case '*':
      return { kind: 'num', iv: a.iv.times(b.iv), terms };
    case '/': {
      const iv = a.iv.dividedBy(b.iv);
      if (!iv) return undefined;
      return { kind: 'num', iv, terms };
    }
  }
  throw new ExprError(`unknown operator ${op}`, pos);
}

export interface Check {
  op: CompareOp;
  left: Num;
  right: Num;
  comparison: Comparison;
  outcome: 'consistent' | 'rounding' | 'inconsistent';
}

/** Work per evaluation is bounded: a relation over a huge table stops rather than hangs. */
export const MAX_STEPS = 1_000_000;

export function evaluate(e: Expr, scope: Scope, budget = { steps: MAX_STEPS }): Val | Check {
  if (--budget.steps < 0) throw new ExprError('evaluation took too many steps', e.pos);
  switch (e.type) {
    case 'num':
      return exact(e.text);
    case 'str':
      return e.value;
    case 'path': {
      let v: Val = scope.lookup(e.head);
      for (const seg of e.segs) {
        if (v === undefined) return undefined;
        if (seg.kind === 'key') v = member(v, seg.name, scope);
        else if (seg.kind === 'all') v = isList(v) ? v : undefined;
        else {
          if (!isList(v)) return undefined;
          const filter = seg.expr;
          v = { kind: 'list', items: v.items.filter((it) => truthy(asVal(evaluate(filter, itemScope(it, scope), budget)))) };
        }
      }
      return v;
    }
    case 'call':
      return call(e.name, e.args, scope, budget, e.pos);
    case 'neg': {
      const a = asNum(asVal(evaluate(e.arg, scope, budget)), scope);
      return a && { kind: 'num', iv: a.iv.negate(), terms: a.terms };
    }
    case 'not':
      return !truthy(asVal(evaluate(e.arg, scope, budget)));
    case 'logic': {
      const l = truthy(asVal(evaluate(e.left, scope, budget)));
      if (e.op === 'and' && !l) return false;
      if (e.op === 'or' && l) return true;
      return truthy(asVal(evaluate(e.right, scope, budget)));
    }
    case 'bin': {
      const l = asVal(evaluate(e.left, scope, budget));
      const r = asVal(evaluate(e.right, scope, budget));
      if (isList(l) || isList(r)) throw new ExprError('a list cannot take part in arithmetic: use sum(…)', e.pos);
      const a = asNum(l, scope);
      const b = asNum(r, scope);
      return a && b ? arith(e.op, a, b, e.pos) : undefined;
    }
    case 'cmp': {
      const l = asVal(evaluate(e.left, scope, budget));
      const r = asVal(evaluate(e.right, scope, budget));
      if (typeof l === 'string' || typeof r === 'string') return e.op === '==' ? l === r : e.op === '!=' ? l !== r : undefined;
      const a = asNum(l, scope);
      const b = asNum(r, scope);
      if (!a || !b) return undefined;
      const c = compare(a.iv, b.iv);
      return { op: e.op, left: a, right: b, comparison: c, outcome: orderOutcome(e.op, a, b, c.outcome) };
    }
  }
}

/** An order holds unless the intervals rule it out: what rounding could make true is not an error. */
function orderOutcome(op: CompareOp, a: Num, b: Num, eq: Check['outcome']): Check['outcome'] {
  const fails =
    op === '<=' ? a.iv.lo.gt(b.iv.hi) : op === '<' ? a.iv.lo.gte(b.iv.hi) : op === '>=' ? a.iv.hi.lt(b.iv.lo) : op === '>' ? a.iv.hi.lte(b.iv.lo) : undefined;
  if (fails !== undefined) return fails ? 'inconsistent' : 'consistent';
  if (op === '!=') return eq === 'consistent' ? 'inconsistent' : 'consistent';
  return eq;
}

function asVal(v: Val | Check): Val {
  if (typeof v === 'object' && v !== null && 'comparison' in v) return v.outcome !== 'inconsistent';
  return v;
}

export function isCheck(v: Val | Check): v is Check {
  return typeof v === 'object' && v !== null && 'comparison' in v;
}

function call(name: string, args: Expr[], scope: Scope, budget: { steps: number }, pos: number): Val {
  const vals = args.map((a) => asVal(evaluate(a, scope, budget)));
  switch (name) {
    case 'sum': {
      const list = vals[0];
      if (!isList(list)) return asNum(list, scope);
      let acc: Num = exact(0);
      for (const it of list.items) {
        const n = asNum(it, scope);
        if (!n) return undefined;
        acc = { kind: 'num', iv: acc.iv.plus(n.iv), terms: [...acc.terms, ...n.terms] };
      }
      return acc;
    }
    case 'count': {
      const list = vals[0];
      return exact(isList(list) ? list.items.length : list === undefined ? 0 : 1);
    }
    case 'opt': {
      // a column the table may not have counts as 0 when it is absent
      return vals[0] === undefined ? exact(0) : vals[0];
    }
    case 'exists':
      return vals[0] !== undefined && !(isList(vals[0]) && vals[0].items.length === 0);
    case 'abs': {
      const n = asNum(vals[0], scope);
      return n && { kind: 'num', iv: n.iv.abs(), terms: n.terms };
    }
    case 'label':
      // a name without its numbering: "一、一般公共服务支出" → "一般公共服务支出"
      return typeof vals[0] === 'string' ? bareName(vals[0]) : undefined;
    case 'len':
      return typeof vals[0] === 'string' ? exact(vals[0].length) : undefined;
    case 'startsWith':
      return typeof vals[0] === 'string' && typeof vals[1] === 'string' ? vals[0].startsWith(vals[1]) : false;
    case 'matches': {
      if (typeof vals[0] !== 'string' || typeof vals[1] !== 'string') return false;
      if (vals[1].length > 200) throw new ExprError('pattern too long', pos);
      return new RegExp(vals[1]).test(vals[0]);
    }
    default:
      throw new ExprError(`unknown function ${name}(…); known: sum, count, opt, exists, abs, len, startsWith, matches`, pos);
  }
}
