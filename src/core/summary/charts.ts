// The nine charts of the summary, one entry each: id, title, kind, axes and unit, and how its categories and series
// are built. The page lays them out where their programme (or the overview) shows them; a chart with nothing to
// draw carries the reason in `emptyReason`.
import { RAG_SCALE, type ChartData, type ChartId, type ChartKind, type DisplayUnit } from "../model";
import { ceasedRollingSeries } from "../metrics/ceased";
import { inmssShareSeries } from "../metrics/inmss";
import { emptyMilestoneCounts } from "../metrics/milestones";
import { monthlySeries } from "../metrics/monthly";
import { placesInOrder } from "../metrics/places";
import {
  latestMonth,
  mapSeries,
  monthFromIndex,
  monthIndex,
  rollingAverage,
  valueAt,
  type MonthlySeries,
} from "../metrics/series";
import { inYearNetPosition } from "../metrics/finance";
import { decisionsRateSeries, plansIssuedRateSeries } from "../metrics/timeliness";
import type { SummaryContext } from "./context";

/** Monthly charts show at most this many months, ending at the latest: two years reads well on one page. */
const CHART_MONTHS = 24;

type Series = ChartData["series"];
type Built = { categories: string[]; series: Series; emptyReason?: string };

export interface ChartDefinition {
  id: ChartId;
  title: string | ((ctx: SummaryContext) => string);
  kind: ChartKind;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueUnit: DisplayUnit;
  build(ctx: SummaryContext): Built;
}

/** Categories for a monthly chart: the last CHART_MONTHS calendar months ending at the latest month with a value. */
function chartMonths(series: MonthlySeries[], trimLeadingEmpty: boolean): string[] {
  const latestIdx = series
    .map((s) => latestMonth(s))
    .filter((m): m is string => m !== null)
    .map((m) => monthIndex(m) as number);
  if (latestIdx.length === 0) return [];
  const end = Math.max(...latestIdx);
  let months: string[] = [];
  for (let i = end - CHART_MONTHS + 1; i <= end; i++) months.push(monthFromIndex(i));
  const hasAny = (m: string) => series.some((s) => valueAt(s, m) !== null);
  // Drop months before the first value so a chart does not open on a run of empty months.
  const first = months.findIndex(hasAny);
  months = first < 0 ? [] : months.slice(first);
  if (trimLeadingEmpty) {
    const firstOfFirst = months.findIndex((m) => valueAt(series[0], m) !== null);
    months = firstOfFirst < 0 ? [] : months.slice(firstOfFirst);
  }
  return months;
}

/** A chart by month: its categories are the months the series have, empty (with the reason) when none has any. */
function byMonth(
  series: { name: string; values: MonthlySeries }[],
  emptyReason: string,
  trimLeadingEmpty = false,
): Built {
  const months = chartMonths(
    series.map((s) => s.values),
    trimLeadingEmpty,
  );
  const built: Built = {
    categories: months,
    series: series.map((s) => ({ name: s.name, values: months.map((m) => valueAt(s.values, m)) })),
  };
  if (months.length === 0) built.emptyReason = emptyReason;
  return built;
}

/** A series restricted to the months where a rolling average exists (null until 12 consecutive months). */
function rolling(series: MonthlySeries): Map<string, number | null> {
  return mapSeries(series, (_v, m) => rollingAverage(series, m, 12));
}

/** Categories and series, with the reason when the tracker has nothing for the chart. */
const given = (categories: string[], series: Series, empty: string | false): Built =>
  empty ? { categories, series, emptyReason: empty } : { categories, series };

const programmeCategories = (ctx: SummaryContext) => ctx.programmes.map((p) => `${p.number} - ${p.name}`);

