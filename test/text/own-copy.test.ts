import { describe, expect, it } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { bareName } from '../../src/relations/evaluate.js';
import { canon, memoText, parsedValue } from '../../src/functions/indicators.js';
import type { Indicator } from '../../src/model/schema.js';
import { ownCopy } from '../../src/text/own-copy.js';
import { NumberText } from '../../src/arith/decimal.js';
import { Amount } from '../../src/model/scalars.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * How much heap stays in use after `keep` is given slices of a large text and the text is dropped: caches kept
 * from document to document must not keep the file a slice came from (V8 slices keep their parent alive).
 */
function retainedMB(keep: (slice: string) => void, unit = '项目名称'): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  (() => {
    // 8M characters of two-byte text (16 MB), like a parsed file's, sliced as the YAML parser does
    const file = unit.repeat(8_000_000 / unit.length) + String(Math.random());
    for (let i = 0; i < 4; i++) keep(file.slice(i * 1000 + i, i * 1000 + 20 + i));
  })();
  gc();
  return (process.memoryUsage().heapUsed - before) / 1e6;
}

describe('caches kept across documents hold their own copies of texts', () => {
  it('ownCopy is the same text', () => {
    const s = 'x'.repeat(100).slice(3, 50);
    expect(ownCopy(s)).toBe(s);
    expect(ownCopy('短')).toBe('短');
  });

  it('a slice kept as is keeps the whole text alive (the measure works)', () => {
    const kept: string[] = [];
    expect(retainedMB((s) => kept.push(s))).toBeGreaterThan(12);
    expect(kept).toHaveLength(4);
  });

  it('memoText, canon, parsedValue and bareName keep none of it', () => {
    const memo = memoText((s: string) => s.replace(/\s+/g, ''));
    const rows: unknown[] = [];
    expect(
      retainedMB((s) => {
        memo(s);
        canon(s);
        rows.push(parsedValue({ level1: '产出指标', name: 'x', value: s } as Indicator));
        bareName(s);
      }),
    ).toBeLessThan(4);
  });

  it('the model keeps no figure text (a Decimal per text is cached)', () => {
    // 14-character figures (one dot in any 14 characters of the file), sliced: V8 keeps slices of 13 and more
    // decimal.js itself may hold on to the last text it read (one file, bounded): three files must not stay
    const figure = (s: string) => void Amount.parse(new NumberText(s.slice(0, 14))).value;
    const mb = [1, 2, 3].map(() => retainedMB(figure, '1234567890.123'));
    expect(mb.reduce((a, b) => a + b, 0)).toBeLessThan(12);
  });
});
