// Reading one cell of a located table: its value parsed as the field's type wants it (text, count, share, date,
// RAG ...), with the cell's A1 address, and an issue at that address when the value cannot be used. A problem in one
// cell never stops the row: the cell reads as empty.
import { sheetCellAddress } from "../a1";
import { makeIssue, type IssueCode } from "../issues";
import type { Issue, RagValue, SourceRef } from "../model";
// Parsers imported from their own modules, not the barrel: a re-exported binding costs a getter call per cell.
import { parseDate, parseMonth } from "../parse/dates";
import { parseMoney, parseNumber, tidy } from "../parse/numbers";
import { parseShare, shownPercentDecimals } from "../parse/percent";
import { parseProgramme } from "../parse/programme";
import { parseRag, ragTrack } from "../parse/rag";
import { quote, type ParseResult } from "../parse/result";
import { EXCEL_ERRORS, isBlank, textOf, type RawCell, type RawSheet } from "../raw";
import type { Cell } from "../tracker";

// Number bound once: in a sandboxed global (jest's vm context) each global lookup is slow, and these run once per
// cell on big sheets.
const { isFinite, isInteger } = Number;

const EXCEL_ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

/** One cell to be read: its raw value, number format and address, or why there is nothing to read. */
export type Slot =
  | { state: "value"; v: RawCell; fmt: string | undefined; ref: SourceRef }
  | { state: "empty"; ref: SourceRef };

/** Reads cells of one sheet, recording issues against their addresses. */
export class CellReader {
  constructor(
    readonly sheet: RawSheet,
    readonly issues: Issue[],
    /** For a rearranged grid (months across, a table's block): the real address of grid cell (r, c). */
    readonly addressOf?: (r: number, c: number) => string,
  ) {
    this.absentRef = Object.freeze({ sheet: sheet.name, cell: "" });
    this.absentCell = Object.freeze({ value: null, ref: this.absentRef });
  }

  /** Reused for every share cell (parseShare only reads it). */
  private readonly shareContext: { numberFormat?: string; columnTypedAsPercentNumbers: boolean } = {
    columnTypedAsPercentNumbers: false,
  };

  /**
   * Shared by every cell of a column the sheet does not have: big sheets often lack several optional columns,
   * and one frozen object instead of two per row keeps reading fast. Frozen, so nobody can change them all at once.
   */
  private readonly absentRef: SourceRef;
  private readonly absentCell: Cell<never>;

  /** An empty cell: the shared one for an absent column, a fresh one pointing at a real blank cell otherwise. */
  empty<T>(s: Slot): Cell<T> {
    return s.ref === this.absentRef ? this.absentCell : { value: null, ref: s.ref };
  }

  ref(r: number, c: number): SourceRef {
    if (c < 0) return this.absentRef;
    if (this.addressOf) return { sheet: this.sheet.name, cell: this.addressOf(r, c) };
    return { sheet: this.sheet.name, cell: sheetCellAddress(this.sheet, r, c) };
  }

  report(code: IssueCode, ref: SourceRef, message: string, severity?: "error" | "warning" | "info"): void {
    this.issues.push(makeIssue(code, ref, message, severity ? { severity } : {}));
  }

  /**
   * The slot at (r, c). Empty cells raise missing_value when `required`; Excel errors raise excel_error and
   * read as empty, so one #N/A never stops the row.
   */
  slot(r: number, c: number, label: string, required: boolean): Slot {
    const ref = this.ref(r, c);
    if (c < 0) return { state: "empty", ref };
    const v = this.sheet.values[r]?.[c];
    if (v === undefined || isBlank(v)) {
      if (required)
        this.report("missing_value", ref, `${label}, ${ref.cell}: the cell is empty but is needed.`);
      return { state: "empty", ref };
    }
    if (typeof v === "string" && v.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR_SET.has(v)) {
      this.report("excel_error", ref, `${label}, ${ref.cell}: the cell shows the Excel error ${v}.`);
      return { state: "empty", ref };
    }
    // One scratch object for every value slot: a slot is used at once and dropped, and big sheets have
    // hundreds of thousands of cells, so not allocating here keeps the garbage collector out of the way.
    const scratch = this.scratch;
    scratch.v = v;
    scratch.fmt = this.sheet.numberFormats?.[r]?.[c];
    scratch.ref = ref;
    return scratch;
  }

  private readonly scratch: Slot & { state: "value" } = {
    state: "value",
    v: "",
    fmt: undefined,
    ref: { sheet: "", cell: "" },
  };

  /** Turns a parse result into a Cell, raising `failCode` with the parser's reason when it fails. */
  finish<T>(
    slot: Slot & { state: "value" },
    label: string,
    result: ParseResult<T>,
    failCode: IssueCode,
  ): Cell<T> {
    if (!result.ok) {
      this.report(failCode, slot.ref, `${label}, ${slot.ref.cell}: ${result.reason}.`);
      return { value: null, ref: slot.ref };
    }
    if (result.flag === "text_number") {
      this.report(
        "text_looks_like_number",
        slot.ref,
        `${label}, ${slot.ref.cell}: ${quote(slot.v)} is a number stored as text; it is read as ${result.value}.`,
      );
    } else if (result.flag === "ambiguous_percentage") {
      this.report("ambiguous_percentage", slot.ref, `${label}, ${slot.ref.cell}: ${result.note ?? ""}.`);
    }
    return { value: result.value, ref: slot.ref };
  }

