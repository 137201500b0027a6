// What every part of the summary is built from, worked out once: the tracker and settings, the date figures are as
// at, the sheets' names for the wording, and the derived rows several builders share (finance periods in order,
// the latest places position, the monthly tables, the programme list).
import type {
  EffectiveSettings,
  EhcpMonthRow,
  InmssMonthRow,
  MilestoneCounts,
  WorkstreamStatusRow,
} from "../model";
import { ehcpMonthRows } from "../metrics/ehcp";
import { averageCostPerEhcp, financePeriodsInOrder, latestFinancePeriod } from "../metrics/finance";
import { inmssMonthRows } from "../metrics/inmss";
import { milestoneCountsByProgramme } from "../metrics/milestones";
import { hasColumn } from "../metrics/monthly";
import { latestPlacesPosition, type PlacesPosition } from "../metrics/places";
import { emptyRagCounts, ragCountsByProgramme } from "../metrics/workstreams";
import { programmeList } from "../programmes";
import { reportingDateFromData, type ReportingDateFromData } from "../reporting-date";
import type { FinanceRow, MonthlyRow, Tracker } from "../tracker";

/** The monthly tables show this many months, newest first, as the dashboard does. */
export const TABLE_MONTHS = 4;

export interface SummaryContext {
  tracker: Tracker;
  settings: EffectiveSettings;
  /** The reporting date, or null when the tracker has none. */
  reportingDate: string | null;
  /** The latest date in the data, standing in when the Settings sheet has no usable reporting date. */
  reportingDateFromData: ReportingDateFromData | null;
  /** The date figures are as at: the reporting date, else the latest date in the data, else today. */
  asOf: string;
  /** Sheet names as the workbook has them, for the wording (the template's names where a sheet is missing). */
  sheets: { settings: string; monthly: string; finance: string; places: string };
  monthly: readonly MonthlyRow[];
  programmes: { number: number; name: string; note: string }[];
  /** "0-25" unless the Settings give another population age band. */
  ageBand: string;
  /** "including exceptions" or "excluding exceptions": the 20-week variant in force. */
  variantText: string;
  /** Workstreams counted by RAG grade for each programme. */
  workstreamStatus: WorkstreamStatusRow[];
  ehcpMonthly: EhcpMonthRow[];
  inmssMonthly: InmssMonthRow[];
  places: PlacesPosition | null;
  milestoneCounts: Map<number, MilestoneCounts>;
  finance: {
    /** Periods in order, oldest first. */
    rows: FinanceRow[];
    latest: FinanceRow | null;
    /** Each period's label: as typed, else its end date, else "Period n". */
    labels: string[];
    averageCosts: (number | null)[];
  };
}

export function summaryContext(tracker: Tracker, settings: EffectiveSettings, now: Date): SummaryContext {
  const s = tracker.settings;
  const reportingDate = s.reportingDate.value;
  const monthly = tracker.monthly;
  const financeRows = financePeriodsInOrder(tracker.finance);
  const fromData = reportingDate === null ? reportingDateFromData(tracker) : null;
  const asOf = reportingDate ?? fromData?.date ?? now.toISOString().slice(0, 10);
  const programmes = programmeList(tracker.programmes);
  return {
    tracker,
    settings,
    reportingDate,
    reportingDateFromData: fromData,
    asOf,
    sheets: {
      settings: tracker.sheetNames.settings ?? "Settings",
      monthly: tracker.sheetNames.monthly ?? "SEND Monthly",
      finance: tracker.sheetNames.finance ?? "HNB Finance",
      places: tracker.sheetNames.places ?? "Special School Places",
    },
    monthly,
    programmes,
    ageBand: s.populationAgeBand.value?.trim() || "0-25",
    variantText:
      settings.twentyWeekVariant === "including_exceptions" ? "including exceptions" : "excluding exceptions",
    workstreamStatus: workstreamStatusRows(tracker, programmes),
    ehcpMonthly: ehcpMonthRows(monthly, TABLE_MONTHS),
    inmssMonthly: hasColumn(monthly, "placedInInmss") ? inmssMonthRows(monthly, TABLE_MONTHS) : [],
    places: latestPlacesPosition(tracker.places),
    milestoneCounts: milestoneCountsByProgramme(tracker.milestones, asOf),
    finance: {
      rows: financeRows,
      latest: latestFinancePeriod(tracker.finance),
      labels: financeRows.map((r, i) => r.period.value ?? r.periodEnd.value ?? `Period ${i + 1}`),
      averageCosts: financeRows.map((r) => averageCostPerEhcp(r, monthly)),
    },
  };
}

function workstreamStatusRows(
  tracker: Tracker,
  programmes: { number: number; name: string }[],
): WorkstreamStatusRow[] {
  const counts = ragCountsByProgramme(tracker.workstreams);
  return programmes.map((p) => {
    const c = counts.get(p.number);
    return {
      programme: p.number,
      programmeName: p.name,
      counts: c ? { ...c.counts } : emptyRagCounts(),
      unknown: c?.unknown ?? 0,
      total: c?.total ?? 0,
    };
  });
}
