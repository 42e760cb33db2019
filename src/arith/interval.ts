import { Decimal } from 'decimal.js';

/**
 * A stated figure with the rounding it may carry: a figure written with d decimals stands for
 * point ± 0.5·10^(−d) (domain notes §5, the idea of XBRL Calculations 1.1 round-to-nearest).
 * Arithmetic on intervals propagates that uncertainty, so the tolerance of every check is derived
 * from how its figures were written, never from a fixed epsilon.
 *
 * Intervals and Decimals are immutable: an end or a constant (ZERO, a half unit) may be shared.
 */
export class Interval {
  constructor(
    readonly point: Decimal,
    readonly lo: Decimal,
    readonly hi: Decimal,
  ) {}

  static exact(value: Decimal.Value): Interval {
    if (value === 0) return ZERO;
    // a Decimal is immutable: no copy needed
    const v = value instanceof Decimal ? value : new Decimal(value);
    return new Interval(v, v, v);
  }

  /**
   * A figure written with `decimals` places; zero is taken as exact (documents write 0 for "none").
   * Not cached: a figure is read 2.3 times on average, and a WeakMap lookup costs about what the two
   * additions do.
   */
  static stated(value: Decimal, decimals: number): Interval {
    if (value.isZero()) return new Interval(value, value, value);
    const h = halfUnit(decimals);
    return new Interval(value, value.minus(h), value.plus(h));
  }

  plus(o: Interval): Interval {
    return new Interval(this.point.plus(o.point), this.lo.plus(o.lo), this.hi.plus(o.hi));
  }

  minus(o: Interval): Interval {
    return new Interval(this.point.minus(o.point), this.lo.minus(o.hi), this.hi.minus(o.lo));
  }

  negate(): Interval {
    return new Interval(this.point.negated(), this.hi.negated(), this.lo.negated());
  }

  times(o: Interval): Interval {
    const point = this.point.times(o.point);
    // both above zero: the low corners give the low end, the high ones the high end (rounding to
    // significant digits keeps that order), so two products instead of four
    if (this.lo.gt(0) && o.lo.gt(0)) return new Interval(point, this.lo.times(o.lo), this.hi.times(o.hi));
    const a = this.lo.times(o.lo);
    const b = this.lo.times(o.hi);
    const c = this.hi.times(o.lo);
    const d = this.hi.times(o.hi);
    return new Interval(point, min4(a, b, c, d), max4(a, b, c, d));
  }

  scale(k: Decimal.Value): Interval {
    const f = k instanceof Decimal ? k : new Decimal(k);
    const a = this.lo.times(f);
    const b = this.hi.times(f);
    return new Interval(this.point.times(f), min2(a, b), max2(a, b));
  }

  /** Division by an interval that does not contain zero; undefined otherwise. */
  dividedBy(o: Interval): Interval | undefined {
    if (o.point.isZero() || (o.lo.lte(0) && o.hi.gte(0))) return undefined;
    const point = this.point.div(o.point);
    // both above zero (a rate, a share): low ÷ high and high ÷ low are the ends, as in times
    if (this.lo.gt(0) && o.lo.gt(0)) return new Interval(point, this.lo.div(o.hi), this.hi.div(o.lo));
    const a = this.lo.div(o.lo);
    const b = this.lo.div(o.hi);
    const c = this.hi.div(o.lo);
    const d = this.hi.div(o.hi);
    return new Interval(point, min4(a, b, c, d), max4(a, b, c, d));
  }

  abs(): Interval {
    if (this.lo.gte(0)) return this;
    if (this.hi.lte(0)) return this.negate();
    return new Interval(this.point.abs(), new Decimal(0), max2(this.lo.abs(), this.hi.abs()));
  }

  /** The larger distance from the point to an end. */
  get halfWidth(): Decimal {
    return max2(this.hi.minus(this.point), this.point.minus(this.lo));
  }

  overlaps(o: Interval): boolean {
    return this.lo.lte(o.hi) && o.lo.lte(this.hi);
  }
}

const ZERO = Interval.exact(new Decimal(0));

/**
 * Decimal.min/Decimal.max of two, without their argument array and copies. Same choice on a tie as
 * decimal.js (its maxOrMin): min keeps −0 over +0, max keeps +0 over −0.
 */
function min2(x: Decimal, y: Decimal): Decimal {
  const k = x.cmp(y);
  return k === 1 || (k === 0 && x.s === 1) ? y : x;
}

function max2(x: Decimal, y: Decimal): Decimal {
  const k = x.cmp(y);
  return k === -1 || (k === 0 && x.s === -1) ? y : x;
}

const min4 = (a: Decimal, b: Decimal, c: Decimal, d: Decimal) => min2(min2(min2(a, b), c), d);
const max4 = (a: Decimal, b: Decimal, c: Decimal, d: Decimal) => max2(max2(max2(a, b), c), d);

/** 5·10^−(d+1): the half unit of the last place written. One Decimal per number of places. */
const HALF_UNITS: Decimal[] = [];
export function halfUnit(decimals: number): Decimal {
  return (HALF_UNITS[decimals] ??= new Decimal(5).times(new Decimal(10).pow(-(decimals + 1))));
}

export function sum(items: readonly Interval[]): Interval {
  return items.reduce((acc, x) => acc.plus(x), ZERO);
}
