// The three headline KPIs: one typed table (label, target label, polarity, unit, tolerance, derivation) and the
// rule that turns the tracker into KPI tiles. Docs (docs/metrics.md) and tests are checked against this table.
import { formatDate, formatKpiValue } from "./format";
import { makeIssue } from "./issues";
import type { EffectiveSettings, Issue, Kpi, KpiId, KpiStatus, KpiUnit, Polarity, SourceRef } from "./model";
import { latestEhcpMonth } from "./metrics/ehcp";
import { hnbOverspend, latestFinancePeriod } from "./metrics/finance";
import { inmssRollingShare, latestInmssMonth } from "./metrics/inmss";
import { monthlyRowFor, monthlySeries } from "./metrics/monthly";
import { addMonths, monthEnd, valueAt } from "./metrics/series";
import { assessVariance } from "./metrics/variance";
import { DEFAULT_KPI_TOLERANCES } from "./settings";
import type { KpiRow, Tracker } from "./tracker";

export interface KpiDefinition {
  id: KpiId;
  /** Tile title; "{fy}" is replaced by the financial year. */
  defaultLabel: string;
  defaultTargetLabel: string;
  polarity: Polarity;
  unit: KpiUnit;
  defaultTolerance: number;
  /** How the actual is derived, for docs and the definitions block. */
  derivation: string;
  /** Where the target comes from when the KPIs sheet has none. */
  targetFallback: string;
  /** Words for the explanation: "650 more plans than forecast". */
  words: { quantity: string; target: string };
}

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: "ehcp_count",
    defaultLabel: "Number of EHCPs",
    defaultTargetLabel: "Forecast to date",
    polarity: "higher_is_worse",
    unit: "count",
    defaultTolerance: DEFAULT_KPI_TOLERANCES.ehcp_count,
    derivation:
      "A typed actual on the KPIs sheet when its as-at date is later than the latest month of SEND data (a live count); otherwise the latest month's funded EHCPs.",
    targetFallback: "the latest month's forecast EHCPs on the SEND Monthly sheet",
    words: { quantity: "plans", target: "forecast" },
  },
  {
    id: "hnb_overspend",
    defaultLabel: "HNB Overspend {fy} (£m)",
    defaultTargetLabel: "Goal for this financial year",
    polarity: "higher_is_worse",
    unit: "money",
    defaultTolerance: DEFAULT_KPI_TOLERANCES.hnb_overspend,
    derivation: "The latest finance period's forecast outturn minus budget (pounds).",
    targetFallback: "the latest finance period's goal overspend on the HNB Finance sheet",
    words: { quantity: "overspend", target: "the goal" },
  },
  {
    id: "inmss_share",
    defaultLabel: "Children with EHCPs in INMSS",
    defaultTargetLabel: "Forecast",
    polarity: "higher_is_worse",
    unit: "share",
    defaultTolerance: DEFAULT_KPI_TOLERANCES.inmss_share,
    derivation:
      "The 12-month rolling average of the monthly INMSS share (placed in INMSS / funded EHCPs), i.e. the mean of the 12 monthly shares ending at the latest month.",
    targetFallback: "none: the target must be typed on the KPIs sheet",
    words: { quantity: "", target: "forecast" },
  },
];

export function kpiDefinition(id: KpiId): KpiDefinition {
  const d = KPI_DEFINITIONS.find((k) => k.id === id);
  if (!d) throw new Error(`Unknown KPI ${id}`);
  return d;
}

const ppText = (fraction: number) => `${(Math.abs(fraction) * 100).toFixed(2)} pp`;
const millionsText = (pounds: number) => `£${(Math.abs(pounds) / 1e6).toFixed(2)}m`;

