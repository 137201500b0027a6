// Charts: the collection on a sheet (add from source data, by name), and one chart's title, axes, legend,
// series (with their source ranges recorded as addresses), position and size. No rendering.
import { columnLetters, qualifiedAddress, splitSheet, tryParseRect, type Rect } from "./address";
import { SimCollection, SimObject, type Loadable, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { EXCEL_ENUMS } from "./globals";
import { cellAt, normaliseColour, sheetById, sheetByName } from "./helpers";
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

interface ChartRef {
  sheetId: string;
  chartId: string;
}

function chartById(tx: Tx, ref: ChartRef): ChartState {
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
function rangeArg(
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

function address(sheet: SheetState, rect: Rect): string {
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

export class SimChartCollection extends SimCollection<SimChart, SheetRef> {
  protected readonly _entity = "ChartCollection";
  constructor(
    context: SimContext,
    private readonly _sheet: SimWorksheet,
  ) {
    super(context);
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): SheetRef | null {
    return this._sheet._target(tx);
  }
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
        const sheet = this._sheet._state(tx);
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
      const ref = this._sheet._target(tx);
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
        const ref = this._sheet._target(tx);
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

abstract class ChartPart extends SimObject<ChartRef> {
  constructor(
    context: SimContext,
    protected readonly _chart: SimChart,
  ) {
    super(context);
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): ChartRef | null {
    return this._chart._target(tx);
  }
}

/** chart.title, and the titles of the axes. */
export class SimChartText extends ChartPart {
  protected readonly _entity = "ChartTitle";
  constructor(
    context: SimContext,
    chart: SimChart,
    private readonly _which: "title" | "category" | "value",
  ) {
    super(context, chart);
  }
  private _field(): "title" | "categoryAxisTitle" | "valueAxisTitle" {
    return this._which === "title"
      ? "title"
      : this._which === "category"
        ? "categoryAxisTitle"
        : "valueAxisTitle";
  }
  protected _readers(): Record<string, Reader<ChartRef>> {
    return {
      text: (tx, ref) => chartById(tx, ref)[this._field()],
      visible: (tx, ref) =>
        this._which === "title" ? chartById(tx, ref).titleVisible : chartById(tx, ref)[this._field()] !== "",
    };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (tx, ref) => {
      const chart = chartById(tx, ref);
      chart[this._field()] = String(v);
      if (this._which === "title") chart.titleVisible = true;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (tx, ref) => {
      if (this._which === "title") chartById(tx, ref).titleVisible = v;
    });
  }
}

export class SimChartAxis extends ChartPart {
  protected readonly _entity = "ChartAxis";
  readonly title: SimChartText;
  constructor(
    context: SimContext,
    chart: SimChart,
    private readonly _which: "category" | "value",
  ) {
    super(context, chart);
    this.title = new SimChartText(context, chart, _which);
  }
  private _tickField(): "categoryAxisTickLabelPosition" | "valueAxisTickLabelPosition" {
    return this._which === "category" ? "categoryAxisTickLabelPosition" : "valueAxisTickLabelPosition";
  }
  protected _readers(): Record<string, Reader<ChartRef>> {
    return {
      numberFormat: (tx, ref) =>
        this._which === "value" ? chartById(tx, ref).valueAxisNumberFormat : "General",
      tickLabelPosition: (tx, ref) => chartById(tx, ref)[this._tickField()],
      reversePlotOrder: (tx, ref) => this._which === "category" && chartById(tx, ref).categoryAxisReversed,
      position: (tx, ref) =>
        this._which === "category" ? chartById(tx, ref).categoryAxisPosition : "Automatic",
    };
  }
  private _categoryOnly(where: string): void {
    if (this._which !== "category")
      throw simError("InvalidArgument", `The simulator models ${where} on the category axis only.`);
  }
  /** ExcelApi 1.7: categories drawn last to first; on a bar chart the first category is then at the top. */
  get reversePlotOrder(): boolean {
    return this._get("reversePlotOrder");
  }
  set reversePlotOrder(v: boolean) {
    this._set("reversePlotOrder", v, (tx, ref) => {
      this._categoryOnly("reversePlotOrder");
      chartById(tx, ref).categoryAxisReversed = Boolean(v);
    });
  }
  /** Excel.ChartAxisPosition (ExcelApi 1.8): where the other axis crosses this one. */
  get position(): string {
    return this._get("position");
  }
  set position(v: string) {
    this._set("position", v, (tx, ref) => {
      this._categoryOnly("position");
      const p = AXIS_POSITIONS.find((x) => x.toLowerCase() === String(v).toLowerCase());
      if (!p) throw simError("InvalidArgument", MESSAGES.invalidArgument, "ChartAxis.position");
      chartById(tx, ref).categoryAxisPosition = p;
    });
  }
  protected override _navigations(): Record<string, Loadable> {
    return { title: this.title };
  }
  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(v: string) {
    this._set("numberFormat", v, (tx, ref) => {
      if (this._which !== "value")
        throw simError("InvalidArgument", "The simulator models the number format of the value axis only.");
      chartById(tx, ref).valueAxisNumberFormat = String(v);
    });
  }
  /** Excel.ChartAxisTickLabelPosition: where the axis labels sit ("Low" puts them at the chart's edge). */
  get tickLabelPosition(): string {
    return this._get("tickLabelPosition");
  }
  set tickLabelPosition(v: string) {
    this._set("tickLabelPosition", v, (tx, ref) => {
      const position = TICK_LABEL_POSITIONS.find((p) => p.toLowerCase() === String(v).toLowerCase());
      if (!position)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "ChartAxis.tickLabelPosition");
      chartById(tx, ref)[this._tickField()] = position;
    });
  }
}

/** Excel.ChartAxisPosition values. */
const AXIS_POSITIONS = ["Automatic", "Maximum", "Minimum", "Custom"];

/** Excel.ChartAxisTickLabelPosition values. */
const TICK_LABEL_POSITIONS = ["NextToAxis", "High", "Low", "None"];

export class SimChartLegend extends ChartPart {
  protected readonly _entity = "ChartLegend";
  protected _readers(): Record<string, Reader<ChartRef>> {
    return {
      visible: (tx, ref) => chartById(tx, ref).legendVisible,
      position: (tx, ref) => chartById(tx, ref).legendPosition,
    };
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (tx, ref) => (chartById(tx, ref).legendVisible = Boolean(v)));
  }
  /** Excel.ChartLegendPosition: "Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid". */
  get position(): string {
    return this._get("position");
  }
  set position(v: string) {
    this._set("position", v, (tx, ref) => {
      const p = ["Top", "Bottom", "Left", "Right", "Corner", "Custom"].find(
        (x) => x.toLowerCase() === String(v).toLowerCase(),
      );
      if (!p) throw simError("InvalidArgument", MESSAGES.invalidArgument, "ChartLegend.position");
      chartById(tx, ref).legendPosition = p;
    });
  }
}

export class SimSeriesCollection extends SimCollection<SimSeries, ChartRef> {
  protected readonly _entity = "ChartSeriesCollection";
  constructor(
    context: SimContext,
    private readonly _chart: SimChart,
  ) {
    super(context);
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): ChartRef | null {
    return this._chart._target(tx);
  }
  protected _members(tx: Tx): SimSeries[] {
    return this._chart._state(tx).series.map((_s, i) => new SimSeries(this.context, this._chart, () => i));
  }
  /** Adds an empty series at the end (or at index) with the given name. */
  add(name?: string, index?: number): SimSeries {
    let position = -1;
    this._queue(64, (tx) => {
      const series = this._chart._state(tx).series;
      const at = index === undefined ? series.length : index;
      if (!Number.isInteger(at) || at < 0 || at > series.length)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "ChartSeriesCollection.add");
      series.splice(at, 0, newSeries(name ?? `Series${series.length + 1}`, null, null));
      position = at;
    });
    return new SimSeries(this.context, this._chart, () => position);
  }
  getItemAt(index: number): SimSeries {
    return new SimSeries(this.context, this._chart, () => index);
  }
  getCount(): SimClientResult<number> {
    return this._result((tx) => this._chart._state(tx).series.length);
  }
}

export class SimSeries extends ChartPart {
  protected readonly _entity = "ChartSeries";
  constructor(
    context: SimContext,
    chart: SimChart,
    private readonly _index: () => number,
  ) {
    super(context, chart);
  }
  private _s(tx: Tx): SeriesState {
    const s = this._chart._state(tx).series[this._index()];
    if (!s) throw simError("ItemNotFound", MESSAGES.itemNotFound, "ChartSeries");
    return s;
  }
  private _format: SimSeriesFormat | undefined;
  protected _readers(): Record<string, Reader<ChartRef>> {
    return {
      name: (tx) => this._s(tx).name,
      markerBackgroundColor: (tx) => this._s(tx).markerBackgroundColor ?? "",
      markerForegroundColor: (tx) => this._s(tx).markerForegroundColor ?? "",
    };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (tx) => (this._s(tx).name = String(v)));
  }
  /** ExcelApi 1.7: fill and edge colour of the series' markers on a line chart. */
  get markerBackgroundColor(): string {
    return this._get("markerBackgroundColor");
  }
  set markerBackgroundColor(v: string) {
    this._set("markerBackgroundColor", v, (tx) => {
      this._s(tx).markerBackgroundColor = normaliseColour(v, "ChartSeries.markerBackgroundColor");
    });
  }
  get markerForegroundColor(): string {
    return this._get("markerForegroundColor");
  }
  set markerForegroundColor(v: string) {
    this._set("markerForegroundColor", v, (tx) => {
      this._s(tx).markerForegroundColor = normaliseColour(v, "ChartSeries.markerForegroundColor");
    });
  }
  /** series.format: its fill (bars, columns) and line. */
  get format(): SimSeriesFormat {
    this._format ??= new SimSeriesFormat(this.context, this._chart, (tx) => this._s(tx));
    return this._format;
  }
  /** Records the source of the series' values as a sheet-qualified address. */
  setValues(sourceData: SimRange | string): void {
    this._queue(64, (tx, ref) => {
      const { sheet, rect } = rangeArg(tx, sourceData, sheetById(tx, ref.sheetId));
      this._s(tx).values = address(sheet, rect);
    });
  }
  setXAxisValues(sourceData: SimRange | string): void {
    this._queue(64, (tx, ref) => {
      const { sheet, rect } = rangeArg(tx, sourceData, sheetById(tx, ref.sheetId));
      this._s(tx).xValues = address(sheet, rect);
    });
  }
  delete(): void {
    this._queue(0, (tx) => {
      const series = this._chart._state(tx).series;
      this._s(tx);
      series.splice(this._index(), 1);
    });
  }
}

/** series.format: fill.setSolidColor / fill.clear for bars and columns, line.color for lines. */
export class SimSeriesFormat {
  readonly fill: { setSolidColor(color: string): void; clear(): void };
  readonly line: { color: string };
  constructor(context: SimContext, chart: SimChart, series: (tx: Tx) => SeriesState) {
    const queue = (fn: (tx: Tx) => void) =>
      context._enqueue({
        requestBytes: 96,
        run: (tx) => {
          requireSheetEditable(sheetById(tx, chart._target(tx).sheetId), "ChartSeriesFormat");
          fn(tx);
        },
      });
    this.fill = {
      setSolidColor: (color: string) =>
        queue((tx) => (series(tx).fillColor = normaliseColour(color, "ChartFill.setSolidColor"))),
      clear: () => queue((tx) => void delete series(tx).fillColor),
    };
    let lineColor = "";
    this.line = {
      get color() {
        return lineColor;
      },
      set color(v: string) {
        lineColor = v;
        queue((tx) => (series(tx).lineColor = normaliseColour(v, "ChartLineFormat.color")));
      },
    };
  }
}
