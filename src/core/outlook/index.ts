// The outlook sections of the summary: where each trajectory measure ends the financial year on current trends,
// what the demand gap costs beside the overspend above its goal, and a narrative drafted from the figures.
// One builder from the typed tracker and the KPIs already computed; each part missing an input is left out with
// a one-line reason for `notComputed`, and the rest still stands.
import { formatMonth } from "../format";
import type { DemandCost, DraftNarrative, KeyRisk, Kpi, Outlook, RagGrade, SinceLastReport } from "../model";
import { averageCostPerEhcp, financePeriodsInOrder } from "../metrics/finance";
import { inmssShareSeries } from "../metrics/inmss";
import { hasColumn, monthlyRef, monthlySeries } from "../metrics/monthly";
import { addMonths, latestMonth, mapSeries, rollingAverage } from "../metrics/series";
import type { Tracker } from "../tracker";
import { demandGapCost, type AverageCostInput } from "./demand-cost";
import { clip, measureOutlook, type MeasureInput } from "./measures";
import { draftNarrative } from "./narrative";
import { financialYearEnd, RANGE_MONTHS, TREND_MONTHS, yearEndOfMonth } from "./projection";

export { QUOTE_LIMIT, clip } from "./measures";

const OUTLOOK_METHOD =
  `Each measure is carried on from its latest month at its average monthly change of the last ${TREND_MONTHS} months; ` +
  `low and high at the smallest and largest monthly change of the last ${RANGE_MONTHS}. None with fewer than ` +
  `${TREND_MONTHS} monthly changes. A projection of recent trends, not a forecast.`;

export interface OutlookSections {
  outlook: Outlook;
  demandCost: DemandCost | null;
  draftNarrative: DraftNarrative;
  notComputed: { section: string; reason: string }[];
}

export interface OutlookInputs {
  tracker: Tracker;
  kpis: readonly Kpi[];
  keyRisks: readonly KeyRisk[];
  riskThreshold: number;
  overallRag: RagGrade | null;
  programmeName: string;
  /** What changed since the last report, for the draft's paragraph on it (none without a baseline). */
  sinceLastReport?: SinceLastReport | null;
}

/** A range of one column's cells from `first` to `last` month, for sources. */
function span(
  tracker: Tracker,
  field: "fundedEhcps" | "placedInInmss",
  first: string | null,
  last: string | null,
) {
  const a = monthlyRef(tracker.monthly, first, field);
  const b = monthlyRef(tracker.monthly, last, field);
  if (!a || !b) return a ?? b;
  return a.cell === b.cell ? a : { sheet: a.sheet, cell: `${a.cell}:${b.cell}` };
}

/** The latest finance period's average cost per EHCP, with its period and cells. */
function latestAverageCost(tracker: Tracker): AverageCostInput | null {
  const rows = financePeriodsInOrder(tracker.finance);
  for (let i = rows.length - 1; i >= 0; i--) {
    const value = averageCostPerEhcp(rows[i], tracker.monthly);
    if (value === null) continue;
    const end = rows[i].periodEnd.value;
    const period = rows[i].period.value;
    const funded = end ? monthlyRef(tracker.monthly, end.slice(0, 7), "fundedEhcps") : null;
    return {
      value,
      period: period === null ? null : clip(period),
      periodEnd: end,
      sources: [rows[i].spendForAverageCost.ref, ...(funded ? [funded] : [])],
    };
  }
  return null;
}

function measureInputs(tracker: Tracker, kpis: readonly Kpi[]): MeasureInput[] {
  const monthlySheet = tracker.sheetNames.monthly ?? "SEND Monthly";
  const kpi = (id: string) => kpis.find((k) => k.id === id);
  const funded = monthlySeries(tracker.monthly, "fundedEhcps");
  const latestFunded = latestMonth(funded);
  const ehcpKpi = kpi("ehcp_count");
  const fundedSource = span(
    tracker,
    "fundedEhcps",
    latestFunded && addMonths(latestFunded, -RANGE_MONTHS),
    latestFunded,
  );
  const ehcp: MeasureInput = {
    id: "ehcp_count",
    label: "Funded EHCPs",
    unit: "count",
    polarity: ehcpKpi?.polarity ?? "higher_is_worse",
    tolerance: ehcpKpi?.tolerance ?? 0,
    actual: funded,
    actualWhat: `funded EHCPs on the ${monthlySheet} sheet`,
    subject: "funded EHCPs",
    shortSubject: "the count",
    trajectory: hasColumn(tracker.monthly, "forecastEhcps")
      ? {
          kind: "series",
          series: monthlySeries(tracker.monthly, "forecastEhcps"),
          what: `the forecast on the ${monthlySheet} sheet`,
          label: "Forecast trajectory",
          sourceAt: (m) => monthlyRef(tracker.monthly, m, "forecastEhcps"),
        }
      : {
          kind: "none",
          reason: `The ${monthlySheet} sheet has no 'Forecast EHCPs' figures, so the projection cannot be set beside a trajectory.`,
        },
    sources: fundedSource ? [fundedSource] : [],
  };

  const shares = inmssShareSeries(tracker.monthly);
  const rolling = mapSeries(shares, (_v, m) => rollingAverage(shares, m, 12));
  const latestRolling = latestMonth(rolling);
  const inmssKpi = kpi("inmss_share");
  const inmssRow = tracker.kpis.find((r) => r.id === "inmss_share");
  const placedSource = span(
    tracker,
    "placedInInmss",
    latestRolling && addMonths(latestRolling, -(RANGE_MONTHS + 11)),
    latestRolling,
  );
  const inmss: MeasureInput = {
    id: "inmss_share",
    label: "INMSS share (12-month rolling average)",
    unit: "share",
    polarity: inmssKpi?.polarity ?? "higher_is_worse",
    tolerance: inmssKpi?.tolerance ?? 0,
    actual: rolling,
    actualWhat: `12-month rolling averages of the INMSS share (placed in INMSS / funded EHCPs on the ${monthlySheet} sheet)`,
    subject: "the INMSS share (12-month rolling average)",
    shortSubject: "the share",
    trajectory:
      inmssKpi && inmssKpi.target !== null
        ? {
            kind: "target",
            value: inmssKpi.target,
            label: inmssKpi.targetLabel || "Target",
            source: inmssRow && inmssRow.target.value !== null ? inmssRow.target.ref : null,
            note: `The tracker gives no monthly INMSS trajectory, so the KPI's ${(inmssKpi.targetLabel || "target").toLowerCase()} stands for the year end.`,
          }
        : {
            kind: "none",
            reason: `There is no INMSS target on the ${tracker.sheetNames.kpis ?? "KPIs"} sheet, so the projection cannot be set beside one.`,
          },
    sources: placedSource ? [placedSource] : [],
  };
  return [ehcp, inmss];
}

