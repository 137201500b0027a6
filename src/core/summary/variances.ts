// Flagged variances: every headline KPI off target, then the monthly comparisons a board wants flagged.
import { formatMonth } from "../format";
import { explainVariance } from "../kpis";
import type { FlaggedVariance, Kpi, KpiUnit, Polarity, SourceRef } from "../model";
import { ehcpShareSeries, latestEhcpMonth } from "../metrics/ehcp";
import { monthlyRowFor } from "../metrics/monthly";
import { placesInOrder } from "../metrics/places";
import { valueAt } from "../metrics/series";
import { assessVariance } from "../metrics/variance";
import type { SummaryContext } from "./context";

interface Comparison {
  id: string;
  label: string;
  actual: number | null;
  target: number | null;
  unit: KpiUnit;
  polarity: Polarity;
  tolerance: number;
  /** How the explanation names the quantity and the target ("places", "required"). */
  words: { quantity: string; target: string };
  sources: SourceRef[];
}

/** A comparison as a flagged variance, or null when it is on target or cannot be assessed. */
function flagged(c: Comparison): FlaggedVariance | null {
  const { variance, status } = assessVariance(c.actual, c.target, c.polarity, c.tolerance);
  if (status === null || status === "on_target") return null;
  return {
    id: c.id,
    label: c.label,
    actual: c.actual,
    target: c.target,
    variance,
    unit: c.unit,
    status,
    explanation: explainVariance({ unit: c.unit, words: c.words }, variance, status, c.tolerance, c.polarity),
    sources: c.sources,
  };
}

const NEIGHBOURS = { quantity: "", target: "statistical neighbours" };

/** The comparisons at the latest month, besides the KPIs: shares against the neighbours, places against need. */
function comparisons(ctx: SummaryContext): Comparison[] {
  const monthly = ctx.monthly;
  const latestEhcp = latestEhcpMonth(monthly);
  const ehcpRow = monthlyRowFor(monthly, latestEhcp);
  const inmssLatest = ctx.inmssMonthly[0]?.month ?? null;
  const inmssRow = monthlyRowFor(monthly, inmssLatest);
  const placesRow = placesInOrder(ctx.tracker.places)
    .filter((r) => r.delivered.value !== null)
    .pop();
  const at = (month: string | null) => (month ? ` (${formatMonth(month)})` : "");
  return [
    {
      id: "ehcp_share_vs_stat_neighbours",
      label: `% ${ctx.ageBand} with EHCP against statistical neighbours${at(latestEhcp)}`,
      actual: valueAt(ehcpShareSeries(monthly), latestEhcp),
      target: ehcpRow?.statNeighbourEhcpShare.value ?? null,
      unit: "share",
      polarity: "higher_is_worse",
      tolerance: 0,
      words: NEIGHBOURS,
      sources: ehcpRow
        ? [ehcpRow.fundedEhcps.ref, ehcpRow.population0to25.ref, ehcpRow.statNeighbourEhcpShare.ref]
        : [],
    },
    {
      id: "inmss_share_vs_stat_neighbours",
      label: `% placed in INMSS against statistical neighbours${at(inmssLatest)}`,
      actual: ctx.inmssMonthly[0]?.share ?? null,
      target: inmssRow?.statNeighbourInmssShare.value ?? null,
      unit: "share",
      polarity: "higher_is_worse",
      tolerance: 0,
      words: NEIGHBOURS,
      sources: inmssRow
        ? [inmssRow.placedInInmss.ref, inmssRow.fundedEhcps.ref, inmssRow.statNeighbourInmssShare.ref]
        : [],
    },
    {
      id: "special_school_places",
      label: "New special school places delivered against places required",
      actual: ctx.places?.delivered ?? null,
      target: ctx.places?.required ?? null,
      unit: "count",
      polarity: "higher_is_better",
      tolerance: 0,
      words: { quantity: "places", target: "required" },
      sources: placesRow ? [placesRow.delivered.ref, placesRow.required.ref] : [],
    },
  ];
}

export function flaggedVariances(ctx: SummaryContext, kpis: readonly Kpi[]): FlaggedVariance[] {
  const variances: FlaggedVariance[] = [];
  for (const k of kpis) {
    if (k.status === "adverse" || k.status === "favourable")
      variances.push({
        id: k.id,
        label: k.label,
        actual: k.actual,
        target: k.target,
        variance: k.variance,
        unit: k.unit,
        status: k.status,
        explanation: k.explanation,
        sources: k.sources,
      });
  }
  for (const c of comparisons(ctx)) {
    const v = flagged(c);
    if (v) variances.push(v);
  }
  return variances;
}
