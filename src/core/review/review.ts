// The review's rules: which note explains which variance or acknowledges which data query, stably across refreshes,
// and what counts as explained. A variance is explained by a note for its id and this reporting date; a note from
// an earlier report is carried as a starting point and counts as unexplained until someone confirms it. A warning
// is acknowledged by a note for its code and cell that still says what the warning says: when the figure changes,
// so does the warning, and it comes back. Errors must be fixed, never acknowledged.
import type { FlaggedVariance, Issue, PortfolioSummary, ReviewNote, ReviewSummary, Severity } from "../model";
import { formatKpiVariance } from "../format";

/** The key a variance's notes are filed under: its KPI or metric id, the same at every refresh. */
const varianceNoteId = (variance: Pick<FlaggedVariance, "id">): string => variance.id;

/** The key a data query's notes are filed under: its code and its place ("typed_value_mismatch@SEND Monthly!O34"). */
export const queryNoteId = (issue: Pick<Issue, "code" | "sheet" | "cell">): string =>
  `${issue.code}@${issue.sheet}${issue.cell ? `!${issue.cell}` : ""}`;

/** What a variance note is about, in words, for the notes sheet's About column: "HNB Overspend 2024/25: +£14.99m". */
const varianceNoteLabel = (variance: FlaggedVariance): string =>
  `${variance.label}: ${formatKpiVariance(variance)}`;

/** Only a warning can be acknowledged: an error stops the summary and must be fixed; information needs no answer. */
export const canAcknowledge = (issue: Pick<Issue, "severity">): boolean => issue.severity === "warning";

const sameKey = (a: ReviewNote, b: ReviewNote) =>
  a.kind === b.kind && a.id === b.id && a.reportingDate === b.reportingDate;

/**
 * Notes from the sheet with `overrides` (the CLI's --notes file) laid over them: an override replaces the note with
 * the same kind, id and reporting date, or is added.
 */
export function mergeNotes<N extends ReviewNote>(
  notes: readonly N[],
  overrides: readonly ReviewNote[],
): ReviewNote[] {
  const merged: ReviewNote[] = notes.filter((n) => !overrides.some((o) => sameKey(n, o)));
  return [...merged, ...overrides];
}

/** The last of `notes` matching, as the sheet lists them (a later row wins over an earlier duplicate). */
function last<N extends ReviewNote>(notes: readonly N[], match: (note: N) => boolean): N | null {
  for (let i = notes.length - 1; i >= 0; i--) if (match(notes[i])) return notes[i];
  return null;
}

/** This reporting date's explanation of a variance, or null. */
function explanationFor<N extends ReviewNote>(
  notes: readonly N[],
  variance: Pick<FlaggedVariance, "id">,
  reportingDate: string,
): N | null {
  const id = varianceNoteId(variance);
  return last(notes, (n) => n.kind === "variance" && n.id === id && n.reportingDate === reportingDate);
}

/** The latest explanation of a variance from an earlier reporting date, or null. */
function carriedFor<N extends ReviewNote>(
  notes: readonly N[],
  variance: Pick<FlaggedVariance, "id">,
  reportingDate: string,
): N | null {
  const id = varianceNoteId(variance);
  let best: N | null = null;
  for (const n of notes) {
    if (n.kind !== "variance" || n.id !== id || !n.reportingDate || !reportingDate) continue;
    if (n.reportingDate >= reportingDate) continue;
    if (
      !best ||
      n.reportingDate > best.reportingDate ||
      (n.reportingDate === best.reportingDate && n.at >= best.at)
    )
      best = n;
  }
  return best;
}

/** The note acknowledging a warning as it reads now, or null (none, or the warning's figure changed since). */
function acknowledgementFor<N extends ReviewNote>(notes: readonly N[], issue: Issue): N | null {
  if (!canAcknowledge(issue)) return null;
  const id = queryNoteId(issue);
  return last(notes, (n) => n.kind === "query" && n.id === id && n.label === issue.message);
}

/** The summary with its variances' explanations, its acknowledged queries and the review's counts. */
export function applyReview(
  summary: PortfolioSummary,
  notes: readonly ReviewNote[],
  notesSheet: string | null,
): PortfolioSummary {
  const date = summary.programme.reportingDate ?? "";
  const plain = (n: ReviewNote): ReviewNote => ({
    kind: n.kind,
    id: n.id,
    reportingDate: n.reportingDate,
    label: n.label,
    text: n.text,
    owner: n.owner,
    due: n.due,
    by: n.by,
    at: n.at,
  });
  const variances = summary.variances.map((v): FlaggedVariance => {
    const rest: FlaggedVariance = { ...v };
    delete rest.review;
    const explained = explanationFor(notes, v, date);
    if (explained) return { ...rest, review: { state: "explained", note: plain(explained) } };
    const carried = carriedFor(notes, v, date);
    return carried ? { ...rest, review: { state: "carried", note: plain(carried) } } : rest;
  });
  const issues = summary.issues.map((issue): Issue => {
    const rest: Issue = { ...issue };
    delete rest.acknowledged;
    const note = acknowledgementFor(notes, issue);
    return note ? { ...rest, acknowledged: plain(note) } : rest;
  });
  const open: Record<Severity, number> = { ...summary.issueCounts };
  for (const issue of issues)
    if (issue.acknowledged) open[issue.severity] = Math.max(0, open[issue.severity] - 1);
  const review: ReviewSummary = {
    flagged: variances.length,
    explained: variances.filter((v) => v.review?.state === "explained").length,
    carried: variances.filter((v) => v.review?.state === "carried").length,
    acknowledged: issues.filter((i) => i.acknowledged).length,
    openIssueCounts: open,
    notesSheet,
  };
  return { ...summary, variances, issues, review };
}

/** A new note for a variance, for this reporting date. */
export function varianceNote(
  summary: Pick<PortfolioSummary, "programme">,
  variance: FlaggedVariance,
  fields: Pick<ReviewNote, "text" | "owner" | "due" | "by">,
  at: Date,
): ReviewNote {
  return {
    kind: "variance",
    id: varianceNoteId(variance),
    reportingDate: summary.programme.reportingDate ?? "",
    label: varianceNoteLabel(variance),
    ...trimmed(fields),
    at: at.toISOString(),
  };
}

/** A new note acknowledging a warning, keyed to what it says now. */
export function queryNote(
  summary: Pick<PortfolioSummary, "programme">,
  issue: Issue,
  fields: Pick<ReviewNote, "text" | "by">,
  at: Date,
): ReviewNote {
  return {
    kind: "query",
    id: queryNoteId(issue),
    reportingDate: summary.programme.reportingDate ?? "",
    label: issue.message,
    ...trimmed({ owner: "", due: "", ...fields }),
    at: at.toISOString(),
  };
}

function trimmed(fields: Pick<ReviewNote, "text" | "owner" | "due" | "by">) {
  return {
    text: fields.text.trim(),
    owner: fields.owner.trim(),
    due: fields.due.trim(),
    by: fields.by.trim(),
  };
}

/** Why a note cannot be saved as typed, or null: the explanation and who gives it are needed. */
export function noteProblem(fields: Pick<ReviewNote, "text" | "by" | "due">): string | null {
  if (!fields.text.trim()) return "Write the explanation: what caused it and what is being done.";
  if (!fields.by.trim()) return "Give your name or role, so readers know who explained it.";
  if (fields.due.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(fields.due.trim()))
    return "Give the date as a date, or leave it empty.";
  return null;
}

/** The key that says whether two notes are the same note (same kind, id and reporting date). */
export const sameNote = sameKey;
