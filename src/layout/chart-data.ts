// The charts' figures: every drawable chart's categories and series as a table on the data sheet, so native charts
// read real ranges (a reader can check the figures behind a chart). Charts with nothing to draw get no table.
import { cellAddress, rangeAddress } from "../core/a1";
import { excelSerial } from "../core/serial";
import { chartAltText } from "./alt-text";
import { tableName, uniqueHeaders, type DataTable } from "./data-tables";
import { pageContentHeight, paginate } from "./pagination";
import type { PrintBlock } from "./pagination";
import type { ChartSeriesSpec, ChartType, PlanRange, PlanValue, PrintSetup } from "./plan";
import type { SheetBuilder } from "./sheet-builder";
import { reversedCategories, seriesColour } from "./chart-style";
import { NUMBER_FORMATS, formatForUnit } from "./styles";
import { points } from "./values";
import type { ChartData, ChartKind, DisplayUnit } from "../core/model";

export const DATA_SHEET_NAME = "Portfolio Summary Data";

/** Where one chart's data sits on the data sheet, ready to become a ChartSpec. */
export interface ChartBlock {
  chart: ChartData;
  type: ChartType;
  categories: PlanRange;
  series: ChartSeriesSpec[];
  valueAxisNumberFormat: string;
  reverseCategories: boolean;
  altText: string;
}

const CHART_TYPES: Record<ChartKind, ChartType> = {
  line: "line",
  column: "columnClustered",
  stacked_bar: "barStacked",
};

const MONTH = /^\d{4}-\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a chart cannot be drawn, or null when it can (it has categories and at least one number). */
export function undrawableReason(chart: ChartData): string | null {
  const hasNumber = chart.series.some((s) =>
    s.values.some((v) => typeof v === "number" && Number.isFinite(v)),
  );
  if (chart.categories.length > 0 && hasNumber) return null;
  return chart.emptyReason?.trim() || "The tracker holds no figures for this chart yet.";
}

/** The value stored in a data cell: shares stay fractions, share gaps become percentage points. */
function storedValue(value: number | null, unit: DisplayUnit): PlanValue {
  if (value === null || !Number.isFinite(value)) return null;
  return unit === "pp" ? points(value) : value;
}

function axisFormat(chart: ChartData): string {
  const all = chart.series.flatMap((s) => s.values);
  switch (chart.valueUnit) {
    case "share":
      return NUMBER_FORMATS.shareAxis;
    case "pp":
      return NUMBER_FORMATS.pp;
    case "money":
      return formatForUnit("money", all) === NUMBER_FORMATS.financeMillions
        ? '"£"#,##0.0,,"m";-"£"#,##0.0,,"m"'
        : '"£"#,##0';
    default:
      return NUMBER_FORMATS.count;
  }
}

/** Category cells: months and dates as Excel serials (formatted), anything else as text. */
function categoryCells(categories: string[]): { values: PlanValue[]; format: string | null } {
  if (categories.every((c) => MONTH.test(c) && excelSerial(c) !== null)) {
    return { values: categories.map((c) => excelSerial(c)), format: NUMBER_FORMATS.month };
  }
  if (categories.every((c) => DATE.test(c) && excelSerial(c) !== null)) {
    return { values: categories.map((c) => excelSerial(c)), format: NUMBER_FORMATS.date };
  }
  return { values: categories, format: null };
}

/** A chart with something to draw: its series with at least one figure (an empty series would be an empty range). */
export interface DrawableChart {
  chart: ChartData;
  drawn: ChartData["series"];
}

/** Every chart that can be drawn, by id (the first of any repeated id). */
export function drawableCharts(charts: readonly ChartData[]): Map<string, DrawableChart> {
  const out = new Map<string, DrawableChart>();
  for (const chart of charts) {
    if (out.has(chart.id) || undrawableReason(chart) !== null) continue;
    const drawn = chart.series.filter((s) =>
      s.values.some((v) => typeof v === "number" && Number.isFinite(v)),
    );
    out.set(chart.id, { chart, drawn });
  }
  return out;
}

/** A chart's figures as a table: the categories, then a column a series drawn. A missing figure stays empty. */
export function chartTable(d: DrawableChart): DataTable {
  const { chart, drawn } = d;
  const cats = categoryCells(chart.categories);
  const formats = drawn.map((s) => formatForUnit(chart.valueUnit, s.values));
  return {
    name: tableName("Chart", chart.id.replace(/_/g, " ")),
    title: `Chart: ${chart.title}`,
    headers: uniqueHeaders([chart.categoryAxisTitle || "Category", ...drawn.map((s) => s.name)]),
    rows: chart.categories.map((_, k) => [
      cats.values[k],
      ...drawn.map((s) => storedValue(s.values[k] ?? null, chart.valueUnit)),
    ]),
    formats: chart.categories.map(() => [cats.format, ...formats]),
    description: chartAltText(chart, drawn),
  };
}

/** The chart's block once its table sits at `header` (0-based row of its header row) in column A on. */
export function chartBlock(d: DrawableChart, header: number): ChartBlock {
  const { chart, drawn } = d;
  const first = header + 1;
  const end = first + chart.categories.length - 1;
  const categories: PlanRange = { sheet: "data", range: rangeAddress(first, 0, end, 0) };
  const type = CHART_TYPES[chart.kind];
  return {
    chart,
    type,
    categories,
    valueAxisNumberFormat: axisFormat(chart),
    reverseCategories: reversedCategories(type),
    altText: chartAltText(chart, drawn),
    series: drawn.map((s, i) => ({
      name: s.name,
      color: seriesColour(s.name, i),
      nameRef: { sheet: "data", range: cellAddress(header, i + 1) },
      categories,
      values: { sheet: "data", range: rangeAddress(first, i + 1, end, i + 1) },
    })),
  };
}

const DATA_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** Print setup of the data sheet: A4 landscape, one page wide, pages breaking between charts' blocks. */
export function dataSheetPrint(sheet: SheetBuilder, printBlocks: PrintBlock[]): PrintSetup {
  const lastRow = Math.max(1, sheet.rowCount);
  const widths = Array.from({ length: sheet.columnCount }, (_, c) => sheet.width(c));
  const pageHeight = pageContentHeight({
    orientation: "landscape",
    columnWidths: widths,
    margins: DATA_MARGINS,
    repeatedRowsHeight: 0,
  });
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToPagesWide: 1,
    printArea: `A1:${cellAddress(lastRow - 1, sheet.columnCount - 1)}`,
    rowBreaks: paginate(printBlocks, lastRow, (r) => sheet.heightOf(r - 1), pageHeight),
    margins: DATA_MARGINS,
    footer: `${DATA_SHEET_NAME} — the Portfolio Summary's tables and the figures behind its charts`,
  };
}
