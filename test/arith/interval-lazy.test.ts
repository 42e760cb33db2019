/**
 * An interval works out its ends when they are first read (src/arith/interval.ts). The ends must be what
 * working them out at once gives: the same decimal.js operations on the same operands. Checked against
 * the eager arithmetic, written out here as it was, over random chains of operations on figures with
 * many places, huge and tiny values, zeros and both signs; and a long chain must not recurse deeply.
 */
import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { compare, comparePercent } from '../../src/arith/compare.js';
import { Interval, halfUnit } from '../../src/arith/interval.js';

/** The eager intervals, as src/arith/interval.ts computed them before its ends were made lazy. */
class Eager {
  constructor(
    readonly point: Decimal,
    readonly lo: Decimal,
    readonly hi: Decimal,
  ) {}
  static stated(value: Decimal, decimals: number): Eager {
    if (value.isZero()) return new Eager(value, value, value);
    const h = halfUnit(decimals);
    return new Eager(value, value.minus(h), value.plus(h));
  }
  plus(o: Eager): Eager {
    return new Eager(this.point.plus(o.point), this.lo.plus(o.lo), this.hi.plus(o.hi));
  }
  minus(o: Eager): Eager {
    return new Eager(this.point.minus(o.point), this.lo.minus(o.hi), this.hi.minus(o.lo));
  }
  negate(): Eager {
    return new Eager(this.point.negated(), this.hi.negated(), this.lo.negated());
  }
  times(o: Eager): Eager {
    const point = this.point.times(o.point);
    if (this.lo.gt(0) && o.lo.gt(0)) return new Eager(point, this.lo.times(o.lo), this.hi.times(o.hi));
    const c = [this.lo.times(o.lo), this.lo.times(o.hi), this.hi.times(o.lo), this.hi.times(o.hi)];
    return new Eager(point, Decimal.min(...c), Decimal.max(...c));
  }
  scale(f: Decimal): Eager {
    const a = this.lo.times(f);
    const b = this.hi.times(f);
    return new Eager(this.point.times(f), Decimal.min(a, b), Decimal.max(a, b));
  }
  dividedBy(o: Eager): Eager | undefined {
    if (o.point.isZero() || (o.lo.lte(0) && o.hi.gte(0))) return undefined;
    const point = this.point.div(o.point);
    if (this.lo.gt(0) && o.lo.gt(0)) return new Eager(point, this.lo.div(o.hi), this.hi.div(o.lo));
    const c = [this.lo.div(o.lo), this.lo.div(o.hi), this.hi.div(o.lo), this.hi.div(o.hi)];
    return new Eager(point, Decimal.min(...c), Decimal.max(...c));
  }
  abs(): Eager {
    if (this.lo.gte(0)) return this;
    if (this.hi.lte(0)) return this.negate();
    return new Eager(this.point.abs(), new Decimal(0), Decimal.max(this.lo.abs(), this.hi.abs()));
  }
}

/** Same value and same sign (a zero's too): the very Decimal the eager arithmetic gave. */
const same = (a: Decimal, b: Decimal) => a.eq(b) && a.s === b.s && a.toString() === b.toString();
const sameIv = (a: Interval, e: Eager) => same(a.point, e.point) && same(a.lo, e.lo) && same(a.hi, e.hi);

const text = fc.oneof(
  fc.stringMatching(/^-?[1-9][0-9]{0,5}\.[0-9]{1,4}$/),
  fc.stringMatching(/^-?[0-9]{1,3}$/),
  fc.stringMatching(/^-?[1-9][0-9]{18,30}\.[0-9]{0,3}$/),
  fc.stringMatching(/^-?0\.0{10,25}[1-9]$/),
  fc.constantFrom('0', '0.00', '-0', '1e400', '-1e400', '1e-400', '0.5', '-0.005'),
);
const figure = text.map((t) => ({ value: new Decimal(t), decimals: t.includes('.') && !t.includes('e') ? t.length - t.indexOf('.') - 1 : 0 }));
type Op = { op: 'plus' | 'minus' | 'times' | 'div'; with: { value: Decimal; decimals: number } } | { op: 'negate' | 'abs' } | { op: 'scale'; by: Decimal };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('plus' as const, 'minus' as const, 'times' as const, 'div' as const), with: figure }),
  fc.record({ op: fc.constantFrom('negate' as const, 'abs' as const) }),
  fc.record({ op: fc.constant('scale' as const), by: fc.constantFrom('100', '10000', '0.0001', '-1', '100000000').map((t) => new Decimal(t)) }),
);

