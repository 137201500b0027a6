// The object model's machinery: proxies queue operations, and the engine runs a request's whole queue against a
// copy of the workbook, committing it (and the loaded values) only when every operation succeeded. The host
// (host.ts) drives these proxies from the requests of Microsoft's Office.js client; no test uses them directly.
import { propertyNotLoaded, simError } from "./errors";
import { SimClientResult } from "./result";
import { requireSheetEditable, type HostEnvironment } from "./sheet-ops";
import type { WorkbookState } from "./state";

/** One queued operation: what it does to the workbook copy. */
export interface Op {
  /** Left from the simulator's own size estimate; the host measures the real request instead. */
  requestBytes?: number;
  run(tx: Tx): void;
  /** True for loads and lookups, which change nothing: a batch of only these needs no copy of the workbook. */
  readOnly?: boolean;
  /** Index of the request's action that queued it, so a failure names that action (set by the host). */
  actionIndex?: number;
}

/** What the engine (the ExcelSim) provides to contexts. */
export interface SyncHost {
  readonly limits: { maxPayloadBytes: number; maxCells: number };
  /** "strict": an *OrNullObject call on a null object fails the sync instead of giving another null object. */
  readonly nullObjectCalls: "lenient" | "strict";
  /** What Excel is doing around the workbook: another workbook in front, and so on. */
  readonly environment: HostEnvironment;
  recordCall(name: string): void;
  /** settings.onSettingsChanged.add: returns the function that removes the handler. */
  addSettingsHandler(handler: (event: { type: "SettingsChanged" }) => unknown): () => void;
}

/** Proxies whose writes change a sheet's content, which sheet protection locks. */
const PROTECTED_CONTENT = /^(Range|Chart|ConditionalFormat|.*ConditionalFormat)/;

/** A sync in progress: the workbook copy, and what to do on commit or abort. */
export class Tx {
  private readonly commits: (() => void)[] = [];
  private readonly aborts: (() => void)[] = [];
  constructor(
    public wb: WorkbookState,
    readonly host: SyncHost,
  ) {}
  onCommit(fn: () => void): void {
    this.commits.push(fn);
  }
  onAbort(fn: () => void): void {
    this.aborts.push(fn);
  }
  commit(): void {
    for (const fn of this.commits) fn();
  }
  abort(): void {
    for (const fn of this.aborts) fn();
  }
}

/**
 * The object model's queue for one client RequestContext: the host turns each request's actions into calls on
 * the proxies below, which queue operations here; the engine then runs the whole queue atomically.
 */
export class SimContext {
  /** @internal */
  _queue: Op[] = [];

  constructor(readonly _host: SyncHost) {}

  /** @internal */
  _enqueue(op: Op): void {
    this._queue.push(op);
  }
}

export type LoadOption =
  string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

interface LoadRequest {
  /** Scalar properties to load; null = the default set (all scalars). */
  scalars: string[] | null;
  /** Navigation property -> nested load option. */
  navs: Map<string, string[]>;
}

