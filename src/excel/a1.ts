// A1 addresses for the gateway: parse the plan's ranges into 0-based rectangles and back.
// Kept local to the shell: the core has no need to parse addresses the layout itself wrote.

export interface Rect {
  /** 0-based first row. */
  row: number;
  /** 0-based first column. */
  col: number;
  rows: number;
  cols: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

interface End {
  row: number | null;
  col: number | null;
}

function parseEnd(text: string): End | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
}

/**
 * Parses "B4", "A1:L1", "C:C" or "3:5" (an optional sheet prefix "'Sheet'!" is dropped).
 * Whole columns or rows span the sheet; returns null for text that is not an address.
 */
export function parseRange(address: string): Rect | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.split(":");
  const start = parseEnd(a);
  const end = parseEnd(b);
  if (!start || !end) return null;
  if ((start.row === null) !== (end.row === null) || (start.col === null) !== (end.col === null)) return null;
  const r0 = start.row ?? 0;
  const r1 = end.row ?? MAX_ROWS - 1;
  const c0 = start.col ?? 0;
  const c1 = end.col ?? MAX_COLS - 1;
  return {
    row: Math.min(r0, r1),
    col: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    cols: Math.abs(c1 - c0) + 1,
  };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Sheet name quoted for use in a formula or a qualified address ('Portfolio Summary'!A1). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
