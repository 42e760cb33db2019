/**
 * examples/standard-budget-clean.yaml: a complete, consistent county budget with the nine standard
 * tables, which must give no finding at all; examples/standard-budget-errors.yaml: the same document with
 * one injected error per built-in relation and per message of the table rules, each marked on its line
 * (`# injected: <key> — <cell>: <was> → <is>`). Below, for each injection, the findings it gives on its
 * own: rule id, JSON Pointer, and whether it lands on the injected line ('here') or on a line that
 * announces it (`# expect: <rule id>`). Together the injections give exactly the union of those.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../../rules/index.js';
import { resolveRules } from '../../src/engine/config.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/engine/lint.js';
import { loadCatalogue } from '../../src/relations/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const catalogue = await loadCatalogue();
const rules = resolveRules(allRules(catalogue), []);
const CLEAN = 'examples/standard-budget-clean.yaml';
const ERRORS = 'examples/standard-budget-errors.yaml';
const cleanText = readFileSync(path.join(root, CLEAN), 'utf8');
const errorsText = readFileSync(path.join(root, ERRORS), 'utf8');
const lint = async (text: string) => (await lintText(text, 'standard-budget.yaml', rules)).findings;

type Where = 'here' | 'marked';
/** What each injection gives when it is the only change to the clean document. */
const EXPECTED: Record<string, [ruleId: string, pointer: string, where: Where][]> = {
  'BUD.N.income': [
    ['BUD.N.income', '/income/total/amount', 'here'],
    // the narrative's own sums and year-on-year figures notice it too
    ['income-sources-sum', '/income/total/amount', 'here'],
    ['change-prior', '/income/total/amount', 'here'],
    ['income-sources-sum', '/income/grand_total/amount', 'marked'],
  ],
  // T1 部门收支总表
  'BUD.T1.items': [['BUD.T1.items', '/tables/0/income/rows/0/1', 'marked']],
  'BUD.T1.income-total': [
    ['BUD.T1.income-total', '/tables/0/income/total/1', 'marked'],
    ['BUD.X.T1-T2', '/tables/1/total/2', 'marked'],
  ],
  'BUD.X.T1-T3.classes': [
    ['BUD.X.T1-T3.classes', '/tables/0/expenditure/rows/2/1', 'here'],
    ['BUD.T1.expenditure-total', '/tables/0/expenditure/total/1', 'marked'],
    ['BUD.X.T1-T3', '/tables/2/total/2', 'marked'],
  ],
  'BUD.T1.balance': [
    ['BUD.T1.balance', '/tables/0/income/total/1', 'marked'],
    ['BUD.T1.expenditure-total', '/tables/0/expenditure/total/1', 'here'],
  ],
  // T2 部门收入总表
  'BUD.T2.row-sum': [
    ['BUD.T2.row-sum', '/tables/1/rows/3/2', 'here'],
    ['BUD.T2.hierarchy', '/tables/1/rows/1/4', 'marked'],
  ],
  'BUD.T2.total': [
    ['BUD.T2.total', '/tables/1/total/7', 'here'],
    ['BUD.T2.row-sum', '/tables/1/total/2', 'marked'],
  ],
  // T3 部门支出总表
  'BUD.T3.row-sum': [
    ['BUD.T3.row-sum', '/tables/2/rows/2/2', 'here'],
    ['BUD.T3.hierarchy', '/tables/2/rows/1/3', 'marked'],
  ],
  'BUD.X.T2-T3': [
    ['BUD.X.T2-T3', '/tables/1/total/2', 'marked'],
    ['BUD.T3.row-sum', '/tables/2/total/2', 'here'],
    ['BUD.T3.total', '/tables/2/total/2', 'here'],
    ['BUD.X.T1-T3', '/tables/2/total/2', 'here'],
    ['BUD.N.expenditure', '/expenditure/total/amount', 'marked'],
  ],
  'BUD.N.basic': [
    ['BUD.N.basic', '/expenditure/basic/total/amount', 'marked'],
    ['BUD.T3.total', '/tables/2/total/3', 'here'],
    ['BUD.T3.row-sum', '/tables/2/total/2', 'marked'],
  ],
  'BUD.N.project': [
    ['BUD.N.project', '/expenditure/project/amount', 'marked'],
    ['BUD.T3.total', '/tables/2/total/4', 'here'],
    ['BUD.T3.row-sum', '/tables/2/total/2', 'marked'],
  ],
  // T4 财政拨款收支总表
  'BUD.X.T2-T4': [
    ['BUD.X.T2-T4', '/tables/1/total/4', 'marked'],
    ['BUD.T4.income-total', '/tables/3/income/total/1', 'marked'],
  ],
  'BUD.T4.balance': [
    ['BUD.T4.balance', '/tables/3/income/total/1', 'here'],
    ['BUD.T4.income-total', '/tables/3/income/total/1', 'here'],
  ],
  'BUD.T4.row-sum': [
    ['BUD.T4.row-sum', '/tables/3/expenditure/rows/2/1', 'here'],
    ['BUD.X.T4-T5.classes', '/tables/3/expenditure/rows/2/2', 'here'],
    ['BUD.T4.expenditure-total', '/tables/3/expenditure/total/2', 'marked'],
    ['BUD.X.T4-T5', '/tables/4/total/2', 'marked'],
  ],
  'BUD.X.T4-T9': [
    ['BUD.X.T4-T9', '/tables/8/total/2', 'marked'],
    ['BUD.T4.expenditure-total', '/tables/3/expenditure/total/4', 'here'],
    ['BUD.T4.row-sum', '/tables/3/expenditure/total/1', 'marked'],
  ],
  // T5 一般公共预算支出表
  'BUD.T5.row-sum': [
    ['BUD.T5.row-sum', '/tables/4/rows/11/2', 'here'],
    ['BUD.T5.hierarchy', '/tables/4/rows/9/3', 'marked'],
  ],
  'table-codes/misplaced': [['table-codes', '/tables/4/rows/15', 'here']],
  'BUD.X.T4-T5': [
    ['BUD.X.T4-T5', '/tables/4/total/2', 'here'],
    ['BUD.T5.row-sum', '/tables/4/total/2', 'here'],
    ['BUD.T5.total', '/tables/4/total/2', 'here'],
  ],
  // T6 一般公共预算基本支出表
  'BUD.T6.row-sum': [
    ['BUD.T6.row-sum', '/tables/5/rows/11/2', 'here'],
    ['BUD.T6.hierarchy', '/tables/5/rows/10/2', 'marked'],
  ],
  'table-codes/nameDiffers': [['table-codes', '/tables/5/rows/24', 'here']],
  'BUD.X.T5-T6': [
    ['BUD.X.T5-T6', '/tables/5/total/2', 'here'],
    ['BUD.T6.row-sum', '/tables/5/total/2', 'here'],
    ['BUD.T6.total', '/tables/5/total/2', 'here'],
  ],
  'BUD.N.personnel': [
    ['BUD.N.personnel', '/expenditure/basic/personnel/amount', 'marked'],
    ['BUD.T6.total', '/tables/5/total/3', 'here'],
    ['BUD.T6.row-sum', '/tables/5/total/2', 'marked'],
  ],
  'BUD.N.public': [
    ['BUD.N.public', '/expenditure/basic/public/amount', 'marked'],
    ['BUD.T6.total', '/tables/5/total/4', 'here'],
    ['BUD.T6.row-sum', '/tables/5/total/2', 'marked'],
  ],
  // T7 “三公”经费 (one cell per line)
  'BUD.T7.sum': [
    ['BUD.T7.sum', '/tables/6/rows/0/0', 'here'],
    ['BUD.N.three-public', '/three_public/total/amount', 'marked'],
  ],
  'BUD.N.overseas': [
    ['BUD.N.overseas', '/three_public/overseas/amount', 'marked'],
    ['BUD.T7.sum', '/tables/6/rows/0/0', 'marked'],
  ],
  'BUD.N.vehicles': [
    ['BUD.N.vehicles', '/three_public/vehicles/total/amount', 'marked'],
    ['BUD.T7.vehicles', '/tables/6/rows/0/2', 'here'],
    ['BUD.T7.sum', '/tables/6/rows/0/0', 'marked'],
  ],
  'BUD.T7.vehicles': [['BUD.T7.vehicles', '/tables/6/rows/0/2', 'marked']],
  'BUD.N.reception': [
    ['BUD.N.reception', '/three_public/reception/amount', 'marked'],
    ['BUD.T7.sum', '/tables/6/rows/0/0', 'marked'],
  ],
  'BUD.N.operating-costs': [['BUD.N.operating-costs', '/operating_costs/amount/amount', 'marked']],
  // T8, T9
  'BUD.X.T4-T8': [
    ['BUD.X.T4-T8', '/tables/7/total/2', 'here'],
    ['BUD.T8.row-sum', '/tables/7/total/2', 'here'],
  ],
  'table-completeness/emptyWithoutStatement': [['table-completeness', '/tables/8/title', 'marked']],
};

