// The workbook root (worksheets, tables, settings, selection), the application (calculation, screen updating)
// and document settings, whose values Office stores as JSON.
import { quoteSheetName, rectAddress, splitSheet, tryParseRect, type Rect } from "./address";
import { SimCollection, SimObject, type Loadable, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { sheetById } from "./helpers";
import { isBroken, REF_ERROR } from "./references";
import { SimRange } from "./range";
import { requireFocus, sheetNamed } from "./sheet-ops";
import type { NamedItemState } from "./state";
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
  readonly names: SimNamedItemCollection;
  readonly protection: SimWorkbookProtection;

  constructor(context: SimContext) {
    super(context);
    this.worksheets = new SimWorksheetCollection(context);
    this.tables = new SimTableCollection(context, null);
    this.settings = new SimSettingCollection(context);
    this.application = new SimApplication(context);
    this.names = new SimNamedItemCollection(context);
    this.protection = new SimWorkbookProtection(context);
  }
  protected _locate(): Root {
    return ROOT;
  }
  override _target(): Root {
    return ROOT;
  }
  protected _readers(): Record<string, Reader<Root>> {
    return { name: (tx) => tx.wb.name, readOnly: (tx) => tx.wb.readOnly };
  }
  protected override _navigations(): Record<string, Loadable> {
    return { protection: this.protection };
  }
  get name(): string {
    return this._get("name");
  }
  /** ExcelApi 1.8: true when the workbook is open read-only. */
  get readOnly(): boolean {
    return this._get("readOnly");
  }
  /** The selected range, on the active sheet. */
  getSelectedRange(): SimRange {
    return new SimRange(this.context, (tx) => {
      requireFocus(tx.host.environment, "Workbook.getSelectedRange");
      const sel = tx.wb.selection;
      if (!sel) throw simError("InvalidSelection", "The current selection is invalid for this operation.");
      sheetById(tx, sel.sheetId);
      return { sheetId: sel.sheetId, rect: { ...sel.rect } };
    });
  }
  getActiveCell(): SimRange {
    return new SimRange(this.context, (tx) => {
      requireFocus(tx.host.environment, "Workbook.getActiveCell");
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
  /**
   * ExcelApi 1.4: fires after a batch that changed the settings commits, from whichever context or runtime made
   * the change (this one included), asynchronously.
   */
  get onSettingsChanged(): {
    add(handler: (event: { type: "SettingsChanged" }) => unknown): { remove(): void; context: SimContext };
  } {
    const context = this.context;
    return {
      // As Office.js's EventHandlerResult: remove() takes effect (here at once) and context syncs it.
      add: (handler) => ({ remove: context._host.addSettingsHandler(handler), context }),
    };
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

/** workbook.protection (ExcelApi 1.7): whether the workbook's structure is protected. */
export class SimWorkbookProtection extends SimObject<Root> {
  protected readonly _entity = "WorkbookProtection";
  protected _locate(): Root {
    return ROOT;
  }
  override _target(): Root {
    return ROOT;
  }
  protected _readers(): Record<string, Reader<Root>> {
    return { protected: (tx) => tx.wb.structureProtected };
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(): void {
    this._queue(0, (tx) => (tx.wb.structureProtected = true));
  }
  unprotect(): void {
    this._queue(0, (tx) => (tx.wb.structureProtected = false));
  }
}

// ---- Defined names --------------------------------------------------------------------------------------------

interface NameRef {
  name: string;
}

function nameEntry(tx: Tx, ref: NameRef): NamedItemState {
  const found = tx.wb.names.find(
    (n) => n.scopeSheetId === null && n.name.toLowerCase() === ref.name.toLowerCase(),
  );
  if (!found) throw simError("ItemNotFound", MESSAGES.itemNotFound, "NamedItem");
  return found;
}

/** Excel's rules for a defined name: a letter, "_" or "\\" first, then letters, digits, "_" and "."; not a cell address. */
function checkName(name: unknown): string {
  if (
    typeof name !== "string" ||
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name)
  ) {
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "NamedItemCollection.add");
  }
  return name;
}

/** workbook.names: defined names of the workbook (ExcelApi 1.1; add 1.4). */
export class SimNamedItemCollection extends SimCollection<SimNamedItem, null> {
  protected readonly _entity = "NamedItemCollection";
  protected _locate(): null {
    return null;
  }
  override _target(): null {
    return null;
  }
  protected _members(tx: Tx): SimNamedItem[] {
    return tx.wb.names
      .filter((n) => n.scopeSheetId === null)
      .map((n) => new SimNamedItem(this.context, () => ({ name: n.name })));
  }
  /** Adds a name for a range (a proxy or an address with its sheet) or a formula ("=..."). */
  add(name: string, reference: SimRange | string, comment?: string): SimNamedItem {
    this.context._enqueue({
      requestBytes: 96 + name.length,
      run: (tx) => {
        const checked = checkName(name);
        if (
          tx.wb.names.some((n) => n.scopeSheetId === null && n.name.toLowerCase() === checked.toLowerCase())
        )
          throw simError("ItemAlreadyExists", MESSAGES.itemAlreadyExists, "NamedItemCollection.add");
        let formula: string;
        if (typeof reference !== "string") {
          const target = reference._target(tx);
          const rect = target.rect;
          const absolute = rectAddress(rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
          formula = `=${quoteSheetName(sheetById(tx, target.sheetId).name)}!${absolute}`;
        } else if (reference.startsWith("=")) {
          formula = reference;
        } else {
          const { sheet, local } = splitSheet(reference);
          const rect = tryParseRect(local);
          if (sheet === null || !rect || !sheetNamed(tx.wb, sheet))
            throw simError("InvalidArgument", MESSAGES.invalidArgument, "NamedItemCollection.add");
          formula = `=${reference}`;
        }
        tx.wb.names.push({
          name: checked,
          formula,
          comment: comment ?? "",
          visible: true,
          scopeSheetId: null,
        });
      },
    });
    return new SimNamedItem(this.context, () => ({ name }));
  }
  getItem(name: string): SimNamedItem {
    const item = new SimNamedItem(this.context, (tx) => {
      nameEntry(tx, { name });
      return { name };
    });
    item._resolveAtSync();
    return item;
  }
  getItemOrNullObject(name: string): SimNamedItem {
    return new SimNamedItem(
      this.context,
      (tx) =>
        tx.wb.names.some((n) => n.scopeSheetId === null && n.name.toLowerCase() === name.toLowerCase())
          ? { name }
          : null,
      true,
    );
  }
  getCount(): SimClientResult<number> {
    return this._result((tx) => tx.wb.names.filter((n) => n.scopeSheetId === null).length);
  }
}

/** One defined name: its formula, what it shows (#REF! once the sheet it named is gone), and its range. */
export class SimNamedItem extends SimObject<NameRef> {
  protected readonly _entity = "NamedItem";
  constructor(
    context: SimContext,
    private readonly _locator: (tx: Tx) => NameRef | null,
    nullable = false,
  ) {
    super(context, nullable);
    if (nullable) this._queueExistenceCheck();
  }
  /** @internal */
  _resolveAtSync(): void {
    this._queueResolution();
  }
  protected _locate(tx: Tx): NameRef | null {
    return this._locator(tx);
  }
  protected _readers(): Record<string, Reader<NameRef>> {
    const entry = (tx: Tx, ref: NameRef) => nameEntry(tx, ref);
    return {
      name: (tx, ref) => entry(tx, ref).name,
      formula: (tx, ref) => entry(tx, ref).formula,
      comment: (tx, ref) => entry(tx, ref).comment,
      visible: (tx, ref) => entry(tx, ref).visible,
      type: (tx, ref) =>
        isBroken(entry(tx, ref).formula) ? "Error" : rangeOf(tx, entry(tx, ref)) ? "Range" : "String",
      // For a range, Excel gives its address ("Sheet1!$C$5"); once the sheet is gone, "#REF!".
      value: (tx, ref) => {
        const n = entry(tx, ref);
        return isBroken(n.formula) ? REF_ERROR : n.formula.replace(/^=/, "");
      },
    };
  }
  get name(): string {
    return this._get("name");
  }
  get formula(): string {
    return this._get("formula");
  }
  get comment(): string {
    return this._get("comment");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): unknown {
    return this._get("value");
  }
  /** The range the name refers to; fails at sync when it no longer refers to one (#REF!). */
  getRange(): SimRange {
    const range = new SimRange(this.context, (tx) => {
      const target = rangeOf(tx, nameEntry(tx, this._target(tx)));
      if (!target)
        throw simError(
          "InvalidReference",
          "This reference isn't valid for the current operation.",
          "NamedItem.getRange",
        );
      return target;
    });
    range._resolveAtSync();
    return range;
  }
  getRangeOrNullObject(): SimRange {
    return new SimRange(this.context, (tx) => rangeOf(tx, nameEntry(tx, this._target(tx))), true);
  }
  delete(): void {
    this._queue(0, (tx, ref) => {
      const n = nameEntry(tx, ref);
      tx.wb.names = tx.wb.names.filter((x) => x !== n);
    });
  }
}

/** The range a name's formula refers to, or null (a constant, a formula, or a broken reference). */
function rangeOf(tx: Tx, n: NamedItemState): { sheetId: string; rect: Rect } | null {
  if (isBroken(n.formula)) return null;
  const { sheet, local } = splitSheet(n.formula.replace(/^=/, "").trim());
  if (sheet === null) return null;
  const target = sheetNamed(tx.wb, sheet);
  const rect = tryParseRect(local.replace(/\$/g, ""));
  return target && rect ? { sheetId: target.id, rect } : null;
}
