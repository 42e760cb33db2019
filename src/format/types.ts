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
