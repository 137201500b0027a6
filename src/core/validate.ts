// Whole-tracker checks that need more than one cell or the settings in force: month series, dates against the
// reporting date, staleness, risk scores and the council's typed shares against our recomputation. Returns issues.
import { DEFAULT_FINANCE_STALENESS_DAYS } from "./settings";
import { formatDate, formatMonth } from "./format";
import { makeIssue } from "./issues";
import type { EffectiveSettings, Issue, SourceRef } from "./model";
import { addMonths, daysBetween, monthsBetween } from "./parse/dates";
import { tidy } from "./parse/numbers";
import { programmeList } from "./programmes";
import type { Cell, Tracker } from "./tracker";

/** Finance staleness limit used when neither the settings in force nor the tracker give one (template default). */
/** Decimals a typed share is compared at when its cell's display is unknown. */
const DEFAULT_SHARE_DECIMALS = 2;

const count = (n: number): string => n.toLocaleString("en-GB");

/** Duplicate months, gaps in the series and rows out of order, for one sheet's month column. */
export function checkMonthSeries(months: readonly Cell<string>[], sheetLabel: string): Issue[] {
  const issues: Issue[] = [];
  const present = months.filter((m): m is Cell<string> & { value: string } => m.value !== null);
  const first = new Map<string, SourceRef>();
  for (const m of present) {
    const prior = first.get(m.value);
    if (prior) {
      issues.push(
        makeIssue(
          "duplicate_month",
          m.ref,
          `${sheetLabel}, ${m.ref.cell}: ${formatMonth(m.value)} already has a row at ${prior.cell}.`,
        ),
      );
    } else {
      first.set(m.value, m.ref);
    }
  }

  // Order: the sheet may run oldest-first or newest-first; a step against the main direction is out of order.
  let up = 0;
  let down = 0;
  for (let i = 1; i < present.length; i++) {
    if (present[i].value > present[i - 1].value) up++;
    else if (present[i].value < present[i - 1].value) down++;
  }
  if (up > 0 && down > 0) {
    const ascending = up >= down;
    for (let i = 1; i < present.length; i++) {
      const a = present[i - 1].value;
      const b = present[i].value;
      if (a !== b && b > a !== ascending) {
        issues.push(
          makeIssue(
            "months_out_of_order",
            present[i].ref,
            `${sheetLabel}, ${present[i].ref.cell}: ${formatMonth(b)} comes after ${formatMonth(a)} but the sheet otherwise runs ${ascending ? "oldest" : "newest"} first.`,
          ),
        );
        break;
      }
    }
  }

  const sorted = [...first.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const [prevMonth, prevRef] = sorted[i - 1];
    const [month, ref] = sorted[i];
    const gap = monthsBetween(prevMonth, month);
    if (gap <= 1) continue;
    const from = addMonths(prevMonth, 1);
    const to = addMonths(month, -1);
    const missing = gap === 2 ? formatMonth(from) : `${formatMonth(from)} to ${formatMonth(to)}`;
    issues.push(
      makeIssue(
        "missing_month",
        ref,
        `${sheetLabel}, ${ref.cell}: there is no row for ${missing}, between ${formatMonth(prevMonth)} (${prevRef.cell}) and ${formatMonth(month)} (${ref.cell}).`,
      ),
    );
  }
  return issues;
}

/** Rounds half away from zero at `decimals`, nudged so 5.845 (stored as 5.84499...) still rounds up. */
function roundAt(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f + Math.sign(x) * 1e-9) / f;
}

/**
 * Compares a typed share with numerator / denominator at the decimals the typed cell shows: 354 / 6059 is 5.84%,
 * so a cell showing 5.85% disagrees, while 0.0564 beside 358 / 6353 (5.635...%) agrees at 2 decimals.
 */
export function checkTypedShare(
  typed: Cell<number>,
  numerator: Cell<number>,
  denominator: Cell<number>,
  label: string,
  what: string,
): Issue | null {
  if (
    typed.value === null ||
    numerator.value === null ||
    denominator.value === null ||
    denominator.value <= 0
  ) {
    return null;
  }
  const decimals = typed.displayDecimals ?? DEFAULT_SHARE_DECIMALS;
  const ours = roundAt((numerator.value / denominator.value) * 100, decimals);
  const theirs = roundAt(typed.value * 100, decimals);
  if (ours === theirs) return null;
  return makeIssue(
    "typed_value_mismatch",
    typed.ref,
    `${label}, ${typed.ref.cell}: the tracker shows ${theirs.toFixed(decimals)}%, but ${what} ${count(numerator.value)} (${numerator.ref.cell}) / ${count(denominator.value)} (${denominator.ref.cell}) is ${ours.toFixed(decimals)}%.`,
  );
}

/** A recomputed share above 100% means the numerator exceeds its denominator: one of them is wrong. */
function checkShareRange(
  numerator: Cell<number>,
  denominator: Cell<number>,
  numeratorLabel: string,
  denominatorLabel: string,
): Issue | null {
  if (numerator.value === null || denominator.value === null || denominator.value <= 0) return null;
  if (numerator.value <= denominator.value) return null;
  const share = tidy((numerator.value / denominator.value) * 100);
  return makeIssue(
    "share_out_of_range",
    numerator.ref,
    `${numeratorLabel}, ${numerator.ref.cell}: ${count(numerator.value)} is more than ${denominatorLabel} (${count(denominator.value)} at ${denominator.ref.cell}), a share of ${share.toFixed(2)}%.`,
  );
}

