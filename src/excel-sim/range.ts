// Range: position, values, formulas, number formats, text, hyperlinks, copying, the ranges derived from it,
// merges, clearing and selection, with Excel's rules for what a write means. Its format (font, fill, alignment,
// sizes) is range-format.ts, its borders range-borders.ts, its conditional formats conditional-formats.ts, and
// what a write does to the cells range-cells.ts.
import { intersect, parseRect, qualifiedAddress, MAX_COLS, MAX_ROWS, type Rect } from "./address";
import { displayText, formulaOf, valueType } from "./cells";
import { shownValue } from "./references";
import { SimObject, type Loadable, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import {
  cellAt,
  cellKey,
  checkCellLimit,
  ensureCell,
  forEachCellIn,
  pruneCell,
  sheetById,
  usedRect,
} from "./helpers";
import {
  cellsToRead,
  emptyCell,
  type CellState,
  type CellValue,
  type HyperlinkState,
  type SheetState,
} from "./state";
import { SimWorksheet } from "./worksheet";
import { requireFocus } from "./sheet-ops";
import { copyCells, grid, removeMergesIn, shapeInput, writeEntry, type CopyKind } from "./range-cells";
import { SimConditionalFormatCollection } from "./conditional-formats";
import { SimRangeFormat } from "./range-format";

export interface RangeRef {
  sheetId: string;
  rect: Rect;
}

export class SimRange extends SimObject<RangeRef> {
  protected readonly _entity = "Range";
  private _format: SimRangeFormat | undefined;
  private _cfs: SimConditionalFormatCollection | undefined;

  constructor(
    context: SimContext,
    private readonly _locator: (tx: Tx) => RangeRef | null,
    nullable = false,
  ) {
    super(context, nullable);
    if (nullable) this._queueExistenceCheck();
  }

  protected _locate(tx: Tx): RangeRef | null {
    return this._locator(tx);
  }

  /** @internal Resolves at the next sync, so a bad address fails even when nothing else uses the range. */
  _resolveAtSync(): void {
    this._queueResolution();
  }

  private _sheet(tx: Tx, ref: RangeRef): SheetState {
    return sheetById(tx, ref.sheetId);
  }

  protected _readers(): Record<string, Reader<RangeRef>> {
    const cells =
      <T>(read: (cell: CellState | undefined, shown: () => CellValue) => T): Reader<RangeRef> =>
      (tx, ref) => {
        checkCellLimit(tx, ref.rect);
        const sheet = this._sheet(tx, ref);
        // Read only: a writing sync's copy of the sheet is not made for it (state.ts, cellsToRead).
        const cellMap = cellsToRead(sheet);
        return grid(ref.rect, (r, c) => {
          const cell = cellMap.get(cellKey(r, c));
          return read(cell, () => shownValue(tx.wb, sheet, cell));
        });
      };
    // What a cell shows, for text and value types: a reference formula takes the value it points at.
    const asShown = (cell: CellState | undefined, shown: () => CellValue): CellState | undefined =>
      cell?.formula ? { ...cell, value: shown() } : cell;
    return {
      address: (tx, ref) => qualifiedAddress(this._sheet(tx, ref).name, ref.rect),
      addressLocal: (tx, ref) => qualifiedAddress(this._sheet(tx, ref).name, ref.rect),
      rowIndex: (_tx, ref) => ref.rect.row,
      columnIndex: (_tx, ref) => ref.rect.col,
      rowCount: (_tx, ref) => ref.rect.rows,
      columnCount: (_tx, ref) => ref.rect.cols,
      cellCount: (_tx, ref) => ref.rect.rows * ref.rect.cols,
      values: cells((cell, shown) => (cell?.formula ? shown() : (cell?.value ?? ""))),
      formulas: cells((cell) => formulaOf(cell)),
      numberFormat: cells((cell) => cell?.numberFormat ?? "General"),
      text: cells((cell, shown) => displayText(asShown(cell, shown))),
      valueTypes: cells((cell, shown) => valueType(asShown(cell, shown))),
      hyperlink: (tx, ref) => {
        const link = cellAt(this._sheet(tx, ref), ref.rect.row, ref.rect.col)?.hyperlink;
        return link ? { ...link } : null;
      },
    };
  }

  protected override _navigations(): Record<string, Loadable> {
    return { format: this.format, conditionalFormats: this.conditionalFormats, worksheet: this.worksheet };
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  get values(): CellValue[][] {
    return this._get("values");
  }
  set values(input: CellValue[][]) {
    this._writeEntries("values", input);
  }

  get formulas(): CellValue[][] {
    return this._get("formulas");
  }
  set formulas(input: CellValue[][]) {
    this._writeEntries("formulas", input);
  }

  /** Range.values and Range.formulas take the same path, cell by cell (see writeEntry for why they match). */
  private _writeEntries(property: "values" | "formulas", input: CellValue[][]): void {
    this._set(property, input, (tx, ref) => {
      checkCellLimit(tx, ref.rect);
      const at = shapeInput<unknown>(input, ref.rect, `Range.${property}`);
      const sheet = this._sheet(tx, ref);
      for (let r = 0; r < ref.rect.rows; r++) {
        for (let c = 0; c < ref.rect.cols; c++)
          writeEntry(sheet, ref.rect.row + r, ref.rect.col + c, at(r, c), property === "formulas");
      }
    });
  }

  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(input: string[][]) {
    this._set("numberFormat", input, (tx, ref) => {
      checkCellLimit(tx, ref.rect);
      const at = shapeInput<unknown>(input, ref.rect, "Range.numberFormat");
      const sheet = this._sheet(tx, ref);
      forEachCellIn(sheet, ref.rect, (row, col) => {
        const format = at(row - ref.rect.row, col - ref.rect.col);
        if (format === null || format === undefined) return;
        if (typeof format !== "string")
          throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.numberFormat");
        ensureCell(sheet, row, col).numberFormat = format === "" ? "General" : format;
        pruneCell(sheet, row, col);
      });
    });
  }

  /**
   * ExcelApi 1.7: the hyperlink of the range's cells (read from the top-left). A place in the workbook is kept as
   * the text given: Excel does not rewrite it when the sheet it names is renamed or deleted.
   */
  get hyperlink(): HyperlinkState | null {
    return this._get("hyperlink");
  }
  set hyperlink(link: HyperlinkState | null) {
    this._set("hyperlink", link, (tx, ref) => {
      const sheet = this._sheet(tx, ref);
      checkCellLimit(tx, ref.rect);
      forEachCellIn(sheet, ref.rect, (row, col) => {
        const cell = ensureCell(sheet, row, col);
        if (link && (link.address || link.documentReference)) {
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined && !cell.formula) cell.value = link.textToDisplay;
        } else delete cell.hyperlink;
        pruneCell(sheet, row, col);
      });
    });
  }

  /**
   * ExcelApi 1.9: copies the source range's cells to this range's top-left, as a paste does: "All" (values,
   * formulas, number formats, styles, merges, conditional formats, hyperlinks), "Values", "Formulas" or "Formats".
   * Column widths, row heights and charts are not copied. Formulas are copied as text, not shifted.
   */
  copyFrom(source: SimRange | string, copyType: string = "All", skipBlanks = false, transpose = false): void {
    this._queue(64, (tx, ref) => {
      if (transpose) throw simError("NotImplemented", "The simulator does not transpose a copy.");
      const kind = ["All", "Formulas", "Values", "Formats"].find(
        (k) => k.toLowerCase() === String(copyType).toLowerCase(),
      );
      if (!kind) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.copyFrom");
      const from = typeof source === "string" ? this._addressOnSheetOf(tx, ref, source) : source._target(tx);
      copyCells(tx, from, ref, kind as CopyKind, skipBlanks);
    });
  }

  /** "Sheet!A1:B2" or "A1:B2" (this range's sheet). */
  private _addressOnSheetOf(tx: Tx, ref: RangeRef, address: string): RangeRef {
    const bang = address.lastIndexOf("!");
    if (bang < 0) return { sheetId: ref.sheetId, rect: parseRect(address) };
    const name = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    const sheet = tx.wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.copyFrom");
    return { sheetId: sheet.id, rect: parseRect(address.slice(bang + 1)) };
  }

  get format(): SimRangeFormat {
    this._format ??= new SimRangeFormat(this.context, this);
    return this._format;
  }

  get conditionalFormats(): SimConditionalFormatCollection {
    this._cfs ??= new SimConditionalFormatCollection(this.context, this);
    return this._cfs;
  }

  get worksheet(): SimWorksheet {
    return new SimWorksheet(this.context, (tx) => ({ sheetId: this._target(tx).sheetId }));
  }

  /** @internal For child proxies. */
  _sheetAndRect(tx: Tx): { sheet: SheetState; rect: Rect } {
    const ref = this._target(tx);
    return { sheet: this._sheet(tx, ref), rect: ref.rect };
  }

  private _derived(make: (tx: Tx, ref: RangeRef) => RangeRef): SimRange {
    return new SimRange(this.context, (tx) => make(tx, this._target(tx)));
  }

  getCell(row: number, column: number): SimRange {
    return this._derived((_tx, ref) => ({
      sheetId: ref.sheetId,
      rect: checkedRect(ref.rect.row + row, ref.rect.col + column, 1, 1),
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derived((_tx, ref) => ({
      sheetId: ref.sheetId,
      rect: checkedRect(ref.rect.row + rowOffset, ref.rect.col + columnOffset, ref.rect.rows, ref.rect.cols),
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derived((_tx, ref) => ({
      sheetId: ref.sheetId,
      rect: checkedRect(ref.rect.row, ref.rect.col, ref.rect.rows + deltaRows, ref.rect.cols + deltaColumns),
    }));
  }

  getRow(row: number): SimRange {
    return this._derived((_tx, ref) => ({
      sheetId: ref.sheetId,
      rect: checkedRect(ref.rect.row + row, ref.rect.col, 1, ref.rect.cols),
    }));
  }

  getColumn(column: number): SimRange {
    return this._derived((_tx, ref) => ({
      sheetId: ref.sheetId,
      rect: checkedRect(ref.rect.row, ref.rect.col + column, ref.rect.rows, 1),
    }));
  }

  getLastRow(): SimRange {
    return this._derived((_tx, ref) => ({
      sheetId: ref.sheetId,
      rect: { ...ref.rect, row: ref.rect.row + ref.rect.rows - 1, rows: 1 },
    }));
  }

  getEntireColumn(): SimRange {
    return this._derived((_tx, ref) => ({
      sheetId: ref.sheetId,
      rect: { row: 0, rows: MAX_ROWS, col: ref.rect.col, cols: ref.rect.cols },
    }));
  }

  getEntireRow(): SimRange {
    return this._derived((_tx, ref) => ({
      sheetId: ref.sheetId,
      rect: { row: ref.rect.row, rows: ref.rect.rows, col: 0, cols: MAX_COLS },
    }));
  }

  /** Intersection with another range (a proxy or an address on the same sheet); fails at sync when they do not meet. */
  getIntersection(other: SimRange | string): SimRange {
    return this._derived((tx, ref) => {
      const otherRect = typeof other === "string" ? parseRect(other) : other._target(tx).rect;
      const meet = intersect(ref.rect, otherRect);
      if (!meet) throw simError("ItemNotFound", MESSAGES.itemNotFound, "Range.getIntersection");
      return { sheetId: ref.sheetId, rect: meet };
    });
  }

  getIntersectionOrNullObject(other: SimRange | string): SimRange {
    return new SimRange(
      this.context,
      (tx) => {
        const ref = this._target(tx);
        const otherRect = typeof other === "string" ? parseRect(other) : other._target(tx).rect;
        const meet = intersect(ref.rect, otherRect);
        return meet ? { sheetId: ref.sheetId, rect: meet } : null;
      },
      true,
    );
  }

  /** The part of this range holding content (valuesOnly: values and formulas only), or a null object when none. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(
      this.context,
      (tx) => {
        const ref = this._target(tx);
        const used = usedRect(this._sheet(tx, ref), valuesOnly, ref.rect);
        return used ? { sheetId: ref.sheetId, rect: used } : null;
      },
      true,
    );
  }

  getBoundingRect(other: SimRange | string): SimRange {
    return this._derived((tx, ref) => {
      const o = typeof other === "string" ? parseRect(other) : other._target(tx).rect;
      const row = Math.min(ref.rect.row, o.row);
      const col = Math.min(ref.rect.col, o.col);
      const rowEnd = Math.max(ref.rect.row + ref.rect.rows, o.row + o.rows);
      const colEnd = Math.max(ref.rect.col + ref.rect.cols, o.col + o.cols);
      return { sheetId: ref.sheetId, rect: { row, col, rows: rowEnd - row, cols: colEnd - col } };
    });
  }

  /** Merges the range (or each of its rows when across is true); Excel keeps only the top-left value of each area. */
  merge(across = false): void {
    this._queue(8, (tx, ref) => {
      const sheet = this._sheet(tx, ref);
      const areas = across
        ? Array.from({ length: ref.rect.rows }, (_, i) => ({ ...ref.rect, row: ref.rect.row + i, rows: 1 }))
        : [ref.rect];
      removeMergesIn(sheet, ref.rect);
      for (const area of areas) {
        if (area.rows * area.cols < 2) continue;
        forEachCellIn(sheet, area, (row, col) => {
          if (row === area.row && col === area.col) return;
          const cell = cellAt(sheet, row, col);
          if (cell) {
            cell.value = "";
            delete cell.formula;
            pruneCell(sheet, row, col);
          }
        });
        sheet.merges.push({ ...area });
      }
    });
  }

  unmerge(): void {
    this._queue(0, (tx, ref) => removeMergesIn(this._sheet(tx, ref), ref.rect));
  }

  /** Excel.ClearApplyTo: "All" (default), "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents". */
  clear(applyTo: string = "All"): void {
    this._queue(16, (tx, ref) => {
      const sheet = this._sheet(tx, ref);
      const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
      const formats = applyTo === "All" || applyTo === "Formats";
      forEachCellIn(sheet, ref.rect, (row, col) => {
        const cell = cellAt(sheet, row, col);
        if (!cell) return;
        if (contents) {
          cell.value = "";
          delete cell.formula;
          delete cell.forcedText;
        }
        if (applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks")
          delete cell.hyperlink;
        if (formats) {
          const blank = emptyCell();
          cell.numberFormat = blank.numberFormat;
          cell.style = blank.style;
        }
        pruneCell(sheet, row, col);
      });
      if (formats) {
        removeMergesIn(sheet, ref.rect);
        sheet.conditionalFormats = sheet.conditionalFormats.filter(
          (cf) => !intersect(parseRect(cf.range), ref.rect),
        );
      }
    });
  }

  /** Selecting is not a change: allowed on a protected sheet, refused while another workbook has the focus. */
  select(): void {
    this.context._enqueue({ requestBytes: 64, run: (tx) => this._select(tx, this._target(tx)) });
  }

  private _select(tx: Tx, ref: RangeRef): void {
    {
      const sheet = this._sheet(tx, ref);
      if (sheet.visibility !== "Visible") {
        throw simError(
          "InvalidSelection",
          "The current selection is invalid for this operation.",
          "Range.select",
        );
      }
      requireFocus(tx.host.environment, "Range.select");
      tx.wb.activeSheetId = sheet.id;
      tx.wb.selection = { sheetId: sheet.id, rect: { ...ref.rect } };
    }
  }

  /** Mirrors Office.js's helper for tests: the local address without loading. */
  override toString(): string {
    return "[object Range]";
  }
}

function checkedRect(row: number, col: number, rows: number, cols: number): Rect {
  if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range");
  }
  return { row, col, rows, cols };
}

export type { CellValue };
