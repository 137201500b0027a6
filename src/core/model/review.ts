// The summary model, the review: flagged variances with their explanations, and the notes and queries counted.
import type { ReviewNote, Severity, SourceRef } from "./issues";
import type { KpiStatus, KpiUnit } from "./kpis";

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
