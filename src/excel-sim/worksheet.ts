// Worksheets: the collection (add, getItem, active sheet), one sheet (name, position, visibility, ranges,
// used range, freeze panes, page layout, page breaks, tab colour, gridlines) and its custom properties.
import { MAX_COLS, MAX_ROWS, parseRect, rectAddress, splitSheet, tryParseRect } from "./address";
import { SimChartCollection } from "./chart";
import { SimCollection, SimObject, type Loadable, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { sheetById, sheetByName, usedRect } from "./helpers";
import { SimRange } from "./range";
import { SimRangeAreas } from "./range-areas";
import { SimClientResult } from "./result";
import {
  addSheet,
  checkSheetName,
  copySheet,
  deleteSheet,
  renameSheet,
  FOCUS_SENSITIVE,
  requireFocus,
  requireStructureEditable,
  type WorksheetPosition,
} from "./sheet-ops";
import type { SheetState } from "./state";
import { SimTableCollection } from "./table";

export interface SheetRef {
  sheetId: string;
}

export { checkSheetName };

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
  private _autoFilter: SimAutoFilter | undefined;
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
  get autoFilter(): SimAutoFilter {
    this._autoFilter ??= new SimAutoFilter(this, this.context);
    return this._autoFilter;
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
export class SimWorksheetProtection extends SimObject<SheetRef> {
  protected readonly _entity = "WorksheetProtection";
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

/** worksheet.freezePanes: frozen rows/columns at the top-left. */
export class SimFreezePanes {
  constructor(
    private readonly _sheet: SimWorksheet,
    private readonly _context: SimContext,
  ) {}
  private _apply(api: keyof typeof FOCUS_SENSITIVE, fn: (sheet: SheetState) => void): void {
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        const sheet = this._sheet._state(tx);
        requireFocus(tx.host.environment, api);
        fn(sheet);
      },
    });
  }
  freezeRows(count = 1): void {
    this._apply(
      "WorksheetFreezePanes.freezeRows",
      (s) => (s.freeze = count > 0 ? { rows: count, columns: 0 } : null),
    );
  }
  freezeColumns(count = 1): void {
    this._apply(
      "WorksheetFreezePanes.freezeColumns",
      (s) => (s.freeze = count > 0 ? { rows: 0, columns: count } : null),
    );
  }
  /** Freezes the rows above and columns left of the bottom-right of the given range (Office.js semantics). */
  freezeAt(frozenRange: SimRange | string): void {
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        const sheet = this._sheet._state(tx);
        requireFocus(tx.host.environment, "WorksheetFreezePanes.freezeAt");
        const rect =
          typeof frozenRange === "string"
            ? parseRect(splitSheet(frozenRange).local)
            : frozenRange._target(tx).rect;
        sheet.freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
      },
    });
  }
  unfreeze(): void {
    this._apply("WorksheetFreezePanes.unfreeze", (s) => (s.freeze = null));
  }
  getLocationOrNullObject(): SimRange {
    return new SimRange(
      this._context,
      (tx) => {
        const sheet = this._sheet._state(tx);
        requireFocus(tx.host.environment, "WorksheetFreezePanes.getLocationOrNullObject");
        if (!sheet.freeze) return null;
        return {
          sheetId: sheet.id,
          rect: {
            row: 0,
            col: 0,
            rows: Math.max(1, sheet.freeze.rows),
            cols: Math.max(1, sheet.freeze.columns),
          },
        };
      },
      true,
    );
  }
}

/** worksheet.autoFilter (ExcelApi 1.9): filter buttons on the top row of a range; no criteria are modelled. */
export class SimAutoFilter {
  constructor(
    private readonly _sheet: SimWorksheet,
    private readonly _context: SimContext,
  ) {}
  apply(range: SimRange | string): void {
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        const sheet = this._sheet._state(tx);
        const rect = typeof range === "string" ? parseRect(splitSheet(range).local) : range._target(tx).rect;
        sheet.autoFilter = rectAddress(rect);
      },
    });
  }
  remove(): void {
    this._context._enqueue({ requestBytes: 64, run: (tx) => (this._sheet._state(tx).autoFilter = null) });
  }
}

/** worksheet.horizontalPageBreaks: a manual break sits above the top row of the range given to add(). */
export class SimPageBreakCollection {
  constructor(
    private readonly _sheet: SimWorksheet,
    private readonly _context: SimContext,
  ) {}
  add(pageBreakRange: SimRange | string): void {
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        const sheet = this._sheet._state(tx);
        const rect =
          typeof pageBreakRange === "string"
            ? parseRect(splitSheet(pageBreakRange).local)
            : pageBreakRange._target(tx).rect;
        if (!sheet.horizontalPageBreaks.includes(rect.row)) sheet.horizontalPageBreaks.push(rect.row);
        sheet.horizontalPageBreaks.sort((a, b) => a - b);
      },
    });
  }
  removePageBreaks(): void {
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => (this._sheet._state(tx).horizontalPageBreaks = []),
    });
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        const n = this._sheet._state(tx).horizontalPageBreaks.length;
        tx.onCommit(() => result._resolve(n));
      },
    });
    return result;
  }
}

