/**
 * The published document itself, as .txt and .docx: extracting it gives the figures of the hand-written
 * examples/dachang-zhengfawei-2021.yaml, figure by figure, and linting it finds what linting the YAML
 * finds, placed in the original. Skipped where ../shared/documents is not beside the repository.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { NumberText } from '../../src/arith/decimal.js';
import { resolveRules } from '../../src/engine/config.js';
import { lintDocumentFile, extractFile } from '../../src/engine/lint-document.js';
import { lintText } from '../../src/engine/lint.js';
import { parse } from '../../src/load/parse.js';
import { loadCatalogue } from '../../src/relations/load.js';

const dir = path.resolve('..', 'shared', 'documents');
const have = existsSync(path.join(dir, 'dachang-zhengfawei-2021-budget.txt'));
const maybe = have ? describe : describe.skip;
const cat = await loadCatalogue();
const rules = resolveRules(allRules(cat), []);
const example = (() => {
  const r = parse(readFileSync('examples/dachang-zhengfawei-2021.yaml', 'utf8'), 'yaml');
  if (!r.ok) throw new Error('example does not parse');
  return r.data as Record<string, unknown>;
})();

/** Every number of a figure (its amount, or the figure itself when bare), by path. */
function figures(v: unknown, p = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (x: unknown, at: string) => {
    // a figure written bare (56.38) or as {amount: 56.38} is the same figure
    if (x instanceof NumberText) out.set(at.replace(/(\/amount)+$/, ''), x.text);
    else if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${at}/${i}`));
    else if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) if (k !== 'label' && k !== 'reason') walk(y, `${at}/${k}`);
  };
  walk(v, p);
  return out;
}

const PARTS = ['income', 'expenditure', 'operating_costs', 'three_public', 'procurement', 'assets'];

maybe.each(['txt', 'docx'])('dachang-zhengfawei-2021-budget.%s', (ext) => {
  const file = path.join(dir, `dachang-zhengfawei-2021-budget.${ext}`);

  it('gives the example\'s figures, one by one', async () => {
    const x = await extractFile(file, cat);
    for (const part of PARTS) {
      expect({ part, figures: Object.fromEntries(figures(x.data[part], `/${part}`)) }).toEqual({ part, figures: Object.fromEntries(figures(example[part], `/${part}`)) });
    }
  });

  it('gives the example\'s performance tables, indicator by indicator', async () => {
    const x = await extractFile(file, cat);
    const got = x.data.performance as { department: { indicators: Record<string, string>[] }; projects: { name: string; indicators: Record<string, string>[] }[] };
    const want = example.performance as typeof got;
    const fields = (i: Record<string, unknown>) => ({ level2: i.level2, name: i.name, operator: i.operator, value: String(i.value ?? ''), unit: i.unit });
    expect(got.department.indicators.map(fields)).toEqual(want.department.indicators.map(fields));
    expect(got.projects.map((p) => p.name)).toEqual(want.projects.map((p) => p.name));
    got.projects.forEach((p, k) => expect({ project: p.name, rows: p.indicators.map(fields) }).toEqual({ project: p.name, rows: want.projects[k]!.indicators.map(fields) }));
  });

  it('finds what linting the example finds, placed in the original', async () => {
    const { result } = await lintDocumentFile(file, rules, cat);
    const y = await lintText(readFileSync('examples/dachang-zhengfawei-2021.yaml', 'utf8'), 'd.yaml', rules);
    const key = (f: { ruleId: string | null; pointer: string }) => `${f.ruleId} ${f.pointer}`;
    // the document's own words add one finding the data file cannot have: its 收入 sentence lists 上年结转 among
    // the parts of 2021年预算收入 (其中：… 上年结转2.12万元), which then add up to more than the whole
    const narrative = ['narrative-sum /narrative/0/amount'];
    expect(result.findings.filter((f) => f.ruleId !== 'import').map(key).sort()).toEqual([...y.findings.map(key), ...narrative].sort());
    for (const f of result.findings) expect(f.location?.kind).toBe(ext === 'txt' ? 'text' : 'docx');
    // a finding about an indicator points at its cell in the original
    const cell = result.findings.find((f) => f.ruleId === 'indicator-consistency' && f.pointer === '/performance/projects/1/indicators/5/value')!;
    const original = readFileSync(path.join(dir, 'dachang-zhengfawei-2021-budget.txt'), 'utf8').split('\n');
    if (ext === 'txt') expect(original[cell.line - 1]!.slice(cell.column - 1)).toBe('≤146.68元');
    else expect(cell.location).toMatchObject({ kind: 'docx', table: 4, column: 5 });
  });
});
