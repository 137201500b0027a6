// Charts: the collection on a sheet (add from source data, by name) and one chart (type, name, position and
// size, source data, delete). Its title, axes, legend and series are chart-parts.ts. No rendering.
import { columnLetters, qualifiedAddress, splitSheet, tryParseRect, type Rect } from "./address";
import {
  SimObject,
  SimPartCollection,
  type Loadable,
  type Reader,
  type SimContext,
  type Tx,
} from "./context";
import { MESSAGES, simError } from "./errors";
import { EXCEL_ENUMS } from "./globals";
import { cellAt, sheetById, sheetByName } from "./helpers";
import type { SimRange } from "./range";
import { SimClientResult } from "./result";
import {
  DEFAULT_COLUMN_WIDTH_POINTS,
  DEFAULT_ROW_HEIGHT_POINTS,
  newSeries,
  nextId,
  type ChartState,
  type SeriesState,
  type SheetState,
} from "./state";
import type { SimWorksheet, SheetRef } from "./worksheet";
import { requireSheetEditable } from "./sheet-ops";
import { SimChartAxis, SimChartLegend, SimChartText, SimSeriesCollection } from "./chart-parts";

export interface ChartRef {
  sheetId: string;
  chartId: string;
}

export function chartById(tx: Tx, ref: ChartRef): ChartState {
  const chart = sheetById(tx, ref.sheetId).charts.find((c) => c.id === ref.chartId);
  if (!chart) throw simError("ItemNotFound", MESSAGES.itemNotFound, "Chart");
  return chart;
}

/** Excel.ChartType values the simulator accepts (the common 2-D ones): those of its ChartType enum. */
const CHART_TYPES = Object.values(EXCEL_ENUMS.ChartType);

function chartType(value: unknown): string {
  const t = CHART_TYPES.find((c) => c.toLowerCase() === String(value).toLowerCase());
  if (!t) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Chart.chartType");
  return t;
}

/** Resolves a range argument (proxy or address, possibly on another sheet) to a sheet and rectangle. */
export function rangeArg(
  tx: Tx,
  arg: SimRange | string,
  defaultSheet: SheetState,
): { sheet: SheetState; rect: Rect } {
  if (typeof arg !== "string") {
    const ref = arg._target(tx);
    return { sheet: sheetById(tx, ref.sheetId), rect: ref.rect };
  }
  const { sheet: name, local } = splitSheet(arg);
  const sheet = name === null ? defaultSheet : sheetByName(tx, name);
  const rect = tryParseRect(local);
  if (!sheet || !rect) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Chart");
  return { sheet, rect };
}

export function address(sheet: SheetState, rect: Rect): string {
  return qualifiedAddress(sheet.name, rect);
}

/**
 * Series Excel would create from a block, by columns: a text header row names the series, a text first column
 * gives the categories. A simplified version of Excel's guess (documented in docs/excel-sim.md).
 */
function seriesFromSource(sheet: SheetState, rect: Rect, seriesBy: string): SeriesState[] {
  const text = (r: number, c: number): boolean => typeof cellAt(sheet, r, c)?.value === "string";
  const byRows = seriesBy.toLowerCase() === "rows";
  const lines = byRows ? rect.rows : rect.cols;
  const span = byRows ? rect.cols : rect.rows;
  const at = (line: number, pos: number): [number, number] =>
    byRows ? [rect.row + line, rect.col + pos] : [rect.row + pos, rect.col + line];
  const hasHeader =
    span > 1 && Array.from({ length: lines }, (_, i) => i).some((i) => i > 0 && text(...at(i, 0)));
  const hasCategories =
    lines > 1 && Array.from({ length: span }, (_, i) => i).some((i) => i > 0 && text(...at(0, i)));
  const first = hasHeader ? 1 : 0;
  const sub = (line: number): Rect =>
    byRows
      ? { row: rect.row + line, col: rect.col + first, rows: 1, cols: rect.cols - first }
      : { row: rect.row + first, col: rect.col + line, rows: rect.rows - first, cols: 1 };
  const categories = hasCategories ? address(sheet, sub(0)) : null;
  const series: SeriesState[] = [];
  for (let line = hasCategories ? 1 : 0; line < lines; line++) {
    const header = hasHeader ? cellAt(sheet, ...at(line, 0))?.value : undefined;
    series.push(
      newSeries(
        header !== undefined && header !== "" ? String(header) : `Series${series.length + 1}`,
        address(sheet, sub(line)),
        categories,
      ),
    );
  }
  return series;
}