const ORIENTATIONS = ["Portrait", "Landscape"];
const PAPER = ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5", "Executive", "Tabloid"];

/** worksheet.pageLayout: print orientation, paper, fit-to-page zoom, print area and titles, centring, margins, footer. */
export class SimPageLayout extends SimObject<SheetRef> {
  protected readonly _entity = "PageLayout";
  readonly headersFooters: { defaultForAllPages: { centerFooter: string; centerHeader: string } };

  constructor(
    context: SimContext,
    private readonly _sheet: SimWorksheet,
  ) {
    super(context);
    const layout = (tx: Tx): SheetState["pageLayout"] => this._sheet._state(tx).pageLayout;
    const queue = (fn: (tx: Tx) => void): void => this.context._enqueue({ requestBytes: 64, run: fn });
    let footer = "";
    let header = "";
    this.headersFooters = {
      defaultForAllPages: {
        get centerFooter() {
          return footer;
        },
        set centerFooter(v: string) {
          footer = v;
          queue((tx) => (layout(tx).centerFooter = v));
        },
        get centerHeader() {
          return header;
        },
        set centerHeader(v: string) {
          header = v;
          queue((tx) => (layout(tx).centerHeader = v));
        },
      },
    };
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): SheetRef | null {
    return this._sheet._target(tx);
  }
  private _layout(tx: Tx): SheetState["pageLayout"] {
    return this._sheet._state(tx).pageLayout;
  }
  protected _readers(): Record<string, Reader<SheetRef>> {
    const l = (tx: Tx): SheetState["pageLayout"] => this._layout(tx);
    return {
      orientation: (tx) => l(tx).orientation,
      paperSize: (tx) => l(tx).paperSize,
      zoom: (tx) => ({ ...l(tx).zoom }),
      centerHorizontally: (tx) => l(tx).centerHorizontally,
      centerVertically: (tx) => l(tx).centerVertically,
      leftMargin: (tx) => l(tx).leftMargin,
      rightMargin: (tx) => l(tx).rightMargin,
      topMargin: (tx) => l(tx).topMargin,
      bottomMargin: (tx) => l(tx).bottomMargin,
      headerMargin: (tx) => l(tx).headerMargin,
      footerMargin: (tx) => l(tx).footerMargin,
    };
  }
  private _setLayout<K extends keyof SheetState["pageLayout"]>(
    name: K,
    value: SheetState["pageLayout"][K],
    check?: () => void,
  ): void {
    this._set(name, value, (tx) => {
      check?.();
      this._layout(tx)[name] = value;
    });
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    const value = ORIENTATIONS.find((o) => o.toLowerCase() === String(v).toLowerCase());
    this._setLayout("orientation", value ?? v, () => {
      if (!value) throw simError("InvalidArgument", MESSAGES.invalidArgument, "PageLayout.orientation");
    });
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    const value = PAPER.find((o) => o.toLowerCase() === String(v).toLowerCase());
    this._setLayout("paperSize", value ?? v, () => {
      if (!value) throw simError("InvalidArgument", MESSAGES.invalidArgument, "PageLayout.paperSize");
    });
  }
  /** Excel.PageLayoutZoomOptions: fit-to-pages or a scale, not both. */
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this._get("zoom");
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this._setLayout("zoom", { ...v }, () => {
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      if (fit && v.scale !== undefined)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "PageLayout.zoom");
    });
  }
  get centerHorizontally(): boolean {
    return this._get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this._setLayout("centerHorizontally", v);
  }
  get centerVertically(): boolean {
    return this._get("centerVertically");
  }
  set centerVertically(v: boolean) {
    this._setLayout("centerVertically", v);
  }
  /** Margins are in points (72 to the inch), as in Office.js. */
  get leftMargin(): number {
    return this._get("leftMargin");
  }
  set leftMargin(v: number) {
    this._setLayout("leftMargin", v);
  }
  get rightMargin(): number {
    return this._get("rightMargin");
  }
  set rightMargin(v: number) {
    this._setLayout("rightMargin", v);
  }
  get topMargin(): number {
    return this._get("topMargin");
  }
  set topMargin(v: number) {
    this._setLayout("topMargin", v);
  }
  get bottomMargin(): number {
    return this._get("bottomMargin");
  }
  set bottomMargin(v: number) {
    this._setLayout("bottomMargin", v);
  }
  get headerMargin(): number {
    return this._get("headerMargin");
  }
  set headerMargin(v: number) {
    this._setLayout("headerMargin", v);
  }
  get footerMargin(): number {
    return this._get("footerMargin");
  }
  set footerMargin(v: number) {
    this._setLayout("footerMargin", v);
  }
  setPrintArea(printArea: SimRange | string): void {
    this._queue(64, (tx) => {
      const rect =
        typeof printArea === "string" ? parseRect(splitSheet(printArea).local) : printArea._target(tx).rect;
      this._layout(tx).printArea = rectAddress(rect);
    });
  }
  /** Rows repeated on each page: "$1:$3", "1:3" or a range whose rows are used. */
  setPrintTitleRows(titleRows: SimRange | string): void {
    this._queue(64, (tx) => {
      let first: number;
      let count: number;
      if (typeof titleRows === "string") {
        const m = /^\$?(\d+):\$?(\d+)$/.exec(splitSheet(titleRows).local);
        if (!m) throw simError("InvalidArgument", MESSAGES.invalidArgument, "PageLayout.setPrintTitleRows");
        first = Number(m[1]) - 1;
        count = Number(m[2]) - first;
      } else {
        const rect = titleRows._target(tx).rect;
        first = rect.row;
        count = rect.rows;
      }
      this._layout(tx).printTitleRows = `$${first + 1}:$${first + count}`;
    });
  }
}

