// The tracker as typed rows: what the reader makes of a raw workbook, before any metric is computed.
// Every row keeps the A1 address of its cells so that metrics and validation can point back at them.
import type { KpiId, KpiUnit, MilestoneStatus, Polarity, RagValue, SourceRef } from "./model";

/** A parsed value with the cell it came from. `value` is null when the cell was empty or unusable. */
export interface Cell<T> {
  value: T | null;
  ref: SourceRef;
  /**
   * Decimal places the cell displays (for shares: digits after the point in percent, "5.85%" -> 2), where known.
   * Lets validation compare a typed figure with its recomputation at the precision the council sees.
   */
  displayDecimals?: number;
}

export interface ProgrammeSettings {
  programmeName: Cell<string>;
  council: Cell<string>;
  /** "YYYY-MM-DD" */
  reportingDate: Cell<string>;
  /** "YYYY-MM-DD" */
  sendDataRefreshed: Cell<string>;
  /** "YYYY-MM-DD" */
  financeDataAsAt: Cell<string>;
  /** "Q2 Forecast" */
  financeBasis: Cell<string>;
  /** "2024/25" */
  financialYear: Cell<string>;
  overallRag: Cell<RagValue>;
  ragNarrative: Cell<string>;
  riskThreshold: Cell<number>;
  /** Score bands, highest first. */
  riskBands: Cell<{ name: string; min: number }[]>;
  sendStalenessDays: Cell<number>;
  financeStalenessDays: Cell<number>;
  twentyWeekVariant: Cell<"including_exceptions" | "excluding_exceptions">;
  populationAgeBand: Cell<string>;
  ceasedIncludeTransfers: Cell<boolean>;
}

export interface KpiRow {
  id: KpiId;
  label: Cell<string>;
  target: Cell<number>;
  targetLabel: Cell<string>;
  polarity: Cell<Polarity>;
  unit: Cell<KpiUnit>;
  tolerance: Cell<number>;
  /** Typed actual, used where it cannot be derived or is more recent than the data. */
  actual: Cell<number>;
  /** "YYYY-MM-DD" the typed actual is as at. */
  actualAsAt: Cell<string>;
  row: number;
}

export interface MonthlyRow {
  /** "YYYY-MM" */
  month: Cell<string>;
  fundedEhcps: Cell<number>;
  forecastEhcps: Cell<number>;
  population0to25: Cell<number>;
  statNeighbourEhcpShare: Cell<number>;
  placedInInmss: Cell<number>;
  statNeighbourInmssShare: Cell<number>;
  plansCeased: Cell<number>;
  ehcnaRequests: Cell<number>;
  decisionsWithin20Weeks: Cell<number>;
  decisionsTotal: Cell<number>;
  plansIssuedWithin20Weeks: Cell<number>;
  plansIssuedTotal: Cell<number>;
  /** Council's own typed shares, cross-checked against our recomputation. */
  typedEhcpShare: Cell<number>;
  typedInmssShare: Cell<number>;
  /** 1-based sheet row. */
  row: number;
}

export interface FinanceRow {
  /** Period label as typed ("Q2 2024/25", "Sep-24"). */
  period: Cell<string>;
  /** Last day of the period, "YYYY-MM-DD". */
  periodEnd: Cell<string>;
  budget: Cell<number>;
  forecastOutturn: Cell<number>;
  inYearNetPosition: Cell<number>;
  goalOverspend: Cell<number>;
  spendForAverageCost: Cell<number>;
  row: number;
}

export interface PlacesRow {
  /** "YYYY-MM" */
  month: Cell<string>;
  delivered: Cell<number>;
  filled: Cell<number>;
  required: Cell<number>;
  costPerPlace: Cell<number>;
  row: number;
}

export interface ProgrammeRow {
  number: Cell<number>;
  name: Cell<string>;
  note: Cell<string>;
  row: number;
}

export interface WorkstreamRow {
  programme: Cell<number>;
  name: Cell<string>;
  rag: Cell<RagValue>;
  lead: Cell<string>;
  commentary: Cell<string>;
  row: number;
}

export interface MilestoneRow {
  programme: Cell<number>;
  workstream: Cell<string>;
  milestone: Cell<string>;
  /** "YYYY-MM-DD" */
  dueDate: Cell<string>;
  status: Cell<MilestoneStatus>;
  completedDate: Cell<string>;
  row: number;
}

export interface RiskRow {
  id: Cell<string>;
  title: Cell<string>;
  consequence: Cell<string>;
  owner: Cell<string>;
  impact: Cell<number>;
  likelihood: Cell<number>;
  typedScore: Cell<number>;
  action: Cell<string>;
  status: Cell<"open" | "closed">;
  /** "YYYY-MM-DD" */
  reviewDate: Cell<string>;
  row: number;
}

export type SectionId =
  | "settings"
  | "kpis"
  | "monthly"
  | "finance"
  | "places"
  | "programmes"
  | "workstreams"
  | "milestones"
  | "risks";

export interface Tracker {
  settings: ProgrammeSettings;
  kpis: KpiRow[];
  monthly: MonthlyRow[];
  finance: FinanceRow[];
  places: PlacesRow[];
  programmes: ProgrammeRow[];
  workstreams: WorkstreamRow[];
  milestones: MilestoneRow[];
  risks: RiskRow[];
  /** Sections that were found in the workbook (a missing optional section is simply empty). */
  found: Record<SectionId, boolean>;
  /** Actual sheet name used for each section found. */
  sheetNames: Partial<Record<SectionId, string>>;
  /**
   * Parts of the summary the reader already knows cannot be computed (a required field a column mapping leaves
   * out), passed on to summary.notComputed. Absent when there are none.
   */
  notComputed?: { section: string; reason: string }[];
}
