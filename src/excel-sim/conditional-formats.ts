// range.conditionalFormats: the "CellValue" and "ContainsText" kinds Excel's API adds, their rules and the fill,
// font colour and bold they apply; the newest format has priority 0.
import { intersect, parseRect, rectAddress } from "./address";
import { SimObject, SimPart, SimPartCollection, type Reader, type SimContext, type Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { normaliseColour, sheetById } from "./helpers";
import { nextId, type ConditionalFormatState } from "./state";
import { requireSheetEditable } from "./sheet-ops";
import { EXCEL_ENUMS } from "./globals";
import { SimRange, type RangeRef } from "./range";
import { oneOf } from "./range-part";

interface CfRef {
  sheetId: string;
  cfId: string;
}

const CF_TYPES: Record<string, string> = { cellvalue: "CellValue", containstext: "ContainsText" };
// The operators of the simulator's enums, less "Invalid" (which Excel refuses to set).
const CF_OPERATORS = Object.values(EXCEL_ENUMS.ConditionalCellValueOperator).filter((o) => o !== "Invalid");
const TEXT_OPERATORS = Object.values(EXCEL_ENUMS.ConditionalTextOperator).filter((o) => o !== "Invalid");

function cfById(tx: Tx, ref: CfRef): ConditionalFormatState {
  const cf = sheetById(tx, ref.sheetId).conditionalFormats.find((c) => c.id === ref.cfId);
  if (!cf) throw simError("ItemNotFound", MESSAGES.itemNotFound, "ConditionalFormat");
  return cf;
}

export class SimConditionalFormatCollection extends SimPartCollection<
  SimConditionalFormat,
  RangeRef,
  SimRange
> {
  protected readonly _entity = "ConditionalFormatCollection";
  protected _members(tx: Tx, ref: RangeRef): SimConditionalFormat[] {
    const sheet = sheetById(tx, ref.sheetId);
    return sheet.conditionalFormats
      .filter((cf) => intersect(parseRect(cf.range), ref.rect))
      .map((cf) => new SimConditionalFormat(this.context, { sheetId: sheet.id, cfId: cf.id }));
  }

  /** Excel.ConditionalFormatType: only "CellValue" and "ContainsText" are modelled. */
  add(type: string): SimConditionalFormat {
    const kind = CF_TYPES[String(type).toLowerCase()];
    const cf = new SimConditionalFormat(this.context, null);
    this.context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        if (!kind)
          throw simError(
            "InvalidArgument",
            `Conditional format type '${type}' is not modelled by the simulator.`,
          );
        const ref = this._owner._target(tx);
        const sheet = sheetById(tx, ref.sheetId);
        requireSheetEditable(sheet, "ConditionalFormatCollection.add");
        // New rules go first: Excel gives the newest rule priority 0.
        for (const other of sheet.conditionalFormats) other.priority += 1;
        const state: ConditionalFormatState = {
          id: nextId(tx.wb, "cf"),
          type: kind,
          range: rectAddress(ref.rect),
          priority: 0,
          stopIfTrue: false,
          rule:
            kind === "CellValue" ? { operator: "Between", formula1: "" } : { operator: "Contains", text: "" },
          format: { fillColor: null, fontColor: null, bold: null },
        };
        sheet.conditionalFormats.push(state);
        cf._bind(tx, { sheetId: sheet.id, cfId: state.id });
      },
    });
    return cf;
  }

  getCount(): import("./result").SimClientResult<number> {
    return this._result((tx, ref) => this._members(tx, ref).length);
  }

  getItemAt(index: number): SimConditionalFormat {
    return new SimConditionalFormat(this.context, null, (tx) => {
      const members = this._members(tx, this._owner._target(tx));
      const m = members[index];
      if (!m) throw simError("ItemNotFound", MESSAGES.itemNotFound, "ConditionalFormatCollection.getItemAt");
      return m._target(tx);
    });
  }

  clearAll(): void {
    this._queue(0, (tx, ref) => {
      const sheet = sheetById(tx, ref.sheetId);
      sheet.conditionalFormats = sheet.conditionalFormats.filter(
        (cf) => !intersect(parseRect(cf.range), ref.rect),
      );
    });
  }
}

