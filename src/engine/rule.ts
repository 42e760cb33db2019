/** What a rule is: ESLint-style metadata and a pure check over the model that reports data paths. */
import type { z } from 'zod';
import type { MoneyUnit } from '../arith/units.js';
import type { BudgetDocument } from '../model/schema.js';
import type { Lexicons } from '../model/lexicons.js';
import type { Path } from './path.js';

import type { Bilingual } from '../model/scalars.js';

export type { Bilingual };

/** A message value: plain, or one per language (labels, composed expressions). */
export type DataValue = string | number | Bilingual;

export type Severity = 'off' | 'warn' | 'error';
/** info is what a rule gives a gap that rounding explains: shown, never failing a run. */
export type Level = 'error' | 'warn' | 'info';

export interface RuleMeta<O = unknown> {
  id: string;
  type: 'problem' | 'suggestion';
  description: Bilingual;
  defaultSeverity: Severity;
  /** message templates keyed by id, with {{placeholders}} */
  messages: Record<string, Bilingual>;
  /** options with their defaults; absent: the rule takes none */
  options?: z.ZodType<O>;
  /** the doc page, relative to the repository: docs/rules/<id>.md */
  docs: string;
}

/** The arithmetic behind a finding, shown to the user: every term, the result, the gap, the tolerance. */
export interface Arithmetic {
  stated: string;
  computed: string;
  difference: string;
  tolerance: string;
  unit?: string;
  terms?: { label: string; value: string; path: string }[];
}

export interface Report {
  path: Path;
  messageId: string;
  data?: Record<string, DataValue>;
  /** downgrade to info (rounding-level); never raises above the configured severity */
  info?: boolean;
  arithmetic?: Arithmetic;
  /** other paths the finding involves (terms of a sum, the other table) */
  related?: Path[];
}

export interface RuleContext<O = unknown> {
  doc: Partial<BudgetDocument> & { document?: BudgetDocument['document'] };
  /** the document's amount unit (万元 when the document part is missing) */
  unit: MoneyUnit;
  options: O;
  /** the indicator word lists: rules/lexicons.yaml with the config's overrides */
  lexicons: Lexicons;
  /** last year's disclosure of the same department, when given (--previous, or matched in a batch) */
  previous?: Partial<BudgetDocument>;
  report(r: Report): void;
}

export interface Rule<O = unknown> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): void;
}

export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}
