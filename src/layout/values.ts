// What a figure of the summary becomes in a cell: values stay numbers (formats do the display), dates and months
// become Excel serials, share gaps are stored in percentage points (Excel has no "pp" scaling).
import type { DisplayUnit, KpiUnit } from "../core/model";
import { excelSerial } from "../core/serial";
import type { PlanValue } from "./plan";

/** A share gap (a fraction, 0.0063) as the points a cell holds (0.63), without binary noise. */
export function points(fraction: number): number {
  return Math.round(fraction * 100 * 1e10) / 1e10;
}

/** The cell value of a figure in a table: months and dates as serials, share gaps in percentage points. */
export function tableValue(value: string | number | null | undefined, unit: DisplayUnit): PlanValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") {
    if (unit === "month" || unit === "date") return excelSerial(value) ?? value;
    return value;
  }
  if (!Number.isFinite(value)) return null;
  if (unit === "pp") return points(value);
  return value;
}

/** A KPI's variance in its cell: shares' variances are stored in points, others as they are. */
export function kpiCellVariance(variance: number | null, unit: KpiUnit): number | null {
  if (variance === null) return null;
  return unit === "share" ? points(variance) : variance;
}
