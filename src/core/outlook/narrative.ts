// A narrative drafted from the figures, for the programme lead to edit and paste into the tracker: the headline
// KPIs with their variances and polarity, the outlook to the year end, the cost of the demand gap and the key risks.
// Plain UK English in a council's register: figures formatted as the page shows them, no adjective the figures do
// not carry, and nothing said about a part that could not be computed. It never replaces the lead's own narrative.
import { formatDate, formatKpiValue, formatMoneyMillions, formatMonth, formatPounds } from "../format";
import type {
  DemandCost,
  DraftNarrative,
  KeyRisk,
  Kpi,
  Outlook,
  OutlookMeasure,
  OutlookMeasureId,
  RagGrade,
} from "../model";
import { amountText, levelText } from "./measures";
import { roundedMillions } from "./demand-cost";

export const DRAFT_NOTE =
  "Drafted from the figures on this page for the programme lead to edit; it does not replace the lead's narrative.";

export interface NarrativeInputs {
  programmeName: string;
  /** The RAG the page shows (the lead's where set). */
  overallRag: RagGrade | null;
  financialYear: string;
  financeBasis: string;
  kpis: readonly Kpi[];
  outlook: Outlook | null;
  demandCost: DemandCost | null;
  keyRisks: readonly KeyRisk[];
  riskThreshold: number;
}

const NUMBER_WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];
/** A count opening a sentence: "Two", or the figure from ten up. */
const countWord = (n: number) => (n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : n.toLocaleString("en-GB"));

/** Longest risk title quoted whole; a longer one is cut at a word with an ellipsis (a cell holds 32,767 characters). */
const QUOTE_LIMIT = 200;

function quoted(text: string): string {
  const title = text.trim().replace(/[.\s]+$/, "");
  if (title.length <= QUOTE_LIMIT) return `“${title}”`;
  const cut = title.slice(0, QUOTE_LIMIT);
  const atWord = cut.lastIndexOf(" ") > QUOTE_LIMIT / 2 ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
  return `“${atWord.replace(/[,;:.\s]+$/, "")}…”`;
}

/** "650 more than", "£14.99m more than", "1.17 pp below": the variance against the target, without a sign. */
function varianceWords(kpi: Kpi): string {
  const v = kpi.variance as number;
  if (kpi.unit === "share") return `${amountText(v, "share")} ${v > 0 ? "above" : "below"}`;
  if (kpi.unit === "money") return `${formatMoneyMillions(Math.abs(v))} ${v > 0 ? "more" : "less"} than`;
  return `${Math.abs(v).toLocaleString("en-GB")} ${v > 0 ? "more" : "fewer"} than`;
}

/** What the figure is, by KPI: the subject of the sentence with the actual in it. */
function kpiSubject(kpi: Kpi, financialYear: string, financeBasis: string): string {
  const value = formatKpiValue(kpi.actual, kpi.unit);
  if (kpi.id === "ehcp_count")
    return `There are ${value} EHCPs${kpi.asAt ? ` (as at ${formatDate(kpi.asAt)})` : ""}`;
  if (kpi.id === "hnb_overspend") {
    const year = financialYear ? ` in ${financialYear}` : "";
    const basis = financeBasis ? ` (${financeBasis})` : "";
    const actual = kpi.actual as number;
    return actual < 0
      ? `The High Needs Block is forecast to underspend by ${formatMoneyMillions(-actual)}${year}${basis}`
      : `The High Needs Block is forecast to overspend by ${value}${year}${basis}`;
  }
  return `The share of children with an EHCP placed in independent or non-maintained special schools is ${value} (12-month rolling average)`;
}

/** One sentence per headline KPI: the actual, the variance against its target and what the polarity makes of it. */
function kpiSentence(kpi: Kpi, financialYear: string, financeBasis: string): string | null {
  if (kpi.actual === null) return null;
  const subject = kpiSubject(kpi, financialYear, financeBasis);
  const target = kpi.targetLabel.trim().toLowerCase() || "target";
  if (kpi.target === null || kpi.variance === null) return `${subject}; no ${target} is set.`;
  const targetText = `the ${target} of ${formatKpiValue(kpi.target, kpi.unit)}`;
  if (kpi.variance === 0) return `${subject}, exactly on ${targetText}.`;
  const against = `${varianceWords(kpi)} ${targetText}`;
  if (kpi.status === "on_target") {
    const tolerance =
      kpi.unit === "share"
        ? amountText(kpi.tolerance, "share")
        : kpi.unit === "money"
          ? formatMoneyMillions(kpi.tolerance)
          : kpi.tolerance.toLocaleString("en-GB");
    return `${subject}, ${against}, within the tolerance of ${tolerance} and so on target.`;
  }
  return `${subject}, ${against}, which is ${kpi.status === "adverse" ? "adverse" : "favourable"}.`;
}

function headline(inputs: NarrativeInputs): string {
  const sentences: string[] = [];
  if (inputs.overallRag) sentences.push(`Overall, ${inputs.programmeName} is ${inputs.overallRag}.`);
  for (const kpi of inputs.kpis) {
    const s = kpiSentence(kpi, inputs.financialYear, inputs.financeBasis);
    if (s) sentences.push(s);
  }
  return sentences.join(" ");
}

