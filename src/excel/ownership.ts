// Which sheets belong to the add-in. Every sheet it creates carries worksheet custom properties; a sheet without
// them is the user's, and is never deleted or overwritten, whatever its name.
import type { SheetKey } from "../layout/plan";

export const OWNER_KEY = "PortfolioSummary.owner";
export const OWNER_VALUE = "portfolio-summary";
/** "summary", "data" or "history": which of the add-in's sheets this is. */
export const ROLE_KEY = "PortfolioSummary.role";
/**
 * The name the add-in gave the sheet. A sheet counts as the live summary only while its name still matches:
 * a copy the user made ("Portfolio Summary (3)") or a sheet they renamed to keep is then left alone.
 */
export const NAME_KEY = "PortfolioSummary.name";
/** Id of the refresh that wrote the sheet. */
export const RUN_KEY = "PortfolioSummary.run";
/** On a previous summary set aside during a swap: the name to give it back if the swap fails. */
export const RESTORE_KEY = "PortfolioSummary.restoreAs";

/** Every mark the add-in puts on its sheets: what the read loads for each sheet. */
export const MARK_KEYS = [OWNER_KEY, ROLE_KEY, NAME_KEY, RUN_KEY, RESTORE_KEY] as const;

/**
 * Marks read only on the live summary (one proxy each, riding the read's second sync), not on every sheet:
 * - FINGERPRINT_KEY: the fingerprint of the cells the add-in wrote, to tell whether someone typed on it since;
 * - UPDATING_KEY: set first and removed last by the step that updates a summary in place, so a refresh stopped
 *   half-way (Excel keeps the part of a failed batch that ran) is known to have left it incomplete;
 * - BACKUP_KEY: the column mapping and pane settings, kept where a loss of the workbook settings cannot reach;
 * - CHARTS_KEY: the fingerprint of the charts the add-in drew (their specs), so unchanged charts are not redrawn.
 */
export const FINGERPRINT_KEY = "PortfolioSummary.fingerprint";
export const CHARTS_KEY = "PortfolioSummary.charts";
export const UPDATING_KEY = "PortfolioSummary.updating";
export const BACKUP_KEY = "PortfolioSummary.savedSettings";

/**
 * On a copy the add-in kept of an edited summary: the run that kept it. Such a sheet is the user's (it has no
 * owner mark); only that run removes it, and only when it fails before its summary is in place.
 */
export const KEPT_BY_KEY = "PortfolioSummary.keptBy";

/** Workbook setting holding the latest StoredOutcome. */
export const LAST_OUTCOME_KEY = "portfolioSummary.lastOutcome";

/** Prefixes of the add-in's working names; "~" sorts them apart and no tracker sheet is expected to use it. */
export const BUILDING_PREFIX = "~PS new ";
const SET_ASIDE_PREFIX = "~PS old ";

/** The summary and its data sheet (replaced at each refresh) or the history (appended to, never replaced). */
export type SheetRole = SheetKey | "history";

/** A sheet as the gateway sees it before writing: its name and the add-in's marks, if any. */
export interface SheetInventoryItem {
  name: string;
  position: number;
  properties: Record<string, string>;
}

export function isAddinSheet(item: SheetInventoryItem): boolean {
  return item.properties[OWNER_KEY] === OWNER_VALUE;
}

/** The add-in's sheet in its role, still under the name the add-in gave it. */
export function isLiveAddinSheet(item: SheetInventoryItem): boolean {
  return isAddinSheet(item) && item.properties[NAME_KEY] === item.name && roleOf(item) !== null;
}

export function roleOf(item: SheetInventoryItem): SheetRole | null {
  const role = item.properties[ROLE_KEY];
  return role === "summary" || role === "data" || role === "history" ? role : null;
}

/** A working sheet left by a refresh that was interrupted (Excel closed mid-write): safe to remove. */
export function isLeftover(item: SheetInventoryItem): boolean {
  return (
    isLiveAddinSheet(item) &&
    (item.name.startsWith(BUILDING_PREFIX) || item.name.startsWith(SET_ASIDE_PREFIX))
  );
}

export function buildingName(role: SheetRole, runId: string): string {
  return `${BUILDING_PREFIX}${role} ${runId}`.slice(0, 31);
}

export function setAsideName(role: SheetRole, runId: string): string {
  return `${SET_ASIDE_PREFIX}${role} ${runId}`.slice(0, 31);
}

/**
 * The name for a planned sheet: the preferred one when free or already the add-in's own live sheet in the same
 * role, otherwise the first free "Name (2)", "Name (3)", ... Names compare case-insensitively, as Excel's do.
 */
export function chooseSheetName(
  preferred: string,
  role: SheetRole,
  sheets: SheetInventoryItem[],
  reserved: string[] = [],
): { name: string; takenByUserSheet: boolean } {
  const lower = (s: string) => s.toLocaleLowerCase("en-GB");
  const holder = (name: string) => sheets.find((s) => lower(s.name) === lower(name));
  const free = (name: string) => {
    if (reserved.some((r) => lower(r) === lower(name))) return false;
    const h = holder(name);
    return !h || (isLiveAddinSheet(h) && roleOf(h) === role && !isLeftover(h));
  };
  const first = holder(preferred);
  const takenByUserSheet = Boolean(first && !isAddinSheet(first));
  if (free(preferred)) return { name: preferred, takenByUserSheet };
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${preferred.slice(0, 31 - suffix.length)}${suffix}`;
    if (free(candidate)) return { name: candidate, takenByUserSheet };
  }
}

/**
 * Name of the copy kept of an edited summary: "Summary (edited 10-01-2025)", then "(2)", "(3)", ... when taken.
 * Excel's 31-character limit rules out "Portfolio Summary (edited 10-01-2025)"; slashes are not allowed.
 */
export function keptSheetName(now: Date, sheets: { name: string }[]): string {
  const day = now.toLocaleDateString("en-GB", { timeZone: "Europe/London" }).replace(/\//g, "-");
  const base = `Summary (edited ${day})`;
  const taken = (name: string) =>
    sheets.some((s) => s.name.toLocaleLowerCase("en-GB") === name.toLocaleLowerCase("en-GB"));
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken(candidate)) return candidate;
  }
}

/** A short id for a refresh, unique enough to keep two runs' working sheets apart. */
export function newRunId(now: Date = new Date(), random: () => number = Math.random): string {
  const time = now.getTime().toString(36).slice(-6);
  const salt = Math.floor(random() * 36 ** 3)
    .toString(36)
    .padStart(3, "0");
  return `${time}${salt}`;
}
