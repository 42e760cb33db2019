/** Each declarative relation becomes a rule like any other: an id, a severity, a doc entry, findings. */
import { Decimal } from 'decimal.js';
import { moneyFactor, type MoneyUnit } from '../arith/units.js';
import { toPointer } from '../engine/path.js';
import { fmtTolerance } from '../functions/figures.js';
import type { Rule, RuleContext } from '../engine/rule.js';
import type { BudgetDocument } from '../model/schema.js';
import { substituteColumn, type Catalogue, type Relation } from './catalogue.js';
import { eachScope, evaluate, isCheck, type Check, type Scope, type TermRef, type Val } from './evaluate.js';
import { parseExpr, type Expr } from './parse-expr.js';
import { tableViews, type RowView, type TableView } from './view.js';

const MODEL_PARTS = ['document', 'income', 'expenditure', 'operating_costs', 'three_public', 'procurement', 'assets'];

export const RELATION_MESSAGES = {
  failed: {
    zh: '{{description}}{{where}}，但 {{leftTerms}} = {{left}}{{unit}}，而 {{rightTerms}} = {{right}}{{unit}}（差 {{difference}}{{unit}}，舍入容差 ±{{tolerance}}）',
    en: '{{description}}{{whereEn}}, but {{leftTerms}} = {{left}} {{unit}} while {{rightTerms}} = {{right}} {{unit}} (difference {{difference}} {{unit}}, rounding tolerance ±{{tolerance}})',
  },
  rounding: {
    zh: '{{description}}{{where}}：{{left}} 对 {{right}}{{unit}}，相差 {{difference}}{{unit}}，在舍入容差 ±{{tolerance}} 之内',
    en: '{{description}}{{whereEn}}: {{left}} against {{right}} {{unit}}, {{difference}} {{unit}} apart, within the rounding tolerance ±{{tolerance}}',
  },
};

/** Views are built once per document, however many relations read them. */
const viewCache = new WeakMap<object, TableView[]>();

function viewsOf(doc: Partial<BudgetDocument>, cat: Catalogue, unit: MoneyUnit): TableView[] {
  let v = viewCache.get(doc);
  if (!v) viewCache.set(doc, (v = tableViews(doc, cat, unit)));
  return v;
}

export function rootScope(doc: Partial<BudgetDocument>, views: TableView[], unit: MoneyUnit): Scope {
  return {
    docUnit: unit,
    lookup(name) {
      const t = views.find((x) => x.id === name);
      if (t) return t;
      if (MODEL_PARTS.includes(name)) {
        const part = (doc as Record<string, unknown>)[name];
        return part && typeof part === 'object' ? { kind: 'object', value: part as Record<string, unknown>, path: [name] } : undefined;
      }
      return undefined;
    },
  };
}

function shown(d: Decimal, unit: MoneyUnit): string {
  return d.dividedBy(moneyFactor(unit)).toFixed();
}

function termsText(terms: TermRef[]): string {
  if (terms.length === 0) return '—';
  const list = terms.slice(0, 12).map((t) => `${t.label} ${t.text || '(空)'}`);
  return list.join(' + ') + (terms.length > 12 ? ` …(+${terms.length - 12})` : '');
}

function rowLabel(row: Val): string {
  if (row && typeof row === 'object' && 'cells' in row) {
    const r = row as RowView;
    return [r.code, r.name].filter(Boolean).join(' ');
  }
  return '';
}

export function relationRule(rel: Relation, cat: Catalogue): Rule<unknown> {
  const parsed = new Map<string, Expr>();
  const expr = (text: string, col: string) => {
    const key = `${col}\u0000${text}`;
    let e = parsed.get(key);
    if (!e) parsed.set(key, (e = parseExpr(substituteColumn(text, col))));
    return e;
  };
  return {
    meta: {
      id: rel.id,
      type: 'problem',
      description: rel.description,
      defaultSeverity: rel.severity,
      messages: rel.message ? { failed: rel.message, rounding: RELATION_MESSAGES.rounding } : RELATION_MESSAGES,
      docs: `docs/relations.md#${rel.id.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`,
    },
    check(ctx: RuleContext<unknown>) {
      if (rel.applies !== 'any' && ctx.doc.document?.kind !== rel.applies) return;
      const views = viewsOf(ctx.doc, cat, ctx.unit);
      const root = rootScope(ctx.doc, views, ctx.unit);
      const items: { scope: Scope; row?: Val }[] = [];
      if (rel.each) {
        const list = evaluate(expr(rel.each, ''), root);
        if (!list || typeof list !== 'object' || !('kind' in list) || list.kind !== 'list') return;
        for (const it of list.items) items.push({ scope: eachScope(it, root), row: it });
      } else items.push({ scope: root });
      for (const { scope, row } of items) {
        const cols = rel.columns === '*' ? (row ? amountColumns(row) : tableColumns(rel.assert, views)) : rel.columns ?? [''];
        for (const col of cols) {
          if (rel.where && !truthyVal(evaluate(expr(rel.where, col), scope))) continue;
          const result = evaluate(expr(rel.assert, col), scope);
          if (!isCheck(result) || result.outcome === 'consistent') continue;
          report(ctx, rel, result, substituteColumn(rel.assert, col), rowLabel(row));
        }
      }
    },
  };
}

function truthyVal(v: Val | Check): boolean {
  if (isCheck(v)) return v.outcome !== 'inconsistent';
  if (typeof v === 'boolean') return v;
  return v !== undefined;
}

/** `columns: '*'` with no `each`: the amount columns of the first table the relation names. */
function tableColumns(assert: string, views: TableView[]): string[] {
  const id = /\b(T\d+)\b/.exec(assert)?.[1];
  const t = views.find((v) => v.id === id);
  return t ? t.main.columns.filter((c) => c !== 'code' && c !== 'name') : [];
}

function amountColumns(row: Val): string[] {
  return row && typeof row === 'object' && 'cells' in row ? [...(row as RowView).cells.keys()] : [];
}

function report(ctx: RuleContext<unknown>, rel: Relation, check: Check, expression: string, row: string): void {
  const stated = check.left.terms.find((t) => t.text) ?? check.left.terms[0] ?? check.right.terms[0];
  if (!stated) return;
  const unit = stated.unit;
  const all = [...check.left.terms, ...check.right.terms];
  const c = check.comparison;
  const rounding = check.outcome === 'rounding';
  ctx.report({
    path: stated.path,
    messageId: rounding ? 'rounding' : 'failed',
    info: rounding,
    data: {
      relation: rel.id,
      description: rel.description,
      expression,
      where: row ? `（${row}）` : '',
      whereEn: row ? ` (${row})` : '',
      leftTerms: termsText(check.left.terms),
      rightTerms: termsText(check.right.terms),
      left: shown(c.stated, unit),
      right: shown(c.computed, unit),
      unit,
    },
    arithmetic: {
      stated: shown(c.stated, unit),
      computed: shown(c.computed, unit),
      difference: shown(c.difference, unit),
      tolerance: fmtTolerance(c.tolerance.dividedBy(moneyFactor(unit))),
      unit,
      terms: all.map((t) => ({ label: t.label, value: t.text || '0', path: toPointer(t.path) })),
    },
    related: all.filter((t) => t !== stated).map((t) => t.path),
  });
}
