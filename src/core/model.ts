// The summary model: one plain object holding everything the Portfolio Summary shows.
// Produced by the engine (src/core), read by the sheet layout, the task pane, the CLI and automation (JSON).
// Units in this model: shares and rates are fractions (0.0575), share gaps are fractions too (0.0063 = 0.63 pp),
// money is in pounds (43200000), months are "YYYY-MM", dates are "YYYY-MM-DD".

/** The 5-point RAG scale, best first. */
export const RAG_SCALE = ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"] as const;
export type RagGrade = (typeof RAG_SCALE)[number];

/** A RAG as the council wrote it, mapped onto the scale; the on/off-track flag kept apart. */
export interface RagValue {
  grade: RagGrade | null;
  track: "on" | "off" | null;
  /** The council's own text, unchanged ("Amber / Green - Off Track"). */
  text: string;
}

export type Severity = "error" | "warning" | "info";

/** A problem found in the tracker, pointed at its cell. */
export interface Issue {
  severity: Severity;
  /** Stable machine code, e.g. "missing_column"; the full list is ISSUE_CODES in src/core/issues.ts. */
  code: string;
  /** Tracker sheet name ("" when the problem is the workbook as a whole). */
  sheet: string;
  /** A1 address or range in that sheet ("" when no cell applies, e.g. a missing sheet). */
  cell: string;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  /** A warning someone acknowledged with a reason (a known data query, src/core/review); never on an error. */
  acknowledged?: ReviewNote;
}

/**
 * A person's note on the summary, kept on the notes sheet (src/core/review): a variance explained for a reporting
 * date, or a data query (a warning) acknowledged with its reason.
 */
export interface ReviewNote {
  kind: "variance" | "query";
  /** What it explains: the variance's id ("hnb_overspend"), or a query's code and cell ("typed_value_mismatch@SEND Monthly!O34"). */
  id: string;
  /** "YYYY-MM-DD": the reporting date the note was written for ("" when the summary had none). */
  reportingDate: string;
  /** What it explains, in words: the variance and its amount, or what the query said when acknowledged. */
  label: string;
  /** The explanation: cause and action, or the reason a query stands. */
  text: string;
  /** Who owns the action ("" when not given). */
  owner: string;
  /** "YYYY-MM-DD" the action is due, or "". */
  due: string;
  /** Who wrote it, as they gave their name or role ("Head of SEND Finance"). */
  by: string;
  /** ISO date-time it was written ("" when a person added the row without one). */
  at: string;
}

/** A place in the tracker a figure came from (for "Show source"). */
export interface SourceRef {
  sheet: string;
  /** A1 address or range. */
  cell: string;
}

export type KpiId = "ehcp_count" | "hnb_overspend" | "inmss_share";
export type KpiUnit = "count" | "money" | "share";
export type KpiStatus = "adverse" | "favourable" | "on_target";
export type Polarity = "higher_is_better" | "higher_is_worse";

export interface Kpi {
  id: KpiId;
  /** Tile title, e.g. "Number of EHCPs". */
  label: string;
  actual: number | null;
  target: number | null;
  /** e.g. "Forecast to date", "Goal for this financial year". */
  targetLabel: string;
  /** actual - target (for shares: a fraction, i.e. percentage points / 100). */
  variance: number | null;
  unit: KpiUnit;
  status: KpiStatus | null;
  polarity: Polarity;
  /** Variance within +/- tolerance counts as on target (same unit as variance). */
  tolerance: number;
  /** Plain-words reasoning: "650 more plans than forecast; more is adverse". */
  explanation: string;
  /** Date the actual is as at, "YYYY-MM-DD", where known. */
  asAt: string | null;
  /** Tracker cells the actual and target came from. */
  sources: SourceRef[];
}

export interface FreshnessLine {
  id: "send_data" | "finance_data" | string;
  /** e.g. "SEND data last refreshed" */
  label: string;
  /** "YYYY-MM-DD" for a refresh date, or null where the line is a text (finance basis). */
  date: string | null;
  /** Text shown after the label: "07/01/2025", "Q2 Forecast". */
  text: string;
  /** Age in days at the reporting date, where a date is known. */
  ageDays: number | null;
  limitDays: number | null;
  stale: boolean;
  source: SourceRef | null;
}

