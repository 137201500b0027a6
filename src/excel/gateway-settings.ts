// The gateway's settings in the workbook: a saved setting read or written (with its backup on the summary sheet,
// which survives a settings loss), the stored outcome, and the watch an open pane keeps on them; and going to a
// cell the pane links to.
import type { ExcelRunner, RefreshOutcome, StoredOutcome, WorkbookChange } from "./api";
import { isLive, LEASE_KEY, parseLease } from "./lease";
import {
  BACKUP_KEY,
  LAST_OUTCOME_KEY,
  NAME_KEY,
  OWNER_KEY,
  ROLE_KEY,
  type SheetInventoryItem,
} from "./ownership";
import { BACKED_UP_SETTINGS, liveSheet } from "./summary-probe";

/** Reading and writing the workbook settings over `run`. */
export function settingsAccess(run: ExcelRunner) {
  async function readSetting<T>(key: string): Promise<T | null> {
    return run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key).load("value");
      await context.sync();
      return setting.isNullObject ? null : (setting.value as T);
    });
  }

  /** A saved setting, or its backup on the summary sheet when the workbook settings lost it. */
  async function readSavedSetting(key: string): Promise<unknown> {
    return run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key).load("value");
      await context.sync();
      if (!setting.isNullObject) return setting.value as unknown;
      const summary = await findLiveSummary(context);
      if (!summary) return null;
      const backup = await readBackup(context, summary);
      return key in backup ? backup[key] : null;
    });
  }

  /**
   * Writes a saved setting (null removes it), and keeps the summary sheet's backup in step, so that a removal is
   * not undone by the next refresh as if the setting had been lost.
   */
  async function writeSavedSetting(key: string, value: unknown): Promise<void> {
    await run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      const summary = await findLiveSummary(context);
      const backup = summary ? await readBackup(context, summary) : null;
      if (value !== null) context.workbook.settings.add(key, value);
      // findLiveSummary has synced: whether the setting exists is known by now.
      // eslint-disable-next-line office-addins/call-sync-before-read
      else if (!setting.isNullObject) setting.delete();
      if (summary && backup) {
        const next = { ...backup };
        if (value === null) delete next[key];
        else next[key] = value;
        context.workbook.worksheets.getItem(summary).customProperties.add(BACKUP_KEY, JSON.stringify(next));
      }
      await context.sync();
    });
  }

  async function loadLastOutcome(): Promise<StoredOutcome | null> {
    const value = await readSetting<StoredOutcome>(LAST_OUTCOME_KEY);
    return value && typeof value === "object" ? value : null;
  }

  return { readSetting, readSavedSetting, writeSavedSetting, loadLastOutcome };
}

/** Tells `listener` of each change of the stored outcome or the lease (settings.onSettingsChanged, ExcelApi 1.4). */
export async function watchSettings(
  run: ExcelRunner,
  runtimeId: string,
  clock: (() => Date) | undefined,
  listener: (change: WorkbookChange) => void,
): Promise<() => void> {
  const tell = async () => {
    try {
      const change = await run(async (context): Promise<WorkbookChange> => {
        const outcome = context.workbook.settings.getItemOrNullObject(LAST_OUTCOME_KEY).load("value");
        const leaseSetting = context.workbook.settings.getItemOrNullObject(LEASE_KEY).load("value");
        await context.sync();
        const found = parseLease(leaseSetting.isNullObject ? null : leaseSetting.value);
        const value = outcome.isNullObject ? null : (outcome.value as StoredOutcome);
        return {
          outcome: value && typeof value === "object" ? value : null,
          refreshing: isLive(found, clock?.() ?? new Date())
            ? { source: found.source, startedAt: found.startedAt, here: found.runtime === runtimeId }
            : null,
        };
      });
      listener(change);
    } catch {
      /* a change that cannot be read now is seen at the next one */
    }
  };
  const handle = await run(async (context) => {
    const result = context.workbook.settings.onSettingsChanged.add(async () => tell());
    await context.sync();
    return result;
  });
  return () => {
    try {
      handle.remove();
      void handle.context.sync().catch(() => {});
    } catch {
      /* the workbook is gone: nothing left to stop */
    }
  };
}

const FIND_MARKS = [OWNER_KEY, ROLE_KEY, NAME_KEY] as const;

/** The live summary's name, from the sheets' marks (two syncs), or null when there is none. */
async function findLiveSummary(context: Excel.RequestContext): Promise<string | null> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const marks = sheets.items.map((s) =>
    FIND_MARKS.map((key) => s.customProperties.getItemOrNullObject(key).load("value")),
  );
  await context.sync();
  const inventory: SheetInventoryItem[] = sheets.items.map((s, position) => ({
    name: s.name,
    position,
    properties: Object.fromEntries(
      marks[position].flatMap((m, i) =>
        m.isNullObject ? [] : [[FIND_MARKS[i], m.value] as [string, string]],
      ),
    ),
  }));
  return liveSheet(inventory, "summary")?.name ?? null;
}

/** The settings backed up on a summary sheet (an empty object when it holds none, or a damaged copy). */
async function readBackup(context: Excel.RequestContext, sheet: string): Promise<Record<string, unknown>> {
  const prop = context.workbook.worksheets
    .getItem(sheet)
    .customProperties.getItemOrNullObject(BACKUP_KEY)
    .load("value");
  await context.sync();
  if (prop.isNullObject) return {};
  try {
    const parsed: unknown = JSON.parse(prop.value);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The settings kept on the summary sheet as JSON: those saved in the workbook now. */
export function backupOf(saved: Record<string, unknown>): string {
  const kept: Record<string, unknown> = {};
  for (const key of BACKED_UP_SETTINGS) if (key in saved) kept[key] = saved[key];
  return JSON.stringify(kept);
}

/** Goes to a cell (the pane's "Go to cell"): says when its sheet is missing, hidden or very hidden instead. */
export async function selectCell(run: ExcelRunner, sheet: string, address: string) {
  return run(async (context) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet).load("visibility");
    await context.sync();
    if (worksheet.isNullObject) return "missing" as const;
    const visibility = String(worksheet.visibility);
    if (visibility === "VeryHidden") return "veryHidden" as const;
    if (visibility !== "Visible") return "hidden" as const;
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
    return "selected" as const;
  });
}

/** The part of an outcome kept in the workbook: plain JSON, without the summary itself. */
export function stored(outcome: RefreshOutcome): StoredOutcome {
  return {
    runId: outcome.runId,
    at: outcome.at,
    ok: outcome.ok,
    sheetName: outcome.sheetName,
    flaggedVariances: outcome.flaggedVariances,
    issueCounts: outcome.issueCounts,
    message: outcome.message,
    ...(outcome.source ? { source: outcome.source } : {}),
    keptSheet: outcome.keptSheet ?? null,
    ...(outcome.sheetWalk ? { sheetWalk: outcome.sheetWalk } : {}),
  };
}
