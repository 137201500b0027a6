// One planned sheet's content (everything but the charts) as steps the writer packs into syncs, each as few
// request bytes as Office.js allows: values in bands of rows as wide as their rows; number formats per rectangle
// of one format (a 1 x 1 array where it is one format); the styles (write-styles.ts) each distinct property value
// once over a multi-area range (write-areas.ts); a block of rows merged alike in one call; widths and heights once
// per distinct size. Every range is untracked at once, so Excel.run keeps no reference to release.
import type { PlannedSheet } from "../layout/plan";
import { parseRange, rectAddress, MAX_COLS, MAX_ROWS, type Rect } from "../core/a1";
import { applyPrint, queueConditionalFormats, valueGrid, widthCharsToPoints } from "./render";
import { arraySetBytes, jsonBytes, methodBytes, navigationBytes, setBytes } from "./request-size";
import { areaLists, areasBytes, areasStep, cellKey, regionsByValue, type WriteStep } from "./write-areas";
import { styleSteps } from "./write-styles";

export { MAX_AREAS_ADDRESS, RangeCache, type WriteStep } from "./write-areas";

/** Rows of values per step before any cutting: well under the budget for a page of text. */
const VALUE_ROWS_PER_STEP = 2000;

// ---------------------------------------------------------------------------------------------------------------
// Values and number formats

/** A band of rows to write: its first row, how many, and how wide (from column A). */
interface Band {
  first: number;
  count: number;
  cols: number;
}

/**
 * A band's values, and with them (`formats`: the sheet's, by row from the band's first) the band's number formats
 * through the same range, where that sends fewer bytes than ranges of their own (see numberFormatSteps).
 */
function valuesStep(
  values: (string | number | boolean)[][],
  { first, count, cols }: Band,
  formats?: string[][],
): WriteStep {
  const block = values.slice(first, first + count).map((row) => row.slice(0, cols));
  const grid = formats ? sentFormats(formats.slice(0, count)) : null;
  const address = rectAddress({ row: first, col: 0, rows: count, cols });
  return {
    what: `values of rows ${first + 1}-${first + count}`,
    bytes:
      areasBytes(address) +
      arraySetBytes("Values", jsonBytes(block), count, cols) +
      (grid ? formatSetBytes(grid, count, cols) : 0),
    queue: (sheet, ranges) => {
      const range = ranges.range(sheet, address);
      range.values = block;
      if (grid) range.numberFormat = grid;
    },
    split: () => {
      if (count <= 1) return null;
      const half = Math.ceil(count / 2);
      return [
        valuesStep(values, { first, count: half, cols }, formats),
        valuesStep(values, { first: first + half, count: count - half, cols }, formats?.slice(half)),
      ];
    },
  };
}

/** Request bytes of writing a band of rows (the range, the set and the client's own cutting), less its cells. */
const BAND_BYTES = 400;

/**
 * The values in bands of consecutive rows, each as wide as its widest row: a title row over a narrow table need not
 * send the empty cells a wide table further down would pad it with. Empty rows between bands are not sent (a new
 * sheet is empty). The bands are chosen for the fewest bytes (each costs about BAND_BYTES to send).
 */
function valueBands(values: (string | number | boolean)[][]): Band[] {
  const n = values.length;
  if (n === 0 || (values[0]?.length ?? 0) === 0) return [];
  // Each row's width to its last non-empty cell, and the bytes of its cells to there.
  const width = values.map((row) => {
    let w = row.length;
    while (w > 0 && row[w - 1] === "") w--;
    return w;
  });
  const own = values.map((row, r) => jsonBytes(row.slice(0, width[r])));
  // best[i]: fewest bytes for rows 0..i-1; a band may look back this many rows.
  const LOOKBACK = 400;
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 1; i <= n; i++) {
    if (width[i - 1] === 0 && best[i - 1] < best[i]) {
      best[i] = best[i - 1];
      from[i] = -2;
    }
    let w = 0;
    let sum = 0;
    for (let j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
      w = Math.max(w, width[j]);
      sum += own[j] - 3 * width[j];
      if (w === 0) continue;
      // Every row padded with "" to the band's width: three bytes a cell.
      const cost = best[j] + BAND_BYTES + sum + 3 * w * (i - j);
      if (cost < best[i]) {
        best[i] = cost;
        from[i] = j;
      }
    }
  }
  const bands: Band[] = [];
  for (let i = n; i > 0;) {
    if (from[i] === -2) {
      i--;
      continue;
    }
    const j = from[i];
    bands.push({ first: j, count: i - j, cols: width.slice(j, i).reduce((w, x) => Math.max(w, x), 0) });
    i = j;
  }
  const steps: Band[] = [];
  for (const band of bands.reverse()) {
    for (let first = band.first; first < band.first + band.count; first += VALUE_ROWS_PER_STEP) {
      const count = Math.min(VALUE_ROWS_PER_STEP, band.first + band.count - first);
      steps.push({ first, count, cols: band.cols });
    }
  }
  return steps;
}

