// Small shared operations on the workbook copy inside a sync: finding sheets, touching cells, checking limits.
import { MAX_COLS, type Rect } from "./address";
import type { Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { defaultStyle, emptyCell, type CellState, type SheetState } from "./state";

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

export function sheetById(tx: Tx, id: string): SheetState {
  const sheet = tx.wb.sheets.find((s) => s.id === id);
  if (!sheet) throw simError("ItemNotFound", MESSAGES.itemNotFound, "Worksheet");
  return sheet;
}

export function sheetByName(tx: Tx, name: string): SheetState | null {
  const lower = name.toLowerCase();
  return tx.wb.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
}

/** Excel rejects reads and writes over more cells than its limit (5 million on the web). */
export function checkCellLimit(tx: Tx, rect: Rect): void {
  if (rect.rows * rect.cols > tx.host.limits.maxCells) {
    throw simError("RangeExceedsLimit", MESSAGES.rangeExceedsLimit, "Range");
  }
}

/** True for ranges of whole rows or whole columns, which Excel formats without materialising cells. */
function isHuge(rect: Rect): boolean {
  return rect.rows * rect.cols > 1_000_000;
}

/** Calls fn for every cell of the rect (or, for whole rows/columns, for every existing cell inside it). */
export function forEachCellIn(sheet: SheetState, rect: Rect, fn: (row: number, col: number) => void): void {
  if (isHuge(rect)) {
    for (const key of [...sheet.cells.keys()]) {
      const row = keyRow(key);
      const col = keyCol(key);
      if (row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols)
        fn(row, col);
    }
    return;
  }
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.col; c < rect.col + rect.cols; c++) fn(r, c);
}

export function cellAt(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function ensureCell(sheet: SheetState, row: number, col: number): CellState {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = emptyCell();
    sheet.cells.set(key, cell);
  }
  return cell;
}

const DEFAULT_STYLE = defaultStyle();
const DEFAULT_STYLE_JSON = JSON.stringify(DEFAULT_STYLE);
const STYLE_KEYS = Object.keys(DEFAULT_STYLE).length;
const FONT_KEYS = Object.keys(DEFAULT_STYLE.font).length;

const keyCount = (o: object): number => {
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) n++;
  return n;
};

/** Whether a cell has Excel's default formatting. Called for every cell a write touches: the common shape is
 * checked field by field, anything else by its JSON. */
export function hasDefaultStyle(cell: CellState): boolean {
  const s = cell.style;
  const d = DEFAULT_STYLE;
  const f = s.font;
  // Most styled cells differ in a field: that answer needs no count of keys.
  const sameFields =
    s.fill === d.fill &&
    s.horizontalAlignment === d.horizontalAlignment &&
    s.verticalAlignment === d.verticalAlignment &&
    s.wrapText === d.wrapText &&
    s.indentLevel === d.indentLevel &&
    f.name === d.font.name &&
    f.size === d.font.size &&
    f.bold === d.font.bold &&
    f.italic === d.font.italic &&
    f.underline === d.font.underline &&
    f.color === d.font.color;
  // A field that differs settles it (the default's JSON holds every one of them): no keys to count.
  if (!sameFields) return false;
  if (keyCount(s) !== STYLE_KEYS || keyCount(f) !== FONT_KEYS)
    return JSON.stringify(s) === DEFAULT_STYLE_JSON;
  return keyCount(s.borders) === 0;
}

/** Drops a cell that holds nothing and no formatting, so the used range stays right. */
export function pruneCell(sheet: SheetState, row: number, col: number): void {
  const key = cellKey(row, col);
  const cell = sheet.cells.get(key);
  if (
    cell &&
    cell.value === "" &&
    !cell.formula &&
    cell.numberFormat === "General" &&
    hasDefaultStyle(cell)
  ) {
    sheet.cells.delete(key);
  }
}

/**
 * Bounding box of the cells with content (valuesOnly) or with content or formatting; null when none. Within
 * `within` only, when given (Range.getUsedRange).
 */
export function usedRect(sheet: SheetState, valuesOnly: boolean, within?: Rect): Rect | null {
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === "" && !cell.formula) continue;
    const r = keyRow(key);
    const c = keyCol(key);
    if (
      within &&
      (r < within.row || r >= within.row + within.rows || c < within.col || c >= within.col + within.cols)
    )
      continue;
    if (r < minR) minR = r;
    if (c < minC) minC = c;
    if (r > maxR) maxR = r;
    if (c > maxC) maxC = c;
  }
  if (maxR < 0) return null;
  return { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
}

const NAMED_COLOURS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  grey: "#808080",
  gray: "#808080",
};

/** Excel accepts "#RRGGBB" (any case) and HTML colour names, and reports "#RRGGBB" in upper case. */
export function normaliseColour(input: unknown, where: string): string {
  if (typeof input !== "string") throw simError("InvalidArgument", MESSAGES.invalidArgument, where);
  const named = NAMED_COLOURS[input.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(input);
  if (!m) throw simError("InvalidArgument", MESSAGES.invalidArgument, where);
  return `#${m[1].toUpperCase()}`;
}

/** Reads one property over a range: the common value, or null when cells differ (as Office.js reports mixed formats). */
export function uniform<T>(
  sheet: SheetState,
  rect: Rect,
  read: (cell: CellState) => T,
  empty: CellState,
): T | null {
  let first = true;
  let result: T | null = null;
  let mixed = false;
  const visit = (row: number, col: number): void => {
    if (mixed) return;
    const v = read(cellAt(sheet, row, col) ?? empty);
    if (first) {
      result = v;
      first = false;
    } else if (JSON.stringify(v) !== JSON.stringify(result)) mixed = true;
  };
  if (isHuge(rect)) {
    visit(rect.row, rect.col);
    forEachCellIn(sheet, rect, visit);
  } else forEachCellIn(sheet, rect, visit);
  return mixed ? null : result;
}
