// worksheet.freezePanes: rows and columns frozen at the top-left, refused while another workbook has the focus.
import { parseRect, splitSheet } from "./address";
import type { SimContext } from "./context";
import { SimRange } from "./range";
import { FOCUS_SENSITIVE, requireFocus } from "./sheet-ops";
import type { SheetState } from "./state";
import type { SimWorksheet } from "./worksheet";

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
