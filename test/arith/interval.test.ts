import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { compare, comparePercent } from '../../src/arith/compare.js';
import { Interval, halfUnit } from '../../src/arith/interval.js';
import { convertMoney } from '../../src/arith/units.js';

const s = (text: string) => Interval.stated(new Decimal(text), text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

describe('Interval', () => {
  it('derives the half-width from the places a figure was written with', () => {
    expect(halfUnit(2).toString()).toBe('0.005');
    expect(halfUnit(0).toString()).toBe('0.5');
    expect(s('8.3').halfWidth.toString()).toBe('0.05');
    expect(s('8.30').halfWidth.toString()).toBe('0.005');
  });

  it('takes zero as exact', () => {
    expect(s('0.00').halfWidth.toString()).toBe('0');
  });

  it('adds widths, multiplies by corners', () => {
    const sum = s('1.23').plus(s('2.35'));
    expect(sum.point.toString()).toBe('3.58');
    expect(sum.halfWidth.toString()).toBe('0.01');
    const prod = Interval.exact(2000).times(s('5'));
    expect(prod.lo.toString()).toBe('9000');
    expect(prod.hi.toString()).toBe('11000');
  });

  it('keeps amounts beyond float precision exact', () => {
    const a = s('12345678901234567.89');
    expect(a.plus(s('0.01')).point.toFixed()).toBe('12345678901234567.9');
  });

  it('refuses to divide by an interval that holds zero', () => {
    expect(s('1').dividedBy(Interval.exact(0))).toBeUndefined();
    expect(s('1').dividedBy(Interval.stated(new Decimal('0.2'), 0))).toBeUndefined();
    expect(s('1.0').dividedBy(s('4.0'))!.point.toString()).toBe('0.25');
  });
});

describe('compare', () => {
  it('has three outcomes', () => {
    expect(compare(s('3.58'), s('1.23').plus(s('2.35'))).outcome).toBe('consistent');
    expect(compare(s('3.59'), s('1.23').plus(s('2.35'))).outcome).toBe('rounding');
    expect(compare(s('3.60'), s('1.23').plus(s('2.35'))).outcome).toBe('inconsistent');
  });

  it('reports stated, computed, difference and tolerance', () => {
    const c = compare(s('2913.49'), s('2913.49').plus(s('2.12')));
    expect(c.difference.toString()).toBe('-2.12');
    expect(c.tolerance.toString()).toBe('0.015');
  });

  it('is looser for a figure written with fewer places', () => {
    expect(compare(s('10.0'), s('10.04')).outcome).toBe('rounding');
    expect(compare(s('10.00'), s('10.04')).outcome).toBe('inconsistent');
  });
});

describe('comparePercent', () => {
  const floor = new Decimal('0.1');
  it('is consistent when the exact value rounds to the stated one', () => {
    const rate = Interval.exact(166271.4).dividedBy(Interval.exact(1047734))!.scale(100);
    expect(comparePercent(new Decimal('15.87'), 2, rate, floor).outcome).toBe('consistent');
    expect(comparePercent(new Decimal('16'), 0, rate, floor).outcome).toBe('consistent');
  });
  it('calls a gap within 0.1 point rounding, a larger one an error', () => {
    const rate = Interval.exact('15.87');
    expect(comparePercent(new Decimal('15.95'), 2, rate, floor).outcome).toBe('rounding');
    expect(comparePercent(new Decimal('16.5'), 1, rate, floor).outcome).toBe('inconsistent');
  });
});

describe('units', () => {
  it('converts 元/万元/亿元 exactly', () => {
    expect(convertMoney(new Decimal('2913.49'), '万元', '元').toFixed()).toBe('29134900');
    expect(convertMoney(new Decimal('1'), '元', '亿元').toFixed()).toBe('0.00000001');
    expect(convertMoney(new Decimal('0.3'), '亿元', '万元').toFixed()).toBe('3000');
  });
});