/** Top-left of a cell in points, from the sheet's column widths and row heights. */
function cellOffset(sheet: SheetState, row: number, col: number): { top: number; left: number } {
  let left = 0;
  for (let c = 0; c < col; c++) left += sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_POINTS;
  let top = 0;
  for (let r = 0; r < row; r++) top += sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT_POINTS;
  return { top, left };
}

export class SimChartCollection extends SimPartCollection<SimChart, SheetRef, SimWorksheet> {
  protected readonly _entity = "ChartCollection";
  protected _members(tx: Tx, ref: SheetRef): SimChart[] {
    return sheetById(tx, ref.sheetId).charts.map((c) =>
      SimChart.bound(this.context, { sheetId: ref.sheetId, chartId: c.id }),
    );
  }

  /** Excel.ChartSeriesBy: "Auto" | "Columns" | "Rows" ("Auto" is treated as columns here). */
  add(type: string, sourceData: SimRange | string, seriesBy: string = "Auto"): SimChart {
    const chart = new SimChart(this.context, () => {
      throw simError("GeneralException", "The chart was not created.");
    });
    this.context._enqueue({
      requestBytes: 128,
      run: (tx) => {
        const sheet = this._owner._state(tx);
        requireSheetEditable(sheet, "ChartCollection.add");
        const kind = chartType(type);
        const source = rangeArg(tx, sourceData, sheet);
        const n = sheet.charts.length + 1;
        let name = `Chart ${n}`;
        for (let i = n; sheet.charts.some((c) => c.name === name); i++) name = `Chart ${i + 1}`;
        const state: ChartState = {
          id: nextId(tx.wb, "chart"),
          name,
          chartType: kind,
          sourceData: address(source.sheet, source.rect),
          seriesBy: seriesBy === "Rows" ? "Rows" : seriesBy === "Columns" ? "Columns" : "Auto",
          title: "",
          titleVisible: false,
          categoryAxisTitle: "",
          valueAxisTitle: "",
          valueAxisNumberFormat: "General",
          categoryAxisTickLabelPosition: "NextToAxis",
          valueAxisTickLabelPosition: "NextToAxis",
          categoryAxisReversed: false,
          categoryAxisPosition: "Automatic",
          legendVisible: true,
          legendPosition: "Right",
          series: seriesFromSource(source.sheet, source.rect, seriesBy),
          // Excel's default chart: 360 x 216 points, placed near the top-left of the sheet.
          top: 0,
          left: 0,
          width: 360,
          height: 216,
          startCell: null,
          endCell: null,
        };
        sheet.charts.push(state);
        chart._bind(tx, { sheetId: sheet.id, chartId: state.id });
      },
    });
    return chart;
  }

  getItem(name: string): SimChart {
    const chart = new SimChart(this.context, (tx) => {
      const ref = this._owner._target(tx);
      const found = sheetById(tx, ref.sheetId).charts.find((c) => c.name === name);
      if (!found) throw simError("ItemNotFound", MESSAGES.itemNotFound, "ChartCollection.getItem");
      return { sheetId: ref.sheetId, chartId: found.id };
    });
    chart._resolveAtSync();
    return chart;
  }

  getItemOrNullObject(name: string): SimChart {
    return new SimChart(
      this.context,
      (tx) => {
        const ref = this._owner._target(tx);
        const found = sheetById(tx, ref.sheetId).charts.find((c) => c.name === name);
        return found ? { sheetId: ref.sheetId, chartId: found.id } : null;
      },
      true,
    );
  }

  getCount(): SimClientResult<number> {
    return this._result((tx, ref) => sheetById(tx, ref.sheetId).charts.length);
  }
}

