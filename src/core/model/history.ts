// The summary model, the history: what a refresh records and what changed since the last report.
import type { RagGrade, Severity, SourceRef } from "./issues";
import type { KpiId, KpiStatus, KpiUnit } from "./kpis";
import type { MilestoneStatus } from "./workstreams";

/** How a figure moved since the baseline report, by the figure's polarity. */
export type ChangeDirection = "better" | "worse" | "unchanged";

/** Which earlier record "Since last report" compares with (docs/metrics.md, "Since the last report"). */
export type BaselineChoice =
  /** The most recent record whose reporting date is earlier than this one (the default). */
  | { kind: "previous_report" }
  /** The most recent refresh, whatever its reporting date. */
  | { kind: "previous_refresh" }
  /** The latest record of the report with this reporting date ("YYYY-MM-DD"). */
  | { kind: "report_of"; reportingDate: string };

/** One refresh as the history sheet records it: what "Since last report" and the trends compare. */
export interface HistorySnapshot {
  /** 1 for the first refresh recorded in the workbook, then 2, 3, ...: one block of rows each. */
  refresh: number;
  /** ISO date-time of the refresh. */
  refreshedAt: string;
  /** "YYYY-MM-DD" */
  reportingDate: string | null;
  sendDataAsAt: string | null;
  financeDataAsAt: string | null;
  overallRag: { grade: RagGrade | null; text: string };
  kpis: {
    id: KpiId;
    label: string;
    unit: KpiUnit;
    value: number | null;
    target: number | null;
    variance: number | null;
    status: KpiStatus | null;
  }[];
  workstreams: { programme: number | null; name: string; grade: RagGrade | null; text: string }[];
  milestones: {
    programme: number | null;
    workstream: string;
    name: string;
    status: MilestoneStatus | null;
  }[];
  keyRisks: { id: string; title: string; impact: number; likelihood: number; score: number }[];
  issues: { severity: Severity; code: string; sheet: string; cell: string; message: string }[];
}

/** A headline KPI then and now. */
export interface KpiChange {
  id: KpiId;
  label: string;
  unit: KpiUnit;
  from: number | null;
  to: number | null;
  /** to - from (for shares a fraction: -0.0009 = -0.09 pp). */
  change: number | null;
  direction: ChangeDirection | null;
  /** "+43 plans, worse"; "-0.09 pp, better"; "no change". */
  text: string;
  /** "↑", "↓" or "→" (always beside the words, never alone). */
  arrow: string;
  sources: SourceRef[];
}

export interface WorkstreamChange {
  programme: number | null;
  name: string;
  from: { grade: RagGrade | null; text: string } | null;
  to: { grade: RagGrade | null; text: string } | null;
  direction: ChangeDirection | null;
  /** "Amber/Green - On Track -> Amber - Off Track", in the council's wording. */
  text: string;
  source: SourceRef | null;
}

export interface RiskChange {
  id: string;
  title: string;
  change: "new" | "closed" | "rescored" | "below_threshold";
  from: number | null;
  to: number | null;
  direction: ChangeDirection | null;
  /** "Rescored 20 -> 16", "New key risk, score 16", "Closed (was 16)". */
  text: string;
  source: SourceRef | null;
}

export interface MilestoneChange {
  programme: number | null;
  workstream: string;
  name: string;
  change: "overdue" | "completed";
  from: MilestoneStatus | null;
  to: MilestoneStatus | null;
  text: string;
  source: SourceRef | null;
}

export interface IssueChange {
  change: "new" | "fixed";
  severity: Severity;
  code: string;
  sheet: string;
  cell: string;
  message: string;
  text: string;
  /** Where the problem is now (a fixed one: where it was). */
  source: SourceRef | null;
}

/** What changed since the baseline report: the page's "Since last report" block and the pane's section. */
export interface SinceLastReport {
  /** The record compared with; null on a first refresh (nothing recorded before it). */
  baseline: { refresh: number; refreshedAt: string; reportingDate: string | null } | null;
  /** How the baseline was chosen. */
  choice: BaselineChoice;
  /** "Since the report of 10/12/2024", or "Since last report" when there is no baseline. */
  heading: string;
  /** One line when there is nothing to list: a first refresh, or nothing changed. "" otherwise. */
  message: string;
  overallRag: {
    from: { grade: RagGrade | null; text: string };
    to: { grade: RagGrade | null; text: string };
    direction: ChangeDirection | null;
    text: string;
  } | null;
  kpis: KpiChange[];
  workstreams: WorkstreamChange[];
  keyRisks: RiskChange[];
  milestones: MilestoneChange[];
  issues: IssueChange[];
}

/** One report in the trend: the latest refresh of each reporting date. */
export interface HistoryReport {
  refresh: number;
  refreshedAt: string;
  reportingDate: string | null;
  overallRag: { grade: RagGrade | null; text: string };
  kpis: { id: KpiId; value: number | null; status: KpiStatus | null }[];
}

/** The history the workbook keeps (the "Portfolio Summary History" sheet), as this summary read it. */
export interface SummaryHistory {
  sheetName: string;
  /** Refreshes recorded before this one. */
  recordedRefreshes: number;
  /** The last reports, oldest first, this one last (at most six). */
  reports: HistoryReport[];
  /** This refresh's record: what is appended to the history sheet. */
  current: HistorySnapshot;
  /**
   * Set when this refresh's block does not fit below the rows the sheet already uses (Excel has 1,048,576): the
   * refresh is not recorded, and a `history_sheet_full` warning says so.
   */
  full?: { usedRows: number; blockRows: number };
}
