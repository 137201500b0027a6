// ExcelSim: an in-memory Excel for tests and the browser preview. It is the *host* behind Microsoft's own Office.js
// client: `run` is the client's Excel.run, whose requests (JSON, as Excel on the web receives them) the host
// answers from the workbook state. Proxies, load/sync, null objects and errors are the client's; payload limits are
// checked on the real serialised bytes; every sync applies all of its batch or nothing.
import { parseRect, splitSheet } from "./address";
import { SimContext, Tx, type SyncHost } from "./context";
import { MESSAGES, SimExcelError } from "./errors";
import { installExcelGlobals } from "./globals";
import { cellAt } from "./helpers";
import {
  errorBody,
  HostSession,
  isCleanup,
  transportError,
  type HostSessionInfo,
  type RequestBody,
  type RichApiResponse,
} from "./host";
import { officeClient } from "./office-client";
import { shownValue } from "./references";
import { readOnlyError, type HostEnvironment } from "./sheet-ops";
import { selectionOf, settingsOf, sheetNamed, snapshotSheet, tablesOf, type SheetSnapshot } from "./snapshot";
import { copyOnWrite, newWorkbook, type CellValue, type WorkbookState } from "./state";
import type { SideChannel } from "./xlsx";
import {
  isSideChannel,
  type ExcelSimOptions,
  type ImportXlsxOptions,
  type SimRun,
  type SimRunOptions,
  type SimSettingsChangedEvent,
  type SyncHook,
  type SyncRecord,
} from "./types";

/**
 * The .xlsx import and export (ExcelJS), loaded when first used: most runs of the simulator never open or save a
 * file, and ExcelJS is about 0.3 s of CPU to load (in every jest test file that uses the simulator). Bundled with
 * the rest ("eager": no chunk of its own), so the preview page loads as before.
 */
const xlsx = () => import(/* webpackMode: "eager" */ "./xlsx");

export { MESSAGES, SimExcelError } from "./errors";
export type { RequestBody } from "./host";
export { installExcelGlobals } from "./globals";
export { setOfficeClient, type OfficeClient } from "./office-client";
export type { SheetSnapshot } from "./snapshot";
export type { SideChannel } from "./xlsx";
export type * from "./types";

/** Where the host says the client's requests go; never contacted. */
const HOST_URL = "https://excel.in-memory.invalid/";

const utf8 = new TextEncoder();
const byteLength = (text: string) => utf8.encode(text).length;

const PAYLOAD_CODES = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"];

/** The request flag Excel.run sets for { delayForCellEdit: true } (office.js onBeforeExcelRun). */
const DELAY_FOR_CELL_EDIT_FLAG = 64;

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
    sheetNamed(this._state, name).protected = on;
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
    const sheet = sheetNamed(this._state, sheetName);
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
              return transportError("InvalidOperationInCellEditMode", MESSAGES.cellEditMode);
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
    const { importWorkbook } = await xlsx();
    this._state = await importWorkbook(data, sideChannel);
    if (name !== undefined) this._state.name = name;
  }

  /** Writes the workbook to .xlsx (via ExcelJS); charts and other parts ExcelJS cannot write go to lastExportSideChannel. */
  async exportXlsx(): Promise<Uint8Array> {
    const { exportWorkbook } = await xlsx();
    const { bytes, sideChannel } = await exportWorkbook(this._state);
    this.lastExportSideChannel = sideChannel;
    return bytes;
  }

  /** Plain data of one sheet for assertions; throws when there is no such sheet (a fault in the test). */
  snapshot(sheetName: string): SheetSnapshot {
    const sheet = sheetNamed(this._state, sheetName);
    return snapshotSheet(this._state, sheet, this._state.sheets.indexOf(sheet));
  }

  /** Sheet names in tab order. */
  get sheetNames(): string[] {
    return this._state.sheets.map((s) => s.name);
  }

  /** Document settings as stored (parsed JSON). */
  get settings(): Record<string, unknown> {
    return settingsOf(this._state);
  }

  /** Tables: name, sheet and local address. */
  get tables(): { name: string; sheet: string; range: string }[] {
    return tablesOf(this._state);
  }

  get calculationMode(): string {
    return this._state.calculationMode;
  }

  get selection(): { sheet: string; address: string } | null {
    return selectionOf(this._state);
  }
  set selection(value: { sheet: string; address: string } | null) {
    if (value === null) {
      this._state.selection = null;
      return;
    }
    const sheet = sheetNamed(this._state, value.sheet);
    this._state.selection = { sheetId: sheet.id, rect: parseRect(splitSheet(value.address).local) };
    this._state.activeSheetId = sheet.id;
  }

  get activeSheet(): string {
    return this._state.sheets.find((s) => s.id === this._state.activeSheetId)?.name ?? "";
  }
  set activeSheet(name: string) {
    const sheet = sheetNamed(this._state, name);
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
}
