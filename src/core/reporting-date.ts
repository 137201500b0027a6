// The reporting date when the Settings sheet gives none (or one that cannot be read): the latest date the
// tracker's own data show, so freshness and overdue milestones are judged as at the data, not as at today.
// One rule for both doors: the CLI and the add-in reach it through the engine.
import { formatDate } from "./format";
import { makeIssue } from "./issues";
import type { Issue, SourceRef } from "./model";
import { lastDayOfMonth } from "./parse/dates";
import type { Cell, Tracker } from "./tracker";

export interface ReportingDateFromData {
  /** "YYYY-MM-DD" */
  date: string;
  /** The cell the date comes from. */
  source: SourceRef;
  /** What the date is, in words: "SEND data last refreshed", "the latest month of SEND data (Dec-24)". */
  what: string;
}

/**
 * The latest of: the last day of the latest month with funded EHCPs, the last day of the latest month with
 * places delivered, 'SEND data last refreshed', 'Finance data as at' and the KPIs' 'Actual as at' dates.
 * Forecast-only months and due dates are plans, not data, and do not count. Null when the tracker has none.
 */
export function reportingDateFromData(tracker: Tracker): ReportingDateFromData | null {
  let best: ReportingDateFromData | null = null;
  const consider = (date: string | null, source: SourceRef, what: string) => {
    if (date === null || source.cell === "") return;
    if (best === null || date > best.date) best = { date, source, what };
  };
  const latestMonth = (rows: { month: Cell<string>; has: boolean }[], what: string) => {
    let month: Cell<string> | null = null;
    for (const r of rows)
      if (r.has && r.month.value !== null && (!month || r.month.value > month.value!)) month = r.month;
    if (month?.value) consider(lastDayOfMonth(month.value), month.ref, `the end of ${what}`);
  };
  latestMonth(
    tracker.monthly.map((m) => ({ month: m.month, has: m.fundedEhcps.value !== null })),
    "the latest month of SEND data",
  );
  latestMonth(
    tracker.places.map((p) => ({ month: p.month, has: p.delivered.value !== null })),
    "the latest month of special school places",
  );
  const s = tracker.settings;
  consider(s.sendDataRefreshed.value, s.sendDataRefreshed.ref, "'SEND data last refreshed'");
  consider(s.financeDataAsAt.value, s.financeDataAsAt.ref, "'Finance data as at'");
  for (const k of tracker.kpis) consider(k.actualAsAt.value, k.actualAsAt.ref, "a KPI's 'Actual as at'");
  return best;
}

/** The warning that says the summary is as at a date taken from the data, at the Settings cell to fill in. */
export function reportingDateFromDataIssue(tracker: Tracker, found: ReportingDateFromData): Issue {
  const settings = tracker.sheetNames.settings ?? "Settings";
  const typed = tracker.settings.reportingDate.ref;
  const place = typed.cell !== "" ? typed : found.source;
  return makeIssue(
    "reporting_date_from_data",
    place,
    `${settings}: there is no usable reporting date, so the summary is as at ${formatDate(found.date)}, the latest date in the tracker's data (${found.what}, ${found.source.sheet}!${found.source.cell}); data freshness and overdue milestones are judged at that date.`,
  );
}
