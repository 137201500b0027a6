// What a queued call costs in the request Office.js sends. Excel on the web refuses a request over 5 MB, and every
// byte is one a council officer on the web waits for, so the writer plans its syncs from these figures. They follow
// the client's JSON (OfficeExtension's ObjectPaths and Actions), with every id taken as six digits, which is more
// than a refresh reaches: the figures are a little over the real size, never far under (a test compares them with
// the bytes Microsoft's client really sends).

const ID = 123_456;
const encoder = new TextEncoder();

/** UTF-8 bytes of a text: what it weighs on the wire ("£" is two bytes). */
export function utf8Bytes(text: string): number {
  // Printable ASCII (JSON escapes the rest) is the common case and needs no encoding.
  return /^[\u0020-\u007e]*$/.test(text) ? text.length : encoder.encode(text).length;
}

/** Bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

/** An object path (ObjectPathType 3 method, 4 property, 5 indexer), with its key and its id in an action's "L" list. */
export function pathBytes(type: 3 | 4 | 5, name: string, args?: unknown[], untracked = false): number {
  const info = {
    Id: ID,
    ObjectPathType: type,
    Name: name,
    ParentObjectPathId: ID,
    ...(args ? { ArgumentInfo: { Arguments: args } } : {}),
    ...(untracked ? { D: true } : {}),
  };
  return `"${ID}":`.length + jsonBytes(info) + 1 + `${ID},`.length;
}

/** The Instantiate action Office.js queues for each proxy it creates. */
export const INSTANTIATE_BYTES = jsonBytes({ Id: ID, ActionType: 1, Name: "", ObjectPathId: ID }) + 1;

/** Setting a property: one SetProperty action carrying the value. */
export function setBytes(name: string, valueBytes: number): number {
  return (
    jsonBytes({ Id: ID, ActionType: 4, Name: name, ObjectPathId: ID, ArgumentInfo: { Arguments: [] } }) +
    valueBytes +
    1
  );
}

/** Calling a method: one Method action with its arguments. */
export function methodBytes(name: string, args: unknown[] = []): number {
  return (
    jsonBytes({ Id: ID, ActionType: 3, Name: name, ObjectPathId: ID, ArgumentInfo: { Arguments: args } }) + 1
  );
}

/** Reaching an object through a property (range.format, format.font): its path and its Instantiate action. */
export function navigationBytes(name: string): number {
  return pathBytes(4, name) + INSTANTIATE_BYTES;
}

/**
 * A new range (getRange, getRanges, getRangeByIndexes) that is untracked at once: its path and the two Instantiate
 * actions Excel.run's automatic tracking leaves (untrack() removes its _KeepReference).
 */
export function untrackedRangeBytes(method: string, args: unknown[]): number {
  return pathBytes(3, method, args, true) + 2 * INSTANTIATE_BYTES;
}

/** Cells Office.js sends per SetProperty when it cuts a large values/numberFormat array into row blocks. */
const CLIENT_CHUNK_CELLS = 1500;

/**
 * A 2-D array set on a range (values, numberFormat): the array, and above 1,500 cells the client's own cutting
 * into row blocks (a _ValidateArraySize call, then per block two row ranges, their bounding range and a set).
 */
export function arraySetBytes(name: string, arrayBytes: number, rows: number, columns: number): number {
  const cells = rows * columns;
  if (cells <= CLIENT_CHUNK_CELLS) return setBytes(name, arrayBytes);
  const blocks = Math.ceil(rows / Math.max(1, Math.round(CLIENT_CHUNK_CELLS / columns)));
  const perBlock =
    2 * pathBytes(3, "GetRow", [ID], true) +
    pathBytes(3, "GetBoundingRect", [ID], true) +
    6 * INSTANTIATE_BYTES +
    setBytes(name, 2) +
    // Each block's rows are their own array: brackets and commas.
    4;
  return methodBytes("_ValidateArraySize", [ID, ID]) + blocks * perBlock + arrayBytes;
}
