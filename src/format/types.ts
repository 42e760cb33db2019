import type { FileResult } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';

export type Lang = 'zh' | 'en';

export interface FormatContext {
  lang: Lang;
  cwd: string;
  color: boolean;
  rules: ReadonlyMap<string, RuleMeta<unknown>>;
}

/** A formatter is a plain function from results to text (ESLint's shape). */
export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;

/**
 * A report written as the results arrive, in the files' order: its head, what each file's result adds, then
 * what follows the last file (totals, closing brackets). The CLI keeps no file's result once its text is
 * written, so a run's memory does not grow with the number of files. Each format keeps only what its end
 * needs (counts, for stylish's summary).
 */
export interface ReportStream {
  readonly head: string;
  file(result: FileResult): string;
  end(): string;
}

/** Opens a report stream; `whole` gives the same bytes for a list of results at once. */
export type StreamingFormatter = (ctx: FormatContext) => ReportStream;

