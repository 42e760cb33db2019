/**
 * The machine API, ESLint-compatible: an array of {filePath, messages, errorCount, warningCount, …}.
 * severity 2 error, 1 warning, 0 info (rounding-level: budgetlint's own level, also given as `level`).
 */
import { valueIn, type FileResult, type Finding } from '../engine/finding.js';
import { describeLoc } from '../read/blocks.js';
import { whole } from './stream.js';
import type { Formatter, Lang, StreamingFormatter } from './types.js';

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

/** One file's entry in the array. */
function entry(r: FileResult, lang: Lang) {
  return {
    filePath: r.filePath,
    messages: r.findings.map((f) => toMessage(f, lang)),
    suppressedMessages: r.suppressed.map((f) => toMessage(f, lang)),
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

/** The array written an entry at a time: JSON.stringify of the whole array is `[` + entries joined by `,` + `]`. */
export const jsonStream: StreamingFormatter = (ctx) => {
  let first = true;
  return {
    head: '[',
    file(r) {
      const text = JSON.stringify(entry(r, ctx.lang));
      if (first) {
        first = false;
        return text;
      }
      return ',' + text;
    },
    end: () => ']',
  };
};

export const json: Formatter = whole(jsonStream);
