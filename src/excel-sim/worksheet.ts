// Worksheets: the collection (add, getItem, the active sheet, walking the tab order), one sheet (name, position,
// visibility, ranges, used range, tab colour, gridlines, copy, delete) and its protection. What hangs off a sheet
// has a file each: freeze-panes.ts, page-layout.ts (page layout and page breaks), custom-properties.ts, chart.ts,
// table.ts.
import { MAX_COLS, MAX_ROWS, splitSheet, tryParseRect } from "./address";
import { SimChartCollection } from "./chart";
import {
  SimCollection,
  SimObject,
  SimPart,
  type Loadable,
  type Reader,
  type SimContext,
  type Tx,
} from "./context";
import { MESSAGES, simError } from "./errors";
import { sheetById, sheetByName, usedRect } from "./helpers";
import { SimRange } from "./range";
import { SimRangeAreas } from "./range-areas";
import { SimClientResult } from "./result";
import {
  addSheet,
  copySheet,
  deleteSheet,
  renameSheet,
  requireFocus,
  requireStructureEditable,
  type WorksheetPosition,
} from "./sheet-ops";
import type { SheetState } from "./state";
import { SimTableCollection } from "./table";
import { SimCustomPropertyCollection } from "./custom-properties";
import { SimFreezePanes } from "./freeze-panes";
import { SimPageBreakCollection, SimPageLayout } from "./page-layout";

export interface SheetRef {
  sheetId: string;
}

function visibleCount(tx: Tx): number {
  return tx.wb.sheets.filter((s) => s.visibility === "Visible").length;
}

export class SimWorksheetCollection extends SimCollection<SimWorksheet, null> {
  protected readonly _entity = "WorksheetCollection";
  protected _locate(): null {
    return null;
  }
  // The collection itself always exists; its "reference" carries nothing.
  override _target(): null {
    return null;
  }
  protected _members(tx: Tx): SimWorksheet[] {
    return tx.wb.sheets.map((s) => SimWorksheet.bound(this.context, s.id));
  }

  getItem(key: string): SimWorksheet {
    const sheet = new SimWorksheet(this.context, (tx) => {
      const found = sheetByName(tx, key) ?? tx.wb.sheets.find((s) => s.id === key) ?? null;
      if (!found) throw simError("ItemNotFound", MESSAGES.itemNotFound, "WorksheetCollection.getItem");
      return { sheetId: found.id };
    });
    sheet._resolveAtSync();
    return sheet;
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      (tx) => {
        const found = sheetByName(tx, key) ?? tx.wb.sheets.find((s) => s.id === key) ?? null;
        return found ? { sheetId: found.id } : null;
      },
      true,
    );
  }

  /** Adds a sheet at the end; without a name Excel picks the next free "SheetN". */
  add(name?: string): SimWorksheet {
    const created = new SimWorksheet(this.context, () => {
      throw simError("GeneralException", "The worksheet was not created.");
    });
    this.context._enqueue({
      requestBytes: 64 + (name?.length ?? 0),
      run: (tx) => created._bind(tx, addSheet(tx.wb, tx.host.environment, name).id),
    });
    return created;
  }

  getActiveWorksheet(): SimWorksheet {
    const sheet = new SimWorksheet(this.context, (tx) => {
      if (!tx.wb.activeSheetId) throw simError("ItemNotFound", MESSAGES.itemNotFound, "getActiveWorksheet");
      return { sheetId: tx.wb.activeSheetId };
    });
    sheet._resolveAtSync();
    return sheet;
  }

  /** The first sheet in tab order; hidden sheets count unless visibleOnly. */
  getFirst(visibleOnly = false): SimWorksheet {
    const sheet = new SimWorksheet(this.context, (tx) => {
      const first = tx.wb.sheets.find((s) => !visibleOnly || s.visibility === "Visible");
      if (!first) throw simError("ItemNotFound", MESSAGES.itemNotFound, "getFirst");
      return { sheetId: first.id };
    });
    sheet._resolveAtSync();
    return sheet;
  }

  getLast(visibleOnly = false): SimWorksheet {
    const sheet = new SimWorksheet(this.context, (tx) => {
      const last = [...tx.wb.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible");
      if (!last) throw simError("ItemNotFound", MESSAGES.itemNotFound, "getLast");
      return { sheetId: last.id };
    });
    sheet._resolveAtSync();
    return sheet;
  }

  getCount(visibleOnly = false): SimClientResult<number> {
    return this._result(
      (tx) => tx.wb.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length,
    );
  }
}

