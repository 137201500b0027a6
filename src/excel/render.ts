// Queues one planned sheet (src/layout/plan.ts) onto an Excel worksheet: values and number formats as whole 2-D
// blocks, then styles, merges, sizes, conditional formats, charts, freeze panes and print setup. Nothing here syncs.
import type {
  BorderSide,
  CellStyle,
  ChartSpec,
  ConditionalFormatSpec,
  PlannedSheet,
  PlanRange,
  PlanValue,
  PrintSetup,
  SheetKey,
} from "../layout/plan";
import { columnLetters, parseRange, rectAddress, type Rect } from "../core/a1";
import { guardText } from "./text";

/** Excel's column width conversion: characters of the default font (7 px per digit, 5 px padding) to points. */
export function widthCharsToPoints(chars: number): number {
  const pixels = Math.round((Math.trunc(((chars * 7 + 5) / 7) * 256) / 256) * 7);
  return pixels * 0.75;
}

/** The plan's dense values as the rectangular block written in one assignment, text guarded. */
export function valueGrid(values: PlanValue[][]): (string | number | boolean)[][] {
  const cols = values.reduce((w, row) => Math.max(w, row.length), 0);
  return values.map((row) =>
    Array.from({ length: cols }, (_, c) => {
      const v = row[c];
      if (v === null || v === undefined) return "";
      if (typeof v === "number" && !Number.isFinite(v)) return "";
      return guardText(v);
    }),
  );
}

/**
 * The plan's number formats, applied in order, as one grid from A1 covering the values and every formatted
 * range ("General" elsewhere, which is what a new sheet holds anyway). Whole-column ranges stop at the grid.
 */
