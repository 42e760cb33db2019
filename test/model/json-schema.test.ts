import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import Ajv2020Module from 'ajv/dist/2020.js';
import { budgetJsonSchema } from '../../src/model/json-schema.js';

const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;
const shipped = JSON.parse(readFileSync('schemas/budget.schema.json', 'utf8')) as object;

describe('schemas/budget.schema.json', () => {
  it('is the one generated from the zod model (run npm run schema after changing it)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(budgetJsonSchema())));
  });

  const ajv = new (Ajv2020 as unknown as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] } })({ allErrors: true, strict: false });
  const validate = ajv.compile(shipped);

  it.each(['clean.yaml', 'dachang-zhengfawei-2021.yaml'])('accepts examples/%s, as an editor would', (name) => {
    const data = load(readFileSync(`examples/${name}`, 'utf8'));
    expect(validate(data) ? [] : validate.errors).toEqual([]);
  });

  it('rejects an unknown key and a word where an amount belongs', () => {
    const base = { document: { department: 'x', year: 2024, kind: 'budget' } };
    expect(validate({ ...base, income: { totl: 1 } })).toBe(false);
    expect(validate({ ...base, income: { total: '十万' } })).toBe(false);
    expect(validate({ ...base, income: { total: { amount: '10.5', change: { direction: '增加', amount: 1 } } } })).toBe(true);
  });
});