/** A rectangle of one format goes as a 1 x 1 array, which formats every cell of the range. */
function sentFormats(grid: string[][]): string[][] {
  const one = grid.every((row) => row.every((f) => f === grid[0][0]));
  return one ? [[grid[0][0]]] : grid;
}

function formatSetBytes(grid: string[][], rows: number, cols: number): number {
  return grid.length === 1 && grid[0].length === 1 && rows * cols > 1
    ? setBytes("NumberFormat", jsonBytes(grid))
    : arraySetBytes("NumberFormat", jsonBytes(grid), rows, cols);
}

/**
 * The values in bands (valueBands), and the number formats (numberFormatBlocks). A band whose cells hold number
 * formats sets them too, through its own range, as one grid ("" where a cell has none), when that is fewer bytes
 * than the ranges of their own the formats inside it would take: each range costs about 240 bytes, each cell of
 * the grid without a format three. Formats reaching outside every band keep ranges of their own.
 */
function valueAndFormatSteps(planned: PlannedSheet): WriteStep[] {
  const values = valueGrid(planned.values);
  const cells = formatCells(planned);
  const blocks = numberFormatBlocks(cells);
  const folded = new Set<number>();
  const steps: WriteStep[] = [];
  // valueBands gives no band for an empty grid.
  for (const band of valueBands(values)) {
    const inside = blocks
      .map((block, i) => ({ block, i }))
      .filter(
        ({ block: { rect } }) =>
          rect.row >= band.first &&
          rect.row + rect.rows <= band.first + band.count &&
          rect.col + rect.cols <= band.cols,
      );
    const plain = valuesStep(values, band);
    if (inside.length === 0) {
      steps.push(plain);
      continue;
    }
    const withFormats = valuesStep(
      values,
      band,
      formatGrid(cells, { row: band.first, col: 0, rows: band.count, cols: band.cols }),
    );
    if (withFormats.bytes < plain.bytes + inside.reduce((n, { block }) => n + block.step.bytes, 0)) {
      for (const { i } of inside) folded.add(i);
      steps.push(withFormats);
    } else {
      steps.push(plain);
    }
  }
  return [...steps, ...blocks.filter((_, i) => !folded.has(i)).map((b) => b.step)];
}

function numberFormatStep(rect: Rect, grid: string[][]): WriteStep {
  // A rectangle of one format takes it as a 1 x 1 array, which formats every cell of the range (as Microsoft's
  // own sample does: getRange("E3:E6").numberFormat = [["$0.00"]]).
  const sent = sentFormats(grid);
  const one = sent !== grid;
  const address = rectAddress(rect);
  return {
    what: `number formats of ${address}`,
    bytes: areasBytes(address) + formatSetBytes(sent, rect.rows, rect.cols),
    queue: (sheet, ranges) => {
      ranges.range(sheet, address).numberFormat = sent;
    },
    split: () => {
      if (one || rect.rows <= 1) return null;
      const half = Math.ceil(rect.rows / 2);
      return [
        numberFormatStep({ ...rect, rows: half }, grid.slice(0, half)),
        numberFormatStep({ ...rect, row: rect.row + half, rows: rect.rows - half }, grid.slice(half)),
      ];
    },
  };
}

/**
 * The formats of a rectangle, General where the plan gives none, sent as "": a blank number format resets a cell to
 * General (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values), in 2 bytes, not 9.
 */
function formatGrid(cells: Map<number, string>, rect: Rect): string[][] {
  return Array.from({ length: rect.rows }, (_, r) =>
    Array.from({ length: rect.cols }, (_, c) => cells.get(cellKey(rect.row + r, rect.col + c)) ?? ""),
  );
}

