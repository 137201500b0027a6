// Definitions of every figure on the page (what it counts, its denominator, its polarity, where it comes from),
// for the page's definitions block. docs/metrics.md is checked against this table by a test.
import { DEFAULT_FINANCE_STALENESS_DAYS } from "./settings";
import type { EffectiveSettings } from "./model";

export interface DefinitionContext {
  settings: EffectiveSettings;
  /** Age band of the population denominator, "0-25" unless the Settings sheet says otherwise. */
  ageBand: string;
}

export interface MetricDefinition {
  term: string;
  definition: (c: DefinitionContext) => string;
}

const variantWords = (s: EffectiveSettings) =>
  s.twentyWeekVariant === "including_exceptions" ? "including exceptions" : "excluding exceptions";

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    term: "Number of EHCPs",
    definition: () =>
      "Education, Health and Care plans maintained and funded by the council. The live count typed on the KPIs sheet when it is later than the monthly data, otherwise the latest month-end count on the SEND Monthly sheet. Higher than forecast is adverse.",
  },
  {
    term: "HNB overspend",
    definition: (c) =>
      `High Needs Block forecast outturn minus budget for the financial year, in pounds, from the latest period on the HNB Finance sheet; compared with the overspend the Safety Valve plan allows (the goal). Higher is adverse. A variance within £${(c.settings.kpiTolerances.hnb_overspend / 1e6).toFixed(2)}m counts as on target.`,
  },
  {
    term: "Children with EHCPs in INMSS",
    definition: () =>
      "Headline figure: the 12-month rolling average of the monthly share of funded EHCPs placed in independent and non-maintained special schools (mean of the 12 monthly shares ending at the latest month; needs 12 consecutive months). Lower is favourable; differences are in percentage points (pp).",
  },
  {
    term: "Variance",
    definition: () =>
      "Actual minus target. Within the KPI's tolerance it is on target; otherwise the KPI's polarity (which direction is good) makes it adverse or favourable. Shares are compared in percentage points.",
  },
  {
    term: "EHCP v last year",
    definition: () =>
      "Funded EHCPs in the month minus the same month a year earlier; blank when that month is missing (never the nearest month).",
  },
  {
    term: "% 0-25 with EHCP",
    definition: (c) =>
      `Funded EHCPs divided by the ONS mid-year estimate of the ${c.ageBand} population for the council area (SEND Monthly sheet). Higher is adverse.`,
  },
  {
    term: "EHCP % v Stat Neigh",
    definition: () =>
      "Our % of the population with an EHCP minus the statistical neighbours' average, in percentage points. Above neighbours is adverse.",
  },
  {
    term: "% placed in INMSS",
    definition: () =>
      "Children with an EHCP placed in independent or non-maintained special schools divided by funded EHCPs in the same month. Lower is favourable.",
  },
  {
    term: "INMSS vs Stat Neighbour",
    definition: () =>
      "Our monthly INMSS share minus the statistical neighbours' average share, in percentage points. Below neighbours is favourable.",
  },
  {
    term: "# placed in INMSS vs last year",
    definition: () =>
      "INMSS placements in the month minus the same month a year earlier. Fewer is favourable.",
  },
  {
    term: "Special school places shortfall",
    definition: () =>
      "New special school places the sufficiency plan requires by now minus places delivered (running totals, latest month on the Special School Places sheet); never below zero.",
  },
  {
    term: "Estimated cost of shortfall",
    definition: () =>
      "Shortfall multiplied by the cost of placing a child elsewhere for each place short (Special School Places sheet), in pounds.",
  },
  {
    term: "EHCPs ceased (12-month rolling average)",
    definition: (c) =>
      `Mean of plans ceased a month over the 12 months ending at each month; blank until 12 consecutive months exist. Transfers to other councils are ${c.settings.ceasedIncludeTransfers ? "included" : "excluded"}.`,
  },
  {
    term: "In-year net position HNB",
    definition: () =>
      "Income minus expenditure on the High Needs Block for the financial year, as typed on the HNB Finance sheet; where blank, budget minus forecast outturn. Negative is a deficit.",
  },
  {
    term: "Average cost per EHCP",
    definition: () =>
      "High needs spend on plans for the period divided by funded EHCPs in the month the period ends; blank when that month's count is missing.",
  },
  {
    term: "20-week rates",
    definition: (c) =>
      `Share of assessment decisions, and of new EHC plans issued, made within 20 weeks of the request, ${variantWords(c.settings)} (SEND Regulations 2014, reg 13). Blank for a month with none. Higher is favourable.`,
  },
  {
    term: "Risk score",
    definition: (c) =>
      `Impact (1-5) multiplied by likelihood (1-5). Key risks are open risks scoring ${c.settings.riskThreshold} or more, highest first (ties: higher impact, then risk ID). Bands: ${c.settings.riskBands.map((b) => `${b.name} ${b.min}+`).join(", ")}.`,
  },
  {
    term: "Milestone status",
    definition: () =>
      "Milestones counted by status per programme. A milestone past its due date at the reporting date and not complete counts as overdue, whatever status is typed.",
  },
  {
    term: "Computed overall RAG",
    definition: () =>
      "Starts at the mean workstream RAG rounded to the nearest grade; one step worse for each headline KPI adverse beyond tolerance; one step worse when an open key risk scores 20 or more; never beyond Red. Shown beside the programme lead's RAG.",
  },
  {
    term: "Since last report",
    definition: () =>
      "Each refresh records its figures in the Portfolio Summary History sheet. This report is compared with the latest refresh of the most recent earlier report (the latest record whose reporting date is before this one's), not with the last refresh: refreshing again in the same month changes nothing here. A setting can choose the previous refresh or the report of a given date instead. A change is better or worse by the figure's polarity; a RAG by the 5-point scale (Green best); a lower risk score is better.",
  },
  {
    term: "Data freshness",
    definition: (c) =>
      `SEND data older than ${c.settings.stalenessLimitDays} days, or finance data older than ${c.settings.financeStalenessLimitDays ?? DEFAULT_FINANCE_STALENESS_DAYS} days, at the reporting date are flagged stale.`,
  },
];

export function buildDefinitions(context: DefinitionContext): { term: string; definition: string }[] {
  return METRIC_DEFINITIONS.map((d) => ({ term: d.term, definition: d.definition(context) }));
}
