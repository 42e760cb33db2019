/**
 * Statements as data a YAML or JSON document holds (`narrative:` in the model): numbers as their written text,
 * so that nothing is lost to a float and the loaders read them back as written.
 */
import type { Statement } from '../model/schema.js';

export interface StatementInput {
  label: string;
  amount?: string;
  unit?: '元' | '万元' | '亿元';
  parent?: number;
  share?: string;
  of?: string;
  change?: { amount?: string; direction?: string; rate?: string; reason?: string };
  blank?: string;
  text?: string;
  at?: string;
}

export function toInput(s: Statement): StatementInput {
  const out: StatementInput = { label: s.label };
  if (s.amount) out.amount = s.amount.text;
  if (s.unit) out.unit = s.unit;
  if (s.parent !== undefined) out.parent = s.parent;
  if (s.share) out.share = s.share.text;
  if (s.of !== undefined) out.of = s.of;
  if (s.change) {
    const c: NonNullable<StatementInput['change']> = {};
    if (s.change.amount) c.amount = s.change.amount.text;
    if (s.change.direction) c.direction = s.change.direction;
    if (s.change.rate) c.rate = s.change.rate.text;
    if (s.change.reason !== undefined) c.reason = s.change.reason;
    out.change = c;
  }
  if (s.blank !== undefined) out.blank = s.blank;
  if (s.text !== undefined) out.text = s.text;
  if (s.at !== undefined) out.at = s.at;
  return out;
}
