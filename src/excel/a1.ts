// A1 addresses for the gateway: the plan's ranges as 0-based rectangles and back, built on the core's A1 module.
// Only the sheet-prefix handling lives here: the gateway may be handed "'Sheet'!B4" where the core expects "B4".
import { parseRect, type Rect } from "../core/a1";

// The gateway's and the preview's callers import these from here, so they stay reachable under the old names.
export {
  cellAddress,
  columnIndex,
  columnLetters,
  MAX_COLS,
  MAX_ROWS,
  quoteSheetName,
  rectAddress,
  type Rect,
} from "../core/a1";

/**
 * Parses "B4", "A1:L1", "C:C" or "3:5" (an optional sheet prefix "'Sheet'!" is dropped).
 * Whole columns or rows span the sheet; returns null for text that is not an address.
 */
export function parseRange(address: string): Rect | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return parseRect(local);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
