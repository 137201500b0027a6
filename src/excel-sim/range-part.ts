// The base of the proxies that hang off a range (its format, font, fill and borders): how they read a style over
// the range (the common value, or null where cells differ) and write it on every cell; and oneOf, how an enum
// value Excel accepts in any case is checked.
import type { Rect } from "./address";
import { SimPart, type Reader, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { checkCellLimit, ensureCell, forEachCellIn, pruneCell, uniform } from "./helpers";
import { emptyCell, type CellState, type SheetState } from "./state";
import type { RangeRef, SimRange } from "./range";

const EMPTY = emptyCell();

/** Shared base for the proxies that hang off a range and have no identity of their own. */
export abstract class RangePart extends SimPart<RangeRef, SimRange> {
  protected _cells(tx: Tx): { sheet: SheetState; rect: Rect } {
    return this._owner._sheetAndRect(tx);
  }
  /** Reads a style property over the range: common value or null. */
  protected _read<T>(read: (cell: CellState) => T): Reader<RangeRef> {
    return (tx) => {
      const { sheet, rect } = this._cells(tx);
      return uniform(sheet, rect, read, EMPTY);
    };
  }
  /** Writes a style property on every cell. */
  protected _write(name: string, value: unknown, write: (cell: CellState) => void): void {
    this._set(name, value, (tx) => {
      const { sheet, rect } = this._cells(tx);
      checkCellLimit(tx, rect);
      forEachCellIn(sheet, rect, (row, col) => {
        write(ensureCell(sheet, row, col));
        pruneCell(sheet, row, col);
      });
    });
  }
}

/** The allowed value that matches, ignoring case; anything else is InvalidArgument at `where`. */
export function oneOf(value: unknown, allowed: string[], where: string): string {
  const match = allowed.find((a) => typeof value === "string" && a.toLowerCase() === value.toLowerCase());
  if (!match) throw simError("InvalidArgument", MESSAGES.invalidArgument, where);
  return match;
}