// ---- Worksheet custom properties -------------------------------------------------------------------------

interface PropRef {
  sheetId: string;
  key: string;
}

function findProp(tx: Tx, ref: PropRef): { key: string; value: string } {
  const prop = sheetById(tx, ref.sheetId).customProperties.find(
    (p) => p.key.toLowerCase() === ref.key.toLowerCase(),
  );
  if (!prop) throw simError("ItemNotFound", MESSAGES.itemNotFound, "WorksheetCustomProperty");
  return prop;
}

export class SimCustomPropertyCollection extends SimCollection<SimCustomProperty, SheetRef> {
  protected readonly _entity = "WorksheetCustomPropertyCollection";
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
  protected _members(tx: Tx, ref: SheetRef): SimCustomProperty[] {
    return sheetById(tx, ref.sheetId).customProperties.map(
      (p) => new SimCustomProperty(this.context, () => ({ sheetId: ref.sheetId, key: p.key })),
    );
  }
  /** Adds a property, or replaces the value of one with the same key (keys are case-insensitive, up to 255 characters). */
  add(key: string, value: string): SimCustomProperty {
    this._queue(jsonBytes2(key, value), (tx, ref) => {
      if (typeof key !== "string" || key === "" || key.length > 255)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "WorksheetCustomPropertyCollection.add");
      const props = sheetById(tx, ref.sheetId).customProperties;
      const existing = props.find((p) => p.key.toLowerCase() === key.toLowerCase());
      if (existing) existing.value = String(value);
      else props.push({ key, value: String(value) });
    });
    return new SimCustomProperty(this.context, (tx) => ({ sheetId: this._sheet._target(tx).sheetId, key }));
  }
  getItem(key: string): SimCustomProperty {
    const prop = new SimCustomProperty(this.context, (tx) => {
      const ref = { sheetId: this._sheet._target(tx).sheetId, key };
      findProp(tx, ref);
      return ref;
    });
    prop._resolveAtSync();
    return prop;
  }
  getItemOrNullObject(key: string): SimCustomProperty {
    return new SimCustomProperty(
      this.context,
      (tx) => {
        // On a null sheet the property is a null object too, not an error (unless the sim is strict).
        const sheetRef = this._sheet._resolveOrNullChain(tx, "CustomPropertyCollection.getItemOrNullObject");
        if (sheetRef === null) return null;
        const ref = { sheetId: sheetRef.sheetId, key };
        return sheetById(tx, ref.sheetId).customProperties.some(
          (p) => p.key.toLowerCase() === key.toLowerCase(),
        )
          ? ref
          : null;
      },
      true,
    );
  }
  getCount(): SimClientResult<number> {
    return this._result((tx, ref) => sheetById(tx, ref.sheetId).customProperties.length);
  }
}

function jsonBytes2(...parts: unknown[]): number {
  return JSON.stringify(parts).length;
}

export class SimCustomProperty extends SimObject<PropRef> {
  protected readonly _entity = "WorksheetCustomProperty";
  constructor(
    context: SimContext,
    private readonly _locator: (tx: Tx) => PropRef | null,
    nullable = false,
  ) {
    super(context, nullable);
    if (nullable) this._queueExistenceCheck();
  }
  /** @internal */
  _resolveAtSync(): void {
    this._queueResolution();
  }
  protected _locate(tx: Tx): PropRef | null {
    return this._locator(tx);
  }
  protected _readers(): Record<string, Reader<PropRef>> {
    return { key: (tx, ref) => findProp(tx, ref).key, value: (tx, ref) => findProp(tx, ref).value };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): string {
    return this._get("value");
  }
  set value(v: string) {
    this._set("value", v, (tx, ref) => (findProp(tx, ref).value = String(v)));
  }
  delete(): void {
    this._queue(0, (tx, ref) => {
      const sheet = sheetById(tx, ref.sheetId);
      findProp(tx, ref);
      sheet.customProperties = sheet.customProperties.filter(
        (p) => p.key.toLowerCase() !== ref.key.toLowerCase(),
      );
    });
  }
}
