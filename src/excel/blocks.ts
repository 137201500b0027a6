// Plans the tracker read in requests small enough for Excel, and bounded however large Excel says a sheet is.
// Excel on the web refuses a request or response over 5 MB, and any range over 5,000,000 cells; and a sheet's used
// range counts formulas, so a column of =IF(B5="","",...) filled to row 1,048,576, or one stray value in column XFD,
// makes it millions of empty cells. So each sheet is read from the top in row blocks: the first block sized from a
// guess of the bytes a cell takes, every later one from what the last block really took; several sheets share a
// request while the budget lasts. A sheet stops after a long run of blank rows or a cap on its cells, columns past a
// cap are not read, and trailing blank rows and columns are trimmed; what was left is reported, never silently lost.
import type { RawCell } from "../core/raw";

/** First guess of the response bytes a cell takes (its value and number format as JSON), before one is measured. */
const BYTES_PER_CELL = 64;
/** Budget per sync: 10% under Excel's 5 MB payload limit, for the JSON envelope. */
export const RESPONSE_BUDGET_BYTES = 4_500_000;
/** Excel's limit on cells in one request, with the same margin. */
const MAX_CELLS_PER_REQUEST = 4_500_000;
/** Columns read from a sheet's used range (IV, the old 256-column sheet): a tracker is far narrower. */
export const MAX_READ_COLUMNS = 256;
/** A sheet's read stops after this many blank rows in a row, when its used range goes on further. */
export const BLANK_ROWS_TO_STOP = 2000;
/** Cells read from one sheet at most (Excel on the web's own limit for one range). */
const MAX_CELLS_PER_SHEET = 5_000_000;
/** Safety over the bytes a cell was measured to take, for the rows still to come. */
const MEASURE_MARGIN = 1.25;
/** A block smaller than this waits for the next request rather than squeeze into what is left of this one. */
const MIN_SHARED_BLOCK_ROWS = 64;

export interface ReadLimits {
  bytesPerCell: number;
  budgetBytes: number;
  maxCells: number;
  maxColumns?: number;
  blankRowsToStop?: number;
  maxCellsPerSheet?: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  bytesPerCell: BYTES_PER_CELL,
  budgetBytes: RESPONSE_BUDGET_BYTES,
  maxCells: MAX_CELLS_PER_REQUEST,
};

export interface SheetExtent {
  /** Index of the sheet in the caller's list. */
  sheet: number;
  /** Rows and columns of its used range. */
  rowCount: number;
  columnCount: number;
  /** Read no more than this many rows, and report nothing left (the pane's look at the tops of the sheets). */
  headRows?: number;
}

/** Rows [rowOffset, rowOffset + rowCount) of one sheet's used range, its first columnCount columns. */
export interface ReadBlock {
  sheet: number;
  rowOffset: number;
  rowCount: number;
  columnCount: number;
}

/** Part of a sheet's used range left unread (offsets within the used range). */
export interface UnreadPart {
  sheet: number;
  rowOffset: number;
  rowCount: number;
  colOffset: number;
  colCount: number;
  /** After a long run of blank rows; beyond the columns read; or past the cap on a sheet's cells. */
  reason: "blank-rows" | "far-columns" | "too-many-cells";
}

export interface SheetRead {
  /** The cells read, trailing blank rows and columns trimmed (rectangular). */
  values: RawCell[][];
  numberFormats: string[][];
  unread: UnreadPart[];
}

interface Cursor {
  extent: SheetExtent;
  rows: number;
  cols: number;
  next: number;
  bytesPerCell: number;
  blankRun: number;
  /** Rows up to the last one with a value, and columns up to the last with one. */
  contentRows: number;
  contentCols: number;
  values: RawCell[][];
  formats: string[][];
  unread: UnreadPart[];
  done: boolean;
}

const isBlank = (v: RawCell) => v === "" || v === null || v === undefined;

export class ReadPlan {
  private readonly cursors: Cursor[];
  private readonly limits: Required<ReadLimits>;

  constructor(extents: SheetExtent[], limits: ReadLimits = DEFAULT_READ_LIMITS) {
    this.limits = {
      maxColumns: MAX_READ_COLUMNS,
      blankRowsToStop: BLANK_ROWS_TO_STOP,
      maxCellsPerSheet: MAX_CELLS_PER_SHEET,
      ...limits,
    };
    this.cursors = extents.map((extent) => {
      const rows = Math.max(0, Math.min(extent.rowCount, extent.headRows ?? Infinity));
      const cols = Math.max(0, Math.min(extent.columnCount, this.limits.maxColumns));
      const cursor: Cursor = {
        extent,
        rows,
        cols,
        next: 0,
        bytesPerCell: this.limits.bytesPerCell,
        blankRun: 0,
        contentRows: 0,
        contentCols: 0,
        values: [],
        formats: [],
        unread: [],
        done: rows === 0 || cols === 0,
      };
      if (cols > 0 && extent.columnCount > cols && extent.headRows === undefined) {
        cursor.unread.push({
          sheet: extent.sheet,
          rowOffset: 0,
          rowCount: extent.rowCount,
          colOffset: cols,
          colCount: extent.columnCount - cols,
          reason: "far-columns",
        });
      }
      return cursor;
    });
  }