/**
 * Relations without an injection of their own (test/relations/relations.test.ts covers each):
 * - BUD.T9.row-sum needs a figure in the 国有资本经营预算支出表, and that table must stay all blank for the
 *   table-completeness injection (T8 carries BUD.T8.row-sum);
 * - BUD.T1.income-subtotal and BUD.T1.expenditure-subtotal need a 本年收入合计 / 本年支出合计 row, which this
 *   收支总表 does not print (Shanghai's budget template does not either).
 */
const NOT_INJECTED = ['BUD.T1.income-subtotal', 'BUD.T1.expenditure-subtotal', 'BUD.T9.row-sum'];

interface Injection {
  key: string;
  /** 0-based line index */
  index: number;
  cell: string;
  was: string;
  is: string;
}

/** The code of a line without its comment. */
const code = (line: string) => line.replace(/(^|\s+)#.*$/, '');

function parseErrors(): { injections: Injection[]; marks: Map<number, string[]> } {
  const injections: Injection[] = [];
  const marks = new Map<number, string[]>();
  errorsText.split('\n').forEach((line, index) => {
    // comment lines (the header) describe the format; the marks follow a value
    if (code(line).trim() === '' || /^\s*#/.test(line)) return;
    const inj = /# injected: (\S+) — (.+?): (.+?) → (.+?)(?: \| expect: .*)?$/.exec(line);
    if (inj) injections.push({ key: inj[1]!, index, cell: inj[2]!, was: inj[3]!, is: inj[4]! });
    else if (line.includes('# injected:')) throw new Error(`line ${index + 1}: an injection comment not in the form "# injected: key — cell: was → is"`);
    const mark = /expect: ([^|#]+)$/.exec(line);
    if (mark) marks.set(index, mark[1]!.split(',').map((s) => s.trim()));
  });
  return { injections, marks };
}

const { injections, marks } = parseErrors();
const keyOf = (f: Finding) => `${f.ruleId} ${f.pointer}`;
const shown = (fs: Finding[]) => fs.map((f) => `${keyOf(f)} (line ${f.line}, ${f.level}): ${f.message.en}`);

/** Where each finding is expected 'here': the line of the injection that lists it so. */
const hereLine = new Map<string, number>();
for (const inj of injections) for (const [id, ptr, where] of EXPECTED[inj.key] ?? []) if (where === 'here') hereLine.set(`${id} ${ptr}`, inj.index + 1);

/** A finding not on its own injection's line is announced where it lands: by `# expect:` or by the injection that gives it there. */
const announced = (f: Finding) => hereLine.get(keyOf(f)) === f.line || (marks.get(f.line - 1) ?? []).includes(f.ruleId!);

/** The clean document with only this injection's line. */
function withOnly(inj: Injection): string {
  const lines = cleanText.split('\n');
  lines[inj.index] = errorsText.split('\n')[inj.index]!;
  return lines.join('\n');
}

describe(CLEAN, () => {
  it('gives no finding at all, not even a rounding note', async () => {
    expect(shown(await lint(cleanText))).toEqual([]);
  });
  it('has all nine standard tables and every narrative section a budget must have', async () => {
    const { tableViews } = await import('../../src/relations/view.js');
    const { BudgetDocument } = await import('../../src/model/schema.js');
    const { parse } = await import('../../src/load/parse.js');
    const parsed = parse(cleanText, 'yaml');
    if (!parsed.ok) throw new Error('does not parse');
    const doc = BudgetDocument.parse(parsed.data);
    expect(tableViews(doc, catalogue, '万元').map((v) => v.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    for (const s of catalogue.profiles.get('budget')!.sections) expect(doc).toHaveProperty(s);
  });
  it('the built binary says so', () => {
    const bin = path.join(root, 'dist/budgetlint.js');
    if (!existsSync(bin)) throw new Error('build first: npm run build');
    const r = spawnSync(process.execPath, [bin, CLEAN, '--no-config-lookup'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('没有问题');
    const e = spawnSync(process.execPath, [bin, ERRORS, '--no-config-lookup', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(e.status).toBe(1);
  });
});

describe(ERRORS, () => {
  it('is the clean document, line by line, but for the injected cells', () => {
    const clean = cleanText.split('\n');
    const errors = errorsText.split('\n');
    expect(errors.length).toBe(clean.length);
    const byLine = new Map(injections.map((i) => [i.index, i]));
    errors.forEach((line, i) => {
      const inj = byLine.get(i);
      let c = code(line);
      if (inj) {
        // the injected value appears once on its line, and putting back what was there gives the clean line
        expect(c.split(inj.is).length - 1).toBe(1);
        c = c.replace(inj.is, inj.was);
      }
      expect(`${i + 1}: ${c}`).toBe(`${i + 1}: ${code(clean[i]!)}`);
    });
  });

  it('marks one injection per built-in relation (but the one it cannot) and per table-rule message', () => {
    const keys = injections.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(EXPECTED).sort());
    const relationIds = catalogue.relations.map((r) => r.id);
    // an injection is named after the relation it was designed for, which is among its findings
    for (const k of keys) {
      const rule = k.split('/')[0]!;
      expect(relationIds.includes(rule) || ['table-codes', 'table-completeness'].includes(rule)).toBe(true);
      expect(EXPECTED[k]!.map(([id]) => id)).toContain(rule);
    }
    expect(keys.filter((k) => k.startsWith('table-')).sort()).toEqual(['table-codes/misplaced', 'table-codes/nameDiffers', 'table-completeness/emptyWithoutStatement']);
    // every relation is reported by some injection (one injection often breaks several relations)
    const reported = new Set(Object.values(EXPECTED).flatMap((l) => l.map(([id]) => id)));
    expect(relationIds.filter((id) => !reported.has(id))).toEqual(NOT_INJECTED);
  });

  describe.each(injections.map((i) => [i.key, i] as const))('%s, on its own', (key, inj) => {
    it('gives exactly the findings listed for it, each on its line', async () => {
      const findings = await lint(withOnly(inj));
      const want = EXPECTED[key]!;
      expect(findings.map(keyOf).sort()).toEqual(want.map(([id, ptr]) => `${id} ${ptr}`).sort());
      for (const [id, ptr, where] of want) {
        const f = findings.find((x) => x.ruleId === id && x.pointer === ptr)!;
        if (where === 'here') expect(`${id} at line ${f.line}`).toBe(`${id} at line ${inj.index + 1}`);
        else expect(`${id} at line ${f.line}: ${announced(f)}`).toBe(`${id} at line ${f.line}: true`);
      }
      // the amounts are off by far more than rounding: errors, and a warning for the missing statement
      for (const f of findings) expect(f.level).toBe(f.ruleId === 'table-completeness' ? 'warn' : 'error');
    });
  });

  it('all together give exactly the union of those findings, and nothing else', async () => {
    const findings = await lint(errorsText);
    const union = [...new Set(Object.values(EXPECTED).flatMap((l) => l.map(([id, ptr]) => `${id} ${ptr}`)))].sort();
    expect(findings.map(keyOf).sort()).toEqual(union);
  });

  it('every finding is on the injected line or on a line that announces it', async () => {
    const findings = await lint(errorsText);
    for (const f of findings) expect(`${keyOf(f)} at line ${f.line}: ${announced(f)}`).toBe(`${keyOf(f)} at line ${f.line}: true`);
    // and no announcement is stale
    for (const [index, ids] of marks) for (const id of ids) expect(`${id} at line ${index + 1}: ${findings.some((f) => f.ruleId === id && f.line === index + 1)}`).toBe(`${id} at line ${index + 1}: true`);
  });

  it('reports every built-in relation and every table-rule message', async () => {
    const findings = await lint(errorsText);
    const ids = new Set(findings.map((f) => f.ruleId));
    const missing = catalogue.relations.map((r) => r.id).filter((id) => !ids.has(id));
    expect(missing).toEqual(NOT_INJECTED);
    expect(findings.filter((f) => f.ruleId === 'table-codes').map((f) => f.messageId).sort()).toEqual(['misplaced', 'nameDiffers']);
    expect(findings.filter((f) => f.ruleId === 'table-completeness').map((f) => f.messageId)).toEqual(['emptyWithoutStatement']);
  });

  it('each message shows the injected figure', async () => {
    const findings = await lint(errorsText);
    for (const inj of injections) {
      if (inj.key.startsWith('table-')) continue;
      const own = findings.filter((f) => f.ruleId === inj.key);
      const value = inj.is === '""' ? '(空)' : inj.is;
      expect(`${inj.key}: ${own.some((f) => f.message.zh.includes(value))}`).toBe(`${inj.key}: true`);
    }
  });
});
