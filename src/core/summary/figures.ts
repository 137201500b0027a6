// The key figures programme sections show, one builder each: a headline number with its unit and, where it helps,
// a note saying what it rests on.
import { formatMonth } from "../format";
import type { Figure } from "../model";
import { latestCeasedRollingAverage } from "../metrics/ceased";
import { hnbOverspend, inYearNetPosition } from "../metrics/finance";
import { latestMonth, valueAt } from "../metrics/series";
import { decisionsRateSeries, plansIssuedRateSeries } from "../metrics/timeliness";
import type { SummaryContext } from "./context";

export type FigureId =
  | "places_delivered"
  | "places_filled"
  | "places_shortfall"
  | "shortfall_cost"
  | "ceased_rolling_average"
  | "hnb_overspend"
  | "in_year_net_position"
  | "average_cost_per_ehcp"
  | "decisions_within_20_weeks"
  | "plans_issued_within_20_weeks";

/** A figure with a note only where there is something to say. */
const withNote = (figure: Figure, note: string | null | undefined): Figure =>
  note ? { ...figure, note } : figure;

/** The latest month of a monthly rate and its value there, with "Month Dec-24" as the note. */
function latestRate(id: FigureId, label: string, series: Map<string, number | null>): Figure {
  const month = latestMonth(series);
  return withNote(
    { id, label, value: valueAt(series, month), unit: "share" },
    month ? `Month ${formatMonth(month)}` : null,
  );
}

export const FIGURES: Record<FigureId, (ctx: SummaryContext) => Figure> = {
  places_delivered: (ctx) => ({
    id: "places_delivered",
    label: "New Special School Places (running total)",
    value: ctx.places?.delivered ?? null,
    unit: "count",
  }),
  places_filled: (ctx) => ({
    id: "places_filled",
    label: "Special School Places Filled",
    value: ctx.places?.filled ?? null,
    unit: "count",
  }),
  places_shortfall: (ctx) => ({
    id: "places_shortfall",
    label: "Special School Places Shortfall",
    value: ctx.places?.shortfall ?? null,
    unit: "count",
  }),
  shortfall_cost: (ctx) => {
    const p = ctx.places;
    return withNote(
      {
        id: "shortfall_cost",
        label: "Estimated Cost of Shortfall",
        value: p?.shortfallCost ?? null,
        unit: "money",
      },
      p?.costPerPlace
        ? `${p.shortfall ?? 0} places at £${p.costPerPlace.toLocaleString("en-GB")} a place.`
        : null,
    );
  },
  ceased_rolling_average: (ctx) => {
    const latest = latestCeasedRollingAverage(ctx.monthly);
    return withNote(
      {
        id: "ceased_rolling_average",
        label: "EHCPs ceased a month (12-month rolling average)",
        value: latest.value,
        unit: "count",
      },
      latest.month ? `12 months to ${latest.month}` : null,
    );
  },
  hnb_overspend: (ctx) => ({
    id: "hnb_overspend",
    label: "HNB overspend (forecast outturn - budget)",
    value: ctx.finance.latest ? hnbOverspend(ctx.finance.latest) : null,
    unit: "money",
  }),
  in_year_net_position: (ctx) => {
    const net = ctx.finance.latest ? inYearNetPosition(ctx.finance.latest) : null;
    return withNote(
      {
        id: "in_year_net_position",
        label: "In-year net position HNB",
        value: net?.value ?? null,
        unit: "money",
      },
      net && !net.typed && net.value !== null
        ? "Budget minus forecast outturn (no net position typed)"
        : null,
    );
  },
  average_cost_per_ehcp: (ctx) => ({
    id: "average_cost_per_ehcp",
    label: "Average cost per EHCP",
    value: [...ctx.finance.averageCosts].reverse().find((v) => v !== null) ?? null,
    unit: "money",
  }),
  decisions_within_20_weeks: (ctx) =>
    latestRate(
      "decisions_within_20_weeks",
      `Decisions made within 20 weeks (${ctx.variantText})`,
      decisionsRateSeries(ctx.monthly),
    ),
  plans_issued_within_20_weeks: (ctx) =>
    latestRate(
      "plans_issued_within_20_weeks",
      `EHC plans issued within 20 weeks (${ctx.variantText})`,
      plansIssuedRateSeries(ctx.monthly),
    ),
};
