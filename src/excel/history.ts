// The history sheet in the live workbook: append only. A workbook without one gets it in the build (a new sheet
// carrying the add-in's marks, its header row, its look and an AutoFilter on the header); each successful refresh
// then adds its block of rows below the last one. Rows already there are never rewritten, so a co-author's filter,
// a note typed beside a row or a chart of theirs on it stays; deleting the sheet restarts it.
//
// A block can be far larger than one request (a tracker of 40,000 milestones records a row for each): its rows are
// written with the build, in steps sized by their real request bytes and packed against the writer's budget, all
// but the block's first row, its Overall RAG row. That row is the completion mark: the swap writes it, with the
// summary the block records. A reader takes a block only with that row (readHistorySheet), so a refresh that dies
// half-way leaves rows nobody reads as a record, and the next refresh numbers its block past them.
import { HISTORY_COLUMNS, HISTORY_SHEET_NAME, readHistorySheet } from "../core/history";
import { sheetEndRow, type RawSheet } from "../core/raw";
import { historyFilterRange, historyPrint } from "../layout/history-sheet";
import type { PlannedHistory, PlannedSheet, PlanValue } from "../layout/plan";
import { rectAddress } from "../core/a1";
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
import {
  arraySetBytes,
  jsonBytes,
  pathBytes,
  INSTANTIATE_BYTES,
  setBytes,
  untrackedRangeBytes,
} from "./request-size";
import { areasBytes, cellKey, regionsByValue } from "./write-areas";
import { contentSteps, RangeCache, type WriteStep } from "./write-content";

/** Where this refresh's block goes. */
export interface HistoryTarget {
  /** The sheet's name (the live one, or the one a new sheet takes). */
  name: string;
  /**
   * Made in the build under this working name (the workbook has no history sheet of the add-in's), and given
   * `name` in the swap, as the summary's working sheets are: two refreshes building at once never collide.
   */
  create: string | null;
  /** 0-based row the block starts at. */
  row: number;
  /** The header row goes first (a new sheet, or one whose header someone removed). */
  withHeader: boolean;
}

/** The live history sheet: the add-in's, in the history role, still under the name it gave it. */
function liveHistory(inventory: readonly SheetInventoryItem[]): SheetInventoryItem | undefined {
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
    // Below everything on the sheet: a read stopped short (a cap, a long run of blank rows) must not be written over.
    const end = sheetEndRow(read);
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

/** The sheet the block is written to during the build: the working sheet of a new one, or the live one. */
export const historySheetName = (target: HistoryTarget): string => target.create ?? target.name;

function mark(sheet: Excel.Worksheet, props: Record<string, string>): void {
  for (const [key, value] of Object.entries(props)) sheet.customProperties.add(key, value);
}

/** The new history sheet as one build step: marked as the add-in's (this run's, so a failed run removes it). */
export function newHistorySheetStep(
  plan: PlannedHistory,
  target: HistoryTarget,
  runId: string,
): { bytes: number; queue(worksheets: Excel.WorksheetCollection, ranges: RangeCache): Excel.Worksheet } {
  const working = target.create as string;
  const marks = { [OWNER_KEY]: OWNER_VALUE, [ROLE_KEY]: "history", [NAME_KEY]: working, [RUN_KEY]: runId };
  // The header is one row: its steps fit any request.
  const header = contentSteps({ ...plan.header, key: "data", name: working } as PlannedSheet);
  const filter = historyFilterRange(0);
  return {
    bytes:
      pathBytes(3, "Add", [working]) +
      INSTANTIATE_BYTES +
      Object.entries(marks).reduce((n, kv) => n + pathBytes(3, "Add", kv) + INSTANTIATE_BYTES, 0) +
      header.reduce((n, s) => n + s.bytes, 0) +
      untrackedRangeBytes("GetRange", [filter]) +
      pathBytes(4, "AutoFilter") +
      INSTANTIATE_BYTES +
      200,
    queue: (worksheets, ranges) => {
      const sheet = worksheets.add(working);
      mark(sheet, marks);
      for (const step of header) step.queue(sheet, ranges);
      // Filter buttons on the header (ExcelApi 1.9), over whole columns, so every block appended later is filterable.
      sheet.autoFilter.apply(sheet.getRange(filter).untrack());
      return sheet;
    },
  };
}

/** Rows of the block per step before any cutting: well under the budget, and cut further by their real size. */
const HISTORY_ROWS_PER_STEP = 2000;

/** The rows to write at `firstRow`: their values and formats, the formats as one 1 x 1 array per run down a column. */
function rowsStep(
  what: string,
  values: PlanValue[][],
  formats: string[][],
  firstRow: number,
  width: number,
): WriteStep {
  const grid = valueGrid(values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)));
  // Each format once per rectangle of cells that share it (a 1 x 1 array formats every cell of its range): the
  // three date columns of a block are one range, as is a figure's format across its value, target and variance.
  const cells = new Map<number, string>();
  formats.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const format = row[c] ?? "General";
      if (format !== "General") cells.set(cellKey(firstRow + r, c), format);
    }
  });
  const runs = [...regionsByValue(cells)].flatMap(([format, rects]) =>
    rects.map((rect) => ({ ...rect, format })),
  );
  return {
    what,
    bytes:
      areasBytes(rectAddress({ row: firstRow, col: 0, rows: grid.length, cols: width })) +
      arraySetBytes("Values", jsonBytes(grid), grid.length, width) +
      runs.reduce(
        (n, run) => n + areasBytes(rectAddress(run)) + setBytes("NumberFormat", jsonBytes([[run.format]])),
        0,
      ),
    queue: (sheet, ranges) => {
      // Formats first, then the values: one format for a whole run (a 1 x 1 array formats every cell of it).
      for (const run of runs) ranges.range(sheet, rectAddress(run)).numberFormat = [[run.format]];
      // Text guarded as the summary's is: a tracker's "=HYPERLINK(...)" in a label stays text.
      ranges.range(sheet, rectAddress({ row: firstRow, col: 0, rows: grid.length, cols: width })).values =
        grid;
    },
    split: () => {
      if (values.length <= 1) return null;
      const half = Math.ceil(values.length / 2);
      return [
        rowsStep(what, values.slice(0, half), formats.slice(0, half), firstRow, width),
        rowsStep(what, values.slice(half), formats.slice(half), firstRow + half, width),
      ];
    },
  };
}

