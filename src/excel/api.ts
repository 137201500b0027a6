// The workbook gateway's surface, shared by the task pane, the ribbon command and the browser preview.
// The gateway runs against any `ExcelRunner`: Excel.run in Office, the in-memory Excel in tests and the preview.
import type { SettingsOverrides } from "../core/engine-api";
import type { TrackerMapping } from "../core/mapping/format";
import type { PortfolioSummary, ReviewNote, Severity } from "../core/model";
import type { RawWorkbook } from "../core/raw";
import type { RefreshSource } from "./lease";
import type { NoteSaveResult } from "./notes";

export type { RefreshSource } from "./lease";
export type { NoteSaveResult } from "./notes";

/** Excel.run, or a stand-in with the same contract. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Steps of a refresh, in order, as the pane's progress bar names them. */
export type RefreshStep = "reading" | "checking" | "computing" | "writing" | "charts";

export const REFRESH_STEP_LABELS: Record<RefreshStep, string> = {
  reading: "Reading the tracker",
  checking: "Checking it",
  computing: "Computing the figures",
  writing: "Writing the sheet",
  charts: "Drawing charts",
};

/** What the latest run left behind; stored in the workbook so an opened pane can show it. */
export interface StoredOutcome {
  runId: string;
  /** ISO date-time the run finished. */
  at: string;
  ok: boolean;
  /** Name of the summary sheet written (may differ from "Portfolio Summary" when a user's sheet has that name). */
  sheetName: string | null;
  flaggedVariances: number;
  issueCounts: Record<Severity, number>;
  /** One sentence: what happened, and what to do when it failed. */
  message: string;
  /**
   * How the read learnt the sheets: walking getNextOrNullObject past the last sheet ("chain"), or, when the host
   * refused that, listing them first ("list", with the refusal). No document says which a host takes, so the
   * first refresh on each platform records it.
   */
  sheetWalk?: { path: "chain" | "list"; refusal?: string };
  /** Where the refresh was started (absent in outcomes stored before this was recorded). */
  source?: RefreshSource;
  /** The user's sheet the previous summary was kept in because someone had typed on it, if any. */
  keptSheet?: string | null;
}

/**
 * Why a refresh could not do its work, when it is something the user can act on (or wait for), each with its own
 * message: another refresh running, a read-only or protected workbook or summary, a cell being edited, another
 * workbook brought to the front mid-write; "tracker" for errors in the tracker; "fault" for anything else.
 */
export type RefreshProblem =
  "busy" | "readOnly" | "protected" | "sheetProtected" | "cellEdit" | "focus" | "tracker" | "fault";

export interface RefreshOutcome extends StoredOutcome {
  summary: PortfolioSummary | null;
  /** Step that failed, when ok is false. */
  failedStep: RefreshStep | null;
  /** True when a sheet called "Portfolio Summary" belongs to the user, so the summary took another name. */
  nameTakenByUserSheet: boolean;
  /** context.sync() calls made by the run (read + write). */
  syncs: number;
  /** The tracker as this run read it, when it got that far (the pane's mapping step opens on it, not on a new read). */
  raw?: RawWorkbook;
  /** What stopped the refresh, when ok is false (null when it succeeded). */
  problem: RefreshProblem | null;
}

/** Where "go to cell" ended: selected, or why not. */
export type SelectOutcome = "selected" | "hidden" | "veryHidden" | "missing";

/** What the pane hears when a refresh finished or started anywhere (a settings change in the workbook). */
export interface WorkbookChange {
  /** The latest stored outcome. */
  outcome: StoredOutcome | null;
  /** The refresh under way elsewhere, if any: where it was started and when. */
  refreshing: { source: RefreshSource; startedAt: string; here: boolean } | null;
}

export interface RefreshOptions {
  onProgress?: (step: RefreshStep) => void;
  /** Overrides applied over the settings saved in the workbook. */
  settingsOverrides?: SettingsOverrides;
  /** Clock, for tests. */
  now?: Date;
}

export interface WorkbookGateway {
  /** Read the tracker, compute, write the Portfolio Summary atomically. Never throws: failures come back as ok=false. */
  refresh(options?: RefreshOptions): Promise<RefreshOutcome>;
  /**
   * Activate the sheet, then select the A1 address or range on it; a hidden, very hidden or missing sheet is
   * reported rather than thrown, so the pane can say which.
   */
  selectRange(sheet: string, address: string): Promise<SelectOutcome>;
  /** Pane settings saved in the workbook (empty object when none). */
  loadSettings(): Promise<SettingsOverrides>;
  saveSettings(settings: SettingsOverrides): Promise<void>;
  /** Outcome of the latest refresh stored in the workbook, or null. */
  loadLastOutcome(): Promise<StoredOutcome | null>;
  /**
   * The tracker as the refresh reads it (every sheet but the add-in's own, tables and saved settings), for the
   * pane's mapping step to suggest and preview a column mapping. Throws when the workbook cannot be read.
   * `headRows` reads only the first rows of each sheet: enough to see whether its headers are where the reader
   * expects, without reading the whole tracker.
   */
  readRaw(options?: { headRows?: number }): Promise<RawWorkbook>;
  /** The column mapping saved in the workbook, as stored (any version; parse it with parseMapping), or null. */
  loadMapping(): Promise<unknown>;
  /** Saves the column mapping in the workbook's settings, for everyone who opens it; null removes it. */
  saveMapping(mapping: TrackerMapping | null): Promise<void>;
  /**
   * The summary as the workbook now gives it (read and computed, nothing written): what the pane shows after a
   * refresh made elsewhere. Throws when the workbook cannot be read.
   */
  readSummary(options?: { now?: Date }): Promise<PortfolioSummary>;
  /**
   * Calls `listener` whenever the workbook's settings change (a refresh finished or started, from this runtime,
   * the ribbon or a colleague's copy of the add-in). Resolves to the function that stops listening.
   */
  watchWorkbook(listener: (change: WorkbookChange) => void): Promise<() => void>;
  /**
   * Keeps a note (a variance explained, a data query acknowledged) on the notes sheet: its row updated in place, or
   * appended (the sheet made on the first note). `expected` is the note as the pane showed it (null for a new one):
   * if the sheet no longer holds that, nothing is written and the result says so, with the note as it is now.
   * Never throws. The page shows the note from the next refresh.
   */
  saveReviewNote(note: ReviewNote, expected: ReviewNote | null): Promise<NoteSaveResult>;
}
