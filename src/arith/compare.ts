import { Decimal } from 'decimal.js';
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
  const outcome: Outcome = stated.point.eq(computed.point)
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
  const difference = stated.minus(computed.point);
  const derived = Interval.stated(stated, statedDecimals).halfWidth.plus(computed.halfWidth);
  const tolerance = Decimal.max(derived, pointsFloor);
  const outcome: Outcome = rounded.eq(stated)
    ? 'consistent'
    : difference.abs().lte(tolerance)
      ? 'rounding'
      : 'inconsistent';
  return { outcome, stated, computed: computed.point, difference, tolerance };
}
