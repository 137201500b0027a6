// Excel tables (ListObjects): enough to list them, find their sheet and range, and add one.
import { parseRect, splitSheet } from "./address";
import { SimCollection, SimObject, type Loadable, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { cellAt, ensureCell, keyCol, keyRow, sheetById, sheetByName } from "./helpers";
import { SimRange } from "./range";
import { writeEntry } from "./range-cells";
import { requireSheetEditable } from "./sheet-ops";
import { SimClientResult } from "./result";
import { clonePlain, nextId, type TableState } from "./state";
import { SimWorksheet } from "./worksheet";

interface TableRef {
  tableId: string;
}

function tableById(tx: Tx, ref: TableRef): TableState {
  const table = tx.wb.tables.find((t) => t.id === ref.tableId);
  if (!table) throw simError("ItemNotFound", MESSAGES.itemNotFound, "Table");
  return table;
}

/** workbook.tables (all) or worksheet.tables (those on one sheet: sheetOf returns its id). */
export class SimTableCollection extends SimCollection<SimTable, null> {
  protected readonly _entity = "TableCollection";
  constructor(
    context: SimContext,
    private readonly _sheetOf: ((tx: Tx) => string) | null,
  ) {
    super(context);
  }
  protected _locate(): null {
    return null;
  }
  override _target(): null {
    return null;
  }
  private _list(tx: Tx): TableState[] {
    const sheetId = this._sheetOf?.(tx);
    return tx.wb.tables.filter((t) => sheetId === undefined || t.sheetId === sheetId);
  }
  protected _members(tx: Tx): SimTable[] {
    return this._list(tx).map((t) => SimTable.bound(this.context, t.id));
  }
  private _find(tx: Tx, key: string): TableState | null {
    return this._list(tx).find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key) ?? null;
  }
  getItem(key: string): SimTable {
    const table = new SimTable(this.context, (tx) => {
      const t = this._find(tx, key);
      if (!t) throw simError("ItemNotFound", MESSAGES.itemNotFound, "TableCollection.getItem");
      return { tableId: t.id };
    });
    table._resolveAtSync();
    return table;
  }
  getItemOrNullObject(key: string): SimTable {
    return new SimTable(
      this.context,
      (tx) => {
        const t = this._find(tx, key);
        return t ? { tableId: t.id } : null;
      },
      true,
    );
  }
  getCount(): SimClientResult<number> {
    return this._result((tx) => this._list(tx).length);
  }
  /** Adds a table over an address ("Sheet1!A1:D10", or local when called on a worksheet's collection). */
  add(address: string, hasHeaders: boolean): SimTable {
    const table = new SimTable(this.context, () => {
      throw simError("GeneralException", "The table was not created.");
    });
    this.context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        const { sheet: sheetName, local } = splitSheet(address);
        const sheet =
          sheetName !== null
            ? sheetByName(tx, sheetName)
            : this._sheetOf
              ? sheetById(tx, this._sheetOf(tx))
              : null;
        if (!sheet) throw simError("InvalidArgument", MESSAGES.invalidArgument, "TableCollection.add");
        const rect = parseRect(local);
        let n = tx.wb.tables.length + 1;
        while (tx.wb.tables.some((t) => t.name === `Table${n}`)) n++;
        const state: TableState = {
          id: nextId(tx.wb, "table"),
          name: `Table${n}`,
          sheetId: sheet.id,
          rect,
          showHeaders: hasHeaders,
        };
        tx.wb.tables.push(state);
        table._bind(tx, state.id);
      },
    });
    return table;
  }
}

