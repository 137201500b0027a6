// One plain shape for a rendered sheet and its charts, built either from the in-memory Excel's snapshot or from an
// .xlsx read back with ExcelJS and JSZip, so the add-in's output and the file renderer's can be compared with toEqual.
import type ExcelJS from "exceljs";
import type JSZip from "jszip";
import { cellAddress, columnLetters, parseCellAddress } from "../../src/core/a1";
import { dateToSerial } from "../../src/core/serial";
import type { CellStyleState } from "../../src/excel-sim/state";
import { charsToPoints } from "../../src/excel-sim/state";
import type { SheetSnapshot } from "../../src/excel-sim";

export type CellValue = string | number | boolean | null;

export interface StyleView {
  font: { name: string; size: number; bold: boolean; italic: boolean; underline: boolean; color: string };
  fill: string | null;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  indent: number;
}

export interface SheetView {
  /** Value of every cell that holds one ("" counts as empty), by address. */
  values: Record<string, CellValue>;
  /** Number format of every cell whose format is not General, by address. */
  numberFormats: Record<string, string>;
  /** Font, fill and alignment of every cell either side styled, by address. */
  styles: Record<string, StyleView>;
  /**
   * Border lines as drawn on the grid: "h B7" is the line along the top of B7 (the bottom of B6), "v B7" the line
   * along its left (the right of A7). A cell's bottom border and the top border of the cell below are one line.
   */
  lines: Record<string, string>;
  merges: string[];
  /** Column widths in points, by column letters, for columns given a width. */
  columnWidths: Record<string, number>;
  /** Row heights in points, by 1-based row, for rows given a height. */
  rowHeights: Record<number, number>;
}

export interface SeriesView {
  name: string;
  /** Sheet-qualified range without $ signs: "Portfolio Summary Data!A6:A11". */
  categories: string;
  values: string;
  /** Fill of its bars or colour of its line, "#RRGGBB"; null where the theme chooses. */
  color: string | null;
}