/** The variance in plain words: "650 more plans than forecast; more is adverse". */
export function explainVariance(
  def: Pick<KpiDefinition, "unit" | "words">,
  variance: number | null,
  status: KpiStatus | null,
  tolerance: number,
  polarity: Polarity,
): string {
  if (variance === null || status === null) return "";
  const { quantity, target } = def.words;
  if (variance === 0) return `Exactly on ${target}; on target`;
  const up = variance > 0;
  let amount: string;
  let direction: string;
  if (def.unit === "share") {
    amount = `${ppText(variance)} ${up ? "above" : "below"} ${target}`;
    direction = up ? "higher" : "lower";
  } else if (def.unit === "money") {
    amount = `${millionsText(variance)} ${up ? "more" : "less"} ${quantity} than ${target}`;
    direction = up ? "more" : "less";
  } else {
    const n = Math.abs(variance).toLocaleString("en-GB");
    amount = `${n} ${up ? "more" : "fewer"} ${quantity} than ${target}`;
    direction = up ? "more" : "fewer";
  }
  if (status === "on_target") {
    const tol =
      def.unit === "share"
        ? ppText(tolerance)
        : def.unit === "money"
          ? millionsText(tolerance)
          : String(tolerance);
    return `${amount}, within the tolerance of ${tol}; on target`;
  }
  const polarityWord =
    polarity === "higher_is_worse" ? (up ? "adverse" : "favourable") : up ? "favourable" : "adverse";
  return `${amount}; ${direction} is ${polarityWord}`;
}

/** A figure derived from the data, with the date it is as at and the cells it came from. */
interface Derived {
  value: number | null;
  asAt: string | null;
  sources: SourceRef[];
  /** Why it could not be derived, when value is null. */
  reason: string;
}

const span = (a: SourceRef | null | undefined, b: SourceRef | null | undefined): SourceRef | null => {
  if (!a || !b) return a ?? b ?? null;
  if (a.sheet !== b.sheet || a.cell === b.cell) return a;
  return { sheet: a.sheet, cell: `${a.cell}:${b.cell}` };
};

function deriveActual(id: KpiId, tracker: Tracker): Derived {
  const monthlySheet = tracker.sheetNames.monthly ?? "SEND Monthly";
  if (id === "ehcp_count") {
    const month = latestEhcpMonth(tracker.monthly);
    if (month === null)
      return {
        value: null,
        asAt: null,
        sources: [],
        reason: `the ${monthlySheet} sheet has no funded EHCP counts`,
      };
    const row = monthlyRowFor(tracker.monthly, month);
    return {
      value: valueAt(monthlySeries(tracker.monthly, "fundedEhcps"), month),
      asAt: monthEnd(month),
      sources: row ? [row.fundedEhcps.ref] : [],
      reason: "",
    };
  }
  if (id === "hnb_overspend") {
    const row = latestFinancePeriod(tracker.finance);
    if (row === null)
      return {
        value: null,
        asAt: null,
        sources: [],
        reason: `the ${tracker.sheetNames.finance ?? "HNB Finance"} sheet has no period with both a budget and a forecast outturn`,
      };
    return {
      value: hnbOverspend(row),
      asAt: row.periodEnd.value,
      sources: [row.forecastOutturn.ref, row.budget.ref],
      reason: "",
    };
  }
  const month = latestInmssMonth(tracker.monthly);
  if (month === null)
    return {
      value: null,
      asAt: null,
      sources: [],
      reason: `the ${monthlySheet} sheet has no 'Placed in INMSS' figures`,
    };
  const value = inmssRollingShare(tracker.monthly, month);
  const first = monthlyRowFor(tracker.monthly, addMonths(month, -11));
  const last = monthlyRowFor(tracker.monthly, month);
  const sources = [
    span(first?.placedInInmss.ref, last?.placedInInmss.ref),
    span(first?.fundedEhcps.ref, last?.fundedEhcps.ref),
  ].filter((s): s is SourceRef => s !== null);
  return {
    value,
    asAt: monthEnd(month),
    sources,
    reason:
      value === null
        ? `the 12-month rolling average needs 12 consecutive months of INMSS placements and funded EHCPs up to ${month}, and some are missing or zero`
        : "",
  };
}

