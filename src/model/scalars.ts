import { z } from 'zod';
import { Decimal } from 'decimal.js';
import { NumberText, decimalText } from '../arith/decimal.js';
import { ownCopy } from '../text/own-copy.js';

/** A figure as stated: its exact value, the text it was built from, and the places it was written with. */
export interface Stated {
  value: Decimal;
  text: string;
  decimals: number;
}

/** One text per language: messages, labels. Also carried on zod custom issues, so the report never shows zod's English text. */
export interface Bilingual {
  zh: string;
  en: string;
}
export type BilingualParams = Bilingual;

function sourceText(v: unknown): string | undefined {
  if (v instanceof NumberText) return v.text;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return undefined; // a JS number has already lost its text; the loaders never produce one
  return undefined;
}

function describeType(v: unknown): { zh: string; en: string } {
  if (v === null || v === undefined) return { zh: '空值', en: 'null' };
  if (Array.isArray(v)) return { zh: '列表', en: 'a list' };
  if (typeof v === 'object' && !(v instanceof NumberText)) return { zh: '对象', en: 'an object' };
  if (typeof v === 'boolean') return { zh: '布尔值', en: 'a boolean' };
  return { zh: `"${String(v)}"`, en: `"${String(v)}"` };
}

/**
 * One Decimal per figure text: a document repeats most of its figures (a total recurs across tables and
 * the narrative; in generated documents 7 in 10 are repeats), and a Decimal is immutable (its methods
 * return new ones), so sharing is safe and saves building the same digits again. Bounded like bareNames.
 */
const decimals = new Map<string, Decimal>();
function decimalOf(norm: string): Decimal {
  let d = decimals.get(norm);
  if (d === undefined) {
    if (decimals.size >= 10_000) decimals.clear();
    d = new Decimal(norm);
    // a copy: a long figure's text is a slice of the parsed file, which the key would keep
    decimals.set(ownCopy(norm), d);
  }
  return d;
}

/**
 * A figure read from its normalised text. Its Decimal is made when first asked for: most figures are table
 * cells, which the relations decide on their text (src/arith/exact.ts) and show only when they report one.
 * The value is the Decimal of the text, whenever it is read.
 */