export class SimChart extends SimObject<ChartRef> {
  protected readonly _entity = "Chart";
  readonly title: SimChartText;
  readonly legend: SimChartLegend;
  readonly axes: { categoryAxis: SimChartAxis; valueAxis: SimChartAxis };
  private _series: SimSeriesCollection | undefined;

  constructor(
    context: SimContext,
    private readonly _locator: (tx: Tx) => ChartRef | null,
    nullable = false,
  ) {
    super(context, nullable);
    if (nullable) this._queueExistenceCheck();
    this.title = new SimChartText(context, this, "title");
    this.legend = new SimChartLegend(context, this);
    this.axes = {
      categoryAxis: new SimChartAxis(context, this, "category"),
      valueAxis: new SimChartAxis(context, this, "value"),
    };
  }

  static bound(context: SimContext, ref: ChartRef): SimChart {
    const chart = new SimChart(context, () => ref);
    chart._ref = ref;
    return chart;
  }
  /** @internal */
  _bind(tx: Tx, ref: ChartRef): void {
    this._ref = ref;
    tx.onAbort(() => (this._ref = undefined));
  }
  /** @internal */
  _resolveAtSync(): void {
    this._queueResolution();
  }
  /** @internal */
  _state(tx: Tx): ChartState {
    return chartById(tx, this._target(tx));
  }
  protected _locate(tx: Tx): ChartRef | null {
    return this._locator(tx);
  }
  protected _readers(): Record<string, Reader<ChartRef>> {
    const c = chartById;
    return {
      id: (_tx, ref) => ref.chartId,
      name: (tx, ref) => c(tx, ref).name,
      chartType: (tx, ref) => c(tx, ref).chartType,
      top: (tx, ref) => c(tx, ref).top,
      left: (tx, ref) => c(tx, ref).left,
      width: (tx, ref) => c(tx, ref).width,
      height: (tx, ref) => c(tx, ref).height,
    };
  }
  protected override _navigations(): Record<string, Loadable> {
    return { title: this.title, legend: this.legend, series: this.series };
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (tx, ref) => (chartById(tx, ref).name = String(v)));
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._set("chartType", v, (tx, ref) => (chartById(tx, ref).chartType = chartType(v)));
  }
  get top(): number {
    return this._get("top");
  }
  set top(v: number) {
    this._set("top", v, (tx, ref) => (chartById(tx, ref).top = v));
  }
  get left(): number {
    return this._get("left");
  }
  set left(v: number) {
    this._set("left", v, (tx, ref) => (chartById(tx, ref).left = v));
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._set("width", v, (tx, ref) => (chartById(tx, ref).width = v));
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._set("height", v, (tx, ref) => (chartById(tx, ref).height = v));
  }
  get series(): SimSeriesCollection {
    this._series ??= new SimSeriesCollection(this.context, this);
    return this._series;
  }
  /** Places the chart over the cells from startCell to endCell (whole cells, from their column widths and row heights). */
  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    this._queue(64, (tx, ref) => {
      const chart = chartById(tx, ref);
      const sheet = sheetById(tx, ref.sheetId);
      const start = rangeArg(tx, startCell, sheet);
      const end = endCell === undefined ? start : rangeArg(tx, endCell, sheet);
      if (start.sheet !== sheet || end.sheet !== sheet)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "Chart.setPosition");
      const from = cellOffset(sheet, start.rect.row, start.rect.col);
      chart.top = from.top;
      chart.left = from.left;
      if (endCell !== undefined) {
        const to = cellOffset(sheet, end.rect.row + end.rect.rows, end.rect.col + end.rect.cols);
        chart.width = to.left - from.left;
        chart.height = to.top - from.top;
      }
      chart.startCell = `${columnLetters(start.rect.col)}${start.rect.row + 1}`;
      chart.endCell =
        endCell === undefined
          ? null
          : `${columnLetters(end.rect.col + end.rect.cols - 1)}${end.rect.row + end.rect.rows}`;
    });
  }
  delete(): void {
    this._queue(0, (tx, ref) => {
      const sheet = sheetById(tx, ref.sheetId);
      chartById(tx, ref);
      sheet.charts = sheet.charts.filter((c) => c.id !== ref.chartId);
    });
  }
}