export class SimWorksheet extends SimObject<SheetRef> {
  protected readonly _entity = "Worksheet";
  private _charts: SimChartCollection | undefined;
  private _props: SimCustomPropertyCollection | undefined;
  private _freeze: SimFreezePanes | undefined;
  private _layout: SimPageLayout | undefined;
  private _breaks: SimPageBreakCollection | undefined;
  private _tables: SimTableCollection | undefined;
  private _protection: SimWorksheetProtection | undefined;

  constructor(
    context: SimContext,
    private readonly _locator: (tx: Tx) => SheetRef | null,
    nullable = false,
  ) {
    super(context, nullable);
    if (nullable) this._queueExistenceCheck();
  }

  /** A proxy already bound to a sheet (collection items). */
  static bound(context: SimContext, sheetId: string): SimWorksheet {
    const ws = new SimWorksheet(context, () => ({ sheetId }));
    ws._ref = { sheetId };
    return ws;
  }

  /** @internal */
  _resolveAtSync(): void {
    this._queueResolution();
  }

  /** @internal */
  _bind(tx: Tx, sheetId: string): void {
    this._ref = { sheetId };
    tx.onAbort(() => (this._ref = undefined));
  }

  protected _locate(tx: Tx): SheetRef | null {
    return this._locator(tx);
  }

  /** @internal The sheet's state in the current sync. */
  _state(tx: Tx): SheetState {
    return sheetById(tx, this._target(tx).sheetId);
  }

  protected _readers(): Record<string, Reader<SheetRef>> {
    const s = (tx: Tx, ref: SheetRef): SheetState => sheetById(tx, ref.sheetId);
    return {
      id: (_tx, ref) => ref.sheetId,
      name: (tx, ref) => s(tx, ref).name,
      position: (tx, ref) => tx.wb.sheets.indexOf(s(tx, ref)),
      visibility: (tx, ref) => s(tx, ref).visibility,
      tabColor: (tx, ref) => s(tx, ref).tabColor,
      showGridlines: (tx, ref) => s(tx, ref).showGridlines,
    };
  }

