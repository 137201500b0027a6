// The summary model, its headline figures: the KPIs, the freshness lines, the monthly EHCP and INMSS series, and
// the settings in force.
import type { SourceRef } from "./issues";

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
