// Risk scoring on the 5x5 matrix: score = impact x likelihood, score bands, and the key risks shown on the page.
import type { KeyRisk } from "../model";
import type { RiskRow } from "../tracker";

/** Default score bands, highest first (Settings "Risk score bands" overrides them). */
export const DEFAULT_RISK_BANDS: { name: string; min: number }[] = [
  { name: "Very high", min: 20 },
  { name: "High", min: 15 },
  { name: "Medium", min: 8 },
  { name: "Low", min: 1 },
];

export const DEFAULT_RISK_THRESHOLD = 15;

/** Impact x likelihood; null when either is missing, so an unscored risk is never ranked as 0. */
export function riskScore(impact: number | null, likelihood: number | null): number | null {
  if (impact === null || likelihood === null) return null;
  return impact * likelihood;
}

/** The first band (highest first) whose minimum the score reaches; "Unbanded" below the lowest band. */
export function riskBand(score: number, bands: readonly { name: string; min: number }[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => score >= b.min)?.name ?? "Unbanded";
}

/** A blank status means the risk is open: registers rarely mark open risks explicitly. */
function isOpenRisk(risk: RiskRow): boolean {
  return risk.status.value !== "closed";
}

/**
 * Open risks scoring at least the threshold, highest score first; ties go to the higher impact
 * (the worse consequence), then to the risk ID so the order is stable between refreshes.
 */
export function keyRisks(
  risks: readonly RiskRow[],
  threshold: number,
  bands: readonly { name: string; min: number }[],
): KeyRisk[] {
  const out: KeyRisk[] = [];
  for (const r of risks) {
    const score = riskScore(r.impact.value, r.likelihood.value);
    if (score === null || score < threshold || !isOpenRisk(r)) continue;
    out.push({
      id: r.id.value ?? "",
      title: r.title.value ?? "",
      consequence: r.consequence.value ?? "",
      owner: r.owner.value ?? "",
      impact: r.impact.value as number,
      likelihood: r.likelihood.value as number,
      score,
      band: riskBand(score, bands),
      action: r.action.value ?? "",
      source: r.title.ref,
    });
  }
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      b.impact - a.impact ||
      a.id.localeCompare(b.id, "en-GB", { numeric: true, sensitivity: "base" }),
  );
}
