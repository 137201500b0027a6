// A1 addresses, the one module for them in src: column letters <-> indexes, cell and range addresses, rectangles
// for the range API, sheet-qualified references. One convention throughout: rows and columns are 0-based indexes
// (row 0, column 0 is A1); a row *number* (1-based, as Excel shows it) is named so wherever one is meant.
// Positions inside a RawSheet's `values` are offset by the sheet's originRow/originCol (its used range may start at C5).

/** Where a block of values sits on its sheet (RawSheet has these two fields). */
export interface Origin {
  originRow: number;
  originCol: number;
}

const LETTERS_CACHE: string[] = [];

/** 0-based column index -> letters: 0 -> "A", 25 -> "Z", 26 -> "AA". Returns "" for a negative or fractional index. */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0) return "";
  // Cached because the reader asks for the same few columns once per row.
  if (index < 1024) {
    const cached = LETTERS_CACHE[index];
    if (cached !== undefined) return cached;
  }
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  if (index < 1024) LETTERS_CACHE[index] = out;
  return out;
}

/** Letters -> 0-based column index: "A" -> 0, "aa" -> 26. Returns -1 when the text is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based sheet row and column -> "C5". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** 0-based corners -> "B4:H40" (a single cell gives "B4"). */
export function rangeAddress(row1: number, col1: number, row2: number, col2: number): string {
  const a = cellAddress(Math.min(row1, row2), Math.min(col1, col2));
  const b = cellAddress(Math.max(row1, row2), Math.max(col1, col2));
  return a === b ? a : `${a}:${b}`;
}

/** Address of values[r][c] of a sheet whose used range starts at (originRow, originCol). */
export function sheetCellAddress(origin: Origin, r: number, c: number): string {
  return cellAddress(origin.originRow + r, origin.originCol + c);
}

/** Range address of values[r1..r2][c1..c2] of a sheet. */
export function sheetRangeAddress(origin: Origin, r1: number, c1: number, r2: number, c2: number): string {
  return rangeAddress(
    origin.originRow + r1,
    origin.originCol + c1,
    origin.originRow + r2,
    origin.originCol + c2,
  );
}

/** 1-based sheet row number of values[r] (what Excel shows in the row header). */
export function sheetRowNumber(origin: Origin, r: number): number {
  return origin.originRow + r + 1;
}

/** "C5" -> { row: 4, col: 2 } (0-based); "$C$5" accepted. null when the text is not a cell address. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  if (row < 0) return null;
  return { row, col: columnIndex(m[1]) };
}

/** "B4:H40" -> 0-based corners; a single cell gives a one-cell range. null when not a range. */
export function parseRangeAddress(
  range: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const parts = range.split(":");
  if (parts.length > 2) return null;
  const a = parseCellAddress(parts[0]);
  const b = parts.length === 2 ? parseCellAddress(parts[1]) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rectangles as Excel's range API sees them (first cell plus a size), for the shells that write the plan out.

/** Excel's grid: 1,048,576 rows by 16,384 columns (A..XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A block of cells: 0-based first row and column, and how many rows and columns it spans. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A rectangle as "B4" (one cell) or "B4:H40"; whole columns or rows are written out cell by cell. */
export function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
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

/**
 * "B4", "B4:H40", whole columns "C:E" or whole rows "3:5" (no sheet prefix) -> a Rect; null where Excel would refuse
 * the address (a lone "C", a row 0, beyond XFD1048576, three parts).
 */
export function parseRect(local: string): Rect | null {
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
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

/** Sheet name always quoted, quotes doubled, for a formula or a qualified address: 'Portfolio Summary'!A1. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A sheet name as Excel writes it in a reference: bare when only letters, digits, _ and . ("KPIs"), else quoted. */
export function referenceSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : quoteSheetName(name);
}

/** The address without its sheet: "'Risk Register'!B4:H40" -> "B4:H40"; an address without one is unchanged. */
export function localAddress(address: string): string {
  return address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
}

/** parseRect for an address that may carry its sheet ("'Sheet'!B4" as Office.js reports it). */
export function parseRange(address: string): Rect | null {
  return parseRect(localAddress(address));
}
