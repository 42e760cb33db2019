/**
 * previous-year needs two documents: this year's (the linted one, the tester's five-line `document:`
 * header in front unless it has its own, so a body's first line is line 6) and last year's, passed to
 * the engine as `previous` like `--previous FILE` does. The helper below is lintWith with that option.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintOptionsFor, loadSetup, type LintSettings } from '../../src/cli/run.js';
import rule from '../../rules/previous-year.js';
import { resolveRules } from '../../src/engine/config.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/engine/lint.js';
import { parse } from '../../src/load/parse.js';
import { BudgetDocument } from '../../src/model/schema.js';
import { withHeader, type ExpectedFinding } from '../support/rule-tester.js';
import { yaml } from './helpers.js';

interface PairCase {
  name: string;
  /** this year's body (the tester's header: 测试局, 2024, budget, 万元) */
  yaml: string;
  /** last year's whole document, header included; absent: no previous document is given */
  previous?: string;
  options?: unknown;
}
interface InvalidPairCase extends PairCase {
  errors: ExpectedFinding[];
}

/** Last year's header: 测试局's 2023 budget in 万元 unless told otherwise. */
function last(body: string, h: { department?: string; year?: number; kind?: string; unit?: string } = {}): string {
  return `document:\n  department: ${h.department ?? '测试局'}\n  year: ${h.year ?? 2023}\n  kind: ${h.kind ?? 'budget'}\n  unit: ${h.unit ?? '万元'}\n${body}`;
}

function dataOf(text: string): unknown {
  const p = parse(text, 'yaml');
  if (!p.ok) throw new Error(`bad YAML in a case: ${p.error.en}`);
  return p.data;
}

async function lintPair(c: PairCase): Promise<{ own: Finding[]; all: Finding[] }> {
  const resolved = resolveRules([rule], [{ source: 'test', rules: { [rule.meta.id]: c.options === undefined ? 'error' : ['error', c.options] } }]);
  const opts = c.previous === undefined ? {} : { previous: dataOf(c.previous) };
  const result = await lintText(withHeader(c.yaml), 'this.yaml', resolved, opts);
  return { own: result.findings.filter((f) => f.ruleId === rule.meta.id), all: result.findings };
}