const blockWidth = (plan: PlannedHistory) =>
  plan.block.values.reduce((w, r) => Math.max(w, r.length), HISTORY_COLUMNS.length);

/**
 * The block's rows but the first (the completion mark, written by the swap), and the header where it goes first:
 * build steps on the history sheet (historySheetName), cut by rows, each cut again when Excel refuses its size.
 * From row 0 (`from`), the first row is among them: the whole block, for the swap to write at once.
 */
export function historyRowSteps(plan: PlannedHistory, target: HistoryTarget, from = 1): WriteStep[] {
  const { values, numberFormats } = plan.block;
  if (values.length === 0) return [];
  const width = blockWidth(plan);
  const steps: WriteStep[] = [];
  const start = target.row + (target.withHeader ? 1 : 0);
  if (target.withHeader) {
    const header = plan.header.values.slice(0, 1);
    steps.push(rowsStep("the history's header", header, [header[0].map(() => "General")], target.row, width));
  }
  for (let first = from; first < values.length; first += HISTORY_ROWS_PER_STEP) {
    const last = Math.min(values.length, first + HISTORY_ROWS_PER_STEP);
    steps.push(
      rowsStep(
        `the history's rows ${first + 1}-${last}`,
        values.slice(first, last),
        numberFormats.slice(first, last),
        start + first,
        width,
      ),
    );
  }
  return steps;
}

/**
 * Room the swap keeps for its own calls (the in-place update, tables, charts, marks: about 80 KB for the sample, a
 * few hundred KB at the largest): a block up to the rest of the write budget rides the swap whole, adding no
 * request (the sample's 76 rows are about 25 KB; 8,000 rows about 3 MB). A larger one is appended in requests of
 * its own before the swap, all but its first row.
 */
const SWAP_RESERVE_BYTES = 1_000_000;

/** Whether the block goes whole in the swap (otherwise its rows but the first are appended before it). */
export function historyFitsSwap(plan: PlannedHistory, target: HistoryTarget, budget: number): boolean {
  const first = plan.block.values.slice(0, 1);
  const rest = historyRowSteps(plan, target);
  const firstBytes = rowsStep("", first, plan.block.numberFormats.slice(0, 1), 0, blockWidth(plan)).bytes;
  return rest.reduce((n, step) => n + step.bytes, firstBytes) <= budget - SWAP_RESERVE_BYTES;
}

/**
 * Queues the block's completion in the swap: its first row (the Overall RAG row, without which no reader takes the
 * block), after the rest of it when `whole` (a small block rides the swap entirely), a new sheet's name (and its
 * place, when given), and the print area widened to cover the block.
 */
export function queueHistoryCompletion(
  context: Excel.RequestContext,
  plan: PlannedHistory,
  target: HistoryTarget,
  options: { position: number | null; whole: boolean },
): void {
  const { values, numberFormats } = plan.block;
  if (values.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(historySheetName(target));
  if (target.create) {
    // The new sheet takes its name now, with the summary it first records.
    sheet.name = target.name;
    if (options.position !== null) sheet.position = options.position;
    mark(sheet, { [NAME_KEY]: target.name });
  }
  const start = target.row + (target.withHeader ? 1 : 0);
  const ranges = new RangeCache();
  if (options.whole) {
    // The whole block at once, its first row with the rest (one range for its values and one for each run of a
    // format, not a second set for the first row): written together, in the request that completes the summary.
    for (const step of historyRowSteps(plan, target, 0)) step.queue(sheet, ranges);
  } else {
    rowsStep(
      "the history's first row",
      values.slice(0, 1),
      numberFormats.slice(0, 1),
      start,
      blockWidth(plan),
    ).queue(sheet, ranges);
  }
  // A header written again (someone removed it) gets its filter buttons again.
  if (target.withHeader) sheet.autoFilter.apply(sheet.getRange(historyFilterRange(target.row)).untrack());
  const print = historyPrint(start + values.length - 1);
  // A sheet made by this refresh's build has the rest of its print setup from there: only its print area grows.
  if (target.create) sheet.pageLayout.setPrintArea(print.printArea);
  else applyPrint(sheet, print);
}
