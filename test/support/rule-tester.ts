/**
 * ESLint's RuleTester, for budgetlint: every rule is tested the same way, with valid cases (no finding
 * from the rule, and data that fits the model) and invalid ones (exactly the findings listed, by message
 * id, data path and line, in order). A placeholder left unfilled in either language fails the test.
 */
import { describe, expect, it } from '@jest/globals';
import { resolveRules } from '../../src/engine/config.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/engine/lint.js';
import type { Level, Rule } from '../../src/engine/rule.js';

export interface ValidCase {
  name?: string;
  /** the document body in YAML; a `document:` header is added unless the body has one */
  yaml: string;
  options?: unknown;
}

export interface ExpectedFinding {
  messageId: string;
  /** JSON Pointer of the reported path */
  path?: string;
  line?: number;
  level?: Level;
  /** a substring the message must contain (in Chinese) */
  zh?: string;
  en?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export const HEADER = 'document:\n  department: 测试局\n  year: 2024\n  kind: budget\n  unit: 万元\n';

export function withHeader(yaml: string): string {
  return /^document:/m.test(yaml) ? yaml : HEADER + yaml;
}

export async function lintWith(rule: Rule<unknown>, yaml: string, options?: unknown): Promise<{ own: Finding[]; all: Finding[] }> {
  const resolved = resolveRules([rule], [{ source: 'test', rules: { [rule.meta.id]: options === undefined ? 'error' : ['error', options] } }]);
  // a rule whose default is warn is tested at its default severity
  resolved.forEach((r) => (r.severity = rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity));
  const result = await lintText(withHeader(yaml), 'test.yaml', resolved);
  return { own: result.findings.filter((f) => f.ruleId === rule.meta.id), all: result.findings };
}

export function ruleTester(rule: Rule<unknown>, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        it(c.name ?? `valid #${i + 1}`, async () => {
          const { all } = await lintWith(rule, c.yaml, c.options);
          expect(all.map((f) => `${f.ruleId}: ${f.message.en}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, async () => {
          const { own, all } = await lintWith(rule, c.yaml, c.options);
          expect(all.filter((f) => f.ruleId !== rule.meta.id).map((f) => `${f.ruleId}: ${f.message.en}`)).toEqual([]);
          expect(own.length).toBe(c.errors.length);
          own.forEach((f, j) => {
            const e = c.errors[j]!;
            expect(f.messageId).toBe(e.messageId);
            expect(rule.meta.messages[e.messageId]).toBeDefined();
            if (e.path !== undefined) expect(f.pointer).toBe(e.path);
            if (e.line !== undefined) expect(f.line).toBe(e.line);
            if (e.level !== undefined) expect(f.level).toBe(e.level);
            if (e.zh !== undefined) expect(f.message.zh).toContain(e.zh);
            if (e.en !== undefined) expect(f.message.en).toContain(e.en);
            expect(f.message.zh).not.toMatch(/\{\{/);
            expect(f.message.en).not.toMatch(/\{\{/);
            expect(f.section.length).toBeGreaterThan(0);
          });
        });
      });
    });
  });
}
