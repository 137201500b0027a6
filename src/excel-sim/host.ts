// The in-memory Excel as a host behind Microsoft's own Office.js client: it answers the JSON requests that
// Excel.RequestContext sends (object paths and actions) from the workbook state, in the shape the client expects.
// The proxies, load/sync, null objects, PropertyNotLoaded, error objects and request sizes are then the client's.
//
// Request body (what Excel on the web receives: JSON.stringify(message.Body)):
//   { AutoKeepReference, Actions: [{ Id, ActionType, Name, ObjectPathId, ArgumentInfo?, QueryInfo? }],
//     ObjectPaths: { [id]: { Id, ObjectPathType, Name, ParentObjectPathId?, ArgumentInfo? } } }
// Response: { HttpStatusCode, ErrorCode, ErrorMessage, Headers, Body: { Results: [{ ActionId, Value }], Error? } },
// read by ClientRequestContext.processRequestExecutorResponseMessage in the client library.
import { SimCollection, SimObject, type SimContext } from "./context";
import { SimExcelError, simError } from "./errors";
import { SimRange } from "./range";
import { SimClientResult } from "./result";
import { SimTable } from "./table";
import { SimWorkbook } from "./workbook";
import { SimWorksheet } from "./worksheet";

/** OfficeExtension's ObjectPathType. */
const PathType = {
  GlobalObject: 1,
  NewObject: 2,
  Method: 3,
  Property: 4,
  Indexer: 5,
  ReferenceId: 6,
  NullObject: 7,
} as const;