  protected override _navigations(): Record<string, Loadable> {
    return {
      charts: this.charts,
      customProperties: this.customProperties,
      pageLayout: this.pageLayout,
      tables: this.tables,
      protection: this.protection,
    };
  }

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (tx) => renameSheet(tx.wb, this._state(tx), value));
  }

  get position(): number {
    return this._get("position");
  }
  set position(value: number) {
    this._set("position", value, (tx) => {
      const sheet = this._state(tx);
      requireStructureEditable(tx.wb, "Worksheet.position");
      if (!Number.isInteger(value) || value < 0 || value >= tx.wb.sheets.length) {
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "Worksheet.position");
      }
      tx.wb.sheets.splice(tx.wb.sheets.indexOf(sheet), 1);
      tx.wb.sheets.splice(value, 0, sheet);
    });
  }

  /** Excel.SheetVisibility: "Visible", "Hidden", "VeryHidden". */
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(value: string) {
    this._set("visibility", value, (tx) => {
      const sheet = this._state(tx);
      const v = ["Visible", "Hidden", "VeryHidden"].find(
        (x) => x.toLowerCase() === String(value).toLowerCase(),
      );
      if (!v) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Worksheet.visibility");
      if (v !== sheet.visibility) requireStructureEditable(tx.wb, "Worksheet.visibility");
      if (v !== "Visible" && sheet.visibility === "Visible" && visibleCount(tx) === 1) {
        throw simError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.visibility",
        );
      }
      sheet.visibility = v as SheetState["visibility"];
      if (v !== "Visible" && tx.wb.activeSheetId === sheet.id) {
        tx.wb.activeSheetId = tx.wb.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
      }
    });
  }

  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(value: string) {
    this._set("tabColor", value, (tx) => {
      const sheet = this._state(tx);
      if (value === "") sheet.tabColor = "";
      else {
        const m = /^#?([0-9a-fA-F]{6})$/.exec(value);
        if (!m) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Worksheet.tabColor");
        sheet.tabColor = `#${m[1].toUpperCase()}`;
      }
    });
  }

  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(value: boolean) {
    this._set("showGridlines", value, (tx) => {
      const sheet = this._state(tx);
      requireFocus(tx.host.environment, "Worksheet.showGridlines");
      sheet.showGridlines = Boolean(value);
    });
  }

  /** Deletes the sheet: not the last visible one nor a very hidden one; what referred to it shows #REF!. */
  delete(): void {
    this._queue(0, (tx) => deleteSheet(tx.wb, tx.host.environment, this._state(tx)));
  }

  /**
   * Copies the sheet (ExcelApi 1.7) to the position given ("None", the default, puts it first). The copy has no
   * custom properties: Excel does not copy them.
   */
  copy(positionType: WorksheetPosition = "None", relativeTo?: SimWorksheet): SimWorksheet {
    const created = new SimWorksheet(this.context, () => {
      throw simError("GeneralException", "The worksheet was not copied.");
    });
    this._queue(64, (tx) => {
      const relative = relativeTo ? relativeTo._state(tx) : null;
      created._bind(tx, copySheet(tx.wb, this._state(tx), positionType, relative).id);
    });
    return created;
  }

  activate(): void {
    this._queue(0, (tx) => {
      const sheet = this._state(tx);
      if (sheet.visibility !== "Visible")
        throw simError("InvalidOperation", "A hidden worksheet cannot be activated.", "Worksheet.activate");
      requireFocus(tx.host.environment, "Worksheet.activate");
      if (tx.wb.activeSheetId !== sheet.id) {
        tx.wb.activeSheetId = sheet.id;
        tx.wb.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
      }
    });
  }

  /** A range by A1 address on this sheet; without an address, the whole sheet. Bad addresses fail at sync. */
  getRange(address?: string): SimRange {
    const range = new SimRange(this.context, (tx) => {
      const sheet = this._state(tx);
      if (address === undefined || address === "")
        return { sheetId: sheet.id, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      const { sheet: named, local } = splitSheet(address);
      if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "Worksheet.getRange");
      }
      const rect = tryParseRect(local);
      if (!rect) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Worksheet.getRange");
      return { sheetId: sheet.id, rect };
    });
    range._resolveAtSync();
    return range;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    const range = new SimRange(this.context, (tx) => {
      const sheet = this._state(tx);
      const ok =
        [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) &&
        startRow >= 0 &&
        startColumn >= 0 &&
        rowCount >= 1 &&
        columnCount >= 1 &&
        startRow + rowCount <= MAX_ROWS &&
        startColumn + columnCount <= MAX_COLS;
      if (!ok) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Worksheet.getRangeByIndexes");
      return {
        sheetId: sheet.id,
        rect: { row: startRow, col: startColumn, rows: rowCount, cols: columnCount },
      };
    });
    range._resolveAtSync();
    return range;
  }

  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Several ranges by one address ("A1:B2, D4:E9", at most 8,192 characters), formatted together (ExcelApi 1.9). */
  getRanges(address: string): SimRangeAreas {
    return new SimRangeAreas(this.context, this, address);
  }

  /** This sheet's reference, or null for a null object; a strict sim refuses to go on from a null object. */
  _resolveOrNullChain(tx: Tx, call: string): SheetRef | null {
    const ref = this._resolve(tx);
    if (ref === null && this.context._host.nullObjectCalls === "strict")
      throw simError("InvalidObjectPath", `${call} was called on a null object.`, call);
    return ref;
  }

  /** The sheet after this one in tab order (hidden sheets count unless visibleOnly); ItemNotFound past the last. */
  getNext(visibleOnly = false): SimWorksheet {
    const sheet = new SimWorksheet(this.context, (tx) => {
      const next = this._neighbour(tx, 1, visibleOnly);
      if (!next) throw simError("ItemNotFound", MESSAGES.itemNotFound, "Worksheet.getNext");
      return next;
    });
    sheet._resolveAtSync();
    return sheet;
  }

  /**
   * As getNext, but a null object past the last sheet. Called on a null object it gives a null object too, so a
   * chain of calls can run past the end of the workbook within one sync (as the gateway's read does).
   */
  getNextOrNullObject(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, (tx) => this._neighbour(tx, 1, visibleOnly), true);
  }

  getPrevious(visibleOnly = false): SimWorksheet {
    const sheet = new SimWorksheet(this.context, (tx) => {
      const previous = this._neighbour(tx, -1, visibleOnly);
      if (!previous) throw simError("ItemNotFound", MESSAGES.itemNotFound, "Worksheet.getPrevious");
      return previous;
    });
    sheet._resolveAtSync();
    return sheet;
  }

  getPreviousOrNullObject(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, (tx) => this._neighbour(tx, -1, visibleOnly), true);
  }

  /** The neighbouring sheet in tab order, or null at either end or when this proxy is itself a null object. */
  private _neighbour(tx: Tx, step: 1 | -1, visibleOnly: boolean): SheetRef | null {
    const ref = this._resolveOrNullChain(tx, "Worksheet.getNextOrNullObject");
    if (ref === null) return null;
    const sheets = tx.wb.sheets;
    for (let i = sheets.indexOf(sheetById(tx, ref.sheetId)) + step; i >= 0 && i < sheets.length; i += step) {
      if (!visibleOnly || sheets[i].visibility === "Visible") return { sheetId: sheets[i].id };
    }
    return null;
  }

  /** The used range; on an empty sheet Excel returns A1. valuesOnly ignores cells that only carry formatting. */
  getUsedRange(valuesOnly = false): SimRange {
    const range = new SimRange(this.context, (tx) => {
      const sheet = this._state(tx);
      return { sheetId: sheet.id, rect: usedRect(sheet, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
    range._resolveAtSync();
    return range;
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(
      this.context,
      (tx) => {
        // On a null sheet the used range is a null object too, not an error (unless the sim is strict).
        const ref = this._resolveOrNullChain(tx, "Worksheet.getUsedRangeOrNullObject");
        if (ref === null) return null;
        const sheet = sheetById(tx, ref.sheetId);
        const rect = usedRect(sheet, valuesOnly);
        return rect ? { sheetId: sheet.id, rect } : null;
      },
      true,
    );
  }

  get charts(): SimChartCollection {
    this._charts ??= new SimChartCollection(this.context, this);
    return this._charts;
  }
  get customProperties(): SimCustomPropertyCollection {
    this._props ??= new SimCustomPropertyCollection(this.context, this);
    return this._props;
  }
  get freezePanes(): SimFreezePanes {
    this._freeze ??= new SimFreezePanes(this, this.context);
    return this._freeze;
  }
  get pageLayout(): SimPageLayout {
    this._layout ??= new SimPageLayout(this.context, this);
    return this._layout;
  }
  get horizontalPageBreaks(): SimPageBreakCollection {
    this._breaks ??= new SimPageBreakCollection(this, this.context);
    return this._breaks;
  }
  get tables(): SimTableCollection {
    this._tables ??= new SimTableCollection(this.context, (tx) => this._target(tx).sheetId);
    return this._tables;
  }
  get protection(): SimWorksheetProtection {
    this._protection ??= new SimWorksheetProtection(this.context, this);
    return this._protection;
  }
}

/** worksheet.protection: whether the sheet's cells, formats and charts are locked against changes. */
export class SimWorksheetProtection extends SimPart<SheetRef, SimWorksheet> {
  protected readonly _entity = "WorksheetProtection";
  protected _readers(): Record<string, Reader<SheetRef>> {
    return { protected: (tx, ref) => sheetById(tx, ref.sheetId).protected };
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(): void {
    this._queue(0, (tx, ref) => (sheetById(tx, ref.sheetId).protected = true));
  }
  unprotect(): void {
    this._queue(0, (tx, ref) => (sheetById(tx, ref.sheetId).protected = false));
  }
}
