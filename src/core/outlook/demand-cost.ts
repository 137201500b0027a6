// The cost of the demand gap: plans above the trajectory times the average cost per EHCP, set beside the HNB
// overspend above its goal. An indication, not an accounting figure: it assumes each extra plan costs the average.
// Both inputs are stated with their dates; when either is missing the cost is not given, and the reason says which.
import { formatDate, formatMoneyMillions, formatPounds, formatShare } from "../format";
import type { DemandCost, Kpi, SourceRef } from "../model";
import { plural } from "../wording";

/** The words round the cost to this many pounds, "to the nearest £0.1m". */
export const DEMAND_COST_ROUNDING = 100_000;

const DEMAND_COST_LABEL =
  "An indication: plans above the trajectory x the average cost per EHCP, which assumes each extra plan costs the average.";

export interface AverageCostInput {
  value: number | null;
  /** "Q2 2024/25" */
  period: string | null;
  /** "YYYY-MM-DD" */
  periodEnd: string | null;
  sources: SourceRef[];
}

export interface DemandCostInputs {
  /** The `ehcp_count` KPI: its variance is the plans above the trajectory. */
  ehcpKpi: Kpi | undefined;
  /** The latest finance period's average cost per EHCP, null when no period has one. */
  averageCost: AverageCostInput | null;
  /** Why there is no average cost, when there is none ("The tracker has no HNB Finance sheet ..."). */
  averageCostMissing: string;
  /** The `hnb_overspend` KPI: its variance is the overspend above the goal. */
  overspendKpi: Kpi | undefined;
  /** "Q2 Forecast" */
  financeBasis: string;
}

/** £15,029,708 -> "£15.0m": the cost as the words give it. */
const roundedMillions = (pounds: number) =>
  `£${(Math.round(pounds / DEMAND_COST_ROUNDING) / 10).toFixed(1)}m`;

const rounded = (pounds: number) => Math.round(pounds / DEMAND_COST_ROUNDING) * DEMAND_COST_ROUNDING;

/** The cost of the demand gap, or null and the one-line reason it cannot be given. */
export function demandGapCost(
  inputs: DemandCostInputs,
): { demandCost: DemandCost; reason: null } | { demandCost: null; reason: string } {
  const kpi = inputs.ehcpKpi;
  if (!kpi || kpi.variance === null || kpi.actual === null || kpi.target === null)
    return {
      demandCost: null,
      reason:
        "The number of EHCPs has no variance against its forecast (the actual or the forecast is missing), so there is no demand gap to cost.",
    };
  const plans = kpi.variance;
  if (plans <= 0)
    return {
      demandCost: null,
      reason:
        plans === 0
          ? "The number of EHCPs is exactly on its forecast, so there is no demand gap to cost."
          : `The number of EHCPs is ${Math.abs(plans).toLocaleString("en-GB")} below its forecast, so there is no demand gap to cost.`,
    };
  const average = inputs.averageCost;
  if (!average || average.value === null) return { demandCost: null, reason: inputs.averageCostMissing };
  if (!(average.value > 0))
    return {
      demandCost: null,
      reason: `The average cost per EHCP for ${average.period ?? "the latest finance period"} is ${formatPounds(average.value)}, so the demand gap cannot be costed from it.`,
    };

  const cost = plans * average.value;
  const overspend = inputs.overspendKpi?.variance ?? null;
  const overspendAsAt = inputs.overspendKpi?.asAt ?? null;
  const basis = inputs.financeBasis.trim();
  const shareOfOverspend = overspend !== null && overspend > 0 ? cost / overspend : null;
  const agrees = overspend === null ? null : rounded(cost) === rounded(overspend);
  const period =
    average.period ?? (average.periodEnd ? `the period to ${formatDate(average.periodEnd)}` : "");

  // One sentence with both inputs and their dates, the one the pane and the drafted narrative use.
  const basisText = basis ? ` (${basis})` : "";
  const comparison =
    overspend === null
      ? "; the HNB overspend against its goal is not available"
      : overspend <= 0
        ? `; the HNB overspend is ${overspend === 0 ? "on" : `${formatMoneyMillions(-overspend)} below`} its goal${basisText}`
        : `, ${agrees ? "in line with" : `about ${formatShare(shareOfOverspend ?? 0, 0)} of`} the HNB overspend of ${formatMoneyMillions(overspend)} above the goal${basisText}`;
  const sentence =
    `The ${plural(plans, "plan", "plans", { grouped: true })} above the trajectory` +
    `${kpi.asAt ? ` (as at ${formatDate(kpi.asAt)})` : ""}, at the average cost of ${formatPounds(average.value)} a plan` +
    `${period ? ` (${period})` : ""}, ${plans === 1 ? "comes" : "come"} to about ${roundedMillions(cost)} a year${comparison}.`;

  return {
    demandCost: {
      label: DEMAND_COST_LABEL,
      plansAboveTrajectory: plans,
      actual: kpi.actual,
      trajectory: kpi.target,
      trajectoryLabel: kpi.targetLabel,
      plansAsAt: kpi.asAt,
      averageCostPerEhcp: average.value,
      averageCostPeriod: period,
      averageCostAsAt: average.periodEnd,
      cost,
      roundedCost: rounded(cost),
      roundingStep: DEMAND_COST_ROUNDING,
      overspendAboveGoal: overspend,
      overspendBasis: basis,
      overspendAsAt,
      shareOfOverspend,
      agreesWithOverspend: agrees,
      sentence,
      sources: [...kpi.sources, ...average.sources, ...(inputs.overspendKpi?.sources ?? [])],
    },
    reason: null,
  };
}
