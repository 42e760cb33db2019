import { describe, it, expect } from '@jest/globals';
import { canon, memoText, parsedValue, rowsOf } from '../../src/functions/indicators.js';
import type { Indicator } from '../../src/model/schema.js';

const row = (o: Partial<Indicator>): Indicator => ({ level1: '产出指标', name: '纸杯数量', ...o }) as Indicator;

describe('parsedValue across rows and documents', () => {
  it('parses equal columns once and shares the result', () => {
    const a = parsedValue(row({ value: '≥3.2万户' }));
    const b = parsedValue(row({ value: '≥3.2万户' }));
    expect(a).toBe(b);
    expect(a?.ok && a.value.scaled?.toFixed()).toBe('32000');
  });

  it('keeps the operator and unit columns apart from one another and from a bare value', () => {
    const bare = parsedValue(row({ value: '10' }));
    const withUnit = parsedValue(row({ value: '10', unit: '个' }));
    const withOp = parsedValue(row({ value: '10', operator: '≥' }));
    // the same characters split differently between the columns
    const split1 = parsedValue(row({ value: '1', operator: '', unit: '0个' }));
    const split2 = parsedValue(row({ value: '10', operator: '', unit: '个' }));
    expect(bare?.ok && bare.value.dimension).toBe('number');
    expect(withUnit?.ok && withUnit.value.unit).toBe('个');
    expect(withOp?.ok && withOp.value.operator).toBe('≥');
    expect(withOp?.ok && withOp.value.unit).toBe('');
    expect(split1?.ok && split1.value.text).toBe('1');
    expect(split2?.ok && split2.value.text).toBe('10');
  });

  it('reads no value as undefined', () => {
    expect(parsedValue(row({}))).toBeUndefined();
    expect(parsedValue(row({ unit: '个' }))).toBeUndefined();
  });
});

describe('rowsOf', () => {
  it('gives each row its texts (canonical) and value, once per table', () => {
    const inds = [row({ name: 'A 数量', description: '说明', value: '5个', level2: '数量指标' })];
    const rows = rowsOf(inds);
    expect(rowsOf(inds)).toBe(rows);
    expect(rows[0]).toMatchObject({ name: 'A 数量', description: '说明', level1: '产出指标', level2: '数量指标' });
    expect(rows[0]!.value).toBe(parsedValue(inds[0]!));
    expect(canon(['A', ' 数量'].join(''))).toBe(rows[0]!.name);
  });
});

describe('memoText', () => {
  it('remembers results, undefined included, and stays within its bound', () => {
    let calls = 0;
    const f = memoText((s: string) => { calls++; return s === 'none' ? undefined : s.length; }, 2);
    expect(f('ab')).toBe(2);
    expect(f('ab')).toBe(2);
    expect(f('none')).toBeUndefined();
    expect(f('none')).toBeUndefined();
    expect(calls).toBe(2);
    f('xyz'); // the cache is full: emptied, then this one kept
    f('ab');
    expect(calls).toBe(4);
  });
});
