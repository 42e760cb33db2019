import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { PerDocument, documentDone, heldByMemos } from '../../src/engine/per-document.js';
import { lintText } from '../../src/engine/lint.js';
import { resolveRules } from '../../src/engine/config.js';
import { loadCatalogue } from '../../src/relations/load.js';
import { allRules } from '../../rules/index.js';
import { textsHeld } from '../../rules/text-consistency.js';

describe('PerDocument: memos of one document', () => {
  it('keeps a value until the document is done, then lets go of it', () => {
    const memo = new PerDocument<object, number>();
    const key = {};
    memo.set(key, 1);
    expect(memo.get(key)).toBe(1);
    expect(memo.size).toBe(1);
    documentDone();
    expect(memo.get(key)).toBeUndefined();
    expect(memo.size).toBe(0);
    // and works on for the next document
    memo.set(key, 2);
    expect(memo.get(key)).toBe(2);
    documentDone();
  });

  it('is bounded when nothing ever says the document is done', () => {
    const memo = new PerDocument<object, number>();
    for (let i = 0; i < 70_000; i++) memo.set({}, i);
    expect(memo.size).toBeLessThanOrEqual(1 << 16);
    expect(memo.size).toBeGreaterThan(0);
    documentDone();
  });

  it('holds nothing of a document once it has been linted: every rule’s memo let go of it', async () => {
    const cat = await loadCatalogue([]);
    const rules = resolveRules(allRules(cat), []);
    for (const file of ['examples/dachang-zhengfawei-2021.yaml', 'test/fixtures/putuo-czj-2024-final-accounts.yaml']) {
      const result = await lintText(readFileSync(file, 'utf8'), file, rules);
      // the rules did use the memos (views, indicator readings, figures), and found things
      expect(result.findings.length).toBeGreaterThan(0);
      expect(heldByMemos()).toBe(0);
      // nor text-consistency's list of the document's strings (slices of its file, in a long-lived array)
      expect(textsHeld()).toBe(0);
    }
  });
});
