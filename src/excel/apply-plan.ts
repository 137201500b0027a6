// Writes a sheet plan into the live workbook atomically: the new summary is built in sheets with working names,
// and only once complete does it replace the previous one. On any failure the working sheets are removed and the
// previous summary is put back as it was. Only sheets carrying the add-in's marks are ever renamed or deleted.
import type { SheetKey, SheetPlan } from "../layout/plan";
import type { StoredOutcome } from "./api";
import {
  buildingName,
  BUILDING_PREFIX,
  chooseSheetName,
  isLeftover,
  isLiveAddinSheet,
  LAST_OUTCOME_KEY,
  NAME_KEY,
  OWNER_KEY,
  OWNER_VALUE,
  RESTORE_KEY,
  roleOf,
  ROLE_KEY,
  RUN_KEY,
  setAsideName,
  newRunId,
  type SheetInventoryItem,
} from "./ownership";
import { queueCharts, sheetContentParts } from "./render";
import { RESPONSE_BUDGET_BYTES } from "./blocks";
import { countingSync, errorText, type CountingSync } from "./sync";

/** Request budget per sync while building, the same margin under Excel's 5 MB limit as the read's. */
export const WRITE_BUDGET_BYTES = RESPONSE_BUDGET_BYTES;

export type IsSetSupported = (name: string, version: string) => boolean;

export interface ApplyPlanOptions {
  /** Id of this run, used in working sheet names. */
  runId?: string;
  /** The workbook's sheets as the read found them; without it the writer lists them itself (one more sync). */
  inventory?: SheetInventoryItem[];
  /** Outcome stored in the workbook settings in the same sync that puts the new summary in place. */
  outcome?: (written: { sheetName: string; nameTakenByUserSheet: boolean }) => StoredOutcome;
  isSetSupported?: IsSetSupported;
  sync?: CountingSync;
  onProgress?: (step: "writing" | "charts") => void;
  /** Request budget per sync while building (default WRITE_BUDGET_BYTES; tests shrink it). */
  writeBudgetBytes?: number;
}

export interface ApplyPlanResult {
  ok: boolean;
  /** Names the planned sheets were given (the intended names when the write failed). */
  sheetNames: Partial<Record<SheetKey, string>>;
  nameTakenByUserSheet: boolean;
  /** Part of the write that failed. */
  failedStep: "writing" | "charts" | null;
  /** What went wrong, in words; "" when ok. */
  error: string;
  /** False only if, after a failure, the previous summary could not be fully put back. */
  previousIntact: boolean;
  syncs: number;
}

async function listSheets(context: Excel.RequestContext, sync: CountingSync): Promise<SheetInventoryItem[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await sync();
  const props = sheets.items.map((s) => s.customProperties.load("items/key,items/value"));
  await sync();
  return sheets.items.map((s, position) => ({
    name: s.name,
    position,
    properties: Object.fromEntries(props[position].items.map((p) => [p.key, p.value])),
  }));
}

function mark(sheet: Excel.Worksheet, props: Record<string, string>): void {
  for (const [key, value] of Object.entries(props)) sheet.customProperties.add(key, value);
}

function suspend(context: Excel.RequestContext, isSetSupported: IsSetSupported): void {
  if (isSetSupported("ExcelApi", "1.6")) context.application.suspendApiCalculationUntilNextSync();
  if (isSetSupported("ExcelApiDesktop", "1.1")) context.application.suspendScreenUpdatingUntilNextSync();
}

/** Default feature check: Office's own where it runs, otherwise the stand-in runner is taken at its word. */
export function officeIsSetSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported(name, version) : true;
}