export function numberFormatGrid(sheet: PlannedSheet): string[][] {
  const rects = sheet.numberFormats
    .map((f) => ({ rect: parseRange(f.range), format: f.format }))
    .filter((f): f is { rect: Rect; format: string } => f.rect !== null);
  const baseRows = sheet.values.length;
  const baseCols = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
  const bounded = rects.filter((f) => f.rect.rows < 1_000_000 && f.rect.cols < 16_000);
  const rows = Math.max(baseRows, ...bounded.map((f) => f.rect.row + f.rect.rows));
  const cols = Math.max(baseCols, ...bounded.map((f) => f.rect.col + f.rect.cols));
  if (rows === 0 || cols === 0 || rects.length === 0) return [];
  const grid = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  for (const { rect, format } of rects) {
    for (let r = rect.row; r < Math.min(rows, rect.row + rect.rows); r++) {
      for (let c = rect.col; c < Math.min(cols, rect.col + rect.cols); c++) grid[r][c] = format;
    }
  }
  return grid;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

const BORDER: Record<BorderSide["style"], { style: Excel.BorderLineStyle; weight: Excel.BorderWeight }> = {
  thin: { style: "Continuous" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  medium: { style: "Continuous" as Excel.BorderLineStyle, weight: "Medium" as Excel.BorderWeight },
  thick: { style: "Continuous" as Excel.BorderLineStyle, weight: "Thick" as Excel.BorderWeight },
  dashed: { style: "Dash" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  dotted: { style: "Dot" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  double: { style: "Double" as Excel.BorderLineStyle, weight: "Thick" as Excel.BorderWeight },
};

function setBorder(format: Excel.RangeFormat, edge: Excel.BorderIndex, side: BorderSide): void {
  const border = format.borders.getItem(edge);
  border.style = BORDER[side.style].style;
  border.weight = BORDER[side.style].weight;
  border.color = side.color;
}

/**
 * One style on one range. The plan styles every cell of a range alike, so a bottom border on a block of rows is
 * a line under each row: the inside edges repeat the outer ones.
 */
export function applyStyle(range: Excel.Range, rect: Rect | null, style: CellStyle): void {
  const format = range.format;
  if (style.font) {
    const { name, size, bold, italic, underline, color } = style.font;
    if (name !== undefined) format.font.name = name;
    if (size !== undefined) format.font.size = size;
    if (bold !== undefined) format.font.bold = bold;
    if (italic !== undefined) format.font.italic = italic;
    if (underline !== undefined)
      format.font.underline = (underline ? "Single" : "None") as Excel.RangeUnderlineStyle;
    if (color !== undefined) format.font.color = color;
  }
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.horizontalAlignment) {
    format.horizontalAlignment = H_ALIGN[style.horizontalAlignment] as Excel.HorizontalAlignment;
  }
  if (style.verticalAlignment)
    format.verticalAlignment = V_ALIGN[style.verticalAlignment] as Excel.VerticalAlignment;
  if (style.wrapText !== undefined) format.wrapText = style.wrapText;
  if (style.indent !== undefined) format.indentLevel = style.indent;
  const b = style.borders;
  if (b) {
    if (b.top) setBorder(format, "EdgeTop" as Excel.BorderIndex, b.top);
    if (b.bottom) setBorder(format, "EdgeBottom" as Excel.BorderIndex, b.bottom);
    if (b.left) setBorder(format, "EdgeLeft" as Excel.BorderIndex, b.left);
    if (b.right) setBorder(format, "EdgeRight" as Excel.BorderIndex, b.right);
    const horizontal = b.bottom ?? b.top;
    const vertical = b.right ?? b.left;
    if (rect && rect.rows > 1 && horizontal)
      setBorder(format, "InsideHorizontal" as Excel.BorderIndex, horizontal);
    if (rect && rect.cols > 1 && vertical) setBorder(format, "InsideVertical" as Excel.BorderIndex, vertical);
  }
}

const CF_OPERATOR: Record<string, Excel.ConditionalCellValueOperator> = {
  greaterThan: "GreaterThan" as Excel.ConditionalCellValueOperator,
  lessThan: "LessThan" as Excel.ConditionalCellValueOperator,
  between: "Between" as Excel.ConditionalCellValueOperator,
  equal: "EqualTo" as Excel.ConditionalCellValueOperator,
  greaterThanOrEqual: "GreaterThanOrEqual" as Excel.ConditionalCellValueOperator,
  lessThanOrEqual: "LessThanOrEqual" as Excel.ConditionalCellValueOperator,
};

const asFormula = (text: string) => (text.startsWith("=") ? text : `=${text}`);

export function addConditionalFormat(sheet: Excel.Worksheet, spec: ConditionalFormatSpec): void {
  const formats = sheet.getRange(spec.range).conditionalFormats;
  let format: Excel.ConditionalRangeFormat;
  if (spec.rule.type === "cellValue") {
    const cf = formats.add("CellValue" as Excel.ConditionalFormatType).cellValue;
    cf.rule = {
      formula1: asFormula(spec.rule.formula1),
      ...(spec.rule.formula2 !== undefined ? { formula2: asFormula(spec.rule.formula2) } : {}),
      operator: CF_OPERATOR[spec.rule.operator],
    };
    format = cf.format;
  } else {
    const cf = formats.add("ContainsText" as Excel.ConditionalFormatType).textComparison;
    cf.rule = { operator: "Contains" as Excel.ConditionalTextOperator, text: spec.rule.text };
    format = cf.format;
  }
  if (spec.style.fill !== undefined) format.fill.color = spec.style.fill;
  if (spec.style.fontColor !== undefined) format.font.color = spec.style.fontColor;
  if (spec.style.bold !== undefined) format.font.bold = spec.style.bold;
}

const CHART_TYPE: Record<ChartSpec["type"], string> = {
  line: "Line",
  columnClustered: "ColumnClustered",
  barStacked: "BarStacked",
  columnStacked: "ColumnStacked",
};

/**
 * A native chart whose series point at the plan's ranges. Excel makes one series from the source range given to
 * charts.add; it is then set explicitly like the others, so nothing depends on Excel's own guess.
 */
export function addChart(
  sheet: Excel.Worksheet,
  spec: ChartSpec,
  rangeOf: (ref: PlanRange) => Excel.Range,
): Excel.Chart | null {
  if (spec.series.length === 0) return null;
  const chart = sheet.charts.add(
    CHART_TYPE[spec.type] as Excel.ChartType,
    rangeOf(spec.series[0].values),
    "Columns" as Excel.ChartSeriesBy,
  );
  chart.name = spec.id;
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(rangeOf(s.values));
    series.setXAxisValues(rangeOf(s.categories));
    // The plan's colour (RAG series in RAG colours, milestone statuses in theirs), not the theme's turn.
    if (spec.type === "line") {
      series.format.line.color = s.color;
      series.markerBackgroundColor = s.color;
      series.markerForegroundColor = s.color;
    } else {
      series.format.fill.setSolidColor(s.color);
    }
  });
  chart.title.text = spec.title;
  chart.title.visible = true;
  chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
  chart.axes.categoryAxis.title.visible = spec.categoryAxisTitle !== "";
  // Labels at the chart's edge, clear of negative bars (the HNB net position), as the .xlsx renderer writes them.
  chart.axes.categoryAxis.tickLabelPosition = "Low" as Excel.ChartAxisTickLabelPosition;
  if (spec.reverseCategories) {
    // First category at the top of horizontal bars (ExcelApi 1.7); the value axis crosses at the far end, so
    // it stays below the bars (1.8), as the .xlsx renderer's maxMin orientation with crosses="max".
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = "Maximum" as Excel.ChartAxisPosition;
  }
  chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  chart.axes.valueAxis.title.visible = spec.valueAxisTitle !== "";
  if (spec.valueAxisNumberFormat) chart.axes.valueAxis.numberFormat = spec.valueAxisNumberFormat;
  chart.legend.visible = spec.showLegend;
  if (spec.showLegend) chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  chart.setPosition(spec.position.from, spec.position.to);
  return chart;
}

/** Footer text for Excel's header/footer codes, where "&" starts a code. */
export function footerText(text: string): string {
  return text.replace(/&/g, "&&");
}

const INCH = 72;

export function applyPrint(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.orientation = (
    print.orientation === "landscape" ? "Landscape" : "Portrait"
  ) as Excel.PageOrientation;
  layout.paperSize = "A4" as Excel.PaperType;
  // Fit the width to the pages asked for; height free, so long sections flow onto more pages.
  layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  layout.setPrintArea(print.printArea);
  if (print.titleRows) {
    const [first, last = first] = print.titleRows.split(":");
    layout.setPrintTitleRows(`$${first}:$${last}`);
  }
  if (print.centerHorizontally !== undefined) layout.centerHorizontally = print.centerHorizontally;
  if (print.margins) {
    layout.leftMargin = print.margins.left * INCH;
    layout.rightMargin = print.margins.right * INCH;
    layout.topMargin = print.margins.top * INCH;
    layout.bottomMargin = print.margins.bottom * INCH;
    layout.headerMargin = print.margins.header * INCH;
    layout.footerMargin = print.margins.footer * INCH;
  }
  if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = footerText(print.footer);
  // A break "after row n" sits above row n + 1.
  for (const row of print.rowBreaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
}

/** One part of a sheet's content: its estimated request size, and the calls that queue it. */
export interface ContentPart {
  name: string;
  requestBytes: number;
  queue(): void;
}

/** Request cost of one queued action (object path, method, ids), as Office.js serialises it; generous. */
export const BYTES_PER_ACTION = 120;

const json = (v: unknown) => JSON.stringify(v).length;

/**
 * Everything but the charts, in the order Excel needs (values before merges, merges before sizes), cut into
 * parts whose request size is estimated, so the writer can send a very long summary in more than one request.
 */
export function sheetContentParts(sheet: Excel.Worksheet, planned: PlannedSheet): ContentPart[] {
  const values = valueGrid(planned.values);
  const formats = numberFormatGrid(planned);
  const styles = coalesceStyles(planned.styles);
  const heights = rowHeightRuns(planned.rowHeights);
  return [
    {
      name: "values",
      requestBytes: BYTES_PER_ACTION + json(values),
      queue: () => {
        if (values.length && values[0].length) {
          sheet.getRangeByIndexes(0, 0, values.length, values[0].length).values = values;
        }
      },
    },
    {
      name: "number formats",
      requestBytes: BYTES_PER_ACTION + json(formats),
      queue: () => {
        if (formats.length)
          sheet.getRangeByIndexes(0, 0, formats.length, formats[0].length).numberFormat = formats;
      },
    },
    {
      name: "styles",
      // About one action per property set, each carrying its value and the range address.
      requestBytes: styles.reduce(
        (n, g) => n + (BYTES_PER_ACTION + g.range.length) * 2 + json(g.style) * 3,
        0,
      ),
      queue: () => {
        for (const group of styles)
          applyStyle(sheet.getRange(group.range), parseRange(group.range), group.style);
      },
    },
    {
      name: "layout",
      requestBytes:
        (planned.merges.length + planned.columnWidths.length + heights.length) * BYTES_PER_ACTION * 2 +
        planned.conditionalFormats.length * BYTES_PER_ACTION * 6 +
        (planned.print ? BYTES_PER_ACTION * (16 + planned.print.rowBreaks.length) : 0) +
        BYTES_PER_ACTION * 4,
      queue: () => {
        for (const merge of planned.merges) sheet.getRange(merge).merge(false);
        for (const { column, width } of planned.columnWidths) {
          const letters = columnLetters(column);
          sheet.getRange(`${letters}:${letters}`).format.columnWidth = widthCharsToPoints(width);
        }
        for (const run of heights) sheet.getRange(`${run.first}:${run.last}`).format.rowHeight = run.height;
        // Excel gives each new format the top priority, while the plan (and the .xlsx file) rank the first entry
        // highest: adding them last to first gives the same order, so overlapping rules resolve alike.
        for (const cf of [...planned.conditionalFormats].reverse()) addConditionalFormat(sheet, cf);
        if (planned.freeze && (planned.freeze.rows > 0 || planned.freeze.columns > 0)) {
          const { rows, columns } = planned.freeze;
          if (columns === 0) sheet.freezePanes.freezeRows(rows);
          else if (rows === 0) sheet.freezePanes.freezeColumns(columns);
          else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
        }
        if (planned.print) applyPrint(sheet, planned.print);
        if (planned.tabColor) sheet.tabColor = planned.tabColor;
        sheet.showGridlines = planned.showGridlines;
      },
    },
  ];
}

/** Queues a whole sheet's content (no charts) at once. */
export function queueSheetContent(sheet: Excel.Worksheet, planned: PlannedSheet): void {
  for (const part of sheetContentParts(sheet, planned)) part.queue();
}

/** Consecutive rows of the same height, set with one action per run. */
export function rowHeightRuns(
  heights: PlannedSheet["rowHeights"],
): { first: number; last: number; height: number }[] {
  const runs: { first: number; last: number; height: number }[] = [];
  for (const { row, height } of [...heights].sort((a, b) => a.row - b.row)) {
    const last = runs[runs.length - 1];
    if (last && last.last + 1 === row && last.height === height) last.last = row;
    else runs.push({ first: row, last: row, height });
  }
  return runs;
}

/** Entries over more cells than this (whole rows or columns) are applied as they are, first, as backgrounds. */
const MAX_RESOLVED_CELLS = 1_000_000;

/**
 * The plan's styles as few rectangles as possible, with the same result on a new sheet: each cell's final style
 * is worked out (entries in order, later properties winning), then equal neighbours are joined into rectangles,
 * first along each row, then down the rows. A long summary has thousands of entries but a few dozen distinct
 * styles, so this keeps the write's request small.
 */
export function coalesceStyles(styles: PlannedSheet["styles"]): PlannedSheet["styles"] {
  const parsed = styles.map((s) => ({ ...s, rect: parseRange(s.range) }));
  const unbounded = parsed.filter((s) => !s.rect || s.rect.rows * s.rect.cols > MAX_RESOLVED_CELLS);
  const bounded = parsed.filter((s) => s.rect && s.rect.rows * s.rect.cols <= MAX_RESOLVED_CELLS);
  const cells = new Map<string, CellStyle>();
  for (const entry of bounded) {
    const rect = entry.rect as Rect;
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const key = `${r},${c}`;
        const prior = cells.get(key);
        cells.set(key, prior ? mergeStyle(prior, entry.style) : entry.style);
      }
    }
  }
  // Rows of runs: [col, cols, styleKey, style].
  const keyOf = (style: CellStyle) => JSON.stringify(style, Object.keys(flatten(style)).sort());
  const byRow = new Map<number, { col: number; cols: number; key: string; style: CellStyle }[]>();
  const coords = [...cells.keys()].map((k) => k.split(",").map(Number) as [number, number]);
  coords.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [r, c] of coords) {
    const style = cells.get(`${r},${c}`) as CellStyle;
    const key = keyOf(style);
    const runs = byRow.get(r) ?? [];
    const last = runs[runs.length - 1];
    if (last && last.col + last.cols === c && last.key === key) last.cols++;
    else runs.push({ col: c, cols: 1, key, style });
    byRow.set(r, runs);
  }
  // Join identical runs straight below one another.
  const open = new Map<string, Rect & { key: string; style: CellStyle }>();
  const rects: (Rect & { key: string; style: CellStyle })[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    for (const run of byRow.get(r) ?? []) {
      const id = `${run.col}:${run.cols}:${run.key}`;
      const above = open.get(id);
      if (above && above.row + above.rows === r) {
        above.rows++;
      } else {
        const rect = { row: r, col: run.col, rows: 1, cols: run.cols, key: run.key, style: run.style };
        rects.push(rect);
        open.set(id, rect);
      }
    }
  }
  return [
    ...unbounded.map(({ range, style }) => ({ range, style })),
    ...rects.map((rect) => ({ range: rectAddress(rect), style: rect.style })),
  ];
}

