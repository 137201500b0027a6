// The summary model, what the page draws: display units, tables of metrics, charts, figures and a programme's
// section.
import type { MilestoneCounts, Workstream } from "./workstreams";

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