/**
 * Writes the plan: sync 1 builds the new sheets under working names (values, formats, layout, print setup,
 * charts); sync 2 sets the previous summary aside, gives the new sheets their names, stores the outcome and
 * deletes what was set aside. Any failure is undone by `restore`, which works from the marks actually in the
 * workbook.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: SheetPlan,
  options: ApplyPlanOptions = {},
): Promise<ApplyPlanResult> {
  const sync = options.sync ?? countingSync(context);
  const start = sync.count;
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  const runId = options.runId ?? newRunId();
  const inventory = options.inventory ?? (await listSheets(context, sync));

  // Names: the preferred name unless a sheet of the user's holds it.
  const names: Partial<Record<SheetKey, string>> = {};
  let nameTakenByUserSheet = false;
  for (const planned of plan.sheets) {
    const chosen = chooseSheetName(planned.name, planned.key, inventory, Object.values(names));
    names[planned.key] = chosen.name;
    if (planned.key === "summary") nameTakenByUserSheet = chosen.takenByUserSheet;
  }
  const previous = inventory.filter((s) => isLiveAddinSheet(s) && !isLeftover(s));
  const previousOf = (key: SheetKey) => previous.find((s) => roleOf(s) === key);
  const result = (ok: boolean, extra: Partial<ApplyPlanResult> = {}): ApplyPlanResult => ({
    ok,
    sheetNames: names,
    nameTakenByUserSheet,
    failedStep: null,
    error: "",
    previousIntact: true,
    syncs: sync.count - start,
    ...extra,
  });

  // Sync 1: build everything, charts included. Charts drawn here name the working sheets; Excel rewrites every
  // series reference when a sheet is renamed, so after the swap they name the final sheets.
  let step: "writing" | "charts" = "writing";
  try {
    options.onProgress?.("writing");
    suspend(context, isSetSupported);
    const worksheets = context.workbook.worksheets;
    const built: Partial<Record<SheetKey, Excel.Worksheet>> = {};
    const anchor = previousOf("summary")?.position;
    plan.sheets.forEach((planned, i) => {
      const working = buildingName(planned.key, runId);
      const sheet = worksheets.add(working);
      mark(sheet, {
        [OWNER_KEY]: OWNER_VALUE,
        [ROLE_KEY]: planned.key,
        [NAME_KEY]: working,
        [RUN_KEY]: runId,
      });
      // Take the previous summary's place in the tab order (it moves right until it is deleted).
      if (anchor !== undefined) sheet.position = anchor + i;
      built[planned.key] = sheet;
    });
    // Normally one request; a summary too long for one is sent in parts, each under the payload budget.
    let queued = 0;
    for (const planned of plan.sheets) {
      for (const part of sheetContentParts(built[planned.key] as Excel.Worksheet, planned)) {
        if (queued > 0 && queued + part.requestBytes > (options.writeBudgetBytes ?? WRITE_BUDGET_BYTES)) {
          await sync();
          queued = 0;
        }
        part.queue();
        queued += part.requestBytes;
      }
    }
    step = "charts";
    options.onProgress?.("charts");
    for (const planned of plan.sheets) queueCharts(built[planned.key] as Excel.Worksheet, planned, built);
    await sync();
  } catch (error) {
    const intact = await restore(context, sync, runId, plan);
    return result(false, {
      failedStep: step === "charts" && isChartFault(error) ? "charts" : "writing",
      error: errorText(error),
      previousIntact: intact,
      syncs: sync.count - start,
    });
  }

  // Sync 2: swap.
  try {
    suspend(context, isSetSupported);
    const worksheets = context.workbook.worksheets;
    // Working sheets left by an interrupted run, and old copies superseded by a live summary, go first.
    for (const leftover of inventory.filter(isLeftover)) {
      const role = roleOf(leftover);
      if (leftover.name.startsWith(BUILDING_PREFIX) || (role && previousOf(role))) {
        worksheets.getItem(leftover.name).delete();
      }
    }
    const setAside: string[] = [];
    for (const old of previous) {
      const role = roleOf(old) as SheetKey;
      const aside = setAsideName(role, runId);
      const sheet = worksheets.getItem(old.name);
      sheet.name = aside;
      mark(sheet, { [NAME_KEY]: aside, [RESTORE_KEY]: old.name });
      setAside.push(aside);
    }
    for (const planned of plan.sheets) {
      const sheet = worksheets.getItem(buildingName(planned.key, runId));
      const finalName = names[planned.key] as string;
      sheet.name = finalName;
      mark(sheet, { [NAME_KEY]: finalName });
      if (planned.key === "summary") sheet.activate();
    }
    if (options.outcome) {
      const outcome = options.outcome({ sheetName: names.summary ?? "", nameTakenByUserSheet });
      context.workbook.settings.add(LAST_OUTCOME_KEY, outcome);
    }
    // Deleting last: if anything above fails, the previous summary still exists and is renamed back.
    for (const aside of setAside) worksheets.getItem(aside).delete();
    await sync();
  } catch (error) {
    const intact = await restore(context, sync, runId, plan);
    return result(false, {
      failedStep: "writing",
      error: errorText(error),
      previousIntact: intact,
      syncs: sync.count - start,
    });
  }
  return result(true);
}

/** Whether Office.js places the failing action in a chart (OfficeExtension.Error.debugInfo.errorLocation). */
function isChartFault(error: unknown): boolean {
  const info = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo;
  const location = typeof info?.errorLocation === "string" ? info.errorLocation : "";
  return /chart|series|axis|legend/i.test(location);
}

/**
 * Undoes a failed write from what is really in the workbook: deletes this run's sheets (found by their marks or,
 * if the marks were never written, by their working names) and gives set-aside sheets their names back.
 * Returns false when that could not be done.
 */
export async function restore(
  context: Excel.RequestContext,
  sync: CountingSync,
  runId: string,
  plan: SheetPlan,
): Promise<boolean> {
  try {
    const current = await listSheets(context, sync);
    const workingNames = new Set(plan.sheets.map((p) => buildingName(p.key, runId)));
    const worksheets = context.workbook.worksheets;
    const ours = current.filter(
      (s) =>
        workingNames.has(s.name) ||
        (s.properties[OWNER_KEY] === OWNER_VALUE &&
          s.properties[RUN_KEY] === runId &&
          !s.properties[RESTORE_KEY]),
    );
    for (const sheet of ours) worksheets.getItem(sheet.name).delete();
    const asideNames = new Set((["summary", "data"] as SheetKey[]).map((role) => setAsideName(role, runId)));
    const asides = current.filter(
      (s) => s.properties[OWNER_KEY] === OWNER_VALUE && asideNames.has(s.name) && s.properties[RESTORE_KEY],
    );
    for (const aside of asides) {
      const original = aside.properties[RESTORE_KEY];
      const sheet = worksheets.getItem(aside.name);
      sheet.name = original;
      mark(sheet, { [NAME_KEY]: original });
      sheet.customProperties.getItem(RESTORE_KEY).delete();
    }
    if (ours.length || asides.length) await sync();
    return true;
  } catch {
    return false;
  }
}
