// The computed overall RAG: one documented rule (docs/metrics.md), shown beside the programme lead's own RAG.
// Start at the rounded mean workstream grade; raise one step for each headline KPI adverse beyond its tolerance;
// raise one step when an open key risk scores 20 or more; never beyond Red.
import { RAG_SCALE, type KeyRisk, type Kpi, type PortfolioSummary, type RagGrade } from "../model";
import type { Tracker, WorkstreamRow } from "../tracker";
import { meanWorkstreamGrade } from "./workstreams";
import { plural } from "../wording";

/** An open key risk at or above this score raises the overall RAG one step. */
export const SEVERE_RISK_SCORE = 20;

export interface OverallRagResult {
  computed: RagGrade | null;
  /** One line a step, in plain words. */
  reasons: string[];
}

export function computeOverallRag(
  workstreams: readonly WorkstreamRow[],
  kpis: readonly Pick<Kpi, "label" | "status" | "explanation">[],
  keyRisks: readonly Pick<KeyRisk, "id" | "score">[],
): OverallRagResult {
  const mean = meanWorkstreamGrade(workstreams);
  const assessed = kpis.filter((k) => k.status !== null);
  if (mean.grade === null && assessed.length === 0) {
    return {
      computed: null,
      reasons: [
        "No workstream has a recognised RAG and no headline KPI could be assessed, so no overall RAG was computed.",
      ],
    };
  }
  const reasons: string[] = [];
  let step: number;
  if (mean.grade === null) {
    step = 0;
    reasons.push("No workstream has a recognised RAG, so the rule starts at Green.");
  } else {
    step = RAG_SCALE.indexOf(mean.grade);
    reasons.push(
      `Start at ${mean.grade}: the mean grade of ${plural(mean.graded, "workstream")} ` +
        `is ${(mean.mean as number).toFixed(2)} on a scale from 0 (Green) to 4 (Red).`,
    );
  }
  const raise = (why: string) => {
    const before = RAG_SCALE[step];
    step = Math.min(RAG_SCALE.length - 1, step + 1);
    const after = RAG_SCALE[step];
    reasons.push(
      before === after ? `${why}: already at Red, the highest grade.` : `${why}: raised to ${after}.`,
    );
  };
  for (const k of kpis) {
    if (k.status === "adverse") raise(`${k.label} is adverse beyond its tolerance (${k.explanation})`);
  }
  const severe = [...keyRisks].filter((r) => r.score >= SEVERE_RISK_SCORE).sort((a, b) => b.score - a.score);
  if (severe.length > 0) {
    const list = severe.map((r) => `${r.id} scores ${r.score}`).join(", ");
    raise(`An open key risk scores ${SEVERE_RISK_SCORE} or more (${list})`);
  }
  reasons.push(`Computed overall RAG: ${RAG_SCALE[step]}.`);
  return { computed: RAG_SCALE[step], reasons };
}

/** The overall RAG block of the summary: the lead's RAG (when set) is what the page shows, beside the computed one. */
export function overallRagWithOverride(
  tracker: Tracker,
  kpis: readonly Pick<Kpi, "label" | "status" | "explanation">[],
  keyRisks: readonly Pick<KeyRisk, "id" | "score">[],
): PortfolioSummary["overallRag"] {
  const { computed, reasons } = computeOverallRag(tracker.workstreams, kpis, keyRisks);
  const lead = tracker.settings.overallRag.value;
  const override = lead?.grade ?? null;
  const differs = override !== null && computed !== null && override !== computed;
  const out = [...reasons];
  if (differs)
    out.push(`The programme lead's RAG is ${override}, which differs from the computed ${computed}.`);
  return {
    value: override ?? computed,
    computed,
    override,
    overrideText: lead?.text ?? "",
    differs,
    reasons: out,
    narrative: tracker.settings.ragNarrative.value?.trim() ?? "",
  };
}
