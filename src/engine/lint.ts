/**
 * One file's text → its findings: parse (fast, no positions) → model (zod) → rules → locate only what
 * is reported → suppress by directive. Pure apart from the lazy import of the position-keeping parser.
 */
import type { MoneyUnit } from '../arith/units.js';
import { findDirectives, type Directive } from '../load/directives.js';
import type { SourceLoc } from '../read/blocks.js';
import { LineIndex } from '../load/line-index.js';
import { parse, type Format } from '../load/parse.js';
import { BudgetDocument } from '../model/schema.js';
import { defaultLexicons, type Lexicons } from '../model/lexicons.js';
import { withUniformShapes } from '../model/shapes.js';
import { documentDone } from './per-document.js';
import type { ResolvedRule } from './config.js';
import { count, render, type FileResult, type Finding } from './finding.js';
import { toPointer, type Path } from './path.js';
import type { Bilingual, DataValue, Level, Report, RuleContext } from './rule.js';
import { schemaFindings } from './schema-findings.js';
import { sectionOf } from './section.js';
import { STAGES, addDocument, addTime, clock } from './timing.js';

/** A finding before it has a place in the source. */
export interface Pending {
  ruleId: string | null;
  level: Level;
  message: Bilingual;
  path: Path;
  at: 'key' | 'value';
  messageId?: string;
  report?: Report;
  fatal?: boolean;
}

export const SCHEMA_RULE_ID = 'schema';

export function formatOf(filePath: string): Format {
  return /\.json$/i.test(filePath) ? 'json' : 'yaml';
}

export interface LintOptions {
  lexicons?: Lexicons;
  /** last year's disclosure, as read (YAML/JSON data or an imported document's data) */
  previous?: unknown;
  /** `previous` modelled already (previousModel), for a run whose every document is given the same data */
  previousModel?: RuleContext['doc'];
  /** report `budgetlint-disable` comments that suppress nothing (ESLint's --report-unused-disable-directives) */
  reportUnusedDirectives?: boolean;
}

export async function lintText(text: string, filePath: string, rules: readonly ResolvedRule[], opts: LintOptions = {}): Promise<FileResult> {
  const t0 = clock();
  const parsed = parse(text, formatOf(filePath));
  addTime(STAGES.parse, t0);
  if (!parsed.ok) {
    const e = parsed.error;
    const pos = e.line !== undefined ? { line: e.line, column: e.column ?? 1 } : new LineIndex(text).position(e.offset ?? 0);
    const f: Finding = {
      ruleId: null,
      level: 'error',
      fatal: true,
      message: { zh: e.zh, en: e.en },
      path: [],
      pointer: '',
      section: '',
      ...pos,
    };
    return count(filePath, [f], []);
  }
  return lintData(parsed.data, filePath, rules, opts, yamlPlacer(text));
}

/** Where findings go in the source: positions for a YAML/JSON text, or a map from data paths for an imported document. */
export interface Placer {
  place(path: Path, at: 'key' | 'value'): Place;
  /** lines suppressed by `# budgetlint-disable…` comments (text sources only) */
  directives: Directive[];
}

export interface Place {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  location?: SourceLoc;
}

/** The position-keeping YAML parser, loaded and run only once something is to be reported, on the parts reported. */
function yamlPlacer(text: string): (paths: readonly Path[]) => Promise<Placer> {
  return async (paths) => {
    const { locatorFor } = await import('../load/locate.js');
    const locator = await locatorFor(text, paths);
    return { place: (path, at) => locator(path, at), directives: findDirectives(text) };
  };
}

/** Checks data already read (from YAML, JSON or an imported document); `placer` is asked only if there are findings, with their paths. */
export async function lintData(
  data: unknown,
  filePath: string,
  rules: readonly ResolvedRule[],
  opts: LintOptions,
  placer: (paths: readonly Path[]) => Promise<Placer>,
  notes: Pending[] = [],
): Promise<FileResult> {
  const schemaLevel = rules.find((r) => r.rule.meta.id === SCHEMA_RULE_ID)?.severity;
  const pending: Pending[] = [...notes];

  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    const empty = data === null || data === undefined;
    pending.push({
      ruleId: SCHEMA_RULE_ID,
      level: schemaLevel ?? 'error',
      path: [],
      at: 'value',
      message: empty
        ? { zh: '文件为空：没有预算数据', en: 'the file is empty: no budget data' }
        : { zh: '顶层应为对象（document、income、expenditure…）', en: 'the top level must be a mapping (document, income, expenditure, …)' },
    });
    return locate(placer, filePath, data, pending, opts);
  }

  const doc = modelOf(data, schemaLevel ? pending : []);
  if (schemaLevel) for (const p of pending) if (p.ruleId === SCHEMA_RULE_ID) p.level = schemaLevel;
  const unit: MoneyUnit = doc.document?.unit ?? '万元';
  const lexicons = opts.lexicons ?? defaultLexicons();
  const previous = opts.previousModel ?? previousModel(opts.previous);
  addDocument();
  try {
    runRules(rules, doc, unit, lexicons, previous, pending);
  } finally {
    // the rules' memos of this document let go of it before the (asynchronous) placing of findings
    documentDone();
  }
  return locate(placer, filePath, data, pending, opts);
}