const valid: PairCase[] = [
  {
    name: 'prior, change and rate agree with last year (both in 万元)',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          prior: 850.00
          change: {amount: 30.00, direction: 增加, rate: 3.53}
        project:
          amount: 280.00
          prior: 290.00
          change: {amount: 10.00, direction: 减少, rate: -3.45}
    `,
    previous: last(yaml`
      expenditure:
        total: 850.00
        project:
          amount: 290.00
          prior: 300.00
    `),
  },
  {
    name: 'units: this year in 万元, last year in 元; 29134912.34 元 is 2913.49 万元 to two places',
    yaml: yaml`
      expenditure:
        total:
          amount: 3000.00
          prior: 2913.49
          change: {amount: 86.51, direction: 增加, rate: 2.97}
    `,
    previous: last(yaml`
      expenditure:
        total: 29134912.34
    `, { unit: '元' }),
  },
  {
    name: 'units: this year in 元, last year in 万元, the same amount',
    yaml: yaml`
      document:
        department: 测试局
        year: 2024
        kind: budget
        unit: 元
      three_public:
        reception:
          amount: 15000.00
          prior: 20000.00
          change: {amount: 5000.00, direction: 减少, rate: 25}
    `,
    previous: last(yaml`
      three_public:
        reception: 2.00
    `),
  },
  {
    name: 'kinds differ (a budget against last year\'s final accounts): nothing is compared',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          prior: 850.00
          change: {amount: 30.00, direction: 增加}
    `,
    previous: last(yaml`
      expenditure:
        total: 912.37
    `, { kind: 'final' }),
  },
  {
    name: 'final accounts against last year\'s final accounts',
    yaml: yaml`
      document:
        department: 测试局
        year: 2024
        kind: final
        unit: 万元
      income:
        total:
          amount: 1200.50
          prior: 1100.25
          change: {amount: 100.25, direction: 增长}
    `,
    previous: last(yaml`
      income:
        total: 1100.25
    `, { kind: 'final' }),
  },
  {
    name: 'no previous document: the rule says nothing',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          prior: 123.45
    `,
  },
  {
    name: 'a figure last year\'s document does not have is not compared',
    yaml: yaml`
      expenditure:
        operating:
          amount: 10.00
          prior: 8.00
    `,
    previous: last(yaml`
      expenditure:
        total: 850.00
    `),
  },
  {
    name: 'the department name compared without spaces and full-width forms',
    yaml: yaml`
      document:
        department: 某县 司法局（本级）
        year: 2024
        kind: budget
        unit: 万元
      expenditure:
        total: {amount: 880.00, prior: 850.00}
    `,
    previous: last(yaml`
      expenditure:
        total: 850.00
    `, { department: '某县司法局(本级)' }),
  },
  {
    name: 'performance indicators set against last year ("上年…") are out of scope',
    yaml: yaml`
      performance:
        projects:
          - name: 信访维稳经费
            indicators:
              - {level1: 产出指标, level2: 数量指标, name: 接访人次, value: ≥上年数}
              - {level1: 效益指标, level2: 社会效益指标, name: 信访总量, value: 较上年下降5%}
    `,
    previous: last(yaml`
      performance:
        projects:
          - name: 信访维稳经费
            indicators:
              - {level1: 产出指标, level2: 数量指标, name: 接访人次, value: ≥2500人次}
    `),
  },
];

const invalid: InvalidPairCase[] = [
  {
    name: 'the stated prior is not last year\'s amount',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          prior: 850.00
    `,
    previous: last(yaml`
      expenditure:
        total: 860.00
    `),
    errors: [
      {
        messageId: 'prior',
        path: '/expenditure/total/prior',
        line: 9,
        level: 'error',
        zh: '本年支出合计：上年数写为 850.00万元，但2023年文档中为 860.00万元（差 -10万元，舍入容差 ±0.01万元）',
        en: 'the stated prior-year figure is 850.00 万元, but the 2023 document says 860.00 万元 (difference -10 万元, rounding tolerance ±0.01 万元)',
      },
    ],
  },
  {
    name: 'the stated change (a decrease) is not this year − last year',
    yaml: yaml`
      expenditure:
        project:
          amount: 280.00
          change: {amount: 10.00, direction: 减少}
    `,
    previous: last(yaml`
      expenditure:
        project: 300.00
    `),
    errors: [
      {
        messageId: 'change',
        path: '/expenditure/project/change/amount',
        line: 9,
        level: 'error',
        zh: '比上年增减写为 −10.00万元，但按2023年文档，本年 280.00万元 − 上年 300.00万元 = −20万元（差 10万元，舍入容差 ±0.015万元）',
        en: 'the stated change is −10.00 万元, but with the 2023 document, current 280.00 万元 − prior 300.00 万元 = −20 万元',
      },
    ],
  },
  {
    name: 'the stated rate is not |Δ| ÷ last year\'s amount',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          change: {rate: 3.53, direction: 增加}
    `,
    previous: last(yaml`
      expenditure:
        total: 800.00
    `),
    errors: [
      {
        messageId: 'rate',
        path: '/expenditure/total/change/rate',
        line: 9,
        level: 'error',
        zh: '本年支出合计增减幅度写为 3.53%，但按2023年文档，|本年 880.00万元 − 上年 800.00万元| ÷ 上年 = 10%（差 -6.47 个百分点，容差 ±0.1）',
        en: 'the stated rate is 3.53%, but with the 2023 document |current 880.00 万元 − prior 800.00 万元| ÷ prior = 10%',
      },
    ],
  },
  {
    name: 'a wrong prior and the change that follows from it: both statements are reported, in line order',
    yaml: yaml`
      three_public:
        total:
          amount: 18.00
          prior: 20.00
          change: {amount: 2.00, direction: 减少, rate: 10}
    `,
    previous: last(yaml`
      three_public:
        total: 24.00
    `),
    errors: [
      { messageId: 'prior', path: '/three_public/total/prior', line: 9, level: 'error', zh: '上年数写为 20.00万元，但2023年文档中为 24.00万元' },
      { messageId: 'change', path: '/three_public/total/change/amount', line: 10, level: 'error', zh: '= −6万元' },
      { messageId: 'rate', path: '/three_public/total/change/rate', line: 10, level: 'error', zh: '= 25%（差 -15 个百分点' },
    ],
  },
  {
    name: '持平 without an amount, but last year\'s amount differs: reported at the direction',
    yaml: yaml`
      three_public:
        reception:
          amount: 6.00
          change: {direction: 持平}
    `,
    previous: last(yaml`
      three_public:
        reception: 5.00
    `),
    errors: [{ messageId: 'change', path: '/three_public/reception/change/direction', line: 9, level: 'error', zh: '比上年增减写为 0万元' }],
  },
  {
    name: 'rounding: a prior 0.01 off last year\'s figure is info',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          prior: 850.00
    `,
    previous: last(yaml`
      expenditure:
        total: 850.01
    `),
    errors: [
      {
        messageId: 'priorRounding',
        path: '/expenditure/total/prior',
        line: 9,
        level: 'info',
        zh: '上年数写为 850.00万元，2023年文档中为 850.01万元，相差 -0.01万元，在舍入容差 ±0.01万元 之内',
        en: 'stated prior-year figure 850.00 万元, the 2023 document says 850.01 万元: -0.01 万元 apart, within the rounding tolerance ±0.01 万元',
      },
    ],
  },
  {
    name: 'units: 万元 this year against 元 last year, 1 万元 off',
    yaml: yaml`
      expenditure:
        total:
          amount: 3000.00
          prior: 2913.49
    `,
    previous: last(yaml`
      expenditure:
        total: 29144912.34
    `, { unit: '元' }),
    errors: [
      {
        messageId: 'prior',
        path: '/expenditure/total/prior',
        line: 9,
        level: 'error',
        zh: '上年数写为 2913.49万元，但2023年文档中为 29144912.34元，即 2914.491234万元（差 -1.001234万元，舍入容差 ±0.0051万元）',
        en: 'the stated prior-year figure is 2913.49 万元, but the 2023 document says 29144912.34 元, i.e. 2914.491234 万元',
      },
    ],
  },
  {
    name: 'units: 元 this year against 万元 last year: a gap within last year\'s rounding (±50 元) is info',
    yaml: yaml`
      document:
        department: 测试局
        year: 2024
        kind: budget
        unit: 元
      expenditure:
        total:
          amount: 30000000.00
          prior: 29134912.34
    `,
    previous: last(yaml`
      expenditure:
        total: 2913.49
    `),
    errors: [
      {
        messageId: 'priorRounding',
        path: '/expenditure/total/prior',
        line: 9,
        level: 'info',
        zh: '上年数写为 29134912.34元，2023年文档中为 2913.49万元，即 29134900.00元，相差 12.34元，在舍入容差 ±50.005元 之内',
      },
    ],
  },
  {
    name: 'last year\'s document is of another year: said once, at the year, and nothing else is compared',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          prior: 850.00
          change: {amount: 30.00, direction: 增加, rate: 3.53}
    `,
    previous: last(yaml`
      expenditure:
        total: 700.00
    `, { year: 2022 }),
    errors: [
      {
        messageId: 'notPrevious',
        path: '/document/year',
        line: 3,
        level: 'error',
        zh: '上年文档（测试局 2022年预算）不是本文档（测试局 2024年预算）的上年文档：年度应为 2023；未与之比对',
        en: "the previous document (测试局, 2022 budget) is not last year's disclosure for this one (测试局, 2024 budget): its year should be 2023; nothing was compared",
      },
    ],
  },
  {
    name: 'last year\'s document is of another department: said once, at the department',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          prior: 850.00
    `,
    previous: last(yaml`
      expenditure:
        total: 700.00
    `, { department: '某县司法局' }),
    errors: [{ messageId: 'notPrevious', path: '/document/department', line: 2, level: 'error', zh: '部门不同；未与之比对', en: 'the department differs' }],
  },
  {
    name: 'another year and another department (and another kind): still one finding',
    yaml: yaml`
      expenditure:
        total: {amount: 880.00, prior: 850.00}
    `,
    previous: last(yaml`
      expenditure:
        total: 700.00
    `, { department: '某县司法局', year: 2024, kind: 'final' }),
    errors: [{ messageId: 'notPrevious', path: '/document/year', line: 3, zh: '年度应为 2023，部门不同', en: 'its year should be 2023, the department differs' }],
  },
  {
    name: 'last year\'s document without a usable header',
    yaml: yaml`
      expenditure:
        total: {amount: 880.00, prior: 850.00}
    `,
    previous: yaml`
      expenditure:
        total: 700.00
    `,
    errors: [{ messageId: 'noHeader', path: '/document', line: 1 }],
  },
  {
    name: 'last year\'s figure is 0: no rate can be stated',
    yaml: yaml`
      three_public:
        overseas:
          amount: 5.00
          change: {amount: 5.00, direction: 增加, rate: 100}
    `,
    previous: last(yaml`
      three_public:
        overseas: 0
    `),
    errors: [{ messageId: 'noBase', path: '/three_public/overseas/change/rate', line: 9, zh: '2023年文档中上年数为 0' }],
  },
  {
    name: 'rounding: a rate 0.05 point off |Δ| ÷ last year is info (within 0.1 point)',
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          change: {amount: 30.00, direction: 增加, rate: 3.58}
    `,
    previous: last(yaml`
      expenditure:
        total: 850.00
    `),
    errors: [
      {
        messageId: 'rateRounding',
        path: '/expenditure/total/change/rate',
        line: 9,
        level: 'info',
        zh: '本年支出合计增减幅度写为 3.58%，按2023年文档计算为 3.53%，相差 0.05 个百分点，在舍入容差 ±0.1 之内',
      },
    ],
  },
  {
    name: 'option percentPointsTolerance: 0 makes a 0.05-point rate gap an error',
    options: { percentPointsTolerance: 0 },
    yaml: yaml`
      expenditure:
        total:
          amount: 880.00
          change: {amount: 30.00, direction: 增加, rate: 3.58}
    `,
    previous: last(yaml`
      expenditure:
        total: 850.00
    `),
    errors: [{ messageId: 'rate', path: '/expenditure/total/change/rate', line: 9, level: 'error', zh: '= 3.53%' }],
  },
];

describe('previous-year', () => {
  describe('valid', () => {
    for (const c of valid) {
      it(c.name, async () => {
        const { all } = await lintPair(c);
        expect(all.map((f) => `${f.ruleId}: ${f.message.en}`)).toEqual([]);
      });
    }
  });

  describe('invalid', () => {
    for (const c of invalid) {
      it(c.name, async () => {
        const { own, all } = await lintPair(c);
        expect(all.filter((f) => f.ruleId !== rule.meta.id).map((f) => `${f.ruleId}: ${f.message.en}`)).toEqual([]);
        expect(own.map((f) => f.messageId)).toEqual(c.errors.map((e) => e.messageId));
        own.forEach((f, j) => {
          const e = c.errors[j]!;
          expect(rule.meta.messages[e.messageId]).toBeDefined();
          if (e.path !== undefined) expect(f.pointer).toBe(e.path);
          if (e.line !== undefined) expect(f.line).toBe(e.line);
          if (e.level !== undefined) expect(f.level).toBe(e.level);
          if (e.zh !== undefined) expect(f.message.zh).toContain(e.zh);
          if (e.en !== undefined) expect(f.message.en).toContain(e.en);
          expect(f.message.zh).not.toMatch(/\{\{/);
          expect(f.message.en).not.toMatch(/\{\{/);
        });
      });
    }
  });

  it('without a previous document, says nothing even where the invalid cases are reported', async () => {
    for (const c of invalid) {
      const { all } = await lintPair({ ...c, previous: undefined });
      expect({ name: c.name, findings: all.map((f) => f.message.en) }).toEqual({ name: c.name, findings: [] });
    }
  });

  describe('every case fits the model (both documents)', () => {
    for (const c of [...valid, ...invalid]) {
      it(c.name, () => {
        const docs = [withHeader(c.yaml), ...(c.previous !== undefined && /^document:/m.test(c.previous) ? [c.previous] : [])];
        for (const text of docs) {
          const r = BudgetDocument.safeParse(dataOf(text));
          expect(r.success ? [] : r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`)).toEqual([]);
        }
      });
    }
  });
});