/** Every leaf property path of a style, so equal styles serialise alike whatever their key order. */
function flatten(value: unknown, prefix = "", out: Record<string, true> = {}): Record<string, true> {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out[k] = true;
      flatten(v, `${prefix}${k}.`, out);
    }
  }
  return out;
}

/** Consecutive style entries on the same range become one (later properties win), saving round-trip actions. */
export function groupStyles(styles: PlannedSheet["styles"]): PlannedSheet["styles"] {
  const out: PlannedSheet["styles"] = [];
  for (const entry of styles) {
    const last = out[out.length - 1];
    if (last && last.range === entry.range) {
      last.style = mergeStyle(last.style, entry.style);
    } else {
      out.push({ range: entry.range, style: entry.style });
    }
  }
  return out;
}

function mergeStyle(a: CellStyle, b: CellStyle): CellStyle {
  return {
    ...a,
    ...b,
    ...(a.font || b.font ? { font: { ...a.font, ...b.font } } : {}),
    ...(a.borders || b.borders ? { borders: { ...a.borders, ...b.borders } } : {}),
  };
}

/** Charts of one planned sheet; `sheets` maps each plan key to the worksheet it is being written to. */
export function queueCharts(
  sheet: Excel.Worksheet,
  planned: PlannedSheet,
  sheets: Partial<Record<SheetKey, Excel.Worksheet>>,
): void {
  const rangeOf = (ref: PlanRange) => {
    const target = sheets[ref.sheet];
    if (!target)
      throw new Error(`The plan's chart refers to a "${ref.sheet}" sheet that the plan does not have.`);
    return target.getRange(ref.range);
  };
  for (const spec of planned.charts) addChart(sheet, spec, rangeOf);
}

