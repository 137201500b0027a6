// The history sheet in the live workbook: append only. A workbook without one gets it in the build batch (a new
// sheet carrying the add-in's marks, its header row and look); each successful refresh then adds its block of rows
// below the last one in the swap batch, with the summary it records. Rows already there are never rewritten, so a
// co-author's filter, a note typed beside a row or a chart of theirs on it stays; deleting the sheet restarts it.
import { HISTORY_SHEET_NAME, readHistorySheet } from "../core/history";
import type { RawSheet } from "../core/raw";
import { historyPrint } from "../layout/history-sheet";
import type { PlannedHistory, PlannedSheet } from "../layout/plan";
import {
  buildingName,
  chooseSheetName,
  isLiveAddinSheet,
  NAME_KEY,
  OWNER_KEY,
  OWNER_VALUE,
  roleOf,
  ROLE_KEY,
  RUN_KEY,
  type SheetInventoryItem,
} from "./ownership";
import { applyPrint, valueGrid } from "./render";
import { contentSteps } from "./write-content";

/** Where this refresh's block goes. */
export interface HistoryTarget {
  /** The sheet's name (the live one, or the one a new sheet takes). */
  name: string;
  /**
   * Made in the build batch under this working name (the workbook has no history sheet of the add-in's), and
   * given `name` in the swap, as the summary's working sheets are: two refreshes building at once never collide.
   */
  create: string | null;
  /** 0-based row the block starts at. */
  row: number;
  /** The header row goes first (a new sheet, or one whose header someone removed). */
  withHeader: boolean;
}

/** The live history sheet: the add-in's, in the history role, still under the name it gave it. */
export function liveHistory(inventory: readonly SheetInventoryItem[]): SheetInventoryItem | undefined {
  return inventory.find((s) => isLiveAddinSheet(s) && roleOf(s) === "history");
}

/**
 * The target of the append: below the last used row of the live sheet as the read found it (one refresh at a time,
 * under the lease, so nobody else appends in between), or row 2 of a new sheet.
 */
export function historyTarget(
  inventory: SheetInventoryItem[],
  read: RawSheet | undefined,
  reserved: string[],
  runId: string,
): HistoryTarget {
  const live = liveHistory(inventory);
  if (live) {
    const end = read && read.values.length > 0 ? read.originRow + read.values.length : 0;
    const headed = readHistorySheet(read).snapshots.length > 0 || hasHeader(read);
    return { name: live.name, create: null, row: end, withHeader: !headed };
  }
  const { name } = chooseSheetName(HISTORY_SHEET_NAME, "history", inventory, reserved);
  return { name, create: buildingName("history", runId), row: 1, withHeader: false };
}

function hasHeader(read: RawSheet | undefined): boolean {
  return Boolean(
    read?.values.some((row) => row.some((v) => v === "Refresh") && row.some((v) => v === "Kind")),
  );
}

/** Queues a new history sheet in the build batch: marked as the add-in's (this run's, so a failed run removes it). */
export function queueNewHistorySheet(
  context: Excel.RequestContext,
  plan: PlannedHistory,
  target: HistoryTarget,
  runId: string,
): void {
  const working = target.create as string;
  const sheet = context.workbook.worksheets.add(working);
  mark(sheet, { [OWNER_KEY]: OWNER_VALUE, [ROLE_KEY]: "history", [NAME_KEY]: working, [RUN_KEY]: runId });
  // The header is one row: its steps fit any request.
  for (const step of contentSteps({ ...plan.header, key: "data", name: working } as PlannedSheet))
    step.queue(sheet);
}

function mark(sheet: Excel.Worksheet, props: Record<string, string>): void {
  for (const [key, value] of Object.entries(props)) sheet.customProperties.add(key, value);
}

/** Queues this refresh's block below the last row (in the swap batch), and widens the print area to cover it. */
export function queueHistoryAppend(
  context: Excel.RequestContext,
  plan: PlannedHistory,
  target: HistoryTarget,
  lastPosition: number,
): void {
  const header = plan.header.values.slice(0, 1);
  const values = [...(target.withHeader ? header : []), ...plan.block.values];
  if (values.length === 0) return;
  const width = Math.max(...values.map((r) => r.length));
  const formats = [
    ...(target.withHeader ? [header[0].map(() => "General")] : []),
    ...plan.block.numberFormats,
  ];
  const sheet = context.workbook.worksheets.getItem(target.create ?? target.name);
  if (target.create) {
    // The new sheet takes its name now, with the summary it first records.
    sheet.name = target.name;
    sheet.position = lastPosition;
    mark(sheet, { [NAME_KEY]: target.name });
  }
  const range = sheet.getRangeByIndexes(target.row, 0, values.length, width);
  range.numberFormat = formats.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? "General"));
  // Text guarded as the summary's is: a tracker's "=HYPERLINK(...)" in a label stays text.
  range.values = valueGrid(values);
  applyPrint(sheet, historyPrint(target.row + values.length - 1));
}
