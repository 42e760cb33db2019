/**
 * JUnit XML, for CI systems that show test reports (Jenkins, GitLab, Azure Pipelines): one <testsuite> per
 * file, one <testcase> per finding. An error or a warning is a <failure>; a file that could not be read or
 * parsed is an <error> (as ESLint's junit format has it); a rounding-level note passes, its text in
 * <system-out>; a finding silenced by a directive or accepted in a baseline is <skipped>. A clean file is one passing testcase.
 */
import type { Finding } from '../engine/finding.js';
import { displayPath, hasLine, placeOf } from './common.js';
import type { Formatter, Lang } from './types.js';

const WORDS = {
  zh: { clean: '没有问题', section: '所在部分', path: '数据路径', place: '原文位置', stated: '所写', computed: '计算', difference: '差额', tolerance: '容差', suppressed: '已被指令忽略', baseline: '已在基线中接受' },
  en: { clean: 'no problems', section: 'section', path: 'data path', place: 'place in the original', stated: 'stated', computed: 'computed', difference: 'difference', tolerance: 'tolerance', suppressed: 'suppressed by a directive', baseline: 'accepted in the baseline' },
} as const;

/** Characters XML 1.0 cannot carry at all, even escaped: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: & and < must be escaped, > too (in "]]>"). */
export function escapeText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; tab, LF and CR as character references, else a parser turns them into spaces. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');

function where(f: Finding, lang: Lang): string {
  return placeOf(f, lang) ?? (hasLine(f) ? `${f.line}:${f.column}` : '');
}

function details(f: Finding, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [f.message[lang]];
  const place = placeOf(f, lang);
  if (place) lines.push(`${w.place}: ${place}`);
  if (f.section) lines.push(`${w.section}: ${f.section}`);
  if (f.pointer) lines.push(`${w.path}: ${f.pointer}`);
  const a = f.arithmetic;
  if (a) {
    const unit = a.unit ?? '';
    lines.push(`${w.stated}: ${a.stated}${unit}  ${w.computed}: ${a.computed}${unit}  ${w.difference}: ${a.difference}${unit}  ${w.tolerance}: ±${a.tolerance}${unit}`);
  }
  return lines.join('\n');
}

function testcase(f: Finding, file: string, lang: Lang): string {
  const at = where(f, lang);
  const rule = f.ruleId ?? 'budgetlint';
  const head = `    <testcase${attrs({ classname: file, name: at ? `${rule} ${at}` : rule, time: 0 })}>`;
  const body = escapeText(details(f, lang));
  let inner: string;
  if (f.suppressed) {
    const why = f.suppressed.kind === 'baseline' ? WORDS[lang].baseline : WORDS[lang].suppressed;
    inner = `<skipped${attrs({ message: f.suppressed.justification ? `${why}: ${f.suppressed.justification}` : why })}/>`;
  }
  else if (f.fatal) inner = `<error${attrs({ message: f.message[lang], type: 'fatal' })}>${body}</error>`;
  else if (f.level === 'info') inner = `<system-out>${body}</system-out>`;
  else inner = `<failure${attrs({ message: f.message[lang], type: f.ruleId ?? 'budgetlint' })}>${body}</failure>`;
  return `${head}\n      ${inner}\n    </testcase>`;
}

export const junit: Formatter = (results, ctx) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const r of results) {
    const file = displayPath(r.filePath, ctx.cwd);
    const all = [...r.findings, ...r.suppressed].sort((a, b) => a.line - b.line || a.column - b.column);
    const cases = all.map((f) => testcase(f, file, ctx.lang));
    if (cases.length === 0) cases.push(`    <testcase${attrs({ classname: file, name: WORDS[ctx.lang].clean, time: 0 })}/>`);
    const n = {
      tests: cases.length,
      failures: r.findings.filter((f) => !f.fatal && f.level !== 'info').length,
      errors: r.findings.filter((f) => f.fatal).length,
      skipped: r.suppressed.length,
    };
    tests += n.tests;
    failures += n.failures;
    errors += n.errors;
    skipped += n.skipped;
    suites.push(`  <testsuite${attrs({ name: file, ...n, time: 0 })}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  out.push(`<testsuites${attrs({ name: 'budgetlint', tests, failures, errors, skipped, time: 0 })}>`, ...suites, '</testsuites>');
  return out.join('\n') + '\n';
};
