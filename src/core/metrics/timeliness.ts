// 20-week timeliness: the share of assessment decisions, and of new plans issued, made within 20 weeks.
import type { MonthlyRow } from "../tracker";
import { monthlySeries } from "./monthly";
import { mapSeries, ratio, valueAt } from "./series";

/** within / total; null when there were none (a month with no decisions has no rate, not 0%). */
export function twentyWeekRate(within: number | null, total: number | null): number | null {
  return ratio(within, total);
}

/** Monthly rate of assessment decisions made within 20 weeks. */
export function decisionsRateSeries(rows: readonly MonthlyRow[]): Map<string, number | null> {
  const total = monthlySeries(rows, "decisionsTotal");
  return mapSeries(monthlySeries(rows, "decisionsWithin20Weeks"), (w, m) =>
    twentyWeekRate(w, valueAt(total, m)),
  );
}

/** Monthly rate of new plans issued within 20 weeks. */
export function plansIssuedRateSeries(rows: readonly MonthlyRow[]): Map<string, number | null> {
  const total = monthlySeries(rows, "plansIssuedTotal");
  return mapSeries(monthlySeries(rows, "plansIssuedWithin20Weeks"), (w, m) =>
    twentyWeekRate(w, valueAt(total, m)),
  );
}
