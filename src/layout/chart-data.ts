// The chart-data sheet: every drawable chart's categories and series as a block of cells, so native charts
// read real ranges (a reader can check the figures behind a chart). Charts with nothing to draw get no block.
import { cellAddress, rangeAddress } from "../core/a1";
import { excelSerial } from "../core/serial";
import { pageContentHeight, paginate } from "./pagination";
import type { PrintBlock } from "./pagination";
import type { ChartSeriesSpec, ChartType, PlanRange, PlanValue, PrintSetup } from "./plan";
import { SheetBuilder } from "./sheet-builder";
import { reversedCategories, seriesColour } from "./chart-style";
import { FONT_NAME, FONT_SIZE, NUMBER_FORMATS, PALETTE, STYLES, formatForUnit } from "./styles";
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

/** Builds the data sheet; returns it with the block of every drawable chart, by chart id. */
export function buildChartData(charts: ChartData[]): {
  sheet: SheetBuilder;
  blocks: Map<string, ChartBlock>;
  /** First row of each chart's block: where a printed page may break. */
  printBlocks: PrintBlock[];
} {
  const widest = Math.max(1, ...charts.map((c) => c.series.length));
  const sheet = new SheetBuilder("data", DATA_SHEET_NAME, [30, ...Array<number>(widest).fill(18)]);
  const blocks = new Map<string, ChartBlock>();
  const heading = { font: { name: FONT_NAME, size: FONT_SIZE.subheading, bold: true, color: PALETTE.navy } };

  // A heading across the sheet, unwrapped, so a reader (or a printout of the whole workbook) knows what this is.
  const across = sheet.columnCount - 1;
  sheet.text(
    0,
    0,
    across,
    "Chart data for the Portfolio Summary",
    { font: { name: FONT_NAME, size: FONT_SIZE.heading, bold: true, color: PALETTE.navy } },
    false,
  );
  sheet.height(0, 20);
  sheet.text(
    1,
    0,
    across,
    "The figures behind each chart on the Portfolio Summary sheet, one block a chart. They are written from the " +
      "tracker at each refresh, so change the tracker rather than this sheet.",
    { ...STYLES.note, wrapText: false },
    false,
  );
  // Print blocks are numbered as Excel numbers rows, as the print setup is.
  const printBlocks: PrintBlock[] = [{ first: 1 }];

  let row = 3;
  for (const chart of charts) {
    if (blocks.has(chart.id) || undrawableReason(chart) !== null) continue;
    // A series with no figure at all would be an empty range in the chart; it is left out.
    const drawn = chart.series.filter((s) =>
      s.values.some((v) => typeof v === "number" && Number.isFinite(v)),
    );
    const n = chart.categories.length;
    const last = drawn.length;
    printBlocks.push({ first: row + 1, splittable: true });
    sheet.set(row, 0, chart.title);
    sheet.style(cellAddress(row, 0), heading);
    const header = row + 1;
    const first = row + 2;
    const end = first + n - 1;
    sheet.set(header, 0, chart.categoryAxisTitle || "Category");
    drawn.forEach((s, i) => sheet.set(header, i + 1, s.name));
    sheet.style(rangeAddress(header, 0, header, last), STYLES.tableHeader);

    const cats = categoryCells(chart.categories);
    cats.values.forEach((v, i) => sheet.set(first + i, 0, v));
    if (cats.format) sheet.format(rangeAddress(first, 0, end, 0), cats.format);
    if (cats.format) sheet.style(rangeAddress(first, 0, end, 0), { horizontalAlignment: "left" });

    drawn.forEach((s, i) => {
      for (let k = 0; k < n; k++)
        sheet.set(first + k, i + 1, storedValue(s.values[k] ?? null, chart.valueUnit));
      const fmt = formatForUnit(chart.valueUnit, s.values);
      if (fmt) sheet.format(rangeAddress(first, i + 1, end, i + 1), fmt);
    });

    const categories: PlanRange = { sheet: "data", range: rangeAddress(first, 0, end, 0) };
    blocks.set(chart.id, {
      chart,
      type: CHART_TYPES[chart.kind],
      categories,
      valueAxisNumberFormat: axisFormat(chart),
      reverseCategories: reversedCategories(CHART_TYPES[chart.kind]),
      series: drawn.map((s, i) => ({
        name: s.name,
        color: seriesColour(s.name, i),
        nameRef: { sheet: "data", range: cellAddress(header, i + 1) },
        categories,
        values: { sheet: "data", range: rangeAddress(first, i + 1, end, i + 1) },
      })),
    });
    row = end + 2;
  }
  if (blocks.size === 0) sheet.set(3, 0, "No chart has data at this refresh.");
  return { sheet, blocks, printBlocks };
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
    footer: `${DATA_SHEET_NAME} — the figures behind the Portfolio Summary's charts`,
  };
}
