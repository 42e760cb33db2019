/**
 * Narrative paragraphs → the statements they make (src/narrative/parse.ts), kept under `narrative` with
 * their exact places, and the standard ones (收入, 基本支出, 三公 items, 机关运行经费…) also set as the
 * model's figures, so that every rule checks them: the section a paragraph stands in, and the
 * statement's label, say which figure it is.
 */
import { NumberText } from '../arith/decimal.js';
import type { Path } from '../engine/path.js';
import type { Statement } from '../model/schema.js';
import { parseNarrative } from '../narrative/parse.js';
import type { ParagraphBlock, SourceLoc } from '../read/blocks.js';
import { describeLoc } from '../read/blocks.js';
import { pdfPlaceAt } from '../read/pdf-place.js';
import type { Note } from './extract.js';
import type { SourceMap } from './source-map.js';

/** The place `offset` characters into a paragraph. */
function at(loc: SourceLoc, offset: number): SourceLoc {
  if (loc.kind === 'text') return { kind: 'text', line: loc.line, column: loc.column + offset };
  if (loc.kind === 'docx') return { ...loc, offset };
  if (loc.kind === 'pdf') return pdfPlaceAt(loc, offset);
  return loc;
}

const num = (s: { text: string } | undefined) => (s ? new NumberText(s.text) : undefined);

/**
 * The reason a change is given for, when the parser did not attach one: the "主要原因是…" / "主要为…" that
 * follows the change in the same paragraph, up to the end of its clause.
 */
function reasonAfter(text: string, from: number): string | undefined {
  const rest = text.slice(from);
  const m = /(?:主要原因是|主要原因为|原因是|主要是|主要为|主要系|系)([^；;。]+)/.exec(rest);
  if (!m || m.index > 40) return undefined;
  return m[0].replace(/[，,]$/, '').trim();
}

function raw(s: Statement, base: number): Record<string, unknown> {
  const out: Record<string, unknown> = { label: s.label };
  if (s.amount) out.amount = num(s.amount);
  if (s.unit) out.unit = s.unit;
  if (s.parent !== undefined) out.parent = s.parent + base;
  if (s.share) out.share = num(s.share);
  if (s.of !== undefined) out.of = s.of;
  if (s.change) {
    out.change = {
      ...(s.change.amount ? { amount: num(s.change.amount) } : {}),
      ...(s.change.direction ? { direction: s.change.direction } : {}),
      ...(s.change.rate ? { rate: num(s.change.rate) } : {}),
      ...(s.change.reason ? { reason: s.change.reason } : {}),
    };
  }
  if (s.blank !== undefined) out.blank = s.blank;
  if (s.text !== undefined) out.text = s.text;
  return out;
}

/** Which model figure a statement is, by the section it stands in and its label; first match wins. */
const FIGURES: [part: string, label: RegExp, path: Path, top?: boolean][] = [
  ['income', /上年结转|结转结余/, ['income', 'carryover']],
  ['income', /一般公共预算/, ['income', 'general_budget']],
  ['income', /政府性基金|基金预算/, ['income', 'government_fund']],
  ['income', /国有资本/, ['income', 'state_capital']],
  ['income', /财政专户/, ['income', 'special_account']],
  ['income', /事业单位经营|经营收入/, ['income', 'operating']],
  ['income', /事业收入/, ['income', 'business']],
  ['income', /上级补助/, ['income', 'superior_subsidy']],
  ['income', /附属单位/, ['income', 'subordinate_remit']],
  ['income', /其他/, ['income', 'other']],
  ['income', /收入/, ['income', 'total'], true],
  ['expenditure', /基本支出/, ['expenditure', 'basic', 'total']],
  ['expenditure', /人员/, ['expenditure', 'basic', 'personnel']],
  ['expenditure', /公用/, ['expenditure', 'basic', 'public']],
  ['expenditure', /项目支出|项目经费/, ['expenditure', 'project']],
  ['expenditure', /支出/, ['expenditure', 'total'], true],
  ['change', /基本支出/, ['expenditure', 'basic', 'total']],
  ['change', /项目支出/, ['expenditure', 'project']],
  ['change', /收支|支出|预算/, ['expenditure', 'total'], true],
  ['operating_costs', /机关运行经费|运行经费/, ['operating_costs', 'amount']],
  ['three_public', /出国/, ['three_public', 'overseas']],
  ['three_public', /购置及运[行维]|购置和运[行维]|车辆购置及/, ['three_public', 'vehicles', 'total']],
  ['three_public', /购置/, ['three_public', 'vehicles', 'purchase']],
  ['three_public', /运[行维]/, ['three_public', 'vehicles', 'operation']],
  ['three_public', /接待/, ['three_public', 'reception']],
  ['three_public', /三公/, ['three_public', 'total'], true],
  ['procurement', /政府采购/, ['procurement', 'total'], true],
  ['assets', /拟购置|购置/, ['assets', 'planned_purchase']],
  ['assets', /资产/, ['assets', 'total'], true],
];

