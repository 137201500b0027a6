// range.format and what hangs off it: alignment, wrapping, indent, column widths and row heights (in points),
// autofit, the font and the fill. The borders are range-borders.ts, the base of these proxies range-part.ts.
import { MAX_ROWS } from "./address";
import { displayText } from "./cells";
import type { Loadable, Reader } from "./context";
import { MESSAGES, simError } from "./errors";
import { cellAt, forEachCellIn, normaliseColour, pruneCell } from "./helpers";
import { DEFAULT_COLUMN_WIDTH_POINTS, DEFAULT_ROW_HEIGHT_POINTS } from "./state";
import type { RangeRef } from "./range";
import { SimRangeBorderCollection } from "./range-borders";
import { oneOf, RangePart } from "./range-part";
import { EXCEL_ENUMS } from "./globals";

const H_ALIGN = Object.values(EXCEL_ENUMS.HorizontalAlignment);
const V_ALIGN = Object.values(EXCEL_ENUMS.VerticalAlignment);

export class SimRangeFormat extends RangePart {
  protected readonly _entity = "RangeFormat";
  private _font: SimRangeFont | undefined;
  private _fill: SimRangeFill | undefined;
  private _borders: SimRangeBorderCollection | undefined;

  protected _readers(): Record<string, Reader<RangeRef>> {
    return {
      horizontalAlignment: this._read((c) => c.style.horizontalAlignment),
      verticalAlignment: this._read((c) => c.style.verticalAlignment),
      wrapText: this._read((c) => c.style.wrapText),
      indentLevel: this._read((c) => c.style.indentLevel),
      columnWidth: (tx) => {
        const { sheet, rect } = this._cells(tx);
        const widths = new Set<number>();
        for (let c = rect.col; c < rect.col + Math.min(rect.cols, 16_384); c++) {
          widths.add(sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_POINTS);
          if (widths.size > 1) return null;
        }
        return [...widths][0];
      },
      useStandardWidth: (tx) => {
        const { sheet, rect } = this._cells(tx);
        return ![...sheet.columnWidths.keys()].some((c) => c >= rect.col && c < rect.col + rect.cols);
      },
      useStandardHeight: (tx) => {
        const { sheet, rect } = this._cells(tx);
        return ![...sheet.rowHeights.keys()].some((r) => r >= rect.row && r < rect.row + rect.rows);
      },
      rowHeight: (tx) => {
        const { sheet, rect } = this._cells(tx);
        const heights = new Set<number>();
        for (let r = rect.row; r < rect.row + rect.rows; r++) {
          heights.add(sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT_POINTS);
          if (heights.size > 1) return null;
        }
        return [...heights][0];
      },
    };
  }

  protected override _navigations(): Record<string, Loadable> {
    return { font: this.font, fill: this.fill, borders: this.borders };
  }

  get font(): SimRangeFont {
    this._font ??= new SimRangeFont(this.context, this._owner);
    return this._font;
  }
  get fill(): SimRangeFill {
    this._fill ??= new SimRangeFill(this.context, this._owner);
    return this._fill;
  }
  get borders(): SimRangeBorderCollection {
    this._borders ??= new SimRangeBorderCollection(this.context, this._owner);
    return this._borders;
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    const value = oneOf(v, H_ALIGN, "RangeFormat.horizontalAlignment");
    this._write("horizontalAlignment", value, (c) => (c.style.horizontalAlignment = value));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    const value = oneOf(v, V_ALIGN, "RangeFormat.verticalAlignment");
    this._write("verticalAlignment", value, (c) => (c.style.verticalAlignment = value));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._write("wrapText", v, (c) => (c.style.wrapText = Boolean(v)));
  }
  get indentLevel(): number {
    return this._get("indentLevel");
  }
  set indentLevel(v: number) {
    if (!Number.isInteger(v) || v < 0 || v > 250)
      throw simError("InvalidArgument", MESSAGES.invalidArgument, "RangeFormat.indentLevel");
    this._write("indentLevel", v, (c) => (c.style.indentLevel = v));
  }

