/** Each declarative relation becomes a rule like any other: an id, a severity, a doc entry, findings. */
import { Decimal } from 'decimal.js';
import { moneyFactor, type MoneyUnit } from '../arith/units.js';
import { toPointer } from '../engine/path.js';
import { fmtTolerance } from '../functions/figures.js';
import type { Rule, RuleContext } from '../engine/rule.js';
import type { BudgetDocument } from '../model/schema.js';
import { substituteColumn, type Catalogue, type Relation } from './catalogue.js';
import { compile, eachScope, isCheck, type Check, type Compiled, type Scope, type TermRef, type Val } from './evaluate.js';
import { parseExpr, usesColumn } from './parse-expr.js';
import { documentViews, type RowView, type TableView } from './view.js';
import { PerDocument } from '../engine/per-document.js';

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
  more: {
    zh: '{{description}}：另有 {{more}} 处未逐一列出（每个关系在一份文件中最多列出 {{max}} 处）',
    en: '{{description}}: {{more}} more not listed (a relation lists at most {{max}} findings per document)',
  },
};

/**
 * What one relation may report, so that the work and the output stay bounded on any input: a row may
 * have thousands of children, and a table thousands of rows that fail (the links between rows are
 * linear in the rows, src/relations/view.ts). A finding lists at most MAX_TERMS terms and related
 * figures (data.termsOmitted counts the rest; the sum is still over every term), and a relation reports
 * at most MAX_FINDINGS findings in a document, then one finding that counts the rest. Real tables come
 * nowhere near either.
 */
export const MAX_TERMS = 50;
export const MAX_FINDINGS = 200;

/** The names an expression starts from: the tables by kind (the first of a kind), and the narrative parts. */
class RootScope implements Scope {
  private readonly tables = new Map<string, TableView>();
  /** the narrative parts as objects, made on first lookup: nothing an expression does changes them */
  private readonly parts = new Map<string, Val>();
  constructor(
    readonly doc: Partial<BudgetDocument>,
    views: TableView[],
    readonly docUnit: MoneyUnit,
  ) {
    for (const v of views) if (!this.tables.has(v.id)) this.tables.set(v.id, v);
  }
  lookup(name: string): Val {
    const t = this.tables.get(name);
    if (t) return t;
    if (MODEL_PARTS.includes(name)) {
      if (this.parts.has(name)) return this.parts.get(name);
      const part = (this.doc as Record<string, unknown>)[name];
      const v: Val = part && typeof part === 'object' ? { kind: 'object', value: part as Record<string, unknown>, path: [name] } : undefined;
      this.parts.set(name, v);
      return v;
    }
    return undefined;
  }
}

/**
 * One root scope per document's views (which documentViews keeps per document, catalogue and unit), shared
 * by every relation rule rather than made again by each of them.
 */
const roots = new PerDocument<TableView[], RootScope>();

export function rootScope(doc: Partial<BudgetDocument>, views: TableView[], unit: MoneyUnit): Scope {
  const hit = roots.get(views);
  if (hit && hit.doc === doc && hit.docUnit === unit) return hit;
  const root = new RootScope(doc, views, unit);
  roots.set(views, root);
  return root;
}

/** The columns of a relation without `columns`: one, which `$col` never names. */
const NO_COLUMNS: readonly string[] = [''];

function shown(d: Decimal, unit: MoneyUnit): string {
  return d.dividedBy(moneyFactor(unit)).toFixed();
}

