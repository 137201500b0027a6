// What the ribbon's "Refresh summary" says when a refresh did not simply succeed: the outcome's sentence and, for
// a tracker with errors, the errors themselves with their cells, shown in a dialog over Excel (the button has no
// window of its own, and the pane may not be open).
import type { Issue } from "../core/model";
import { issueLocation, plural } from "../core/wording";
import type { RefreshOutcome } from "../excel/api";

/** At most this many problems are listed; the pane lists them all. */
const MAX_LISTED_PROBLEMS = 8;

export interface ReportProblem {
  /** "KPIs!B4", or the sheet, or "the workbook". */
  where: string;
  message: string;
}

export interface RefreshReport {
  title: string;
  /** The outcome's own sentence (what happened, what to do). */
  message: string;
  /** The tracker's errors, when they stopped the refresh. */
  problems: ReportProblem[];
  /** How many more there are than listed. */
  more: number;
  /** How to go on: where to see everything. */
  next: string;
}

const byPlace = (issue: Issue): ReportProblem => ({
  where: issueLocation(issue, "plain"),
  message: issue.message,
});

/**
 * The report for an outcome, or null when there is nothing to say beyond the summary sheet itself (it carries the
 * time it was produced): a refresh that succeeded plainly.
 */
export function reportFor(outcome: RefreshOutcome): RefreshReport | null {
  if (outcome.ok) {
    if (!outcome.keptSheet && !/could not be removed|put back/.test(outcome.message)) return null;
    return {
      title: "The summary was refreshed",
      message: outcome.message,
      problems: [],
      more: 0,
      next: "Choose Review on the Home tab to see the figures.",
    };
  }
  const errors = (outcome.summary?.issues ?? []).filter((i) => i.severity === "error");
  const listed = outcome.problem === "tracker" ? errors.slice(0, MAX_LISTED_PROBLEMS) : [];
  return {
    title:
      outcome.problem === "busy"
        ? "The summary is already being refreshed"
        : outcome.problem === "tracker"
          ? `The tracker has ${plural(errors.length, "problem")} to fix`
          : "The summary was not refreshed",
    message: outcome.message,
    problems: listed.map(byPlace),
    more: outcome.problem === "tracker" ? Math.max(0, errors.length - listed.length) : 0,
    next:
      outcome.problem === "tracker"
        ? "Choose Review on the Home tab to see every problem and go to its cell."
        : "Choose Review on the Home tab for the details.",
  };
}
