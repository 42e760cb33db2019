import { Decimal } from 'decimal.js';

/**
 * A stated figure with the rounding it may carry: a figure written with d decimals stands for
 * point ± 0.5·10^(−d) (domain notes §5, the idea of XBRL Calculations 1.1 round-to-nearest).
 * Arithmetic on intervals propagates that uncertainty, so the tolerance of every check is derived
 * from how its figures were written, never from a fixed epsilon.
 */
export class Interval {
  constructor(
    readonly point: Decimal,
    readonly lo: Decimal,
    readonly hi: Decimal,
  ) {}

  static exact(value: Decimal.Value): Interval {
    const v = new Decimal(value);
    return new Interval(v, v, v);
  }

  /** A figure written with `decimals` places; zero is taken as exact (documents write 0 for "none"). */
  static stated(value: Decimal, decimals: number): Interval {
    if (value.isZero()) return Interval.exact(value);
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
    const c = [this.lo.times(o.lo), this.lo.times(o.hi), this.hi.times(o.lo), this.hi.times(o.hi)];
    return new Interval(this.point.times(o.point), Decimal.min(...c), Decimal.max(...c));
  }

  scale(k: Decimal.Value): Interval {
    const f = new Decimal(k);
    const a = this.lo.times(f);
    const b = this.hi.times(f);
    return new Interval(this.point.times(f), Decimal.min(a, b), Decimal.max(a, b));
  }

  /** Division by an interval that does not contain zero; undefined otherwise. */
  dividedBy(o: Interval): Interval | undefined {
    if (o.point.isZero() || (o.lo.lte(0) && o.hi.gte(0))) return undefined;
    const c = [this.lo.div(o.lo), this.lo.div(o.hi), this.hi.div(o.lo), this.hi.div(o.hi)];
    return new Interval(this.point.div(o.point), Decimal.min(...c), Decimal.max(...c));
  }

  abs(): Interval {
    if (this.lo.gte(0)) return this;
    if (this.hi.lte(0)) return this.negate();
    return new Interval(this.point.abs(), new Decimal(0), Decimal.max(this.lo.abs(), this.hi.abs()));
  }

  /** The larger distance from the point to an end. */
  get halfWidth(): Decimal {
    return Decimal.max(this.hi.minus(this.point), this.point.minus(this.lo));
  }

  overlaps(o: Interval): boolean {
    return this.lo.lte(o.hi) && o.lo.lte(this.hi);
  }
}

export function halfUnit(decimals: number): Decimal {
  return new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)));
}

export function sum(items: readonly Interval[]): Interval {
  return items.reduce((acc, x) => acc.plus(x), Interval.exact(0));
}