  text(r: number, c: number, label: string, required: boolean): Cell<string> {
    const s = this.slot(r, c, label, required);
    return s.state === "value" ? { value: textOf(s.v), ref: s.ref } : this.empty(s);
  }

  number(r: number, c: number, label: string, required: boolean): Cell<number> {
    const s = this.slot(r, c, label, required);
    if (s.state === "value" && typeof s.v === "number" && isFinite(s.v)) return { value: s.v, ref: s.ref };
    return s.state === "value" ? this.finish(s, label, parseNumber(s.v), "not_a_number") : this.empty(s);
  }

  /** A count: whole and not negative, else the cell is left out with negative_count / not_whole_number. */
  count(r: number, c: number, label: string, required: boolean): Cell<number> {
    const cell = this.number(r, c, label, required);
    if (cell.value === null) return cell;
    if (cell.value < 0) {
      this.report("negative_count", cell.ref, `${label}, ${cell.ref.cell}: ${cell.value} is below zero.`);
      return { value: null, ref: cell.ref };
    }
    if (!isInteger(cell.value)) {
      this.report(
        "not_whole_number",
        cell.ref,
        `${label}, ${cell.ref.cell}: ${cell.value} is not a whole number.`,
      );
      return { value: null, ref: cell.ref };
    }
    return cell;
  }

  /** An impact or likelihood score: whole, 1 to 5. */
  score(r: number, c: number, label: string, required: boolean): Cell<number> {
    const cell = this.number(r, c, label, required);
    if (cell.value === null) return cell;
    if (!isInteger(cell.value)) {
      this.report(
        "score_not_whole",
        cell.ref,
        `${label}, ${cell.ref.cell}: ${cell.value} is not a whole number.`,
      );
      return { value: null, ref: cell.ref };
    }
    if (cell.value < 1 || cell.value > 5) {
      this.report(
        "score_out_of_range",
        cell.ref,
        `${label}, ${cell.ref.cell}: ${cell.value} is outside 1-5.`,
      );
      return { value: null, ref: cell.ref };
    }
    return cell;
  }

  money(r: number, c: number, label: string, required: boolean): Cell<number> {
    const s = this.slot(r, c, label, required);
    return s.state === "value" ? this.finish(s, label, parseMoney(s.v), "not_a_number") : this.empty(s);
  }

  /** A share (fraction), range-checked to 0-100%, keeping the decimals the cell shows. */
  share(
    r: number,
    c: number,
    label: string,
    required: boolean,
    percentColumn: boolean,
    keepDecimals = false,
  ): Cell<number> {
    const s = this.slot(r, c, label, required);
    if (s.state !== "value") return this.empty(s);
    this.shareContext.numberFormat = s.fmt;
    this.shareContext.columnTypedAsPercentNumbers = percentColumn;
    const cell = this.finish(s, label, parseShare(s.v, this.shareContext), "not_a_number");
    if (cell.value === null) return cell;
    if (cell.value < 0 || cell.value > 1) {
      this.report(
        "share_out_of_range",
        cell.ref,
        `${label}, ${cell.ref.cell}: ${quote(s.v)} reads as ${tidy(cell.value * 100)}%, outside 0-100%.`,
      );
      return { value: null, ref: cell.ref };
    }
    // Only figures we cross-check need their displayed precision; working it out on every share cell costs time.
    if (keepDecimals) {
      const decimals = shownPercentDecimals(s.v, s.fmt);
      if (decimals !== undefined) cell.displayDecimals = decimals;
    }
    return cell;
  }

  date(r: number, c: number, label: string, required: boolean): Cell<string> {
    const s = this.slot(r, c, label, required);
    return s.state === "value" ? this.finish(s, label, parseDate(s.v), "unparseable_date") : this.empty(s);
  }

  month(r: number, c: number, label: string, required: boolean): Cell<string> {
    const s = this.slot(r, c, label, required);
    return s.state === "value" ? this.finish(s, label, parseMonth(s.v), "unparseable_date") : this.empty(s);
  }

  /** A RAG: an unrecognised text keeps its words with a null grade (counted as unknown) and raises unknown_rag. */
  rag(r: number, c: number, label: string, required: boolean): Cell<RagValue> {
    const s = this.slot(r, c, label, required);
    if (s.state !== "value") return this.empty(s);
    const parsed = parseRag(s.v);
    if (parsed.ok) return { value: parsed.value, ref: s.ref };
    this.report("unknown_rag", s.ref, `${label}, ${s.ref.cell}: ${parsed.reason}; it is counted as unknown.`);
    const text = textOf(s.v);
    return { value: { grade: null, track: ragTrack(text), text }, ref: s.ref };
  }

  programme(r: number, c: number, label: string, required: boolean): Cell<number> {
    const s = this.slot(r, c, label, required);
    return s.state === "value"
      ? this.finish(s, label, parseProgramme(s.v), "unknown_programme")
      : this.empty(s);
  }

  /** A small vocabulary (status, polarity, yes/no ...), raising `failCode` for a word it does not know. */
  word<T>(
    r: number,
    c: number,
    label: string,
    required: boolean,
    parse: (v: RawCell) => ParseResult<T>,
    failCode: IssueCode,
  ): Cell<T> {
    const s = this.slot(r, c, label, required);
    return s.state === "value" ? this.finish(s, label, parse(s.v), failCode) : this.empty(s);
  }
}
