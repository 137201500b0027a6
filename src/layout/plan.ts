// The sheet plan: a declarative description of the Portfolio Summary sheets (cells, formats, merges, charts, print).
// It is the single input of both renderers (src/xlsx for files, src/excel for the live workbook), so they cannot drift.
// Addresses are A1 strings on the sheet named by `key`; renderers map keys to the real sheet names they chose.

export type PlanValue = string | number | boolean | null;

export type SheetKey = "summary" | "data";

export interface BorderSide {
  style: "thin" | "medium" | "thick" | "dashed" | "dotted" | "double";
  /** "#RRGGBB" */
  color: string;
}

export interface CellStyle {
  font?: {
    name?: string;
    size?: number;
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    /** "#RRGGBB" */
    color?: string;
  };
  /** Solid fill colour "#RRGGBB". */
  fill?: string;
  /**
   * "centerAcrossSelection": the value in the first cell is centred across it and the empty cells to its right that
   * have the same alignment (Excel's "Centre Across Selection"), without merging them; it does not wrap.
   */
  horizontalAlignment?: "left" | "center" | "right" | "centerAcrossSelection";
  verticalAlignment?: "top" | "center" | "bottom";
  wrapText?: boolean;
  indent?: number;
  borders?: { top?: BorderSide; bottom?: BorderSide; left?: BorderSide; right?: BorderSide };
}

/** Conditional format, evaluated by the spreadsheet application. */
export type ConditionalRule =
  | {
      type: "cellValue";
      operator: "greaterThan" | "lessThan" | "between" | "equal" | "greaterThanOrEqual" | "lessThanOrEqual";
      /** Excel formula text without "=", e.g. "0" or "15". */
      formula1: string;
      formula2?: string;
    }
  | { type: "textContains"; text: string };

export interface ConditionalFormatSpec {
  range: string;
  rule: ConditionalRule;
  style: { fill?: string; fontColor?: string; bold?: boolean };
}

export type ChartType = "line" | "columnClustered" | "barStacked" | "columnStacked";

/** A range on one of the plan's sheets. */
export interface PlanRange {
  sheet: SheetKey;
  /** A1 range, e.g. "A2:A13". */
  range: string;
}

export interface ChartSeriesSpec {
  /** Literal series name (also written in `nameRef` when given). */
  name: string;
  /** Fill of its bars or columns, colour of its line and markers: "#RRGGBB" (chart-style.ts decides it). */
  color: string;
  /** Cell holding the series name. */
  nameRef?: PlanRange;
  categories: PlanRange;
  values: PlanRange;
}

export interface ChartSpec {
  /** Stable id, also used as the chart's name in Excel ("PS_ehcp_trajectory"). */
  id: string;
  type: ChartType;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Number format of the value axis ("#,##0", "0.0%"). */
  valueAxisNumberFormat?: string;
  /**
   * Categories run last to first along their axis, so on horizontal bars the first is at the top; the value axis
   * then crosses at the far end, so it stays below the bars.
   */
  reverseCategories: boolean;
  /** Series are laid out in columns of the data block (set explicitly: Excel's "auto" differs by host). */
  seriesBy: "columns";
  series: ChartSeriesSpec[];
  /**
   * Alternative text: what the chart shows, in words generated from its figures ("Funded EHCPs rose from 4,790 in
   * Jan-23 to 6,353 in Dec-24, ..."), for a screen reader; written as the drawing's description.
   */
  altText: string;
  /** Where the chart sits on its sheet: top-left and bottom-right cells it spans (A1). */
  position: { from: string; to: string };
  /** Sheet the chart is drawn on. */
  sheet: SheetKey;
  showLegend: boolean;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paperSize: "A4";
  /** Fit to this many pages wide; height unconstrained. */
  fitToPagesWide: number;
  /** A1 range, e.g. "A1:L180". */
  printArea: string;
  /** Rows repeated at the top of each printed page, e.g. "1:3" (1-based rows). */
  titleRows?: string;
  /** 1-based rows after which a page break is inserted. */
  rowBreaks: number[];
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally?: boolean;
  /** Footer text (plain). */
  footer?: string;
}