function setAt(data: Record<string, unknown>, path: Path, value: unknown): void {
  let o = data;
  for (const k of path.slice(0, -1)) o = (o[k as string] ??= {}) as Record<string, unknown>;
  o[path[path.length - 1] as string] = value;
}

function getAt(data: Record<string, unknown>, path: Path): unknown {
  let o: unknown = data;
  for (const k of path) o = o && typeof o === 'object' ? (o as Record<string, unknown>)[k as string] : undefined;
  return o;
}

export function readNarrative(p: ParagraphBlock, part: string, data: Record<string, unknown>, map: SourceMap, notes: Note[]): void {
  const parsed = parseNarrative(p.text);
  if (!parsed.statements.length && !parsed.notes.length) return;
  const list = ((data.narrative as Record<string, unknown>[] | undefined) ??= []);
  const base = list.length;
  parsed.statements.forEach((s, i) => {
    if (s.change && !s.change.reason) {
      const ch = parsed.offsets.find((o) => o.statement === i && (o.field === 'change' || o.field === 'rate'));
      const reason = ch ? reasonAfter(p.text, ch.end) : undefined;
      if (reason) s.change.reason = reason;
    }
    const r = raw(s, base);
    const first = parsed.offsets.find((o) => o.statement === i);
    const loc = at(p.loc, first?.start ?? 0);
    r.at = describeLoc(loc, 'zh');
    list.push(r);
    map.set(['narrative', base + i], loc);
    for (const o of parsed.offsets.filter((x) => x.statement === i)) {
      const field = o.field === 'rate' ? ['change', 'rate'] : o.field === 'change' ? ['change'] : [o.field];
      map.set(['narrative', base + i, ...field], at(p.loc, o.start));
    }
    mapFigure(s, i, part, data, map, parsed, p, base);
  });
  for (const n of parsed.notes) notes.push({ zh: n.zh, en: n.en, loc: at(p.loc, n.start) });
}

/** A standard statement also sets its model figure, once: the first statement of a figure wins. */
function mapFigure(s: Statement, i: number, part: string, data: Record<string, unknown>, map: SourceMap, parsed: ReturnType<typeof parseNarrative>, p: ParagraphBlock, base: number): void {
  const label = s.label.replace(/\s+/g, '');
  // a final account quotes its budget (年初预算为0.95万元) beside the actual: only the actual is the figure;
  // a budget quoting last year's account likewise
  const kind = (data.document as Record<string, unknown> | undefined)?.kind;
  if (kind === 'final' ? /预算/.test(label) && !/决算/.test(label) : /决算/.test(label)) return;
  const hit = FIGURES.find(([pt, re, , top]) => pt === part && re.test(label) && (!top || s.parent === undefined));
  if (!hit) return;
  const [, , path] = hit;
  const existing = getAt(data, path) as Record<string, unknown> | undefined;
  const amountAt = parsed.offsets.find((o) => o.statement === i && o.field === 'amount');
  const changeAt = parsed.offsets.find((o) => o.statement === i && (o.field === 'change' || o.field === 'rate'));
  // the rate has a place of its own ("增长20.00%"), where change-rate reports
  const rateAt = parsed.offsets.find((o) => o.statement === i && o.field === 'rate');
  const mapChange = () => {
    if (changeAt) map.set([...path, 'change'], at(p.loc, changeAt.start));
    if (rateAt) map.set([...path, 'change', 'rate'], at(p.loc, rateAt.start));
  };
  if (part === 'change' || (!s.amount && s.change)) {
    // 比上年增减: the change belongs to the figure stated in its own section
    if (!s.change) return;
    const target = (existing ?? {}) as Record<string, unknown>;
    if (target.change) return;
    target.change = raw(s, base).change;
    if (!existing) {
      if (!s.amount) return;
      target.amount = num(s.amount);
      setAt(data, path, target);
    }
    mapChange();
    return;
  }
  if (existing !== undefined || !s.amount) return;
  const fig: Record<string, unknown> = { amount: num(s.amount), label: s.label };
  if (s.change) fig.change = raw(s, base).change;
  setAt(data, path, fig);
  if (amountAt) {
    map.set(path, at(p.loc, amountAt.start));
    map.set([...path, 'amount'], at(p.loc, amountAt.start));
  }
  mapChange();
  if (path[0] === 'operating_costs') setAt(data, ['operating_costs', 'text'], p.text.trim());
}
