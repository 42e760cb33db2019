/**
 * Small helpers shared by the rule tests (not a test file itself).
 *
 * - `yaml` dedents a case body, so cases can be indented with the code. The tester puts a five-line
 *   `document:` header in front of a body, so the body's first line is line 6 of the file.
 * - `casesFitModel` checks that every case is data the model accepts. The tester runs the rule alone,
 *   and the engine silently drops a part of the document that does not fit the model: a mistyped key
 *   in a valid case would otherwise make it pass for the wrong reason.
 */
import { describe, expect, it } from '@jest/globals';
import { parse } from '../../src/load/parse.js';
import { BudgetDocument } from '../../src/model/schema.js';
import { withHeader, type InvalidCase, type ValidCase } from '../support/rule-tester.js';

export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

export function casesFitModel(id: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${id}: every case fits the model`, () => {
    [...cases.valid, ...cases.invalid].forEach((c, i) => {
      it(c.name ?? `case #${i + 1}`, () => {
        const parsed = parse(withHeader(c.yaml), 'yaml');
        expect(parsed.ok).toBe(true);
        const result = BudgetDocument.safeParse(parsed.ok ? parsed.data : undefined);
        expect(result.success ? [] : result.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`)).toEqual([]);
      });
    });
  });
}
