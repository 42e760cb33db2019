/** The zod model as JSON Schema (draft 2020-12). Numeric inputs are described by hand: zod sees only `any` there. */
import { z } from 'zod';
import { amountInput, cellInput, cellRowInput, percentInput, quantityInput, textInput, yearInput } from './scalars.js';
import { BudgetDocument, Figure } from './schema.js';

const NUMBER_TEXT = '^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*$';

export function budgetJsonSchema(): Record<string, unknown> {
  const numeric = (description: string) => ({ type: ['number', 'string'], pattern: NUMBER_TEXT, description });
  const cell = { type: ['number', 'string', 'null'], description: '单元格：数字、文本或空' };
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
      if (s === amountInput) set(numeric('金额，按文档金额单位'));
      else if (s === quantityInput) set(numeric('数量'));
      else if (s === percentInput) set({ type: ['number', 'string'], pattern: '^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*[%％]?\\s*$', description: '百分比，如 96.74 或 "96.74%"' });
      else if (s === textInput) set({ type: ['string', 'number', 'boolean'], description: '文本' });
      else if (s === cellInput) set(cell);
      else if (s === cellRowInput) set({ type: 'array', items: cell });
      else if (s === yearInput) set({ type: ['integer', 'string'], pattern: '^\\d{4}$', description: '年度，如 2021' });
      else if (s === Figure || (s as { _zod?: { def?: unknown } })._zod?.def === (Figure as unknown as { _zod: { def: unknown } })._zod.def) set({ $ref: '#/$defs/figure', ...(js.description ? { description: js.description } : {}) });
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
        if (s === amountInput) Object.assign(js, numeric('金额'));
        else if (s === percentInput) Object.assign(js, { type: ['number', 'string'], description: '百分比' });
        else if (s === textInput) Object.assign(js, { type: ['string', 'number', 'boolean'] });
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
