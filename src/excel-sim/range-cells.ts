// What a write to a range does to its cells: a 2-D input checked against the range (or a scalar spread over it),
// one input entered as Excel takes it, and Range.copyFrom laid onto the state.
import { intersect, parseRect, rectAddress, MAX_COLS, MAX_ROWS, type Rect } from "./address";
import { enter } from "./cells";
import type { Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { cellAt, checkCellLimit, ensureCell, forEachCellIn, pruneCell, sheetById } from "./helpers";
import {
  clonePlain,
  emptyCell,
  nextId,
  type CellState,
  type CellValue,
  type ConditionalFormatState,
  type SheetState,
} from "./state";
import type { RangeRef } from "./range";

export function grid<T>(rect: Rect, read: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < rect.cols; c++) row.push(read(rect.row + r, rect.col + c));
    out.push(row);
  }
  return out;
}

/**
 * Checks a 2-D input against the range. Excel also accepts a single value for a multi-cell range (the typings
 * say any[][], but the runtime applies a scalar to every cell), so a scalar is spread.
 */
export function shapeInput<T>(input: unknown, rect: Rect, where: string): (r: number, c: number) => T {
  if (!Array.isArray(input)) return () => input as T;
  const rows = input as unknown[];
  const fits =
    rows.length === rect.rows && rows.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!fits) {
    throw simError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      where,
    );
  }
  return (r, c) => (rows[r] as T[])[c];
}

/** Writes one input into a cell as Excel would take it (null leaves the cell unchanged). */
export function writeEntry(
  sheet: SheetState,
  row: number,
  col: number,
  input: unknown,
  asFormula: boolean,
): void {
  if (input === null || input === undefined) return;
  if (typeof input !== "string" && typeof input !== "number" && typeof input !== "boolean") {
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.values");
  }
  if (typeof input === "number" && !Number.isFinite(input)) {
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.values");
  }
  const cell = ensureCell(sheet, row, col);
  const entry = enter(input as CellValue, cell.numberFormat);
  // formulas = "x" and values = "=x" behave the same; the distinction matters only for "@" cells, where
  // Excel keeps even "=..." as text.
  void asFormula;
  cell.value = entry.value;
  if (entry.formula !== undefined) cell.formula = entry.formula;
  else delete cell.formula;
  if (entry.forcedText) cell.forcedText = true;
  else delete cell.forcedText;
  if (entry.impliedFormat && cell.numberFormat === "General") cell.numberFormat = entry.impliedFormat;
  pruneCell(sheet, row, col);
}

export type CopyKind = "All" | "Formulas" | "Values" | "Formats";

/** Range.copyFrom on the state: the source block laid onto the destination's top-left (see copyFrom). */
export function copyCells(tx: Tx, from: RangeRef, to: RangeRef, kind: CopyKind, skipBlanks: boolean): void {
  const source = sheetById(tx, from.sheetId);
  const target = sheetById(tx, to.sheetId);
  checkCellLimit(tx, from.rect);
  const dr = to.rect.row - from.rect.row;
  const dc = to.rect.col - from.rect.col;
  const dest: Rect = { row: to.rect.row, col: to.rect.col, rows: from.rect.rows, cols: from.rect.cols };
  if (dest.row + dest.rows > MAX_ROWS || dest.col + dest.cols > MAX_COLS)
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.copyFrom");
  // Read the whole source first: source and destination may overlap on the same sheet.
  const copies: { row: number; col: number; cell: CellState | undefined }[] = [];
  forEachCellIn(source, from.rect, (row, col) => {
    const cell = cellAt(source, row, col);
    copies.push({ row: row + dr, col: col + dc, cell: cell ? clonePlain(cell) : undefined });
  });
  const formats = kind === "All" || kind === "Formats";
  const contents = kind !== "Formats";
  if (formats) removeMergesIn(target, dest);
  for (const { row, col, cell } of copies) {
    const blank = !cell || (cell.value === "" && !cell.formula);
    if (skipBlanks && blank) continue;
    const into = ensureCell(target, row, col);
    if (contents) {
      into.value = cell?.value ?? "";
      if (kind !== "Values" && cell?.formula) into.formula = cell.formula;
      else delete into.formula;
      if (cell?.forcedText) into.forcedText = true;
      else delete into.forcedText;
      if (kind === "All" && cell?.hyperlink) into.hyperlink = { ...cell.hyperlink };
      else if (kind === "All") delete into.hyperlink;
    }
    if (formats) {
      into.numberFormat = cell?.numberFormat ?? "General";
      into.style = cell ? clonePlain(cell.style) : emptyCell().style;
    }
    pruneCell(target, row, col);
  }
  if (!formats) return;
  for (const merge of source.merges) {
    const part = intersect(merge, from.rect);
    if (part && part.rows === merge.rows && part.cols === merge.cols)
      target.merges.push({ ...merge, row: merge.row + dr, col: merge.col + dc });
  }
  // Conditional formats keep their order among themselves and go above the destination's own, as a paste does.
  target.conditionalFormats = target.conditionalFormats.filter((cf) => !intersect(parseRect(cf.range), dest));
  const copied = source.conditionalFormats
    .map((cf) => ({ cf, part: intersect(parseRect(cf.range), from.rect) }))
    .filter((x): x is { cf: ConditionalFormatState; part: Rect } => x.part !== null);
  const ranked = copied.map((x) => x.cf.priority).sort((a, b) => a - b);
  for (const other of target.conditionalFormats) other.priority += copied.length;
  for (const { cf, part } of copied) {
    target.conditionalFormats.push({
      ...structuredClone(cf),
      id: nextId(tx.wb, "cf"),
      range: rectAddress({ ...part, row: part.row + dr, col: part.col + dc }),
      priority: ranked.indexOf(cf.priority),
    });
  }
}

export function removeMergesIn(sheet: SheetState, rect: Rect): void {
  sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
}