/**
 * The plan's number formats by cell, later entries winning; General, which every cell of a new sheet has, is left
 * out. Whole columns or rows stop at the content.
 */
function formatCells(planned: PlannedSheet): Map<number, string> {
  const entries = planned.numberFormats
    .map((f) => ({ rect: parseRange(f.range), format: f.format }))
    .filter((f): f is { rect: Rect; format: string } => f.rect !== null);
  const bounded = entries.filter((f) => f.rect.rows < 1_000_000 && f.rect.cols < 16_000);
  const rows = Math.max(planned.values.length, ...bounded.map((f) => f.rect.row + f.rect.rows));
  const cols = Math.max(
    planned.values.reduce((w, r) => Math.max(w, r.length), 0),
    ...bounded.map((f) => f.rect.col + f.rect.cols),
  );
  const cells = new Map<number, string>();
  for (const { rect, format } of entries) {
    for (let r = rect.row; r < Math.min(rows, rect.row + rect.rows); r++) {
      for (let c = rect.col; c < Math.min(cols, rect.col + rect.cols); c++) cells.set(cellKey(r, c), format);
    }
  }
  for (const [key, format] of cells) if (format === "General") cells.delete(key);
  return cells;
}

/**
 * The number formats as ranges of their own: rows that carry formats are taken in bands of consecutive rows; each
 * band is sent as one block (General in its gaps) or as its rectangles of one format, whichever is fewer bytes.
 */