export interface ChartView {
  name: string;
  /** Excel.ChartType: "Line", "ColumnClustered", "ColumnStacked", "BarStacked". */
  type: string;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueAxisNumberFormat: string;
  /** Excel.ChartAxisTickLabelPosition of the category axis. */
  categoryTickLabels: string;
  /** Categories drawn last to first (the first at the top of horizontal bars). */
  categoriesReversed: boolean;
  /** The value axis crosses the categories at their far end (so it stays below reversed bars). */
  valueAxisAtEnd: boolean;
  /** Legend position, or null when there is no legend. */
  legend: string | null;
  series: SeriesView[];
  /** First and last cell the chart covers. */
  from: string;
  to: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses

function parseCell(address: string): { row: number; col: number } {
  const cell = parseCellAddress(address);
  if (!cell) throw new Error(`Not a cell address: ${address}`);
  return cell;
}

const cellName = cellAddress;

/** "'Portfolio Summary Data'!$B$6:$B$11" and "'Portfolio Summary Data'!B6:B11" both become one text. */
function sheetRange(reference: string): string {
  const bang = reference.lastIndexOf("!");
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return `${sheet}!${reference.slice(bang + 1).replace(/\$/g, "")}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Building lines from per-cell borders

type Side = "top" | "bottom" | "left" | "right";

function addLine(lines: Record<string, string>, row: number, col: number, side: Side, style: string): void {
  const key =
    side === "top"
      ? `h ${cellName(row, col)}`
      : side === "bottom"
        ? `h ${cellName(row + 1, col)}`
        : side === "left"
          ? `v ${cellName(row, col)}`
          : `v ${cellName(row, col + 1)}`;
  const prior = lines[key];
  // Two different styles on one line would show Excel's choice, not ours: keep both so a test sees the clash.
  lines[key] = prior === undefined || prior === style ? style : [prior, style].sort().join(" | ");
}

// ---------------------------------------------------------------------------------------------------------------
// The in-memory Excel's side

const SIM_SIDES: Record<string, Side> = {
  EdgeTop: "top",
  EdgeBottom: "bottom",
  EdgeLeft: "left",
  EdgeRight: "right",
};

/** Border as the file renderer names it: weight and dash pattern in one word. */
function simBorderStyle(style: string, weight: string): string {
  if (style === "Continuous") return weight.toLowerCase();
  if (style === "Dash") return "dashed";
  if (style === "Dot") return "dotted";
  if (style === "Double") return "double";
  return `${style}/${weight}`;
}

function simStyle(style: CellStyleState): StyleView {
  return {
    font: {
      name: style.font.name,
      size: style.font.size,
      bold: style.font.bold,
      italic: style.font.italic,
      underline: style.font.underline !== "None",
      color: style.font.color,
    },
    fill: style.fill,
    horizontal: style.horizontalAlignment,
    vertical: style.verticalAlignment,
    wrap: style.wrapText,
    indent: style.indentLevel,
  };
}

export function simSheetView(snapshot: SheetSnapshot): SheetView {
  const view: SheetView = {
    values: {},
    numberFormats: {},
    styles: {},
    lines: {},
    merges: [...snapshot.merges].sort(),
    columnWidths: { ...snapshot.columnWidths },
    rowHeights: { ...snapshot.rowHeights },
  };
  for (const [address, cell] of Object.entries(snapshot.cells)) {
    if (cell.value !== "") view.values[address] = cell.value;
    if (cell.numberFormat !== "General") view.numberFormats[address] = cell.numberFormat;
    view.styles[address] = simStyle(cell.style);
    const { row, col } = parseCell(address);
    for (const [edge, border] of Object.entries(cell.style.borders)) {
      const side = SIM_SIDES[edge];
      if (side && border) addLine(view.lines, row, col, side, simBorderStyle(border.style, border.weight));
    }
  }
  return view;
}

export function simChartViews(snapshot: SheetSnapshot): ChartView[] {
  return snapshot.charts.map((chart) => ({
    name: chart.name,
    type: chart.chartType,
    title: chart.titleVisible ? chart.title : "",
    categoryAxisTitle: chart.categoryAxisTitle,
    valueAxisTitle: chart.valueAxisTitle,
    valueAxisNumberFormat: chart.valueAxisNumberFormat,
    categoryTickLabels: chart.categoryAxisTickLabelPosition,
    categoriesReversed: chart.categoryAxisReversed,
    valueAxisAtEnd: chart.categoryAxisPosition === "Maximum",
    legend: chart.legendVisible ? chart.legendPosition : null,
    series: chart.series.map((s) => ({
      name: s.name,
      categories: s.xValues === null ? "" : sheetRange(s.xValues),
      values: s.values === null ? "" : sheetRange(s.values),
      color: (chart.chartType.startsWith("Line") ? s.lineColor : s.fillColor) ?? null,
    })),
    from: chart.startCell ?? "",
    to: chart.endCell ?? "",
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// The .xlsx side (ExcelJS for cells, JSZip for the chart parts ExcelJS does not read)

const hex = (color: Partial<ExcelJS.Color> | undefined): string | null =>
  typeof color?.argb === "string" ? `#${color.argb.slice(-6).toUpperCase()}` : null;

const H_ALIGN: Record<string, string> = {
  left: "Left",
  center: "Center",
  right: "Right",
  centerContinuous: "CenterAcrossSelection",
};
const V_ALIGN: Record<string, string> = { top: "Top", middle: "Center", bottom: "Bottom" };

function fileValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    throw new Error(
      `The file renderer wrote a cell value the comparison does not know: ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function fileStyle(cell: ExcelJS.Cell): StyleView {
  const font = cell.font ?? {};
  const fill = cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? hex(cell.fill.fgColor) : null;
  return {
    font: {
      name: font.name ?? "Calibri",
      size: font.size ?? 11,
      bold: font.bold ?? false,
      italic: font.italic ?? false,
      underline: Boolean(font.underline) && font.underline !== "none",
      color: hex(font.color) ?? "#000000",
    },
    fill,
    horizontal: H_ALIGN[cell.alignment?.horizontal ?? ""] ?? "General",
    vertical: V_ALIGN[cell.alignment?.vertical ?? ""] ?? "Bottom",
    wrap: cell.alignment?.wrapText ?? false,
    indent: cell.alignment?.indent ?? 0,
  };
}

/** ExcelJS's border style names, as the sheet plan uses them, back to one word per line. */
function fileBorderStyle(style: string): string {
  return style === "dashed" || style === "dotted" || style === "double" ? style : style.toLowerCase();
}

export function fileSheetView(ws: ExcelJS.Worksheet): SheetView {
  const view: SheetView = {
    values: {},
    numberFormats: {},
    styles: {},
    lines: {},
    merges: [],
    columnWidths: {},
    rowHeights: {},
  };
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height) view.rowHeights[rowNumber] = row.height;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      // A merged cell's hidden parts echo the master's value in ExcelJS; Excel keeps only the top-left one.
      if (cell.isMerged && cell.master.address !== cell.address) {
        view.styles[cell.address] = fileStyle(cell);
      } else {
        const value = fileValue(cell.value);
        if (value !== null) view.values[cell.address] = value;
        view.styles[cell.address] = fileStyle(cell);
      }
      if (cell.numFmt && cell.numFmt !== "General") view.numberFormats[cell.address] = cell.numFmt;
      for (const side of ["top", "bottom", "left", "right"] as const) {
        const border = cell.border?.[side];
        if (border?.style)
          addLine(view.lines, rowNumber - 1, colNumber - 1, side, fileBorderStyle(border.style));
      }
    });
  });
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  view.merges = [...merges].sort();
  (ws.columns ?? []).forEach((column, i) => {
    // Widths are stored in characters; Excel shows them in whole pixels, which is what the live sheet holds.
    if (column.width !== undefined) view.columnWidths[columnLetters(i)] = charsToPoints(column.width);
  });
  return view;
}

// -- chart parts ----------------------------------------------------------------------------------------------

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The first element `tag` (with its content) in `xml`, or "" when there is none. Our parts never nest a tag in itself. */
function element(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${tag}>)`).exec(xml);
  return m ? m[0] : "";
}

function elements(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${tag}>)`, "g"))].map(
    (m) => m[0],
  );
}

function attribute(xml: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]) : null;
}

const texts = (xml: string) =>
  [...xml.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((m) => unescapeXml(m[1])).join("");

function relationships(xml: string): Map<string, string> {
  return new Map(
    elements(xml, "Relationship").map((r) => [attribute(r, "Id") ?? "", attribute(r, "Target") ?? ""]),
  );
}

/** "xl/worksheets/sheet1.xml" + "../drawings/drawing1.xml" -> "xl/drawings/drawing1.xml". */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async("string") : null;
}

const TICK_LABELS: Record<string, string> = { nextTo: "NextToAxis", low: "Low", high: "High", none: "None" };
const LEGEND: Record<string, string> = { b: "Bottom", t: "Top", l: "Left", r: "Right", tr: "Corner" };

function chartType(plotArea: string): string {
  if (element(plotArea, "c:lineChart")) return "Line";
  const bar = element(plotArea, "c:barChart");
  if (!bar) throw new Error("The chart part has neither a line nor a bar chart");
  const direction = attribute(element(bar, "c:barDir"), "val") === "bar" ? "Bar" : "Column";
  const grouping = attribute(element(bar, "c:grouping"), "val");
  return `${direction}${grouping === "stacked" ? "Stacked" : grouping === "percentStacked" ? "Stacked100" : "Clustered"}`;
}

function chartFromXml(xml: string, anchor: { name: string; from: string; to: string }): ChartView {
  const chart = element(xml, "c:chart");
  const plotArea = element(chart, "c:plotArea");
  const head = chart.slice(0, chart.indexOf("<c:plotArea"));
  const catAx = element(plotArea, "c:catAx");
  const valAx = element(plotArea, "c:valAx");
  const valFormat = element(valAx, "c:numFmt");
  const legend = element(chart, "c:legend");
  return {
    name: anchor.name,
    type: chartType(plotArea),
    title: texts(element(head, "c:title")),
    categoryAxisTitle: texts(element(catAx, "c:title")),
    valueAxisTitle: texts(element(valAx, "c:title")),
    valueAxisNumberFormat:
      attribute(valFormat, "sourceLinked") === "0" ? (attribute(valFormat, "formatCode") ?? "") : "General",
    categoryTickLabels: TICK_LABELS[attribute(element(catAx, "c:tickLblPos"), "val") ?? "nextTo"] ?? "?",
    categoriesReversed: attribute(element(catAx, "c:orientation"), "val") === "maxMin",
    valueAxisAtEnd: attribute(element(valAx, "c:crosses"), "val") === "max",
    legend: legend ? (LEGEND[attribute(element(legend, "c:legendPos"), "val") ?? "r"] ?? "?") : null,
    series: elements(plotArea, "c:ser").map((ser) => {
      const tx = element(ser, "c:tx");
      return {
        name: unescapeXml(/<c:v>([\s\S]*?)<\/c:v>/.exec(tx)?.[1] ?? ""),
        categories: sheetRange(unescapeXml(/<c:f>([\s\S]*?)<\/c:f>/.exec(element(ser, "c:cat"))?.[1] ?? "!")),
        values: sheetRange(unescapeXml(/<c:f>([\s\S]*?)<\/c:f>/.exec(element(ser, "c:val"))?.[1] ?? "!")),
        // The series' own shape properties (before any marker's): a bar's fill, or a line's colour.
        color: ((v) => (v ? `#${v.toUpperCase()}` : null))(
          attribute(element(element(ser, "c:spPr"), "a:srgbClr"), "val"),
        ),
      };
    }),
    from: anchor.from,
    to: anchor.to,
  };
}

