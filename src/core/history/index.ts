// The history the workbook keeps, and what the summary makes of it: this refresh's record (appended to the
// "Portfolio Summary History" sheet), the baseline it is compared with (the last report, not the last click),
// what changed since ("Since last report"), and the trend of the last six reports.
import { cellAddress, MAX_ROWS } from "../a1";
import { formatDate } from "../format";
import { makeIssue } from "../issues";
import type {
  BaselineChoice,
  HistoryReport,
  HistorySnapshot,
  Issue,
  KpiChange,
  SinceLastReport,
  SummaryHistory,
} from "../model";
import { compareWithBaseline } from "./compare";
import { HISTORY_SHEET_NAME, historyRows } from "./record";
import { openRiskScores, snapshotOf, type SnapshotInput } from "./snapshot";

export { HISTORY_COLUMNS, HISTORY_SHEET_NAME, historyHeader, historyRows, readHistorySheet } from "./record";

/** Reports the trend shows: this one and the five before it. */
const TREND_REPORTS = 6;

const DEFAULT_BASELINE: BaselineChoice = { kind: "previous_report" };

/**
 * The record this refresh is compared with: by default the most recent one whose reporting date is earlier than
 * this one (people refresh many times a month; the board asks about the last report, not the last click).
 */
export function chooseBaseline(
  recorded: readonly HistorySnapshot[],
  reportingDate: string | null,
  choice: BaselineChoice = DEFAULT_BASELINE,
): { baseline: HistorySnapshot | null; reason?: string } {
  const latest = (list: HistorySnapshot[]) =>
    list.reduce<HistorySnapshot | null>((best, s) => (!best || s.refresh > best.refresh ? s : best), null);
  if (recorded.length === 0) return { baseline: null };
  if (choice.kind === "previous_refresh") return { baseline: latest([...recorded]) };
  if (choice.kind === "report_of") {
    const found = latest(recorded.filter((s) => s.reportingDate === choice.reportingDate));
    return found
      ? { baseline: found }
      : {
          baseline: null,
          reason: `No report of ${formatDate(choice.reportingDate)} is recorded in this workbook's history, so there is nothing to compare with: choose another report in Settings.`,
        };
  }
  if (!reportingDate) return { baseline: latest([...recorded]) };
  const earlier = latest(recorded.filter((s) => s.reportingDate !== null && s.reportingDate < reportingDate));
  if (earlier) return { baseline: earlier };
  // Only refreshes of this same report so far: it is still the first report (the page reads the same each time).
  if (recorded.every((s) => s.reportingDate === reportingDate)) return { baseline: null };
  return {
    baseline: null,
    reason: `No report before ${formatDate(reportingDate)} is recorded in this workbook's history (only later ones), so there is nothing to compare with.`,
  };
}

/** The latest refresh of each reporting date up to this one, oldest first, this one last; at most TREND_REPORTS. */
function trendReports(recorded: readonly HistorySnapshot[], current: HistorySnapshot): HistoryReport[] {
  const byDate = new Map<string, HistorySnapshot>();
  for (const s of recorded) {
    if (!s.reportingDate || (current.reportingDate && s.reportingDate >= current.reportingDate)) continue;
    const had = byDate.get(s.reportingDate);
    if (!had || s.refresh > had.refresh) byDate.set(s.reportingDate, s);
  }
  const earlier = [...byDate.values()].sort((a, b) =>
    (a.reportingDate as string).localeCompare(b.reportingDate as string),
  );
  return [...earlier, current].slice(-TREND_REPORTS).map((s) => ({
    refresh: s.refresh,
    refreshedAt: s.refreshedAt,
    reportingDate: s.reportingDate,
    overallRag: s.overallRag,
    kpis: s.kpis.map((k) => ({ id: k.id, value: k.value, status: k.status })),
  }));
}

export interface HistoryInput extends Omit<SnapshotInput, "refresh"> {
  /** Every refresh the workbook recorded, oldest first (from its history sheet, or a previous summary). */
  recorded: readonly HistorySnapshot[];
  /** The highest refresh number the history holds, incomplete blocks included (readHistorySheet's lastRefresh). */
  lastRefresh?: number;
  choice?: BaselineChoice;
  riskThreshold: number;
}

/** The summary's `history` and `sinceLastReport`. */
export function buildHistorySections(input: HistoryInput): {
  history: SummaryHistory;
  sinceLastReport: SinceLastReport;
} {
  const refresh = input.recorded.reduce((n, s) => Math.max(n, s.refresh), input.lastRefresh ?? 0) + 1;
  const { snapshot, sources } = snapshotOf({ ...input, refresh });
  const choice = input.choice ?? DEFAULT_BASELINE;
  const { baseline, reason } = chooseBaseline(input.recorded, snapshot.reportingDate, choice);
  const kpiSources = new Map<string, KpiChange["sources"]>(input.kpis.map((k) => [k.id, k.sources]));
  const sinceLastReport = compareWithBaseline(
    {
      current: snapshot,
      baseline,
      choice,
      noBaseline: reason,
      sources,
      openRisks: openRiskScores(input.tracker),
      polarity: (id) => input.kpis.find((k) => k.id === id)?.polarity ?? "higher_is_worse",
      riskThreshold: input.riskThreshold,
    },
    kpiSources,
  );
  return {
    history: {
      sheetName: HISTORY_SHEET_NAME,
      recordedRefreshes: input.recorded.length,
      reports: trendReports(input.recorded, snapshot),
      current: snapshot,
    },
    sinceLastReport,
  };
}

/** A baseline choice saved by the pane or passed by the CLI, when it is one; anything else is no choice. */
export function baselineChoiceOf(value: unknown): BaselineChoice | null {
  if (!value || typeof value !== "object") return null;
  const v = value as { kind?: unknown; reportingDate?: unknown };
  if (v.kind === "previous_report" || v.kind === "previous_refresh") return { kind: v.kind };
  if (
    v.kind === "report_of" &&
    typeof v.reportingDate === "string" &&
    /^\d{4}-\d{2}-\d{2}$/.test(v.reportingDate)
  )
    return { kind: "report_of", reportingDate: v.reportingDate };
  return null;
}

/**
 * Whether this refresh's block fits below the rows the history sheet already uses (a new sheet has its header row
 * to write first): when it does not, the block is not written and this warning, at the sheet's last row, says why.
 */
export function historyFull(
  current: HistorySnapshot,
  sheet: { name: string; usedRows: number; originCol?: number } | undefined,
): { full: { usedRows: number; blockRows: number }; issue: Issue } | null {
  const usedRows = sheet?.usedRows ?? 0;
  const blockRows = historyRows(current).length;
  if (Math.max(usedRows, 1) + blockRows <= MAX_ROWS) return null;
  const name = sheet?.name ?? HISTORY_SHEET_NAME;
  const fmt = (n: number) => n.toLocaleString("en-GB");
  return {
    full: { usedRows, blockRows },
    issue: makeIssue(
      "history_sheet_full",
      { sheet: name, cell: cellAddress(usedRows - 1, sheet?.originCol ?? 0) },
      `${name}: this refresh's ${fmt(blockRows)} rows do not fit below the ${fmt(usedRows)} rows the sheet already uses (Excel has ${fmt(MAX_ROWS)}), so this refresh is not recorded; the summary is written as usual.`,
    ),
  };
}
