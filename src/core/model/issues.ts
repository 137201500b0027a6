// The summary model, its common words: the RAG scale, a problem found in the tracker (an issue) with its cell,
// a person's note on the summary, and a place in the tracker a figure came from.

/** The 5-point RAG scale, best first. */
export const RAG_SCALE = ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"] as const;
export type RagGrade = (typeof RAG_SCALE)[number];

/** A RAG as the council wrote it, mapped onto the scale; the on/off-track flag kept apart. */
export interface RagValue {
  grade: RagGrade | null;
  track: "on" | "off" | null;
  /** The council's own text, unchanged ("Amber / Green - Off Track"). */
  text: string;
}

export type Severity = "error" | "warning" | "info";

/** A problem found in the tracker, pointed at its cell. */
export interface Issue {
  severity: Severity;
  /** Stable machine code, e.g. "missing_column"; the full list is ISSUE_CODES in src/core/issues.ts. */
  code: string;
  /** Tracker sheet name ("" when the problem is the workbook as a whole). */
  sheet: string;
  /** A1 address or range in that sheet ("" when no cell applies, e.g. a missing sheet). */
  cell: string;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  /** A warning someone acknowledged with a reason (a known data query, src/core/review); never on an error. */
  acknowledged?: ReviewNote;
}

/**
 * A person's note on the summary, kept on the notes sheet (src/core/review): a variance explained for a reporting
 * date, or a data query (a warning) acknowledged with its reason.
 */
export interface ReviewNote {
  kind: "variance" | "query";
  /** What it explains: the variance's id ("hnb_overspend"), or a query's code and cell ("typed_value_mismatch@SEND Monthly!O34"). */
  id: string;
  /** "YYYY-MM-DD": the reporting date the note was written for ("" when the summary had none). */
  reportingDate: string;
  /** What it explains, in words: the variance and its amount, or what the query said when acknowledged. */
  label: string;
  /** The explanation: cause and action, or the reason a query stands. */
  text: string;
  /** Who owns the action ("" when not given). */
  owner: string;
  /** "YYYY-MM-DD" the action is due, or "". */
  due: string;
  /** Who wrote it, as they gave their name or role ("Head of SEND Finance"). */
  by: string;
  /** ISO date-time it was written ("" when a person added the row without one). */
  at: string;
}

/** A place in the tracker a figure came from (for "Show source"). */
export interface SourceRef {
  sheet: string;
  /** A1 address or range. */
  cell: string;
}
