// What a failed write left, read back from the marks actually in the workbook, and the undo of a write that failed
// before the swap: this run's sheets deleted, set-aside sheets given their names back.
import type { SheetKey, SheetPlan } from "../layout/plan";
import {
  buildingName,
  KEPT_BY_KEY,
  NAME_KEY,
  OWNER_KEY,
  OWNER_VALUE,
  RESTORE_KEY,
  RUN_KEY,
  setAsideName,
  UPDATING_KEY,
  type SheetInventoryItem,
} from "./ownership";
import type { CountingSync } from "./sync";

/** What a failed write left: nothing changed; the summary part-updated; or complete but for removing leftovers. */
export type WriteState = "unchanged" | "incomplete" | "complete" | "unknown";

export async function listSheets(
  context: Excel.RequestContext,
  sync: CountingSync,
): Promise<SheetInventoryItem[]> {
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

/**
 * After a failed swap, what the workbook holds, from the marks: every planned sheet carrying this run's mark
 * means the swap ran up to its deletes; a live sheet still marked as being updated means it stopped part-way;
 * neither means nothing of it ran.
 */
export async function stateAfterFailedSwap(
  context: Excel.RequestContext,
  sync: CountingSync,
  runId: string,
  plan: SheetPlan,
  names: Partial<Record<SheetKey, string>>,
): Promise<{ state: WriteState; leftBehind: string[] }> {
  try {
    const current = await listSheets(context, sync);
    const working = new Set(plan.sheets.map((p) => buildingName(p.key, runId)));
    const leftBehind = current.filter((s) => working.has(s.name)).map((s) => s.name);
    const finalSheets = plan.sheets.map((p) => current.find((s) => s.name === names[p.key]));
    if (finalSheets.every((s) => s?.properties[RUN_KEY] === runId && !s.properties[UPDATING_KEY]))
      return { state: "complete", leftBehind };
    if (current.some((s) => s.properties[UPDATING_KEY] === runId)) return { state: "incomplete", leftBehind };
    return { state: "unchanged", leftBehind };
  } catch {
    return { state: "unknown", leftBehind: [] };
  }
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
        // A copy this run kept of an edited summary: the summary itself is still there, as edited.
        s.properties[KEPT_BY_KEY] === runId ||
        (s.properties[OWNER_KEY] === OWNER_VALUE &&
          s.properties[RUN_KEY] === runId &&
          !s.properties[RESTORE_KEY] &&
          !s.properties[UPDATING_KEY]),
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
      sheet.customProperties.add(NAME_KEY, original);
      sheet.customProperties.getItem(RESTORE_KEY).delete();
    }
    if (ours.length || asides.length) await sync();
    return true;
  } catch {
    return false;
  }
}
