/** The data shipped in rules/*.yaml is trusted at run time (not re-validated on every run): validated here. */
import { describe, expect, it } from '@jest/globals';
import { builtinFiles, builtinLexicons } from '../../src/load/builtin-data.js';
import { LexiconsFile, mergeLexicons, defaultLexicons } from '../../src/model/lexicons.js';
import { emptyCatalogue, mergeCatalogue } from '../../src/relations/catalogue.js';

describe('built-in data', () => {
  it('rules/lexicons.yaml fits the lexicon schema', () => {
    const r = LexiconsFile.safeParse(builtinLexicons());
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('the table catalogue and relations pass the checks a user file gets (schema, expressions, functions)', () => {
    const cat = emptyCatalogue();
    for (const { file, data } of builtinFiles()) expect(() => mergeCatalogue(cat, data, file)).not.toThrow();
    expect(cat.kinds.map((k) => k.id).sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    expect(new Set(cat.relations.map((r) => r.id)).size).toBe(cat.relations.length);
  });

  it('a config replaces a lexicon list and keeps the rest', () => {
    const base = defaultLexicons();
    const merged = mergeLexicons(base, { vague: ['有待提高'], thresholds: { satisfactionFloor: 85 } });
    expect(merged.vague).toEqual(['有待提高']);
    expect(merged.reverse).toBe(base.reverse);
    expect(merged.thresholds.satisfactionFloor).toBe(85);
    expect(merged.units.money).toBe(base.units.money);
  });
});