describe('last year’s model in a run', () => {
  it('is modelled once for a run given --previous (lintOptionsFor), and every document gets that very model', async () => {
    const seen: unknown[] = [];
    const spy = {
      meta: { id: 'spy-previous', type: 'problem' as const, description: { zh: '', en: '' }, defaultSeverity: 'error' as const, messages: {}, docs: '' },
      check: (ctx: { previous?: unknown }) => void seen.push(ctx.previous),
    };
    const resolved = resolveRules([spy, rule], [{ source: 'test', rules: { 'spy-previous': 'error', [rule.meta.id]: 'error' } }]);
    const body = 'expenditure:\n  total: {amount: 110.00, prior: 100.00}\n';
    const lastYear = last('expenditure:\n  total: 90.00\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-previous-'));
    try {
      writeFileSync(path.join(dir, 'last.yaml'), lastYear);
      const settings: LintSettings = { cwd: dir, rule: [], reportUnusedDirectives: false, previous: 'last.yaml' };
      const opts = await lintOptionsFor(settings, await loadSetup(settings));
      expect(opts.previousModel).toBeDefined();
      const a = await lintText(withHeader(body), 'a.yaml', resolved, opts);
      const b = await lintText(withHeader(body), 'b.yaml', resolved, opts);
      // the data alone (a paired year): modelled for its document, to the same model
      const c = await lintText(withHeader(body), 'c.yaml', resolved, { previous: dataOf(lastYear) });
      expect(seen).toHaveLength(3);
      expect(seen[0]).toBe(opts.previousModel);
      expect(seen[1]).toBe(opts.previousModel);
      expect(seen[2]).not.toBe(opts.previousModel);
      expect(seen[2]).toEqual(opts.previousModel);
      // and the rule reads it alike each time: the stated prior 100.00 against last year's 90.00
      for (const r of [a, b, c]) expect(r.findings.map((f) => f.ruleId)).toEqual(['previous-year']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
