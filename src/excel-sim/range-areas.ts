// RangeAreas (ExcelApi 1.9): several ranges of one sheet by one address ("A1:B2, D4:E9"), formatted at once.
// Its format is each area's own RangeFormat, so a property set on it (font, fill, borders, row height) lands on
// every area exactly as if it had been set on each area's Range; a border edge is each area's edge.
import { qualifiedAddress, splitSheet, tryParseRect, type Rect } from "./address";
import { SimObject, type Loadable, type Reader, type SimContext, type Tx } from "./context";
import { simError } from "./errors";
import { sheetById } from "./helpers";
import { SimRange } from "./range";
import type { SimRangeFormat } from "./range-format";
import type { SimWorksheet } from "./worksheet";

/** Excel's limit on the length of an address string (excel-add-ins-troubleshooting). */
const MAX_ADDRESS_LENGTH = 8192;

interface AreasRef {
  sheetId: string;
  rects: Rect[];
}

function invalidAddress(address: string): Error {
  return simError(
    "InvalidArgument",
    `The address '${address}' is not a valid range address.`,
    "Worksheet.getRanges",
  );
}

/** The areas of an address on one sheet, or an error naming what is wrong with it. */
function parseAreas(address: string, sheetName: string): Rect[] {
  if (typeof address !== "string" || address.trim() === "") throw invalidAddress(String(address));
  if (address.length > MAX_ADDRESS_LENGTH) {
    throw simError(
      "InvalidArgument",
      `The address is ${address.length} characters long; Excel takes at most ${MAX_ADDRESS_LENGTH}.`,
      "Worksheet.getRanges",
    );
  }
  return address.split(",").map((part) => {
    const { sheet, local } = splitSheet(part.trim());
    if (sheet !== null && sheet.toLowerCase() !== sheetName.toLowerCase()) throw invalidAddress(part);
    const rect = tryParseRect(local);
    if (!rect) throw invalidAddress(part);
    return rect;
  });
}

/**
 * One value read or written on every target at once: properties read from the first, writes and method calls go
 * to all, objects reached through them (format.font, borders.getItem(edge)) are fanned out in turn.
 */
function fanOut<T extends object>(targets: T[]): T {
  return new Proxy(targets[0], {
    get(_first, prop) {
      const values = targets.map((t) => Reflect.get(t, prop, t) as unknown);
      if (typeof values[0] === "function") {
        return (...args: unknown[]) => {
          const results = targets.map((t, i) => (values[i] as (...a: unknown[]) => unknown).apply(t, args));
          return results[0] !== null && typeof results[0] === "object"
            ? fanOut(results as object[])
            : results[0];
        };
      }
      if (values[0] instanceof SimObject) return fanOut(values as object[]);
      return values[0];
    },
    set(_first, prop, value) {
      for (const t of targets) Reflect.set(t, prop, value, t);
      return true;
    },
  });
}

export class SimRangeAreas extends SimObject<AreasRef> {
  protected readonly _entity = "RangeAreas";
  private readonly _areas: SimRange[];
  private _format: SimRangeFormat | undefined;

  constructor(
    context: SimContext,
    private readonly _sheet: SimWorksheet,
    private readonly _address: string,
  ) {
    super(context);
    // The areas are known from the address; each is checked, with the whole address, at the next sync.
    const count = typeof _address === "string" ? _address.split(",").length : 1;
    this._areas = Array.from(
      { length: count },
      (_, i) =>
        new SimRange(context, (tx) => ({
          sheetId: this._target(tx).sheetId,
          rect: this._target(tx).rects[i],
        })),
    );
    this.context._enqueue({ readOnly: true, run: (tx) => void this._target(tx) });
  }

  protected _locate(tx: Tx): AreasRef {
    const sheet = this._sheet._state(tx);
    return { sheetId: sheet.id, rects: parseAreas(this._address, sheet.name) };
  }

  protected _readers(): Record<string, Reader<AreasRef>> {
    const name = (tx: Tx, ref: AreasRef) => sheetById(tx, ref.sheetId).name;
    return {
      address: (tx, ref) => ref.rects.map((r) => qualifiedAddress(name(tx, ref), r)).join(","),
      addressLocal: (tx, ref) => ref.rects.map((r) => qualifiedAddress(name(tx, ref), r)).join(","),
      areaCount: (_tx, ref) => ref.rects.length,
      cellCount: (_tx, ref) => ref.rects.reduce((n, r) => n + r.rows * r.cols, 0),
    };
  }

  protected override _navigations(): Record<string, Loadable> {
    return { format: this.format };
  }

  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }

  /** Every area's format at once. */
  get format(): SimRangeFormat {
    this._format ??= fanOut(this._areas.map((a) => a.format));
    return this._format;
  }
}
