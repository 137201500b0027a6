// Plain-data views of a simulated sheet for assertions: no proxies, no sync, nothing to load.
import { cellAddress, columnLetters, rectAddress } from "./address";
import { displayText, valueType } from "./cells";
import { hasDefaultStyle, keyCol, keyRow, usedRect } from "./helpers";
import { shownValue } from "./references";
import {
  clonePlain,
  withoutId,
  type CellStyleState,
  type CellValue,
  type ChartState,
  type ConditionalFormatState,
  type HyperlinkState,
  type PageLayoutState,
  type SheetState,
  type WorkbookState,
} from "./state";

export interface CellSnapshot {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  text: string;
  valueType: string;
  style: CellStyleState;
}

export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  /** Local address of the used range (content or formatting), or null for an empty sheet. */
  usedRange: string | null;
  /**
   * Dense values from A1 to the bottom-right of the used range: values[r][c] is row r+1, column c+1. A formula
   * shows what Excel would show where the simulator knows it (see references.ts), else its stored value.
   */
  values: CellValue[][];
  /** Formula text by cell address. */
  formulas: Record<string, string>;
  /** Number formats other than "General", by cell address. */
  numberFormats: Record<string, string>;
  /** Styles that differ from Excel's default, by cell address. */
  styles: Record<string, CellStyleState>;
  /** Every stored cell, by address. */
  cells: Record<string, CellSnapshot>;
  merges: string[];
  /** Column widths in points, by column letters. */
  columnWidths: Record<string, number>;
  /** Row heights in points, by 1-based row number. */
  rowHeights: Record<number, number>;
  charts: Omit<ChartState, "id">[];
  conditionalFormats: Omit<ConditionalFormatState, "id">[];
  customProperties: Record<string, string>;
  freeze: { rows: number; columns: number } | null;
  /** The range the sheet's AutoFilter covers, when it has one. */
  autoFilter?: string;
  pageLayout: PageLayoutState;
  /** 1-based rows that start a new printed page. */
  horizontalPageBreaks: number[];
  /** Hyperlinks by cell address. */
  hyperlinks: Record<string, HyperlinkState>;
  /** worksheet.protection.protected. */
  protected: boolean;
}

export function snapshotSheet(wb: WorkbookState, sheet: SheetState, position: number): SheetSnapshot {
  const used = usedRect(sheet, false);
  const values: CellValue[][] = [];
  if (used) {
    for (let r = 0; r < used.row + used.rows; r++)
      values.push(new Array<CellValue>(used.col + used.cols).fill(""));
  }
  const formulas: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  const styles: Record<string, CellStyleState> = {};
  const cells: Record<string, CellSnapshot> = {};
  const hyperlinks: Record<string, HyperlinkState> = {};
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const cell = sheet.cells.get(key)!;
    const row = keyRow(key);
    const col = keyCol(key);
    const address = cellAddress(row, col);
    const value = shownValue(wb, sheet, cell);
    values[row][col] = value;
    if (cell.formula) formulas[address] = cell.formula;
    if (cell.hyperlink) hyperlinks[address] = { ...cell.hyperlink };
    if (cell.numberFormat !== "General") numberFormats[address] = cell.numberFormat;
    if (!hasDefaultStyle(cell)) styles[address] = clonePlain(cell.style);
    const shown = cell.formula ? { ...cell, value } : cell;
    cells[address] = {
      value,
      formula: cell.formula ?? null,
      numberFormat: cell.numberFormat,
      text: displayText(shown),
      valueType: valueType(shown),
      style: clonePlain(cell.style),
    };
  }
  return {
    name: sheet.name,
    position,
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    showGridlines: sheet.showGridlines,
    usedRange: used ? rectAddress(used) : null,
    values,
    formulas,
    numberFormats,
    styles,
    cells,
    merges: sheet.merges.map(rectAddress),
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w]),
    ),
    rowHeights: Object.fromEntries(
      [...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h]),
    ),
    charts: sheet.charts.map(withoutId),
    conditionalFormats: sheet.conditionalFormats.map(withoutId),
    customProperties: Object.fromEntries(sheet.customProperties.map((p) => [p.key, p.value])),
    freeze: sheet.freeze ? { ...sheet.freeze } : null,
    ...(sheet.autoFilter ? { autoFilter: sheet.autoFilter } : {}),
    pageLayout: structuredClone(sheet.pageLayout),
    horizontalPageBreaks: sheet.horizontalPageBreaks.map((r) => r + 1),
    hyperlinks,
    protected: sheet.protected,
  };
}

// ---- The workbook's own views -----------------------------------------------------------------------------

/** A sheet by name (names ignore case); a missing one is a fault in the test or the preview. */
export function sheetNamed(wb: WorkbookState, name: string): SheetState {
  const sheet = wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw new Error(`No sheet named "${name}". Sheets: ${wb.sheets.map((s) => s.name).join(", ")}`);
  return sheet;
}

/** Document settings as stored (parsed JSON). */
export function settingsOf(wb: WorkbookState): Record<string, unknown> {
  return Object.fromEntries(wb.settings.map((s) => [s.key, JSON.parse(s.json) as unknown]));
}

/** Tables: name, sheet and local address. */
export function tablesOf(wb: WorkbookState): { name: string; sheet: string; range: string }[] {
  return wb.tables.map((t) => ({
    name: t.name,
    sheet: wb.sheets.find((s) => s.id === t.sheetId)?.name ?? "",
    range: rectAddress(t.rect),
  }));
}

/** The selected cells: their sheet's name and local address. */
export function selectionOf(wb: WorkbookState): { sheet: string; address: string } | null {
  const sel = wb.selection;
  if (!sel) return null;
  const sheet = wb.sheets.find((s) => s.id === sel.sheetId);
  return sheet ? { sheet: sheet.name, address: rectAddress(sel.rect) } : null;
}