function fallbackTarget(id: KpiId, tracker: Tracker): { value: number | null; source: SourceRef | null } {
  if (id === "ehcp_count") {
    const row = monthlyRowFor(tracker.monthly, latestEhcpMonth(tracker.monthly));
    return row && row.forecastEhcps.value !== null
      ? { value: row.forecastEhcps.value, source: row.forecastEhcps.ref }
      : { value: null, source: null };
  }
  if (id === "hnb_overspend") {
    const row = latestFinancePeriod(tracker.finance);
    return row && row.goalOverspend.value !== null
      ? { value: row.goalOverspend.value, source: row.goalOverspend.ref }
      : { value: null, source: null };
  }
  return { value: null, source: null };
}

export interface KpiResult {
  kpis: Kpi[];
  issues: Issue[];
  notComputed: { section: string; reason: string }[];
}

/** Whether a typed actual is later than the data (a live figure), so it wins over the derived one. */
function typedWins(row: KpiRow | undefined, derived: Derived): boolean {
  if (!row || row.actual.value === null) return false;
  if (derived.value === null) return true;
  const typedAt = row.actualAsAt.value;
  return typedAt !== null && derived.asAt !== null && typedAt > derived.asAt;
}

export function computeKpis(tracker: Tracker, settings: EffectiveSettings): KpiResult {
  const issues: Issue[] = [];
  const notComputed: { section: string; reason: string }[] = [];
  const kpisSheet = tracker.sheetNames.kpis ?? "KPIs";
  const fy = tracker.settings.financialYear.value?.trim() ?? "";
  const kpis = KPI_DEFINITIONS.map((def): Kpi => {
    const row = tracker.kpis.find((r) => r.id === def.id);
    const label = row?.label.value?.trim() || def.defaultLabel.replace(fy ? "{fy}" : " {fy}", fy);
    const derived = deriveActual(def.id, tracker);
    const useTyped = typedWins(row, derived);
    const actual = useTyped ? (row?.actual.value ?? null) : derived.value;
    const asAt = useTyped ? (row?.actualAsAt.value ?? null) : derived.asAt;
    const sources: SourceRef[] = useTyped && row ? [row.actual.ref] : [...derived.sources];
    if (row && row.actual.value !== null && derived.value !== null && row.actual.value !== derived.value) {
      const typedText = formatKpiValue(row.actual.value, def.unit);
      const derivedText = formatKpiValue(derived.value, def.unit);
      const typedWhen = row.actualAsAt.value
        ? ` as at ${formatDate(row.actualAsAt.value)}`
        : " with no as-at date";
      const dataWhen = derived.asAt ? ` as at ${formatDate(derived.asAt)}` : "";
      issues.push(
        makeIssue(
          "typed_value_mismatch",
          row.actual.ref,
          useTyped
            ? `${label}: the typed actual ${typedText}${typedWhen} is used because it is later than the data, which give ${derivedText}${dataWhen}.`
            : `${label}: the typed actual ${typedText}${typedWhen} differs from the data, which give ${derivedText}${dataWhen}; the data's figure is used. Give the typed actual a later as-at date to use it instead, or clear it.`,
          { severity: "info", advice: false },
        ),
      );
    }
    if (actual === null)
      notComputed.push({ section: `${label}: actual`, reason: `Not computed because ${derived.reason}.` });

    let target = row?.target.value ?? null;
    let targetSource: SourceRef | null = row && target !== null ? row.target.ref : null;
    if (target === null) {
      const fb = fallbackTarget(def.id, tracker);
      target = fb.value;
      targetSource = fb.source;
      if (target === null)
        notComputed.push({
          section: `${label}: target`,
          reason: `No target: type one in the Target column for ${def.id} on the ${kpisSheet} sheet.`,
        });
    }
    if (targetSource) sources.push(targetSource);

    const polarity = row?.polarity.value ?? def.polarity;
    const tolerance = settings.kpiTolerances[def.id] ?? def.defaultTolerance;
    const { variance, status } = assessVariance(actual, target, polarity, tolerance);
    return {
      id: def.id,
      label,
      actual,
      target,
      targetLabel: row?.targetLabel.value?.trim() || def.defaultTargetLabel,
      variance,
      unit: def.unit,
      status,
      polarity,
      tolerance,
      explanation: explainVariance(def, variance, status, tolerance, polarity),
      asAt,
      sources,
    };
  });
  return { kpis, issues, notComputed };
}
