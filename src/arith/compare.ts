import { Decimal } from 'decimal.js';
import { Interval } from './interval.js';

/** consistent: equal as written; rounding: the gap fits the figures' rounding; inconsistent: it does not. */
export type Outcome = 'consistent' | 'rounding' | 'inconsistent';

export interface Comparison {
  outcome: Outcome;
  stated: Decimal;
  computed: Decimal;
  /** stated − computed */
  difference: Decimal;
  /** the largest gap that rounding of the figures involved can explain */
  tolerance: Decimal;
}

export function compare(stated: Interval, computed: Interval): Comparison {
  const difference = stated.point.minus(computed.point);
  const tolerance = stated.halfWidth.plus(computed.halfWidth);
  const outcome: Outcome = difference.isZero()
    ? 'consistent'
    : stated.overlaps(computed)
      ? 'rounding'
      : 'inconsistent';
  return { outcome, stated: stated.point, computed: computed.point, difference, tolerance };
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
