/**
 * The decisions taken without Decimals (src/arith/exact.ts) against decimal.js itself: a figure read as
 * units and places is the Decimal of its text, exactly; sums, differences, products and comparisons of
 * units are either what decimal.js gives or NaN (left to decimal.js), never another answer; and the
 * copy-free comparison is decimal.js's cmp, NaN, infinities and signed zeros included.
 */
import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { addUnits, cmpDecimal, cmpUnits, timesUnits, unitsOfText } from '../../src/arith/exact.js';
import { decimalsOf } from '../../src/arith/decimal.js';

/** units·10^−places as a Decimal, built from digits (no float on the way). */
const asDecimal = (units: number, places: number) => new Decimal(`${units}e${-places}`);

/** Decimal texts as figures are written: signs, leading zeros, no integer part, a trailing dot, many places. */
const decimalText = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    int: fc.oneof(fc.stringMatching(/^[0-9]{1,22}$/), fc.constant('0'), fc.constant('')),
    frac: fc.oneof(fc.constant(undefined), fc.stringMatching(/^[0-9]{0,24}$/)),
  })
  .filter((r) => r.int !== '' || (r.frac !== undefined && r.frac !== ''))
  .map((r) => `${r.sign}${r.int}${r.frac === undefined ? '' : `.${r.frac}`}`);

/** Figures within the exact range, with 0 to 8 places and either sign. */
const figure = fc.record({ units: fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), places: fc.integer({ min: -8, max: 8 }) });
/** Around 2^53, where a step out of the safe range must be noticed. */
const edge = fc.record({
  units: fc.oneof(fc.integer({ min: 2 ** 52, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: -(2 ** 52) })),
  places: fc.integer({ min: -4, max: 30 }),
});
const anyFigure = fc.oneof(figure, edge);

describe('reading a figure', () => {
  it('gives the Decimal of its text exactly, or NaN past 15 significant digits', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const units = unitsOfText(text);
        const significant = text.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
        if (significant > 15) expect(units).toBeNaN();
        else expect(asDecimal(units, decimalsOf(text)).eq(new Decimal(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('at the boundaries: many places, huge values, negative zero, what is no plain decimal', () => {
    expect(unitsOfText('999999999999999')).toBe(999_999_999_999_999);
    expect(unitsOfText('9999999999999999')).toBeNaN();
    expect(unitsOfText('9007199254740993')).toBeNaN();
    expect(unitsOfText('0.000000000000000000000001')).toBe(1);
    expect(decimalsOf('0.000000000000000000000001')).toBe(24);
    expect(unitsOfText('000000000000000000000012.50')).toBe(1250);
    expect(unitsOfText('-0.00')).toBe(-0);
    expect(unitsOfText('-2913.49')).toBe(-291349);
    expect(unitsOfText('.5')).toBe(5);
    expect(unitsOfText('5.')).toBe(5);
    expect(decimalsOf('5.')).toBe(0);
    for (const bad of ['1e400', '1E5', '', '-', '.', '1.2.3', '１２', '1,234', ' 1', 'Infinity', 'NaN', '0x10']) expect(unitsOfText(bad)).toBeNaN();
  });
});

describe('arithmetic on units', () => {
  it('adds and subtracts exactly, and says NaN just when a step leaves the safe integers', () => {
    const MAX = BigInt(Number.MAX_SAFE_INTEGER);
    const abs = (x: bigint) => (x < 0n ? -x : x);
    fc.assert(
      fc.property(anyFigure, anyFigure, fc.boolean(), (a, b, minus) => {
        const ub = minus ? -b.units : b.units;
        const r = addUnits(a.units, a.places, ub, b.places);
        // the same steps in BigInt, which never leaves exactness
        const p = Math.max(a.places, b.places);
        const x = BigInt(a.units) * 10n ** BigInt(p - a.places);
        const y = BigInt(ub) * 10n ** BigInt(p - b.places);
        if (abs(x) > MAX || abs(y) > MAX || abs(x + y) > MAX) expect(r).toBeNaN();
        else {
          expect(BigInt(r)).toBe(x + y);
          expect(asDecimal(r, p).eq(asDecimal(a.units, a.places).plus(asDecimal(ub, b.places)))).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('multiplies exactly, or says NaN', () => {
    fc.assert(
      fc.property(anyFigure, anyFigure, (a, b) => {
        const r = timesUnits(a.units, b.units);
        const exact = new Decimal(a.units).times(b.units);
        if (Number.isNaN(r)) expect(exact.abs().gt(Number.MAX_SAFE_INTEGER)).toBe(true);
        else expect(new Decimal(r).eq(exact)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('compares as decimal.js does, or says NaN', () => {
    fc.assert(
      fc.property(anyFigure, anyFigure, (a, b) => {
        const k = cmpUnits(a.units, a.places, b.units, b.places);
        if (!Number.isNaN(k)) expect(k).toBe(asDecimal(a.units, a.places).cmp(asDecimal(b.units, b.places)));
      }),
      { numRuns: 3000 },
    );
    // equal values written with other places
    expect(cmpUnits(29134900, 2, 2913490, 1)).toBe(0);
    expect(cmpUnits(2670, -4, 26700000, 0)).toBe(0);
    // one step past the safe integers: not decided here
    expect(cmpUnits(Number.MAX_SAFE_INTEGER, 0, 1, 1)).toBeNaN();
    expect(cmpUnits(NaN, 0, 1, 0)).toBeNaN();
  });

  it('keeps NaN once a step left the safe integers', () => {
    expect(addUnits(NaN, 0, 1, 0)).toBeNaN();
    expect(addUnits(Number.MAX_SAFE_INTEGER, 0, 1, 0)).toBeNaN();
    expect(addUnits(1, 0, 1, 23)).toBeNaN();
    expect(addUnits(0, 0, 1, 40)).toBe(1);
    expect(timesUnits(2 ** 27, 2 ** 26)).toBeNaN();
  });
});

describe('comparing Decimals without a copy', () => {
  const special = fc.constantFrom('0', '-0', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '1e-400', '9e9000000000000000', '0.1', '-0.1');
  const decimal = fc.oneof(special, decimalText, fc.double({ noNaN: false }).map(String)).map((t) => new Decimal(t));

  it('is decimal.js cmp', () => {
    fc.assert(
      fc.property(decimal, decimal, (x, y) => {
        const k = cmpDecimal(x, y);
        const want = x.cmp(y);
        if (Number.isNaN(want)) expect(k).toBeNaN();
        else expect(k).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
});
