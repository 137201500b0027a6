// Range and its formatting proxies: values, formulas, number formats, fonts, fills, alignment, borders,
// merges, clearing, selection and conditional formats, with Excel's rules for what a write means.
import {
  intersect,
  parseRect,
  qualifiedAddress,
  rectAddress,
  MAX_COLS,
  MAX_ROWS,
  type Rect,
} from "./address";
import { enter, displayText, formulaOf, valueType } from "./cells";
import { shownValue } from "./references";
import { SimCollection, SimObject, type Loadable, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import {
  cellAt,
  cellKey,
  checkCellLimit,
  ensureCell,
  forEachCellIn,
  normaliseColour,
  pruneCell,
  sheetById,
  uniform,
  usedRect,
} from "./helpers";
import {
  cellsToRead,
  DEFAULT_COLUMN_WIDTH_POINTS,
  DEFAULT_ROW_HEIGHT_POINTS,
  emptyCell,
  nextId,
  type BorderEdge,
  type CellState,
  type CellValue,
  type ConditionalFormatState,
  type HyperlinkState,
  type SheetState,
} from "./state";
import { SimWorksheet } from "./worksheet";
import { requireFocus, requireSheetEditable } from "./sheet-ops";
import { EXCEL_ENUMS } from "./globals";

export interface RangeRef {
  sheetId: string;
  rect: Rect;
}

const EMPTY = emptyCell();

function grid<T>(rect: Rect, read: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < rect.cols; c++) row.push(read(rect.row + r, rect.col + c));
    out.push(row);
  }
  return out;
}

/**
 * Checks a 2-D input against the range. Excel also accepts a single value for a multi-cell range (the typings
 * say any[][], but the runtime applies a scalar to every cell), so a scalar is spread.
 */
function shapeInput<T>(input: unknown, rect: Rect, where: string): (r: number, c: number) => T {
  if (!Array.isArray(input)) return () => input as T;
  const rows = input as unknown[];
  const fits =
    rows.length === rect.rows && rows.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!fits) {
    throw simError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      where,
    );
  }
  return (r, c) => (rows[r] as T[])[c];
}

/** Writes one input into a cell as Excel would take it (null leaves the cell unchanged). */
export function writeEntry(
  sheet: SheetState,
  row: number,
  col: number,
  input: unknown,
  asFormula: boolean,
): void {
  if (input === null || input === undefined) return;
  if (typeof input !== "string" && typeof input !== "number" && typeof input !== "boolean") {
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.values");
  }
  if (typeof input === "number" && !Number.isFinite(input)) {
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.values");
  }
  const cell = ensureCell(sheet, row, col);
  const entry = enter(input as CellValue, cell.numberFormat);
  // formulas = "x" and values = "=x" behave the same; the distinction matters only for "@" cells, where
  // Excel keeps even "=..." as text.
  void asFormula;
  cell.value = entry.value;
  if (entry.formula !== undefined) cell.formula = entry.formula;
  else delete cell.formula;
  if (entry.forcedText) cell.forcedText = true;
  else delete cell.forcedText;
  if (entry.impliedFormat && cell.numberFormat === "General") cell.numberFormat = entry.impliedFormat;
  pruneCell(sheet, row, col);
}

type CopyKind = "All" | "Formulas" | "Values" | "Formats";

