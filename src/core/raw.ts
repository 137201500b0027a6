// The "raw workbook": a tracker exactly as Excel gives it, the single input of the engine.
// Office.js (src/excel) and ExcelJS (src/xlsx) both build this shape, so the core never sees either library.

/**
 * One cell value as Office.js `range.values` returns it:
 * numbers (dates are serial numbers), strings (rich text flattened), booleans, "" for an empty cell,
 * and Excel errors as their text ("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!").
 */
export type RawCell = string | number | boolean;

export interface RawSheet {
  /** Worksheet name as shown on its tab. */
  name: string;
  /**
   * Values of the sheet's used range, row-major and rectangular.
   * `values[r][c]` is the cell at 0-based sheet row `originRow + r`, column `originCol + c`.
   */
  values: RawCell[][];
  /** Number formats parallel to `values` ("General", "0.00%", "dd/mm/yyyy", ...), where the shell read them. */
  numberFormats?: string[][];
  /** 0-based row of values[0] in the sheet (0 = row 1). */
  originRow: number;
  /** 0-based column of values[r][0] in the sheet (0 = column A). */
  originCol: number;
  /** Sheet visibility, where known. */
  visibility?: "visible" | "hidden" | "veryHidden";
  /**
   * 0-based row just below the last row of the sheet's used range, where the shell knows it and the read stopped
   * short of it (a capped read): what lies below `values` is there but was not read.
   */
  usedEndRow?: number;
}

/** An Excel table (ListObject) found in the workbook. */
export interface RawTable {
  name: string;
  /** Name of the sheet that holds the table. */
  sheet: string;
  /** A1 range of the whole table, header row included (e.g. "B4:H40"), on `sheet`. */
  range: string;
}

/**
 * Part of a sheet the shell did not read: Excel counts cells far beyond a tracker's data as used when formulas are
 * filled down a whole column or a stray value sits far to the right, and reading all of it would take minutes.
 */
export interface RawUnread {
  sheet: string;
  /** A1 range of what was left, on `sheet` ("A5401:M1048576", or the stray content itself: "XFD1"). */
  range: string;
  /** After a long run of blank rows; past the columns read; or past the cells read from one sheet. */
  reason: "blank-rows" | "far-columns" | "too-many-cells";
}

export interface RawWorkbook {
  /** File or workbook name, for the page footer and messages ("SEND tracker.xlsx"). */
  name?: string;
  /** Sheets in tab order. */
  sheets: RawSheet[];
  /** Excel tables, where the shell could list them. */
  tables?: RawTable[];
  /**
   * Settings the add-in saved in the workbook itself (Office document settings / custom XML),
   * e.g. threshold overrides from the task pane or a saved column mapping. Plain JSON values.
   */
  savedSettings?: Record<string, unknown>;
  /** What the shell left unread, each reported as a "not_read" issue. */
  unread?: RawUnread[];
  /**
   * Formula cells the file holds no saved result for (read as ""). Only a file written by a program that does not
   * calculate has them: Excel, and so Office.js, always has a result. The engine names each one at its cell.
   */
  formulasWithoutResult?: FormulaWithoutResult[];
  /**
   * The notes sheet's table (src/core/review), where the shell knows which sheet is the add-in's own notes sheet
   * (Office.js, by its marks; the sheet is then not among `sheets`). A file read by the CLI leaves it out and the
   * engine finds the sheet by its name.
   */
  reviewNotes?: RawNotesTable;
  /**
   * The add-in's history sheet ("Portfolio Summary History"), read apart from the tracker's own sheets: one block
   * of rows per refresh, from which "Since last report" and the trends come. Absent before the first refresh.
   */
  history?: RawSheet;
}

/** The notes table as read: its cells, header row first, and where they start. */
export interface RawNotesTable {
  /** Sheet the table is on. */
  sheet: string;
  /** values[0] is the header row. */
  values: RawCell[][];
  /** 0-based sheet row of values[0]. */
  originRow: number;
}

/** A formula cell with no saved result: where it is and what it says (as written, without the "="). */
export interface FormulaWithoutResult {
  sheet: string;
  /** A1 address on `sheet`. */
  cell: string;
  formula: string;
}

/** Excel's error values, as Office.js returns them in `values`. */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
] as const;

/** An empty cell, or one holding nothing but spaces. */
export function isBlank(v: RawCell | undefined): boolean {
  return v === undefined || v === "" || (typeof v === "string" && v.trim() === "");
}

/** A cell as text: strings trimmed, numbers as written, TRUE or FALSE for a boolean; "" for an empty cell. */
export function textOf(v: RawCell | undefined): string {
  if (v === undefined) return "";
  return typeof v === "string" ? v.trim() : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/**
 * 0-based row just below everything on the sheet: its used range where the shell knew it (`usedEndRow`), or else
 * the rows read; 0 for an empty sheet. Where a block is appended below, and how many rows are taken.
 */
export function sheetEndRow(sheet: RawSheet | undefined): number {
  if (!sheet) return 0;
  const read = sheet.values.length > 0 ? sheet.originRow + sheet.values.length : 0;
  return Math.max(read, sheet.usedEndRow ?? 0);
}
