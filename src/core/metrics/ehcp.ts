// EHCP demand: funded plans, change on the same month last year, % of the 0-25 population with a plan,
// and the gap to statistical neighbours (all shares and gaps as fractions).
import type { EhcpMonthRow } from "../model";
import type { MonthlyRow } from "../tracker";
import { monthlySeries } from "./monthly";
import { difference, lastMonths, latestMonth, mapSeries, ratio, valueAt, yearOnYearChange } from "./series";

/** Funded EHCPs / population; null when the population is missing or zero. */
export function ehcpShareOfPopulation(fundedEhcps: number | null, population: number | null): number | null {
  return ratio(fundedEhcps, population);
}

/** Monthly % of the population with an EHCP. */
export function ehcpShareSeries(rows: readonly MonthlyRow[]): Map<string, number | null> {
  const population = monthlySeries(rows, "population0to25");
  return mapSeries(monthlySeries(rows, "fundedEhcps"), (funded, m) =>
    ehcpShareOfPopulation(funded, valueAt(population, m)),
  );
}

/** Latest month with a funded EHCP count. */
export function latestEhcpMonth(rows: readonly MonthlyRow[]): string | null {
  return latestMonth(monthlySeries(rows, "fundedEhcps"));
}

/** The EHCP table: the `count` calendar months ending at the latest month, newest first (a gap month shows empty). */
export function ehcpMonthRows(rows: readonly MonthlyRow[], count = 4): EhcpMonthRow[] {
  const latest = latestEhcpMonth(rows);
  if (latest === null) return [];
  const funded = monthlySeries(rows, "fundedEhcps");
  const share = ehcpShareSeries(rows);
  const neighbours = monthlySeries(rows, "statNeighbourEhcpShare");
  return lastMonths(latest, count).map((month) => ({
    month,
    fundedEhcps: valueAt(funded, month),
    changeVsLastYear: yearOnYearChange(funded, month),
    shareOf0to25: valueAt(share, month),
    gapToStatNeighbours: difference(valueAt(share, month), valueAt(neighbours, month)),
  }));
}
