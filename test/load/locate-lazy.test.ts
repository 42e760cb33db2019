import { describe, expect, it } from '@jest/globals';
import { locatorFor, parserLoaded } from '../../src/load/locate.js';

// Its own test file: jest gives each file fresh modules, so the parser starts unloaded here.
describe('locatorFor loads the position-keeping parser only when a place needs it', () => {
  it('places read off their lines without loading it, and loads it for one that needs it', async () => {
    const text = 'document:\n  department: 测试局\n  year: 2024\nincome:\n  total: 100.00\n  items:\n    - {name: a, amount: 60.00}\n';
    // no place asked for (a clean file checked for unused disable directives): nothing to parse
    await locatorFor(text, []);
    expect(parserLoaded()).toBe(false);
    const plain = await locatorFor(text, [['income', 'total'], ['document', 'year']]);
    expect(parserLoaded()).toBe(false);
    expect(plain(['income', 'total'])).toMatchObject({ line: 5, column: 10 });
    expect(plain(['document', 'year'], 'key')).toMatchObject({ line: 3, column: 3 });

    // an anchor may reach across the text: only the parser can place what an alias points to
    const aliased = 'document: &d\n  department: 测试局\ncopy: *d\n';
    const at = await locatorFor(aliased, [['copy', 'department']]);
    expect(parserLoaded()).toBe(true);
    expect(at(['copy', 'department'])).toMatchObject({ line: 2, column: 15 });
  });
});
