/**
 * One self-contained HTML page for auditors: an overall summary (documents with errors, the rules that fire
 * most), then per document its counts and its findings, each beside the figures it involves (stated,
 * computed, difference, tolerance, the terms with their data paths, the related figures), its section and
 * its place. Filters by severity, rule and document in a few lines of plain JS; a print layout.
 *
 * Nothing is fetched: the CSS and JS are inline, the fonts are the system's, and a Content-Security-Policy
 * with the hashes of the one <style> and the one <script> forbids every other load. Every text from the
 * disclosure, the file names and the rule ids is escaped; the page is also well-formed XML (CDATA-wrapped
 * script and style, quoted attributes, only XML's entities), so an XML parser can check it.
 */
import { createHash } from 'node:crypto';
import type { FileResult, Finding } from '../engine/finding.js';
import type { Level } from '../engine/rule.js';
import { displayPath, hasLine, placeOf } from './common.js';
import type { FormatContext, Formatter, Lang } from './types.js';

const LEVELS: readonly Level[] = ['error', 'warn', 'info'];
/** How many rules the overview's table shows before the rest are folded away. */
const TOP_RULES = 10;

const WORDS = {
  zh: {
    htmlLang: 'zh-CN',
    title: 'budgetlint 检查报告',
    level: { error: '错误', warn: '警告', info: '提示' } as Record<Level, string>,
    overall: '总览',
    documentsChecked: '检查的文件',
    documentsWithErrors: '有错误的文件',
    findings: '发现',
    documents: '各文件',
    file: '文件',
    total: '合计',
    status: '状态',
    hasErrors: '有错误',
    hasWarnings: '有警告',
    ok: '无问题',
    noFiles: '没有检查任何文件。',
    topRules: '最常出现的规则',
    otherRules: (n: number) => `其余 ${n} 条规则`,
    rule: '规则',
    description: '说明',
    inDocuments: '涉及文件数',
    noFindings: '没有发现。',
    filters: '筛选',
    severity: '级别',
    document: '文件',
    allRules: '全部规则',
    allDocuments: '全部文件',
    noRule: '（无规则：无法读取或解析）',
    reset: '重置筛选',
    shown: '显示 {shown} / {total} 条发现',
    filteredPrint: '本页按筛选条件只显示 {shown} / {total} 条发现。',
    docSummary: '摘要',
    byRule: '按规则统计',
    noneMatch: '没有符合筛选条件的发现。',
    section: '章节',
    pointer: '数据路径',
    related: '相关数据',
    stated: '所列数',
    computed: '计算数',
    difference: '差额',
    tolerance: '容差',
    terms: '各项',
    term: '项目',
    value: '数值',
    suppressed: '已被行内指令抑制的发现',
    justification: '理由',
    fatal: '文件无法读取或解析',
    arithmeticCaption: (unit?: string) => (unit ? `算式（单位：${unit}）` : '算式'),
    placeLabel: (lineColumn: boolean) => (lineColumn ? '位置（行:列）' : '位置'),
    fileHeading: '文件：',
  },
  en: {
    htmlLang: 'en',
    title: 'budgetlint report',
    level: { error: 'Error', warn: 'Warning', info: 'Info' } as Record<Level, string>,
    overall: 'Overview',
    documentsChecked: 'Documents checked',
    documentsWithErrors: 'Documents with errors',
    findings: 'Findings',
    documents: 'Documents',
    file: 'File',
    total: 'Total',
    status: 'Status',
    hasErrors: 'errors',
    hasWarnings: 'warnings',
    ok: 'no problems',
    noFiles: 'No files were checked.',
    topRules: 'Rules that fire most',
    otherRules: (n: number) => `${n} more rule${n === 1 ? '' : 's'}`,
    rule: 'Rule',
    description: 'Description',
    inDocuments: 'Documents',
    noFindings: 'No findings.',
    filters: 'Filters',
    severity: 'Severity',
    document: 'Document',
    allRules: 'All rules',
    allDocuments: 'All documents',
    noRule: '(no rule: cannot be read or parsed)',
    reset: 'Reset filters',
    shown: 'Showing {shown} of {total} findings',
    filteredPrint: 'This page is filtered: it shows {shown} of {total} findings.',
    docSummary: 'Summary',
    byRule: 'By rule',
    noneMatch: 'No findings match the filters.',
    section: 'Section',
    pointer: 'Data path',
    related: 'Related figures',
    stated: 'Stated',
    computed: 'Computed',
    difference: 'Difference',
    tolerance: 'Tolerance',
    terms: 'Terms',
    term: 'Term',
    value: 'Value',
    suppressed: 'Findings suppressed by inline directives',
    justification: 'justification',
    fatal: 'The file cannot be read or parsed',
    arithmeticCaption: (unit?: string) => (unit ? `Arithmetic (unit: ${unit})` : 'Arithmetic'),
    placeLabel: (lineColumn: boolean) => (lineColumn ? 'Place (line:column)' : 'Place'),
    fileHeading: 'File: ',
  },
};
type Words = (typeof WORDS)[Lang];

