// ExcelSim: an in-memory Excel for tests and the browser preview. It is the *host* behind Microsoft's own Office.js
// client: `run` is the client's Excel.run, whose requests (JSON, as Excel on the web receives them) the host
// answers from the workbook state. Proxies, load/sync, null objects and errors are the client's; payload limits are
// checked on the real serialised bytes; every sync applies all of its batch or nothing.
import { parseRect, rectAddress, splitSheet } from "./address";
import { SimContext, Tx, type SyncHost } from "./context";
import { MESSAGES, SimExcelError } from "./errors";
import { installExcelGlobals } from "./globals";
import { cellAt } from "./helpers";
import { errorBody, HostSession, transportError, type RequestBody, type RichApiResponse } from "./host";
import { officeClient } from "./office-client";
import { shownValue } from "./references";
import { readOnlyError, type HostEnvironment } from "./sheet-ops";
import { snapshotSheet, type SheetSnapshot } from "./snapshot";
import { newWorkbook, PEEK_CELLS, type CellValue, type WorkbookState } from "./state";
import { exportWorkbook, importWorkbook, type SideChannel } from "./xlsx";

export { MESSAGES, SimExcelError } from "./errors";
export type { RequestBody } from "./host";
export { EXCEL_ENUMS, installExcelGlobals } from "./globals";
export { setOfficeClient, type OfficeClient } from "./office-client";
export type { SheetSnapshot, CellSnapshot } from "./snapshot";
export type { SideChannel } from "./xlsx";