/** Each rule over the model, its reports added to `pending`. */
function runRules(
  rules: readonly ResolvedRule[],
  doc: RuleContext['doc'],
  unit: MoneyUnit,
  lexicons: Lexicons,
  previous: RuleContext['doc'] | undefined,
  pending: Pending[],
): void {
  for (const { rule, severity, options } of rules) {
    if (rule.meta.id === SCHEMA_RULE_ID) continue;
    const ctx: RuleContext<unknown> = {
      doc,
      unit,
      options,
      lexicons,
      ...(previous ? { previous } : {}),
      report(r) {
        const tpl = rule.meta.messages[r.messageId];
        const vars = { ...(r.arithmetic ?? {}), ...(r.data ?? {}) } as Record<string, DataValue>;
        delete vars.terms;
        pending.push({
          ruleId: rule.meta.id,
          level: r.info ? 'info' : severity,
          message: tpl ? { zh: render(tpl.zh, vars, 'zh'), en: render(tpl.en, vars, 'en') } : { zh: r.messageId, en: r.messageId },
          path: r.path,
          at: 'value',
          messageId: r.messageId,
          report: r,
        });
      },
    };
    const t0 = clock();
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule that breaks on odd data must not take the whole run with it.
      const msg = e instanceof Error ? e.message : String(e);
      pending.push({
        ruleId: rule.meta.id,
        level: 'error',
        path: [],
        at: 'value',
        message: { zh: `规则 ${rule.meta.id} 内部错误：${msg}`, en: `rule ${rule.meta.id} failed: ${msg}` },
      });
    }
    addTime(rule.meta.id, t0);
  }
}

/**
 * jitless: zod would compile a fast parser (new Function) for each object schema on its first parse. For
 * this model, whose every leaf is a transform, the compiled parsers were measured no faster over a batch
 * of 100 documents, and compiling them costs a single-file run some 8 ms. (`z.config({ jitless })` cannot
 * say it: the schemas are built at import and read the setting then.)
 */
const PARSE = { jitless: true } as const;

/**
 * Last year's model, made once where the same data is given to every document of a run (--previous:
 * src/cli/run.ts lintOptionsFor), not once per document. A paired year's data is modelled with its document.
 */
export function previousModel(data: unknown): RuleContext['doc'] | undefined {
  return data && typeof data === 'object' ? modelOf(data, []) : undefined;
}

/** The whole model when it is valid; otherwise each top-level part that is, so one bad part does not silence the rest. */
function modelOf(data: object, pending: Pending[]): RuleContext['doc'] {
  const t0 = clock();
  try {
    return modelParts(data, pending);
  } finally {
    addTime(STAGES.model, t0);
  }
}

function modelParts(data: object, pending: Pending[]): RuleContext['doc'] {
  const full = BudgetDocument.safeParse(data, PARSE);
  if (full.success) return withUniformShapes(full.data);
  for (const s of schemaFindings(full.error.issues, data)) {
    pending.push({ ruleId: SCHEMA_RULE_ID, level: 'error', path: s.path, at: s.at, message: s.message });
  }
  const doc: Record<string, unknown> = {};
  const raw = data as Record<string, unknown>;
  for (const [key, schema] of Object.entries(BudgetDocument.shape)) {
    if (raw[key] === undefined) continue;
    const part = (schema as { safeParse(v: unknown, o: object): { success: boolean; data?: unknown } }).safeParse(raw[key], PARSE);
    if (part.success) doc[key] = part.data;
  }
  return withUniformShapes(doc as RuleContext['doc']);
}

async function locate(placer: (paths: readonly Path[]) => Promise<Placer>, filePath: string, data: unknown, pending: Pending[], opts: LintOptions): Promise<FileResult> {
  if (pending.length === 0 && !opts.reportUnusedDirectives) return count(filePath, [], []);
  // (the first file's wait for the position-keeping parser's module, and in the main thread of a --jobs run the
  // workers' messages handled during that wait, are counted here too: small against the placing itself)
  const t0 = clock();
  const { place, directives } = await placer(pending.map((p) => p.path));
  const used = new Set<Directive>();
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const p of pending) {
    const range = place(p.path, p.at);
    const f: Finding = {
      ruleId: p.ruleId,
      level: p.level,
      message: p.message,
      path: p.path,
      pointer: toPointer(p.path),
      section: sectionOf(data, p.path),
      line: range.line,
      column: range.column,
      ...(range.endLine !== undefined ? { endLine: range.endLine, endColumn: range.endColumn } : {}),
      ...(range.location ? { location: range.location } : {}),
      ...(p.messageId ? { messageId: p.messageId } : {}),
      ...(p.report?.arithmetic ? { arithmetic: p.report.arithmetic } : {}),
      ...(p.report?.related?.length ? { related: p.report.related.map(toPointer) } : {}),
      ...(p.report?.data ? { data: p.report.data } : {}),
      ...(p.fatal ? { fatal: true } : {}),
    };
    const d = directives.find((x) => x.targetLine === f.line && (x.rules.length === 0 || (f.ruleId !== null && x.rules.includes(f.ruleId))));
    if (d && f.ruleId !== null) {
      used.add(d);
      suppressed.push({ ...f, suppressed: { kind: 'directive', ...(d.justification ? { justification: d.justification } : {}) } });
    } else findings.push(f);
  }
  if (opts.reportUnusedDirectives) {
    for (const d of directives) {
      if (used.has(d)) continue;
      const what = d.rules.length ? d.rules.join(', ') : '';
      findings.push({
        ruleId: null,
        level: 'error',
        message: {
          zh: `未使用的 budgetlint-${d.kind} 注释${what ? `（${what}）` : ''}：它所在的下一行没有要抑制的发现`,
          en: `unused budgetlint-${d.kind} directive${what ? ` (${what})` : ''}: nothing on its line is reported`,
        },
        path: [],
        pointer: '',
        section: '',
        line: d.line,
        column: d.column,
      });
    }
  }
  const order = (a: Finding, b: Finding) => a.line - b.line || a.column - b.column;
  addTime(STAGES.locate, t0);
  return count(filePath, findings.sort(order), suppressed.sort(order));
}