export type RagCounts = Record<RagGrade, number>;

export interface WorkstreamStatusRow {
  programme: number;
  programmeName: string;
  counts: RagCounts;
  /** Workstreams whose RAG text could not be mapped. */
  unknown: number;
  total: number;
}

export interface KeyRisk {
  id: string;
  title: string;
  /** Consequence text ("Impact" column of the register). */
  consequence: string;
  owner: string;
  impact: number;
  likelihood: number;
  score: number;
  /** Band name from the configured score bands ("Very high", "High", ...). */
  band: string;
  action: string;
  source: SourceRef;
}

export interface Workstream {
  programme: number;
  name: string;
  rag: RagValue;
  lead: string;
  commentary: string;
  source: SourceRef;
}

export type MilestoneStatus = "complete" | "on_track" | "at_risk" | "overdue";
export type MilestoneCounts = Record<MilestoneStatus, number>;

/** How a number in a table or chart is to be shown. */
export type DisplayUnit =
  | "count" // 6,353
  | "signed_count" // +872 / -12
  | "money" // pounds: £43.20m headline, (1.20) in finance tables
  | "share" // fraction shown as 3.82%
  | "pp" // fraction difference shown as +0.63 pp
  | "month" // "YYYY-MM" shown as Dec-24
  | "date" // "YYYY-MM-DD" shown as 07/01/2025
  | "text";

export interface MetricColumn {
  key: string;
  label: string;
  unit: DisplayUnit;
}

/** A small table such as "last 4 months, newest first". */
export interface MetricTable {
  id: string;
  title: string;
  columns: MetricColumn[];
  rows: Record<string, string | number | null>[];
  note?: string;
}

export type ChartId =
  | "workstream_rag"
  | "ehcp_trajectory"
  | "inmss_share"
  | "special_school_places"
  | "ceased_plans"
  | "hnb_net_position"
  | "average_cost_per_ehcp"
  | "twenty_week_rates"
  | "milestone_status";

export type ChartKind = "line" | "column" | "stacked_bar";

/** Data for one chart: categories along the axis, one or more series. The layout decides where it goes. */
export interface ChartData {
  id: ChartId;
  title: string;
  kind: ChartKind;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueUnit: DisplayUnit;
  /** Category labels in display order (months oldest first as "YYYY-MM", programme names, quarters). */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Why the chart has no data, when it has none. */
  emptyReason?: string;
}

/** A single headline figure inside a programme ("Special School Places Shortfall: 58"). */
export interface Figure {
  id: string;
  label: string;
  value: number | null;
  unit: DisplayUnit;
  note?: string;
}

export interface ProgrammeSection {
  number: number;
  name: string;
  /** Text shown where the programme has no workstreams or data yet. */
  note: string;
  workstreams: Workstream[];
  milestones: MilestoneCounts;
  figures: Figure[];
  tables: MetricTable[];
  /** Ids of the charts (in `charts`) shown in this programme's section. */
  chartIds: ChartId[];
}

export interface FlaggedVariance {
  /** KPI id or metric id. */
  id: string;
  label: string;
  actual: number | null;
  target: number | null;
  variance: number | null;
  unit: KpiUnit;
  status: KpiStatus;
  /** "650 more plans than forecast; more is adverse". */
  explanation: string;
  sources: SourceRef[];
  /**
   * The officer's explanation (src/core/review): "explained" for this reporting date; "carried" when only an earlier
   * report's exists, shown as a starting point and counted as unexplained until confirmed.
   */
  review?: { state: "explained" | "carried"; note: ReviewNote };
}

/** What the review of a summary found: explanations, carried ones and acknowledged queries (src/core/review). */
export interface ReviewSummary {
  /** Flagged variances, and how many of them are explained for this reporting date (carried ones are not). */
  flagged: number;
  explained: number;
  carried: number;
  /** Warnings acknowledged as known data queries. */
  acknowledged: number;
  /** Issues by severity, acknowledged ones left out: what is still to fix or answer. */
  openIssueCounts: Record<Severity, number>;
  /** The notes sheet the notes were read from, or null when there is none. */
  notesSheet: string | null;
}