export interface ExcelSimOptions {
  /** Largest request or response a sync may carry, in bytes of its JSON (Excel on the web: 5 MB). */
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

/** Excel.run's options that the simulator honours (passed to the client's Excel.run). */
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
export type SyncHook = (sync: {
  count: number;
  run: number;
  context: Excel.RequestContext;
}) => void | Promise<void>;

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

/** One round trip from the client: the real sizes of its request and response. */
export interface SyncRecord {
  /** UTF-8 bytes of the request body, JSON.stringify(message.Body), as Excel on the web receives it. */
  requestBytes: number;
  /** UTF-8 bytes of the response body's JSON. */
  responseBytes: number;
  /** Actions in the request. */
  actions: number;
  /**
   * True for the request Excel.run sends after the batch to release the ranges it kept (only _RemoveReference
   * actions). It is not a context.sync(), and Office does not wait for it.
   */
  cleanup: boolean;
}

/** The session object the client is given: its hooks for hosts, and the context it ended up with. */
interface HostSessionInfo {
  _resolveRequestUrlAndHeaderInfo(): Promise<{ url: string; headers: Record<string, string> }>;
  _createRequestExecutorOrNull(): unknown;
  getEventRegistration(): unknown;
  context?: Excel.RequestContext;
}

/** Whether a request only releases the ranges Excel.run kept (its closing cleanup, not a sync). */
function isCleanup(text: string): boolean {
  const actions = (JSON.parse(text) as RequestBody).Actions ?? [];
  const releases = (a: (typeof actions)[number]) => a.ActionType === 3 && a.Name === "_RemoveReference";
  return actions.some(releases) && actions.every((a) => releases(a) || a.ActionType === 1);
}

/** Where the host says the client's requests go; never contacted. */
const HOST_URL = "https://excel.in-memory.invalid/";

const utf8 = new TextEncoder();
const byteLength = (text: string) => utf8.encode(text).length;

const PAYLOAD_CODES = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"];

/** The request flag Excel.run sets for { delayForCellEdit: true } (office.js onBeforeExcelRun). */
const DELAY_FOR_CELL_EDIT_FLAG = 64;

const CELL_EDIT_MESSAGE =
  "The operation isn't available while Excel is in Edit cell mode. Please exit the edit mode by using the Enter or " +
  "Tab keys, or by selecting another cell, and then try again.";

/**
 * A copy of the workbook for a sync that writes, whose sheets' cells are copied only when the sync first reaches
 * them: a 200,000-row tracker is not copied whole for a write that only builds the summary's sheets. `keep()` turns
 * the copy into plain state when the sync succeeds (cells never reached are the same, unchanged, maps).
 */
function copyOnWrite(state: WorkbookState): { state: WorkbookState; keep(): void } {
  const settle: (() => void)[] = [];
  const sheets = state.sheets.map((sheet) => {
    const { cells, ...rest } = sheet;
    const copy = structuredClone(rest) as WorkbookState["sheets"][number];
    let own: typeof cells | null = null;
    Object.defineProperty(copy, "cells", {
      configurable: true,
      enumerable: true,
      get: () => (own ??= structuredClone(cells)),
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
  private _bodies: string[] | null = null;
  private _refuse: ((body: RequestBody, text: string) => Error | null | undefined) | null = null;
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
   * Microsoft's Excel.run against this workbook: a new RequestContext per call, whose requests go to this host.
   * Excel.run syncs what is still queued when the batch resolves, then releases the ranges it kept.
   */
  run: SimRun = (async <T>(
    first: SimRunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const batch =
      typeof first === "function" ? first : (second as (context: Excel.RequestContext) => Promise<T>);
    const options = typeof first === "function" ? {} : first;
    const client = await officeClient();
    // The client's own hook for hosts: a session (one of its SessionBase, so that events register with it too)
    // that names where requests go and gives the executor they go through.
    const base = client.OfficeExtension?.SessionBase?.prototype ?? Object.prototype;
    const session = Object.create(base) as HostSessionInfo;
    const executor = this._executor(session, ++this._runs);
    session._resolveRequestUrlAndHeaderInfo = () => Promise.resolve({ url: HOST_URL, headers: {} });
    session._createRequestExecutorOrNull = () => executor;
    session.getEventRegistration = () => this._eventRegistration();
    const body = (context: Excel.RequestContext) => {
      session.context = context;
      return batch(context);
    };
    const result = client.Excel.run(
      { ...options, session },
      body as (c: Excel.RequestContext) => Promise<unknown>,
    );
    return (await result) as T;
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

  /**
   * The event registration the client asks its session for (context.eventRegistration): Office's events, such as
   * SettingsChanged (office.js's eventId 1), reach the handlers the client registers here.
   */
  private _eventRegistration() {
    const removers = new Map<unknown, () => void>();
    return {
      register: (_eventId: number, _targetId: string, handler: (args: unknown) => void) => {
        removers.set(
          handler,
          this.addSettingsHandler((event) => handler(event)),
        );
        return Promise.resolve();
      },
      unregister: (_eventId: number, _targetId: string, handler: (args: unknown) => void) => {
        removers.get(handler)?.();
        removers.delete(handler);
        return Promise.resolve();
      },
    };
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

  /** The real size of every round trip, failed ones included, in order. */
  get requests(): readonly SyncRecord[] {
    return this._requests;
  }

  /** Keeps the text of every request from now on (for tests that look at what was sent); see `requestBodies`. */
  recordRequestBodies(): void {
    this._bodies = [];
  }

  /** Request bodies since recordRequestBodies(), as sent. */
  get requestBodies(): readonly string[] {
    return this._bodies ?? [];
  }

  /** How many times an application call was made and committed (e.g. "suspendApiCalculationUntilNextSync"). */
  callCount(name: string): number {
    return this._calls.get(name) ?? 0;
  }

  /**
   * Makes the n-th sync from now (1 = the next) fail like Excel: before any of its operations, or, with
   * `partway`, after that share of them (0.5: half way), so a "partial" simulator keeps what ran. A payload-size
   * code comes back as Excel on the web gives it, refusing the whole request; any other as an error of the request.
   */
  failOnSync(n: number, error?: Error, options: { partway?: number } = {}): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("failOnSync counts syncs from 1");
    this._failures.set(this._syncCount + n, {
      error: error ?? new SimExcelError("GeneralException", "An internal error has occurred."),
      afterOps: options.partway ?? 0,
    });
  }

  /**
   * Refuses every request for which `refuse` returns an error, as failOnSync refuses one (null: answer as usual).
   * For failures that must happen whatever the requests are cut into; `refuseRequests(null)` stops it.
   */
  refuseRequests(refuse: ((body: RequestBody, text: string) => Error | null | undefined) | null): void {
    this._refuse = refuse;
  }

  resetCounters(): void {
    this._syncCount = 0;
    this._requests = [];
    this._failures.clear();
    this._calls.clear();
    if (this._bodies) this._bodies = [];
  }

  /** @internal SyncHost */
  recordCall(name: string): void {
    this._calls.set(name, (this._calls.get(name) ?? 0) + 1);
  }

  /** The client's request executor for one RequestContext (IRequestExecutor.executeAsync). */
  private _executor(info: HostSessionInfo, run: number) {
    let failure: { error: Error; afterOps: number } | undefined;
    const session = new HostSession(new SimContext(this), (context, answer) =>
      this._execute(context, answer, failure),
    );
    return {
      executeAsync: async (_customData: unknown, flags: number, message: { Body: unknown }) => {
        const text = JSON.stringify(message.Body);
        const cleanup = isCleanup(text);
        if (!cleanup) {
          for (const hook of this._syncHooks) {
            await hook({ count: this._syncCount + 1, run, context: info.context as Excel.RequestContext });
          }
          if (this._cellEditMode) {
            if (!(flags & DELAY_FOR_CELL_EDIT_FLAG)) {
              this._syncCount++;
              this._requests.push({ requestBytes: byteLength(text), responseBytes: 0, actions: 0, cleanup });
              return transportError("InvalidOperationInCellEditMode", CELL_EDIT_MESSAGE);
            }
            await new Promise<void>((resume) => this._cellEditEnded.push(resume));
          }
        }
        return this._roundTrip(session, text, (f) => (failure = f));
      },
    };
  }

  private async _roundTrip(
    session: HostSession,
    text: string,
    setFailure: (f: { error: Error; afterOps: number } | undefined) => void,
  ): Promise<RichApiResponse> {
    const requestBytes = byteLength(text);
    const body = JSON.parse(text) as RequestBody;
    const actions = body.Actions ?? [];
    const cleanup = isCleanup(text);
    const record: SyncRecord = { requestBytes, responseBytes: 0, actions: actions.length, cleanup };
    this._requests.push(record);
    this._bodies?.push(text);
    const sync = cleanup ? 0 : ++this._syncCount;
    const injected = this._failures.get(sync);
    this._failures.delete(sync);
    // A real round trip takes time: let other work run meanwhile (another run's requests reach Excel first).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const reply = (response: RichApiResponse): RichApiResponse => {
      const out = JSON.stringify(response);
      record.responseBytes = response.Body ? byteLength(JSON.stringify(response.Body)) : 0;
      // The client gets its own copy, as it would from the wire.
      return JSON.parse(out) as RichApiResponse;
    };
    // A failure part-way lets the first share of the batch run (and stay, in a "partial" simulator).
    const partway = injected && injected.afterOps > 0 ? injected : undefined;
    const refused = (partway ? null : injected?.error) ?? (cleanup ? null : this._refuse?.(body, text));
    if (refused) return reply(this._errorResponse(refused));
    setFailure(partway);
    if (requestBytes > this.limits.maxPayloadBytes) {
      return reply(transportError("RequestPayloadSizeLimitExceeded", MESSAGES.requestTooLarge));
    }
    try {
      const results = session.process(body);
      return reply({ HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: results });
    } catch (error) {
      return reply(this._errorResponse(error));
    } finally {
      setFailure(undefined);
    }
  }

  private _errorResponse(error: unknown): RichApiResponse {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && PAYLOAD_CODES.includes(code)) {
      return transportError(code, (error as Error).message);
    }
    // Anything that is not an Excel error is a fault of the simulator: let it surface rather than pass as Excel's.
    if (typeof code !== "string") throw error;
    return { HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: errorBody(error) };
  }

  /**
   * @internal Runs a context's queue atomically: every operation against a copy of the workbook, then `answer`
   * (which reads what was loaded); the copy is kept only when all of it succeeded and the answer fits the limit.
   */
  _execute<T>(context: SimContext, answer: () => T, failure?: { error: Error; afterOps: number }): T {
    const ops = context._queue;
    context._queue = [];
    // Only a batch that writes needs a copy to roll back; reads run against the workbook itself.
    const writes = ops.some((op) => !op.readOnly);
    const copy = writes ? copyOnWrite(this._state) : null;
    const tx = new Tx(copy ? copy.state : this._state, this);
    const settingsBefore = JSON.stringify(this._state.settings);
    const failAt = failure ? Math.min(ops.length - 1, Math.floor(ops.length * failure.afterOps)) : -1;
    let ran = false;
    try {
      ops.forEach((op, i) => {
        try {
          if (i === failAt && failure) throw failure.error;
          if (!op.readOnly && tx.wb.readOnly) throw readOnlyError("Workbook");
          op.run(tx);
          ran = ran || !op.readOnly;
        } catch (error) {
          if (error && typeof error === "object" && op.actionIndex !== undefined) {
            (error as { actionIndex?: number }).actionIndex ??= op.actionIndex;
          }
          throw error;
        }
      });
      if (failure && ops.length === 0) throw failure.error;
      tx.commit();
      const out = answer();
      const bytes = byteLength(JSON.stringify(out));
      if (bytes > this.limits.maxPayloadBytes) {
        throw new SimExcelError(
          "ResponsePayloadSizeLimitExceeded",
          MESSAGES.responseTooLarge,
          undefined,
          400,
        );
      }
      copy?.keep();
      this._commitState(tx.wb, settingsBefore);
      return out;
    } catch (error) {
      tx.abort();
      // Excel keeps what ran before the failing operation; the loads of the batch are not delivered.
      if (this.failedBatches === "partial" && copy && ran) {
        copy.keep();
        this._commitState(tx.wb, settingsBefore);
      }
      throw error;
    }
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
