// One worksheet's XML -> the sheet's used range as Office.js gives it (src/core/raw.ts). Cells are kept sparse
// while the XML streams past, so empty rows and styled empty cells cost nothing but the scan; the rectangle is
// built once at the end. Cells without r= follow the one before; rows may come in any order.
import type { FormulaWithoutResult, RawCell, RawSheet } from "../core/raw";
import { DATE_1904_OFFSET, MS_PER_DAY, ymdToSerial } from "../core/serial";
import { attr, type XmlHandler } from "./xml";

/** What the sheet reader needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** Number format code for each cell style index (cellXfs). */
  styleFormats: readonly string[];
  /** For each style index, whether it shows a date (only consulted in the 1904 date system). */
  styleIsDate: readonly boolean[];
  date1904: boolean;
  /** Count every <c> element (Excel's getUsedRange()), not only cells with values. */
  formatted: boolean;
  /** Called for each filled cell; throws to stop reading (the workbook-wide cell limit). */
  onFilledCell: () => void;
}

/** The last namespace string judged, and the verdict: the scanner hands out the same string object each time. */
let lastNs = "";
let lastVerdict = true;

export function isSpreadsheetNs(ns: string): boolean {
  // Comparing the same string object is a pointer check; the full comparison runs once per distinct string.
  if (ns === lastNs) return lastVerdict;
  lastNs = ns;
  lastVerdict =
    ns === "" ||
    ns === "http://schemas.openxmlformats.org/spreadsheetml/2006/main" ||
    ns === "http://purl.oclc.org/ooxml/spreadsheetml/main";
  return lastVerdict;
}

/** The r="..." row number of a <row> tag, or 0: read straight from the digits, the hottest path of a sheet. */
function rowNumber(attrs: string): number {
  let i = attrs.indexOf(' r="');
  if (i < 0) {
    const a = attr(attrs, "r");
    return a === null ? 0 : Number(a) || 0;
  }
  i += 4;
  let n = 0;
  for (;;) {
    const c = attrs.charCodeAt(i++);
    if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
    else return c === 34 ? n : Number(attr(attrs, "r")) || 0;
  }
}

/** 1-based column of "AB12" (0 when there are no letters); the row goes to `rowOut[0]`. */
function parseRef(ref: string, rowOut: number[]): number {
  let col = 0;
  let row = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36 /* $ */) break;
  }
  rowOut[0] = row;
  return col;
}

/** Column letters of a 1-based column. */
function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "2024-12-31", "2024-12-31T18:00:00", "2024-12-31T18:00:00Z": an ISO 8601 date as an Excel 1900 serial. */
export function isoDateToSerial(text: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) {
    // A time alone ("T18:00:00" or "18:00:00") is the fraction of a day.
    const t = /^T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(text.trim());
    if (!t) return null;
    return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(t[4] ?? 0)) / 86400;
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d)
    return null;
  const time =
    (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0) + Number(m[7] ?? 0)) / 86400;
  // The 1900 system's serial, with Excel's phantom 29/02/1900 (src/core/serial.ts), plus the time of day.
  return Math.round((ymdToSerial(y, mo, d) + time) * MS_PER_DAY) / MS_PER_DAY;
}

