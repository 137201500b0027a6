// ExcelSim: an in-memory Excel for tests and the browser preview, faithful to the parts of the Office.js
// contract the gateway relies on (queued proxies, load/sync, null objects, errors, payload limits, atomic syncs).
import { parseRect, rectAddress, splitSheet } from "./address";
import { SimContext, Tx, ACTION_OVERHEAD_BYTES, type SyncHost } from "./context";
import { readOnlyError, type HostEnvironment } from "./sheet-ops";
import { MESSAGES, SimExcelError } from "./errors";
import { installExcelGlobals } from "./globals";
import { snapshotSheet, type SheetSnapshot } from "./snapshot";
import { cellAt } from "./helpers";
import { shownValue } from "./references";
import { newWorkbook, type CellValue, type WorkbookState } from "./state";
import { SimWorkbook } from "./workbook";
import { exportWorkbook, importWorkbook, type SideChannel } from "./xlsx";

export { SimExcelError } from "./errors";
export { EXCEL_ENUMS, installExcelGlobals } from "./globals";
export type { SheetSnapshot, CellSnapshot } from "./snapshot";
export type { SideChannel } from "./xlsx";

export interface ExcelSimOptions {
  /** Largest request or response a sync may carry (Excel on the web: 5 MB). */
  maxPayloadBytes?: number;
  /** Largest range a read or write may touch (Excel: 5,000,000 cells). */
  maxCells?: number;
  /**
   * What an *OrNullObject call made on a null object does: "lenient" (default) gives another null object;
   * "strict" fails the whole sync with InvalidObjectPath. Real Excel's behaviour here is not documented, so the
   * gateway is tested against both.
   */
  nullObjectCalls?: "lenient" | "strict";
  /**
   * What a failing sync leaves: "atomic" (default) applies nothing of its batch; "partial" keeps the operations
   * that ran before the failing one, as Excel does.
   */
  failedBatches?: "atomic" | "partial";
}

/** Excel.run's options that the simulator honours. */
export interface SimRunOptions {
  /** Wait while the user is editing a cell instead of failing with InvalidOperationInCellEditMode. */
  delayForCellEdit?: boolean;
}

/** sim.run: Excel.run's two forms, (batch) and (options, batch). */
export interface SimRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: SimRunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Called before each sync (awaited), so a test can act between two syncs of a run: start another, switch focus.
 * `run` numbers the sim.run calls from 1, so a test can tell two runtimes' syncs apart.
 */
export type SyncHook = (sync: { count: number; run: number }) => void | Promise<void>;

/** Excel.SettingsChangedEventArgs as the simulator gives it. */
export interface SimSettingsChangedEvent {
  type: "SettingsChanged";
}

export interface ImportXlsxOptions {
  /** File name the workbook reports as `workbook.name` (default "Book1.xlsx"). */
  name?: string;
  /** What exportXlsx could not put in the file, for a full round trip. */
  sideChannel?: SideChannel;
}

