// The simulated workbook's state: plain data only (cloneable with structuredClone), so a sync can run its whole
// batch against a copy and commit it only when every operation succeeded.
import type { Rect } from "./address";

export type CellValue = string | number | boolean;

export interface BorderState {
  /** Excel.BorderLineStyle: "Continuous", "Dash", "Double", "None", ... */
  style: string;
  /** "#RRGGBB" */
  color: string;
  /** Excel.BorderWeight: "Hairline" | "Thin" | "Medium" | "Thick" */
  weight: string;
}

export interface FontState {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  /** Excel.RangeUnderlineStyle: "None" | "Single" | "Double" | ... */
  underline: string;
  /** "#RRGGBB" */
  color: string;
}

export interface CellStyleState {
  font: FontState;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  borders: Partial<Record<BorderEdge, BorderState>>;
}

export type BorderEdge =
  | "EdgeTop"
  | "EdgeBottom"
  | "EdgeLeft"
  | "EdgeRight"
  | "InsideVertical"
  | "InsideHorizontal"
  | "DiagonalDown"
  | "DiagonalUp";

export interface CellState {
  /** The cell's value; "" when empty. For a formula written through the API, the value is unknown: "" here. */
  value: CellValue;
  /** Formula text starting with "=", when the cell holds one. */
  formula?: string;
  /** Excel number format; "General" when unset. */
  numberFormat: string;
  /** True when the value was entered as text with a leading apostrophe or into a "@" cell. */
  forcedText?: boolean;
  /** Hyperlink of the cell (Range.hyperlink): a web address or a place in the workbook, kept as text. */
  hyperlink?: HyperlinkState;
  style: CellStyleState;
}