/** The value of a finding's rule in data-rule and the rule filter: a fatal error has none. */
const NO_RULE = '';
/** The rule filter's "all rules" (no rule id is "*": ids are letters, digits, ".", "-", "_"). */
const ALL = '*';

/**
 * Text made safe for an element's content and a quoted attribute's value: the five special characters as
 * entities, and the characters neither HTML nor XML allow (C0 controls but tab and line ends, lone
 * surrogates, U+FFFE/U+FFFF) as U+FFFD.
 */
export function escapeHtml(v: string | number): string {
  return String(v)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const e = escapeHtml;

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

const CSS = `
:root { color-scheme: light; --err: #b00020; --warn: #8a5a00; --info: #1f5fa8; --line: #c9ced6; --muted: #555; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; color: #111; background: #f4f5f7; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 0 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .25rem; font-weight: 600; }
section.block, section.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "WenQuanYi Micro Hei Mono", monospace; font-size: .88em; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .25rem 0 .75rem; }
th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eef0f3; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
dl.counts { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0 0 .5rem; }
dl.counts div { display: flex; gap: .4rem; }
dl.counts dt { color: var(--muted); }
dl.counts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.sev { display: inline-block; min-width: 3.2em; font-weight: 700; }
.sev-error { color: var(--err); }
.sev-warn { color: var(--warn); }
.sev-info { color: var(--info); }
.sev-error::before { content: "\\2716\\00a0"; }
.sev-warn::before { content: "\\25b2\\00a0"; }
.sev-info::before { content: "\\25cf\\00a0"; }
section.filters-block { position: sticky; top: 0; z-index: 2; padding: .6rem 1.25rem; box-shadow: 0 2px 6px rgba(0, 0, 0, .12); }
section.filters-block h2 { font-size: 1rem; margin: 0 0 .3rem; }
form.filters { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; }
form.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .9rem; }
form.filters legend { float: left; font-weight: 600; margin-right: .5rem; }
form.filters label { white-space: nowrap; }
form.filters select { max-width: 28rem; font: inherit; }
form.filters button { font: inherit; }
.filter-status { font-weight: 600; margin: .3rem 0 0; }
table.rules th code { white-space: nowrap; }
.print-note { display: none; }
ol.findings { list-style: none; margin: 0; padding: 0; }
article.finding { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: .25rem 1.5rem; border: 1px solid var(--line); border-left-width: 6px; border-radius: 4px; padding: .6rem .9rem; margin: 0 0 .75rem; background: #fff; }
article.finding.no-figures { grid-template-columns: minmax(0, 1fr); }
article.level-error { border-left-color: var(--err); border-left-style: solid; }
article.level-warn { border-left-color: var(--warn); border-left-style: double; }
article.level-info { border-left-color: var(--info); border-left-style: dotted; }
article.finding header { grid-column: 1 / -1; }
article.finding .message { margin: .1rem 0 .3rem; font-size: 1.02rem; }
article.finding dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem .75rem; margin: 0; }
article.finding dl.facts dt { color: var(--muted); }
article.finding dl.facts dd { margin: 0; }
article.finding ul.related { margin: 0; padding-left: 1.1rem; }
article.finding .figures table { width: 100%; }
article.finding.suppressed { background: #fafafa; }
.where { color: var(--muted); font-weight: 400; }
.rule-id { font-weight: 400; }
a { color: #0b4f9c; }
@media (max-width: 760px) { article.finding { grid-template-columns: minmax(0, 1fr); } }
@media print {
  body { background: #fff; font-size: 11pt; color: #000; }
  main { max-width: none; padding: 0; }
  form.filters, .filter-status { display: none !important; }
  .print-note[data-filtered="true"] { display: block; font-weight: 600; border: 1px solid #000; padding: .3rem .5rem; }
  section.block, section.doc { border: 0; padding: 0; margin: 0 0 1rem; }
  section.doc { break-before: page; page-break-before: always; }
  article.finding { break-inside: avoid; page-break-inside: avoid; background: #fff; border-color: #000; }
  .sev, .sev-error, .sev-warn, .sev-info, .where, dl.counts dt, article.finding dl.facts dt { color: #000; }
  thead th { background: #fff; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: #000; text-decoration: none; }
  details.suppressed > summary { list-style: none; }
}
`;

const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var status = document.getElementById('filter-status');
  var note = document.getElementById('print-note');
  var findings = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var docs = Array.prototype.slice.call(document.querySelectorAll('section.doc'));
  var levelBoxes = Array.prototype.slice.call(form.querySelectorAll('input[name="level"]'));
  function apply() {
    var levels = {};
    levelBoxes.forEach(function (c) { levels[c.value] = c.checked; });
    var rule = form.elements.namedItem('rule').value;
    var doc = form.elements.namedItem('doc').value;
    var shown = 0, total = 0;
    findings.forEach(function (f) {
      var ok = levels[f.getAttribute('data-level')] === true
        && (rule === '${ALL}' || f.getAttribute('data-rule') === rule)
        && (doc === '${ALL}' || f.getAttribute('data-doc') === doc);
      f.hidden = !ok;
      if (!f.classList.contains('suppressed')) { total++; if (ok) shown++; }
    });
    docs.forEach(function (d) {
      d.hidden = doc !== '${ALL}' && d.id !== doc;
      var list = d.querySelector('ol.findings');
      var none = d.querySelector('.none-match');
      if (list && none) none.hidden = list.querySelector('article.finding:not([hidden])') !== null;
    });
    var filtered = shown !== total || doc !== '${ALL}';
    status.textContent = status.getAttribute('data-template').replace('{shown}', shown).replace('{total}', total);
    note.textContent = note.getAttribute('data-template').replace('{shown}', shown).replace('{total}', total);
    note.setAttribute('data-filtered', filtered ? 'true' : 'false');
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });
  // the reset done here, at once, so that the findings shown never lag behind the controls
  form.addEventListener('reset', function (ev) {
    ev.preventDefault();
    levelBoxes.forEach(function (c) { c.checked = true; });
    form.elements.namedItem('rule').selectedIndex = 0;
    form.elements.namedItem('doc').selectedIndex = 0;
    apply();
  });
  form.hidden = false;
  status.hidden = false;
  apply();
})();
`;

/** The script and style as XHTML-compatible blocks: a comment to HTML, a CDATA section to an XML parser. */
const STYLE_BODY = `/*<![CDATA[*/${CSS}/*]]>*/`;
const SCRIPT_BODY = `//<![CDATA[${SCRIPT}//]]>`;
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
/** Nothing may load: no URL, no font, no frame; only the page's own style and script run. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${sha256(STYLE_BODY)}; script-src ${sha256(SCRIPT_BODY)}; img-src data:; base-uri 'none'; form-action 'none'`;

interface Doc {
  index: number;
  id: string;
  file: string;
  result: FileResult;
}

interface RuleTally {
  ruleId: string;
  counts: Record<Level, number>;
  total: number;
  docs: Set<number>;
}

function tally(findings: readonly Finding[], docIndex: number, into: Map<string, RuleTally>): void {
  for (const f of findings) {
    const id = f.ruleId ?? NO_RULE;
    let t = into.get(id);
    if (!t) into.set(id, (t = { ruleId: id, counts: { error: 0, warn: 0, info: 0 }, total: 0, docs: new Set() }));
    t.counts[f.level]++;
    t.total++;
    t.docs.add(docIndex);
  }
}

/** Most findings first; then most errors; then by id. */
const byWeight = (a: RuleTally, b: RuleTally) => b.total - a.total || b.counts.error - a.counts.error || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