/** Range.copyFrom on the state: the source block laid onto the destination's top-left (see copyFrom). */
function copyCells(tx: Tx, from: RangeRef, to: RangeRef, kind: CopyKind, skipBlanks: boolean): void {
  const source = sheetById(tx, from.sheetId);
  const target = sheetById(tx, to.sheetId);
  checkCellLimit(tx, from.rect);
  const dr = to.rect.row - from.rect.row;
  const dc = to.rect.col - from.rect.col;
  const dest: Rect = { row: to.rect.row, col: to.rect.col, rows: from.rect.rows, cols: from.rect.cols };
  if (dest.row + dest.rows > MAX_ROWS || dest.col + dest.cols > MAX_COLS)
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Range.copyFrom");
  // Read the whole source first: source and destination may overlap on the same sheet.
  const copies: { row: number; col: number; cell: CellState | undefined }[] = [];
  forEachCellIn(source, from.rect, (row, col) => {
    const cell = cellAt(source, row, col);
    copies.push({ row: row + dr, col: col + dc, cell: cell ? structuredClone(cell) : undefined });
  });
  const formats = kind === "All" || kind === "Formats";
  const contents = kind !== "Formats";
  if (formats) removeMergesIn(target, dest);
  for (const { row, col, cell } of copies) {
    const blank = !cell || (cell.value === "" && !cell.formula);
    if (skipBlanks && blank) continue;
    const into = ensureCell(target, row, col);
    if (contents) {
      into.value = cell?.value ?? "";
      if (kind !== "Values" && cell?.formula) into.formula = cell.formula;
      else delete into.formula;
      if (cell?.forcedText) into.forcedText = true;
      else delete into.forcedText;
      if (kind === "All" && cell?.hyperlink) into.hyperlink = { ...cell.hyperlink };
      else if (kind === "All") delete into.hyperlink;
    }
    if (formats) {
      into.numberFormat = cell?.numberFormat ?? "General";
      into.style = cell ? structuredClone(cell.style) : emptyCell().style;
    }
    pruneCell(target, row, col);
  }
  if (!formats) return;
  for (const merge of source.merges) {
    const part = intersect(merge, from.rect);
    if (part && part.rows === merge.rows && part.cols === merge.cols)
      target.merges.push({ ...merge, row: merge.row + dr, col: merge.col + dc });
  }
  // Conditional formats keep their order among themselves and go above the destination's own, as a paste does.
  target.conditionalFormats = target.conditionalFormats.filter((cf) => !intersect(parseRect(cf.range), dest));
  const copied = source.conditionalFormats
    .map((cf) => ({ cf, part: intersect(parseRect(cf.range), from.rect) }))
    .filter((x): x is { cf: ConditionalFormatState; part: Rect } => x.part !== null);
  const ranked = copied.map((x) => x.cf.priority).sort((a, b) => a - b);
  for (const other of target.conditionalFormats) other.priority += copied.length;
  for (const { cf, part } of copied) {
    target.conditionalFormats.push({
      ...structuredClone(cf),
      id: nextId(tx.wb, "cf"),
      range: rectAddress({ ...part, row: part.row + dr, col: part.col + dc }),
      priority: ranked.indexOf(cf.priority),
    });
  }
}

function removeMergesIn(sheet: SheetState, rect: Rect): void {
  sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
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
      // A 1 x 1 array formats every cell of the range, as Microsoft's own sample does (`getRange("E3:E6")
      // .numberFormat = [["$0.00"]]`, "Fundamental programming concepts with the Excel JavaScript API").
      const single =
        Array.isArray(input) && input.length === 1 && Array.isArray(input[0]) && input[0].length === 1;
      const at = single
        ? () => (input as unknown[][])[0][0]
        : shapeInput<unknown>(input, ref.rect, "Range.numberFormat");
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

/** Shared base for the proxies that hang off a range and have no identity of their own. */
abstract class RangePart extends SimObject<RangeRef> {
  constructor(
    context: SimContext,
    protected readonly _range: SimRange,
  ) {
    super(context);
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): RangeRef | null {
    return this._range._target(tx);
  }
  protected _cells(tx: Tx): { sheet: SheetState; rect: Rect } {
    return this._range._sheetAndRect(tx);
  }
  /** Reads a style property over the range: common value or null. */
  protected _read<T>(read: (cell: CellState) => T): Reader<RangeRef> {
    return (tx) => {
      const { sheet, rect } = this._cells(tx);
      return uniform(sheet, rect, read, EMPTY);
    };
  }
  /** Writes a style property on every cell. */
  protected _write(name: string, value: unknown, write: (cell: CellState) => void): void {
    this._set(name, value, (tx) => {
      const { sheet, rect } = this._cells(tx);
      checkCellLimit(tx, rect);
      forEachCellIn(sheet, rect, (row, col) => {
        write(ensureCell(sheet, row, col));
        pruneCell(sheet, row, col);
      });
    });
  }
}

const H_ALIGN = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

function oneOf(value: unknown, allowed: string[], where: string): string {
  const match = allowed.find((a) => typeof value === "string" && a.toLowerCase() === value.toLowerCase());
  if (!match) throw simError("InvalidArgument", MESSAGES.invalidArgument, where);
  return match;
}

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
    this._font ??= new SimRangeFont(this.context, this._range);
    return this._font;
  }
  get fill(): SimRangeFill {
    this._fill ??= new SimRangeFill(this.context, this._range);
    return this._fill;
  }
  get borders(): SimRangeBorderCollection {
    this._borders ??= new SimRangeBorderCollection(this.context, this._range);
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

const EDGES: BorderEdge[] = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];
const LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