export interface HyperlinkState {
  address?: string;
  /** A place in this workbook ("'Portfolio Summary'!C5"): text, which Excel does not rewrite on rename. */
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface SeriesState {
  name: string;
  /**
   * Sheet-qualified address of the values ("'Data'!B2:B13"), or null when not set. After the sheet it names was
   * deleted: "#REF!" and the local address, as Excel's series formula shows it.
   */
  values: string | null;
  /** Sheet-qualified address of the categories, or null. */
  xValues: string | null;
  /** Solid fill of bars and columns (series.format.fill.setSolidColor), "#RRGGBB"; absent: the theme's. */
  fillColor?: string;
  /** Line colour (series.format.line.color), "#RRGGBB"; absent: the theme's. */
  lineColor?: string;
  /** Marker fill and edge colours (series.markerBackgroundColor / markerForegroundColor); absent: the theme's. */
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
}

export interface ChartState {
  id: string;
  name: string;
  chartType: string;
  /** Sheet-qualified address given to charts.add. */
  sourceData: string;
  seriesBy: string;
  title: string;
  titleVisible: boolean;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueAxisNumberFormat: string;
  /** Excel.ChartAxisTickLabelPosition of each axis: "NextToAxis" (Excel's default), "High", "Low" or "None". */
  categoryAxisTickLabelPosition: string;
  valueAxisTickLabelPosition: string;
  /** categoryAxis.reversePlotOrder: categories drawn last to first (on a bar chart, the first at the top). */
  categoryAxisReversed: boolean;
  /** categoryAxis.position (Excel.ChartAxisPosition): where the value axis crosses the categories. */
  categoryAxisPosition: string;
  legendVisible: boolean;
  legendPosition: string;
  series: SeriesState[];
  /** Points from the sheet's top-left corner. */
  top: number;
  left: number;
  width: number;
  height: number;
  /** Cells given to setPosition, when it was called. */
  startCell: string | null;
  endCell: string | null;
}

export interface ConditionalFormatState {
  id: string;
  /** "CellValue" | "ContainsText" */
  type: string;
  /** Local A1 address the format applies to. */
  range: string;
  priority: number;
  stopIfTrue: boolean;
  rule: { operator: string; formula1?: string; formula2?: string; text?: string };
  format: { fillColor: string | null; fontColor: string | null; bold: boolean | null };
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea: string | null;
  printTitleRows: string | null;
  centerHorizontally: boolean;
  centerVertically: boolean;
  /** Margins in points, as Office.js models them. */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerFooter: string;
  centerHeader: string;
}

/**
 * Inside a writing sync a sheet's cells are copied the first time they are reached (index.ts, copyOnWrite): a
 * sheet copied that way keeps, under this key, a look at its cells that copies nothing, for a pass that reads
 * every sheet and changes few (a rename or delete following references).
 */
const PEEK_CELLS = Symbol("cells, read without copying");

/** A sheet's cells to read only: the copy where the sync made one, else the workbook's own, never a new copy. */
export function cellsToRead(sheet: SheetState): Map<number, CellState> {
  const peek = (sheet as unknown as { [PEEK_CELLS]?: () => Map<number, CellState> })[PEEK_CELLS];
  return peek ? peek() : sheet.cells;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Key: row * MAX_COLS + col. */
  cells: Map<number, CellState>;
  merges: Rect[];
  /** Column widths in points, by 0-based column; absent = default. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by 0-based row; absent = default. */
  rowHeights: Map<number, number>;
  charts: ChartState[];
  conditionalFormats: ConditionalFormatState[];
  customProperties: { key: string; value: string }[];
  freeze: { rows: number; columns: number } | null;
  /** worksheet.autoFilter.apply: the range its filter buttons head (A1 address), or null. */
  autoFilter: string | null;
  pageLayout: PageLayoutState;
  /** 1-based rows a manual page break sits above... stored as the 0-based row of the range given to add(). */
  horizontalPageBreaks: number[];
  tabColor: string;
  showGridlines: boolean;
  /** worksheet.protection.protected: cells, formats and charts of a protected sheet cannot be changed. */
  protected: boolean;
}

export interface TableState {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  showHeaders: boolean;
  /** Built-in style name; Excel gives a new table "TableStyleMedium2". */
  style?: string;
}

/** A defined name (workbook.names): a formula, usually a reference such as "='Portfolio Summary'!$C$5". */
export interface NamedItemState {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  /** Sheet id for a name scoped to one worksheet, null for a workbook name. */
  scopeSheetId: string | null;
}

export interface WorkbookState {
  name: string;
  sheets: SheetState[];
  tables: TableState[];
  names: NamedItemState[];
  /** workbook.readOnly: opened read-only (a view-only link on the web): every write is refused. */
  readOnly: boolean;
  /** workbook.protection.protected: the structure is protected, so sheets cannot be added, removed or renamed. */
  structureProtected: boolean;
  /** Document settings: JSON text by key, as Office stores them. */
  settings: { key: string; json: string }[];
  activeSheetId: string | null;
  selection: { sheetId: string; rect: Rect } | null;
  calculationMode: string;
  nextId: number;
}

const DEFAULT_FONT: FontState = {
  name: "Calibri",
  size: 11,
  bold: false,
  italic: false,
  underline: "None",
  color: "#000000",
};

export function defaultStyle(): CellStyleState {
  return {
    font: { ...DEFAULT_FONT },
    fill: null,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
    indentLevel: 0,
    borders: {},
  };
}

export function emptyCell(): CellState {
  return { value: "", numberFormat: "General", style: defaultStyle() };
}

/** Excel's default column width: 8.43 characters of Calibri 11 = 64 pixels = 48 points. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;
export const DEFAULT_ROW_HEIGHT_POINTS = 15;

function defaultPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    centerHorizontally: false,
    centerVertically: false,
    // Excel's "Normal" margins: 0.7" left/right, 0.75" top/bottom, 0.3" header/footer, in points.
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerFooter: "",
    centerHeader: "",
  };
}

export function newSheet(id: string, name: string): SheetState {
  return {
    id,
    name,
    visibility: "Visible",
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    charts: [],
    conditionalFormats: [],
    customProperties: [],
    freeze: null,
    autoFilter: null,
    pageLayout: defaultPageLayout(),
    horizontalPageBreaks: [],
    tabColor: "",
    showGridlines: true,
    protected: false,
  };
}

export function newWorkbook(): WorkbookState {
  const wb: WorkbookState = {
    name: "Book1.xlsx",
    sheets: [],
    tables: [],
    names: [],
    readOnly: false,
    structureProtected: false,
    settings: [],
    activeSheetId: null,
    selection: null,
    calculationMode: "Automatic",
    nextId: 1,
  };
  const first = newSheet(nextId(wb, "sheet"), "Sheet1");
  wb.sheets.push(first);
  wb.activeSheetId = first.id;
  wb.selection = { sheetId: first.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  return wb;
}

export function nextId(wb: WorkbookState, prefix: string): string {
  return `${prefix}-${wb.nextId++}`;
}

/** Column width conversions. Office.js speaks points; .xlsx files speak characters of the default font (max digit width 7 px). */
export function charsToPoints(chars: number): number {
  return Math.round((Math.trunc(((chars * 7 + 5) / 7) * 256) / 256) * 7) * 0.75;
}

export function pointsToChars(points: number): number {
  const pixels = points / 0.75;
  return Math.round(((pixels - 5) / 7) * 100) / 100;
}

/**
 * A deep copy of plain data (primitives, arrays, plain objects), keys in the same order: what structuredClone gives
 * for a cell or a style, without its serialising and deserialising of every small object (the copy a writing sync
 * makes of a sheet's cells and every snapshot's styles were a tenth of the gateway suites' CPU through it).
 */
export function clonePlain<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key in source) out[key] = clonePlain(source[key]);
  return out as T;
}

