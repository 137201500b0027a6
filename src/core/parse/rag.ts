// RAG text as councils write it ("Amber / Green - Off Track", "A/G", "AR") onto the 5-point scale,
// with the on/off-track flag kept apart and the council's own text kept unchanged.
import type { RagGrade, RagValue } from "../model";
import type { RawCell } from "../raw";
import { fail, ok, quote, type ParseResult } from "./result";

/** The RAG rule, as written in the docs. */
export const RAG_RULES = [
  "Grades: Green, Amber/Green, Amber, Amber/Red, Red (the 5-point delivery confidence scale).",
  "Any spelling of the colours is accepted: 'Amber / Green', 'Amber-Green', 'Amber Green', 'A/G', 'AG', 'amber/green'; R, A, G alone too.",
  "Two colours in either order give the grade between them: 'GA' and 'Green/Amber' are Amber/Green, 'RA' is Amber/Red. Green with Red is not a grade.",
  "'On Track' after the colour marks the item on track; 'Off Track' or 'At Risk' marks it off track. The track is kept apart from the grade.",
  "Anything else (e.g. 'Blue', 'TBC') is reported as 'unknown_rag' and counted as unknown.",
];

const ON_TRACK = /\bon[\s-]*track\b/;
const OFF_TRACK = /\b(?:off[\s-]*track|at[\s-]*risk)\b/;
const TRACK_WORDS = /\b(?:on|off)[\s-]*track\b|\bat[\s-]*risk\b/g;
const NON_LETTERS = /[^a-z]+/g;
const COLOUR_TOKEN = /^(green|amber|red|g|a|r)/;

/** The on/off-track flag of a RAG text, independent of its colour. */
export function ragTrack(text: string): "on" | "off" | null {
  const t = text.toLowerCase();
  if (OFF_TRACK.test(t)) return "off";
  if (ON_TRACK.test(t)) return "on";
  return null;
}

function gradeOf(letters: string): RagGrade | null {
  const seen = new Set<string>();
  let rest = letters;
  while (rest.length > 0) {
    const m = COLOUR_TOKEN.exec(rest);
    if (!m) return null;
    seen.add(m[1][0]);
    rest = rest.slice(m[1].length);
  }
  const g = seen.has("g");
  const a = seen.has("a");
  const r = seen.has("r");
  if (g && r) return null;
  if (g && a) return "Amber/Green";
  if (a && r) return "Amber/Red";
  if (g) return "Green";
  if (a) return "Amber";
  if (r) return "Red";
  return null;
}

/** RAG cell -> RagValue. Fails (with the reason) when no grade can be read; the caller keeps the text as unknown. */
export function parseRag(v: RawCell): ParseResult<RagValue> {
  const text = typeof v === "string" ? v : String(v);
  const trimmed = text.trim();
  if (trimmed === "") return fail("the cell is empty");
  const lower = trimmed.toLowerCase();
  const track = ragTrack(lower);
  const letters = lower.replace(TRACK_WORDS, " ").replace(NON_LETTERS, "");
  const grade = letters === "" ? null : gradeOf(letters);
  if (!grade) return fail(`${quote(trimmed)} is not a RAG grade we recognise`);
  return ok({ grade, track, text: trimmed });
}

/** Always a RagValue: grade null when the text is not recognised (for counting "unknown"). */
export function toRagValue(v: RawCell): RagValue {
  const r = parseRag(v);
  if (r.ok) return r.value;
  const text = String(v).trim();
  return { grade: null, track: ragTrack(text), text };
}
