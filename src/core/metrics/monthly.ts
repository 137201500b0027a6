// Series drawn from the SEND Monthly sheet, one per column, keyed by month; the metric modules build on these.
import type { SourceRef } from "../model";
import type { Cell, MonthlyRow } from "../tracker";
import { seriesFrom } from "./series";

/** Columns of the SEND Monthly sheet that hold numbers. */
export type MonthlyField = {
  [K in keyof MonthlyRow]: MonthlyRow[K] extends Cell<number> ? K : never;
}[keyof MonthlyRow];

/** One column of the monthly sheet as a series (first row wins where a month is repeated). */
export function monthlySeries(rows: readonly MonthlyRow[], field: MonthlyField): Map<string, number | null> {
  return seriesFrom(rows.map((r) => ({ month: r.month.value, value: r[field].value })));
}

/** The row holding a month, for pointing at its cells. */
export function monthlyRowFor(rows: readonly MonthlyRow[], month: string | null): MonthlyRow | undefined {
  return month === null ? undefined : rows.find((r) => r.month.value === month);
}

/** Whether any row has a value in the column (an absent optional column reads as all-empty). */
export function hasColumn(rows: readonly MonthlyRow[], field: MonthlyField): boolean {
  return rows.some((r) => r[field].value !== null);
}

/** Cell of a column in a month's row, for sources. */
export function monthlyRef(
  rows: readonly MonthlyRow[],
  month: string | null,
  field: MonthlyField,
): SourceRef | null {
  return monthlyRowFor(rows, month)?.[field].ref ?? null;
}