  /** Column width in points, as Office.js reports it (Excel's default column is 48 points = 8.43 characters). */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(points: number) {
    this._set("columnWidth", points, (tx) => {
      if (typeof points !== "number" || points < 0)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "RangeFormat.columnWidth");
      const { sheet, rect } = this._cells(tx);
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
    });
  }
  /** Row height in points (default 15). */
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(points: number) {
    this._set("rowHeight", points, (tx) => {
      if (typeof points !== "number" || points < 0 || points > 409)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "RangeFormat.rowHeight");
      const { sheet, rect } = this._cells(tx);
      for (let r = rect.row; r < rect.row + Math.min(rect.rows, MAX_ROWS); r++)
        sheet.rowHeights.set(r, points);
    });
  }
  /** ExcelApi 1.7: true when every column of the range has the sheet's standard width; setting true restores it. */
  get useStandardWidth(): boolean {
    return this._get("useStandardWidth");
  }
  set useStandardWidth(on: boolean) {
    this._set("useStandardWidth", on, (tx) => {
      const { sheet, rect } = this._cells(tx);
      if (!on) return;
      for (const c of [...sheet.columnWidths.keys()])
        if (c >= rect.col && c < rect.col + rect.cols) sheet.columnWidths.delete(c);
    });
  }
  /** ExcelApi 1.7: true when every row of the range has the standard height; setting true restores it. */
  get useStandardHeight(): boolean {
    return this._get("useStandardHeight");
  }
  set useStandardHeight(on: boolean) {
    this._set("useStandardHeight", on, (tx) => {
      const { sheet, rect } = this._cells(tx);
      if (!on) return;
      for (const r of [...sheet.rowHeights.keys()])
        if (r >= rect.row && r < rect.row + rect.rows) sheet.rowHeights.delete(r);
    });
  }

  /** Sizes columns to their longest display text (about 7 pixels a character in Calibri 11, plus padding). */
  autofitColumns(): void {
    this._queue(0, (tx) => {
      const { sheet, rect } = this._cells(tx);
      const longest = new Map<number, number>();
      forEachCellIn(sheet, rect, (row, col) => {
        const text = displayText(cellAt(sheet, row, col));
        longest.set(col, Math.max(longest.get(col) ?? 0, text.length));
      });
      for (const [col, chars] of longest)
        if (chars > 0) sheet.columnWidths.set(col, Math.round((chars * 7 + 5) * 0.75 * 100) / 100);
    });
  }

  autofitRows(): void {
    this._queue(0, (tx) => {
      const { sheet, rect } = this._cells(tx);
      for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowHeights.delete(r);
    });
  }
}

export class SimRangeFont extends RangePart {
  protected readonly _entity = "RangeFont";
  protected _readers(): Record<string, Reader<RangeRef>> {
    return {
      name: this._read((c) => c.style.font.name),
      size: this._read((c) => c.style.font.size),
      bold: this._read((c) => c.style.font.bold),
      italic: this._read((c) => c.style.font.italic),
      underline: this._read((c) => c.style.font.underline),
      color: this._read((c) => c.style.font.color),
    };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._write("name", v, (c) => (c.style.font.name = v));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    if (typeof v !== "number" || v < 1 || v > 409)
      throw simError("InvalidArgument", MESSAGES.invalidArgument, "RangeFont.size");
    this._write("size", v, (c) => (c.style.font.size = v));
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._write("bold", v, (c) => (c.style.font.bold = Boolean(v)));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._write("italic", v, (c) => (c.style.font.italic = Boolean(v)));
  }
  /** Excel.RangeUnderlineStyle: "None", "Single", "Double", "SingleAccountant", "DoubleAccountant". */
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    const value = oneOf(
      v,
      ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"],
      "RangeFont.underline",
    );
    this._write("underline", value, (c) => (c.style.font.underline = value));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    const value = normaliseColour(v, "RangeFont.color");
    this._write("color", value, (c) => (c.style.font.color = value));
  }
}

export class SimRangeFill extends RangePart {
  protected readonly _entity = "RangeFill";
  protected _readers(): Record<string, Reader<RangeRef>> {
    // Excel reports an unfilled cell as white.
    return { color: this._read((c) => c.style.fill ?? "#FFFFFF") };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    const value = normaliseColour(v, "RangeFill.color");
    this._write("color", value, (c) => (c.style.fill = value));
  }
  clear(): void {
    this._queue(0, (tx) => {
      const { sheet, rect } = this._cells(tx);
      forEachCellIn(sheet, rect, (row, col) => {
        const cell = cellAt(sheet, row, col);
        if (cell) {
          cell.style.fill = null;
          pruneCell(sheet, row, col);
        }
      });
    });
  }
}
