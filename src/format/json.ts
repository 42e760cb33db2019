/**
 * The machine API, ESLint-compatible: an array of {filePath, messages, errorCount, warningCount, …}.
 * severity 2 error, 1 warning, 0 info (rounding-level: budgetlint's own level, also given as `level`).
 */
import { valueIn, type Finding } from '../engine/finding.js';
import { describeLoc } from '../read/blocks.js';
import type { Formatter, Lang } from './types.js';

const SEVERITY = { error: 2, warn: 1, info: 0 } as const;

export function toMessage(f: Finding, lang: Lang) {
  return {
    ruleId: f.ruleId,
    severity: SEVERITY[f.level],
    level: f.level,
    message: f.message[lang],
    line: f.line,
    column: f.column,
    ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
    ...(f.location ? { location: { ...f.location, text: describeLoc(f.location, lang) } } : {}),
    path: f.pointer,
    section: f.section,
    ...(f.messageId ? { messageId: f.messageId } : {}),
    ...(f.related ? { related: f.related } : {}),
    ...(f.fatal ? { fatal: true } : {}),
    data: { ...Object.fromEntries(Object.entries(f.data ?? {}).map(([k, v]) => [k, valueIn(v, lang)])), ...(f.arithmetic ? { arithmetic: f.arithmetic } : {}) },
    ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.kind, justification: f.suppressed.justification ?? '' }] } : {}),
  };
}

export const json: Formatter = (results, ctx) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.findings.map((f) => toMessage(f, ctx.lang)),
      suppressedMessages: r.suppressed.map((f) => toMessage(f, ctx.lang)),
      errorCount: r.errorCount,
      fatalErrorCount: r.fatalErrorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    })),
  );