function termsText(terms: readonly TermRef[]): string {
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

/** An expression of a relation, parsed and compiled on first use (a run may never need it). */
function lazyExpression(text: string, columns: boolean): () => { run: Compiled; perColumn: boolean } {
  let compiled: { run: Compiled; perColumn: boolean } | undefined;
  return () => {
    if (!compiled) {
      const e = parseExpr(text, { column: columns });
      compiled = { run: compile(e), perColumn: usesColumn(e) };
    }
    return compiled;
  };
}

export function relationRule(rel: Relation, cat: Catalogue): Rule<unknown> {
  const columns = rel.columns !== undefined;
  const each = rel.each ? lazyExpression(rel.each, columns) : undefined;
  const where = rel.where ? lazyExpression(rel.where, columns) : undefined;
  const assert = lazyExpression(rel.assert, columns);
  return {
    meta: {
      id: rel.id,
      type: 'problem',
      description: rel.description,
      defaultSeverity: rel.severity,
      messages: rel.message ? { ...RELATION_MESSAGES, failed: rel.message } : RELATION_MESSAGES,
      docs: `docs/relations.md#${rel.id.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`,
    },
    check(ctx: RuleContext<unknown>) {
      if (rel.applies !== 'any' && ctx.doc.document?.kind !== rel.applies) return;
      const views = documentViews(ctx.doc, cat, ctx.unit);
      const root = rootScope(ctx.doc, views, ctx.unit);
      // the rows of `each` (undefined: the relation is checked once, in the root scope)
      let rows: readonly Val[] | undefined;
      if (each) {
        const list = each().run(root);
        if (!list || typeof list !== 'object' || !('kind' in list) || list.kind !== 'list') return;
        rows = list.items;
      }
      let reported = 0;
      // past MAX_FINDINGS: how many more, where the first of them is, and whether any is more than rounding
      let more = 0;
      let moreAt: TermRef | undefined;
      let moreInfo = true;
      for (let r = 0; r < (rows ? rows.length : 1); r++) {
        const row = rows ? rows[r] : undefined;
        const scope = rows ? eachScope(row, root) : root;
        const cols = rel.columns === '*' ? (row ? amountColumns(row) : tableColumns(rel.assert, views)) : rel.columns ?? NO_COLUMNS;
        // a condition without $col is the same for every column: evaluated once per row
        let holds: boolean | undefined;
        for (const col of cols) {
          if (where) {
            const w = where();
            if (w.perColumn) holds = truthyVal(w.run(scope, col));
            else holds ??= truthyVal(w.run(scope, col));
            if (!holds) continue;
          }
          const result = assert().run(scope, col);
          if (!isCheck(result) || result.outcome === 'consistent') continue;
          const stated = statedTerm(result);
          if (!stated) continue;
          if (reported < MAX_FINDINGS) {
            reported++;
            report(ctx, rel, result, stated, substituteColumn(rel.assert, col), rowLabel(row));
          } else {
            more++;
            moreAt ??= stated;
            if (result.outcome !== 'rounding') moreInfo = false;
          }
        }
      }
      if (moreAt) {
        ctx.report({ path: moreAt.path, messageId: 'more', info: moreInfo, data: { relation: rel.id, description: rel.description, more, max: MAX_FINDINGS } });
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

function amountColumns(row: Val): readonly string[] {
  return row && typeof row === 'object' && 'cells' in row ? (row as RowView).cells.keys() : [];
}

/** The figure a finding is placed at: the first stated one on the left; none, nothing to report. */
function statedTerm(check: Check): TermRef | undefined {
  return check.left.terms.find((t) => t.text) ?? check.left.terms[0] ?? check.right.terms[0];
}

function report(ctx: RuleContext<unknown>, rel: Relation, check: Check, stated: TermRef, expression: string, row: string): void {
  const unit = stated.unit;
  const all = [...check.left.terms, ...check.right.terms];
  // a cell named twice is one term object twice: the one reported is left out of `related`, the other stays
  const statedAt = all.indexOf(stated);
  // the comparison is over every term; the finding lists the first MAX_TERMS of them and counts the rest
  const listed = all.length > MAX_TERMS ? all.slice(0, MAX_TERMS) : all;
  const omitted = all.length - listed.length;
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
      ...(omitted > 0 ? { termsOmitted: omitted } : {}),
    },
    arithmetic: {
      stated: shown(c.stated, unit),
      computed: shown(c.computed, unit),
      difference: shown(c.difference, unit),
      tolerance: fmtTolerance(c.tolerance.dividedBy(moneyFactor(unit))),
      unit,
      terms: listed.map((t) => ({ label: t.label, value: t.text || '0', path: toPointer(t.path) })),
    },
    related: listed.filter((_, i) => i !== statedAt).map((t) => t.path),
  });
}
