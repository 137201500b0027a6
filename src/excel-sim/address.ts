// A1 addresses for the simulator: parse "B2:D5", "Sheet 1!A1", "A:A", "3:5" into 0-based rectangles and back.
// The A1 arithmetic is the core's (src/core/a1.ts); this adds what only Excel's own answers need.
import { simError } from "./errors";
import {
  columnLetters,
  parseRect as parseCoreRect,
  quoteSheetName as quoteAlways,
  rectAddress as cellRectAddress,
  MAX_COLS,
  MAX_ROWS,
  type Rect,
} from "../core/a1";

export {
  cellAddress,
  columnIndex,
  columnLetters,
  MAX_COLS,
  MAX_ROWS,
  parseRect as tryParseRect,
  type Rect,
} from "../core/a1";

/** "A1" for one cell, "A1:C3" otherwise; whole columns/rows are written out as cells, like Excel's address for a used range. */
export function rectAddress(rect: Rect): string {
  if (rect.row === 0 && rect.rows === MAX_ROWS) {
    return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.cols - 1)}`;
  }
  if (rect.col === 0 && rect.cols === MAX_COLS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  return cellRectAddress(rect);
}

/** Sheet names with anything beyond letters, digits and underscores are quoted, quotes doubled, as Excel does. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : quoteAlways(name);
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

/** Splits "'My sheet'!A1:B2" into its sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

export function parseRect(local: string): Rect {
  const rect = parseCoreRect(local);
  if (!rect) throw simError("InvalidArgument", `The address '${local}' is not a valid range address.`);
  return rect;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  if (rowEnd <= row || colEnd <= col) return null;
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}