export interface EhcpMonthRow {
  month: string;
  fundedEhcps: number | null;
  changeVsLastYear: number | null;
  shareOf0to25: number | null;
  gapToStatNeighbours: number | null;
}

export interface InmssMonthRow {
  month: string;
  share: number | null;
  gapToStatNeighbours: number | null;
  placed: number | null;
  changeVsLastYear: number | null;
}

/** Thresholds and settings in force for this summary (tracker values, overridden by saved pane settings). */
export interface EffectiveSettings {
  riskThreshold: number;
  /** Score bands, highest first: a score >= min is in that band. */
  riskBands: { name: string; min: number }[];
  stalenessLimitDays: number;
  /** Finance data older than this many days at the reporting date are flagged stale (optional: added later). */
  financeStalenessLimitDays?: number;
  kpiTolerances: Record<KpiId, number>;
  twentyWeekVariant: "including_exceptions" | "excluding_exceptions";
  ceasedIncludeTransfers: boolean;
}

/** A measure the outlook projects to the financial year end (docs/metrics.md, "Outlook to the year end"). */
export type OutlookMeasureId = "ehcp_count" | "inmss_share";

/** The projection of one measure: the latest value carried on at the recent average monthly change. */
export interface OutlookProjection {
  /** Latest month with a value ("YYYY-MM") and that value: where the projection starts. */
  fromMonth: string;
  fromValue: number;
  /** Calendar months from fromMonth to the year end (0 when the latest month is the year end). */
  monthsToYearEnd: number;
  /** Mean of the last 6 monthly changes. */
  averageMonthlyChange: number;
  /** Monthly changes the low and high come from (up to 12: the last twelve months). */
  rangeMonths: number;
  lowestMonthlyChange: number;
  highestMonthlyChange: number;
  /** Year-end value at the average, the lowest and the highest monthly change (counts in whole plans). */
  projected: number;
  low: number;
  high: number;
}

/** The trajectory's figure for the year end and where it came from. */
export interface OutlookTrajectory {
  value: number;
  /** "tracker": the month is on the sheet; "extended": the forecast ends earlier and is carried on at its own
   * recent rate; "kpi_target": the tracker has no monthly trajectory, so the KPI target stands for the year end. */
  basis: "tracker" | "extended" | "kpi_target";
  /** "Forecast trajectory", or the KPI's target label. */
  label: string;
  /** For "extended": the last month the tracker's forecast has a figure, carried on from there. Otherwise null. */
  carriedFrom: string | null;
  /** How the year-end figure was found, in one sentence. */
  note: string;
  sources: SourceRef[];
}

export interface OutlookMeasure {
  id: OutlookMeasureId;
  /** "Funded EHCPs", "INMSS share (12-month rolling average)". */
  label: string;
  unit: "count" | "share";
  polarity: Polarity;
  /** The KPI's tolerance: a year-end gap within it is on target. */
  tolerance: number;
  projection: OutlookProjection | null;
  trajectory: OutlookTrajectory | null;
  /** projected - trajectory at the year end. */
  gapAtYearEnd: number | null;
  status: KpiStatus | null;
  /** (trajectory - latest value) / months left: the steady monthly change that lands on the trajectory. */
  neededMonthlyChange: number | null;
  /** The projection and its gap to the trajectory in one sentence, and the change needed against the recent one. */
  projectionText: string;
  neededText: string;
  /** Why a part is missing (no projection, no trajectory), one line each; empty when all is there. */
  reasons: string[];
  /** Cells the projection and the trajectory came from. */
  sources: SourceRef[];
}

export interface Outlook {
  /** The March that ends the financial year ("YYYY-MM"), or null when it cannot be told. */
  yearEnd: string | null;
  /** Where the year end came from: "Financial year 2024/25 (Settings)". */
  yearEndBasis: string;
  /** The method in one sentence, as the page states it. */
  method: string;
  measures: OutlookMeasure[];
}

