// A1 addresses for the simulator: parse "B2:D5", "Sheet 1!A1", "A:A", "3:5" into 0-based rectangles and back.
// Kept separate so the simulator's range maths can be tested on its own.
import { simError } from "./errors";

/** A rectangle of cells, 0-based and inclusive of its first cell. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (A..XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1" for one cell, "A1:C3" otherwise; whole columns/rows are written out as cells, like Excel's address for a used range. */
export function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return first;
  if (rect.row === 0 && rect.rows === MAX_ROWS) {
    return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.cols - 1)}`;
  }
  if (rect.col === 0 && rect.cols === MAX_COLS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  return `${first}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/** Sheet names with anything beyond letters, digits and underscores are quoted, quotes doubled, as Excel does. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
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

interface Corner {
  row: number | null;
  col: number | null;
}

function parseCorner(part: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?([0-9]{0,7})$/.exec(part.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? columnIndex(m[1]) : null;
  const row = m[2] ? Number(m[2]) - 1 : null;
  if ((col !== null && (col < 0 || col >= MAX_COLS)) || (row !== null && (row < 0 || row >= MAX_ROWS)))
    return null;
  return { row, col };
}

/** Parses a local A1 address; null when Excel would reject it. */
export function tryParseRect(local: string): Rect | null {
  const parts = local.split(":");
  if (parts.length > 2) return null;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return null;
  // Whole columns ("A:C") and whole rows ("2:4") must be given in pairs of the same kind.
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  if (parts.length === 1 && (a.row === null || a.col === null)) return null;
  const r1 = a.row ?? 0;
  const r2 = b.row ?? MAX_ROWS - 1;
  const c1 = a.col ?? 0;
  const c2 = b.col ?? MAX_COLS - 1;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function parseRect(local: string): Rect {
  const rect = tryParseRect(local);
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

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}
