// What hangs off a chart: its title (and the axes' titles), the category and value axes, the legend, and the
// series with their source ranges (recorded as addresses) and format.
import { SimPart, SimPartCollection, type Loadable, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { normaliseColour, sheetById } from "./helpers";
import type { SimRange } from "./range";
import { SimClientResult } from "./result";
import { newSeries, type SeriesState } from "./state";
import { requireSheetEditable } from "./sheet-ops";
import { address, chartById, rangeArg, type ChartRef, type SimChart } from "./chart";

/** A part of a chart, found through the chart in every sync. */
abstract class ChartPart extends SimPart<ChartRef, SimChart> {
  protected get _chart(): SimChart {
    return this._owner;
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

export class SimSeriesCollection extends SimPartCollection<SimSeries, ChartRef, SimChart> {
  protected readonly _entity = "ChartSeriesCollection";
  private get _chart(): SimChart {
    return this._owner;
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
