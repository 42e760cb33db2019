import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { parseIndicatorValue } from '../../src/indicators/parse-value.js';
import type { ParsedValue, Dimension } from '../../src/indicators/parse-value.js';

function ok(text: string, columns?: { operator?: string; unit?: string }): ParsedValue {
  const r = parseIndicatorValue(text, columns);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.message.en}`);
  return r.value;
}
const str = (d: Decimal | undefined): string | undefined => d?.toString();

describe('parseIndicatorValue: must-pass cases', () => {
  it('≥2台', () => {
    const v = ok('≥2台');
    expect(v).toMatchObject({ text: '≥2台', operator: '≥', numberText: '2', decimals: 0, unit: '台', baseUnit: '台', dimension: 'count' });
    expect(str(v.number)).toBe('2');
  });
  it('≤182000元', () => {
    const v = ok('≤182000元');
    expect(v).toMatchObject({ operator: '≤', unit: '元', baseUnit: '元', dimension: 'money' });
    expect(str(v.scaled)).toBe('182000');
  });
  it('100百分比 is a percent, not 百 × 分比', () => {
    const v = ok('100百分比');
    expect(v).toMatchObject({ unit: '百分比', baseUnit: '%', dimension: 'percent' });
    expect(v.magnitude).toBeUndefined();
    expect(v.operator).toBeUndefined();
    expect(str(v.number)).toBe('100');
  });
  it('≥3.2万户', () => {
    const v = ok('≥3.2万户');
    expect(v).toMatchObject({ operator: '≥', numberText: '3.2', decimals: 1, magnitude: '万', unit: '户', dimension: 'count' });
    expect(str(v.number)).toBe('3.2');
    expect(str(v.scaled)).toBe('32000');
  });
  it('≤0.44万 (magnitude alone)', () => {
    const v = ok('≤0.44万');
    expect(v).toMatchObject({ operator: '≤', magnitude: '万', unit: '', dimension: 'number', decimals: 2 });
    expect(str(v.scaled)).toBe('4400');
  });
  it('≤3‰', () => {
    expect(ok('≤3‰')).toMatchObject({ operator: '≤', unit: '‰', baseUnit: '‰', dimension: 'permille' });
  });
  it('≤6条/天/元 (compound)', () => {
    const v = ok('≤6条/天/元');
    expect(v).toMatchObject({ operator: '≤', unit: '条/天/元', dimension: 'compound', compoundUnit: ['条', '天', '元'] });
    expect(str(v.number)).toBe('6');
  });
  it.each(['显著', '及时', '有所提高'])('qualitative %s', (w) => {
    const v = ok(w);
    expect(v).toMatchObject({ text: w, dimension: 'qualitative', qualitative: w, unit: '' });
    expect(v.number).toBeUndefined();
    expect(v.operator).toBeUndefined();
  });
  it('≥38支（箱）(unit alternatives)', () => {
    const v = ok('≥38支（箱）');
    expect(v).toMatchObject({ operator: '≥', unit: '支（箱）', baseUnit: '支', dimension: 'count', unitAlternatives: ['支', '箱'] });
    expect(str(v.number)).toBe('38');
  });
  it('≤12月份 (month of year)', () => {
    const v = ok('≤12月份');
    expect(v).toMatchObject({ operator: '≤', dimension: 'date', date: { month: 12 } });
    expect(v.date?.year).toBeUndefined();
  });
  it('14000千瓦 is power, not 千 × 瓦', () => {
    const v = ok('14000千瓦');
    expect(v).toMatchObject({ unit: '千瓦', baseUnit: '千瓦', dimension: 'power' });
    expect(v.magnitude).toBeUndefined();
    expect(str(v.scaled)).toBe('14000');
  });
  it('14000千瓦时 is energy', () => {
    expect(ok('14000千瓦时')).toMatchObject({ unit: '千瓦时', baseUnit: '千瓦时', dimension: 'energy' });
  });
  it('39元', () => {
    expect(ok('39元')).toMatchObject({ unit: '元', baseUnit: '元', dimension: 'money', numberText: '39' });
  });
  it('17万元', () => {
    const v = ok('17万元');
    expect(v).toMatchObject({ magnitude: '万', unit: '元', baseUnit: '元', dimension: 'money' });
    expect(str(v.number)).toBe('17');
    expect(str(v.scaled)).toBe('170000');
  });
  it('≥100百分比', () => {
    expect(ok('≥100百分比')).toMatchObject({ operator: '≥', baseUnit: '%', dimension: 'percent', numberText: '100' });
  });
  it('1套', () => {
    expect(ok('1套')).toMatchObject({ unit: '套', dimension: 'count', numberText: '1' });
  });
  it.each([
    ['≤90天', '≤', '90', '天', '天'],
    ['≤3个月', '≤', '3', '个月', '月'],
    ['3年', undefined, '3', '年', '年'],
    ['365天', undefined, '365', '天', '天'],
  ])('duration %s', (t, op, n, unit, base) => {
    const v = ok(t);
    expect(v).toMatchObject({ numberText: n, unit, baseUnit: base, dimension: 'duration' });
    expect(v.operator).toBe(op);
  });
  it('≥95% and 95% (operator only when written)', () => {
    expect(ok('≥95%')).toMatchObject({ operator: '≥', unit: '%', baseUnit: '%', dimension: 'percent', numberText: '95' });
    expect(ok('95%').operator).toBeUndefined();
  });
  it('=0 with unit 百分比 from separate columns', () => {
    const v = ok('0', { operator: '=', unit: '百分比' });
    expect(v).toMatchObject({ text: '0', operator: '=', unit: '百分比', baseUnit: '%', dimension: 'percent' });
    expect(str(v.number)).toBe('0');
  });
  it('10.0 keeps its precision', () => {
    const v = ok('10.0');
    expect(v).toMatchObject({ numberText: '10.0', decimals: 1, dimension: 'number', unit: '' });
    expect(v.number?.equals(10)).toBe(true);
  });
  it('1-3个月 (range)', () => {
    const v = ok('1-3个月');
    expect(v).toMatchObject({ unit: '个月', baseUnit: '月', dimension: 'duration' });
    expect(v.range).toMatchObject({ lowText: '1', highText: '3' });
    expect(str(v.range?.low)).toBe('1');
    expect(str(v.range?.high)).toBe('3');
    expect(v.number).toBeUndefined();
  });
  it('2021年12月31日前', () => {
    expect(ok('2021年12月31日前')).toMatchObject({ operator: '≤', dimension: 'date', date: { year: 2021, month: 12, day: 31 } });
  });
  it('≥ 95 % (spaces)', () => {
    expect(ok('≥ 95 %')).toMatchObject({ text: '≥ 95 %', operator: '≥', numberText: '95', unit: '%', dimension: 'percent' });
  });
  it('１００％ (full-width)', () => {
    const v = ok('１００％');
    expect(v).toMatchObject({ numberText: '100', unit: '％', baseUnit: '%', dimension: 'percent' });
    expect(str(v.number)).toBe('100');
  });
  it('182,000元 (thousands commas)', () => {
    const v = ok('182,000元');
    expect(v).toMatchObject({ numberText: '182000', dimension: 'money' });
    expect(str(v.number)).toBe('182000');
  });
  it('≤146.68元', () => {
    const v = ok('≤146.68元');
    expect(v).toMatchObject({ operator: '≤', numberText: '146.68', decimals: 2, dimension: 'money' });
    expect(str(v.number)).toBe('146.68');
  });
});

describe('operators', () => {
  it.each([
    ['>=5', '≥'], ['＞=5', '≥'], ['＞＝5', '≥'], ['≧5', '≥'], ['大于等于5', '≥'], ['不低于5', '≥'], ['不少于5', '≥'], ['不小于5', '≥'],
    ['<=5', '≤'], ['≦5', '≤'], ['小于等于5', '≤'], ['不超过5', '≤'], ['不高于5', '≤'], ['不大于5', '≤'],
    ['＝5', '='], ['==5', '='], ['等于5', '='], ['=5', '='],
    ['>5', '>'], ['＞5', '>'], ['大于5', '>'], ['高于5', '>'],
    ['<5', '<'], ['＜5', '<'], ['小于5', '<'], ['低于5', '<'],
    ['≠5', '≠'], ['!=5', '≠'],
  ])('%s → %s', (t, op) => {
    const v = ok(t);
    expect(v.operator).toBe(op);
    expect(v.numberText).toBe('5');
  });
  it.each([
    ['100%以上', '≥', '%'], ['5人及以上', '≥', '人'], ['3个月以内', '≤', '个月'], ['10%以下', '≤', '%'], ['5天内', '≤', '天'], ['5以内', '≤', ''],
  ])('suffix %s → %s', (t, op, unit) => {
    expect(ok(t)).toMatchObject({ operator: op, unit });
  });
  it('prefix wins over suffix', () => {
    expect(ok('≤100%以上').operator).toBe('≤');
  });
  it('spaces around the operator', () => {
    expect(ok(' = 1 ')).toMatchObject({ operator: '=', numberText: '1' });
    expect(ok('　≥　95%　')).toMatchObject({ operator: '≥', numberText: '95', unit: '%' });
  });
});

describe('units and dimensions', () => {
  it.each<[string, Dimension, string | undefined]>([
    ['5人次', 'count', '人次'], ['2辆', 'count', '辆'], ['12课时', 'count', '课时'], ['3个', 'count', '个'],
    ['10平方米', 'area', '平方米'], ['10㎡', 'area', '平方米'], ['30亩', 'area', '亩'], ['2平方公里', 'area', '平方公里'],
    ['5公里', 'length', '公里'], ['5千米', 'length', '公里'], ['300米', 'length', '米'], ['5km', 'length', '公里'],
    ['3吨', 'weight', '吨'], ['2公斤', 'weight', '千克'], ['2千克', 'weight', '千克'],
    ['100立方米', 'volume', '立方米'], ['5升', 'volume', '升'],
    ['500度', 'energy', '千瓦时'], ['500kWh', 'energy', '千瓦时'],
    ['20kW', 'power', '千瓦'], ['2兆瓦', 'power', '兆瓦'],
    ['5工作日', 'duration', '工作日'], ['5个工作日', 'duration', '工作日'], ['2周', 'duration', '周'], ['24小时', 'duration', '小时'],
    ['30分钟', 'duration', '分钟'], ['3日', 'duration', '天'], ['12月', 'duration', '月'],
    ['5个百分点', 'percent', '百分点'], ['百分之95', 'percent', '%'], ['≥90分', 'count', '分'],
    ['1629', 'number', undefined], ['5所学校', 'count', '所学校'],
  ])('%s → %s', (t, dim, base) => {
    const v = ok(t);
    expect(v.dimension).toBe(dim);
    expect(v.baseUnit).toBe(base);
  });
  it('magnitudes scale exactly', () => {
    expect(str(ok('2亿元').scaled)).toBe('200000000');
    expect(str(ok('3千元').scaled)).toBe('3000');
    expect(ok('3千元')).toMatchObject({ magnitude: '千', unit: '元', baseUnit: '元', dimension: 'money' });
    expect(str(ok('1.5百万元').scaled)).toBe('1500000');
    expect(ok('5万千瓦时')).toMatchObject({ magnitude: '万', unit: '千瓦时', dimension: 'energy' });
    expect(str(ok('5万千瓦时').scaled)).toBe('50000');
    // more digits than Decimal's default precision: no rounding
    expect(str(ok('123456789012345678901234.5万元').scaled)).toBe('1.234567890123456789012345e+27');
    expect(ok('123456789012345678901234.5万元').scaled?.equals(new Decimal('1234567890123456789012345000'))).toBe(true);
  });
  it('scaled equals number without magnitude', () => {
    const v = ok('39元');
    expect(v.scaled?.equals(v.number!)).toBe(true);
  });
  it.each([
    ['500元/人', ['元', '人'], '元/人'], ['4人次/年', ['人次', '年'], '人次/年'], ['2万元/人', ['元', '人'], '元/人'], ['60km/h', ['km', 'h'], '公里/小时'],
  ])('compound %s', (t, parts, base) => {
    expect(ok(t)).toMatchObject({ dimension: 'compound', compoundUnit: parts, baseUnit: base });
  });
  it('full-width slash in compound', () => {
    expect(ok('6条／天').compoundUnit).toEqual(['条', '天']);
  });
  it('ASCII parentheses for alternatives', () => {
    expect(ok('3支(箱)').unitAlternatives).toEqual(['支', '箱']);
  });
  it('percent ranges', () => {
    const v = ok('80%-90%');
    expect(v).toMatchObject({ dimension: 'percent', unit: '%', range: { lowText: '80', highText: '90' } });
    expect(ok('1～3')).toMatchObject({ dimension: 'number', range: { lowText: '1', highText: '3' } });
    expect(ok('5至10天')).toMatchObject({ dimension: 'duration', range: { lowText: '5', highText: '10' } });
    expect(parseIndicatorValue('80%-90元').ok).toBe(false);
  });
  it('decimals as written', () => {
    expect(ok('2670').decimals).toBe(0);
    expect(ok('3.20%').decimals).toBe(2);
    expect(ok('3.20%').numberText).toBe('3.20');
    expect(ok('1,234.50元')).toMatchObject({ numberText: '1234.50', decimals: 2 });
  });
  it('full-width decimal point and trailing punctuation', () => {
    expect(ok('３．５万元')).toMatchObject({ numberText: '3.5', magnitude: '万' });
    expect(ok('95%。')).toMatchObject({ numberText: '95', unit: '%' });
  });
  it('negative numbers', () => {
    expect(str(ok('≥-5%').number)).toBe('-5');
  });
});

describe('dates', () => {
  it.each<[string, { year?: number; month?: number; day?: number }, string | undefined]>([
    ['2021年12月', { year: 2021, month: 12 }, undefined],
    ['12月份', { month: 12 }, undefined],
    ['12月底', { month: 12 }, undefined],
    ['12月底前', { month: 12 }, '≤'],
    ['6月前', { month: 6 }, '≤'],
    ['2021.12.31', { year: 2021, month: 12, day: 31 }, undefined],
    ['2021-12-31', { year: 2021, month: 12, day: 31 }, undefined],
    ['2021/6', { year: 2021, month: 6 }, undefined],
    ['2021年12月31日之前', { year: 2021, month: 12, day: 31 }, '≤'],
    ['2021年12月31日以前', { year: 2021, month: 12, day: 31 }, '≤'],
    ['2022年1月1日后', { year: 2022, month: 1, day: 1 }, '≥'],
    ['2022年1月1日以后', { year: 2022, month: 1, day: 1 }, '≥'],
    ['2021年底前', { year: 2021 }, '≤'],
    ['2021年12月31日前完成', { year: 2021, month: 12, day: 31 }, '≤'],
    ['2021年', { year: 2021 }, undefined],
  ])('%s', (t, date, op) => {
    const v = ok(t);
    expect(v.dimension).toBe('date');
    expect(v.date).toEqual(date);
    expect(v.operator).toBe(op);
  });
  it('prefix operator wins over 前', () => {
    expect(ok('≥2021年12月31日前').operator).toBe('≥');
  });
  it('2021.12 is a decimal number, not a date', () => {
    expect(ok('2021.12')).toMatchObject({ dimension: 'number', numberText: '2021.12' });
  });
  it('invalid month/day is not a date', () => {
    expect(parseIndicatorValue('13月份').ok).toBe(false);
    expect(parseIndicatorValue('2021年12月32日').ok).toBe(false);
  });
});

describe('qualitative values', () => {
  it.each(['满意', '良好', '好', '较好', '明显改善', '达标', '合格', '完成', '是', '否', '提高', '降低', '文字描述', '定性'])('%s', (w) => {
    expect(ok(w)).toMatchObject({ dimension: 'qualitative', qualitative: w });
  });
  it('trims whitespace', () => {
    expect(ok('  显著　').qualitative).toBe('显著');
  });
  it('keeps a written operator', () => {
    expect(ok('≥良好')).toMatchObject({ operator: '≥', qualitative: '良好' });
  });
  it('ignores operator/unit columns for words', () => {
    expect(ok('好', { operator: '', unit: '%' })).toMatchObject({ qualitative: '好', unit: '' });
  });
});

describe('columns', () => {
  it('combines operator, value and unit', () => {
    const v = ok('3.32', { operator: '≥', unit: '万户' });
    expect(v).toMatchObject({ text: '3.32', operator: '≥', magnitude: '万', unit: '户', dimension: 'count' });
    expect(str(v.scaled)).toBe('33200');
  });
  it('does not duplicate an operator or unit already in the value', () => {
    expect(ok('≥95%', { operator: '≥', unit: '%' })).toMatchObject({ operator: '≥', unit: '%', numberText: '95' });
  });
  it('word operators and "no unit" markers', () => {
    expect(ok('5', { operator: '大于等于', unit: '—' })).toMatchObject({ operator: '≥', unit: '', dimension: 'number' });
    expect(ok('5', { unit: ' 台 ' })).toMatchObject({ unit: '台', dimension: 'count' });
  });
  it('empty value stays empty even with columns', () => {
    const r = parseIndicatorValue(' ', { operator: '≥', unit: '%' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('empty');
  });
});

describe('failures', () => {
  it.each(['≥', '≥台', 'abc123xyz%%%', '—', '--', '台', '元/人', '支（箱）', '大于', '1,5', '3.', '5元元', 'N/A', '95%满意', '百分之95%'])(
    'unparseable: %s', (t) => {
      const r = parseIndicatorValue(t);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r).toMatchObject({ text: t, reason: 'unparseable' });
      expect(r.message.zh).toBe(`无法解析指标值"${t}"`);
      expect(r.message.en).toBe(`cannot parse indicator value "${t}"`);
    });
  it.each(['', ' ', '\t\n', '　　'])('empty: %j', (t) => {
    const r = parseIndicatorValue(t);
    expect(r).toMatchObject({ ok: false, text: t, reason: 'empty' });
  });
  it('truncates very long text in messages', () => {
    const r = parseIndicatorValue('x'.repeat(500));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.en.length).toBeLessThan(100);
  });
});

describe('robustness', () => {
  const LIMIT_MS = 50;
  function check(s: string): boolean {
    const t0 = performance.now();
    const r = parseIndicatorValue(s);
    const ms = performance.now() - t0;
    if (ms > LIMIT_MS) throw new Error(`took ${ms}ms on ${JSON.stringify(s)}`);
    if (r.ok) {
      const v = r.value;
      if (v.text !== s) return false;
      if (v.numberText !== undefined && !v.number?.equals(new Decimal(v.numberText))) return false;
    } else if (r.text !== s || (r.reason !== 'empty' && r.reason !== 'unparseable')) {
      return false;
    }
    return true;
  }
  // Tokens from the grammar, so generated strings reach the deep paths, not just the first check.
  const token = fc.constantFrom(
    '≥', '≤', '>', '<', '=', '＞=', '不低于', '大于', '0', '1', '9', '12', '2021', '.', ',', '，', '-', '～', '至', '%', '％', '‰',
    '万', '亿', '千', '百', '元', '户', '台', '千瓦', '时', '分比', '个月', '月', '份', '年', '日', '前', '后', '以上', '以内', '/', '／',
    '（', '）', '(', ')', ' ', '　', '１', '．', '显著', 'a', '—', '底', '百分之',
  );
  it('never throws and is fast on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), check), { numRuns: 2000 });
  });
  it('never throws and is fast on arbitrary full-unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), check), { numRuns: 1000 });
  });
  it('never throws and is fast on grammar-like strings', () => {
    fc.assert(fc.property(fc.array(token, { maxLength: 200 }).map((a) => a.join('')), check), { numRuns: 3000 });
  });
  it('never throws with arbitrary columns', () => {
    fc.assert(fc.property(fc.string({ maxLength: 50 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (t, o, u) => {
      const r = parseIndicatorValue(t, { operator: o, unit: u });
      return r.ok ? r.value.text === t : r.text === t;
    }), { numRuns: 1000 });
  });
  // A hang guard that a loaded machine does not trip: no tight wall-clock limit, but (1) every input of
  // 100,000 characters parses within seconds (linear: milliseconds; quadratic: 10¹⁰ steps, far longer), and
  // (2) eight times the input takes at most 20 times as long (linear: 8×; quadratic: 64×), the best of three
  // runs each, over a floor of 2 ms so that timer noise on a fast parse cannot fail it.
  it('stays linear on adversarial inputs', () => {
    const inputs: ((n: number) => string)[] = [
      (n) => '1,'.repeat(n / 2), (n) => '0'.repeat(n) + 'x', (n) => '1,000'.repeat(n / 5), (n) => '，'.repeat(n) + '1',
      (n) => '≥' + '1-'.repeat(n / 2), (n) => '2021年'.repeat(n / 5), (n) => '显'.repeat(n), (n) => '1' + '/'.repeat(n),
      (n) => '1' + '（'.repeat(n / 2) + '）', (n) => ' '.repeat(n) + '1', (n) => '1' + '。'.repeat(n) + 'x',
    ];
    const HANG_MS = 5_000;
    const best = (s: string) => {
      let ms = Infinity;
      for (let run = 0; run < 3; run++) {
        const t0 = performance.now();
        parseIndicatorValue(s);
        const t = performance.now() - t0;
        if (t > HANG_MS) throw new Error(`parsing ${s.length} characters (${JSON.stringify(s.slice(0, 12))}…) took ${t.toFixed(0)} ms`);
        ms = Math.min(ms, t);
      }
      return ms;
    };
    for (const make of inputs) {
      const small = best(make(12_500));
      const large = best(make(100_000));
      if (large > 20 * Math.max(small, 2)) throw new Error(`${JSON.stringify(make(10))}…: 12,500 characters ${small.toFixed(1)} ms, 100,000 ${large.toFixed(1)} ms: not linear`);
    }
  });
});