/** The cells an edge of a range touches, and which side of each cell it is stored on. */
function edgeCells(rect: Rect, edge: BorderEdge): { cells: [number, number][]; side: BorderEdge } {
  const cells: [number, number][] = [];
  const all = (keep: (r: number, c: number) => boolean): void => {
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) if (keep(r, c)) cells.push([r, c]);
  };
  switch (edge) {
    case "EdgeTop":
      all((r) => r === rect.row);
      return { cells, side: "EdgeTop" };
    case "EdgeBottom":
      all((r) => r === rect.row + rect.rows - 1);
      return { cells, side: "EdgeBottom" };
    case "EdgeLeft":
      all((_r, c) => c === rect.col);
      return { cells, side: "EdgeLeft" };
    case "EdgeRight":
      all((_r, c) => c === rect.col + rect.cols - 1);
      return { cells, side: "EdgeRight" };
    case "InsideHorizontal":
      all((r) => r < rect.row + rect.rows - 1);
      return { cells, side: "EdgeBottom" };
    case "InsideVertical":
      all((_r, c) => c < rect.col + rect.cols - 1);
      return { cells, side: "EdgeRight" };
    default:
      all(() => true);
      return { cells, side: edge };
  }
}

export class SimRangeBorderCollection extends SimCollection<SimRangeBorder, RangeRef> {
  protected readonly _entity = "RangeBorderCollection";
  constructor(
    context: SimContext,
    private readonly _range: SimRange,
  ) {
    super(context);
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): RangeRef | null {
    return this._range._target(tx);
  }
  protected _members(): SimRangeBorder[] {
    return EDGES.slice(0, 6).map((edge) => new SimRangeBorder(this.context, this._range, edge));
  }
  getItem(index: string): SimRangeBorder {
    const edge = oneOf(index, EDGES, "RangeBorderCollection.getItem") as BorderEdge;
    return new SimRangeBorder(this.context, this._range, edge);
  }
}

export class SimRangeBorder extends RangePart {
  protected readonly _entity = "RangeBorder";
  constructor(
    context: SimContext,
    range: SimRange,
    private readonly _edge: BorderEdge,
  ) {
    super(context, range);
  }
  private _readEdge(field: "style" | "color" | "weight", fallback: string): Reader<RangeRef> {
    return (tx) => {
      const { sheet, rect } = this._cells(tx);
      const { cells, side } = edgeCells(rect, this._edge);
      const seen = new Set(
        cells.map(([r, c]) => cellAt(sheet, r, c)?.style.borders[side]?.[field] ?? fallback),
      );
      if (cells.length === 0) return fallback;
      return seen.size === 1 ? [...seen][0] : null;
    };
  }
  protected _readers(): Record<string, Reader<RangeRef>> {
    return {
      sideIndex: () => this._edge,
      style: this._readEdge("style", "None"),
      color: this._readEdge("color", "#000000"),
      weight: this._readEdge("weight", "Thin"),
    };
  }
  private _writeEdge(name: "style" | "color" | "weight", value: string): void {
    this._set(name, value, (tx) => {
      const { sheet, rect } = this._cells(tx);
      checkCellLimit(tx, rect);
      const { cells, side } = edgeCells(rect, this._edge);
      for (const [r, c] of cells) {
        const cell = ensureCell(sheet, r, c);
        const current = cell.style.borders[side] ?? { style: "Continuous", color: "#000000", weight: "Thin" };
        const next = { ...current, [name]: value };
        if (next.style === "None") delete cell.style.borders[side];
        else cell.style.borders[side] = next;
        pruneCell(sheet, r, c);
      }
    });
  }
  get sideIndex(): string {
    return this._edge;
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._writeEdge("style", oneOf(v, LINE_STYLES, "RangeBorder.style"));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._writeEdge("color", normaliseColour(v, "RangeBorder.color"));
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._writeEdge("weight", oneOf(v, WEIGHTS, "RangeBorder.weight"));
  }
}

// ---- Conditional formats -------------------------------------------------------------------------------------

interface CfRef {
  sheetId: string;
  cfId: string;
}

