// Variance against a target, read through the measure's polarity and tolerance: adverse, favourable or on target.
import type { KpiStatus, Polarity } from "../model";

/** Floating-point slack so that, say, 0.0575 - 0.0692 compared with a tolerance of 0.0117 is not misjudged. */
const EPSILON = 1e-9;

/** actual - target, or null when either is missing. Shares are fractions, so the variance is in pp / 100. */
function variance(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null) return null;
  return actual - target;
}

/**
 * |variance| <= tolerance is on target; otherwise the polarity says whether the direction is good.
 * Null when the variance cannot be computed.
 */
export function varianceStatus(v: number | null, polarity: Polarity, tolerance: number): KpiStatus | null {
  if (v === null) return null;
  if (Math.abs(v) <= Math.abs(tolerance) + EPSILON) return "on_target";
  const higher = v > 0;
  const good = polarity === "higher_is_better" ? higher : !higher;
  return good ? "favourable" : "adverse";
}

/** Both steps at once: the variance and its status. */
export function assessVariance(
  actual: number | null,
  target: number | null,
  polarity: Polarity,
  tolerance: number,
): { variance: number | null; status: KpiStatus | null } {
  const v = variance(actual, target);
  return { variance: v, status: varianceStatus(v, polarity, tolerance) };
}