export class SimConditionalFormat extends SimObject<CfRef> {
  protected readonly _entity = "ConditionalFormat";
  constructor(
    context: SimContext,
    preset: CfRef | null,
    private readonly _finder?: (tx: Tx) => CfRef,
  ) {
    super(context);
    if (preset) this._ref = preset;
  }
  /** @internal Binds a format created by add() in this sync. */
  _bind(tx: Tx, ref: CfRef): void {
    this._ref = ref;
    tx.onAbort(() => (this._ref = undefined));
  }
  protected _locate(tx: Tx): CfRef | null {
    if (this._finder) return this._finder(tx);
    throw simError("ItemNotFound", MESSAGES.itemNotFound, "ConditionalFormat");
  }
  protected _readers(): Record<string, Reader<CfRef>> {
    return {
      id: (_tx, ref) => ref.cfId,
      type: (tx, ref) => cfById(tx, ref).type,
      priority: (tx, ref) => cfById(tx, ref).priority,
      stopIfTrue: (tx, ref) => cfById(tx, ref).stopIfTrue,
    };
  }
  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._set("priority", v, (tx, ref) => (cfById(tx, ref).priority = v));
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (tx, ref) => (cfById(tx, ref).stopIfTrue = v));
  }
  get cellValue(): SimCfRuleHolder {
    return new SimCfRuleHolder(this.context, this, "CellValue");
  }
  get textComparison(): SimCfRuleHolder {
    return new SimCfRuleHolder(this.context, this, "ContainsText");
  }
  getRange(): SimRange {
    return new SimRange(this.context, (tx) => {
      const ref = this._target(tx);
      return { sheetId: ref.sheetId, rect: parseRect(cfById(tx, ref).range) };
    });
  }
  delete(): void {
    this._queue(0, (tx, ref) => {
      const sheet = sheetById(tx, ref.sheetId);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c.id !== ref.cfId);
    });
  }
}

/** cf.cellValue / cf.textComparison: a rule and the format it applies. */
export class SimCfRuleHolder extends SimPart<CfRef, SimConditionalFormat> {
  protected readonly _entity: string;
  readonly format: { fill: { color: string; clear(): void }; font: { color: string; bold: boolean } };
  constructor(
    context: SimContext,
    cf: SimConditionalFormat,
    private readonly _kind: string,
  ) {
    super(context, cf);
    this._entity = _kind === "CellValue" ? "CellValueConditionalFormat" : "TextConditionalFormat";
    const state = (tx: Tx): ConditionalFormatState => {
      const cf = cfById(tx, this._target(tx));
      if (cf.type !== this._kind) throw simError("InvalidArgument", MESSAGES.invalidArgument, this._entity);
      return cf;
    };
    const queue = (fn: (cf: ConditionalFormatState) => void): void =>
      this.context._enqueue({ requestBytes: 64, run: (tx) => fn(state(tx)) });
    let fillColor = "";
    let fontColor = "";
    let bold = false;
    this.format = {
      fill: {
        get color() {
          return fillColor;
        },
        set color(v: string) {
          fillColor = normaliseColour(v, "ConditionalRangeFill.color");
          const value = fillColor;
          queue((cf) => (cf.format.fillColor = value));
        },
        clear: () => queue((cf) => (cf.format.fillColor = null)),
      },
      font: {
        get color() {
          return fontColor;
        },
        set color(v: string) {
          fontColor = normaliseColour(v, "ConditionalRangeFont.color");
          const value = fontColor;
          queue((cf) => (cf.format.fontColor = value));
        },
        get bold() {
          return bold;
        },
        set bold(v: boolean) {
          bold = v;
          queue((cf) => (cf.format.bold = v));
        },
      },
    };
  }
  protected _readers(): Record<string, Reader<CfRef>> {
    return { rule: (tx, ref) => ({ ...cfById(tx, ref).rule }) };
  }
  get rule(): { operator?: string; formula1?: string; formula2?: string; text?: string } {
    return this._get("rule");
  }
  set rule(v: { operator?: string; formula1?: string; formula2?: string; text?: string }) {
    this._set("rule", v, (tx, ref) => {
      const cf = cfById(tx, ref);
      if (cf.type !== this._kind) throw simError("InvalidArgument", MESSAGES.invalidArgument, this._entity);
      if (this._kind === "CellValue") {
        const operator = oneOf(v.operator, CF_OPERATORS, "ConditionalCellValueRule.operator");
        if (v.formula1 === undefined || v.formula1 === "")
          throw simError("InvalidArgument", MESSAGES.invalidArgument, "ConditionalCellValueRule.formula1");
        const needsTwo = operator === "Between" || operator === "NotBetween";
        if (needsTwo && (v.formula2 === undefined || v.formula2 === "")) {
          throw simError("InvalidArgument", MESSAGES.invalidArgument, "ConditionalCellValueRule.formula2");
        }
        cf.rule = {
          operator,
          formula1: String(v.formula1),
          ...(needsTwo ? { formula2: String(v.formula2) } : {}),
        };
      } else {
        const operator = oneOf(v.operator, TEXT_OPERATORS, "ConditionalTextComparisonRule.operator");
        if (typeof v.text !== "string")
          throw simError("InvalidArgument", MESSAGES.invalidArgument, "ConditionalTextComparisonRule.text");
        cf.rule = { operator, text: v.text };
      }
    });
  }
}