/** OfficeExtension's ActionType. */
const ActionType = {
  Instantiate: 1,
  Query: 2,
  Method: 3,
  SetProperty: 4,
  Trace: 5,
} as const;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** Per argument: 0, an object path id, or (for an array argument) a nested list of the same. */
  ReferencedObjectPathIds?: unknown[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ResponseBody {
  Results: { ActionId: number; Value?: unknown }[];
  /** Trace actions the batch reached: the client registers event handlers added in it only once they are. */
  TraceIds?: number[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; Location?: string; ActionIndex: number };
}

/** What an IRequestExecutor resolves with (RichApiMessageUtility.buildResponseOnSuccess/OnError). */
export interface RichApiResponse {
  HttpStatusCode: number;
  ErrorCode: string;
  ErrorMessage: string;
  Headers: Record<string, string>;
  Body: ResponseBody | null;
}

/** HTTP status that goes with each error code in an error response. */
const STATUS: Record<string, number> = {
  AccessDenied: 403,
  ApiNotFound: 404,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidOperation: 400,
  InvalidReference: 400,
  InvalidSelection: 400,
  ItemAlreadyExists: 409,
  ItemNotFound: 404,
  NotImplemented: 501,
  RangeExceedsLimit: 400,
};

/** An error tagged with the index of the action it belongs to. */
interface Located {
  actionIndex?: number;
}

/** Capitalised member name as the client sends it ("GetRange") -> the object model's ("getRange"). */
function memberName(name: string): string {
  if (name.startsWith("_")) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Object model name -> the capitalised key the client reads from a result ("values" -> "Values"). */
function resultKey(name: string): string {
  if (name.startsWith("_")) return name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function notImplemented(what: string): SimExcelError {
  return new SimExcelError("NotImplemented", `The in-memory Excel does not implement ${what}.`, what);
}

function invalidPath(id: number): SimExcelError {
  return new SimExcelError(
    "InvalidObjectPath",
    `The object path '${id}' isn't working for what you're trying to do.`,
  );
}

function entityOf(target: unknown): string {
  const name = (target as { constructor?: { name?: string } } | null)?.constructor?.name ?? "Object";
  return name.replace(/^Sim/, "");
}

/**
 * The identity the client uses to address an object in later requests (OfficeExtension rewrites an object path
 * to getItem(Id) once a result carries one): worksheets and tables, whose collections take an id in getItem.
 */
function identity(target: unknown): Record<string, unknown> {
  if (target instanceof SimWorksheet) {
    const ref = target._boundRef() as { sheetId?: string } | null | undefined;
    if (ref?.sheetId) return { Id: ref.sheetId };
  }
  if (target instanceof SimTable) {
    const ref = target._boundRef() as { tableId?: string } | null | undefined;
    if (ref?.tableId) return { Id: ref.tableId };
  }
  return {};
}

/** Property names the client sends under another name than the API's (its customisation code, office.js _CC). */
const SET_ALIASES: Record<string, string> = { Gridlines: "showGridlines", Headings: "showHeadings" };

/**
 * One client RequestContext's conversation with the host. Objects the client keeps across requests (ranges it
 * holds by reference id, null objects) are remembered here; every other object path is evaluated afresh in each
 * request, as Excel evaluates it.
 */
export class HostSession {
  private readonly byReference = new Map<string, unknown>();
  private readonly nullPaths = new Map<number, unknown>();
  private nextReference = 1;

  constructor(
    readonly context: SimContext,
    private readonly execute: <T>(context: SimContext, answer: () => T) => T,
  ) {}

  /** Answers one request; nothing of it is applied when any action fails. */
  process(body: RequestBody): ResponseBody {
    const objects = new Map<number, unknown>();
    const kept = new Set<number>();
    const workbook = new SimWorkbook(this.context);

    const argumentsOf = (info: ArgumentInfo | undefined): unknown[] => {
      const args = [...(info?.Arguments ?? [])];
      const refs = info?.ReferencedObjectPathIds ?? [];
      const substitute = (value: unknown, ref: unknown): unknown => {
        if (typeof ref === "number" && ref !== 0) return materialize(ref);
        if (Array.isArray(ref) && Array.isArray(value)) return value.map((v, i) => substitute(v, ref[i]));
        if (value && typeof value === "object" && !Array.isArray(value)) {
          const path = (value as { _ObjectPathId?: unknown })._ObjectPathId;
          if (typeof path === "number") return materialize(path);
        }
        // Office.js sends null for an argument not given; the object model's defaults apply then.
        return value === null ? undefined : value;
      };
      return args.map((value, i) => substitute(value, refs[i]));
    };

    const call = (target: unknown, name: string, args: unknown[]): unknown => {
      const member = memberName(name);
      // Methods of Excel's own that the client calls on its users' behalf.
      if (member === "_GetSheetById") return workbook.worksheets.getItem(String(args[0]));
      if (member === "_ValidateArraySize" && target instanceof SimRange) {
        // Office.js sends a big values/formulas/numberFormat array in chunks of rows, checking the size first.
        this.context._enqueue({
          readOnly: true,
          run: (tx) => {
            const { rect } = target._target(tx);
            if (rect.rows !== args[0] || rect.cols !== args[1]) {
              throw simError(
                "InvalidArgument",
                "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
                "Range._ValidateArraySize",
              );
            }
          },
        });
        return undefined;
      }
      const fn = (target as Record<string, unknown> | null)?.[member];
      if (typeof fn !== "function") throw notImplemented(`${entityOf(target)}.${member}()`);
      return (fn as (...a: unknown[]) => unknown).apply(target, args);
    };

    const materialize = (id: number): unknown => {
      if (objects.has(id)) return objects.get(id);
      const info = body.ObjectPaths[String(id)];
      if (!info) throw invalidPath(id);
      const parent = () => {
        if (info.ParentObjectPathId === undefined) throw invalidPath(id);
        return materialize(info.ParentObjectPathId);
      };
      let target: unknown;
      switch (info.ObjectPathType) {
        case PathType.GlobalObject:
          target = workbook;
          break;
        case PathType.Property: {
          const owner = parent() as Record<string, unknown>;
          const member = memberName(info.Name);
          if (!(member in owner)) throw notImplemented(`${entityOf(owner)}.${member}`);
          target = owner[member];
          break;
        }
        case PathType.Method:
          target = call(parent(), info.Name, argumentsOf(info.ArgumentInfo));
          // A method the object model gives nothing back from (pageBreaks.add): Office.js still holds an object.
          if (target === undefined) target = { unmodelledResultOf: `${entityOf(parent())}.${info.Name}` };
          break;
        case PathType.Indexer:
          target = call(parent(), "getItem", argumentsOf(info.ArgumentInfo));
          break;
        case PathType.ReferenceId:
          if (!this.byReference.has(info.Name)) throw invalidPath(id);
          target = this.byReference.get(info.Name);
          break;
        case PathType.NullObject:
          if (!this.nullPaths.has(id)) throw invalidPath(id);
          target = this.nullPaths.get(id);
          break;
        default:
          throw notImplemented(`object paths of type ${info.ObjectPathType}`);
      }
      if (!(target instanceof SimObject) && !(target && typeof target === "object")) {
        throw notImplemented(`${info.Name} as an object`);
      }
      objects.set(id, target);
      return target;
    };

    // Queue every action against the object model, noting which action each queued operation came from.
    type Answer = () => { ActionId: number; Value?: unknown } | null;
    const answers: Answer[] = [];
    const traces: number[] = [];
    const actions = body.Actions ?? [];
    actions.forEach((action, index) => {
      const before = this.context._queue.length;
      try {
        if (action.ActionType === ActionType.Trace) traces.push(action.Id);
        answers.push(...this.queueAction(action, materialize, argumentsOf, call, kept));
      } catch (error) {
        // Refused before anything ran: the request applies nothing.
        this.context._queue = [];
        throw located(error, index);
      }
      for (let i = before; i < this.context._queue.length; i++) this.context._queue[i].actionIndex = index;
    });

    return this.execute(this.context, () => {
      const results: ResponseBody["Results"] = [];
      for (const answer of answers) {
        const result = answer();
        if (result) results.push(result);
      }
      // What the client will refer to by id or as a null object in later requests.
      for (const [id, target] of objects) {
        if (kept.has(id) && !isNull(target)) this.referenceOf(target);
        if (isNull(target)) this.nullPaths.set(id, target);
      }
      return { Results: results, ...(traces.length ? { TraceIds: traces } : {}) };
    });
  }

  /** Reference id of a kept object (a Range the client holds across syncs inside Excel.run). */
  private referenceOf(target: unknown): string {
    for (const [id, held] of this.byReference) if (held === target) return id;
    const id = `{host-ref-${this.nextReference++}}`;
    this.byReference.set(id, target);
    return id;
  }

  private queueAction(
    action: ActionInfo,
    materialize: (id: number) => unknown,
    argumentsOf: (info: ArgumentInfo | undefined) => unknown[],
    call: (target: unknown, name: string, args: unknown[]) => unknown,
    kept: Set<number>,
  ): (() => { ActionId: number; Value?: unknown } | null)[] {
    switch (action.ActionType) {
      case ActionType.Instantiate: {
        const target = materialize(action.ObjectPathId);
        return [
          () => {
            const nullable = target instanceof SimObject && target._isNullable();
            const keep = kept.has(action.ObjectPathId);
            const id = identity(target);
            if (isNull(target)) return { ActionId: action.Id, Value: null };
            if (!nullable && !keep && Object.keys(id).length === 0) return null;
            const value: Record<string, unknown> = { ...id };
            if (keep) value._ReferenceId = this.referenceOf(target);
            return { ActionId: action.Id, Value: value };
          },
        ];
      }
      case ActionType.Query: {
        const target = materialize(action.ObjectPathId);
        const select = action.QueryInfo?.Select;
        const expand = action.QueryInfo?.Expand ?? [];
        const paths = select && select.length && !select.includes("*") ? [...select, ...expand] : expand;
        if (!(target instanceof SimObject)) throw notImplemented(`loading ${entityOf(target)}`);
        target.load(paths.length ? paths : undefined);
        return [() => ({ ActionId: action.Id, Value: queryValue(target, paths.length ? paths : null) })];
      }
      case ActionType.Method: {
        const target = materialize(action.ObjectPathId);
        if (action.Name === "_KeepReference") {
          kept.add(action.ObjectPathId);
          return [];
        }
        if (action.Name === "_RemoveReference") {
          const [reference] = argumentsOf(action.ArgumentInfo);
          this.byReference.delete(String(reference));
          return [];
        }
        const returned = call(target, action.Name, argumentsOf(action.ArgumentInfo));
        if (returned instanceof SimClientResult) {
          return [() => ({ ActionId: action.Id, Value: returned.value as unknown })];
        }
        return [];
      }
      case ActionType.SetProperty: {
        const target = materialize(action.ObjectPathId) as Record<string, unknown>;
        const member = SET_ALIASES[action.Name] ?? memberName(action.Name);
        const descriptor = findSetter(target, member);
        if (!descriptor) throw notImplemented(`setting ${entityOf(target)}.${member}`);
        const [value] = argumentsOf(action.ArgumentInfo);
        target[member] = value;
        return [];
      }
      case ActionType.Trace:
        return [];
      default:
        throw notImplemented(`actions of type ${action.ActionType}`);
    }
  }
}

function findSetter(target: object, member: string): PropertyDescriptor | undefined {
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, member);
    if (d) return d.set || d.writable ? d : undefined;
  }
  return undefined;
}

function isNull(target: unknown): boolean {
  return target instanceof SimObject && target._isNullable() && target.isNullObject;
}

/** The error of a failed action, with where it failed. */
function located(error: unknown, index: number): unknown {
  if (error && typeof error === "object" && (error as Located).actionIndex === undefined) {
    (error as Located).actionIndex = index;
  }
  return error;
}

/** A loaded object as the client reads it: capitalised property names, nested objects for "a/b" paths. */
function queryValue(target: SimObject, paths: string[] | null): unknown {
  if (isNull(target)) return null;
  if (target instanceof SimCollection) {
    return { _Items: (target.items as SimObject[]).map((item) => objectValue(item, paths)) };
  }
  return objectValue(target, paths);
}

/** One object's loaded properties: scalars by name, a navigation named alone with all its scalars. */
function objectValue(target: SimObject, paths: string[] | null): Record<string, unknown> {
  const value: Record<string, unknown> = { ...identity(target) };
  const put = (key: string, nested: unknown) => {
    const prior = value[key];
    value[key] =
      nested && typeof nested === "object" && prior && typeof prior === "object"
        ? mergeDeep(prior as Record<string, unknown>, nested as Record<string, unknown>)
        : nested;
  };
  const scalarNames = new Set(target._scalarNames());
  for (const path of paths ?? [...scalarNames]) {
    const slash = path.indexOf("/");
    const head = slash < 0 ? path : path.slice(0, slash);
    if (slash < 0 && scalarNames.has(head)) {
      if (target._hasLoaded(head)) value[resultKey(head)] = target._loadedValue(head);
      continue;
    }
    const child = (target as unknown as Record<string, unknown>)[head];
    if (!(child instanceof SimObject)) continue;
    put(resultKey(head), queryValue(child, slash < 0 ? null : [path.slice(slash + 1)]));
  }
  return value;
}

function mergeDeep(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] =
      v && typeof v === "object" && !Array.isArray(v) && out[k] && typeof out[k] === "object"
        ? mergeDeep(out[k] as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/** The error response for a failure inside a request (Body.Error), as the client turns it into its Error. */
export function errorBody(error: unknown): ResponseBody {
  const e = error as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } } & Located;
  const code = typeof e?.code === "string" ? e.code : "GeneralException";
  const location = e?.debugInfo?.errorLocation;
  return {
    Results: [],
    Error: {
      Code: code,
      Message: typeof e?.message === "string" ? e.message : "An internal error has occurred.",
      HttpStatusCode: STATUS[code] ?? 400,
      ...(typeof location === "string" ? { Location: location } : {}),
      ActionIndex: e?.actionIndex ?? -1,
    },
  };
}

/** A request or response refused as a whole (the web host's payload limits), before or instead of running it. */
export function transportError(code: string, message: string): RichApiResponse {
  return { HttpStatusCode: 400, ErrorCode: code, ErrorMessage: message, Headers: {}, Body: null };
}

/** The session object the client is given: its hooks for hosts, and the context it ended up with. */
export interface HostSessionInfo {
  _resolveRequestUrlAndHeaderInfo(): Promise<{ url: string; headers: Record<string, string> }>;
  _createRequestExecutorOrNull(): unknown;
  getEventRegistration(): unknown;
  context?: Excel.RequestContext;
}

/** Whether a request only releases the ranges Excel.run kept (its closing cleanup, not a sync). */
export function isCleanup(text: string): boolean {
  // A request that names no _RemoveReference cannot be one: most requests are answered without parsing them here.
  if (!text.includes('"_RemoveReference"')) return false;
  const actions = (JSON.parse(text) as RequestBody).Actions ?? [];
  const releases = (a: (typeof actions)[number]) => a.ActionType === 3 && a.Name === "_RemoveReference";
  return actions.some(releases) && actions.every((a) => releases(a) || a.ActionType === 1);
}