function ruleName(id: string, w: Words): string {
  return id === NO_RULE ? w.noRule : id;
}

function ruleDescription(id: string, ctx: FormatContext): string {
  return id === NO_RULE ? '' : ctx.rules.get(id)?.description[ctx.lang] ?? '';
}

function sev(level: Level, w: Words): string {
  return `<span class="sev sev-${level}">${e(w.level[level])}</span>`;
}

function countsOf(r: FileResult): Record<Level, number> {
  return { error: r.errorCount, warn: r.warningCount, info: r.infoCount };
}

/** The place of a finding: line:column in the file, or the imported document's own place. */
function where(f: Finding, lang: Lang): string {
  const place = placeOf(f, lang);
  if (place) return place;
  if (hasLine(f)) return `${f.line}:${f.column}`;
  return '';
}

/** A table of counts by rule, named by its caption or by the heading labelledBy. */
function ruleTable(tallies: RuleTally[], ctx: FormatContext, w: Words, name: { caption: string } | { labelledBy: string; id: string }, withDocs: boolean): string {
  const head = `<tr><th scope="col">${e(w.rule)}</th><th scope="col">${e(w.description)}</th>${LEVELS.map((l) => `<th scope="col" class="num">${e(w.level[l])}</th>`).join('')}<th scope="col" class="num">${e(w.total)}</th>${withDocs ? `<th scope="col" class="num">${e(w.inDocuments)}</th>` : ''}</tr>`;
  const rows = tallies.map(
    (t) =>
      `<tr data-rule="${e(t.ruleId)}"><th scope="row"><code>${e(ruleName(t.ruleId, w))}</code></th><td>${e(ruleDescription(t.ruleId, ctx))}</td>${LEVELS.map((l) => `<td class="num" data-count="${l}">${t.counts[l]}</td>`).join('')}<td class="num" data-count="total">${t.total}</td>${withDocs ? `<td class="num" data-count="documents">${t.docs.size}</td>` : ''}</tr>`,
  );
  const open = 'caption' in name ? `<table class="rules"><caption>${e(name.caption)}</caption>` : `<table class="rules" id="${name.id}" aria-labelledby="${name.labelledBy}">`;
  return `${open}<thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function countsDl(counts: Record<Level, number>, w: Words, extra: [string, number][] = []): string {
  const items = [...extra, ...LEVELS.map((l): [string, number] => [w.level[l], counts[l]])];
  return `<dl class="counts">${items.map(([k, v], i) => `<div${i >= extra.length ? ` data-level="${LEVELS[i - extra.length]}"` : ''}><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

function overview(docs: Doc[], rules: Map<string, RuleTally>, ctx: FormatContext, w: Words): string {
  const totals: Record<Level, number> = { error: 0, warn: 0, info: 0 };
  for (const d of docs) for (const l of LEVELS) totals[l] += countsOf(d.result)[l];
  const withErrors = docs.filter((d) => d.result.errorCount > 0).length;
  const out = [`<section class="block" id="overview" aria-labelledby="overview-h"><h2 id="overview-h">${e(w.overall)}</h2>`];
  out.push(countsDl(totals, w, [[w.documentsChecked, docs.length], [w.documentsWithErrors, withErrors], [w.findings, totals.error + totals.warn + totals.info]]));
  if (docs.length === 0) {
    out.push(`<p>${e(w.noFiles)}</p></section>`);
    return out.join('');
  }
  out.push(`<h3 id="documents-h">${e(w.documents)}</h3>`);
  out.push(
    `<table class="documents" id="summary" aria-labelledby="documents-h"><thead><tr><th scope="col">${e(w.file)}</th><th scope="col">${e(w.status)}</th>${LEVELS.map((l) => `<th scope="col" class="num">${e(w.level[l])}</th>`).join('')}<th scope="col" class="num">${e(w.total)}</th></tr></thead><tbody>`,
  );
  // documents with errors first (most errors first), then as given
  const order = [...docs].sort((a, b) => Number(b.result.errorCount > 0) - Number(a.result.errorCount > 0) || b.result.errorCount - a.result.errorCount || a.index - b.index);
  for (const d of order) {
    const c = countsOf(d.result);
    const state = c.error > 0 ? w.hasErrors : c.warn > 0 ? w.hasWarnings : w.ok;
    out.push(
      `<tr data-file="${e(d.file)}" data-doc="${d.id}"><th scope="row"><a href="#${d.id}"><code>${e(d.file)}</code></a></th><td>${e(state)}</td>${LEVELS.map((l) => `<td class="num" data-count="${l}">${c[l]}</td>`).join('')}<td class="num" data-count="total">${d.result.findings.length}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  const top = [...rules.values()].sort(byWeight);
  if (top.length) {
    out.push(`<h3 id="top-rules-h">${e(w.topRules)}</h3>`);
    out.push(ruleTable(top.slice(0, TOP_RULES), ctx, w, { labelledBy: 'top-rules-h', id: 'top-rules' }, true));
    // the long tail folded away (each document's summary counts all its rules)
    if (top.length > TOP_RULES) {
      out.push(`<details class="other-rules"><summary id="other-rules-h">${e(w.otherRules(top.length - TOP_RULES))}</summary>`);
      out.push(ruleTable(top.slice(TOP_RULES), ctx, w, { labelledBy: 'other-rules-h', id: 'other-rules' }, true), '</details>');
    }
  }
  out.push('</section>');
  return out.join('');
}

function filters(docs: Doc[], rules: Map<string, RuleTally>, w: Words): string {
  const ruleOptions = [...rules.values()]
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
    .map((t) => `<option value="${e(t.ruleId)}">${e(ruleName(t.ruleId, w))} (${t.total})</option>`)
    .join('');
  const docOptions = docs.map((d) => `<option value="${d.id}">${e(d.file)} (${d.result.findings.length})</option>`).join('');
  return [
    `<section class="block filters-block" aria-labelledby="filters-h"><h2 id="filters-h">${e(w.filters)}</h2>`,
    // hidden until the script runs: without it the controls would do nothing
    `<form class="filters" id="filters" hidden="hidden">`,
    `<fieldset><legend>${e(w.severity)}</legend>`,
    LEVELS.map((l) => `<label><input type="checkbox" name="level" value="${l}" checked="checked"/> ${sev(l, w)}</label>`).join(''),
    '</fieldset>',
    `<label for="filter-rule">${e(w.rule)}</label> <select id="filter-rule" name="rule"><option value="${ALL}">${e(w.allRules)}</option>${ruleOptions}</select>`,
    `<label for="filter-doc">${e(w.document)}</label> <select id="filter-doc" name="doc"><option value="${ALL}">${e(w.allDocuments)}</option>${docOptions}</select>`,
    `<button type="reset">${e(w.reset)}</button>`,
    '</form>',
    `<p class="filter-status" id="filter-status" role="status" aria-live="polite" hidden="hidden" data-template="${e(w.shown)}"></p>`,
    '</section>',
  ].join('');
}

function figures(f: Finding, w: Words): string {
  const a = f.arithmetic;
  if (!a) return '';
  const unit = a.unit ? ` ${e(a.unit)}` : '';
  const rows = (
    [
      [w.stated, a.stated],
      [w.computed, a.computed],
      [w.difference, a.difference],
      [w.tolerance, a.tolerance],
    ] as const
  )
    .map(([k, v], i) => `<tr data-arith="${['stated', 'computed', 'difference', 'tolerance'][i]}"><th scope="row">${e(k)}</th><td class="num">${e(v)}${unit}</td></tr>`)
    .join('');
  const out = [`<table class="arithmetic"><caption>${e(w.arithmeticCaption(a.unit))}</caption><tbody>${rows}</tbody></table>`];
  if (a.terms?.length) {
    out.push(
      `<table class="terms"><caption>${e(w.terms)}</caption><thead><tr><th scope="col">${e(w.term)}</th><th scope="col" class="num">${e(w.value)}</th><th scope="col">${e(w.pointer)}</th></tr></thead><tbody>${a.terms
        .map((t) => `<tr><th scope="row">${e(t.label)}</th><td class="num">${e(t.value)}</td><td><code>${e(t.path)}</code></td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  return out.join('');
}

function findingHtml(f: Finding, doc: Doc, n: number, ctx: FormatContext, w: Words, suppressed: boolean): string {
  const id = `${doc.id}-${suppressed ? 's' : 'f'}${n}`;
  const rule = f.ruleId ?? NO_RULE;
  const place = where(f, ctx.lang);
  const facts: [string, string][] = [];
  facts.push([w.severity, sev(f.level, w)]);
  facts.push([w.rule, `<code>${e(ruleName(rule, w))}</code>${ruleDescription(rule, ctx) ? ` ${e(ruleDescription(rule, ctx))}` : ''}`]);
  if (place) facts.push([w.placeLabel(!placeOf(f, ctx.lang)), `<span class="mono">${e(place)}</span>`]);
  if (f.section) facts.push([w.section, e(f.section)]);
  if (f.pointer) facts.push([w.pointer, `<code>${e(f.pointer)}</code>`]);
  if (f.related?.length) facts.push([w.related, `<ul class="related">${f.related.map((p) => `<li><code>${e(p)}</code></li>`).join('')}</ul>`]);
  if (f.fatal) facts.push([w.fatal, '']);
  if (suppressed && f.suppressed?.justification) facts.push([w.justification, e(f.suppressed.justification)]);
  const fig = figures(f, w);
  const classes = ['finding', `level-${f.level}`, ...(fig ? [] : ['no-figures']), ...(suppressed ? ['suppressed'] : [])];
  return [
    `<li><article class="${classes.join(' ')}" id="${id}" data-level="${f.level}" data-rule="${e(rule)}" data-doc="${doc.id}" aria-labelledby="${id}-h">`,
    `<header><h4 id="${id}-h">${sev(f.level, w)} <code class="rule-id">${e(ruleName(rule, w))}</code>${place ? ` <span class="where">${e(place)}</span>` : ''}</h4></header>`,
    `<div class="text"><p class="message">${e(f.message[ctx.lang])}</p>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl></div>`,
    fig ? `<div class="figures">${fig}</div>` : '',
    '</article></li>',
  ].join('');
}

function docSection(d: Doc, ctx: FormatContext, w: Words): string {
  const r = d.result;
  const rules = new Map<string, RuleTally>();
  tally(r.findings, d.index, rules);
  const out = [`<section class="doc" id="${d.id}" data-file="${e(d.file)}" aria-labelledby="${d.id}-h">`];
  out.push(`<h2 id="${d.id}-h">${e(w.fileHeading)}<code>${e(d.file)}</code></h2>`);
  out.push(`<h3>${e(w.docSummary)}</h3>`);
  out.push(countsDl(countsOf(r), w, [[w.findings, r.findings.length]]));
  if (rules.size) out.push(ruleTable([...rules.values()].sort(byWeight), ctx, w, { caption: w.byRule }, false));
  out.push(`<h3>${e(w.findings)}</h3>`);
  if (r.findings.length === 0) out.push(`<p class="clean">${e(w.noFindings)}</p>`);
  else {
    out.push(`<ol class="findings">${r.findings.map((f, i) => findingHtml(f, d, i, ctx, w, false)).join('')}</ol>`);
    out.push(`<p class="none-match" hidden="hidden">${e(w.noneMatch)}</p>`);
  }
  if (r.suppressed.length) {
    out.push(
      `<details class="suppressed"><summary>${e(w.suppressed)} (${r.suppressed.length})</summary><ol class="findings suppressed">${r.suppressed.map((f, i) => findingHtml(f, d, i, ctx, w, true)).join('')}</ol></details>`,
    );
  }
  out.push('</section>');
  return out.join('');
}

export const html: Formatter = (results, ctx) => {
  const w = WORDS[ctx.lang];
  const docs: Doc[] = results.map((result, index) => ({ index, id: `doc-${index}`, file: displayPath(result.filePath, ctx.cwd), result }));
  const rules = new Map<string, RuleTally>();
  for (const d of docs) tally(d.result.findings, d.index, rules);
  const body = [
    `<h1>${e(w.title)}</h1>`,
    overview(docs, rules, ctx, w),
    docs.length ? filters(docs, rules, w) : '',
    `<p class="print-note" id="print-note" data-filtered="false" data-template="${e(w.filteredPrint)}"></p>`,
    ...docs.map((d) => docSection(d, ctx, w)),
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${w.htmlLang}">`,
    '<head>',
    '<meta charset="utf-8"/>',
    `<meta http-equiv="Content-Security-Policy" content="${e(CONTENT_SECURITY_POLICY)}"/>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    '<meta name="generator" content="budgetlint"/>',
    `<title>${e(w.title)}</title>`,
    // no favicon request: the page loads nothing
    '<link rel="icon" href="data:,"/>',
    `<style>${STYLE_BODY}</style>`,
    '</head>',
    '<body>',
    `<main>${body.join('\n')}</main>`,
    `<script>${SCRIPT_BODY}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
