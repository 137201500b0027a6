// Where a monthly series ends the financial year if its recent trend continues: the latest value plus the average
// monthly change of the last 6 months for each month left, with the smallest and largest single monthly change of
// the last 12 months as the low and high. Deliberately simple, so the page can state the method in one sentence.
import { formatMonth } from "../format";
import { addMonths, monthIndex, valueAt, type MonthlySeries } from "../metrics/series";

/** Monthly changes the central projection averages: the last six months. */
export const TREND_MONTHS = 6;
/** Monthly changes the low and high come from: the last twelve months. */
export const RANGE_MONTHS = 12;

export interface Projection {
  /** Latest month with a value ("YYYY-MM") and that value: where the projection starts. */
  fromMonth: string;
  fromValue: number;
  /** Calendar months from the latest month to the year end (0 when the latest month is the year end). */
  monthsToYearEnd: number;
  /** Mean of the last TREND_MONTHS monthly changes: (latest - the value six months earlier) / 6. */
  averageMonthlyChange: number;
  /** How many monthly changes the low and high come from (RANGE_MONTHS when the data allow, at least TREND_MONTHS). */
  rangeMonths: number;
  lowestMonthlyChange: number;
  highestMonthlyChange: number;
  /** fromValue + change x monthsToYearEnd, with the average, the lowest and the highest change. */
  projected: number;
  low: number;
  high: number;
}

export type ProjectionResult = { ok: true; projection: Projection } | { ok: false; reason: string };

/**
 * The March ending a financial year written "2024/25" (also "2024-25", "2024/2025", "FY 2024/25"): "2025-03".
 * Null when the text is not a financial year whose second year follows the first.
 */
export function financialYearEnd(financialYear: string | null | undefined): string | null {
  const m = /^(?:FY\s*)?(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/i.exec((financialYear ?? "").trim());
  if (!m) return null;
  const start = Number(m[1]);
  const second = Number(m[2]);
  const follows = m[2].length === 2 ? second === (start + 1) % 100 : second === start + 1;
  return follows ? `${start + 1}-03` : null;
}

/** The March that closes the financial year (April to March) a month falls in: Dec-24 and Mar-25 give Mar-25. */
export function yearEndOfMonth(month: string): string | null {
  const i = monthIndex(month);
  if (i === null) return null;
  const year = Math.floor(i / 12);
  const calendarMonth = i - year * 12 + 1;
  return `${calendarMonth <= 3 ? year : year + 1}-03`;
}

/** Months from `from` to `to` (negative when `to` is earlier), or null when either is not a month. */
export function monthsBetween(from: string, to: string): number | null {
  const a = monthIndex(from);
  const b = monthIndex(to);
  return a === null || b === null ? null : b - a;
}

/** The latest month of a series with a value (a gap or an empty value never counts). */
function lastMonthWithValue(series: MonthlySeries): string | null {
  let best: { month: string; index: number } | null = null;
  for (const [month, value] of series) {
    const index = monthIndex(month);
    if (value === null || index === null) continue;
    if (best === null || index > best.index) best = { month, index };
  }
  return best?.month ?? null;
}

/** Change from the month before, or null when either month is missing. */
function monthlyChange(series: MonthlySeries, month: string): number | null {
  const now = valueAt(series, month);
  const before = valueAt(series, addMonths(month, -1));
  return now === null || before === null ? null : now - before;
}

/**
 * Projects a series to `yearEnd` ("YYYY-MM"). `what` names the series in reasons ("funded EHCPs on the SEND Monthly
 * sheet"). No projection, with a reason, when the latest month is after the year end, or the last six months'
 * changes are not all there (seven consecutive month-ends are needed: the latest and the six before it).
 */
export function projectToYearEnd(series: MonthlySeries, yearEnd: string, what: string): ProjectionResult {
  const latest = lastMonthWithValue(series);
  if (latest === null) return { ok: false, reason: `There are no ${what}.` };
  const monthsToYearEnd = monthsBetween(latest, yearEnd);
  if (monthsToYearEnd === null)
    return { ok: false, reason: `The year end ${formatMonth(yearEnd)} is not a month.` };
  if (monthsToYearEnd < 0)
    return {
      ok: false,
      reason: `The financial year ended in ${formatMonth(yearEnd)}, before the latest month of ${what} (${formatMonth(latest)}), so there is nothing left to project; set the current financial year on the Settings sheet.`,
    };

  const trend: number[] = [];
  for (let k = 0; k < TREND_MONTHS; k++) {
    const change = monthlyChange(series, addMonths(latest, -k) as string);
    if (change === null) break;
    trend.push(change);
  }
  if (trend.length < TREND_MONTHS) {
    const consecutive = trend.length + 1;
    return {
      ok: false,
      reason: `The projection needs the last ${TREND_MONTHS} monthly changes, so ${TREND_MONTHS + 1} consecutive month-ends of ${what} up to ${formatMonth(latest)}; there ${consecutive === 1 ? "is 1" : `are ${consecutive}`}.`,
    };
  }
  const range: number[] = [...trend];
  for (let k = TREND_MONTHS; k < RANGE_MONTHS; k++) {
    const change = monthlyChange(series, addMonths(latest, -k) as string);
    if (change !== null) range.push(change);
  }

  const fromValue = valueAt(series, latest) as number;
  const averageMonthlyChange = trend.reduce((a, b) => a + b, 0) / TREND_MONTHS;
  const lowestMonthlyChange = Math.min(...range);
  const highestMonthlyChange = Math.max(...range);
  const at = (change: number) => fromValue + change * monthsToYearEnd;
  return {
    ok: true,
    projection: {
      fromMonth: latest,
      fromValue,
      monthsToYearEnd,
      averageMonthlyChange,
      rangeMonths: range.length,
      lowestMonthlyChange,
      highestMonthlyChange,
      projected: at(averageMonthlyChange),
      low: at(lowestMonthlyChange),
      high: at(highestMonthlyChange),
    },
  };
}