  get done(): boolean {
    return this.cursors.every((c) => c.done);
  }

  /** Columns of a sheet's used range that are read (the rest is past the cap). */
  columnsRead(sheet: number): number {
    return this.cursor(sheet).cols;
  }

  private cursor(sheet: number): Cursor {
    const cursor = this.cursors.find((c) => c.extent.sheet === sheet);
    if (!cursor) throw new Error(`No sheet ${sheet} in the read plan.`);
    return cursor;
  }

  /** The blocks of the next request: at most one per sheet still being read, together within the budget. */
  next(): ReadBlock[] {
    const blocks: ReadBlock[] = [];
    let bytes = 0;
    let cells = 0;
    for (const c of this.cursors) {
      if (c.done) continue;
      const left = c.rows - c.next;
      const sheetCellsLeft = Math.max(0, this.limits.maxCellsPerSheet - c.next * c.cols);
      const fit = Math.min(
        left,
        Math.floor((this.limits.budgetBytes - bytes) / Math.max(1, c.cols * c.bytesPerCell)),
        Math.floor((this.limits.maxCells - cells) / Math.max(1, c.cols)),
        Math.floor(sheetCellsLeft / Math.max(1, c.cols)),
      );
      let rowCount = fit;
      if (blocks.length === 0) rowCount = Math.max(1, fit);
      else if (fit < Math.min(left, MIN_SHARED_BLOCK_ROWS)) break;
      if (rowCount <= 0) break;
      blocks.push({ sheet: c.extent.sheet, rowOffset: c.next, rowCount, columnCount: c.cols });
      bytes += rowCount * c.cols * c.bytesPerCell;
      cells += rowCount * c.cols;
      if (bytes >= this.limits.budgetBytes || cells >= this.limits.maxCells) break;
    }
    return blocks;
  }

  /** What a block gave: its rows, and the bytes they took, from which the sheet's next block is sized. */
  took(block: ReadBlock, values: RawCell[][], formats: string[][], bytes: number): void {
    const c = this.cursor(block.sheet);
    for (let r = 0; r < block.rowCount; r++) {
      const row = values[r] ?? [];
      c.values.push(row);
      c.formats.push((formats[r] ?? []).map((f) => String(f)));
      let last = -1;
      for (let i = row.length - 1; i >= 0; i--) {
        if (!isBlank(row[i])) {
          last = i;
          break;
        }
      }
      if (last < 0) {
        c.blankRun++;
      } else {
        c.blankRun = 0;
        c.contentRows = block.rowOffset + r + 1;
        c.contentCols = Math.max(c.contentCols, last + 1);
      }
    }
    c.next = block.rowOffset + block.rowCount;
    const cells = block.rowCount * block.columnCount;
    if (cells > 0) c.bytesPerCell = Math.max(1, (bytes / cells) * MEASURE_MARGIN);
    const leftover = (reason: UnreadPart["reason"]) =>
      c.unread.push({
        sheet: block.sheet,
        rowOffset: c.next,
        rowCount: c.extent.rowCount - c.next,
        colOffset: 0,
        colCount: c.cols,
        reason,
      });
    if (c.next >= c.rows) {
      c.done = true;
    } else if (c.blankRun >= this.limits.blankRowsToStop) {
      c.done = true;
      if (c.extent.headRows === undefined) leftover("blank-rows");
    } else if (c.next * c.cols >= this.limits.maxCellsPerSheet) {
      c.done = true;
      if (c.extent.headRows === undefined) leftover("too-many-cells");
    }
  }

  /**
   * The request for these blocks was refused for its size: their sheets' guesses double, so they come back
   * smaller. False when it cannot shrink further (a single row of a single sheet).
   */
  refused(blocks: ReadBlock[]): boolean {
    if (blocks.length === 1 && blocks[0].rowCount <= 1) return false;
    for (const block of blocks) {
      const c = this.cursor(block.sheet);
      c.bytesPerCell = Math.max(
        c.bytesPerCell * 2,
        (this.limits.budgetBytes / Math.max(1, block.rowCount * block.columnCount)) * 2,
      );
    }
    return true;
  }

  /** One sheet's cells, trimmed of trailing blank rows and columns, and what was left unread. */
  result(sheet: number): SheetRead {
    const c = this.cursor(sheet);
    const values = c.values.slice(0, c.contentRows).map((row) => row.slice(0, c.contentCols));
    const numberFormats = c.formats.slice(0, c.contentRows).map((row) => row.slice(0, c.contentCols));
    return { values, numberFormats, unread: c.unread };
  }
}
