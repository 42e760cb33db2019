import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from '../../src/load/parse.js';
import { BudgetDocument, Indicator } from '../../src/model/schema.js';
import { withUniformShapes } from '../../src/model/shapes.js';

const SCHEMA_KEYS = Object.keys(Indicator.shape);

function model(text: string) {
  const r = parse(text, 'yaml');
  if (!r.ok) throw new Error(r.error.en);
  return BudgetDocument.parse(r.data, { jitless: true });
}

const DOC = `
document: { department: 某局, year: 2021, kind: budget }
performance:
  department:
    name: 部门整体
    indicators:
      - { level1: 产出指标, name: 培训人次, value: "≥100人次" }
      - { level1: 产出指标, level2: 数量指标, name: 开展宣传, operator: "≥", value: 12, unit: 次, basis: 计划 }
  projects:
    - name: 项目一
      indicators:
        - { name: 满意度, level1: 满意度指标, description: 群众满意, value: "≥90%" }
        - { level1: 效益指标, name: 发案率, unit: "%" }
`;

describe('withUniformShapes: one object shape for every indicator', () => {
  it('gives every indicator all of the schema’s keys, in the schema’s order, whatever keys it was written with', () => {
    const doc = withUniformShapes(model(DOC));
    const inds = [...doc.performance!.department!.indicators, ...doc.performance!.projects![0]!.indicators];
    // zod alone leaves four different key lists here; V8 gives objects built with the same keys in the same order one hidden class
    expect(new Set(inds.map((i) => Object.keys(i).join())).size).toBe(1);
    for (const ind of inds) expect(Object.keys(ind)).toEqual(SCHEMA_KEYS);
  });

  it('reads the same values as zod’s output, and the same JSON', () => {
    const before = model(DOC);
    const after = withUniformShapes(model(DOC));
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    const a = after.performance!.projects![0]!.indicators[1]!;
    const b = before.performance!.projects![0]!.indicators[1]!;
    for (const k of SCHEMA_KEYS) expect((a as Record<string, unknown>)[k]).toEqual((b as Record<string, unknown>)[k]);
  });

  it('leaves a document without performance tables alone, and the canonical example’s JSON unchanged', () => {
    const bare = model('document: { department: 某局, year: 2021, kind: budget }\n');
    expect(withUniformShapes(bare)).toEqual(bare);
    const text = readFileSync('examples/dachang-zhengfawei-2021.yaml', 'utf8');
    const canonical = withUniformShapes(model(text));
    expect(JSON.stringify(canonical)).toBe(JSON.stringify(model(text)));
    expect(canonical.performance!.projects!.length).toBeGreaterThan(3);
  });
});
