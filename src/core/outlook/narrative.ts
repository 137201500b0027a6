// A narrative drafted from the figures, for the programme lead to edit and paste into the tracker: the headline
// KPIs with their variances and polarity, the outlook to the year end, the cost of the demand gap and the key risks.
// Plain UK English in a council's register: figures formatted as the page shows them, no adjective the figures do
// not carry, and nothing said about a part that could not be computed. It never replaces the lead's own narrative.
import { formatDate, formatKpiValue, formatMoneyMillions } from "../format";
import { changeItems } from "../history/changes";
import type { DemandCost, DraftNarrative, KeyRisk, Kpi, Outlook, RagGrade, SinceLastReport } from "../model";
import { amountText, clip, TREND_OPENING } from "./measures";

const DRAFT_NOTE =
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
  /** What changed since the last report, where the workbook's history has one to compare with. */
  sinceLastReport?: SinceLastReport | null;
}

const NUMBER_WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];
/** A count opening a sentence: "Two", or the figure from ten up. */
const countWord = (n: number) => (n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : n.toLocaleString("en-GB"));

/** Tracker text quoted in a sentence: trimmed, without its own closing full stop, cut at a word when long. */
const quoted = (text: string) => `“${clip(text.trim().replace(/[.\s]+$/, ""))}”`;

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

/**
 * The outlook in one paragraph, each measure on its own trend of the last six months; the change needed is said
 * for a measure heading the wrong side of its trajectory.
 */
function outlookParagraph(outlook: Outlook | null): string | null {
  const sentences: string[] = [];
  for (const m of outlook?.measures ?? []) {
    if (!m.projectionText) continue;
    sentences.push(
      sentences.length === 0
        ? m.projectionText
        : m.projectionText.replace(TREND_OPENING, "On its own six-month trend, "),
    );
    if (m.status === "adverse" && m.neededText) sentences.push(m.neededText);
  }
  return sentences.length > 0 ? sentences.join(" ") : null;
}

function costParagraph(cost: DemandCost | null): string | null {
  return cost
    ? `${cost.sentence} This is an indication: it assumes each extra plan costs the average.`
    : null;
}

function risksParagraph(risks: readonly KeyRisk[], threshold: number): string {
  if (risks.length === 0) return `No open risk scores ${threshold} or more.`;
  const items = risks.map((r) => `${r.id}, ${quoted(r.title)} (score ${r.score})`);
  const list =
    items.length === 1 ? items[0] : `${items.slice(0, -1).join("; ")}; and ${items[items.length - 1]}`;
  return `${countWord(risks.length)} open ${risks.length === 1 ? "risk scores" : "risks score"} ${threshold} or more: ${list}.`;
}

/** The biggest changes since the last report: the headline KPIs' moves, the RAG, then up to three other changes
 * (those for the worse first). Null without a baseline. */
function sinceParagraph(since: SinceLastReport | null | undefined): string | null {
  if (!since?.baseline) return null;
  const moves = since.kpis.filter((k) => k.direction !== null).map((k) => `${k.label} ${k.text}`);
  const rag = since.overallRag ? ` The overall RAG is ${since.overallRag.text}.` : "";
  // Data problems are for the finance officer, not the board's narrative.
  const others = changeItems(since)
    .filter((c) => !/data problem/i.test(c.what))
    .sort((a, b) => Number(b.direction === "worse") - Number(a.direction === "worse"))
    .slice(0, 3)
    .map((c) => `${c.what.toLowerCase()} ${quoted(c.which)}: ${c.text.replace(/\.$/, "")}`);
  const rest = others.length ? ` The biggest other changes: ${others.join("; ")}.` : "";
  return `${since.heading}: ${moves.length ? moves.join("; ") : "the headline figures cannot be compared"}.${rag}${rest}`;
}

/** The drafted narrative: paragraphs in the order a board reads them. */
export function draftNarrative(inputs: NarrativeInputs): DraftNarrative {
  const paragraphs = [
    headline(inputs),
    sinceParagraph(inputs.sinceLastReport),
    outlookParagraph(inputs.outlook),
    costParagraph(inputs.demandCost),
    risksParagraph(inputs.keyRisks, inputs.riskThreshold),
  ].filter((p): p is string => p !== null && p.trim() !== "");
  return { paragraphs, text: paragraphs.join("\n\n"), note: DRAFT_NOTE };
}
