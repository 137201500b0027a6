// A1 addresses: column letters <-> indexes and cell/range addresses, so every issue can point at the real cell.
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
