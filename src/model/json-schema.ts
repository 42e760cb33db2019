/** The zod model as JSON Schema (draft 2020-12). The leaves are described by hand: zod sees only transforms there. */
import { z } from 'zod';
import { defOf } from './introspect.js';
import { Amount, Cell, CellRow, Percent, Quantity, Text, Year } from './scalars.js';
import { BudgetDocument, Figure } from './schema.js';

type AnySchema = z.ZodType;

/** s is the leaf, or a copy of it with a description of its own (a copy made by .meta() shares the definition). */
function is(s: unknown, leaf: AnySchema): boolean {
  return (s as { _zod?: { def?: unknown } })._zod?.def === defOf(leaf);
}

const LEAVES: readonly AnySchema[] = [Amount, Quantity, Percent, Text, Cell, CellRow, Year];

const isLeaf = (s: unknown) => LEAVES.some((leaf) => is(s, leaf));

/**
 * Whether a key may be absent from the input, as zod's JSON Schema says it (through a preprocess, to the
 * schema after it), but for the leaves: zod takes a bare transform for optional, since a transform may see
 * an absent key; a leaf fails on one, and was required when it was written as a pipe from `any`.
 */
function optionalInput(field: AnySchema): boolean {
  if (isLeaf(field)) return false;
  const d = defOf(field);
  if (d.type === 'pipe' && defOf(d.in as AnySchema).type === 'transform') return optionalInput(d.out as AnySchema);
  if (d.type === 'catch') return optionalInput(d.innerType as AnySchema);
  return field._zod.optin !== undefined;
}

/** An object's required keys, where zod puts them: after its properties. */
function fixRequired(s: unknown, js: Record<string, unknown>): void {
  const d = defOf(s as AnySchema);
  if (d.type !== 'object') return;
  const shape = d.shape as Record<string, AnySchema>;
  const required = Object.keys(shape).filter((k) => !optionalInput(shape[k]!));
  const entries = Object.entries(js).filter(([k]) => k !== 'required');
  const at = entries.findIndex(([k]) => k === 'properties') + 1;
  if (required.length > 0) entries.splice(at, 0, ['required', required]);
  for (const k of Object.keys(js)) delete js[k];
  Object.assign(js, Object.fromEntries(entries));
}

/**
 * A leaf's description: its own, when it is a copy that carries one (`Text.meta({description: '部门名称'})`),
 * first, as zod puts a description; else the leaf's.
 */
function leafJson(s: unknown, leaf: AnySchema, json: Record<string, unknown>): Record<string, unknown> {
  if (s === leaf) return json;
  const own = z.globalRegistry.get(s as AnySchema)?.description;
  if (own === undefined) return json;
  const { description: _, ...rest } = json;
  return { description: own, ...rest };
}

const NUMBER_TEXT = '^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*$';

export function budgetJsonSchema(): Record<string, unknown> {
  const numeric = (description: string) => ({ type: ['number', 'string'], pattern: NUMBER_TEXT, description });
  const cell = { type: ['number', 'string', 'null'], description: '单元格：数字、文本或空' };
  const LEAF_JSON = new Map<AnySchema, Record<string, unknown>>([
    [Amount, numeric('金额，按文档金额单位')],
    [Quantity, numeric('数量')],
    [Percent, { type: ['number', 'string'], pattern: '^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*[%％]?\\s*$', description: '百分比，如 96.74 或 "96.74%"' }],
    [Text, { type: ['string', 'number', 'boolean'], description: '文本' }],
    [Cell, cell],
    [CellRow, { type: 'array', items: cell }],
    [Year, { type: ['integer', 'string'], pattern: '^\\d{4}$', description: '年度，如 2021' }],
  ]);
  const schema = z.toJSONSchema(BudgetDocument, {
    io: 'input',
    unrepresentable: 'any',
    override(ctx) {
      const s = ctx.zodSchema as unknown;
      const js = ctx.jsonSchema as Record<string, unknown>;
      const set = (v: Record<string, unknown>) => {
        for (const k of Object.keys(js)) delete js[k];
        Object.assign(js, v);
      };
      const leaf = LEAVES.find((l) => is(s, l));
      if (leaf) set(leafJson(s, leaf, LEAF_JSON.get(leaf)!));
      else if (is(s, Figure)) set({ $ref: '#/$defs/figure', ...(js.description ? { description: js.description } : {}) });
      else fixRequired(s, js);
    },
  }) as Record<string, unknown>;
  // A figure is a bare amount or an object with its prior year, change and share.
  const figureObject = z.toJSONSchema(
    (Figure as unknown as { _zod: { def: { out: z.ZodType } } })._zod.def.out,
    {
      io: 'input',
      unrepresentable: 'any',
      override(ctx) {
        const js = ctx.jsonSchema as Record<string, unknown>;
        const s = ctx.zodSchema as unknown;
        if (is(s, Amount)) Object.assign(js, leafJson(s, Amount, numeric('金额')));
        else if (is(s, Percent)) Object.assign(js, leafJson(s, Percent, { type: ['number', 'string'], description: '百分比' }));
        else if (is(s, Text)) Object.assign(js, { type: ['string', 'number', 'boolean'] });
        else fixRequired(s, js);
      },
    },
  ) as Record<string, unknown>;
  delete figureObject.$schema;
  schema.$id = 'https://budgetlint.invalid/schemas/budget.schema.json';
  schema.title = '部门预算/决算公开数据 (budgetlint)';
  schema.$defs = {
    ...((schema.$defs as object) ?? {}),
    figure: { description: '金额：直接写数字，或写成 {amount, prior, change, share}', anyOf: [numeric('金额'), figureObject] },
  };
  return schema;
}
