// The pane's state in one place: what it shows (the summary, the last run, a failure, a notice, a problem, the
// screen-reader announcement, the mapping step when open) and the events that change it, as one pure reducer.
import type { SettingsOverrides } from "../core/engine-api";
import type { PortfolioSummary, ReviewNote } from "../core/model";
import { applyReview } from "../core/review/review";
import { plural } from "../core/wording";
import type { RefreshOutcome, RefreshStep, StoredOutcome, WorkbookChange } from "../excel/api";
import { SOURCE_WORDS } from "../excel/lease";
import { formatRunTime } from "./text";

export interface PaneState<Mapping> {
  /** The summary shown: the last successful refresh's. */
  summary: PortfolioSummary | null;
  lastRun: StoredOutcome | null;
  running: boolean;
  step: RefreshStep | null;
  /** The latest run, when it failed. */
  failure: RefreshOutcome | null;
  /** What a successful run also did (another sheet name, a kept sheet, made elsewhere). */
  notice: string | null;
  saved: SettingsOverrides;
  /** Something the pane itself could not do (save, go to a cell, open the mapping step). */
  problem: string | null;
  /** The polite live region's sentence. */
  announcement: string;
  /** The mapping step, when open. */
  mapping: Mapping | null;
  /** A refresh under way elsewhere (the ribbon, another pane). */
  elsewhere: WorkbookChange["refreshing"];
  /** The name or role the person gave with their last note, to fill in the next. */
  reviewer: string;
}

export type PaneEvent<Mapping> =
  | { type: "lastRunLoaded"; run: StoredOutcome | null }
  | { type: "settingsLoaded"; saved: SettingsOverrides }
  | { type: "settingsSaved"; saved: SettingsOverrides }
  | { type: "problem"; text: string | null }
  | { type: "mappingOpened"; mapping: Mapping; announce: boolean }
  | { type: "mappingClosed" }
  | { type: "refreshStarted" }
  | { type: "progress"; step: RefreshStep }
  | { type: "refreshFinished"; outcome: RefreshOutcome }
  | { type: "elsewhere"; refreshing: WorkbookChange["refreshing"] }
  | { type: "followStarted"; outcome: StoredOutcome }
  | { type: "followed"; outcome: StoredOutcome; current: PortfolioSummary | null }
  | {
      type: "notesChanged";
      /** Every note on the notes sheet as the save found (or left) it, and the sheet's name. */
      notes: ReviewNote[];
      sheet: string;
      /** The note saved, or null when the save was refused and only the notes as they are were learnt. */
      saved: ReviewNote | null;
    };

export function initialPaneState<Mapping>(): PaneState<Mapping> {
  return {
    summary: null,
    lastRun: null,
    running: false,
    step: null,
    failure: null,
    notice: null,
    saved: {},
    problem: null,
    announcement: "",
    mapping: null,
    elsewhere: null,
    reviewer: "",
  };
}

/** What the pane says after a refresh that succeeded, beyond the figures: where it wrote, what it kept. */
function successNotice(outcome: StoredOutcome & { nameTakenByUserSheet?: boolean }): string | null {
  const parts: string[] = [];
  if (outcome.nameTakenByUserSheet && outcome.sheetName)
    parts.push(
      `Your workbook already has its own sheet called "Portfolio Summary", so the summary was written to "${outcome.sheetName}".`,
    );
  if (outcome.keptSheet)
    parts.push(
      `Someone had typed on the previous summary, so it was kept as your own sheet "${outcome.keptSheet}" before the new one was written.`,
    );
  return parts.length > 0 ? parts.join(" ") : null;
}

function sourceText(outcome: StoredOutcome): string {
  return outcome.source ? `from ${SOURCE_WORDS[outcome.source]}` : "made elsewhere";
}

function elsewhereText(outcome: StoredOutcome): string {
  const where = outcome.source ? `from ${SOURCE_WORDS[outcome.source]}` : "elsewhere";
  return `The summary was refreshed ${where} at ${formatRunTime(outcome.at)}.`;
}

/** A stored failed outcome, with the tracker's problems when the workbook can be read, for the refresh panel. */
function storedFailure(outcome: StoredOutcome, summary: PortfolioSummary | null): RefreshOutcome {
  return {
    ...outcome,
    summary: summary && summary.issueCounts.error > 0 ? summary : null,
    failedStep: null,
    nameTakenByUserSheet: false,
    syncs: 0,
    problem: summary && summary.issueCounts.error > 0 ? "tracker" : "fault",
  };
}

export function paneReducer<Mapping>(
  state: PaneState<Mapping>,
  event: PaneEvent<Mapping>,
): PaneState<Mapping> {
  switch (event.type) {
    case "lastRunLoaded":
      return { ...state, lastRun: event.run };
    case "settingsLoaded":
    case "settingsSaved":
      return { ...state, saved: event.saved };
    case "problem":
      return { ...state, problem: event.text };
    case "mappingOpened":
      return {
        ...state,
        mapping: event.mapping,
        announcement: event.announce
          ? "This tracker is laid out differently from the template: match its layout to continue."
          : state.announcement,
      };
    case "mappingClosed":
      return { ...state, mapping: null };
    case "refreshStarted":
      return {
        ...state,
        running: true,
        step: null,
        failure: null,
        notice: null,
        announcement: "Refreshing the summary.",
      };
    case "progress":
      return { ...state, step: event.step };
    case "refreshFinished": {
      const { outcome } = event;
      const done = { ...state, running: false, lastRun: outcome };
      if (outcome.ok && outcome.summary)
        return {
          ...done,
          summary: outcome.summary,
          notice: successNotice(outcome),
          announcement: `Summary refreshed: ${plural(outcome.summary.variances.length, "flagged variance", "flagged variances", { grouped: true })}, ${plural(outcome.summary.issues.length, "data problem", "data problems", { grouped: true })}.`,
        };
      return {
        ...done,
        failure: outcome,
        announcement: "The summary was not refreshed. The previous summary is unchanged.",
      };
    }
    case "elsewhere":
      return { ...state, elsewhere: event.refreshing };
    case "notesChanged": {
      if (!state.summary) return state;
      const summary = applyReview(state.summary, event.notes, event.sheet);
      if (!event.saved) return { ...state, summary };
      const what = event.saved.kind === "variance" ? "Explanation" : "Known data query";
      return {
        ...state,
        summary,
        reviewer: event.saved.by,
        announcement: `${what} saved on the "${event.sheet}" sheet; the summary sheet shows it from the next refresh.`,
      };
    }
    case "followStarted":
      return { ...state, lastRun: event.outcome, notice: null };
    case "followed": {
      const { outcome, current } = event;
      if (outcome.ok)
        return {
          ...state,
          summary: current ?? state.summary,
          failure: null,
          notice:
            `${elsewhereText(outcome)} ${successNotice({ ...outcome, nameTakenByUserSheet: false }) ?? ""}`.trim(),
          announcement: elsewhereText(outcome),
        };
      return {
        ...state,
        failure: storedFailure(outcome, current),
        announcement: `A refresh ${sourceText(outcome)} did not finish.`,
      };
    }
  }
}