/** A copy of a sheet's cells: the same keys in the same order, each cell copied whole. */
function cloneCells(cells: ReadonlyMap<number, CellState>): Map<number, CellState> {
  const out = new Map<number, CellState>();
  for (const [key, cell] of cells) out.set(key, clonePlain(cell));
  return out;
}

/** A copy of a record without its internal id (for snapshots and the side channel). */
export function withoutId<T extends { id: string }>(item: T): Omit<T, "id"> {
  const copy: Partial<T> = structuredClone(item);
  delete copy.id;
  return copy as Omit<T, "id">;
}

export function newSeries(name: string, values: string | null, xValues: string | null): SeriesState {
  return { name, values, xValues };
}

/**
 * A copy of the workbook for a sync that writes, whose sheets' cells are copied only when the sync first reaches
 * them: a 200,000-row tracker is not copied whole for a write that only builds the summary's sheets. `keep()` turns
 * the copy into plain state when the sync succeeds (cells never reached are the same, unchanged, maps).
 */
export function copyOnWrite(state: WorkbookState): { state: WorkbookState; keep(): void } {
  const settle: (() => void)[] = [];
  const sheets = state.sheets.map((sheet) => {
    const { cells, ...rest } = sheet;
    const copy = structuredClone(rest) as WorkbookState["sheets"][number];
    let own: typeof cells | null = null;
    Object.defineProperty(copy, "cells", {
      configurable: true,
      enumerable: true,
      get: () => (own ??= cloneCells(cells)),
      set: (value: typeof cells) => {
        own = value;
      },
    });
    Object.defineProperty(copy, PEEK_CELLS, { configurable: true, value: () => own ?? cells });
    settle.push(() => {
      Object.defineProperty(copy, "cells", {
        value: own ?? cells,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      // Kept: its cells are a plain property again, which is what later reads must see.
      delete (copy as unknown as Record<symbol, unknown>)[PEEK_CELLS];
    });
    return copy;
  });
  const { sheets: _sheets, ...workbook } = state;
  void _sheets;
  return {
    state: { ...structuredClone(workbook), sheets },
    keep: () => settle.forEach((fn) => fn()),
  };
}
