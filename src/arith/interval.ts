import { Decimal } from 'decimal.js';
import { cmpDecimal, max2, min2 } from './exact.js';

/** How an interval's ends are worked out when first read (KNOWN: they were given). */
const KNOWN = 0;
const STATED = 1;
const PLUS = 2;
const MINUS = 3;
const NEG = 4;
const SCALE = 5;
const DIV = 6;
type How = typeof KNOWN | typeof STATED | typeof PLUS | typeof MINUS | typeof NEG | typeof SCALE | typeof DIV;

/**
 * How long a chain of intervals with unworked ends may grow (a sum folded over many figures): past it the
 * operand's ends are worked out at once, so working out a chain's ends never recurses deeper than this.
 */
const MAX_DEPTH = 32;

/**
 * A stated figure with the rounding it may carry: a figure written with d decimals stands for
 * point ± 0.5·10^(−d) (domain notes §5, the idea of XBRL Calculations 1.1 round-to-nearest).
 * Arithmetic on intervals propagates that uncertainty, so the tolerance of every check is derived
 * from how its figures were written, never from a fixed epsilon.
 *
 * Intervals and Decimals are immutable: an end or a constant (ZERO, a half unit) may be shared.
 *
 * The point is computed at once; the ends of a stated figure, a sum, a difference, a negation, a scaling or
 * a quotient are worked out when first read. Most checks compare points and stop there (equal points are
 * consistent), so most ends were never needed. Worked out later, they are the same decimal.js operations on
 * the same (immutable) operands as when they were computed at once, so the same values.
 */
export class Interval {
  #lo: Decimal | undefined;
  #hi: Decimal | undefined;
  private how: How = KNOWN;
  /** the operands the ends are worked out from: by `how`, the value or an interval, and an interval, a factor or the places */
  private a: Interval | Decimal | undefined = undefined;
  private b: Interval | Decimal | number | undefined = undefined;
  /** the longest chain of intervals with unworked ends below this one (0: its ends are known) */
  private depth = 0;

  constructor(
    readonly point: Decimal,
    lo: Decimal,
    hi: Decimal,
  ) {
    this.#lo = lo;
    this.#hi = hi;
  }

  /** An interval whose ends are worked out when first read, from operands a and b as `how` says. */
  private static lazy(point: Decimal, how: How, a: Interval | Decimal, b: Interval | Decimal | number | undefined): Interval {
    const iv = new Interval(point, undefined as unknown as Decimal, undefined as unknown as Decimal);
    let depth = 0;
    if (a instanceof Interval) depth = a.shallow();
    if (b instanceof Interval) depth = Math.max(depth, b.shallow());
    iv.how = how;
    iv.a = a;
    iv.b = b;
    iv.depth = depth + 1;
    return iv;
  }

  /** Its depth as an operand, after working out its ends if a chain through it would grow too long. */
  private shallow(): number {
    if (this.depth >= MAX_DEPTH) this.ends();
    return this.depth;
  }