/** The year end the outlook runs to, and where it came from. */
function yearEndOf(tracker: Tracker): { yearEnd: string | null; basis: string } {
  const settingsSheet = tracker.sheetNames.settings ?? "Settings";
  const fy = clip(tracker.settings.financialYear.value?.trim() ?? "");
  const fromSettings = financialYearEnd(fy);
  if (fromSettings) return { yearEnd: fromSettings, basis: `Financial year ${fy} (${settingsSheet} sheet)` };
  const latest = latestMonth(monthlySeries(tracker.monthly, "fundedEhcps"));
  const fromData = latest ? yearEndOfMonth(latest) : null;
  if (fromData)
    return {
      yearEnd: fromData,
      basis: `${fy ? `The financial year '${fy}' on the ${settingsSheet} sheet is not of the form 2024/25` : `The ${settingsSheet} sheet has no financial year`}; the year ending ${formatMonth(fromData)}, which holds the latest month of data, is used.`,
    };
  return {
    yearEnd: null,
    basis: `The ${settingsSheet} sheet has no financial year and there are no months of data to place one.`,
  };
}

/** Builds the outlook, the cost of the demand gap and the drafted narrative. */
export function buildOutlookSections(inputs: OutlookInputs): OutlookSections {
  const { tracker } = inputs;
  // Every tracker text the sentences quote, clipped once here.
  const kpis = inputs.kpis.map((k) => ({ ...k, targetLabel: clip(k.targetLabel) }));
  const financeBasis = clip(tracker.settings.financeBasis.value?.trim() ?? "");
  const notComputed: { section: string; reason: string }[] = [];
  const { yearEnd, basis } = yearEndOf(tracker);
  const measures =
    yearEnd === null ? [] : measureInputs(tracker, kpis).map((m) => measureOutlook(m, yearEnd));
  if (yearEnd === null) notComputed.push({ section: "Outlook to the year end", reason: basis });
  for (const m of measures)
    for (const reason of m.reasons) notComputed.push({ section: `Outlook: ${m.label}`, reason });
  const outlook: Outlook = { yearEnd, yearEndBasis: basis, method: OUTLOOK_METHOD, measures };

  const financeSheet = tracker.sheetNames.finance ?? "HNB Finance";
  const cost = demandGapCost({
    ehcpKpi: kpis.find((k) => k.id === "ehcp_count"),
    averageCost: latestAverageCost(tracker),
    averageCostMissing:
      !tracker.found.finance || tracker.finance.length === 0
        ? `The tracker has no ${financeSheet} periods, so there is no average cost per EHCP to cost the demand gap.`
        : `No ${financeSheet} period has both 'High needs spend for average cost' and a funded EHCP count for the month it ends, so there is no average cost per EHCP to cost the demand gap.`,
    overspendKpi: kpis.find((k) => k.id === "hnb_overspend"),
    financeBasis,
  });
  if (cost.reason) notComputed.push({ section: "Cost of the demand gap", reason: cost.reason });

  const narrative = draftNarrative({
    programmeName: clip(inputs.programmeName),
    overallRag: inputs.overallRag,
    financialYear: clip(tracker.settings.financialYear.value?.trim() ?? ""),
    financeBasis,
    kpis,
    outlook,
    demandCost: cost.demandCost,
    keyRisks: inputs.keyRisks.map((r) => ({ ...r, id: clip(r.id) })),
    riskThreshold: inputs.riskThreshold,
    sinceLastReport: inputs.sinceLastReport,
  });
  return { outlook, demandCost: cost.demandCost, draftNarrative: narrative, notComputed };
}
