// One planned sheet's content (everything but the charts) as steps the writer packs into syncs, each as few
// request bytes as Office.js allows: values in row blocks; number formats per rectangle of one format; each
// distinct style property value once, over a multi-area range (worksheet.getRanges("A1:B2,D4:E9"), ExcelApi 1.9,
// each address under 8,192 characters); borders once per region of cells bordered alike; a block of rows merged
// alike in one call; widths and heights once per distinct size. A new sheet's defaults (not bold, no fill, bottom
// aligned, ...) are not set again. Every range is untracked at once, so Excel.run keeps no reference to release.
import type { BorderSide, CellStyle, PlannedSheet } from "../layout/plan";
import { columnLetters, parseRange, rectAddress, MAX_COLS, MAX_ROWS, type Rect } from "../core/a1";
import { addConditionalFormat, applyPrint, valueGrid, widthCharsToPoints } from "./render";
import {
  arraySetBytes,
  INSTANTIATE_BYTES,
  jsonBytes,
  methodBytes,
  navigationBytes,
  pathBytes,
  setBytes,
  untrackedRangeBytes,
  utf8Bytes,
} from "./request-size";

/** A part of the write, queued on the sheet being built; the writer sends as many as fit one request. */
export interface WriteStep {
  /** What it writes, for messages ("values of rows 1-2000"). */
  what: string;
  /** Request bytes it adds, as Office.js serialises it (see request-size.ts). */
  bytes: number;
  queue(sheet: Excel.Worksheet): void;
  /** Smaller steps that do the same together, or null when this one cannot be cut further. */
  split(): WriteStep[] | null;
}

/** Longest address given to getRanges: Excel takes 8,192 characters; the margin keeps clear of it. */
export const MAX_AREAS_ADDRESS = 8000;

/** Rows of values per step before any cutting: well under the budget for a page of text. */
const VALUE_ROWS_PER_STEP = 2000;

const H_ALIGN = {
  left: "Left",
  center: "Center",
  right: "Right",
  centerAcrossSelection: "CenterAcrossSelection",
} as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