const CF_TYPES: Record<string, string> = { cellvalue: "CellValue", containstext: "ContainsText" };
// The operators of the simulator's enums, less "Invalid" (which Excel refuses to set).
const CF_OPERATORS = Object.values(EXCEL_ENUMS.ConditionalCellValueOperator).filter((o) => o !== "Invalid");
const TEXT_OPERATORS = Object.values(EXCEL_ENUMS.ConditionalTextOperator).filter((o) => o !== "Invalid");

function cfById(tx: Tx, ref: CfRef): ConditionalFormatState {
  const cf = sheetById(tx, ref.sheetId).conditionalFormats.find((c) => c.id === ref.cfId);
  if (!cf) throw simError("ItemNotFound", MESSAGES.itemNotFound, "ConditionalFormat");
  return cf;
}

export class SimConditionalFormatCollection extends SimCollection<SimConditionalFormat, RangeRef> {
  protected readonly _entity = "ConditionalFormatCollection";
  constructor(
    context: SimContext,
    private readonly _range: SimRange,
  ) {
    super(context);
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): RangeRef | null {
    return this._range._target(tx);
  }
  protected _members(tx: Tx, ref: RangeRef): SimConditionalFormat[] {
    const sheet = sheetById(tx, ref.sheetId);
    return sheet.conditionalFormats
      .filter((cf) => intersect(parseRect(cf.range), ref.rect))
      .map((cf) => new SimConditionalFormat(this.context, { sheetId: sheet.id, cfId: cf.id }));
  }

  /** Excel.ConditionalFormatType: only "CellValue" and "ContainsText" are modelled. */
  add(type: string): SimConditionalFormat {
    const kind = CF_TYPES[String(type).toLowerCase()];
    const cf = new SimConditionalFormat(this.context, null);
    this.context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        if (!kind)
          throw simError(
            "InvalidArgument",
            `Conditional format type '${type}' is not modelled by the simulator.`,
          );
        const ref = this._range._target(tx);
        const sheet = sheetById(tx, ref.sheetId);
        requireSheetEditable(sheet, "ConditionalFormatCollection.add");
        // New rules go first: Excel gives the newest rule priority 0.
        for (const other of sheet.conditionalFormats) other.priority += 1;
        const state: ConditionalFormatState = {
          id: nextId(tx.wb, "cf"),
          type: kind,
          range: rectAddress(ref.rect),
          priority: 0,
          stopIfTrue: false,
          rule:
            kind === "CellValue" ? { operator: "Between", formula1: "" } : { operator: "Contains", text: "" },
          format: { fillColor: null, fontColor: null, bold: null },
        };
        sheet.conditionalFormats.push(state);
        cf._bind(tx, { sheetId: sheet.id, cfId: state.id });
      },
    });
    return cf;
  }

  getCount(): import("./result").SimClientResult<number> {
    return this._result((tx, ref) => this._members(tx, ref).length);
  }

  getItemAt(index: number): SimConditionalFormat {
    return new SimConditionalFormat(this.context, null, (tx) => {
      const members = this._members(tx, this._range._target(tx));
      const m = members[index];
      if (!m) throw simError("ItemNotFound", MESSAGES.itemNotFound, "ConditionalFormatCollection.getItemAt");
      return m._target(tx);
    });
  }

  clearAll(): void {
    this._queue(0, (tx, ref) => {
      const sheet = sheetById(tx, ref.sheetId);
      sheet.conditionalFormats = sheet.conditionalFormats.filter(
        (cf) => !intersect(parseRect(cf.range), ref.rect),
      );
    });
  }
}

export class SimConditionalFormat extends SimObject<CfRef> {
  protected readonly _entity = "ConditionalFormat";
  constructor(
    context: SimContext,
    preset: CfRef | null,
    private readonly _finder?: (tx: Tx) => CfRef,
  ) {
    super(context);
    if (preset) this._ref = preset;
  }
  /** @internal Binds a format created by add() in this sync. */
  _bind(tx: Tx, ref: CfRef): void {
    this._ref = ref;
    tx.onAbort(() => (this._ref = undefined));
  }
  protected _locate(tx: Tx): CfRef | null {
    if (this._finder) return this._finder(tx);
    throw simError("ItemNotFound", MESSAGES.itemNotFound, "ConditionalFormat");
  }
  protected _readers(): Record<string, Reader<CfRef>> {
    return {
      id: (_tx, ref) => ref.cfId,
      type: (tx, ref) => cfById(tx, ref).type,
      priority: (tx, ref) => cfById(tx, ref).priority,
      stopIfTrue: (tx, ref) => cfById(tx, ref).stopIfTrue,
    };
  }
  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._set("priority", v, (tx, ref) => (cfById(tx, ref).priority = v));
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (tx, ref) => (cfById(tx, ref).stopIfTrue = v));
  }
  get cellValue(): SimCfRuleHolder {
    return new SimCfRuleHolder(this.context, this, "CellValue");
  }
  get textComparison(): SimCfRuleHolder {
    return new SimCfRuleHolder(this.context, this, "ContainsText");
  }
  getRange(): SimRange {
    return new SimRange(this.context, (tx) => {
      const ref = this._target(tx);
      return { sheetId: ref.sheetId, rect: parseRect(cfById(tx, ref).range) };
    });
  }
  delete(): void {
    this._queue(0, (tx, ref) => {
      const sheet = sheetById(tx, ref.sheetId);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c.id !== ref.cfId);
    });
  }
}

