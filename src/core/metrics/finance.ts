// High Needs Block finance: overspend (forecast outturn - budget), the in-year net position and the
// average cost per EHCP, by finance period.
import type { FinanceRow, MonthlyRow } from "../tracker";
import { monthlySeries } from "./monthly";
import { difference, monthOfDate, ratio, valueAt } from "./series";

/** Periods in time order: by period end where known, otherwise in sheet order. */
export function financePeriodsInOrder(rows: readonly FinanceRow[]): FinanceRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ea = a.r.periodEnd.value;
      const eb = b.r.periodEnd.value;
      if (ea !== null && eb !== null && ea !== eb) return ea < eb ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.r);
}

/** The latest period that has both a budget and a forecast outturn (the one the headline figures reflect). */
export function latestFinancePeriod(rows: readonly FinanceRow[]): FinanceRow | null {
  const usable = financePeriodsInOrder(rows).filter(
    (r) => r.budget.value !== null && r.forecastOutturn.value !== null,
  );
  return usable.length ? usable[usable.length - 1] : null;
}

/** Forecast outturn - budget: positive is an overspend. */
export function hnbOverspend(row: FinanceRow): number | null {
  return difference(row.forecastOutturn.value, row.budget.value);
}

/**
 * The typed in-year net position where the council gives one (it may include income the budget line does not),
 * otherwise budget - forecast outturn, so a deficit is negative.
 */
export function inYearNetPosition(row: FinanceRow): { value: number | null; typed: boolean } {
  if (row.inYearNetPosition.value !== null) return { value: row.inYearNetPosition.value, typed: true };
  return { value: difference(row.budget.value, row.forecastOutturn.value), typed: false };
}

/**
 * Spend for average cost / funded EHCPs in the month the period ends; null when that month has no count
 * (we never borrow a neighbouring month's count).
 */
export function averageCostPerEhcp(row: FinanceRow, monthly: readonly MonthlyRow[]): number | null {
  const end = row.periodEnd.value;
  const month = end === null ? null : monthOfDate(end);
  return ratio(row.spendForAverageCost.value, valueAt(monthlySeries(monthly, "fundedEhcps"), month));
}
