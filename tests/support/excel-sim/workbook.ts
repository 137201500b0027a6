// The workbook root (worksheets, tables, settings, selection), the application (calculation, screen updating)
// and document settings, whose values Office stores as JSON.
import { SimCollection, SimObject, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { sheetById } from "./helpers";
import { SimRange } from "./range";
import { SimClientResult } from "./result";
import { SimTableCollection } from "./table";
import { SimWorksheetCollection } from "./worksheet";

/**
 * The target of the workbook and the application: always there. (A null target would make them read as null
 * objects, whose loaded properties stay unset.)
 */
type Root = "root";
const ROOT: Root = "root";

export class SimWorkbook extends SimObject<Root> {
  protected readonly _entity = "Workbook";
  readonly worksheets: SimWorksheetCollection;
  readonly tables: SimTableCollection;
  readonly settings: SimSettingCollection;
  readonly application: SimApplication;

  constructor(context: SimContext) {
    super(context);
    this.worksheets = new SimWorksheetCollection(context);
    this.tables = new SimTableCollection(context, null);
    this.settings = new SimSettingCollection(context);
    this.application = new SimApplication(context);
  }
  protected _locate(): Root {
    return ROOT;
  }
  override _target(): Root {
    return ROOT;
  }
  protected _readers(): Record<string, Reader<Root>> {
    return { name: (tx) => tx.wb.name };
  }
  get name(): string {
    return this._get("name");
  }
  /** The selected range, on the active sheet. */
  getSelectedRange(): SimRange {
    return new SimRange(this.context, (tx) => {
      const sel = tx.wb.selection;
      if (!sel) throw simError("InvalidSelection", "The current selection is invalid for this operation.");
      sheetById(tx, sel.sheetId);
      return { sheetId: sel.sheetId, rect: { ...sel.rect } };
    });
  }
  getActiveCell(): SimRange {
    return new SimRange(this.context, (tx) => {
      const sel = tx.wb.selection;
      if (!sel) throw simError("InvalidSelection", "The current selection is invalid for this operation.");
      return { sheetId: sel.sheetId, rect: { row: sel.rect.row, col: sel.rect.col, rows: 1, cols: 1 } };
    });
  }
}

export class SimApplication extends SimObject<Root> {
  protected readonly _entity = "Application";
  protected _locate(): Root {
    return ROOT;
  }
  override _target(): Root {
    return ROOT;
  }
  protected _readers(): Record<string, Reader<Root>> {
    return { calculationMode: (tx) => tx.wb.calculationMode };
  }
  /** Excel.CalculationMode: "Automatic", "AutomaticExceptTables", "Manual". */
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(v: string) {
    this._set("calculationMode", v, (tx) => {
      const mode = ["Automatic", "AutomaticExceptTables", "Manual"].find(
        (m) => m.toLowerCase() === String(v).toLowerCase(),
      );
      if (!mode) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Application.calculationMode");
      tx.wb.calculationMode = mode;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this._queue(0, (tx) => tx.onCommit(() => tx.host.recordCall("suspendApiCalculationUntilNextSync")));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._queue(0, (tx) => tx.onCommit(() => tx.host.recordCall("suspendScreenUpdatingUntilNextSync")));
  }
  /** Recorded only: the simulator computes no formulas. */
  calculate(calculationType: string): void {
    this._queue(0, (tx) => tx.onCommit(() => tx.host.recordCall(`calculate:${calculationType}`)));
  }
}

interface SettingRef {
  key: string;
}

function findSetting(tx: Tx, key: string): { key: string; json: string } | undefined {
  return tx.wb.settings.find((s) => s.key === key);
}

/** workbook.settings: add(key, value) stores value as JSON; keys are case-sensitive. */
export class SimSettingCollection extends SimCollection<SimSetting, null> {
  protected readonly _entity = "SettingCollection";
  protected _locate(): null {
    return null;
  }
  override _target(): null {
    return null;
  }
  protected _members(tx: Tx): SimSetting[] {
    return tx.wb.settings.map((s) => SimSetting.bound(this.context, s.key));
  }
  add(key: string, value: unknown): SimSetting {
    const json = JSON.stringify(value);
    this.context._enqueue({
      requestBytes: 64 + key.length + (json?.length ?? 0),
      run: (tx) => {
        if (typeof key !== "string" || key === "" || json === undefined) {
          throw simError("InvalidArgument", MESSAGES.invalidArgument, "SettingCollection.add");
        }
        const existing = findSetting(tx, key);
        if (existing) existing.json = json;
        else tx.wb.settings.push({ key, json });
      },
    });
    return SimSetting.bound(this.context, key);
  }
  getItem(key: string): SimSetting {
    const setting = new SimSetting(this.context, (tx) => {
      if (!findSetting(tx, key))
        throw simError("ItemNotFound", MESSAGES.itemNotFound, "SettingCollection.getItem");
      return { key };
    });
    setting._resolveAtSync();
    return setting;
  }
  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this.context, (tx) => (findSetting(tx, key) ? { key } : null), true);
  }
  getCount(): SimClientResult<number> {
    return this._result((tx) => tx.wb.settings.length);
  }
}

export class SimSetting extends SimObject<SettingRef> {
  protected readonly _entity = "Setting";
  constructor(
    context: SimContext,
    private readonly _locator: (tx: Tx) => SettingRef | null,
    nullable = false,
  ) {
    super(context, nullable);
    if (nullable) this._queueExistenceCheck();
  }
  static bound(context: SimContext, key: string): SimSetting {
    const s = new SimSetting(context, () => ({ key }));
    s._ref = { key };
    return s;
  }
  /** @internal */
  _resolveAtSync(): void {
    this._queueResolution();
  }
  protected _locate(tx: Tx): SettingRef | null {
    return this._locator(tx);
  }
  private _entry(tx: Tx, ref: SettingRef): { key: string; json: string } {
    const entry = findSetting(tx, ref.key);
    if (!entry) throw simError("ItemNotFound", MESSAGES.itemNotFound, "Setting");
    return entry;
  }
  protected _readers(): Record<string, Reader<SettingRef>> {
    return {
      key: (tx, ref) => this._entry(tx, ref).key,
      value: (tx, ref) => JSON.parse(this._entry(tx, ref).json) as unknown,
    };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    const json = JSON.stringify(v);
    this._set("value", v, (tx, ref) => {
      if (json === undefined) throw simError("InvalidArgument", MESSAGES.invalidArgument, "Setting.value");
      this._entry(tx, ref).json = json;
    });
  }
  delete(): void {
    this._queue(0, (tx, ref) => {
      this._entry(tx, ref);
      tx.wb.settings = tx.wb.settings.filter((s) => s.key !== ref.key);
    });
  }
}
