// Splits the tracker read into requests small enough for Excel: Excel on the web rejects a request or response
// over 5 MB, and any range over 5,000,000 cells. The read packs whole sheets, or row blocks of big sheets, into syncs.

/**
 * The rule: each cell costs BYTES_PER_CELL in the response (its value and its number format, JSON-quoted).
 * 64 bytes covers a number or date with its format several times over and a short label; long free-text
 * commentary can exceed it, so the reader also halves a block when Excel still reports a payload too large.
 */
export const BYTES_PER_CELL = 64;
/** Budget per sync: 10% under Excel's 5 MB payload limit, for the JSON envelope. */
export const RESPONSE_BUDGET_BYTES = 4_500_000;
/** Excel's limit on cells in one range read, with the same margin. */
export const MAX_CELLS_PER_REQUEST = 4_500_000;

export interface SheetExtent {
  /** Index of the sheet in the caller's list. */
  sheet: number;
  rowCount: number;
  columnCount: number;
}

/** Rows [rowOffset, rowOffset + rowCount) of one sheet's used range. */
export interface ReadBlock {
  sheet: number;
  rowOffset: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadLimits {
  bytesPerCell: number;
  budgetBytes: number;
  maxCells: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  bytesPerCell: BYTES_PER_CELL,
  budgetBytes: RESPONSE_BUDGET_BYTES,
  maxCells: MAX_CELLS_PER_REQUEST,
};

export function estimateBytes(
  rows: number,
  columns: number,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): number {
  return rows * columns * limits.bytesPerCell;
}

/** Rows of a sheet with this many columns that fit one request (at least one). */
export function rowsPerBlock(columnCount: number, limits: ReadLimits = DEFAULT_READ_LIMITS): number {
  const byBytes = Math.floor(limits.budgetBytes / Math.max(1, columnCount * limits.bytesPerCell));
  const byCells = Math.floor(limits.maxCells / Math.max(1, columnCount));
  return Math.max(1, Math.min(byBytes, byCells));
}

/**
 * Groups the sheets' reads into syncs, in sheet order: small sheets share a sync; a sheet too big for one
 * is cut into row blocks. The number of syncs is the least this greedy packing allows, never one per sheet.
 */
export function planReadBatches(
  extents: SheetExtent[],
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): ReadBlock[][] {
  const batches: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let used = 0;
  let cells = 0;
  const flush = () => {
    if (current.length) batches.push(current);
    current = [];
    used = 0;
    cells = 0;
  };
  for (const extent of extents) {
    if (extent.rowCount <= 0 || extent.columnCount <= 0) continue;
    const step = rowsPerBlock(extent.columnCount, limits);
    for (let offset = 0; offset < extent.rowCount; offset += step) {
      const rowCount = Math.min(step, extent.rowCount - offset);
      const bytes = estimateBytes(rowCount, extent.columnCount, limits);
      const blockCells = rowCount * extent.columnCount;
      if (current.length && (used + bytes > limits.budgetBytes || cells + blockCells > limits.maxCells))
        flush();
      current.push({ sheet: extent.sheet, rowOffset: offset, rowCount, columnCount: extent.columnCount });
      used += bytes;
      cells += blockCells;
    }
  }
  flush();
  return batches;
}