class StatedFigure implements Stated {
  #value: Decimal | undefined = undefined;
  constructor(
    readonly text: string,
    readonly decimals: number,
  ) {}
  get value(): Decimal {
    return (this.#value ??= decimalOf(this.text));
  }
}

/** A figure from its normalised text: the text is read once, for its places. */
function stated(norm: string): Stated {
  const dot = norm.indexOf('.');
  return new StatedFigure(norm, dot < 0 ? 0 : norm.length - dot - 1);
}

/**
 * Whether a value of the model is a stated figure (a walk over the model meets them among its objects);
 * its Decimal is not made to tell.
 */
export function isStated(v: unknown): v is Stated {
  return v instanceof StatedFigure || (v !== null && typeof v === 'object' && 'decimals' in v && 'text' in v && (v as { value?: unknown }).value instanceof Decimal);
}

/**
 * A leaf of the model: one transform of the value as written. Not `z.any().transform(…)`, which is a pipe:
 * a pipe gives each value a second payload and a pass through `any`, and a document has thousands of
 * values. The same transform, so the same output and issues; zod takes a bare transform for optional in a
 * JSON Schema, so the generator (src/model/json-schema.ts) describes the leaves and their objects' required
 * keys itself, as it did.
 */
function leaf<T>(fn: (v: unknown, ctx: z.core.ParsePayload) => T, description?: string) {
  const t = z.transform(fn);
  return description === undefined ? t : t.meta({ description });
}

function decimalTransform(kind: { zh: string; en: string }, allowPercentSign: boolean) {
  return (v: unknown, ctx: z.core.ParsePayload): Stated => {
    let text = sourceText(v);
    if (text !== undefined && allowPercentSign) text = text.replace(/\s*[%％]\s*$/, '');
    const norm = text === undefined ? undefined : decimalText(text);
    if (norm === undefined) {
      const got = describeType(v);
      const params: BilingualParams = {
        zh: `应为${kind.zh}，实为${got.zh}`,
        en: `expected ${kind.en}, got ${got.en}`,
      };
      ctx.issues.push({ code: 'custom', message: params.en, params, input: v });
      return z.NEVER;
    }
    return stated(norm);
  };
}

export const Amount = leaf(decimalTransform({ zh: '金额数字', en: 'an amount' }, false), '金额，按文档金额单位（数字）');
export const Quantity = leaf(decimalTransform({ zh: '数量数字', en: 'a quantity' }, false), '数量（数字）');
export const Percent = leaf(decimalTransform({ zh: '百分比数字', en: 'a percentage' }, true), '百分比数值，如 96.74 或 "96.74%"');

/** Text fields accept what YAML reads as a number too (a name like 2021, a value like 100), as written. */
export const Text = leaf((v: unknown, ctx): string => {
  if (typeof v === 'string') return v;
  if (v instanceof NumberText) return v.text;
  if (typeof v === 'boolean') return String(v);
  const got = describeType(v);
  const params: BilingualParams = { zh: `应为文本，实为${got.zh}`, en: `expected text, got ${got.en}` };
  ctx.issues.push({ code: 'custom', message: params.en, params, input: v });
  return z.NEVER;
}, '文本');

/**
 * A table cell as printed: an amount (its text kept), a word (a code like "201 06 01", a name), or
 * blank. Tables print zero as blank, "-" or "—": those are blank here, and count as an exact 0.
 */
export type Cell = Stated | string | null;
const BLANK = /^\s*(?:-+|—+|－+|\/)?\s*$/;

/** One cell read; a bad one adds its issue (at `path`, relative to the caller's value) and gives z.NEVER. */
function readCell(v: unknown, issues: z.core.$ZodRawIssue[], path: number[] | undefined): Cell {
  if (v === null || v === undefined) return null;
  const text = sourceText(v);
  if (text === undefined) {
    const got = describeType(v);
    const params: BilingualParams = { zh: `单元格应为数字或文本，实为${got.zh}`, en: `a cell holds a number or text, got ${got.en}` };
    issues.push({ code: 'custom', message: params.en, params, input: v, ...(path ? { path } : {}) });
    return z.NEVER;
  }
  if (BLANK.test(text)) return null;
  const norm = decimalText(text);
  if (norm !== undefined) return stated(norm);
  return text;
}

export const Cell = leaf((v: unknown, ctx): Cell => readCell(v, ctx.issues, undefined), '单元格：数字、文本或空');

/**
 * A row of cells, read by one transform over the raw value: the same cells and issues as z.array(Cell)
 * (a value that is not a list is zod's own invalid_type issue), but nothing per cell beyond the cell
 * itself: zod's array would wrap every element in a payload with its own issues list. Tables hold most
 * of a document's values, so per-cell costs are what matter here. The JSON Schema generator describes it
 * as a list of cells; src/model/introspect.ts sees a leaf here, which no caller asks about (a table's
 * findings are named from its columns, in src/engine/section.ts).
 */
export const CellRow = leaf((row: unknown, ctx): Cell[] => {
  if (!Array.isArray(row)) {
    ctx.issues.push({ code: 'invalid_type', expected: 'array', input: row });
    return z.NEVER;
  }
  const out = new Array<Cell>(row.length);
  for (let i = 0; i < row.length; i++) out[i] = readCell(row[i], ctx.issues, [i]);
  return out;
});

/** A year as written (2021 or "2021"): a four-digit integer. */
export const Year = leaf((v: unknown, ctx): number => {
  const text = sourceText(v)?.trim();
  if (text !== undefined && /^\d{4}$/.test(text)) return Number(text);
  const got = describeType(v);
  const params: BilingualParams = { zh: `应为四位年份，实为${got.zh}`, en: `expected a four-digit year, got ${got.en}` };
  ctx.issues.push({ code: 'custom', message: params.en, params, input: v });
  return z.NEVER;
}, '年度，如 2021');