  get lo(): Decimal {
    if (this.#lo === undefined) this.ends();
    return this.#lo!;
  }

  get hi(): Decimal {
    if (this.#hi === undefined) this.ends();
    return this.#hi!;
  }

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
    return Interval.lazy(value, STATED, value, decimals);
  }

  plus(o: Interval): Interval {
    return Interval.lazy(this.point.plus(o.point), PLUS, this, o);
  }

  minus(o: Interval): Interval {
    return Interval.lazy(this.point.minus(o.point), MINUS, this, o);
  }

  negate(): Interval {
    return Interval.lazy(this.point.negated(), NEG, this, undefined);
  }

  times(o: Interval): Interval {
    const point = this.point.times(o.point);
    // both above zero: the low corners give the low end, the high ones the high end (rounding to
    // significant digits keeps that order), so two products instead of four
    if (signOf(this.lo) > 0 && signOf(o.lo) > 0) return new Interval(point, this.lo.times(o.lo), this.hi.times(o.hi));
    const a = this.lo.times(o.lo);
    const b = this.lo.times(o.hi);
    const c = this.hi.times(o.lo);
    const d = this.hi.times(o.hi);
    return new Interval(point, min4(a, b, c, d), max4(a, b, c, d));
  }

  scale(k: Decimal.Value): Interval {
    const f = k instanceof Decimal ? k : new Decimal(k);
    return Interval.lazy(this.point.times(f), SCALE, this, f);
  }

  /** Division by an interval that does not contain zero; undefined otherwise. */
  dividedBy(o: Interval): Interval | undefined {
    if (o.point.isZero() || (signOf(o.lo) <= 0 && signOf(o.hi) >= 0)) return undefined;
    return Interval.lazy(this.point.div(o.point), DIV, this, o);
  }

  abs(): Interval {
    if (signOf(this.lo) >= 0) return this;
    if (signOf(this.hi) <= 0) return this.negate();
    return new Interval(this.point.abs(), new Decimal(0), max2(this.lo.abs(), this.hi.abs()));
  }

  /** The larger distance from the point to an end. */
  get halfWidth(): Decimal {
    return max2(this.hi.minus(this.point), this.point.minus(this.lo));
  }

  overlaps(o: Interval): boolean {
    return cmpDecimal(this.lo, o.hi) <= 0 && cmpDecimal(o.lo, this.hi) <= 0;
  }

  /** Works out the ends, as the operation would have at once, and lets go of the operands. */
  private ends(): void {
    if (this.#lo !== undefined) return;
    const a = this.a;
    const b = this.b;
    let lo: Decimal;
    let hi: Decimal;
    switch (this.how) {
      case STATED: {
        const v = a as Decimal;
        const h = halfUnit(b as number);
        lo = v.minus(h);
        hi = v.plus(h);
        break;
      }
      case PLUS:
        lo = (a as Interval).lo.plus((b as Interval).lo);
        hi = (a as Interval).hi.plus((b as Interval).hi);
        break;
      case MINUS:
        lo = (a as Interval).lo.minus((b as Interval).hi);
        hi = (a as Interval).hi.minus((b as Interval).lo);
        break;
      case NEG:
        lo = (a as Interval).hi.negated();
        hi = (a as Interval).lo.negated();
        break;
      case SCALE: {
        const f = b as Decimal;
        const x = (a as Interval).lo.times(f);
        const y = (a as Interval).hi.times(f);
        lo = min2(x, y);
        hi = max2(x, y);
        break;
      }
      case DIV: {
        const n = a as Interval;
        const o = b as Interval;
        // both above zero (a rate, a share): low ÷ high and high ÷ low are the ends, as in times
        if (signOf(n.lo) > 0 && signOf(o.lo) > 0) {
          lo = n.lo.div(o.hi);
          hi = n.hi.div(o.lo);
        } else {
          const w = n.lo.div(o.lo);
          const x = n.lo.div(o.hi);
          const y = n.hi.div(o.lo);
          const z = n.hi.div(o.hi);
          lo = min4(w, x, y, z);
          hi = max4(w, x, y, z);
        }
        break;
      }
      default:
        throw new Error('an interval without ends or a way to work them out');
    }
    this.#lo = lo;
    this.#hi = hi;
    this.how = KNOWN;
    this.a = undefined;
    this.b = undefined;
    this.depth = 0;
  }
}

const ZERO = Interval.exact(new Decimal(0));

/**
 * x.cmp(0) without making the 0: NaN for NaN, 0 for ±0, else the sign (±Infinity included). Comparisons
 * with it behave as decimal.js's gt/gte/lte(0) do: cmp > 0, ≥ 0, ≤ 0, each false for NaN.
 */
function signOf(x: Decimal): number {
  if (!x.s) return NaN;
  return x.d && !x.d[0] ? 0 : x.s;
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
