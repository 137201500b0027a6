// worksheet.customProperties: key-value pairs kept with a sheet (keys ignore case, up to 255 characters).
import { SimObject, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { sheetById } from "./helpers";
import { SimClientResult } from "./result";
import { SimPartCollection } from "./context";
import type { SimWorksheet, SheetRef } from "./worksheet";

// ---- Worksheet custom properties -------------------------------------------------------------------------

interface PropRef {
  sheetId: string;
  key: string;
}

function findProp(tx: Tx, ref: PropRef): { key: string; value: string } {
  const prop = sheetById(tx, ref.sheetId).customProperties.find(
    (p) => p.key.toLowerCase() === ref.key.toLowerCase(),
  );
  if (!prop) throw simError("ItemNotFound", MESSAGES.itemNotFound, "WorksheetCustomProperty");
  return prop;
}

export class SimCustomPropertyCollection extends SimPartCollection<
  SimCustomProperty,
  SheetRef,
  SimWorksheet
> {
  protected readonly _entity = "WorksheetCustomPropertyCollection";
  protected _members(tx: Tx, ref: SheetRef): SimCustomProperty[] {
    return sheetById(tx, ref.sheetId).customProperties.map(
      (p) => new SimCustomProperty(this.context, () => ({ sheetId: ref.sheetId, key: p.key })),
    );
  }
  /** Adds a property, or replaces the value of one with the same key (keys are case-insensitive, up to 255 characters). */
  add(key: string, value: string): SimCustomProperty {
    this._queue(jsonBytes2(key, value), (tx, ref) => {
      if (typeof key !== "string" || key === "" || key.length > 255)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "WorksheetCustomPropertyCollection.add");
      const props = sheetById(tx, ref.sheetId).customProperties;
      const existing = props.find((p) => p.key.toLowerCase() === key.toLowerCase());
      if (existing) existing.value = String(value);
      else props.push({ key, value: String(value) });
    });
    return new SimCustomProperty(this.context, (tx) => ({ sheetId: this._owner._target(tx).sheetId, key }));
  }
  getItem(key: string): SimCustomProperty {
    const prop = new SimCustomProperty(this.context, (tx) => {
      const ref = { sheetId: this._owner._target(tx).sheetId, key };
      findProp(tx, ref);
      return ref;
    });
    prop._resolveAtSync();
    return prop;
  }
  getItemOrNullObject(key: string): SimCustomProperty {
    return new SimCustomProperty(
      this.context,
      (tx) => {
        // On a null sheet the property is a null object too, not an error (unless the sim is strict).
        const sheetRef = this._owner._resolveOrNullChain(tx, "CustomPropertyCollection.getItemOrNullObject");
        if (sheetRef === null) return null;
        const ref = { sheetId: sheetRef.sheetId, key };
        return sheetById(tx, ref.sheetId).customProperties.some(
          (p) => p.key.toLowerCase() === key.toLowerCase(),
        )
          ? ref
          : null;
      },
      true,
    );
  }
  getCount(): SimClientResult<number> {
    return this._result((tx, ref) => sheetById(tx, ref.sheetId).customProperties.length);
  }
}

function jsonBytes2(...parts: unknown[]): number {
  return JSON.stringify(parts).length;
}

export class SimCustomProperty extends SimObject<PropRef> {
  protected readonly _entity = "WorksheetCustomProperty";
  constructor(
    context: SimContext,
    private readonly _locator: (tx: Tx) => PropRef | null,
    nullable = false,
  ) {
    super(context, nullable);
    if (nullable) this._queueExistenceCheck();
  }
  /** @internal */
  _resolveAtSync(): void {
    this._queueResolution();
  }
  protected _locate(tx: Tx): PropRef | null {
    return this._locator(tx);
  }
  protected _readers(): Record<string, Reader<PropRef>> {
    return { key: (tx, ref) => findProp(tx, ref).key, value: (tx, ref) => findProp(tx, ref).value };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): string {
    return this._get("value");
  }
  set value(v: string) {
    this._set("value", v, (tx, ref) => (findProp(tx, ref).value = String(v)));
  }
  delete(): void {
    this._queue(0, (tx, ref) => {
      const sheet = sheetById(tx, ref.sheetId);
      findProp(tx, ref);
      sheet.customProperties = sheet.customProperties.filter(
        (p) => p.key.toLowerCase() !== ref.key.toLowerCase(),
      );
    });
  }
}
