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
  /** Parts of the summary that could not be computed, and why. */
  notComputed: { section: string; reason: string }[];
  issues: Issue[];
  /** Counts of issues by severity. */
  issueCounts: Record<Severity, number>;
}
