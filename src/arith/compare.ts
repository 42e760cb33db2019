import { Decimal } from 'decimal.js';
import { cmpDecimal, max2 } from './exact.js';
import { Interval } from './interval.js';

/** consistent: equal as written; rounding: the gap fits the figures' rounding; inconsistent: it does not. */
export type Outcome = 'consistent' | 'rounding' | 'inconsistent';

export interface Comparison {
  readonly outcome: Outcome;
  readonly stated: Decimal;
  readonly computed: Decimal;
  /** stated − computed */
  readonly difference: Decimal;
  /** the largest gap that rounding of the figures involved can explain */
  readonly tolerance: Decimal;
}

/**
 * Most comparisons come out consistent and are never shown, so the difference and the tolerance (six
 * Decimal operations) are worked out only when a report reads them. Read them; do not spread the
 * object: the getters live on the prototype.
 */
class IntervalComparison implements Comparison {
  private diff: Decimal | undefined = undefined;
  private tol: Decimal | undefined = undefined;

  constructor(
    readonly outcome: Outcome,
    private readonly s: Interval,
    private readonly c: Interval,
  ) {}

  get stated(): Decimal {
    return this.s.point;
  }

  get computed(): Decimal {
    return this.c.point;
  }

  get difference(): Decimal {
    return (this.diff ??= this.s.point.minus(this.c.point));
  }

  get tolerance(): Decimal {
    return (this.tol ??= this.s.halfWidth.plus(this.c.halfWidth));
  }
}

export function compare(stated: Interval, computed: Interval): Comparison {
  // equal points ⇔ a zero difference: decimal.js rounds a result to significant digits, never a non-zero one to 0
  const outcome: Outcome = cmpDecimal(stated.point, computed.point) === 0
    ? 'consistent'
    : stated.overlaps(computed)
      ? 'rounding'
      : 'inconsistent';
  return new IntervalComparison(outcome, stated, computed);
}

/**
 * A stated percentage against its exact value. Equal once the exact value is rounded to the stated
 * places: consistent. Otherwise the gap is rounding when the rate's own inputs, carried as intervals,
 * can explain it, or when it is within `pointsFloor` percentage points (domain notes §5: 0.1).
 */
export function comparePercent(
  stated: Decimal,
  statedDecimals: number,
  computed: Interval,
  pointsFloor: Decimal,
): Comparison {
  const rounded = computed.point.toDecimalPlaces(statedDecimals, Decimal.ROUND_HALF_UP);
  const c = new PercentComparison(stated, statedDecimals, computed, pointsFloor);
  // consistent: most rates are, and the gap and tolerance are worked out only when a report reads them
  if (cmpDecimal(rounded, stated) === 0) return c;
  c.outcome = cmpDecimal(c.difference.abs(), c.tolerance) <= 0 ? 'rounding' : 'inconsistent';
  return c;
}

/** comparePercent's result: the difference and tolerance are made on first reading, like IntervalComparison's. */
class PercentComparison implements Comparison {
  outcome: Outcome = 'consistent';
  private diff: Decimal | undefined = undefined;
  private tol: Decimal | undefined = undefined;

  constructor(
    readonly stated: Decimal,
    private readonly statedDecimals: number,
    private readonly c: Interval,
    private readonly pointsFloor: Decimal,
  ) {}

  get computed(): Decimal {
    return this.c.point;
  }

  get difference(): Decimal {
    return (this.diff ??= this.stated.minus(this.c.point));
  }

  /** the larger of the rounding both sides allow and the floor (Decimal.max's choice on a tie: the first) */
  get tolerance(): Decimal {
    return (this.tol ??= max2(Interval.stated(this.stated, this.statedDecimals).halfWidth.plus(this.c.halfWidth), this.pointsFloor));
  }
}