function isSideChannel(value: ImportXlsxOptions | SideChannel | undefined): value is SideChannel {
  return value !== undefined && "charts" in value && "customProperties" in value;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

export class ExcelSim implements SyncHost {
  readonly limits: { maxPayloadBytes: number; maxCells: number };
  readonly nullObjectCalls: "lenient" | "strict";
  readonly failedBatches: "atomic" | "partial";
  /** @internal SyncHost: what Excel is doing around the workbook. */
  readonly environment: HostEnvironment = { focusElsewhere: false };
  private _cellEditMode = false;
  private _cellEditEnded: (() => void)[] = [];
  private _syncHooks: SyncHook[] = [];
  private _runs = 0;
  private _settingsHandlers = new Set<(event: SimSettingsChangedEvent) => unknown>();
  private _state: WorkbookState = newWorkbook();
  private _syncCount = 0;
  private _requests: SyncRecord[] = [];
  private _failures = new Map<number, { error: Error; afterOps: number }>();
  private _calls = new Map<string, number>();
  /** What exportXlsx could not put in the file (charts, custom properties, settings), from the latest export. */
  lastExportSideChannel: SideChannel | null = null;

  constructor(options: ExcelSimOptions = {}) {
    this.limits = {
      maxPayloadBytes: options.maxPayloadBytes ?? 5 * 1024 * 1024,
      maxCells: options.maxCells ?? 5_000_000,
    };
    this.nullObjectCalls = options.nullObjectCalls ?? "lenient";
    this.failedBatches = options.failedBatches ?? "atomic";
  }

  /**
   * Like Excel.run: a new context per call; pending operations are synced when the batch resolves. Takes
   * Excel.run's options first when given ({ delayForCellEdit }).
   */
  run: SimRun = (async <T>(
    first: SimRunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const batch =
      typeof first === "function" ? first : (second as (context: Excel.RequestContext) => Promise<T>);
    const options = typeof first === "function" ? {} : first;
    const context = new SimContext(
      this,
      { delayForCellEdit: options.delayForCellEdit === true },
      ++this._runs,
    );
    const workbook = new SimWorkbook(context);
    context.workbook = workbook;
    context.application = workbook.application;
    // The one cast at the boundary: the simulator implements the subset of Excel.RequestContext the add-in uses.
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context._queue.length > 0) await this.runSync(context);
    return result;
  }) as SimRun;

  /** While true, the user is editing a cell: syncs fail with InvalidOperationInCellEditMode, or wait (delayForCellEdit). */
  get cellEditMode(): boolean {
    return this._cellEditMode;
  }
  set cellEditMode(on: boolean) {
    this._cellEditMode = on;
    if (!on) for (const resume of this._cellEditEnded.splice(0)) resume();
  }

  /** While true, another workbook has the focus (Windows, Mac): the calls Microsoft lists fail. */
  get focusElsewhere(): boolean {
    return this.environment.focusElsewhere;
  }
  set focusElsewhere(value: boolean) {
    (this.environment as HostEnvironment).focusElsewhere = value;
  }

  /** workbook.readOnly: every write is then refused with AccessDenied (as in a view-only workbook on the web). */
  get readOnly(): boolean {
    return this._state.readOnly;
  }
  set readOnly(value: boolean) {
    this._state.readOnly = value;
  }

  /** Protects (or unprotects) the workbook's structure, as Review > Protect Workbook does. */
  protectStructure(on = true): void {
    this._state.structureProtected = on;
  }

  /** Protects (or unprotects) a sheet, as Review > Protect Sheet does. */
  protectSheet(name: string, on = true): void {
    this._sheetNamed(name).protected = on;
  }

  /** Runs `hook` before every sync from now on (awaited); returns the function that removes it. */
  onSync(hook: SyncHook): () => void {
    this._syncHooks.push(hook);
    return () => {
      this._syncHooks = this._syncHooks.filter((h) => h !== hook);
    };
  }

  /** @internal SyncHost: settings.onSettingsChanged.add. */
  addSettingsHandler(handler: (event: SimSettingsChangedEvent) => unknown): () => void {
    this._settingsHandlers.add(handler);
    return () => void this._settingsHandlers.delete(handler);
  }

  /** The workbook's defined names and their formulas ("=#REF!$C$5" once the sheet they named was deleted). */
  get definedNames(): Record<string, string> {
    return Object.fromEntries(
      this._state.names.filter((n) => n.scopeSheetId === null).map((n) => [n.name, n.formula]),
    );
  }

  /** The value a cell shows (a reference formula shows the cell it points at; see references.ts). */
  valueAt(sheetName: string, address: string): CellValue {
    const sheet = this._sheetNamed(sheetName);
    const rect = parseRect(address);
    return shownValue(this._state, sheet, cellAt(sheet, rect.row, rect.col));
  }

  /** Makes `Excel.run` (and the Excel enums) refer to this simulator; returns the undo. */
  installAsExcel(): () => void {
    return installExcelGlobals(this.run);
  }

  /** context.sync() calls across all runs (plus Excel.run's closing sync when it had work to send). */
  get syncCount(): number {
    return this._syncCount;
  }

  /** Estimated request and response size of every sync, in order. */
  get requests(): readonly SyncRecord[] {
    return this._requests;
  }

  /** How many times an application call was made and committed (e.g. "suspendApiCalculationUntilNextSync"). */
  callCount(name: string): number {
    return this._calls.get(name) ?? 0;
  }

  /**
   * Makes the n-th sync from now (1 = the next) fail like Excel: before any of its operations, or, with
   * `partway`, after that share of them (0.5: half way), so a "partial" simulator keeps what ran.
   */
  failOnSync(n: number, error?: Error, options: { partway?: number } = {}): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("failOnSync counts syncs from 1");
    this._failures.set(this._syncCount + n, {
      error: error ?? new SimExcelError("GeneralException", "An internal error has occurred."),
      afterOps: options.partway ?? 0,
    });
  }

  resetCounters(): void {
    this._syncCount = 0;
    this._requests = [];
    this._failures.clear();
    this._calls.clear();
  }

  /** @internal SyncHost */
  recordCall(name: string): void {
    this._calls.set(name, (this._calls.get(name) ?? 0) + 1);
  }

  /** @internal SyncHost: runs a context's queue atomically. */
  async runSync(context: SimContext): Promise<void> {
    for (const hook of this._syncHooks) await hook({ count: this._syncCount + 1, run: context.run });
    if (this._cellEditMode) {
      if (!context.options.delayForCellEdit) {
        context._queue = [];
        this._syncCount++;
        this._requests.push({ requestBytes: ACTION_OVERHEAD_BYTES, responseBytes: 0 });
        throw new SimExcelError(
          "InvalidOperationInCellEditMode",
          "The operation isn't available while Excel is in Edit cell mode. Please exit the edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
        );
      }
      await new Promise<void>((resume) => this._cellEditEnded.push(resume));
    }
    const ops = context._queue;
    context._queue = [];
    this._syncCount++;
    const injected = this._failures.get(this._syncCount);
    this._failures.delete(this._syncCount);
    const requestBytes = ACTION_OVERHEAD_BYTES + ops.reduce((sum, op) => sum + op.requestBytes, 0);
    // A real round trip is asynchronous: let other microtasks run, as they would while Excel works.
    await Promise.resolve();
    const record: SyncRecord = { requestBytes, responseBytes: 0 };
    this._requests.push(record);
    if (injected && (injected.afterOps <= 0 || ops.length === 0)) throw injected.error;
    if (requestBytes > this.limits.maxPayloadBytes) {
      throw new SimExcelError("RequestPayloadSizeLimitExceeded", MESSAGES.requestTooLarge, undefined, 413);
    }
    // Only a batch that writes needs a copy to roll back; reads run against the workbook itself.
    const writes = ops.some((op) => !op.readOnly);
    const tx = new Tx(writes ? structuredClone(this._state) : this._state, this);
    const settingsBefore = JSON.stringify(this._state.settings);
    const failAt = injected ? Math.min(ops.length - 1, Math.floor(ops.length * injected.afterOps)) : -1;
    try {
      ops.forEach((op, i) => {
        if (i === failAt && injected) throw injected.error;
        if (!op.readOnly && tx.wb.readOnly) throw readOnlyError("Workbook");
        op.run(tx);
      });
    } catch (error) {
      tx.abort();
      // Excel keeps what ran before the failing operation; the loads of the batch are not delivered.
      if (this.failedBatches === "partial" && writes) this._commitState(tx.wb, settingsBefore);
      throw error;
    }
    record.responseBytes = tx.responseBytes;
    if (tx.responseBytes > this.limits.maxPayloadBytes) {
      tx.abort();
      throw new SimExcelError("ResponsePayloadSizeLimitExceeded", MESSAGES.responseTooLarge, undefined, 413);
    }
    this._commitState(tx.wb, settingsBefore);
    tx.commit();
  }

  private _commitState(wb: WorkbookState, settingsBefore: string): void {
    this._state = wb;
    if (JSON.stringify(wb.settings) !== settingsBefore && this._settingsHandlers.size > 0) {
      const handlers = [...this._settingsHandlers];
      // Events reach the add-in asynchronously, after the batch that caused them.
      setTimeout(() => {
        for (const handler of handlers) void handler({ type: "SettingsChanged" });
      }, 0);
    }
  }

  /**
   * Loads an .xlsx (via ExcelJS) as the workbook, replacing the current one. `workbook.name` then reports the file
   * name given (`{ name: "sample-tracker.xlsx" }`), as Excel reports the name of the file it opened; without one,
   * Excel's "Book1.xlsx". A side channel from exportXlsx may be passed directly or as `{ sideChannel }`.
   */
  async importXlsx(data: ArrayBuffer | Uint8Array, options?: ImportXlsxOptions | SideChannel): Promise<void> {
    const { name, sideChannel } = isSideChannel(options)
      ? { name: undefined, sideChannel: options }
      : (options ?? {});
    this._state = await importWorkbook(data, sideChannel);
    if (name !== undefined) this._state.name = name;
  }

  /** Writes the workbook to .xlsx (via ExcelJS); charts and other parts ExcelJS cannot write go to lastExportSideChannel. */
  async exportXlsx(): Promise<Uint8Array> {
    const { bytes, sideChannel } = await exportWorkbook(this._state);
    this.lastExportSideChannel = sideChannel;
    return bytes;
  }

  /** Plain data of one sheet for assertions; throws when there is no such sheet (a fault in the test). */
  snapshot(sheetName: string): SheetSnapshot {
    const index = this._state.sheets.findIndex((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (index < 0) throw new Error(`No sheet named "${sheetName}". Sheets: ${this.sheetNames.join(", ")}`);
    return snapshotSheet(this._state, this._state.sheets[index], index);
  }

  /** Sheet names in tab order. */
  get sheetNames(): string[] {
    return this._state.sheets.map((s) => s.name);
  }

  /** Document settings as stored (parsed JSON). */
  get settings(): Record<string, unknown> {
    return Object.fromEntries(this._state.settings.map((s) => [s.key, JSON.parse(s.json) as unknown]));
  }

  /** Tables: name, sheet and local address. */
  get tables(): { name: string; sheet: string; range: string }[] {
    return this._state.tables.map((t) => ({
      name: t.name,
      sheet: this._state.sheets.find((s) => s.id === t.sheetId)?.name ?? "",
      range: rectAddress(t.rect),
    }));
  }

  get calculationMode(): string {
    return this._state.calculationMode;
  }

  get selection(): { sheet: string; address: string } | null {
    const sel = this._state.selection;
    if (!sel) return null;
    const sheet = this._state.sheets.find((s) => s.id === sel.sheetId);
    return sheet ? { sheet: sheet.name, address: rectAddress(sel.rect) } : null;
  }
  set selection(value: { sheet: string; address: string } | null) {
    if (value === null) {
      this._state.selection = null;
      return;
    }
    const sheet = this._sheetNamed(value.sheet);
    this._state.selection = { sheetId: sheet.id, rect: parseRect(splitSheet(value.address).local) };
    this._state.activeSheetId = sheet.id;
  }

  get activeSheet(): string {
    return this._state.sheets.find((s) => s.id === this._state.activeSheetId)?.name ?? "";
  }
  set activeSheet(name: string) {
    const sheet = this._sheetNamed(name);
    this._state.activeSheetId = sheet.id;
    this._state.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  /** File name the workbook reports (workbook.name). */
  get workbookName(): string {
    return this._state.name;
  }
  set workbookName(name: string) {
    this._state.name = name;
  }

  private _sheetNamed(name: string): WorkbookState["sheets"][number] {
    const sheet = this._state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new Error(`No sheet named "${name}".`);
    return sheet;
  }
}