function numberFormatBlocks(cells: Map<number, string>): { rect: Rect; step: WriteStep }[] {
  // Bands of consecutive rows with formats, each with the columns its formats span.
  const bands: Rect[] = [];
  for (const key of [...cells.keys()].sort((a, b) => a - b)) {
    const row = Math.floor(key / MAX_COLS);
    const col = key % MAX_COLS;
    const band = bands[bands.length - 1];
    if (band && band.row + band.rows >= row) {
      band.rows = row - band.row + 1;
      const end = Math.max(band.col + band.cols, col + 1);
      band.col = Math.min(band.col, col);
      band.cols = end - band.col;
    } else {
      bands.push({ row, col, rows: 1, cols: 1 });
    }
  }
  const blocks: { rect: Rect; step: WriteStep }[] = [];
  for (const band of bands) {
    const inBand = new Map<number, string>();
    for (let r = band.row; r < band.row + band.rows; r++) {
      for (let c = band.col; c < band.col + band.cols; c++) {
        const f = cells.get(cellKey(r, c));
        if (f !== undefined) inBand.set(cellKey(r, c), f);
      }
    }
    const pieces = [...regionsByValue(inBand)].flatMap(([, rects]) => rects);
    const byRect = pieces.map((rect) => ({ rect, step: numberFormatStep(rect, formatGrid(cells, rect)) }));
    const whole = numberFormatStep(band, formatGrid(cells, band));
    const piecesBytes = byRect.reduce((n, { step }) => n + step.bytes, 0);
    if (whole.bytes <= piecesBytes) blocks.push({ rect: band, step: whole });
    else blocks.push(...byRect);
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------------
// Merges, sizes, and the rest of the layout

function mergeStep(rect: Rect, across: boolean): WriteStep {
  const address = rectAddress(rect);
  return {
    what: `merge of ${address}`,
    bytes: areasBytes(address) + methodBytes("Merge", [across]),
    queue: (sheet, ranges) => ranges.range(sheet, address).merge(across),
    split: () => {
      if (!across || rect.rows <= 1) return null;
      const half = Math.ceil(rect.rows / 2);
      return [
        mergeStep({ ...rect, rows: half }, half > 1),
        mergeStep({ ...rect, row: rect.row + half, rows: rect.rows - half }, rect.rows - half > 1),
      ];
    },
  };
}

/** Merges: one-row merges of the same columns in consecutive rows become one merge(across) of the block. */
function mergeSteps(merges: string[]): WriteStep[] {
  const rects = merges.map(parseRange).filter((r): r is Rect => r !== null);
  const single = rects
    .filter((r) => r.rows === 1)
    .sort((a, b) => a.col - b.col || a.cols - b.cols || a.row - b.row);
  const blocks: Rect[] = [];
  for (const rect of single) {
    const last = blocks[blocks.length - 1];
    if (last && last.col === rect.col && last.cols === rect.cols && last.row + last.rows === rect.row)
      last.rows++;
    else blocks.push({ ...rect });
  }
  return [
    ...blocks.map((b) => mergeStep(b, b.rows > 1)),
    ...rects.filter((r) => r.rows > 1).map((r) => mergeStep(r, false)),
  ];
}

/**
 * Column widths and row heights, each distinct size once over its columns or rows. A range sets the width of every
 * column it spans and the height of every row ("Specifies the width of all columns within the range", "The
 * height of all rows in the range": RangeFormat.columnWidth and rowHeight), so one range carries a width and a
 * height together: the n-th width's columns across the n-th height's rows ("B:B" at 119.25 and "3:3" at 24 are
 * "B3"), where one of the two is a single run of columns or rows, so the areas are no more than the other's. Each
 * kind keeps its order (the size laid over a whole span first, the others over it).
 */
export function sizeStepsOf(planned: PlannedSheet): WriteStep[] {
  const widths = pairingOrder([...columnWidthRuns(planned)]);
  const heights = pairingOrder([...rowHeightRuns(planned)]);
  const steps: WriteStep[] = [];
  for (let i = 0; i < Math.max(widths.length, heights.length); i++) {
    const w = widths[i];
    const h = heights[i];
    if (w && h && (w[1].length === 1 || h[1].length === 1)) {
      const width = Number(w[0]);
      const height = Number(h[0]);
      const areas = w[1].flatMap((c) =>
        h[1].map((r) => ({ row: r.row, rows: r.rows, col: c.col, cols: c.cols })),
      );
      const extra =
        navigationBytes("Format") +
        setBytes("ColumnWidth", jsonBytes(width)) +
        setBytes("RowHeight", jsonBytes(height));
      for (const list of areaLists(areas)) {
        steps.push(
          areasStep("column width and row height", list, extra, (a) => {
            a.format.columnWidth = width;
            a.format.rowHeight = height;
          }),
        );
      }
      continue;
    }
    if (w) steps.push(...sizeSteps("column width", w, "cols", "ColumnWidth", (f, v) => (f.columnWidth = v)));
    if (h) steps.push(...sizeSteps("row height", h, "rows", "RowHeight", (f, v) => (f.rowHeight = v)));
  }
  return steps;
}

/**
 * The sizes in the order they are paired: the first (the one laid over a whole span, which must go before the
 * others) stays first, then those of the most runs. Those of a single run are left to the last: unpaired, one may
 * still ride a range that spans just its row or column (sizeSteps), which a size of several runs seldom finds.
 */
function pairingOrder(sizes: [string, Rect[]][]): [string, Rect[]][] {
  const [first, ...rest] = sizes;
  return first ? [first, ...rest.sort((a, b) => b[1].length - a[1].length)] : [];
}

/**
 * One size over its runs. Where another range of the request spans exactly those rows (columns), a merge or a
 * style's cells along them, the size is set through it: Excel sizes every row (column) a range spans.
 */
function sizeSteps(
  what: string,
  [size, rects]: [string, Rect[]],
  along: "rows" | "cols",
  setName: string,
  set: (f: Excel.RangeFormat, v: number) => void,
): WriteStep[] {
  const value = Number(size);
  const extra = navigationBytes("Format") + setBytes(setName, jsonBytes(value));
  return areaLists(rects).map((list) => {
    const own = areasStep(what, list, extra, (a) => set(a.format, value));
    return {
      ...own,
      queue: (sheet, ranges) => {
        const over = ranges.spanning(sheet, along, list);
        if (over) set(over.format, value);
        else own.queue(sheet, ranges);
      },
    };
  });
}

/** Each distinct column width (in points) and its runs of whole columns, the one laid over a whole span first. */
function columnWidthRuns(planned: PlannedSheet): Map<string, Rect[]> {
  const widths = new Map<number, string>();
  for (const { column, width } of planned.columnWidths) widths.set(column, String(widthCharsToPoints(width)));
  // A column is a one-cell-wide run along a single row of the map: join neighbours, then lay them as whole columns.
  const columnRuns = new Map<string, Rect[]>();
  for (const [size, rects] of regionsByValue(new Map([...widths].map(([c, s]) => [cellKey(0, c), s])))) {
    columnRuns.set(
      size,
      rects.map((r) => ({ row: 0, col: r.col, rows: MAX_ROWS, cols: r.cols })),
    );
  }
  return spanFirst(columnRuns, widths, "cols");
}

/** Each distinct row height and its runs of whole rows, the one laid over a whole span first. */
function rowHeightRuns(planned: PlannedSheet): Map<string, Rect[]> {
  const heights = new Map<number, string>();
  // The plan numbers rows from 1.
  for (const { row, height } of planned.rowHeights) heights.set(row - 1, String(height));
  const rowRuns = new Map<string, Rect[]>();
  for (const [size, rects] of regionsByValue(new Map([...heights].map(([r, s]) => [cellKey(r, 0), s])))) {
    rowRuns.set(
      size,
      rects.map((r) => ({ row: r.row, col: 0, rows: r.rows, cols: MAX_COLS })),
    );
  }
  return spanFirst(rowRuns, heights, "rows");
}

/**
 * Where the sizes cover one unbroken span of rows (or columns), the size with the most runs is set first over the
 * whole span, in one short address, and the others over it: every row still ends at its planned size, in fewer
 * bytes than the many runs of the commonest size.
 */
function spanFirst(
  runs: Map<string, Rect[]>,
  sizes: Map<number, string>,
  along: "rows" | "cols",
): Map<string, Rect[]> {
  const indexes = [...sizes.keys()];
  if (runs.size < 2 || indexes.length === 0) return runs;
  // Not Math.min(...indexes): a sheet of 200,000 rows would pass the engine's argument limit.
  const first = indexes.reduce((m, x) => Math.min(m, x), Infinity);
  const last = indexes.reduce((m, x) => Math.max(m, x), -Infinity);
  if (last - first + 1 !== indexes.length) return runs;
  let common = "";
  for (const [size, rects] of runs)
    if (!common || rects.length > (runs.get(common)?.length ?? 0)) common = size;
  const whole = (runs.get(common) ?? [])[0];
  if (!whole) return runs;
  const span: Rect =
    along === "rows"
      ? { ...whole, row: first, rows: last - first + 1 }
      : { ...whole, col: first, cols: last - first + 1 };
  const out = new Map<string, Rect[]>([[common, [span]]]);
  for (const [size, rects] of runs) if (size !== common) out.set(size, rects);
  return out;
}

/**
 * Conditional formats, frozen panes, print setup, tab colour and gridlines: small, sent together. A sheet that is
 * only the source of a paste (`pasteOnly`) gets its conditional formats alone, the rest being set on the live sheet.
 */
function layoutStep(planned: PlannedSheet, pasteOnly: boolean): WriteStep {
  const breaks = planned.print?.rowBreaks.length ?? 0;
  return {
    what: pasteOnly ? "conditional formats" : "conditional formats, frozen panes and print setup",
    bytes:
      800 +
      planned.conditionalFormats.length * 1200 +
      (planned.print && !pasteOnly ? 2500 + breaks * 250 : 0),
    queue: (sheet) => {
      queueConditionalFormats(sheet, planned.conditionalFormats);
      if (pasteOnly) return;
      if (planned.freeze && (planned.freeze.rows > 0 || planned.freeze.columns > 0)) {
        const { rows, columns } = planned.freeze;
        if (columns === 0) sheet.freezePanes.freezeRows(rows);
        else if (rows === 0) sheet.freezePanes.freezeColumns(columns);
        else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns).untrack());
      }
      if (planned.print) applyPrint(sheet, planned.print);
      if (planned.tabColor) sheet.tabColor = planned.tabColor;
      sheet.showGridlines = planned.showGridlines;
    },
    split: () => null,
  };
}

/**
 * Everything but the charts, in the order Excel needs: values before merges (a merge keeps the top-left value),
 * merges before sizes, as the .xlsx renderer lays them. A working copy that only gets pasted over the live sheet
 * (`pasteOnly`: the summary updated in place, swap.ts) is built without what a paste does not carry and the swap
 * sets on the live sheet itself: column widths, row heights, print setup, frozen panes, tab colour, gridlines.
 */
export function contentSteps(planned: PlannedSheet, options: { pasteOnly?: boolean } = {}): WriteStep[] {
  const pasteOnly = options.pasteOnly === true;
  return [
    ...valueAndFormatSteps(planned),
    ...styleSteps(planned.styles),
    ...mergeSteps(planned.merges),
    ...(pasteOnly ? [] : sizeStepsOf(planned)),
    layoutStep(planned, pasteOnly),
  ];
}
