/**
 * Properties over generated documents: a consistent document gives no finding at all, and one amount
 * moved beyond rounding gives exactly one finding, which names the moved figure.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { builtinRules } from '../../rules/index.js';
import { resolveRules } from '../../src/engine/config.js';
import { lintText } from '../../src/engine/lint.js';
import { SINGLE_RELATION_LEAVES, consistentDoc, type DocParts } from '../support/consistent-doc.js';

const rules = resolveRules(builtinRules, []);
const cents = (min: number, max: number) => fc.integer({ min, max });

const parts = (withPrior: boolean): fc.Arbitrary<DocParts> =>
  fc.record({
    personnel: cents(1_000_00, 9_000_000_00),
    publicCost: cents(1_00, 500_000_00),
    project: cents(0, 9_000_000_00),
    fund: cents(0, 1_000_00),
    other: cents(0, 1_000_00),
    carryover: cents(0, 1_000_00),
    overseas: cents(0, 100_00),
    purchase: cents(0, 100_00),
    operation: cents(0, 100_00),
    reception: cents(0, 100_00),
    assets: fc.array(cents(0, 100_000_00), { minLength: 1, maxLength: 6 }),
    ...(withPrior ? { prior: fc.record({ personnel: cents(1_00, 9_000_000_00), publicCost: cents(1_00, 500_000_00), project: cents(1_00, 9_000_000_00) }) } : {}),
  }) as fc.Arbitrary<DocParts>;

describe('generated documents', () => {
  it('a consistent document gives no finding', async () => {
    await fc.assert(
      fc.asyncProperty(parts(false), async (p) => {
        const r = await lintText(consistentDoc(p), 'gen.yaml', rules);
        expect(r.findings.map((f) => `${f.ruleId} ${f.pointer}: ${f.message.en}`)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('with year-on-year figures (prior, change, direction, rate) too', async () => {
    await fc.assert(
      fc.asyncProperty(parts(true), async (p) => {
        const r = await lintText(consistentDoc(p), 'gen.yaml', rules);
        expect(r.findings.map((f) => `${f.ruleId} ${f.pointer}: ${f.message.en}`)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('one amount moved beyond rounding gives exactly one error, naming it', async () => {
    await fc.assert(
      fc.asyncProperty(
        parts(false),
        fc.constantFrom(...SINGLE_RELATION_LEAVES),
        fc.integer({ min: 1_00, max: 1_000_000_00 }).chain((n) => fc.constantFrom(n, -n)),
        async (p, path, delta) => {
          const r = await lintText(consistentDoc(p, { path, cents: delta }), 'gen.yaml', rules);
          expect(r.findings).toHaveLength(1);
          const f = r.findings[0]!;
          expect(f.level).toBe('error');
          const named = [f.pointer, ...(f.related ?? [])];
          expect(named).toContain(path.endsWith('/amount') ? path : `${path}/amount`);
        },
      ),
      { numRuns: 80 },
    );
  });
});