const CHARTS: readonly ChartDefinition[] = [
  {
    id: "workstream_rag",
    title: "Workstream status by programme",
    kind: "stacked_bar",
    categoryAxisTitle: "Programme",
    valueAxisTitle: "Workstreams",
    valueUnit: "count",
    build: (ctx) => {
      const rows = ctx.workstreamStatus;
      return given(
        programmeCategories(ctx),
        [
          ...RAG_SCALE.map((g) => ({ name: g, values: rows.map((w) => w.counts[g]) })),
          ...(rows.some((w) => w.unknown > 0)
            ? [{ name: "RAG not recognised", values: rows.map((w) => w.unknown) }]
            : []),
        ],
        ctx.tracker.workstreams.length === 0 && "The tracker lists no workstreams.",
      );
    },
  },
  {
    id: "ehcp_trajectory",
    title: "Funded EHCPs against the forecast trajectory",
    kind: "line",
    categoryAxisTitle: "Month",
    valueAxisTitle: "Funded EHCPs",
    valueUnit: "count",
    build: (ctx) =>
      byMonth(
        [
          { name: "Funded EHCPs", values: monthlySeries(ctx.monthly, "fundedEhcps") },
          { name: "Forecast trajectory", values: monthlySeries(ctx.monthly, "forecastEhcps") },
        ],
        `The ${ctx.sheets.monthly} sheet has no funded EHCP counts.`,
      ),
  },
  {
    id: "inmss_share",
    title: "Children with an EHCP in independent special schools (12-month rolling average)",
    kind: "line",
    categoryAxisTitle: "Month",
    valueAxisTitle: "Share of funded EHCPs",
    valueUnit: "share",
    build: (ctx) =>
      byMonth(
        [
          { name: "INMSS share (12-month rolling average)", values: rolling(inmssShareSeries(ctx.monthly)) },
          { name: "Statistical neighbours", values: monthlySeries(ctx.monthly, "statNeighbourInmssShare") },
        ],
        `The 12-month rolling average needs 12 consecutive months of 'Placed in INMSS' and funded EHCPs on the ${ctx.sheets.monthly} sheet.`,
        true,
      ),
  },
  {
    id: "special_school_places",
    title: "New special school places (running total)",
    kind: "column",
    categoryAxisTitle: "Month",
    valueAxisTitle: "Places",
    valueUnit: "count",
    build: (ctx) => {
      const rows = placesInOrder(ctx.tracker.places).filter((r) => r.month.value !== null);
      return given(
        rows.map((r) => r.month.value as string),
        [
          { name: "Places delivered", values: rows.map((r) => r.delivered.value) },
          { name: "Places filled", values: rows.map((r) => r.filled.value) },
        ],
        rows.length === 0 && "The tracker has no special school places by month.",
      );
    },
  },
  {
    id: "ceased_plans",
    title: (ctx) =>
      `EHCPs ceased (12-month rolling average, transfers ${ctx.settings.ceasedIncludeTransfers ? "included" : "excluded"})`,
    kind: "line",
    categoryAxisTitle: "Month",
    valueAxisTitle: "Plans ceased a month",
    valueUnit: "count",
    build: (ctx) =>
      byMonth(
        [{ name: "Plans ceased (12-month rolling average)", values: ceasedRollingSeries(ctx.monthly) }],
        `The 12-month rolling average needs 12 consecutive months of 'Plans ceased' on the ${ctx.sheets.monthly} sheet.`,
        true,
      ),
  },
  {
    id: "hnb_net_position",
    title: "In-year net position, High Needs Block",
    kind: "column",
    categoryAxisTitle: "Finance period",
    valueAxisTitle: "Net position (£)",
    valueUnit: "money",
    build: (ctx) => {
      const values = ctx.finance.rows.map((r) => inYearNetPosition(r).value);
      return given(
        ctx.finance.labels,
        [{ name: "In-year net position", values }],
        values.every((v) => v === null) &&
          `The ${ctx.sheets.finance} sheet has no periods with a net position or a budget and outturn.`,
      );
    },
  },
  {
    id: "average_cost_per_ehcp",
    title: "Average cost per EHCP",
    kind: "column",
    categoryAxisTitle: "Finance period",
    valueAxisTitle: "Cost per EHCP (£)",
    valueUnit: "money",
    build: (ctx) =>
      given(
        ctx.finance.labels,
        [{ name: "Average cost per EHCP", values: ctx.finance.averageCosts }],
        ctx.finance.averageCosts.every((v) => v === null) &&
          "No finance period has both spend on plans and a funded EHCP count for its last month.",
      ),
  },
  {
    id: "twenty_week_rates",
    title: (ctx) => `EHCNA 20-week rates (${ctx.variantText})`,
    kind: "line",
    categoryAxisTitle: "Month",
    valueAxisTitle: "Made within 20 weeks",
    valueUnit: "share",
    build: (ctx) =>
      byMonth(
        [
          { name: "Decisions made on time", values: decisionsRateSeries(ctx.monthly) },
          { name: "EHC plans issued on time", values: plansIssuedRateSeries(ctx.monthly) },
        ],
        `The ${ctx.sheets.monthly} sheet has no 20-week decision or plan counts.`,
      ),
  },
  {
    id: "milestone_status",
    title: "Status of milestones due",
    kind: "stacked_bar",
    categoryAxisTitle: "Programme",
    valueAxisTitle: "Milestones",
    valueUnit: "count",
    build: (ctx) =>
      given(
        programmeCategories(ctx),
        (
          [
            ["complete", "Complete"],
            ["on_track", "On track"],
            ["at_risk", "At risk"],
            ["overdue", "Overdue"],
          ] as const
        ).map(([k, name]) => ({
          name,
          values: ctx.programmes.map((p) => (ctx.milestoneCounts.get(p.number) ?? emptyMilestoneCounts())[k]),
        })),
        ctx.tracker.milestones.length === 0 && "The tracker lists no milestones.",
      ),
  },
];

/** Every chart of the summary, in the order of CHARTS. */
export function buildCharts(ctx: SummaryContext): ChartData[] {
  return CHARTS.map((def) => {
    const { categories, series, emptyReason } = def.build(ctx);
    return {
      id: def.id,
      title: typeof def.title === "function" ? def.title(ctx) : def.title,
      kind: def.kind,
      categoryAxisTitle: def.categoryAxisTitle,
      valueAxisTitle: def.valueAxisTitle,
      valueUnit: def.valueUnit,
      categories,
      series,
      ...(emptyReason !== undefined ? { emptyReason } : {}),
    };
  });
}