function toList(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : v.split(",");
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

function parseLoad(option: LoadOption): LoadRequest {
  let paths: string[];
  if (option === undefined) paths = [];
  else if (typeof option === "string" || Array.isArray(option)) paths = toList(option);
  else paths = [...toList(option.select), ...toList(option.expand)];
  const scalars: string[] = [];
  const navs = new Map<string, string[]>();
  for (const path of paths) {
    const slash = path.indexOf("/");
    if (slash < 0) {
      scalars.push(path);
    } else {
      const head = path.slice(0, slash);
      const rest = path.slice(slash + 1);
      navs.set(head, [...(navs.get(head) ?? []), rest]);
    }
  }
  return { scalars: paths.length === 0 ? null : scalars, navs };
}

export type Reader<R> = (tx: Tx, ref: R) => unknown;

/** Anything with load(): navigation properties reachable by "a/b" load paths. */
export interface Loadable {
  load(option?: LoadOption): unknown;
}

/** What a collection needs of its items. */
export interface CollectionItem {
  _readNow(tx: Tx, names: string[] | null): Map<string, unknown>;
  _acceptLoaded(values: Map<string, unknown>, isNull: boolean): void;
}

/**
 * Base of every proxy. R is what the proxy points at once resolved (ids and rectangles, never live state),
 * null for a null object.
 */
export abstract class SimObject<R = unknown> {
  /** Name used in error locations ("Range", "Worksheet"). */
  protected abstract readonly _entity: string;
  protected readonly _loaded = new Map<string, unknown>();
  /** Bound reference; undefined until resolved in a sync. */
  protected _ref: R | null | undefined = undefined;
  /** Known only after a sync, for proxies that may be null objects. */
  private _nullKnown = false;
  private _isNull = false;

  constructor(
    readonly context: SimContext,
    /** True for *OrNullObject results. */
    protected readonly _nullable = false,
  ) {}

  /** Finds the target in the workbook copy: a reference, null (null object), or throws ItemNotFound. */
  protected abstract _locate(tx: Tx): R | null;
  /** Scalar properties this proxy can load. */
  protected abstract _readers(): Record<string, Reader<R>>;
  /** Navigation properties (objects reachable by "a/b" load paths). */
  protected _navigations(): Record<string, Loadable> {
    return {};
  }
  /** Whether the binding is fixed at first resolution (ranges, sheets) or re-evaluated every time. */
  protected _bindOnce(): boolean {
    return true;
  }

  /** @internal Resolves the target in a sync (binds it on first use). */
  _resolve(tx: Tx): R | null {
    if (!this._bindOnce()) return this._locate(tx);
    if (this._ref === undefined) {
      const ref = this._locate(tx);
      this._ref = ref;
      tx.onAbort(() => {
        this._ref = undefined;
      });
    }
    return this._ref;
  }

  /** @internal Resolves a target that must exist (writes and methods). */
  _target(tx: Tx): R {
    const ref = this._resolve(tx);
    if (ref === null) throw simError("ItemNotFound", `The requested resource doesn't exist.`, this._entity);
    return ref;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (!this._nullKnown) throw propertyNotLoaded(this._entity, "isNullObject");
    return this._isNull;
  }

  /** Queues a check of existence, so *OrNullObject proxies know isNullObject after the next sync. */
  protected _queueExistenceCheck(): void {
    this.context._enqueue({
      readOnly: true,
      run: (tx) => {
        const ref = this._resolve(tx);
        tx.onCommit(() => {
          this._nullKnown = true;
          this._isNull = ref === null;
        });
      },
    });
  }

  /** Queues resolution, so getItem on a missing item fails at sync even when nothing else uses the proxy. */
  protected _queueResolution(): void {
    this.context._enqueue({
      readOnly: true,
      run: (tx) => void this._target(tx),
    });
  }

  load(option?: LoadOption): this {
    const request = parseLoad(option);
    const readers = this._readers();
    const names = request.scalars ?? Object.keys(readers);
    for (const name of names) {
      if (!(name in readers) && !(name in this._navigations())) {
        throw simError(
          "InvalidArgument",
          `The property '${name}' does not exist on ${this._entity}.`,
          this._entity,
        );
      }
    }
    // A navigation named without a path ("format") loads its scalars, as Office.js does.
    const navNames = names.filter((n) => !(n in readers));
    const scalarNames = names.filter((n) => n in readers);
    this.context._enqueue({
      readOnly: true,
      run: (tx) => {
        const ref = this._resolve(tx);
        const values = new Map<string, unknown>();
        if (ref !== null) for (const name of scalarNames) values.set(name, readers[name](tx, ref));
        tx.onCommit(() => {
          if (this._nullable) {
            this._nullKnown = true;
            this._isNull = ref === null;
          }
          for (const [k, v] of values) this._loaded.set(k, v);
        });
      },
    });
    const navs = this._navigations();
    for (const name of navNames) navs[name].load();
    for (const [name, rest] of request.navs) {
      const child = navs[name];
      if (!child)
        throw simError("InvalidArgument", `The property '${name}' does not exist on ${this._entity}.`);
      child.load(rest);
    }
    return this;
  }

  /** Reads a loaded (or locally set) property, throwing PropertyNotLoaded like Office.js. */
  protected _get<V>(name: string): V {
    if (this._loaded.has(name)) return this._loaded.get(name) as V;
    if (this._nullKnown && this._isNull) return undefined as V;
    throw propertyNotLoaded(this._entity, name);
  }

  /** Sets a property: readable locally at once (as in Office.js), applied to the workbook at sync. */
  protected _set(name: string, value: unknown, apply: (tx: Tx, ref: R) => void): void {
    this._loaded.set(name, value);
    this._queue(0, apply);
  }

  /** Queues a method call or write on a target that must exist. */
  protected _queue(_requestBytes: number, apply: (tx: Tx, ref: R) => void): void {
    this.context._enqueue({
      run: (tx) => {
        const ref = this._target(tx);
        this._beforeWrite(tx, ref);
        apply(tx, ref);
      },
    });
  }

  /** Checked before every write through this proxy: the cells, formats and charts of a protected sheet are locked. */
  protected _beforeWrite(tx: Tx, ref: R): void {
    if (!PROTECTED_CONTENT.test(this._entity)) return;
    const sheetId = (ref as { sheetId?: unknown } | null)?.sheetId;
    const sheet = typeof sheetId === "string" ? tx.wb.sheets.find((s) => s.id === sheetId) : undefined;
    if (sheet) requireSheetEditable(sheet, this._entity);
  }

  /** Queues a method whose value is read back (getCount and the like). */
  protected _result<V>(compute: (tx: Tx, ref: R) => V): SimClientResult<V> {
    const result = new SimClientResult<V>();
    this.context._enqueue({
      readOnly: true,
      run: (tx) => {
        const value = compute(tx, this._target(tx));
        tx.onCommit(() => result._resolve(value));
      },
    });
    return result;
  }

  /** @internal Marks loaded values directly (collections filling their items). */
  _acceptLoaded(values: Map<string, unknown>, isNull: boolean): void {
    if (this._nullable) {
      this._nullKnown = true;
      this._isNull = isNull;
    }
    for (const [k, v] of values) this._loaded.set(k, v);
  }

  /** @internal Reads the given scalars now, inside a sync. */
  _readNow(tx: Tx, names: string[] | null): Map<string, unknown> {
    const readers = this._readers();
    const ref = this._target(tx);
    const values = new Map<string, unknown>();
    for (const name of names ?? Object.keys(readers)) {
      const reader = readers[name];
      if (!reader)
        throw simError("InvalidArgument", `The property '${name}' does not exist on ${this._entity}.`);
      values.set(name, reader(tx, ref));
    }
    return values;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** @internal For the host: whether this is an *OrNullObject result. */
  _isNullable(): boolean {
    return this._nullable;
  }
  /** @internal For the host: what the proxy is bound to (undefined before its first sync, null for a null object). */
  _boundRef(): R | null | undefined {
    return this._ref;
  }
  /** @internal For the host: the scalar properties a plain load() gives. */
  _scalarNames(): string[] {
    return Object.keys(this._readers());
  }
  /** @internal */
  _hasLoaded(name: string): boolean {
    return this._loaded.has(name);
  }
  /** @internal */
  _loadedValue(name: string): unknown {
    return this._loaded.get(name);
  }
}

/**
 * A collection proxy: `items` is available after load. Item proxies are created at sync, bound to their target.
 */
export abstract class SimCollection<I extends CollectionItem, R = unknown> extends SimObject<R> {
  private _items: I[] | undefined;
  /** Creates an item proxy bound to the index-th member of the collection in the workbook copy. */
  protected abstract _members(tx: Tx, ref: R): I[];

  protected override _readers(): Record<string, Reader<R>> {
    return {};
  }

  get items(): I[] {
    if (this._items === undefined) throw propertyNotLoaded(this._entity, "items");
    return this._items;
  }

  override load(option?: LoadOption): this {
    // On a collection, "name" and "items/name" both mean: load name on every item.
    let select: string[] | null;
    if (option === undefined) select = null;
    else {
      const list =
        typeof option === "string" || Array.isArray(option)
          ? toList(option)
          : [...toList(option.select), ...toList(option.expand)];
      select = list.map((p) => (p.startsWith("items/") ? p.slice(6) : p)).filter((p) => p !== "items");
      if (select.length === 0) select = null;
      const nested = select?.find((p) => p.includes("/"));
      // Better a loud refusal than items that silently lack what was asked for.
      if (nested)
        throw simError(
          "NotImplemented",
          `The simulator does not load nested paths through collections ('${nested}').`,
        );
    }
    this.context._enqueue({
      readOnly: true,
      run: (tx) => {
        const ref = this._target(tx);
        const members = this._members(tx, ref);
        const loaded = members.map((m) => m._readNow(tx, select));
        tx.onCommit(() => {
          members.forEach((m, i) => m._acceptLoaded(loaded[i], false));
          this._items = members;
        });
      },
    });
    return this;
  }
}

/** What a part or a collection hanging off another proxy is found through: its owner, found again in every sync. */
export interface Owner<R> {
  _target(tx: Tx): R;
}

/**
 * A proxy with no identity of its own, found through its owner in every sync: a range's format, font and borders,
 * a chart's title and axes, a sheet's page layout and protection.
 */
export abstract class SimPart<R, O extends Owner<R> = Owner<R>> extends SimObject<R> {
  constructor(
    context: SimContext,
    protected readonly _owner: O,
  ) {
    super(context);
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): R | null {
    return this._owner._target(tx);
  }
}

/** A collection found through its owner in every sync: a sheet's charts and custom properties, a range's borders. */
export abstract class SimPartCollection<
  I extends CollectionItem,
  R,
  O extends Owner<R> = Owner<R>,
> extends SimCollection<I, R> {
  constructor(
    context: SimContext,
    protected readonly _owner: O,
  ) {
    super(context);
  }
  protected override _bindOnce(): boolean {
    return false;
  }
  protected _locate(tx: Tx): R | null {
    return this._owner._target(tx);
  }
}