/** What each measure is called in a sentence. */
const SUBJECTS: Record<OutlookMeasureId, string> = {
  ehcp_count: "funded EHCPs",
  inmss_share: "the INMSS share (12-month rolling average)",
};

/** "about 6,592 by Mar-25 (range 6,497 to 6,677), 771 above the trajectory of 5,821 (carried on from Dec-24)". */
function outlookClause(m: OutlookMeasure, yearEnd: string): string | null {
  const p = m.projection;
  if (!p) return null;
  const by = formatMonth(yearEnd);
  if (p.monthsToYearEnd === 0) return `${levelText(p.fromValue, m.unit)} at the year end, ${by}`;
  const range =
    levelText(p.low, m.unit) === levelText(p.high, m.unit)
      ? ""
      : ` (range ${levelText(p.low, m.unit)} to ${levelText(p.high, m.unit)})`;
  let clause = `about ${levelText(p.projected, m.unit)} by ${by}${range}`;
  const t = m.trajectory;
  if (t && m.gapAtYearEnd !== null) {
    const target =
      t.basis === "kpi_target"
        ? `the ${t.label.toLowerCase()} of ${levelText(t.value, m.unit)}`
        : `the trajectory of ${levelText(t.value, m.unit)}${t.carriedFrom ? ` (carried on from ${formatMonth(t.carriedFrom)})` : ""}`;
    clause +=
      m.gapAtYearEnd === 0
        ? `, exactly on ${target}`
        : `, ${amountText(m.gapAtYearEnd, m.unit)} ${m.gapAtYearEnd > 0 ? "above" : "below"} ${target}`;
  }
  return clause;
}

/**
 * The outlook in one paragraph, each measure on its own trend of the last six months; the change needed is said
 * for a measure heading the wrong side of its trajectory.
 */
function outlookParagraph(outlook: Outlook | null): string | null {
  if (!outlook || outlook.yearEnd === null) return null;
  const sentences: string[] = [];
  for (const m of outlook.measures) {
    const clause = outlookClause(m, outlook.yearEnd);
    if (!clause) continue;
    const subject = SUBJECTS[m.id];
    const verb = m.projection?.monthsToYearEnd === 0 ? "were" : "would be";
    sentences.push(
      sentences.length === 0
        ? `If the trend of the last six months continues, ${subject} ${verb} ${clause}.`
        : `On its own six-month trend ${subject} ${verb} ${clause}.`,
    );
    if (m.status === "adverse" && m.neededText) sentences.push(m.neededText);
  }
  return sentences.length > 0 ? sentences.join(" ") : null;
}

function costParagraph(cost: DemandCost | null): string | null {
  if (!cost) return null;
  const plans = cost.plansAboveTrajectory.toLocaleString("en-GB");
  const period = cost.averageCostPeriod ? ` (${cost.averageCostPeriod})` : "";
  const opening =
    `At the average cost of ${formatPounds(cost.averageCostPerEhcp)} a plan${period}, the ${plans} ` +
    `${cost.plansAboveTrajectory === 1 ? "plan" : "plans"} above the trajectory come to about ${roundedMillions(cost.cost)} a year`;
  const overspend = cost.overspendAboveGoal;
  const basis = cost.overspendBasis ? ` (${cost.overspendBasis})` : "";
  let comparison = ".";
  if (overspend !== null && overspend > 0)
    comparison = cost.agreesWithOverspend
      ? `, in line with the HNB overspend of ${formatMoneyMillions(overspend)} above the goal${basis}.`
      : `, about ${Math.round((cost.shareOfOverspend ?? 0) * 100)}% of the HNB overspend of ${formatMoneyMillions(overspend)} above the goal${basis}.`;
  else if (overspend !== null)
    comparison = `; the HNB overspend is ${overspend === 0 ? "on" : `${formatMoneyMillions(-overspend)} below`} its goal${basis}.`;
  return `${opening}${comparison} This is an indication: it assumes each extra plan costs the average.`;
}

function risksParagraph(risks: readonly KeyRisk[], threshold: number): string {
  if (risks.length === 0) return `No open risk scores ${threshold} or more.`;
  const items = risks.map((r) => `${r.id}, ${quoted(r.title)} (score ${r.score})`);
  const list =
    items.length === 1 ? items[0] : `${items.slice(0, -1).join("; ")}; and ${items[items.length - 1]}`;
  return `${countWord(risks.length)} open ${risks.length === 1 ? "risk scores" : "risks score"} ${threshold} or more: ${list}.`;
}

/** The drafted narrative: paragraphs in the order a board reads them. */
export function draftNarrative(inputs: NarrativeInputs): DraftNarrative {
  const paragraphs = [
    headline(inputs),
    outlookParagraph(inputs.outlook),
    costParagraph(inputs.demandCost),
    risksParagraph(inputs.keyRisks, inputs.riskThreshold),
  ].filter((p): p is string => p !== null && p.trim() !== "");
  return { paragraphs, text: paragraphs.join("\n\n"), note: DRAFT_NOTE };
}
