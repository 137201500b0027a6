// What the content writer's steps are, and the areas they set things over: cells grouped by value into as few
// rectangles as possible, joined into multi-area addresses (worksheet.getRanges("A1:B2,D4:E9"), ExcelApi 1.9) kept
// under Excel's 8,192 characters, each range untracked at once so Excel.run keeps no reference to release.
import { columnLetters, parseRect, rectAddress, MAX_COLS, MAX_ROWS, type Rect } from "../core/a1";
import { untrackedRangeBytes } from "./request-size";

/** A part of the write, queued on the sheet being built; the writer sends as many as fit one request. */
export interface WriteStep {
  /** What it writes, for messages ("values of rows 1-2000"). */
  what: string;
  /** Request bytes it adds, as Office.js serialises it (see request-size.ts). */
  bytes: number;
  /** Queues the step; the steps of one request given the same `ranges` share a range over the same cells. */
  queue(sheet: Excel.Worksheet, ranges: RangeCache): void;
  /** Smaller steps that do the same together, or null when this one cannot be cut further. */
  split(): WriteStep[] | null;
}

/**
 * The ranges of one request by address, on each sheet: a step over cells another step of the same request already
 * reached reuses that range (and its format) rather than sending a path and two Instantiate actions again (the
 * page's block takes its common style and its sizes through one range). Every range is untracked, so none is kept
 * past the request: a cache serves one request only.
 */
export class RangeCache {
  private readonly bySheet = new Map<
    Excel.Worksheet,
    Map<string, { range: Excel.Range | Excel.RangeAreas; rects: Rect[] | null }>
  >();

  /** The cells at `address`: one area as a Range (getRange takes "A:C" and "2:4" too), several as RangeAreas. */
  areas(sheet: Excel.Worksheet, address: string): Excel.Range | Excel.RangeAreas {
    let ranges = this.bySheet.get(sheet);
    if (!ranges) this.bySheet.set(sheet, (ranges = new Map()));
    let entry = ranges.get(address);
    if (!entry) {
      const range = (address.includes(",") ? sheet.getRanges(address) : sheet.getRange(address)).untrack();
      const rects = address.split(",").map(parseRect);
      ranges.set(
        address,
        (entry = { range, rects: rects.every((r) => r !== null) ? (rects as Rect[]) : null }),
      );
    }
    return entry.range;
  }

  /**
   * A range of this request that spans exactly the rows (or columns) of `rects`, whatever its columns (rows): for
   * a row height (column width), which Excel sets on every row (column) a range spans.
   */
  spanning(
    sheet: Excel.Worksheet,
    along: "rows" | "cols",
    rects: Rect[],
  ): Excel.Range | Excel.RangeAreas | null {
    const key = lines(along, rects);
    for (const entry of this.bySheet.get(sheet)?.values() ?? []) {
      if (entry.rects && lines(along, entry.rects) === key) return entry.range;
    }
    return null;
  }

  /** The one area at `address`, as a Range (values, number formats, merges). */
  range(sheet: Excel.Worksheet, address: string): Excel.Range {
    if (address.includes(",")) throw new Error(`"${address}" is several areas, not one range.`);
    return this.areas(sheet, address) as Excel.Range;
  }
}

/** The rows (or columns) areas span, as a key: their runs, joined. */
function lines(along: "rows" | "cols", rects: Rect[]): string {
  const spans = rects
    .map((r) => (along === "rows" ? [r.row, r.row + r.rows] : [r.col, r.col + r.cols]))
    .sort((a, b) => a[0] - b[0]);
  const runs: number[][] = [];
  for (const [from, to] of spans) {
    const last = runs[runs.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else runs.push([from, to]);
  }
  return runs.map(([from, to]) => `${from}-${to}`).join(",");
}

/** Bytes of reaching the cells at `address`: getRange for one area, getRanges for several. */
export function areasBytes(address: string): number {
  return untrackedRangeBytes(address.includes(",") ? "GetRanges" : "GetRange", [address]);
}

/** Longest address given to getRanges: Excel takes 8,192 characters; the margin keeps clear of it. */
export const MAX_AREAS_ADDRESS = 8000;

// ---------------------------------------------------------------------------------------------------------------
// Regions: cells that share a value, as few rectangles as possible

export const cellKey = (row: number, col: number) => row * MAX_COLS + col;

/**
 * Cells grouped by value, each group as rectangles: equal neighbours joined along each row, then identical runs
 * straight below one another joined down the rows.
 */
export function regionsByValue(cells: Map<number, string>): Map<string, Rect[]> {
  const keys = [...cells.keys()].sort((a, b) => a - b);
  const out = new Map<string, Rect[]>();
  const open = new Map<string, Rect>();
  let i = 0;
  while (i < keys.length) {
    const row = Math.floor(keys[i] / MAX_COLS);
    const col = keys[i] % MAX_COLS;
    const value = cells.get(keys[i]) as string;
    let cols = 1;
    while (
      i + cols < keys.length &&
      keys[i + cols] === keys[i] + cols &&
      Math.floor(keys[i + cols] / MAX_COLS) === row &&
      cells.get(keys[i + cols]) === value
    ) {
      cols++;
    }
    i += cols;
    const id = `${col}:${cols}:${value}`;
    const above = open.get(id);
    if (above && above.row + above.rows === row) {
      above.rows++;
    } else {
      const rect = { row, col, rows: 1, cols };
      open.set(id, rect);
      const list = out.get(value) ?? [];
      list.push(rect);
      out.set(value, list);
    }
  }
  return out;
}

/** An area as getRanges takes it: "B4:D9", whole columns "C:D", whole rows "3:5". */
function areaAddress(rect: Rect): string {
  if (rect.row === 0 && rect.rows >= MAX_ROWS) {
    return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.cols - 1)}`;
  }
  if (rect.col === 0 && rect.cols >= MAX_COLS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  return rectAddress(rect);
}

/** Rectangles cut into lists whose joined address stays under the limit. */
export function areaLists(rects: Rect[], limit = MAX_AREAS_ADDRESS): Rect[][] {
  const lists: Rect[][] = [];
  let current: Rect[] = [];
  let length = 0;
  for (const rect of rects) {
    const n = areaAddress(rect).length;
    if (current.length && length + 1 + n > limit) {
      lists.push(current);
      current = [];
      length = 0;
    }
    length += (current.length ? 1 : 0) + n;
    current.push(rect);
  }
  if (current.length) lists.push(current);
  return lists;
}

export const joinAreas = (rects: Rect[]) => rects.map(areaAddress).join(",");

/** A step over several areas that halves its areas when it must be cut. */
export function areasStep(
  what: string,
  rects: Rect[],
  extraBytes: number,
  apply: (areas: Excel.Range | Excel.RangeAreas) => void,
  remake: (rects: Rect[]) => WriteStep = (half) => areasStep(what, half, extraBytes, apply),
): WriteStep {
  const address = joinAreas(rects);
  return {
    what: `${what} (${address.length > 40 ? `${address.slice(0, 40)}...` : address})`,
    bytes: areasBytes(address) + extraBytes,
    queue: (sheet, ranges) => apply(ranges.areas(sheet, address)),
    split: () =>
      rects.length > 1
        ? [
            remake(rects.slice(0, Math.ceil(rects.length / 2))),
            remake(rects.slice(Math.ceil(rects.length / 2))),
          ]
        : null,
  };
}
