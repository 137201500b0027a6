// The engine's public surface: raw workbook in, summary model out. Every shell calls only this.
import type { BaselineChoice, HistorySnapshot, KpiId, PortfolioSummary, ReviewNote } from "./model";
import type { RawWorkbook } from "./raw";

/** Key under which the add-in saves pane settings in the workbook (RawWorkbook.savedSettings). */
export const SAVED_SETTINGS_KEY = "portfolioSummary.settings";
/** Key under which the add-in saves a column mapping in the workbook (RawWorkbook.savedSettings). */
export const SAVED_MAPPING_KEY = "portfolioSummary.mapping";

/** Thresholds a user may override from the task pane (saved in the workbook) or the CLI. */
export interface SettingsOverrides {
  riskThreshold?: number;
  sendStalenessDays?: number;
  financeStalenessDays?: number;
  kpiTolerances?: Partial<Record<KpiId, number>>;
  /** Which earlier report "Since last report" compares with (default: the last report before this one). */
  baseline?: BaselineChoice;
}

export interface EngineOptions {
  /** Clock for `generatedAt` (tests pass a fixed date). Default: now. */
  now?: Date;
  /** Overrides the workbook name for the footer. Default: raw.name or "". */
  workbookName?: string;
  /** Applied over the tracker's Settings sheet and over raw.savedSettings[SAVED_SETTINGS_KEY]. */
  settingsOverrides?: SettingsOverrides;
  /** Notes laid over those on the workbook's notes sheet (the CLI's --notes file); see src/core/review. */
  reviewNotes?: ReviewNote[];
  /**
   * The refreshes recorded before this one, in place of the history sheet read with the workbook (raw.history):
   * the CLI's --previous gives those of a previous summary (src/core/history/previous.ts).
   */
  recorded?: readonly HistorySnapshot[];
}

export type RunEngine = (raw: RawWorkbook, options?: EngineOptions) => PortfolioSummary;
