/** The indicator rules' word lists (rules/lexicons.yaml), with a config's overrides merged over them. */
import { z } from 'zod';
import { builtinLexicons } from '../load/builtin-data.js';

const Words = z.array(z.string());

export const LexiconsFile = z.strictObject({
  reverse: Words,
  floors: Words,
  units: z.strictObject({ money: Words, rate: Words, duration: Words, energy: Words }),
  qualitative: Words,
  vague: Words,
  inputs: Words,
  categories: Words,
  glossary: Words,
  placeholders: Words,
  thresholds: z.strictObject({ satisfactionFloor: z.number() }),
});
export type Lexicons = z.infer<typeof LexiconsFile>;

/** What a config may say: any list replaced, any threshold changed. */
export const LexiconsOverride = z.strictObject({
  reverse: Words.optional(),
  floors: Words.optional(),
  units: LexiconsFile.shape.units.partial().optional(),
  qualitative: Words.optional(),
  vague: Words.optional(),
  inputs: Words.optional(),
  categories: Words.optional(),
  glossary: Words.optional(),
  placeholders: Words.optional(),
  thresholds: LexiconsFile.shape.thresholds.partial().optional(),
});
export type LexiconsOverride = z.infer<typeof LexiconsOverride>;

let builtin: Lexicons | undefined;

/** The shipped lists; checked by the tests, so trusted here. */
export function defaultLexicons(): Lexicons {
  return (builtin ??= builtinLexicons() as Lexicons);
}

export function mergeLexicons(base: Lexicons, o: LexiconsOverride | undefined): Lexicons {
  if (!o) return base;
  return {
    ...base,
    ...Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'units' && k !== 'thresholds')),
    units: { ...base.units, ...(o.units ?? {}) },
    thresholds: { ...base.thresholds, ...(o.thresholds ?? {}) },
  } as Lexicons;
}