/**
 * Table names for a plan's tables, each free in the workbook: a name one of the user's tables already has gets a
 * numbered variant ("tblKeyRisks_2"), since names are unique across a workbook.
 */
export function tableNamesFor(
  plan: { sheets: PlannedSheet[] },
  taken: readonly string[],
): Map<string, string> {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables ?? []) {
      let name = table.name;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${table.name}_${n}`;
      used.add(name.toLowerCase());
      names.set(table.name, name);
    }
  }
  return names;
}

/** The Excel tables of one planned sheet, over cells already written (ExcelApi 1.1; the style by name, 1.1). */
export function queueTables(sheet: Excel.Worksheet, planned: PlannedSheet, names: Map<string, string>): void {
  for (const table of planned.tables ?? []) {
    const added = sheet.tables.add(table.range, true);
    added.name = names.get(table.name) ?? table.name;
    added.style = table.style;
  }
}

/** Links to places in the workbook (ExcelApi 1.7), each naming the sheet by its final name. */
export function queueLinks(
  sheet: Excel.Worksheet,
  planned: PlannedSheet,
  sheetNames: Partial<Record<SheetKey, string>>,
): void {
  for (const link of planned.links ?? []) {
    const target = sheetNames[link.target.sheet];
    if (!target)
      throw new Error(
        `The plan's link refers to a "${link.target.sheet}" sheet that the plan does not have.`,
      );
    sheet.getRange(link.cell).hyperlink = {
      documentReference: `'${target.replace(/'/g, "''")}'!${link.target.cell}`,
    };
  }
}