/**
 * An Excel table (ListObject) over cells the plan already fills: its first row is the header row (one string per
 * column, unique within the table), the rest its data rows, with no blank row or column inside.
 */
export interface PlannedTable {
  /** Table name, unique in the plan ("tblKeyRisks"); a renderer picks a free variant if the workbook has it. */
  name: string;
  /** A1 range, header row included. */
  range: string;
  /** The header row's text, column by column (the same strings as the cells). */
  columns: string[];
  /** Excel's built-in table style under the cells' own formats ("TableStyleLight1"). */
  style: string;
}

/** A link in a cell to a place in the workbook (Excel's "Place in This Document"). */
export interface PlannedLink {
  /** A1 cell holding the link; its value is the link's text. */
  cell: string;
  /** Where it goes: a cell on one of the plan's sheets. */
  target: { sheet: SheetKey; cell: string };
}

export interface PlannedSheet {
  key: SheetKey;
  /** Preferred sheet name; a renderer may need a free variant ("Portfolio Summary (2)"). */
  name: string;
  /** Dense grid of values from A1: values[r][c] is row r+1, column c+1. null = leave empty. */
  values: PlanValue[][];
  /** Number formats by range, applied in order. */
  numberFormats: { range: string; format: string }[];
  /** Styles by range, applied in order (later entries override earlier ones property by property). */
  styles: { range: string; style: CellStyle }[];
  /** Merged ranges, e.g. "A1:L1". */
  merges: string[];
  /** Column widths in Excel character units, by 0-based column index. */
  columnWidths: { column: number; width: number }[];
  /** Row heights in points, by 1-based row number. */
  rowHeights: { row: number; height: number }[];
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  /** Frozen rows/columns at the top/left. */
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** Tab colour "#RRGGBB". */
  tabColor?: string;
  /** Show gridlines (false for a clean page). */
  showGridlines: boolean;
  /** Excel tables over the sheet's cells (the data sheet's accessible copies of the page's tables). */
  tables?: PlannedTable[];
  /** Links to places in the workbook (the data sheet's contents). */
  links?: PlannedLink[];
  /**
   * Where the page draws each of its tables (formatted ranges, not Excel tables), header row and the rows written
   * under each record included, named as its copy on the data sheet. No merged cell is inside one. Renderers write
   * nothing for it; it says which cells are a table's, for the accessibility check.
   */
  tableRegions?: { name: string; range: string }[];
}

/** Document properties of a written workbook (File > Info): a screen reader announces the title. */
export interface WorkbookProperties {
  title: string;
  subject: string;
  keywords: string;
}

/**
 * The history sheet ("Portfolio Summary History"): append only. A file is written with `sheet` whole (the header,
 * the rows recorded before and this refresh's block); a live workbook gets `header` once, when it has no history
 * sheet, and then only `block`, below its last row: the rows already there are never rewritten.
 */
export interface PlannedHistory {
  sheet: PlannedHistorySheet;
  /** The sheet as it starts: the header row, its look, widths and frozen row, and no records. */
  header: PlannedHistorySheet;
  /** This refresh's rows: values and number formats ("General" where none), cell by cell. Empty when the summary
   * has errors (a refresh that stops records nothing). */
  block: { values: PlanValue[][]; numberFormats: string[][] };
}

/** A planned sheet outside `sheets`: the history, which the add-in never replaces. */
export type PlannedHistorySheet = Omit<PlannedSheet, "key"> & { key: "history" };

export interface SheetPlan {
  /** Sheets in tab order: the summary first, then its chart-data sheet. */
  sheets: PlannedSheet[];
  /** Properties of a workbook written from the plan alone (the CLI's file); the add-in leaves the tracker's own. */
  properties?: WorkbookProperties;
  /** The history sheet, apart from `sheets`: it is appended to, never replaced. */
  history?: PlannedHistory;
}
