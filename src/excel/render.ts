// Parts of one planned sheet (src/layout/plan.ts) on an Excel worksheet: the values grid, conditional formats, print
// setup and the native charts. The rest of the content is planned step by step in write-content.ts. Nothing here
// syncs.
import type {
  ChartSpec,
  ConditionalFormatSpec,
  PlannedSheet,
  PlanRange,
  PlanValue,
  PrintSetup,
  SheetKey,
} from "../layout/plan";
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

const CF_OPERATOR: Record<string, Excel.ConditionalCellValueOperator> = {
  greaterThan: "GreaterThan" as Excel.ConditionalCellValueOperator,
  lessThan: "LessThan" as Excel.ConditionalCellValueOperator,
  between: "Between" as Excel.ConditionalCellValueOperator,
  equal: "EqualTo" as Excel.ConditionalCellValueOperator,
  greaterThanOrEqual: "GreaterThanOrEqual" as Excel.ConditionalCellValueOperator,
  lessThanOrEqual: "LessThanOrEqual" as Excel.ConditionalCellValueOperator,
};

const asFormula = (text: string) => (text.startsWith("=") ? text : `=${text}`);

/**
 * The plan's conditional formats, last to first: Excel gives each new format the top priority, while the plan (and
 * the .xlsx file) rank the first entry highest, so overlapping rules resolve alike. Rules over the same cells share
 * one range, untracked (used in this request only, so Excel.run keeps no reference to release).
 */
export function queueConditionalFormats(
  sheet: Excel.Worksheet,
  specs: readonly ConditionalFormatSpec[],
): void {
  const collections = new Map<string, Excel.ConditionalFormatCollection>();
  for (const spec of [...specs].reverse()) {
    let formats = collections.get(spec.range);
    if (!formats)
      collections.set(spec.range, (formats = sheet.getRange(spec.range).untrack().conditionalFormats));
    addConditionalFormat(formats, spec);
  }
}

function addConditionalFormat(formats: Excel.ConditionalFormatCollection, spec: ConditionalFormatSpec): void {
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
function addChart(
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
    // An added series takes its name from add (ChartSeriesCollection.add(name)); the first, Excel's own, is renamed.
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i === 0) series.name = s.name;
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
  // Setting a title's text shows it: Microsoft's own snippets add a chart or axis title by its text alone
  // (OfficeDev/office-js-snippet-explorer: addChartTitle.js, addAxisTitle.js) and remove one with visible = false
  // (deleteAxisTitle.js), so visible is not sent as well. A new chart has no axis titles: only those the plan gives
  // are set.
  chart.title.text = spec.title;
  if (spec.categoryAxisTitle !== "") chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
  // Labels at the chart's edge, clear of negative bars (the HNB net position), as the .xlsx renderer writes them.
  chart.axes.categoryAxis.tickLabelPosition = "Low" as Excel.ChartAxisTickLabelPosition;
  if (spec.reverseCategories) {
    // First category at the top of horizontal bars (ExcelApi 1.7); the value axis crosses at the far end, so
    // it stays below the bars (1.8), as the .xlsx renderer's maxMin orientation with crosses="max".
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = "Maximum" as Excel.ChartAxisPosition;
  }
  if (spec.valueAxisTitle !== "") chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  if (spec.valueAxisNumberFormat) chart.axes.valueAxis.numberFormat = spec.valueAxisNumberFormat;
  chart.legend.visible = spec.showLegend;
  if (spec.showLegend) chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  chart.setPosition(spec.position.from, spec.position.to);
  return chart;
}

/** Footer text for Excel's header/footer codes, where "&" starts a code. */
function footerText(text: string): string {
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

/** Charts of one planned sheet; `sheets` maps each plan key to the worksheet it is being written to. */
export function queueCharts(
  sheet: Excel.Worksheet,
  planned: PlannedSheet,
  sheets: Partial<Record<SheetKey, Excel.Worksheet>>,
): void {
  // One proxy per distinct range (a chart's categories serve all its series, its first values the add too).
  const ranges = new Map<string, Excel.Range>();
  const rangeOf = (ref: PlanRange) => {
    const target = sheets[ref.sheet];
    if (!target)
      throw new Error(`The plan's chart refers to a "${ref.sheet}" sheet that the plan does not have.`);
    const key = `${ref.sheet}!${ref.range}`;
    let range = ranges.get(key);
    // Used in this request only: untracked, so Excel.run keeps no reference to release afterwards.
    if (!range) ranges.set(key, (range = target.getRange(ref.range).untrack()));
    return range;
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
    sheet.getRange(link.cell).untrack().hyperlink = {
      documentReference: `'${target.replace(/'/g, "''")}'!${link.target.cell}`,
    };
  }
}
