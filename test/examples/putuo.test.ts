/**
 * Two real, consistent published documents (a Shanghai district finance bureau's 2025 budget and 2024
 * final accounts, transcribed by hand in test/fixtures/): the standard-table relations must hold on
 * them, with the few 0.01-level gaps of the published tables reported as rounding, never as errors.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { allRules } from '../../rules/index.js';
import { resolveRules } from '../../src/engine/config.js';
import { lintText } from '../../src/engine/lint.js';
import { loadCatalogue } from '../../src/relations/load.js';

const rules = resolveRules(allRules(await loadCatalogue()), []);
const read = (name: string) => readFileSync(`test/fixtures/${name}`, 'utf8');

describe('Putuo 2025 budget', () => {
  it('gives no error or warning; the narrative rounded to 万元 is rounding-level', async () => {
    const r = await lintText(read('putuo-czj-2025-budget.yaml'), 'b.yaml', rules);
    expect(r.findings.filter((f) => f.level !== 'info').map((f) => `${f.ruleId} ${f.pointer}: ${f.message.en}`)).toEqual([]);
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['BUD.N.expenditure', 'BUD.N.income']);
  });

  it('reports a changed cell at that cell', async () => {
    const text = read('putuo-czj-2025-budget.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('行政运行') && l.includes('16093326.00'));
    expect(line).toBeGreaterThan(0);
    const lines = text.split('\n');
    lines[line] = lines[line]!.replace('16093326.00', '16093336.00');
    const r = await lintText(lines.join('\n'), 'b.yaml', rules);
    const errors = r.findings.filter((f) => f.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const rowSum = errors.find((f) => f.ruleId === 'BUD.T3.row-sum' || f.ruleId === 'BUD.T5.row-sum')!;
    expect(rowSum.line).toBe(line + 1);
    expect(rowSum.message.zh).toContain('差');
  });
});

describe('Putuo 2024 final accounts', () => {
  it('gives no error or warning; the published 0.01 gaps are rounding-level', async () => {
    const r = await lintText(read('putuo-czj-2024-final-accounts.yaml'), 'f.yaml', rules);
    expect(r.findings.filter((f) => f.level !== 'info').map((f) => `${f.ruleId} ${f.pointer}: ${f.message.en}`)).toEqual([]);
    // 社会保障和就业支出 is 326.71 in the summary tables and 326.72 in the expenditure tables
    const ids = r.findings.map((f) => f.ruleId);
    expect(ids).toContain('BUD.X.T1-T3.classes');
    expect(ids).toContain('BUD.X.T4-T5.classes');
    expect(r.infoCount).toBe(r.findings.length);
  });
});
