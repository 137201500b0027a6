// Ceased plans: the 12-month rolling average of plans ceased a month, which smooths the summer leavers' peak.
import type { MonthlyRow } from "../tracker";
import { monthlySeries } from "./monthly";
import { latestMonth, mapSeries, rollingAverage } from "./series";

/** 12-month rolling average of plans ceased, per month (null until 12 consecutive months exist). */
export function ceasedRollingSeries(rows: readonly MonthlyRow[]): Map<string, number | null> {
  const ceased = monthlySeries(rows, "plansCeased");
  return mapSeries(ceased, (_v, m) => rollingAverage(ceased, m, 12));
}

/** The rolling average at the latest month with a ceased count. */
export function latestCeasedRollingAverage(rows: readonly MonthlyRow[]): {
  month: string | null;
  value: number | null;
} {
  const month = latestMonth(monthlySeries(rows, "plansCeased"));
  return {
    month,
    value: month === null ? null : rollingAverage(monthlySeries(rows, "plansCeased"), month, 12),
  };
}
