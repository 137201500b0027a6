// Workstream RAG counts per programme, and the mean grade the overall RAG starts from.
import { RAG_SCALE, type RagCounts, type RagGrade } from "../model";
import type { WorkstreamRow } from "../tracker";

export function emptyRagCounts(): RagCounts {
  return { Green: 0, "Amber/Green": 0, Amber: 0, "Amber/Red": 0, Red: 0 };
}

export interface ProgrammeRagCounts {
  counts: RagCounts;
  /** Workstreams whose RAG text did not map onto the scale. */
  unknown: number;
  total: number;
}

/** RAG counts for each programme number. */
export function ragCountsByProgramme(workstreams: readonly WorkstreamRow[]): Map<number, ProgrammeRagCounts> {
  const out = new Map<number, ProgrammeRagCounts>();
  for (const w of workstreams) {
    const programme = w.programme.value;
    if (programme === null) continue;
    const entry = out.get(programme) ?? { counts: emptyRagCounts(), unknown: 0, total: 0 };
    const grade = w.rag.value?.grade ?? null;
    if (grade === null) entry.unknown += 1;
    else entry.counts[grade] += 1;
    entry.total += 1;
    out.set(programme, entry);
  }
  return out;
}

/** Position on the scale: Green 0 ... Red 4. */
function gradeIndex(grade: RagGrade): number {
  return RAG_SCALE.indexOf(grade);
}

/**
 * Mean position of the graded workstreams, rounded to the nearest grade (a half rounds towards the worse grade,
 * so the page never looks better than the workstreams). Null when no workstream has a recognised RAG.
 */
export function meanWorkstreamGrade(workstreams: readonly WorkstreamRow[]): {
  grade: RagGrade | null;
  mean: number | null;
  graded: number;
} {
  const grades = workstreams.map((w) => w.rag.value?.grade ?? null).filter((g): g is RagGrade => g !== null);
  if (grades.length === 0) return { grade: null, mean: null, graded: 0 };
  const mean = grades.reduce((s, g) => s + gradeIndex(g), 0) / grades.length;
  return { grade: RAG_SCALE[Math.min(4, Math.floor(mean + 0.5))], mean, graded: grades.length };
}