export class SimTable extends SimObject<TableRef> {
  protected readonly _entity = "Table";
  constructor(
    context: SimContext,
    private readonly _locator: (tx: Tx) => TableRef | null,
    nullable = false,
  ) {
    super(context, nullable);
    if (nullable) this._queueExistenceCheck();
  }
  static bound(context: SimContext, tableId: string): SimTable {
    const t = new SimTable(context, () => ({ tableId }));
    t._ref = { tableId };
    return t;
  }
  /** @internal */
  _resolveAtSync(): void {
    this._queueResolution();
  }
  /** @internal */
  _bind(tx: Tx, tableId: string): void {
    this._ref = { tableId };
    tx.onAbort(() => (this._ref = undefined));
  }
  protected _locate(tx: Tx): TableRef | null {
    return this._locator(tx);
  }
  protected _readers(): Record<string, Reader<TableRef>> {
    return {
      id: (_tx, ref) => ref.tableId,
      name: (tx, ref) => tableById(tx, ref).name,
      showHeaders: (tx, ref) => tableById(tx, ref).showHeaders,
      style: (tx, ref) => tableById(tx, ref).style ?? "TableStyleMedium2",
    };
  }
  protected override _navigations(): Record<string, Loadable> {
    return { worksheet: this.worksheet };
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (tx, ref) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v))
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "Table.name");
      if (tx.wb.tables.some((t) => t.id !== ref.tableId && t.name.toLowerCase() === v.toLowerCase())) {
        throw simError("ItemAlreadyExists", MESSAGES.itemAlreadyExists, "Table.name");
      }
      tableById(tx, ref).name = v;
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (tx, ref) => {
      if (!/^Table(Style(Light|Medium|Dark)\d{1,2})?$/.test(v) && v !== "")
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "Table.style");
      tableById(tx, ref).style = v;
    });
  }
  private _worksheet: SimWorksheet | undefined;
  get worksheet(): SimWorksheet {
    // One proxy, as the client keeps one navigation object: what a load of "items/worksheet/name" read stays on it.
    this._worksheet ??= new SimWorksheet(this.context, (tx) => ({
      sheetId: tableById(tx, this._target(tx)).sheetId,
    }));
    return this._worksheet;
  }
  getRange(): SimRange {
    return new SimRange(this.context, (tx) => {
      const t = tableById(tx, this._target(tx));
      return { sheetId: t.sheetId, rect: { ...t.rect } };
    });
  }
  getHeaderRowRange(): SimRange {
    return new SimRange(this.context, (tx) => {
      const t = tableById(tx, this._target(tx));
      if (!t.showHeaders) throw simError("ItemNotFound", MESSAGES.itemNotFound, "Table.getHeaderRowRange");
      return { sheetId: t.sheetId, rect: { ...t.rect, rows: 1 } };
    });
  }
  getDataBodyRange(): SimRange {
    return new SimRange(this.context, (tx) => {
      const t = tableById(tx, this._target(tx));
      const skip = t.showHeaders ? 1 : 0;
      return {
        sheetId: t.sheetId,
        rect: { ...t.rect, row: t.rect.row + skip, rows: Math.max(1, t.rect.rows - skip) },
      };
    });
  }
  delete(): void {
    this._queue(0, (tx, ref) => {
      tableById(tx, ref);
      tx.wb.tables = tx.wb.tables.filter((t) => t.id !== ref.tableId);
    });
  }
  /** table.rows: only `add` is modelled. */
  get rows(): { add: (index?: number | null, values?: unknown[][]) => void } {
    return { add: (index, values) => this._addRows(index, values) };
  }
  /**
   * TableRowCollection.add (ExcelApi 1.1), at the end of the table only: the table grows by the rows given (one
   * empty row without values), each new cell taking its column's number format and style from the row above, as Excel's
   * tables do, and the values entered as typed (an apostrophe keeps text). Excel shifts the cells below a table
   * down; the simulator has no cell shifting, so it refuses when anything lies below the table in its columns.
   */
  private _addRows(index: number | null | undefined, values: unknown[][] | undefined): void {
    this._queue(JSON.stringify(values ?? []).length, (tx, ref) => {
      const table = tableById(tx, ref);
      const sheet = sheetById(tx, table.sheetId);
      requireSheetEditable(sheet, "TableRowCollection.add");
      const count = values?.length ?? 1;
      if ((index !== null && index !== undefined) || count < 1)
        throw simError(
          "InvalidArgument",
          "The simulator adds table rows at the end only.",
          "TableRowCollection.add",
        );
      if (values?.some((row) => !Array.isArray(row) || row.length !== table.rect.cols))
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "TableRowCollection.add");
      const below = table.rect.row + table.rect.rows;
      for (const key of sheet.cells.keys()) {
        const row = keyRow(key);
        const col = keyCol(key);
        if (row >= below && col >= table.rect.col && col < table.rect.col + table.rect.cols)
          throw simError(
            "InvalidArgument",
            "The simulator cannot shift cells below a table.",
            "TableRowCollection.add",
          );
      }
      for (let r = 0; r < count; r++) {
        for (let c = 0; c < table.rect.cols; c++) {
          const col = table.rect.col + c;
          const above = cellAt(sheet, below + r - 1, col);
          if (above) {
            const cell = ensureCell(sheet, below + r, col);
            cell.numberFormat = above.numberFormat;
            cell.style = clonePlain(above.style);
          }
          writeEntry(sheet, below + r, col, values ? values[r][c] : null, false);
        }
      }
      table.rect = { ...table.rect, rows: table.rect.rows + count };
    });
  }
}