/** The charts drawn on each sheet of an .xlsx package, in drawing order, by sheet name. */
export async function fileChartViews(zip: JSZip): Promise<Record<string, ChartView[]>> {
  const workbook = (await text(zip, "xl/workbook.xml")) ?? "";
  const workbookRels = relationships((await text(zip, "xl/_rels/workbook.xml.rels")) ?? "");
  const out: Record<string, ChartView[]> = {};
  for (const sheet of elements(workbook, "sheet")) {
    const name = attribute(sheet, "name") ?? "";
    const sheetPart = resolvePart("xl/workbook.xml", workbookRels.get(attribute(sheet, "r:id") ?? "") ?? "");
    const sheetXml = (await text(zip, sheetPart)) ?? "";
    const drawingId = attribute(element(sheetXml, "drawing"), "r:id");
    out[name] = [];
    if (!drawingId) continue;
    const drawingPart = resolvePart(
      sheetPart,
      relationships((await text(zip, relsOf(sheetPart))) ?? "").get(drawingId) ?? "",
    );
    const drawing = (await text(zip, drawingPart)) ?? "";
    const drawingRels = relationships((await text(zip, relsOf(drawingPart))) ?? "");
    for (const anchor of elements(drawing, "xdr:twoCellAnchor")) {
      const marker = (tag: string) => {
        const m = element(anchor, tag);
        const col = Number(/<xdr:col>(\d+)<\/xdr:col>/.exec(m)?.[1]);
        const row = Number(/<xdr:row>(\d+)<\/xdr:row>/.exec(m)?.[1]);
        return { row, col };
      };
      const from = marker("xdr:from");
      // The anchor ends where the next cell starts; the chart's last cell is the one before.
      const to = marker("xdr:to");
      const chartPart = resolvePart(
        drawingPart,
        drawingRels.get(attribute(element(anchor, "c:chart"), "r:id") ?? "") ?? "",
      );
      out[name].push(
        chartFromXml((await text(zip, chartPart)) ?? "", {
          name: attribute(element(anchor, "xdr:cNvPr"), "name") ?? "",
          from: cellName(from.row, from.col),
          to: cellName(to.row - 1, to.col - 1),
        }),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Conditional formats, in priority order (the top rule first)

export interface ConditionalFormatView {
  range: string;
  /** "CellValue GreaterThanOrEqual 20", "CellValue Between 15 19" or "ContainsText Red". */
  rule: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
}

const stripEquals = (formula: string | undefined) => (formula ?? "").replace(/^=/, "");

export function simConditionalFormats(snapshot: SheetSnapshot): ConditionalFormatView[] {
  return [...snapshot.conditionalFormats]
    .sort((a, b) => a.priority - b.priority)
    .map((cf) => ({
      range: cf.range,
      rule:
        cf.type === "ContainsText"
          ? `ContainsText ${cf.rule.text ?? ""}`
          : ["CellValue", cf.rule.operator, stripEquals(cf.rule.formula1), stripEquals(cf.rule.formula2)]
              .join(" ")
              .trim(),
      fill: cf.format.fillColor,
      fontColor: cf.format.fontColor,
      bold: cf.format.bold ?? false,
    }));
}

const CELL_IS: Record<string, string> = {
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  between: "Between",
  equal: "EqualTo",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
};

interface FileRule {
  type: string;
  operator?: string;
  formulae?: string[];
  priority?: number;
  style?: {
    fill?: { bgColor?: Partial<ExcelJS.Color> };
    font?: { color?: Partial<ExcelJS.Color>; bold?: boolean };
  };
}

export function fileConditionalFormats(ws: ExcelJS.Worksheet): ConditionalFormatView[] {
  const formats = (ws as unknown as { conditionalFormattings?: { ref: string; rules: FileRule[] }[] })
    .conditionalFormattings;
  const rules = (formats ?? []).flatMap((f) => f.rules.map((rule) => ({ range: f.ref, rule })));
  return rules
    .sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0))
    .map(({ range, rule }) => {
      // "Text contains" is written as the expression Excel stores for it: NOT(ISERROR(SEARCH("Red",H44))).
      const search =
        rule.type === "expression" ? /SEARCH\("((?:[^"]|"")*)"/.exec(rule.formulae?.[0] ?? "") : null;
      return {
        range,
        rule: search
          ? `ContainsText ${search[1].replace(/""/g, '"')}`
          : ["CellValue", CELL_IS[rule.operator ?? ""] ?? rule.operator, ...(rule.formulae ?? [])].join(" "),
        fill: hex(rule.style?.fill?.bgColor),
        fontColor: hex(rule.style?.font?.color),
        bold: rule.style?.font?.bold ?? false,
      };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Print setup and the sheet's view

export interface PrintView {
  orientation: string;
  paper: string;
  pagesWide: number | null;
  /** 0 = as many pages tall as needed. */
  pagesTall: number | null;
  printArea: string | null;
  titleRows: string | null;
  /** Margins in inches, to the thousandth. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centredHorizontally: boolean;
  /** Centre footer, as Excel's header/footer code text ("&&" for an ampersand). */
  footer: string;
  /** 1-based rows that start a printed page. */
  pageStarts: number[];
  freeze: { rows: number; columns: number } | null;
  gridlines: boolean;
  tabColor: string | null;
}

const inches = (points: number) => Math.round((points / 72) * 1000) / 1000;
const round3 = (n: number | undefined) => Math.round((n ?? 0) * 1000) / 1000;

export function simPrintView(snapshot: SheetSnapshot): PrintView {
  const page = snapshot.pageLayout;
  return {
    orientation: page.orientation.toLowerCase(),
    paper: page.paperSize,
    pagesWide: page.zoom.horizontalFitToPages ?? null,
    pagesTall: page.zoom.verticalFitToPages ?? null,
    printArea: page.printArea?.replace(/\$/g, "") ?? null,
    titleRows: page.printTitleRows?.replace(/\$/g, "") ?? null,
    margins: {
      left: inches(page.leftMargin),
      right: inches(page.rightMargin),
      top: inches(page.topMargin),
      bottom: inches(page.bottomMargin),
      header: inches(page.headerMargin),
      footer: inches(page.footerMargin),
    },
    centredHorizontally: page.centerHorizontally,
    footer: page.centerFooter,
    pageStarts: snapshot.horizontalPageBreaks,
    freeze: snapshot.freeze,
    gridlines: snapshot.showGridlines,
    tabColor: snapshot.tabColor || null,
  };
}

const PAPER: Record<number, string> = { 9: "A4", 1: "Letter" };

/** `sheetXml` is the worksheet part, for the page breaks ExcelJS writes but does not read back. */
export function filePrintView(ws: ExcelJS.Worksheet, sheetXml: string): PrintView {
  const setup = ws.pageSetup;
  const view = ws.views?.[0] as
    (Partial<ExcelJS.WorksheetView> & { xSplit?: number; ySplit?: number }) | undefined;
  const footer = ws.headerFooter?.oddFooter ?? "";
  return {
    orientation: setup.orientation ?? "portrait",
    paper: PAPER[setup.paperSize ?? 1] ?? String(setup.paperSize),
    pagesWide: setup.fitToPage ? (setup.fitToWidth ?? 1) : null,
    pagesTall: setup.fitToPage ? (setup.fitToHeight ?? 1) : null,
    printArea: setup.printArea?.replace(/\$/g, "") ?? null,
    titleRows: setup.printTitlesRow?.replace(/\$/g, "") ?? null,
    margins: {
      left: round3(setup.margins?.left),
      right: round3(setup.margins?.right),
      top: round3(setup.margins?.top),
      bottom: round3(setup.margins?.bottom),
      header: round3(setup.margins?.header),
      footer: round3(setup.margins?.footer),
    },
    centredHorizontally: setup.horizontalCentered ?? false,
    footer: footer.startsWith("&C") ? footer.slice(2) : footer,
    // <brk id="28"/> is a break after row 28: the next page starts at row 29.
    pageStarts: elements(element(sheetXml, "rowBreaks"), "brk").map((b) => Number(attribute(b, "id")) + 1),
    freeze:
      view?.state === "frozen" && ((view.ySplit ?? 0) > 0 || (view.xSplit ?? 0) > 0)
        ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 }
        : null,
    gridlines: view?.showGridLines !== false,
    tabColor: hex(ws.properties?.tabColor),
  };
}

/** The worksheet part of each sheet of an .xlsx package, by sheet name. */
export async function fileSheetXml(zip: JSZip): Promise<Record<string, string>> {
  const workbook = (await text(zip, "xl/workbook.xml")) ?? "";
  const workbookRels = relationships((await text(zip, "xl/_rels/workbook.xml.rels")) ?? "");
  const out: Record<string, string> = {};
  for (const sheet of elements(workbook, "sheet")) {
    const part = resolvePart("xl/workbook.xml", workbookRels.get(attribute(sheet, "r:id") ?? "") ?? "");
    out[attribute(sheet, "name") ?? ""] = (await text(zip, part)) ?? "";
  }
  return out;
}
