// Independent and non-maintained special school (INMSS) placements: the share of funded EHCPs placed there,
// its 12-month rolling average, the gap to statistical neighbours and the change in placements on last year.
import type { InmssMonthRow } from "../model";
import type { MonthlyRow } from "../tracker";
import { monthlySeries } from "./monthly";
import {
  difference,
  lastMonths,
  latestMonth,
  mapSeries,
  ratio,
  rollingAverage,
  valueAt,
  yearOnYearChange,
} from "./series";

/** Placed in INMSS / funded EHCPs; null when funded EHCPs are missing or zero. */
export function inmssShare(placed: number | null, fundedEhcps: number | null): number | null {
  return ratio(placed, fundedEhcps);
}

/** The monthly INMSS share. */
export function inmssShareSeries(rows: readonly MonthlyRow[]): Map<string, number | null> {
  const funded = monthlySeries(rows, "fundedEhcps");
  return mapSeries(monthlySeries(rows, "placedInInmss"), (placed, m) =>
    inmssShare(placed, valueAt(funded, m)),
  );
}

/** Latest month with a placement count. */
export function latestInmssMonth(rows: readonly MonthlyRow[]): string | null {
  return latestMonth(monthlySeries(rows, "placedInInmss"));
}

/** Mean of the 12 monthly shares ending at `month`; null unless all 12 months are present. */
export function inmssRollingShare(rows: readonly MonthlyRow[], month: string): number | null {
  return rollingAverage(inmssShareSeries(rows), month, 12);
}

/** The INMSS table: the `count` calendar months ending at the latest month, newest first. */
export function inmssMonthRows(rows: readonly MonthlyRow[], count = 4): InmssMonthRow[] {
  const latest = latestInmssMonth(rows);
  if (latest === null) return [];
  const placed = monthlySeries(rows, "placedInInmss");
  const share = inmssShareSeries(rows);
  const neighbours = monthlySeries(rows, "statNeighbourInmssShare");
  return lastMonths(latest, count).map((month) => ({
    month,
    share: valueAt(share, month),
    gapToStatNeighbours: difference(valueAt(share, month), valueAt(neighbours, month)),
    placed: valueAt(placed, month),
    changeVsLastYear: yearOnYearChange(placed, month),
  }));
}
