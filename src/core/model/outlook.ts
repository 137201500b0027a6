// The summary model, looking ahead: the outlook to the financial year end, the cost of the demand gap and the
// draft narrative.
import type { SourceRef } from "./issues";
import type { KpiStatus, Polarity } from "./kpis";

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
