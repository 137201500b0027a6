// ExcelSim: an in-memory Excel for tests and the browser preview. It is the *host* behind Microsoft's own Office.js
// client: `run` is the client's Excel.run, whose requests (JSON, as Excel on the web receives them) the host
// answers from the workbook state. Proxies, load/sync, null objects and errors are the client's; payload limits are
// checked on the real serialised bytes; every sync applies all of its batch or nothing.
import { parseRect, rectAddress, splitSheet } from "./address";
import { SimContext, Tx, type SyncHost } from "./context";
import { MESSAGES, SimExcelError } from "./errors";
import { installExcelGlobals } from "./globals";
import { errorBody, HostSession, transportError, type RequestBody, type RichApiResponse } from "./host";
import { officeClient } from "./office-client";
import { snapshotSheet, type SheetSnapshot } from "./snapshot";
import { newWorkbook, type WorkbookState } from "./state";
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

/** Where the host says the client's requests go; never contacted. */
const HOST_URL = "https://excel.in-memory.invalid/";

const utf8 = new TextEncoder();
const byteLength = (text: string) => utf8.encode(text).length;

const PAYLOAD_CODES = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"];

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
    settle.push(() =>
      Object.defineProperty(copy, "cells", {
        value: own ?? cells,
        writable: true,
        enumerable: true,
        configurable: true,
      }),
    );
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
  private _state: WorkbookState = newWorkbook();
  private _syncCount = 0;
  private _requests: SyncRecord[] = [];
  private _failures = new Map<number, Error>();
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
  }

  /**
   * Microsoft's Excel.run against this workbook: a new RequestContext per call, whose requests go to this host.
   * Excel.run syncs what is still queued when the batch resolves, then releases the ranges it kept.
   */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const client = await officeClient();
    const session = {
      _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: HOST_URL, headers: {} }),
      _createRequestExecutorOrNull: () => this._executor(),
    };
    return client.Excel.run(session, batch) as Promise<T>;
  };

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
   * Makes the n-th sync from now (1 = the next) fail like Excel, applying nothing of its batch. A payload-size code
   * comes back as Excel on the web gives it, refusing the whole request; any other as an error of the request.
   */
  failOnSync(n: number, error?: Error): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("failOnSync counts syncs from 1");
    this._failures.set(
      this._syncCount + n,
      error ?? new SimExcelError("GeneralException", "An internal error has occurred."),
    );
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
  private _executor() {
    const session = new HostSession(new SimContext(this), (context, answer) =>
      this._execute(context, answer),
    );
    return {
      executeAsync: (_customData: unknown, _flags: number, message: { Body: unknown }) =>
        this._roundTrip(session, JSON.stringify(message.Body)),
    };
  }

  private async _roundTrip(session: HostSession, text: string): Promise<RichApiResponse> {
    const requestBytes = byteLength(text);
    const body = JSON.parse(text) as RequestBody;
    const actions = body.Actions ?? [];
    const releases = (a: (typeof actions)[number]) => a.ActionType === 3 && a.Name === "_RemoveReference";
    const cleanup = actions.some(releases) && actions.every((a) => releases(a) || a.ActionType === 1);
    const record: SyncRecord = { requestBytes, responseBytes: 0, actions: actions.length, cleanup };
    this._requests.push(record);
    this._bodies?.push(text);
    const sync = cleanup ? 0 : ++this._syncCount;
    const injected = this._failures.get(sync);
    this._failures.delete(sync);
    // A real round trip is asynchronous: let other microtasks run, as they would while Excel works.
    await Promise.resolve();
    const reply = (response: RichApiResponse): RichApiResponse => {
      const out = JSON.stringify(response);
      record.responseBytes = response.Body ? byteLength(JSON.stringify(response.Body)) : 0;
      // The client gets its own copy, as it would from the wire.
      return JSON.parse(out) as RichApiResponse;
    };
    const refused = injected ?? (cleanup ? null : this._refuse?.(body, text));
    if (refused) return reply(this._errorResponse(refused));
    if (requestBytes > this.limits.maxPayloadBytes) {
      return reply(transportError("RequestPayloadSizeLimitExceeded", MESSAGES.requestTooLarge));
    }
    try {
      const results = session.process(body);
      return reply({ HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: results });
    } catch (error) {
      return reply(this._errorResponse(error));
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
  _execute<T>(context: SimContext, answer: () => T): T {
    const ops = context._queue;
    context._queue = [];
    // Only a batch that writes needs a copy to roll back; reads run against the workbook itself.
    const writes = ops.some((op) => !op.readOnly);
    const copy = writes ? copyOnWrite(this._state) : null;
    const tx = new Tx(copy ? copy.state : this._state, this);
    try {
      for (const op of ops) {
        try {
          op.run(tx);
        } catch (error) {
          if (error && typeof error === "object" && op.actionIndex !== undefined) {
            (error as { actionIndex?: number }).actionIndex ??= op.actionIndex;
          }
          throw error;
        }
      }
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
      this._state = tx.wb;
      return out;
    } catch (error) {
      tx.abort();
      throw error;
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
    return snapshotSheet(this._state.sheets[index], index);
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