/** cf.cellValue / cf.textComparison: a rule and the format it applies. */
export class SimCfRuleHolder extends SimObject<CfRef> {
  protected readonly _entity: string;
  readonly format: { fill: { color: string; clear(): void }; font: { color: string; bold: boolean } };
  constructor(
    context: SimContext,
    private readonly _cf: SimConditionalFormat,
    private readonly _kind: string,
  ) {
    super(context);
    this._entity = _kind === "CellValue" ? "CellValueConditionalFormat" : "TextConditionalFormat";
    const state = (tx: Tx): ConditionalFormatState => {
      const cf = cfById(tx, this._target(tx));
      if (cf.type !== this._kind) throw simError("InvalidArgument", MESSAGES.invalidArgument, this._entity);
      return cf;
    };
    const queue = (fn: (cf: ConditionalFormatState) => void): void =>
      this.context._enqueue({ requestBytes: 64, run: (tx) => fn(state(tx)) });
    let fillColor = "";
    let fontColor = "";
    let bold = false;
    this.format = {
      fill: {
        get color() {
          return fillColor;
        },
        set color(v: string) {
          fillColor = normaliseColour(v, "ConditionalRangeFill.color");
          const value = fillColor;
          queue((cf) => (cf.format.fillColor = value));
        },
        clear: () => queue((cf) => (cf.format.fillColor = null)),
      },
      font: {
        get color() {
          return fontColor;
        },
        set color(v: string) {
          fontColor = normaliseColour(v, "ConditionalRangeFont.color");
          const value = fontColor;
          queue((cf) => (cf.format.fontColor = value));
        },
        get bold() {
          return bold;
        },
        set bold(v: boolean) {
          bold = v;
          queue((cf) => (cf.format.bold = v));
        },
      },
    };
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): CfRef | null {
    return this._cf._target(tx);
  }
  protected _readers(): Record<string, Reader<CfRef>> {
    return { rule: (tx, ref) => ({ ...cfById(tx, ref).rule }) };
  }
  get rule(): { operator?: string; formula1?: string; formula2?: string; text?: string } {
    return this._get("rule");
  }
  set rule(v: { operator?: string; formula1?: string; formula2?: string; text?: string }) {
    this._set("rule", v, (tx, ref) => {
      const cf = cfById(tx, ref);
      if (cf.type !== this._kind) throw simError("InvalidArgument", MESSAGES.invalidArgument, this._entity);
      if (this._kind === "CellValue") {
        const operator = oneOf(v.operator, CF_OPERATORS, "ConditionalCellValueRule.operator");
        if (v.formula1 === undefined || v.formula1 === "")
          throw simError("InvalidArgument", MESSAGES.invalidArgument, "ConditionalCellValueRule.formula1");
        const needsTwo = operator === "Between" || operator === "NotBetween";
        if (needsTwo && (v.formula2 === undefined || v.formula2 === "")) {
          throw simError("InvalidArgument", MESSAGES.invalidArgument, "ConditionalCellValueRule.formula2");
        }
        cf.rule = {
          operator,
          formula1: String(v.formula1),
          ...(needsTwo ? { formula2: String(v.formula2) } : {}),
        };
      } else {
        const operator = oneOf(v.operator, TEXT_OPERATORS, "ConditionalTextComparisonRule.operator");
        if (typeof v.text !== "string")
          throw simError("InvalidArgument", MESSAGES.invalidArgument, "ConditionalTextComparisonRule.text");
        cf.rule = { operator, text: v.text };
      }
    });
  }
}

export type { CellValue };
