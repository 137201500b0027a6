// A1 addresses and Excel date serials for the layout: small pure helpers the plan builders share.
// Rows are 1-based and columns 0-based throughout, as in the plan contract (values[row-1][col]); the A1 arithmetic
// itself is the core's (0-based both ways), so these only shift the row.
import { cellAddress as coreCellAddress, parseRangeAddress as parseCoreRange } from "../core/a1";

/** (3, 0) -> "A3". */
export function cellAddress(row: number, col: number): string {
  return coreCellAddress(row - 1, col);
}

/** A rectangle as "A3:D5"; a single cell stays "A3". */
export function rangeAddress(row1: number, col1: number, row2 = row1, col2 = col1): string {
  const a = cellAddress(row1, col1);
  const b = cellAddress(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

export interface Rect {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

/** "B2:D4" or "B2" -> its corners (rows 1-based, columns 0-based). Throws on text that is not A1 (a plan fault). */
export function parseRangeAddress(range: string): Rect {
  const corners = parseCoreRange(range);
  if (!corners) throw new Error(`Not an A1 address: "${range}"`);
  return { row1: corners.top + 1, col1: corners.left, row2: corners.bottom + 1, col2: corners.right };
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** "2025-01-07" -> 45664 (the Excel serial, 1900 date system); "2024-12" -> the serial of its first day. */
export function excelSerial(isoDateOrMonth: string): number | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(isoDateOrMonth.slice(0, 10));
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const utc = Date.UTC(year, month - 1, day);
  // Reject dates such as 2025-02-31 that Date.UTC would roll into March.
  if (new Date(utc).getUTCDate() !== day) return null;
  return Math.round((utc - EXCEL_EPOCH) / MS_PER_DAY);
}