/** "_x000D_" and the like (ECMA-376 ST_Xstring escapes) back to their characters. */
export function unescapeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Empty cells whose number format is kept, per sheet (beyond this, empty cells read as General). */
const MAX_FORMAT_ONLY_CELLS = 1_000_000;

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class SheetReader implements XmlHandler {
  /** Filled cells, parallel arrays (1-based rows and columns). */
  private readonly rows: number[] = [];
  private readonly cols: number[] = [];
  private readonly vals: RawCell[] = [];
  private readonly styles: number[] = [];
  private readonly merges: Merge[] = [];
  readonly tableIds: string[] = [];
  readonly formulasWithoutResult: FormulaWithoutResult[] = [];
  /** Declared in <dimension>; only reported, never trusted. */
  dimension: string | null = null;

  private inSheetData = false;
  private row = 0;
  private col = 0;
  // The cell being read.
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellType = "";
  private cellStyle = 0;
  private hasFormula = false;
  private formula = "";
  private value: string | null = null;
  private inline: string | null = null;
  private inInline = false;
  private phoneticDepth = 0;
  private capture: "" | "v" | "f" | "t" = "";
  private readonly rowOut = [0];

  constructor(
    readonly name: string,
    private readonly ctx: SheetContext,
    private readonly setCapture: (on: boolean) => void,
    /** Turns the scanner's empty-row fast path on (with the handler) or off (null), where it has one. */
    private readonly setEmptyRowPath: (handler: ((attrs: string) => void) | null) => void = () => {},
    /** The scanner's default namespace, so the fast path is only used where <row> means SpreadsheetML's row. */
    private readonly defaultNamespace: () => string = () => "",
  ) {}

  /** An empty row: it holds no cell, so only its number matters (for a next row without r=). */
  private readonly onEmptyRow = (attrs: string): void => {
    const r = attrs.length > 0 ? rowNumber(attrs) : 0;
    this.row = r > 0 ? r : this.row + 1;
    this.col = 0;
  };

  open(name: string, ns: string, attrs: string, selfClosing: boolean): void {
    if (!isSpreadsheetNs(ns)) return;
    if (this.inCell) {
      this.openInCell(name, attrs, selfClosing);
      return;
    }
    if (this.inSheetData) {
      if (name === "row") {
        const r = attrs.length > 0 ? rowNumber(attrs) : 0;
        this.row = r > 0 ? r : this.row + 1;
        this.col = 0;
      } else if (name === "c") {
        this.openCell(attrs, selfClosing);
      }
      return;
    }
    switch (name) {
      case "sheetData":
        if (!selfClosing) {
          this.inSheetData = true;
          if (isSpreadsheetNs(this.defaultNamespace())) this.setEmptyRowPath(this.onEmptyRow);
        }
        return;
      case "mergeCell": {
        const ref = attr(attrs, "ref");
        if (ref) this.addMerge(ref);
        return;
      }
      case "dimension":
        this.dimension = attr(attrs, "ref");
        return;
      case "tablePart": {
        const id = relationshipId(attrs);
        if (id) this.tableIds.push(id);
        return;
      }
      default:
        return;
    }
  }

  close(name: string, ns: string): void {
    if (!isSpreadsheetNs(ns)) return;
    if (this.inCell) {
      if (name === "c") this.finishCell();
      else if (name === this.capture || (name === "t" && this.capture === "t")) this.stopCapture();
      else if (name === "rPh") this.phoneticDepth--;
      else if (name === "is") this.inInline = false;
      return;
    }
    if (name === "sheetData") {
      this.inSheetData = false;
      this.setEmptyRowPath(null);
    }
  }

  text(value: string): void {
    if (this.capture === "v") this.value = (this.value ?? "") + value;
    else if (this.capture === "f") this.formula += value;
    else if (this.capture === "t") this.inline = (this.inline ?? "") + value;
  }

  private startCapture(what: "v" | "f" | "t"): void {
    this.capture = what;
    this.setCapture(true);
  }

  private stopCapture(): void {
    this.capture = "";
    this.setCapture(false);
  }

  private openCell(attrs: string, selfClosing: boolean): void {
    const r = attrs.length > 0 ? attr(attrs, "r") : null;
    let col: number;
    let row = this.row;
    if (r !== null) {
      col = parseRef(r, this.rowOut);
      if (this.rowOut[0] > 0) row = this.rowOut[0];
      if (col === 0) col = this.col + 1;
    } else col = this.col + 1;
    if (row === 0) row = this.row = 1;
    this.col = col;
    const s = attrs.length > 0 ? attr(attrs, "s") : null;
    const style = s !== null ? Number(s) : 0;
    if (selfClosing) {
      // A styled empty cell: part of the used range only when formatting counts.
      if (this.ctx.formatted) this.push(row, col, "", style);
      else this.keepFormat(row, col, style);
      return;
    }
    this.inCell = true;
    this.cellRow = row;
    this.cellCol = col;
    this.cellType = attrs.length > 0 ? (attr(attrs, "t") ?? "n") : "n";
    this.cellStyle = style;
    this.hasFormula = false;
    this.formula = "";
    this.value = null;
    this.inline = null;
    this.inInline = false;
    this.phoneticDepth = 0;
  }

  private openInCell(name: string, attrs: string, selfClosing: boolean): void {
    if (name === "v") {
      if (!selfClosing) this.startCapture("v");
      else this.value = "";
    } else if (name === "f") {
      this.hasFormula = true;
      if (!selfClosing) this.startCapture("f");
      else if (attr(attrs, "t") === "shared") this.formula = `(shared formula ${attr(attrs, "si") ?? ""})`;
    } else if (name === "is") {
      this.inInline = !selfClosing;
      if (this.inline === null) this.inline = "";
    } else if (name === "rPh") {
      if (!selfClosing) this.phoneticDepth++;
    } else if (name === "t" && this.inInline && this.phoneticDepth === 0 && !selfClosing) {
      this.startCapture("t");
    }
  }

  private finishCell(): void {
    this.inCell = false;
    if (this.capture !== "") this.stopCapture();
    const { cellRow: row, cellCol: col, cellStyle: style } = this;
    const v = this.value;
    let out: RawCell;
    switch (this.cellType) {
      case "s": {
        const s = v === null ? undefined : this.ctx.sharedStrings[Number(v)];
        out = s ?? "";
        break;
      }
      case "inlineStr":
        out = unescapeXstring(this.inline ?? v ?? "");
        break;
      case "str":
        out = v === null ? "" : unescapeXstring(v);
        break;
      case "b":
        out = v === null ? "" : v.trim() === "1" || v.trim().toLowerCase() === "true";
        break;
      case "e":
        out = v === null ? "" : v.trim();
        break;
      case "d": {
        const serial = v === null ? null : isoDateToSerial(v);
        out = serial ?? v ?? "";
        break;
      }
      default: {
        if (v === null || v.trim() === "") {
          out = "";
          break;
        }
        const n = Number(v);
        if (Number.isNaN(n)) {
          out = v;
          break;
        }
        out = this.ctx.date1904 && this.ctx.styleIsDate[style] ? n + DATE_1904_OFFSET : n;
      }
    }
    if (this.hasFormula && v === null && this.cellType !== "inlineStr") {
      // Excel always saves a formula's last result; without one the figure is unknown, not empty.
      this.formulasWithoutResult.push({
        sheet: this.name,
        cell: letters(col) + row,
        formula: this.formula.trim(),
      });
      this.push(row, col, "", style, true);
      return;
    }
    if (out === "" && !this.hasFormula) {
      if (this.ctx.formatted) this.push(row, col, "", style);
      else this.keepFormat(row, col, style);
      return;
    }
    this.push(row, col, out, style, true);
  }

  private push(row: number, col: number, value: RawCell, style: number, filled = false): void {
    if (filled) this.ctx.onFilledCell();
    this.rows.push(row);
    this.cols.push(col);
    this.vals.push(value);
    this.styles.push(style);
  }

  /**
   * An empty cell's number format, which Office.js also reports inside the used range. Only formats other than
   * General are kept, and only so many: a sheet styled to its last row must not cost memory for it.
   */
  private keepFormat(row: number, col: number, style: number): void {
    if (style === 0 || this.formatOnly.rows.length >= MAX_FORMAT_ONLY_CELLS) return;
    const fmt = this.ctx.styleFormats[style];
    if (fmt === undefined || fmt === "General") return;
    this.formatOnly.rows.push(row);
    this.formatOnly.cols.push(col);
    this.formatOnly.styles.push(style);
  }

  private readonly formatOnly = { rows: [] as number[], cols: [] as number[], styles: [] as number[] };

  private addMerge(ref: string): void {
    const [a, b = a] = ref.split(":");
    const left = parseRef(a, this.rowOut);
    const top = this.rowOut[0];
    const right = parseRef(b, this.rowOut);
    const bottom = this.rowOut[0];
    if (left > 0 && top > 0 && right >= left && bottom >= top) this.merges.push({ top, left, bottom, right });
  }

  /** Whether (row, col) is inside a merged area but not its top-left cell (Office.js gives "" there). */
  private mergedAway(): (row: number, col: number) => boolean {
    if (this.merges.length === 0) return () => false;
    const byRow = new Map<number, Merge[]>();
    const wide: Merge[] = [];
    for (const m of this.merges) {
      if (m.bottom - m.top > 10_000) {
        wide.push(m);
        continue;
      }
      for (let r = m.top; r <= m.bottom; r++) {
        const list = byRow.get(r);
        if (list) list.push(m);
        else byRow.set(r, [m]);
      }
    }
    const inside = (m: Merge, row: number, col: number) =>
      col >= m.left &&
      col <= m.right &&
      row >= m.top &&
      row <= m.bottom &&
      !(row === m.top && col === m.left);
    return (row, col) => {
      const list = byRow.get(row);
      if (list) for (const m of list) if (inside(m, row, col)) return true;
      for (const m of wide) if (inside(m, row, col)) return true;
      return false;
    };
  }

  /** The number of cells the used range will hold, to check against the limit before building it. */
  usedRangeSize(): { cells: number; first: string; last: string } {
    const b = this.bounds();
    if (!b) return { cells: 0, first: "A1", last: "A1" };
    return {
      cells: (b.bottom - b.top + 1) * (b.right - b.left + 1),
      first: letters(b.left) + b.top,
      last: letters(b.right) + b.bottom,
    };
  }

  private boundsCache: Merge | null | undefined;

  private bounds(): Merge | null {
    if (this.boundsCache !== undefined) return this.boundsCache;
    const away = this.mergedAway();
    let b: Merge | null = null;
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      const c = this.cols[i];
      if (away(r, c)) {
        this.vals[i] = "";
        if (!this.ctx.formatted) continue;
      }
      if (!b) b = { top: r, left: c, bottom: r, right: c };
      else {
        if (r < b.top) b.top = r;
        if (r > b.bottom) b.bottom = r;
        if (c < b.left) b.left = c;
        if (c > b.right) b.right = c;
      }
    }
    this.boundsCache = b;
    return b;
  }

  /** The sheet as the engine reads it. */
  toRawSheet(visibility: RawSheet["visibility"]): RawSheet {
    const b = this.bounds();
    if (!b) return { name: this.name, values: [], numberFormats: [], originRow: 0, originCol: 0, visibility };
    const height = b.bottom - b.top + 1;
    const width = b.right - b.left + 1;
    const values: RawCell[][] = new Array<RawCell[]>(height);
    const numberFormats: string[][] = new Array<string[]>(height);
    for (let r = 0; r < height; r++) {
      values[r] = new Array<RawCell>(width).fill("");
      numberFormats[r] = new Array<string>(width).fill("General");
    }
    const formats = this.ctx.styleFormats;
    const f = this.formatOnly;
    for (let i = 0; i < f.rows.length; i++) {
      const r = f.rows[i] - b.top;
      const c = f.cols[i] - b.left;
      if (r < 0 || c < 0 || r >= height || c >= width) continue;
      numberFormats[r][c] = formats[f.styles[i]];
    }
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i] - b.top;
      const c = this.cols[i] - b.left;
      if (r < 0 || c < 0 || r >= height || c >= width) continue;
      values[r][c] = this.vals[i];
      const fmt = formats[this.styles[i]];
      if (fmt !== undefined && fmt !== "") numberFormats[r][c] = fmt;
    }
    return {
      name: this.name,
      values,
      numberFormats,
      originRow: b.top - 1,
      originCol: b.left - 1,
      visibility,
    };
  }
}

/** The r:id of a tag (the relationships namespace under whatever prefix the writer chose). */
export function relationshipId(attrs: string): string | null {
  const m = /(?:^|\s)[A-Za-z_][\w.-]*:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
  return m ? (m[1] ?? m[2] ?? null) : null;
}