/** The cost of the demand gap: plans above the trajectory priced at the average cost per EHCP. An indication. */
export interface DemandCost {
  /** "An indication: ..." as the page labels it. */
  label: string;
  plansAboveTrajectory: number;
  /** The EHCP KPI's actual and target ("Forecast to date") the gap is from, and the date it is as at. */
  actual: number;
  trajectory: number;
  trajectoryLabel: string;
  plansAsAt: string | null;
  averageCostPerEhcp: number;
  /** Finance period of the average cost ("Q2 2024/25") and its end date. */
  averageCostPeriod: string;
  averageCostAsAt: string | null;
  /** plansAboveTrajectory x averageCostPerEhcp, pounds a year. */
  cost: number;
  /** cost rounded to roundingStep pounds (100000: the nearest £0.1m), the figure the words use. */
  roundedCost: number;
  roundingStep: number;
  /** The HNB overspend KPI's variance against its goal (pounds), its finance basis and date; null when missing. */
  overspendAboveGoal: number | null;
  overspendBasis: string;
  overspendAsAt: string | null;
  /** cost / overspendAboveGoal, when the overspend is above its goal. */
  shareOfOverspend: number | null;
  /** Whether cost and overspendAboveGoal round to the same roundingStep. Null without the overspend. */
  agreesWithOverspend: boolean | null;
  sentence: string;
  sources: SourceRef[];
}

/** Plain sentences drafted from the figures, offered to the programme lead; never replaces their narrative. */
export interface DraftNarrative {
  paragraphs: string[];
  /** The paragraphs joined by blank lines, ready to paste into the tracker's narrative. */
  text: string;
  /** What the draft is and is not, as the page and the pane label it. */
  note: string;
}

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
}

export interface PortfolioSummary {
  schemaVersion: 1;
  /** ISO date-time the summary was produced. */
  generatedAt: string;
  source: { workbookName: string };
  programme: {
    name: string;
    council: string;
    /** "YYYY-MM-DD" */
    reportingDate: string | null;
    /**
     * "data" when the Settings sheet gives no usable reporting date and `reportingDate` is the latest date in the
     * tracker's data (with a reporting_date_from_data warning). Absent when the date is the one typed.
     */
    reportingDateSource?: "data";
    financialYear: string;
    financeBasis: string;
  };
  overallRag: {
    /** What the page shows: the lead's own RAG where set, otherwise the computed one. */
    value: RagGrade | null;
    computed: RagGrade | null;
    override: RagGrade | null;
    /** The lead's RAG text as typed ("Amber/Red - At Risk"). */
    overrideText: string;
    differs: boolean;
    /** How the computed RAG was reached, one line a step. */
    reasons: string[];
    narrative: string;
  };
  kpis: Kpi[];
  freshness: FreshnessLine[];
  workstreamStatus: WorkstreamStatusRow[];
  riskThreshold: number;
  keyRisks: KeyRisk[];
  programmes: ProgrammeSection[];
  ehcpMonthly: EhcpMonthRow[];
  inmssMonthly: InmssMonthRow[];
  specialSchoolPlaces: {
    shortfall: number | null;
    shortfallCost: number | null;
    delivered: number | null;
    filled: number | null;
    required: number | null;
    costPerPlace: number | null;
  };
  charts: ChartData[];
  variances: FlaggedVariance[];
  settings: EffectiveSettings;
  /** Metric definitions for the page's definitions block. */
  definitions: { term: string; definition: string }[];
  /** Where each trajectory measure ends the financial year on current trends (optional: added later). */
  outlook?: Outlook;
  /** The cost of the demand gap beside the overspend above its goal; null when an input is missing. */
  demandCost?: DemandCost | null;
  /** A narrative drafted from the figures for the lead to copy (optional: added later). */
  draftNarrative?: DraftNarrative;
  /** What changed since the last report (optional: added later). */
  sinceLastReport?: SinceLastReport;
  /** The recorded history: the trend of the last reports and this refresh's record (optional: added later). */
  history?: SummaryHistory;
  /** Parts of the summary that could not be computed, and why. */
  notComputed: { section: string; reason: string }[];
  issues: Issue[];
  /** Counts of issues by severity (every issue found, acknowledged ones included; see `review`). */
  issueCounts: Record<Severity, number>;
  /** Explanations and acknowledged queries (optional: added later). */
  review?: ReviewSummary;
}