function checkNotAfter(
  date: Cell<string>,
  reportingDate: string,
  label: string,
  isMonth = false,
): Issue | null {
  if (date.value === null) return null;
  const after = isMonth ? date.value > reportingDate.slice(0, 7) : date.value > reportingDate;
  if (!after) return null;
  const shown = isMonth ? formatMonth(date.value) : formatDate(date.value);
  return makeIssue(
    "date_after_reporting_date",
    date.ref,
    `${label}, ${date.ref.cell}: ${shown} is after the reporting date ${formatDate(reportingDate)}.`,
  );
}

function checkStale(
  date: Cell<string>,
  reportingDate: string,
  limitDays: number,
  label: string,
): Issue | null {
  if (date.value === null || date.value > reportingDate) return null;
  const age = daysBetween(date.value, reportingDate);
  if (age <= limitDays) return null;
  return makeIssue(
    "stale_data",
    date.ref,
    `${label}, ${date.ref.cell}: ${formatDate(date.value)} is ${age} days before the reporting date ${formatDate(reportingDate)}, over the ${limitDays}-day limit.`,
  );
}

/** Checks that need the whole tracker and the settings in force. */
export function validateTracker(tracker: Tracker, settings: EffectiveSettings): Issue[] {
  const issues: Issue[] = [];
  const add = (i: Issue | null): void => {
    if (i) issues.push(i);
  };
  const s = tracker.settings;
  const monthlySheet = tracker.sheetNames.monthly ?? "SEND Monthly";
  const placesSheet = tracker.sheetNames.places ?? "Special School Places";

  issues.push(
    ...checkMonthSeries(
      tracker.monthly.map((r) => r.month),
      monthlySheet,
    ),
  );
  issues.push(
    ...checkMonthSeries(
      tracker.places.map((r) => r.month),
      placesSheet,
    ),
  );

  const reporting = s.reportingDate.value;
  if (reporting !== null) {
    add(checkNotAfter(s.sendDataRefreshed, reporting, "SEND data last refreshed"));
    add(checkNotAfter(s.financeDataAsAt, reporting, "Finance data as at"));
    for (const k of tracker.kpis) add(checkNotAfter(k.actualAsAt, reporting, "Actual as at"));
    // Actual figures for a month after the reporting date cannot exist yet; forecast-only rows are fine.
    for (const m of tracker.monthly) {
      if (m.fundedEhcps.value !== null) add(checkNotAfter(m.month, reporting, "Month", true));
    }
    for (const p of tracker.places) {
      if (p.delivered.value !== null) add(checkNotAfter(p.month, reporting, "Month", true));
    }
    for (const m of tracker.milestones) add(checkNotAfter(m.completedDate, reporting, "Completed date"));

    add(checkStale(s.sendDataRefreshed, reporting, settings.stalenessLimitDays, "SEND data last refreshed"));
    const financeLimit =
      settings.financeStalenessLimitDays ?? s.financeStalenessDays.value ?? DEFAULT_FINANCE_STALENESS_DAYS;
    add(checkStale(s.financeDataAsAt, reporting, financeLimit, "Finance data as at"));
  }

  // A workstream or milestone in a programme the tracker does not list would silently drop out of the status
  // table and the milestone chart, so it is named with its cell.
  const known = new Set(programmeList(tracker.programmes).map((p) => p.number));
  for (const row of [...tracker.workstreams, ...tracker.milestones]) {
    const p = row.programme;
    if (p.value === null || known.has(p.value)) continue;
    issues.push(
      makeIssue(
        "unknown_programme",
        p.ref,
        `Programme, ${p.ref.cell}: programme ${p.value} is not on the Programmes sheet, so this row is left out of the programme tables. Correct the number, or add programme ${p.value} to the Programmes sheet.`,
        { advice: false },
      ),
    );
  }

  for (const r of tracker.risks) {
    const { impact, likelihood, typedScore } = r;
    if (impact.value === null || likelihood.value === null || typedScore.value === null) continue;
    const score = impact.value * likelihood.value;
    if (score === typedScore.value) continue;
    issues.push(
      makeIssue(
        "score_mismatch",
        typedScore.ref,
        `Risk score, ${typedScore.ref.cell}: ${typedScore.value} is typed, but impact ${impact.value} x likelihood ${likelihood.value} is ${score}.`,
      ),
    );
  }

  for (const m of tracker.monthly) {
    add(checkShareRange(m.fundedEhcps, m.population0to25, "Funded EHCPs", "the 0-25 population"));
    add(checkShareRange(m.placedInInmss, m.fundedEhcps, "Placed in INMSS", "the funded EHCPs"));
    add(
      checkTypedShare(
        m.typedEhcpShare,
        m.fundedEhcps,
        m.population0to25,
        "% 0-25 with EHCP",
        "funded EHCPs / population",
      ),
    );
    add(
      checkTypedShare(
        m.typedInmssShare,
        m.placedInInmss,
        m.fundedEhcps,
        "% placed in INMSS",
        "placed in INMSS / funded EHCPs",
      ),
    );
  }
  return issues;
}
