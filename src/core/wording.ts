// The words every surface uses for the same things: counts ("1 issue", "2 issues"), KPI statuses, severity names and
// where an issue is. The page, the task pane, the CLI and the gateway's messages all take them from here, so a
// wording changes in one place and the surfaces cannot disagree.
import { referenceSheetName } from "./a1";
import { formatDate } from "./format";
import type {
  ChangeDirection,
  KpiStatus,
  MilestoneStatus,
  ReviewNote,
  ReviewSummary,
  Severity,
  SourceRef,
} from "./model";

/**
 * "1 problem", "2 problems" ("1 child", "2 children" with `many`). `grouped` writes thousands with commas
 * ("1,204 problems"), as the task pane does; the page and the CLI write plain digits.
 */
export function plural(
  n: number,
  one: string,
  many = `${one}s`,
  options: { grouped?: boolean } = {},
): string {
  const count = options.grouped ? n.toLocaleString("en-GB") : String(n);
  return `${count} ${n === 1 ? one : many}`;
}

/** "notes" -> "Notes". */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

// ---------------------------------------------------------------------------------------------------------------
// KPI and variance statuses

export const STATUS_WORDS: Record<KpiStatus, string> = {
  adverse: "Adverse",
  favourable: "Favourable",
  on_target: "On target",
};

/** The dashboard marks adverse with "!" and favourable with a tick; "=" reads as "level with target". */
export const STATUS_MARKS: Record<KpiStatus, string> = { adverse: "!", favourable: "✓", on_target: "=" };

/** What a figure without a status (no actual or no target) says instead. */
export const NO_STATUS = "Not assessed";

/** "Adverse", or NO_STATUS. */
export const statusWord = (status: KpiStatus | null): string => (status ? STATUS_WORDS[status] : NO_STATUS);

/** "! Adverse": mark and word, so colour is never the only signal; NO_STATUS without a mark. */
export const statusText = (status: KpiStatus | null): string =>
  status ? `${STATUS_MARKS[status]} ${STATUS_WORDS[status]}` : NO_STATUS;

// ---------------------------------------------------------------------------------------------------------------
// Severities

/** Errors first: the order every list of issues is shown in. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/**
 * How each severity is named: counted as a noun ("1 note", "2 notes"), and in the page's severity column, where an
 * information issue reads "Information".
 */
export const SEVERITY_NAMES: Record<Severity, { one: string; many: string; column: string }> = {
  error: { one: "error", many: "errors", column: "Error" },
  warning: { one: "warning", many: "warnings", column: "Warning" },
  info: { one: "note", many: "notes", column: "Information" },
};

// ---------------------------------------------------------------------------------------------------------------
// Where an issue is

/**
 * How a place is written: `reference` as Excel writes a reference, for the page ("'Risk Register'!G9",
 * "Milestones (whole sheet)", "Whole workbook"); `plain` for a report's column ("Risk Register!G9", "Milestones",
 * "(workbook)"); `sentence` inside a sentence ("... go to Risk Register!G9", "... the workbook").
 */
export type LocationForm = "reference" | "plain" | "sentence";

const WHOLE_WORKBOOK: Record<LocationForm, string> = {
  reference: "Whole workbook",
  plain: "(workbook)",
  sentence: "the workbook",
};

/** Where an issue (or a figure's source) is: its sheet and cell, its sheet alone, or the workbook as a whole. */
export function issueLocation(
  place: Pick<SourceRef, "sheet" | "cell">,
  form: LocationForm = "plain",
): string {
  if (!place.sheet) return WHOLE_WORKBOOK[form];
  const sheet = form === "reference" ? referenceSheetName(place.sheet) : place.sheet;
  if (place.cell) return `${sheet}!${place.cell}`;
  return form === "reference" ? `${sheet} (whole sheet)` : sheet;
}

// ---------------------------------------------------------------------------------------------------------------
// The review: explanations of variances and acknowledged data queries (src/core/review)

/** "09/01/2025": the day a note was written, as read in England. */
function noteDay(at: string): string {
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? new Date(ms).toLocaleDateString("en-GB", { timeZone: "Europe/London" }) : at;
}

/** "Head of SEND Finance, 09/01/2025" (either part left out when not known). */
function noteByline(note: Pick<ReviewNote, "by" | "at">): string {
  return [note.by, note.at ? noteDay(note.at) : ""].filter(Boolean).join(", ");
}

/** " Owner: Head of SEND Finance. Due 31/01/2025." for a note that gives them, else "". */
function noteAction(note: Pick<ReviewNote, "owner" | "due">): string {
  const parts: string[] = [];
  if (note.owner) parts.push(`Owner: ${note.owner}.`);
  if (note.due) parts.push(`Due ${formatDate(note.due)}.`);
  return parts.length ? ` ${parts.join(" ")}` : "";
}

/** "Explained by Head of SEND Finance, 09/01/2025: ... Owner: X. Due 31/01/2025." */
export function explainedText(note: ReviewNote): string {
  const by = noteByline(note);
  return `Explained${by ? ` by ${by}` : ""}: ${note.text}${noteAction(note)}`;
}

/** "Carried from 10/12/2024 (Head of SEND Finance): ... Update or confirm." */
export function carriedText(note: ReviewNote): string {
  const from = note.reportingDate ? ` from ${formatDate(note.reportingDate)}` : "";
  return `Carried${from}${note.by ? ` (${note.by})` : ""}: ${note.text}${noteAction(note)} Update or confirm for this report.`;
}

/** "Known and explained by Head of SEND Finance, 09/01/2025: ..." */
export function acknowledgedText(note: ReviewNote): string {
  const by = noteByline(note);
  return `Known and explained${by ? ` by ${by}` : ""}: ${note.text}`;
}

/** "4 of 6 flagged variances explained", with the carried ones when there are any. */
export function explainedCount(review: Pick<ReviewSummary, "flagged" | "explained" | "carried">): string {
  const base = `${review.explained} of ${plural(review.flagged, "flagged variance")} explained`;
  return review.carried > 0
    ? `${base}; ${review.carried} carried from an earlier report, to update or confirm`
    : base;
}
// Milestone statuses

export const MILESTONE_STATUS_WORDS: Record<MilestoneStatus, string> = {
  complete: "Complete",
  on_track: "On track",
  at_risk: "At risk",
  overdue: "Overdue",
};

// ---------------------------------------------------------------------------------------------------------------
// Changes since the last report

/** How a change reads beside its figure: "better", "worse", "no change". */
export const DIRECTION_WORDS: Record<ChangeDirection, string> = {
  better: "better",
  worse: "worse",
  unchanged: "no change",
};

/** The arrow beside a change (up for a rise, down for a fall): always with its words, never alone. */
export const changeArrow = (change: number | null): string =>
  change === null ? "" : change > 0 ? "↑" : change < 0 ? "↓" : "→";

/** "Amber -> Amber/Red": a move between two states, as the page, the pane and the CLI write it. */
export const fromTo = (from: string, to: string): string => `${from} -> ${to}`;
