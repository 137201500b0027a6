// The summary model: one plain object holding everything the Portfolio Summary shows.
// Produced by the engine (src/core), read by the sheet layout, the task pane, the CLI and automation (JSON).
// Units in this model: shares and rates are fractions (0.0575), share gaps are fractions too (0.0063 = 0.63 pp),
// money is in pounds (43200000), months are "YYYY-MM", dates are "YYYY-MM-DD".
// The types live by area in src/core/model/ and are all exported from here; PortfolioSummary, the whole, is here.
import type { SinceLastReport, SummaryHistory } from "./model/history";
import type { Issue, RagGrade, Severity } from "./model/issues";
import type { EffectiveSettings, EhcpMonthRow, FreshnessLine, InmssMonthRow, Kpi } from "./model/kpis";
import type { DemandCost, DraftNarrative, Outlook } from "./model/outlook";
import type { FlaggedVariance, ReviewSummary } from "./model/review";
import type { ChartData, ProgrammeSection } from "./model/tables-charts";
import type { KeyRisk, WorkstreamStatusRow } from "./model/workstreams";

export * from "./model/issues";
export * from "./model/kpis";
export * from "./model/workstreams";
export * from "./model/tables-charts";
export * from "./model/review";
export * from "./model/outlook";
export * from "./model/history";

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
