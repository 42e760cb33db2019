/** total = Σ parts, with the tolerance the figures' own precision allows. */
import { compare } from '../arith/compare.js';
import type { Report, Bilingual } from '../engine/rule.js';
import type { FigureRef, SumRelation } from '../model/relations.js';
import { expression, fmt, interval, placesOf, showTerms, sumOf, type Term } from './figures.js';

export const SUM_MESSAGES: Record<'mismatch' | 'rounding', Bilingual> = {
  mismatch: {
    zh: '{{totalLabel}} {{stated}}{{unit}} 不等于 {{expression}} = {{computed}}{{unit}}（差 {{difference}}，舍入容差 ±{{tolerance}}）',
    en: '{{totalLabel}} {{stated}} {{unit}} does not equal {{expression}} = {{computed}} {{unit}} (difference {{difference}}, rounding tolerance ±{{tolerance}})',
  },
  rounding: {
    zh: '{{totalLabel}} {{stated}}{{unit}} 与 {{expression}} = {{computed}}{{unit}} 相差 {{difference}}，在舍入容差 ±{{tolerance}} 之内',
    en: '{{totalLabel}} {{stated}} {{unit}} differs from {{expression}} = {{computed}} {{unit}} by {{difference}}, within the rounding tolerance ±{{tolerance}}',
  },
};

export function termsOf(rel: SumRelation): { total: Term; parts: Term[] } {
  const t = (r: FigureRef): Term => ({ label: r.label, path: [...r.path, 'amount'], stated: r.figure.amount, sign: r.sign ?? 1 });
  return { total: t(rel.total), parts: rel.parts.map(t) };
}

/** Reports nothing when consistent, info when only rounding separates them, mismatch otherwise. */
export function checkSum(report: (r: Report) => void, total: Term, parts: readonly Term[], unit: string): void {
  const c = compare(interval(total.stated), sumOf(parts));
  if (c.outcome === 'consistent') return;
  const places = placesOf(total.stated, ...parts.map((p) => p.stated));
  report({
    path: total.path,
    messageId: c.outcome === 'rounding' ? 'rounding' : 'mismatch',
    info: c.outcome === 'rounding',
    data: { totalLabel: total.label, expression: expression(parts), unit },
    arithmetic: {
      stated: total.stated.text,
      computed: fmt(c.computed, places),
      difference: fmt(c.difference, places),
      tolerance: fmt(c.tolerance),
      unit,
      terms: showTerms(parts),
    },
    related: parts.map((p) => p.path),
  });
}
