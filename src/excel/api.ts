// The workbook gateway's surface, shared by the task pane, the ribbon command and the browser preview.
// The gateway runs against any `ExcelRunner`: Excel.run in Office, the in-memory Excel in tests and the preview.
import type { SettingsOverrides } from "../core/engine-api";
import type { TrackerMapping } from "../core/mapping/format";
import type { PortfolioSummary, Severity } from "../core/model";
import type { RawWorkbook } from "../core/raw";

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
}

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
  /** Activate the sheet, sync, then select the A1 address or range on it. */
  selectRange(sheet: string, address: string): Promise<void>;
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
}
