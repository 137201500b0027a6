// Display text for figures, shared by the task pane, the CLI report and messages (the sheet uses Excel number formats).
// UK conventions: dates dd/mm/yyyy, months "Dec-24", money in £m with two decimals, shares with two decimals,
// share differences in percentage points (pp).
import type { DisplayUnit, Kpi, KpiUnit } from "./model";
import { MONTH_ABBREVIATIONS } from "./months";

const MONTHS = MONTH_ABBREVIATIONS;

const grouped = (n: number, decimals = 0): string =>
  n.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** "2024-12" -> "Dec-24". Anything else is returned unchanged. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return `${MONTHS[Number(m[2]) - 1]}-${m[1].slice(2)}`;
}

/** "2025-01-07" -> "07/01/2025". Anything else is returned unchanged. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** 43200000 -> "£43.20m"; -1200000 -> "-£1.20m". */
export function formatMoneyMillions(pounds: number): string {
  const sign = pounds < 0 ? "-" : "";
  return `${sign}£${grouped(Math.abs(pounds) / 1e6, 2)}m`;
}

/** 0.0575 -> "5.75%". */
export function formatShare(fraction: number, decimals = 2): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** -0.0117 -> "-1.17 pp"; 0.0063 -> "+0.63 pp". */
export function formatPp(fraction: number, decimals = 2): string {
  const pp = fraction * 100;
  const rounded = Number(pp.toFixed(decimals));
  const sign = rounded > 0 ? "+" : rounded < 0 ? "-" : "";
  return `${sign}${Math.abs(rounded).toFixed(decimals)} pp`;
}

/** 650 -> "+650"; -12 -> "-12". */
export function formatSignedCount(n: number): string {
  const sign = n > 0 ? "+" : n < 0 ? "-" : "";
  return `${sign}${grouped(Math.abs(n))}`;
}

/** A value in a table or chart label, by its display unit. null -> "–" (en dash). */
export function formatByUnit(value: string | number | null, unit: DisplayUnit): string {
  if (value === null || value === "") return "–";
  if (typeof value === "string") {
    if (unit === "month") return formatMonth(value);
    if (unit === "date") return formatDate(value);
    return value;
  }
  switch (unit) {
    case "count":
      return grouped(value);
    case "signed_count":
      return formatSignedCount(value);
    case "money":
      return formatMoneyMillions(value);
    case "share":
      return formatShare(value);
    case "pp":
      return formatPp(value);
    default:
      return String(value);
  }
}

/** A KPI value in its unit: 6357 -> "6,357"; 43200000 -> "£43.20m"; 0.0575 -> "5.75%". */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null) return "–";
  if (unit === "money") return formatMoneyMillions(value);
  if (unit === "share") return formatShare(value);
  return grouped(value);
}

/** A KPI variance as the dashboard writes it: "+650", "+£14.99m", "-1.17 pp". */
export function formatKpiVariance(kpi: Pick<Kpi, "variance" | "unit">): string {
  const v = kpi.variance;
  if (v === null) return "–";
  if (kpi.unit === "share") return formatPp(v);
  if (kpi.unit === "money") {
    const rounded = Number((v / 1e6).toFixed(2));
    const sign = rounded > 0 ? "+" : rounded < 0 ? "-" : "";
    return `${sign}£${grouped(Math.abs(rounded), 2)}m`;
  }
  return formatSignedCount(v);
}

/** Whole pounds, grouped: 23122.6 -> "£23,123"; -1200 -> "-£1,200". */
export function formatPounds(pounds: number): string {
  const sign = Math.round(pounds) < 0 ? "-" : "";
  return `${sign}£${grouped(Math.abs(pounds))}`;
}
