// worksheet.pageLayout (orientation, paper, zoom, print area and titles, centring, margins, header and footer)
// and worksheet.horizontalPageBreaks.
import { parseRect, rectAddress, splitSheet } from "./address";
import type { Reader, SimContext, Tx } from "./context";
import { MESSAGES, simError } from "./errors";
import { SimRange } from "./range";
import { SimClientResult } from "./result";
import type { SheetState } from "./state";
import { SimPart } from "./context";
import type { SimWorksheet, SheetRef } from "./worksheet";
import { EXCEL_ENUMS } from "./globals";

/** worksheet.horizontalPageBreaks: a manual break sits above the top row of the range given to add(). */
export class SimPageBreakCollection {
  constructor(
    private readonly _sheet: SimWorksheet,
    private readonly _context: SimContext,
  ) {}
  add(pageBreakRange: SimRange | string): void {
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        const sheet = this._sheet._state(tx);
        const rect =
          typeof pageBreakRange === "string"
            ? parseRect(splitSheet(pageBreakRange).local)
            : pageBreakRange._target(tx).rect;
        if (!sheet.horizontalPageBreaks.includes(rect.row)) sheet.horizontalPageBreaks.push(rect.row);
        sheet.horizontalPageBreaks.sort((a, b) => a - b);
      },
    });
  }
  removePageBreaks(): void {
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => (this._sheet._state(tx).horizontalPageBreaks = []),
    });
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._context._enqueue({
      requestBytes: 64,
      run: (tx) => {
        const n = this._sheet._state(tx).horizontalPageBreaks.length;
        tx.onCommit(() => result._resolve(n));
      },
    });
    return result;
  }
}

const ORIENTATIONS = Object.values(EXCEL_ENUMS.PageOrientation);
const MARGINS = [
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
] as const;
const PAPER = Object.values(EXCEL_ENUMS.PaperType);

/** worksheet.pageLayout: print orientation, paper, fit-to-page zoom, print area and titles, centring, margins, footer. */
export class SimPageLayout extends SimPart<SheetRef, SimWorksheet> {
  protected readonly _entity = "PageLayout";
  readonly headersFooters: { defaultForAllPages: { centerFooter: string; centerHeader: string } };
  // The six margins (in points): accessors defined on the prototype in the static block below.
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;

  constructor(context: SimContext, sheet: SimWorksheet) {
    super(context, sheet);
    const layout = (tx: Tx): SheetState["pageLayout"] => this._owner._state(tx).pageLayout;
    const queue = (fn: (tx: Tx) => void): void => this.context._enqueue({ requestBytes: 64, run: fn });
    let footer = "";
    let header = "";
    this.headersFooters = {
      defaultForAllPages: {
        get centerFooter() {
          return footer;
        },
        set centerFooter(v: string) {
          footer = v;
          queue((tx) => (layout(tx).centerFooter = v));
        },
        get centerHeader() {
          return header;
        },
        set centerHeader(v: string) {
          header = v;
          queue((tx) => (layout(tx).centerHeader = v));
        },
      },
    };
  }
  private _layout(tx: Tx): SheetState["pageLayout"] {
    return this._owner._state(tx).pageLayout;
  }
  protected _readers(): Record<string, Reader<SheetRef>> {
    const l = (tx: Tx): SheetState["pageLayout"] => this._layout(tx);
    return {
      orientation: (tx) => l(tx).orientation,
      paperSize: (tx) => l(tx).paperSize,
      zoom: (tx) => ({ ...l(tx).zoom }),
      centerHorizontally: (tx) => l(tx).centerHorizontally,
      centerVertically: (tx) => l(tx).centerVertically,
      ...Object.fromEntries(MARGINS.map((name) => [name, (tx: Tx) => l(tx)[name]])),
    };
  }
  protected _setLayout<K extends keyof SheetState["pageLayout"]>(
    name: K,
    value: SheetState["pageLayout"][K],
    check?: () => void,
  ): void {
    this._set(name, value, (tx) => {
      check?.();
      this._layout(tx)[name] = value;
    });
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    const value = ORIENTATIONS.find((o) => o.toLowerCase() === String(v).toLowerCase());
    this._setLayout("orientation", value ?? v, () => {
      if (!value) throw simError("InvalidArgument", MESSAGES.invalidArgument, "PageLayout.orientation");
    });
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    const value = PAPER.find((o) => o.toLowerCase() === String(v).toLowerCase());
    this._setLayout("paperSize", value ?? v, () => {
      if (!value) throw simError("InvalidArgument", MESSAGES.invalidArgument, "PageLayout.paperSize");
    });
  }
  /** Excel.PageLayoutZoomOptions: fit-to-pages or a scale, not both. */
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this._get("zoom");
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this._setLayout("zoom", { ...v }, () => {
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      if (fit && v.scale !== undefined)
        throw simError("InvalidArgument", MESSAGES.invalidArgument, "PageLayout.zoom");
    });
  }
  get centerHorizontally(): boolean {
    return this._get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this._setLayout("centerHorizontally", v);
  }
  get centerVertically(): boolean {
    return this._get("centerVertically");
  }
  set centerVertically(v: boolean) {
    this._setLayout("centerVertically", v);
  }
  static {
    // The six margins are plain numbers in points (72 to the inch), as in Office.js.
    for (const name of MARGINS) {
      Object.defineProperty(SimPageLayout.prototype, name, {
        get(this: SimPageLayout) {
          return this._get(name);
        },
        set(this: SimPageLayout, v: number) {
          this._setLayout(name, v);
        },
        configurable: true,
      });
    }
  }
  setPrintArea(printArea: SimRange | string): void {
    this._queue(64, (tx) => {
      const rect =
        typeof printArea === "string" ? parseRect(splitSheet(printArea).local) : printArea._target(tx).rect;
      this._layout(tx).printArea = rectAddress(rect);
    });
  }
  /** Rows repeated on each page: "$1:$3", "1:3" or a range whose rows are used. */
  setPrintTitleRows(titleRows: SimRange | string): void {
    this._queue(64, (tx) => {
      let first: number;
      let count: number;
      if (typeof titleRows === "string") {
        const m = /^\$?(\d+):\$?(\d+)$/.exec(splitSheet(titleRows).local);
        if (!m) throw simError("InvalidArgument", MESSAGES.invalidArgument, "PageLayout.setPrintTitleRows");
        first = Number(m[1]) - 1;
        count = Number(m[2]) - first;
      } else {
        const rect = titleRows._target(tx).rect;
        first = rect.row;
        count = rect.rows;
      }
      this._layout(tx).printTitleRows = `$${first + 1}:$${first + count}`;
    });
  }
}