function apply(iv: Interval, e: Eager, o: Op): [Interval, Eager] | undefined {
  switch (o.op) {
    case 'plus':
      return [iv.plus(Interval.stated(o.with.value, o.with.decimals)), e.plus(Eager.stated(o.with.value, o.with.decimals))];
    case 'minus':
      return [iv.minus(Interval.stated(o.with.value, o.with.decimals)), e.minus(Eager.stated(o.with.value, o.with.decimals))];
    case 'times':
      return [iv.times(Interval.stated(o.with.value, o.with.decimals)), e.times(Eager.stated(o.with.value, o.with.decimals))];
    case 'div': {
      const a = iv.dividedBy(Interval.stated(o.with.value, o.with.decimals));
      const b = e.dividedBy(Eager.stated(o.with.value, o.with.decimals));
      expect(a === undefined).toBe(b === undefined);
      return a && b ? [a, b] : undefined;
    }
    case 'negate':
      return [iv.negate(), e.negate()];
    case 'abs':
      return [iv.abs(), e.abs()];
    case 'scale':
      return [iv.scale(o.by), e.scale(o.by)];
  }
}

describe('lazy ends', () => {
  it('are the ends the eager arithmetic gives, whenever and in whatever order they are read', () => {
    fc.assert(
      fc.property(figure, fc.array(op, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (start, ops, reads) => {
        let iv = Interval.stated(start.value, start.decimals);
        let e = Eager.stated(start.value, start.decimals);
        const seen: [Interval, Eager][] = [[iv, e]];
        for (const o of ops) {
          const next = apply(iv, e, o);
          if (!next) break;
          [iv, e] = next;
          seen.push(next);
        }
        // read some intermediate ends first (an operand forced before the result), then all
        for (const r of reads) {
          const [a, b] = seen[r % seen.length]!;
          expect(same(a.hi, b.hi)).toBe(true);
        }
        for (const [a, b] of seen.reverse()) expect(sameIv(a, b)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('compare and comparePercent say what they said on the eager ends', () => {
    fc.assert(
      fc.property(figure, fc.array(figure, { minLength: 1, maxLength: 8 }), (total, parts) => {
        const lazy = parts.reduce((acc, p) => acc.plus(Interval.stated(p.value, p.decimals)), Interval.exact(0));
        const eager = parts.reduce((acc, p) => acc.plus(Eager.stated(p.value, p.decimals)), new Eager(new Decimal(0), new Decimal(0), new Decimal(0)));
        const c = compare(Interval.stated(total.value, total.decimals), lazy);
        const want = total.value.eq(eager.point) ? 'consistent' : Eager.stated(total.value, total.decimals).lo.lte(eager.hi) && eager.lo.lte(Eager.stated(total.value, total.decimals).hi) ? 'rounding' : 'inconsistent';
        expect(c.outcome).toBe(want);
        expect(same(c.difference, total.value.minus(eager.point))).toBe(true);
        const p = comparePercent(total.value, total.decimals, lazy, new Decimal('0.1'));
        const derived = Eager.stated(total.value, total.decimals);
        const half = (x: Eager) => Decimal.max(x.hi.minus(x.point), x.point.minus(x.lo));
        const tolerance = Decimal.max(half(derived).plus(half(eager)), new Decimal('0.1'));
        const difference = total.value.minus(eager.point);
        const rounded = eager.point.toDecimalPlaces(total.decimals, Decimal.ROUND_HALF_UP);
        expect(p.outcome).toBe(rounded.eq(total.value) ? 'consistent' : difference.abs().lte(tolerance) ? 'rounding' : 'inconsistent');
        expect(same(p.tolerance, tolerance)).toBe(true);
        expect(same(p.difference, difference)).toBe(true);
        expect(same(p.computed, eager.point)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a sum of 50,000 figures reads its ends without a deep recursion', () => {
    const one = Interval.stated(new Decimal('1.25'), 2);
    let sum = Interval.exact(0);
    for (let i = 0; i < 50_000; i++) sum = sum.plus(one);
    expect(sum.point.toFixed()).toBe('62500');
    expect(sum.lo.toFixed()).toBe('62250');
    expect(sum.hi.toFixed()).toBe('62750');
  });
});