const BORDER: Record<BorderSide["style"], { style: Excel.BorderLineStyle; weight: Excel.BorderWeight }> = {
  thin: { style: "Continuous" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  medium: { style: "Continuous" as Excel.BorderLineStyle, weight: "Medium" as Excel.BorderWeight },
  thick: { style: "Continuous" as Excel.BorderLineStyle, weight: "Thick" as Excel.BorderWeight },
  dashed: { style: "Dash" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  dotted: { style: "Dot" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  double: { style: "Double" as Excel.BorderLineStyle, weight: "Thick" as Excel.BorderWeight },
};

// ---------------------------------------------------------------------------------------------------------------
// Regions: cells that share a value, as few rectangles as possible

const cellKey = (row: number, col: number) => row * MAX_COLS + col;

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
export function areaAddress(rect: Rect): string {
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

const joinAreas = (rects: Rect[]) => rects.map(areaAddress).join(",");

/** A step over several areas that halves its areas when it must be cut. */
function areasStep(
  what: string,
  rects: Rect[],
  extraBytes: number,
  apply: (areas: Excel.RangeAreas) => void,
): WriteStep {
  const address = joinAreas(rects);
  return {
    what: `${what} (${address.length > 40 ? `${address.slice(0, 40)}...` : address})`,
    bytes: untrackedRangeBytes("GetRanges", [address]) + extraBytes,
    queue: (sheet) => apply(sheet.getRanges(address).untrack()),
    split: () =>
      rects.length > 1
        ? [
            areasStep(what, rects.slice(0, Math.ceil(rects.length / 2)), extraBytes, apply),
            areasStep(what, rects.slice(Math.ceil(rects.length / 2)), extraBytes, apply),
          ]
        : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Styles

/** One property of a cell's style: its value (undefined: a new sheet's default, left alone), and how to set it. */
interface StyleProperty {
  name: string;
  value(style: CellStyle, keepDefaults: boolean): string | number | boolean | undefined;
  /** The set, and the objects reached on the way (format.font, format.fill). */
  apply(format: Excel.RangeFormat, value: string | number | boolean): void;
  via: string[];
  setName: string;
}

/** A value, or undefined when it is the new sheet's own and need not be set. */
const unlessDefault = <T>(value: T | undefined, fallback: T, keepDefaults: boolean): T | undefined =>
  value === undefined || (!keepDefaults && value === fallback) ? undefined : value;

const STYLE_PROPERTIES: StyleProperty[] = [
  {
    // The page's font is always set: a workbook's own default font may be another.
    name: "font",
    value: (s) => s.font?.name,
    apply: (f, v) => (f.font.name = String(v)),
    via: ["Font"],
    setName: "Name",
  },
  {
    name: "font size",
    value: (s) => s.font?.size,
    apply: (f, v) => (f.font.size = Number(v)),
    via: ["Font"],
    setName: "Size",
  },
  {
    name: "font colour",
    value: (s) => s.font?.color,
    apply: (f, v) => (f.font.color = String(v)),
    via: ["Font"],
    setName: "Color",
  },
  {
    name: "bold",
    value: (s, keep) => unlessDefault(s.font?.bold, false, keep),
    apply: (f, v) => (f.font.bold = Boolean(v)),
    via: ["Font"],
    setName: "Bold",
  },
  {
    name: "italic",
    value: (s, keep) => unlessDefault(s.font?.italic, false, keep),
    apply: (f, v) => (f.font.italic = Boolean(v)),
    via: ["Font"],
    setName: "Italic",
  },
  {
    name: "underline",
    value: (s, keep) => unlessDefault(s.font?.underline, false, keep),
    apply: (f, v) => (f.font.underline = (v ? "Single" : "None") as Excel.RangeUnderlineStyle),
    via: ["Font"],
    setName: "Underline",
  },
  {
    name: "fill",
    value: (s) => s.fill,
    apply: (f, v) => (f.fill.color = String(v)),
    via: ["Fill"],
    setName: "Color",
  },
  {
    name: "horizontal alignment",
    value: (s) => (s.horizontalAlignment ? H_ALIGN[s.horizontalAlignment] : undefined),
    apply: (f, v) => (f.horizontalAlignment = v as Excel.HorizontalAlignment),
    via: [],
    setName: "HorizontalAlignment",
  },
  {
    name: "vertical alignment",
    value: (s, keep) =>
      unlessDefault(s.verticalAlignment ? V_ALIGN[s.verticalAlignment] : undefined, "Bottom", keep),
    apply: (f, v) => (f.verticalAlignment = v as Excel.VerticalAlignment),
    via: [],
    setName: "VerticalAlignment",
  },
  {
    name: "wrapping",
    value: (s, keep) => unlessDefault(s.wrapText, false, keep),
    apply: (f, v) => (f.wrapText = Boolean(v)),
    via: [],
    setName: "WrapText",
  },
  {
    name: "indent",
    value: (s, keep) => unlessDefault(s.indent, 0, keep),
    apply: (f, v) => (f.indentLevel = Number(v)),
    via: [],
    setName: "IndentLevel",
  },
];

function mergeStyle(a: CellStyle, b: CellStyle): CellStyle {
  return {
    ...a,
    ...b,
    ...(a.font || b.font ? { font: { ...a.font, ...b.font } } : {}),
    ...(a.borders || b.borders ? { borders: { ...a.borders, ...b.borders } } : {}),
  };
}

/** Entries over more cells than this (whole rows or columns) are applied as they are, first, as backgrounds. */
const MAX_RESOLVED_CELLS = 1_000_000;

/** Each cell's final style (entries in order, later properties winning), and the entries too big to resolve. */
export function resolveStyles(styles: PlannedSheet["styles"]): {
  cells: Map<number, CellStyle>;
  backgrounds: PlannedSheet["styles"];
} {
  const cells = new Map<number, CellStyle>();
  const backgrounds: PlannedSheet["styles"] = [];
  for (const entry of styles) {
    const rect = parseRange(entry.range);
    if (!rect || rect.rows * rect.cols > MAX_RESOLVED_CELLS) {
      backgrounds.push(entry);
      continue;
    }
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const key = cellKey(r, c);
        const prior = cells.get(key);
        cells.set(key, prior ? mergeStyle(prior, entry.style) : entry.style);
      }
    }
  }
  return { cells, backgrounds };
}

function formatBytes(via: string[]): number {
  return navigationBytes("Format") + via.reduce((n, name) => n + navigationBytes(name), 0);
}

function setBorder(format: Excel.RangeFormat, edge: string, side: BorderSide): void {
  const border = format.borders.getItem(edge as Excel.BorderIndex);
  border.style = BORDER[side.style].style;
  border.weight = BORDER[side.style].weight;
  border.color = side.color;
}

function borderBytes(edge: string, side: BorderSide): number {
  return (
    pathBytes(5, "", [edge]) +
    INSTANTIATE_BYTES +
    setBytes("Style", jsonBytes(BORDER[side.style].style)) +
    setBytes("Weight", jsonBytes(BORDER[side.style].weight)) +
    setBytes("Color", jsonBytes(side.color))
  );
}

type Borders = NonNullable<CellStyle["borders"]>;

/** The edges to set on areas bordered alike: each side, and inside lines where the areas have several rows/columns. */
function borderEdges(borders: Borders, rows: boolean, cols: boolean): [string, BorderSide][] {
  const edges: [string, BorderSide | undefined][] = [
    ["EdgeTop", borders.top],
    ["EdgeBottom", borders.bottom],
    ["EdgeLeft", borders.left],
    ["EdgeRight", borders.right],
    // The plan styles every cell alike, so a bottom border on a block of rows is a line under each row.
    ["InsideHorizontal", rows ? (borders.bottom ?? borders.top) : undefined],
    ["InsideVertical", cols ? (borders.right ?? borders.left) : undefined],
  ];
  return edges.filter((e): e is [string, BorderSide] => e[1] !== undefined);
}

function bordersStep(borders: Borders, rects: Rect[], rows: boolean, cols: boolean): WriteStep {
  const edges = borderEdges(borders, rows, cols);
  const extra =
    navigationBytes("Format") +
    navigationBytes("Borders") +
    edges.reduce((n, [edge, side]) => n + borderBytes(edge, side), 0);
  return areasStep("borders", rects, extra, (areas) => {
    for (const [edge, side] of edges) setBorder(areas.format, edge, side);
  });
}

/** Every property of a style, defaults included, on one range (the rare whole-row or whole-column entry). */
function backgroundStep(range: string, style: CellStyle): WriteStep {
  const properties = STYLE_PROPERTIES.map((p) => [p, p.value(style, true)] as const).filter(
    ([, v]) => v !== undefined,
  );
  const rect = parseRange(range);
  const edges = style.borders ? borderEdges(style.borders, (rect?.rows ?? 1) > 1, (rect?.cols ?? 1) > 1) : [];
  return {
    what: `style of ${range}`,
    bytes:
      untrackedRangeBytes("GetRange", [range]) +
      formatBytes(["Font", "Fill", "Borders"]) +
      properties.reduce((n, [p, v]) => n + setBytes(p.setName, jsonBytes(v)), 0) +
      edges.reduce((n, [edge, side]) => n + borderBytes(edge, side), 0),
    queue: (sheet) => {
      const format = sheet.getRange(range).untrack().format;
      for (const [p, v] of properties) p.apply(format, v as string | number | boolean);
      for (const [edge, side] of edges) setBorder(format, edge, side);
    },
    split: () => null,
  };
}

/** The style steps: backgrounds first, then each property value once over its areas, then borders by region. */
export function styleSteps(styles: PlannedSheet["styles"]): WriteStep[] {
  const { cells, backgrounds } = resolveStyles(styles);
  // Over a background a default may not be the cell's state, so then every value is set.
  const keepDefaults = backgrounds.length > 0;
  const steps: WriteStep[] = backgrounds.map((b) => backgroundStep(b.range, b.style));
  for (const property of STYLE_PROPERTIES) {
    const values = new Map<number, string>();
    for (const [key, style] of cells) {
      const v = property.value(style, keepDefaults);
      if (v !== undefined) values.set(key, JSON.stringify(v));
    }
    for (const [json, rects] of regionsByValue(values)) {
      const value = JSON.parse(json) as string | number | boolean;
      const extra = formatBytes(property.via) + setBytes(property.setName, utf8Bytes(json));
      for (const list of areaLists(rects)) {
        steps.push(areasStep(property.name, list, extra, (areas) => property.apply(areas.format, value)));
      }
    }
  }
  const bordered = new Map<number, string>();
  for (const [key, style] of cells) {
    const b = style.borders;
    if (b && (b.top || b.bottom || b.left || b.right)) {
      bordered.set(key, JSON.stringify([b.top ?? null, b.bottom ?? null, b.left ?? null, b.right ?? null]));
    }
  }
  for (const [json, rects] of regionsByValue(bordered)) {
    const [top, bottom, left, right] = JSON.parse(json) as (BorderSide | null)[];
    const borders: Borders = {
      ...(top ? { top } : {}),
      ...(bottom ? { bottom } : {}),
      ...(left ? { left } : {}),
      ...(right ? { right } : {}),
    };
    // Inside lines only where every area has them to draw, as a single-row range has none.
    for (const rows of [false, true]) {
      for (const cols of [false, true]) {
        const alike = rects.filter((r) => r.rows > 1 === rows && r.cols > 1 === cols);
        for (const list of areaLists(alike)) steps.push(bordersStep(borders, list, rows, cols));
      }
    }
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------------------------
// Values and number formats

function valuesStep(
  values: (string | number | boolean)[][],
  first: number,
  count: number,
  cols: number,
): WriteStep {
  const block = values.slice(first, first + count);
  return {
    what: `values of rows ${first + 1}-${first + count}`,
    bytes:
      untrackedRangeBytes("GetRangeByIndexes", [first, 0, count, cols]) +
      arraySetBytes("Values", jsonBytes(block), count, cols),
    queue: (sheet) => {
      sheet.getRangeByIndexes(first, 0, count, cols).untrack().values = block;
    },
    split: () => {
      if (count <= 1) return null;
      const half = Math.ceil(count / 2);
      return [valuesStep(values, first, half, cols), valuesStep(values, first + half, count - half, cols)];
    },
  };
}

export function valueSteps(planned: PlannedSheet): WriteStep[] {
  const values = valueGrid(planned.values);
  const cols = values[0]?.length ?? 0;
  if (values.length === 0 || cols === 0) return [];
  const steps: WriteStep[] = [];
  for (let first = 0; first < values.length; first += VALUE_ROWS_PER_STEP) {
    steps.push(valuesStep(values, first, Math.min(VALUE_ROWS_PER_STEP, values.length - first), cols));
  }
  return steps;
}

function numberFormatStep(rect: Rect, grid: string[][]): WriteStep {
  return {
    what: `number formats of ${rectAddress(rect)}`,
    bytes:
      untrackedRangeBytes("GetRangeByIndexes", [rect.row, rect.col, rect.rows, rect.cols]) +
      arraySetBytes("NumberFormat", jsonBytes(grid), rect.rows, rect.cols),
    queue: (sheet) => {
      sheet.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).untrack().numberFormat = grid;
    },
    split: () => {
      if (rect.rows <= 1) return null;
      const half = Math.ceil(rect.rows / 2);
      return [
        numberFormatStep({ ...rect, rows: half }, grid.slice(0, half)),
        numberFormatStep({ ...rect, row: rect.row + half, rows: rect.rows - half }, grid.slice(half)),
      ];
    },
  };
}

/** The formats of a rectangle, General where the plan gives none. */
function formatGrid(cells: Map<number, string>, rect: Rect): string[][] {
  return Array.from({ length: rect.rows }, (_, r) =>
    Array.from({ length: rect.cols }, (_, c) => cells.get(cellKey(rect.row + r, rect.col + c)) ?? "General"),
  );
}

/**
 * The plan's number formats, later entries winning; General, which every cell of a new sheet has, is not sent.
 * Rows that carry formats are taken in bands of consecutive rows; each band is sent as one block (General in its
 * gaps) or as its rectangles of one format, whichever is fewer bytes. Whole columns or rows stop at the content.
 */
export function numberFormatSteps(planned: PlannedSheet): WriteStep[] {
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
  const steps: WriteStep[] = [];
  for (const band of bands) {
    const inBand = new Map<number, string>();
    for (let r = band.row; r < band.row + band.rows; r++) {
      for (let c = band.col; c < band.col + band.cols; c++) {
        const f = cells.get(cellKey(r, c));
        if (f !== undefined) inBand.set(cellKey(r, c), f);
      }
    }
    const pieces = [...regionsByValue(inBand)].flatMap(([, rects]) => rects);
    const byRect = pieces.map((rect) => numberFormatStep(rect, formatGrid(cells, rect)));
    const whole = numberFormatStep(band, formatGrid(cells, band));
    const piecesBytes = byRect.reduce((n, step) => n + step.bytes, 0);
    if (whole.bytes <= piecesBytes) steps.push(whole);
    else steps.push(...byRect);
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------------------------
// Merges, sizes, and the rest of the layout

function mergeStep(rect: Rect, across: boolean): WriteStep {
  const address = rectAddress(rect);
  return {
    what: `merge of ${address}`,
    bytes: untrackedRangeBytes("GetRange", [address]) + methodBytes("Merge", [across]),
    queue: (sheet) => sheet.getRange(address).untrack().merge(across),
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
export function mergeSteps(merges: string[]): WriteStep[] {
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

function sizeSteps(
  what: string,
  bySize: Map<string, Rect[]>,
  setName: string,
  set: (f: Excel.RangeFormat, v: number) => void,
) {
  const steps: WriteStep[] = [];
  for (const [size, rects] of bySize) {
    const value = Number(size);
    const extra = navigationBytes("Format") + setBytes(setName, jsonBytes(value));
    for (const list of areaLists(rects))
      steps.push(areasStep(what, list, extra, (a) => set(a.format, value)));
  }
  return steps;
}

/** Column widths and row heights, each distinct size once over its columns or rows. */
export function sizeStepsOf(planned: PlannedSheet): WriteStep[] {
  const widths = new Map<number, string>();
  for (const { column, width } of planned.columnWidths) widths.set(column, String(widthCharsToPoints(width)));
  const heights = new Map<number, string>();
  // The plan numbers rows from 1.
  for (const { row, height } of planned.rowHeights) heights.set(row - 1, String(height));
  // A column is a one-cell-wide run along a single row of the map: join neighbours, then lay them as whole columns.
  const columnRuns = new Map<string, Rect[]>();
  for (const [size, rects] of regionsByValue(new Map([...widths].map(([c, s]) => [cellKey(0, c), s])))) {
    columnRuns.set(
      size,
      rects.map((r) => ({ row: 0, col: r.col, rows: MAX_ROWS, cols: r.cols })),
    );
  }
  const rowRuns = new Map<string, Rect[]>();
  for (const [size, rects] of regionsByValue(new Map([...heights].map(([r, s]) => [cellKey(r, 0), s])))) {
    rowRuns.set(
      size,
      rects.map((r) => ({ row: r.row, col: 0, rows: r.rows, cols: MAX_COLS })),
    );
  }
  return [
    ...sizeSteps("column width", columnRuns, "ColumnWidth", (f, v) => (f.columnWidth = v)),
    ...sizeSteps("row height", rowRuns, "RowHeight", (f, v) => (f.rowHeight = v)),
  ];
}

/** Conditional formats, frozen panes, print setup, tab colour and gridlines: small, sent together. */
export function layoutStep(planned: PlannedSheet): WriteStep {
  const breaks = planned.print?.rowBreaks.length ?? 0;
  return {
    what: "conditional formats, frozen panes and print setup",
    bytes: 800 + planned.conditionalFormats.length * 1200 + (planned.print ? 2500 + breaks * 250 : 0),
    queue: (sheet) => {
      // Excel gives each new format the top priority, while the plan (and the .xlsx file) rank the first entry
      // highest: adding them last to first gives the same order, so overlapping rules resolve alike.
      for (const cf of [...planned.conditionalFormats].reverse()) addConditionalFormat(sheet, cf);
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
 * merges before sizes, as the .xlsx renderer lays them.
 */
export function contentSteps(planned: PlannedSheet): WriteStep[] {
  return [
    ...valueSteps(planned),
    ...numberFormatSteps(planned),
    ...styleSteps(planned.styles),
    ...mergeSteps(planned.merges),
    ...sizeStepsOf(planned),
    layoutStep(planned),
  ];
}
