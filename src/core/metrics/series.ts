// Month arithmetic and the two time-series rules every monthly metric shares: year-on-year against the
// same calendar month (never the nearest one) and 12-month rolling averages that a gap in the months breaks.

/** "2024-12" -> 24299 (months since year 0), or null when the text is not a "YYYY-MM" month. */
export function monthIndex(month: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return null;
  return Number(m[1]) * 12 + (mm - 1);
}

/** 24299 -> "2024-12". */
export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const mm = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(mm).padStart(2, "0")}`;
}

/** "2024-12" shifted by n months ("2024-12", -12 -> "2023-12"). */
export function addMonths(month: string, n: number): string | null {
  const i = monthIndex(month);
  return i === null ? null : monthFromIndex(i + n);
}

/** "2025-01-07" -> "2025-01". */
export function monthOfDate(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(date);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** The last day of a "YYYY-MM" month as "YYYY-MM-DD". */
export function monthEnd(month: string): string | null {
  const i = monthIndex(month);
  if (i === null) return null;
  const year = Math.floor(i / 12);
  const mm = i - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${month}-${String(lastDay).padStart(2, "0")}`;
}

/** Whole days from one "YYYY-MM-DD" date to another (positive when `to` is later); null if either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000);
}

/** numerator / denominator, or null when either is missing or the denominator is zero (never NaN or Infinity). */
export function ratio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined)
    return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  return numerator / denominator;
}

/** a - b, or null when either is missing. */
export function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return a - b;
}

/** A value per month. Months are "YYYY-MM"; a month absent from the map is a gap in the data. */
export type MonthlySeries = ReadonlyMap<string, number | null>;

/** Builds a series from (month, value) pairs; the first value for a repeated month wins, unusable months are skipped. */
export function seriesFrom(
  points: Iterable<{ month: string | null; value: number | null }>,
): Map<string, number | null> {
  const series = new Map<string, number | null>();
  for (const p of points) {
    if (p.month === null || monthIndex(p.month) === null || series.has(p.month)) continue;
    series.set(p.month, p.value);
  }
  return series;
}

/** Months of a series sorted oldest first. */
function sortedMonths(series: MonthlySeries): string[] {
  return [...series.keys()].sort((a, b) => (monthIndex(a) ?? 0) - (monthIndex(b) ?? 0));
}

/** Every calendar month from the earliest to the latest in the series, gaps included, oldest first. */
export function monthRange(series: MonthlySeries): string[] {
  const months = sortedMonths(series);
  if (months.length === 0) return [];
  const first = monthIndex(months[0]) as number;
  const last = monthIndex(months[months.length - 1]) as number;
  const out: string[] = [];
  for (let i = first; i <= last; i++) out.push(monthFromIndex(i));
  return out;
}

/** The latest month of a series that has a value, or null. */
export function latestMonth(series: MonthlySeries): string | null {
  const months = sortedMonths(series).filter((m) => series.get(m) !== null && series.get(m) !== undefined);
  return months.length ? months[months.length - 1] : null;
}

/** The value for a month, null for a gap or an empty value. */
export function valueAt(series: MonthlySeries, month: string | null): number | null {
  if (month === null) return null;
  const v = series.get(month);
  return v === undefined ? null : v;
}

/** Change from the same month a year earlier; null when that month is missing (never the nearest month). */
export function yearOnYearChange(series: MonthlySeries, month: string): number | null {
  return difference(valueAt(series, month), valueAt(series, addMonths(month, -12)));
}

/**
 * Mean of the `window` monthly values ending at `month`; null unless every month in the window has a value,
 * so a gap (or an empty value) anywhere in the window gives null rather than a mean over fewer months.
 */
export function rollingAverage(series: MonthlySeries, month: string, window = 12): number | null {
  const end = monthIndex(month);
  if (end === null || window < 1) return null;
  let sum = 0;
  for (let i = end - window + 1; i <= end; i++) {
    const v = valueAt(series, monthFromIndex(i));
    if (v === null) return null;
    sum += v;
  }
  return sum / window;
}

/** A series mapped month by month (shares from counts, etc.), keeping the same months. */
export function mapSeries(
  series: MonthlySeries,
  fn: (value: number | null, month: string) => number | null,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const m of sortedMonths(series)) out.set(m, fn(valueAt(series, m), m));
  return out;
}

/** The last `count` calendar months ending at `latest`, newest first (gap months included). */
export function lastMonths(latest: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = addMonths(latest, -i);
    if (m !== null) out.push(m);
  }
  return out;
}
