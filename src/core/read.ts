// The tracker reader: raw workbook -> typed rows (every cell with its A1 address) + issues pointing at cells.
// Sheets are found by template name or alias (case, spacing and punctuation ignored); the header row anywhere in
// the first 20 rows; columns in any order. A problem in one section never stops the others. Never throws.
import { columnLetters, sheetCellAddress, sheetRangeAddress, sheetRowNumber } from "./a1";
import { formatMonth } from "./format";
import { SAVED_MAPPING_KEY } from "./engine-api";
import { makeIssue, type IssueCode } from "./issues";
import { parseMapping, type TrackerMapping } from "./mapping/format";
import {
  isMonthsAcross,
  locateMapped,
  mappedFieldsSheet,
  mappedSheets,
  monthsAcrossTable,
  unmappedConsequences,
  type LocatedTable,
} from "./mapping/locate";
import type { Issue, KpiId, KpiUnit, RagValue, SourceRef } from "./model";
// Parsers imported from their own modules, not the barrel: a re-exported binding costs a getter call per cell.
import { parseDate, parseMonth, parsePeriodEnd } from "./parse/dates";
import {
  parseBoolean,
  parseKpiId,
  parseMilestoneStatus,
  parsePolarity,
  parseRiskBands,
  parseRiskStatus,
  parseTwentyWeekVariant,
  parseUnit,
} from "./parse/enums";
import { closestHeader, headerIndex, normaliseHeader } from "./parse/headers";
import { parseMoney, parseNumber, tidy } from "./parse/numbers";
import { parseShare, shownPercentDecimals } from "./parse/percent";
import { parseProgramme, programmeNameFrom } from "./parse/programme";
import { parseRag, ragTrack } from "./parse/rag";
import { quote, type ParseResult } from "./parse/result";
import { EXCEL_ERRORS, type RawCell, type RawSheet, type RawWorkbook } from "./raw";
import { SETTINGS_FIELDS, TEMPLATE, type ColumnSpec, type SheetSpec } from "./template";
import type {
  Cell,
  FinanceRow,
  KpiRow,
  MilestoneRow,
  MonthlyRow,
  PlacesRow,
  ProgrammeRow,
  ProgrammeSettings,
  RiskRow,
  SectionId,
  Tracker,
  WorkstreamRow,
} from "./tracker";

// Math and Number bound once: in a sandboxed global (jest's vm context) each global lookup is slow, and
// these run once per cell on big sheets.
const { abs: mAbs, max: mMax, min: mMin } = Math;
const { isFinite, isInteger } = Number;

/** How the reader finds things, as written in the docs (docs/tracker-template.md). */
export const READING_RULES = [
  "Sheets are found by their template name or one of its aliases; case, spacing and punctuation are ignored ('send monthly' finds 'SEND Monthly', \"KPI's\" finds 'KPIs', 'S.E.N.D. Monthly' finds 'SEND Monthly').",
  "The header row may be anywhere in the first 20 rows (titles and notes above it are fine): the row matching most template headers is taken.",
  "Columns may be in any order; extra columns are ignored. Headers match the template header or an alias, ignoring case, spacing and punctuation, but '%' and '#' count ('% placed in INMSS' is not '# placed in INMSS').",
  "Where both the template header and an alias of it appear, the template header is used; the same header twice is reported and the first used.",
  "A header merged down over two header rows is read from its top cell.",
  "Blank rows are skipped, and so is a totals row ('Total', 'Totals', 'Grand total' in its first cell).",
  "The Settings sheet is Field/Value pairs; without a Field/Value header row, the first two columns are taken.",
  "A missing or unreadable sheet leaves its part of the summary empty with an issue; the other sheets are still read.",
  "Numbers stored as text are accepted (with an information note). Excel errors (#N/A, #REF! ...) are read as empty, with a warning.",
];

/** The header row is looked for in this many rows from the top of the used range (titles and notes above it). */
export const HEADER_SEARCH_ROWS = 20;

const EXCEL_ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);
const TOTALS = /^(grand\s+)?totals?\s*:?$/i;

// ---------------------------------------------------------------- sheets

/**
 * The sheet for a template section: the template name first, then each alias in order; matching ignores case,
 * spacing and punctuation ("send  monthly" finds "SEND Monthly"). A sheet already used by another section is skipped.
 */
export function findSheet(
  raw: RawWorkbook,
  spec: SheetSpec,
  taken: ReadonlySet<string> = new Set(),
): RawSheet | null {
  const byName = new Map<string, RawSheet>();
  for (const s of raw.sheets) {
    const key = normaliseHeader(s.name);
    if (!byName.has(key) && !taken.has(s.name)) byName.set(key, s);
  }
  for (const name of [spec.name, ...spec.aliases]) {
    const hit = byName.get(normaliseHeader(name));
    if (hit) return hit;
  }
  return findSheetIgnoringSpaces(raw, spec, taken);
}

/** The second try: punctuation that splits a name ("S.E.N.D. Monthly", "Risk-Register") ignored with the spaces. */
function findSheetIgnoringSpaces(
  raw: RawWorkbook,
  spec: SheetSpec,
  taken: ReadonlySet<string>,
): RawSheet | null {
  const compact = (s: string) => normaliseHeader(s).replace(/ /g, "");
  const wanted = new Set([spec.name, ...spec.aliases].map(compact));
  return raw.sheets.find((s) => !taken.has(s.name) && wanted.has(compact(s.name))) ?? null;
}

// ---------------------------------------------------------------- cells

const isBlank = (v: RawCell | undefined): boolean =>
  v === undefined || v === "" || (typeof v === "string" && v.trim() === "");

const textValue = (v: RawCell): string =>
  typeof v === "string" ? v.trim() : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);

/** One cell to be read: its raw value, number format and address, or why there is nothing to read. */
type Slot =
  | { state: "value"; v: RawCell; fmt: string | undefined; ref: SourceRef }
  | { state: "empty"; ref: SourceRef };

/** Reads cells of one sheet, recording issues against their addresses. */
class CellReader {
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

  /** Column letters by values-column, filled as met: the address of every cell is built from them. */
  private readonly letters: string[] = [];

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
    const letters = (this.letters[c] ??= columnLetters(this.sheet.originCol + c));
    return { sheet: this.sheet.name, cell: letters + (this.sheet.originRow + r + 1) };
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
    return s.state === "value" ? { value: textValue(s.v), ref: s.ref } : this.empty(s);
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
    const text = textValue(s.v);
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

// ---------------------------------------------------------------- tables

/** Where a table sits: its header row and the column of each template field found (-1 when absent). */
interface TableLayout {
  sheet: RawSheet;
  spec: SheetSpec;
  headerRow: number;
  col: Record<string, number>;
  /** Indexes into sheet.values of the data rows (blank and totals rows left out). */
  rows: number[];
}

function headerText(v: RawCell | undefined): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

/**
 * The header of column c when row r is the header row. A header merged down over two rows (a two-row header:
 * "Scores" above "Impact (1-5)", or "ID" spanning both rows) shows only in its top cell, so a blank here takes
 * the text above it.
 */
function mergedHeaderText(values: RawCell[][], r: number, c: number): string {
  const text = headerText(values[r][c]);
  if (text.trim() !== "" || r === 0) return text;
  return headerText(values[r - 1][c]);
}

/**
 * Finds the header row (the row in the first HEADER_SEARCH_ROWS matching most template headers), maps the columns,
 * and lists the data rows. Raises header_not_found, missing_column and duplicate_column.
 */
function locateTable(sheet: RawSheet, spec: SheetSpec, issues: Issue[]): TableLayout | null {
  const index = headerIndex(spec.columns);
  const values = sheet.values;
  const searchRows = mMin(values.length, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < searchRows; r++) {
    const seen = new Set<string>();
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const hit = index.get(normaliseHeader(mergedHeaderText(values, r, c)));
      if (hit) seen.add(hit.field);
    }
    if (seen.size > bestScore) {
      bestScore = seen.size;
      best = r;
    }
  }
  const severity = spec.required ? undefined : ("warning" as const);
  if (best < 0) {
    const first = spec.columns
      .filter((c) => c.required)
      .map((c) => `"${c.header}"`)
      .join(", ");
    issues.push(
      makeIssue(
        "header_not_found",
        { sheet: sheet.name, cell: values.length ? sheetRangeAddress(sheet, 0, 0, searchRows - 1, 0) : "" },
        `No header row was found on the "${sheet.name}" sheet: none of the first ${HEADER_SEARCH_ROWS} rows has the template's column headers (${first}).`,
        severity ? { severity } : {},
      ),
    );
    return null;
  }

  const header = values[best];
  const col: Record<string, number> = {};
  const exactness: Record<string, boolean> = {};
  for (const c of spec.columns) col[c.field] = -1;
  for (let c = 0; c < header.length; c++) {
    const text = mergedHeaderText(values, best, c);
    const hit = index.get(normaliseHeader(text));
    if (!hit) continue;
    const prev = col[hit.field];
    if (prev < 0 || (hit.exact && !exactness[hit.field])) {
      col[hit.field] = c;
      exactness[hit.field] = hit.exact;
    } else if (hit.exact === exactness[hit.field]) {
      const spec1 = spec.columns.find((s) => s.field === hit.field)!;
      issues.push(
        makeIssue(
          "duplicate_column",
          { sheet: sheet.name, cell: sheetCellAddress(sheet, best, c) },
          `The "${sheet.name}" sheet has two "${spec1.header}" columns (${sheetCellAddress(sheet, best, prev)} and ${sheetCellAddress(sheet, best, c)}).`,
        ),
      );
    }
  }

  const headerRange = sheetRangeAddress(sheet, best, 0, best, mMax(0, header.length - 1));
  const unmatched = header
    .map((_, c) => mergedHeaderText(values, best, c))
    .filter((h) => h.trim() !== "" && !index.has(normaliseHeader(h)));
  for (const c of spec.columns) {
    if (!c.required || col[c.field] >= 0) continue;
    const suggestion = closestHeader([c.header, ...c.aliases], unmatched);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : "";
    issues.push(
      makeIssue(
        "missing_column",
        { sheet: sheet.name, cell: headerRange },
        `The "${sheet.name}" sheet has no "${c.header}" column in its header row (row ${sheetRowNumber(sheet, best)}).${hint}`,
        severity ? { severity } : {},
      ),
    );
  }

  const rows = dataRowsBelow(values, best, col);
  if (rows.length === 0) {
    issues.push(
      makeIssue(
        "no_data_rows",
        { sheet: sheet.name, cell: sheetCellAddress(sheet, mMin(best + 1, values.length), 0) },
        `The "${sheet.name}" sheet has a header row (row ${sheetRowNumber(sheet, best)}) but no data under it.`,
        severity ? { severity } : {},
      ),
    );
  }
  return { sheet, spec, headerRow: best, col, rows };
}

/**
 * Indexes of the data rows under the header row. Blank rows are skipped by looking only at the template's columns,
 * so a long tail of empty rows costs one pass over a handful of cells each; a totals row is skipped too.
 */
function dataRowsBelow(values: RawCell[][], headerRow: number, col: Record<string, number>): number[] {
  const used = Object.values(col).filter((c) => c >= 0);
  const firstUsed = used.length ? mMin(...used) : 0;
  const rows: number[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    let blank = true;
    for (const c of used) {
      if (!isBlank(row[c])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const lead = row[0];
    if (
      (typeof lead === "string" && TOTALS.test(lead.trim())) ||
      (typeof row[firstUsed] === "string" && TOTALS.test((row[firstUsed] as string).trim()))
    )
      continue;
    rows.push(r);
  }
  return rows;
}

/** Column facts for a table's fields, worked out once per table (not once per cell). */
function fieldReader(t: TableLayout): (field: string) => ColumnInfo {
  const infos = new Map<string, ColumnInfo>(
    t.spec.columns.map((c) => [c.field, { c: t.col[c.field], label: c.header, required: c.required }]),
  );
  return (field) => {
    const i = infos.get(field);
    if (!i) throw new Error(`Template has no column ${field} on ${t.spec.name}`); // a programming fault
    return i;
  };
}

interface ColumnInfo {
  /** Column index in the sheet's values, -1 when the column is absent. */
  c: number;
  label: string;
  required: boolean;
}

/**
 * True when the column's plain numbers (no % format, no % sign) are mostly above 1, i.e. typed as percentages:
 * then a lone 0.5 in it is ambiguous (0.5% or 50%?).
 */
function columnTypedAsPercentNumbers(t: TableLayout, c: number): boolean {
  if (c < 0) return false;
  let above = 0;
  let atMost = 0;
  for (const r of t.rows) {
    const v = t.sheet.values[r][c];
    const fmt = t.sheet.numberFormats?.[r]?.[c];
    if (fmt !== undefined && fmt.includes("%")) continue;
    let n: number | null = null;
    if (typeof v === "number") n = v;
    else if (typeof v === "string" && v.trim() !== "" && !v.trim().endsWith("%")) {
      const p = parseNumber(v);
      if (p.ok) n = p.value;
    }
    if (n === null || n === 0) continue;
    if (mAbs(n) > 1) above++;
    else atMost++;
  }
  return above > atMost;
}

// ---------------------------------------------------------------- sections

const emptyRef = (sheet = ""): SourceRef => ({ sheet, cell: "" });
const none = <T>(sheet = ""): Cell<T> => ({ value: null, ref: emptyRef(sheet) });

function emptySettings(sheet = ""): ProgrammeSettings {
  return {
    programmeName: none(sheet),
    council: none(sheet),
    reportingDate: none(sheet),
    sendDataRefreshed: none(sheet),
    financeDataAsAt: none(sheet),
    financeBasis: none(sheet),
    financialYear: none(sheet),
    overallRag: none(sheet),
    ragNarrative: none(sheet),
    riskThreshold: none(sheet),
    riskBands: none(sheet),
    sendStalenessDays: none(sheet),
    financeStalenessDays: none(sheet),
    twentyWeekVariant: none(sheet),
    populationAgeBand: none(sheet),
    ceasedIncludeTransfers: none(sheet),
  };
}

/** Settings: Field/Value pairs. Without a Field/Value header, the first two columns are taken as field and value. */
function readSettings(sheet: RawSheet, issues: Issue[]): ProgrammeSettings {
  const settings = emptySettings(sheet.name);
  const spec = TEMPLATE.find((s) => s.section === "settings")!;
  const values = sheet.values;
  const fieldsIndex = headerIndex(SETTINGS_FIELDS);
  const shapeIndex = headerIndex(spec.columns);
  let fieldCol = 0;
  let valueCol = 1;
  let start = 0;
  for (let r = 0; r < mMin(values.length, HEADER_SEARCH_ROWS); r++) {
    const row = values[r];
    const f = row.findIndex((v) => shapeIndex.get(normaliseHeader(headerText(v)))?.field === "field");
    const v = row.findIndex((x) => shapeIndex.get(normaliseHeader(headerText(x)))?.field === "value");
    if (f >= 0 && v >= 0 && v !== f) {
      fieldCol = f;
      valueCol = v;
      start = r + 1;
      break;
    }
  }
  const reader = new CellReader(sheet, issues);
  const byField = new Map(SETTINGS_FIELDS.map((f) => [f.field, f]));
  const seen = new Map<string, string>();
  let lastRow = start - 1;
  for (let r = start; r < values.length; r++) {
    const label = headerText(values[r]?.[fieldCol]).trim();
    if (label === "") continue;
    lastRow = r;
    const key = normaliseHeader(label);
    const hit = fieldsIndex.get(key);
    const valueRaw = values[r]?.[valueCol];
    if (!hit) {
      // A title or note row has no value beside it; only a labelled value we do not know is worth a word.
      if (!isBlank(valueRaw)) {
        const ref = reader.ref(r, fieldCol);
        const suggestion = closestHeader(
          [label],
          SETTINGS_FIELDS.map((f) => f.header),
        );
        reader.report(
          "unknown_setting",
          ref,
          `Settings, ${ref.cell}: ${quote(label)} is not a setting we know.${suggestion ? ` Did you mean "${suggestion}"?` : ""}`,
        );
      }
      continue;
    }
    const f = byField.get(hit.field)!;
    const prior = seen.get(f.field);
    if (prior) {
      const ref = reader.ref(r, fieldCol);
      reader.report(
        "duplicate_setting",
        ref,
        `Settings, ${ref.cell}: "${f.header}" is also given at ${prior}.`,
      );
      continue;
    }
    seen.set(f.field, reader.ref(r, fieldCol).cell);
    readSetting(settings, f, reader, r, valueCol);
  }
  for (const f of SETTINGS_FIELDS) {
    if (!f.required || seen.has(f.field)) continue;
    const ref = { sheet: sheet.name, cell: sheetCellAddress(sheet, lastRow + 1, fieldCol) };
    reader.report(
      "missing_value",
      ref,
      `Settings: there is no "${f.header}" row (e.g. ${f.example}); add it in the Field/Value list, e.g. at ${ref.cell}.`,
    );
  }
  return settings;
}

function readSetting(s: ProgrammeSettings, f: ColumnSpec, reader: CellReader, r: number, c: number): void {
  const label = f.header;
  const req = f.required;
  switch (f.field) {
    case "reportingDate":
    case "sendDataRefreshed":
    case "financeDataAsAt":
      s[f.field] = reader.date(r, c, label, req);
      return;
    case "overallRag":
      s.overallRag = reader.rag(r, c, label, req);
      return;
    case "riskThreshold":
    case "sendStalenessDays":
    case "financeStalenessDays": {
      const cell = reader.count(r, c, label, req);
      if (f.field === "riskThreshold" && cell.value !== null && (cell.value < 1 || cell.value > 25)) {
        reader.report(
          "unrecognised_value",
          cell.ref,
          `${label}, ${cell.ref.cell}: ${cell.value} is not a risk score (1-25).`,
        );
        s.riskThreshold = { value: null, ref: cell.ref };
        return;
      }
      s[f.field] = cell;
      return;
    }
    case "riskBands":
      s.riskBands = reader.word(r, c, label, req, parseRiskBands, "unrecognised_value");
      return;
    case "twentyWeekVariant":
      s.twentyWeekVariant = reader.word(r, c, label, req, parseTwentyWeekVariant, "unrecognised_value");
      return;
    case "ceasedIncludeTransfers":
      s.ceasedIncludeTransfers = reader.word(r, c, label, req, parseBoolean, "unrecognised_value");
      return;
    case "programmeName":
    case "council":
    case "financeBasis":
    case "financialYear":
    case "ragNarrative":
    case "populationAgeBand":
      s[f.field] = reader.text(r, c, label, req);
      return;
    default:
      return;
  }
}

const KPI_DEFAULT_UNIT: Record<KpiId, KpiUnit> = {
  ehcp_count: "count",
  hnb_overspend: "money",
  inmss_share: "share",
};

/** A KPI figure in the KPI's unit: count as a number, money in pounds, share as a fraction. */
function kpiFigure(
  reader: CellReader,
  r: number,
  c: number,
  label: string,
  required: boolean,
  unit: KpiUnit,
): Cell<number> {
  if (unit === "money") return reader.money(r, c, label, required);
  if (unit === "share") return reader.share(r, c, label, required, false);
  return reader.number(r, c, label, required);
}

/** A tolerance: for shares it is in percentage points (0.5 = 0.5 pp), stored as a fraction (0.005). */
function kpiTolerance(reader: CellReader, r: number, c: number, label: string, unit: KpiUnit): Cell<number> {
  if (unit !== "share") return kpiFigure(reader, r, c, label, false, unit);
  const s = reader.slot(r, c, label, false);
  if (s.state !== "value") return reader.empty(s);
  if (typeof s.v === "number" && s.fmt?.includes("%")) return { value: s.v, ref: s.ref };
  const text = typeof s.v === "string" ? s.v.trim().replace(/\s*(%|pp|ppts?|percentage points?)$/i, "") : s.v;
  const cell = reader.finish(s, label, parseNumber(text), "not_a_number");
  return cell.value === null ? cell : { value: tidy(cell.value / 100), ref: cell.ref };
}

function readKpis(t: TableLayout, reader: CellReader): KpiRow[] {
  const info = fieldReader(t);
  const out: KpiRow[] = [];
  const seen = new Map<KpiId, string>();
  for (const r of t.rows) {
    const idInfo = info("id");
    const id = reader.word(r, idInfo.c, idInfo.label, true, parseKpiId, "unknown_kpi");
    if (id.value === null) continue;
    if (seen.has(id.value)) {
      reader.report(
        "duplicate_kpi",
        id.ref,
        `KPIs, ${id.ref.cell}: ${id.value} is also on the row at ${seen.get(id.value)}.`,
      );
      continue;
    }
    seen.set(id.value, id.ref.cell);
    const u = info("unit");
    const unitCell = reader.word(r, u.c, u.label, false, parseUnit, "unrecognised_value");
    const unit = unitCell.value ?? KPI_DEFAULT_UNIT[id.value];
    const get = (field: string) => info(field);
    const p = get("polarity");
    out.push({
      id: id.value,
      label: reader.text(r, get("label").c, "Label", false),
      target: kpiFigure(reader, r, get("target").c, "Target", true, unit),
      targetLabel: reader.text(r, get("targetLabel").c, "Target label", false),
      polarity: reader.word(r, p.c, p.label, false, parsePolarity, "unrecognised_value"),
      unit: { value: unit, ref: unitCell.ref },
      tolerance: kpiTolerance(reader, r, get("tolerance").c, "Tolerance", unit),
      actual: kpiFigure(reader, r, get("actual").c, "Actual", false, unit),
      actualAsAt: reader.date(r, get("actualAsAt").c, "Actual as at", false),
      row: sheetRowNumber(t.sheet, r),
    });
  }
  return out;
}

function readMonthly(t: TableLayout, reader: CellReader): MonthlyRow[] {
  const info = fieldReader(t);
  const shareFields = [
    "statNeighbourEhcpShare",
    "statNeighbourInmssShare",
    "typedEhcpShare",
    "typedInmssShare",
  ];
  const percentCols: Record<string, boolean> = {};
  for (const f of shareFields) percentCols[f] = columnTypedAsPercentNumbers(t, t.col[f]);
  // Column facts looked up once, not per row: a monthly sheet may run to tens of thousands of rows.
  const [month, funded, forecast, population, snEhcp, placed, snInmss, ceased, requests] = [
    "month",
    "fundedEhcps",
    "forecastEhcps",
    "population0to25",
    "statNeighbourEhcpShare",
    "placedInInmss",
    "statNeighbourInmssShare",
    "plansCeased",
    "ehcnaRequests",
  ].map(info);
  const [decisionsOnTime, decisions, issuedOnTime, issued, typedEhcp, typedInmss] = [
    "decisionsWithin20Weeks",
    "decisionsTotal",
    "plansIssuedWithin20Weeks",
    "plansIssuedTotal",
    "typedEhcpShare",
    "typedInmssShare",
  ].map(info);
  const values = t.sheet.values;
  const out: MonthlyRow[] = [];
  for (const r of t.rows) {
    // A future month on the trajectory has a forecast but no actuals yet: its empty actuals are not missing.
    const forecastOnly = isBlank(values[r][funded.c]) && !isBlank(values[r][forecast.c]);
    const count = (i: ColumnInfo): Cell<number> => reader.count(r, i.c, i.label, i.required && !forecastOnly);
    // Typed shares are kept with the decimals they show, for the cross-check at displayed precision.
    const share = (i: ColumnInfo, field: string, typed = false): Cell<number> =>
      reader.share(r, i.c, i.label, i.required && !forecastOnly, percentCols[field], typed);
    out.push({
      month: reader.month(r, month.c, month.label, month.required),
      fundedEhcps: count(funded),
      forecastEhcps: count(forecast),
      population0to25: count(population),
      statNeighbourEhcpShare: share(snEhcp, "statNeighbourEhcpShare"),
      placedInInmss: count(placed),
      statNeighbourInmssShare: share(snInmss, "statNeighbourInmssShare"),
      plansCeased: count(ceased),
      ehcnaRequests: count(requests),
      decisionsWithin20Weeks: count(decisionsOnTime),
      decisionsTotal: count(decisions),
      plansIssuedWithin20Weeks: count(issuedOnTime),
      plansIssuedTotal: count(issued),
      typedEhcpShare: share(typedEhcp, "typedEhcpShare", true),
      typedInmssShare: share(typedInmss, "typedInmssShare", true),
      row: sheetRowNumber(t.sheet, r),
    });
  }
  return out;
}

function readFinance(t: TableLayout, reader: CellReader): FinanceRow[] {
  const info = fieldReader(t);
  const out: FinanceRow[] = [];
  for (const r of t.rows) {
    const p = info("period");
    const slot = reader.slot(r, p.c, p.label, p.required);
    let period: Cell<string> = { value: null, ref: slot.ref };
    let periodEnd: Cell<string> = { value: null, ref: slot.ref };
    if (slot.state === "value") {
      const end = reader.finish(slot, p.label, parsePeriodEnd(slot.v, slot.fmt), "unparseable_date");
      periodEnd = end;
      // A month typed in Excel arrives as a serial: label it as the council sees it.
      period = {
        value:
          typeof slot.v === "number" && end.value ? formatMonth(end.value.slice(0, 7)) : textValue(slot.v),
        ref: slot.ref,
      };
    }
    const money = (field: string): Cell<number> => {
      const i = info(field);
      return reader.money(r, i.c, i.label, i.required);
    };
    out.push({
      period,
      periodEnd,
      budget: money("budget"),
      forecastOutturn: money("forecastOutturn"),
      inYearNetPosition: money("inYearNetPosition"),
      goalOverspend: money("goalOverspend"),
      spendForAverageCost: money("spendForAverageCost"),
      row: sheetRowNumber(t.sheet, r),
    });
  }
  return out;
}

function readPlaces(t: TableLayout, reader: CellReader): PlacesRow[] {
  const info = fieldReader(t);
  return t.rows.map((r) => {
    const c = (field: string): Cell<number> => {
      const i = info(field);
      return reader.count(r, i.c, i.label, i.required);
    };
    const m = info("month");
    const cost = info("costPerPlace");
    return {
      month: reader.month(r, m.c, m.label, m.required),
      delivered: c("delivered"),
      filled: c("filled"),
      required: c("required"),
      costPerPlace: reader.money(r, cost.c, cost.label, cost.required),
      row: sheetRowNumber(t.sheet, r),
    };
  });
}

function readProgrammes(t: TableLayout, reader: CellReader): ProgrammeRow[] {
  const info = fieldReader(t);
  return t.rows.map((r) => {
    const n = info("number");
    const nm = info("name");
    const number = reader.programme(r, n.c, n.label, n.required);
    // "2 - Improving support, skills and practice" in the number column also names the programme.
    const rawNumber = n.c >= 0 ? t.sheet.values[r][n.c] : "";
    const fromNumber = typeof rawNumber === "string" ? programmeNameFrom(rawNumber) : "";
    const name = reader.text(r, nm.c, nm.label, nm.required && fromNumber === "");
    const note = info("note");
    return {
      number,
      name: name.value === null && fromNumber ? { value: fromNumber, ref: number.ref } : name,
      note: reader.text(r, note.c, note.label, false),
      row: sheetRowNumber(t.sheet, r),
    };
  });
}

function readWorkstreams(t: TableLayout, reader: CellReader): WorkstreamRow[] {
  const info = fieldReader(t);
  return t.rows.map((r) => {
    const p = info("programme");
    const n = info("name");
    const g = info("rag");
    const l = info("lead");
    const k = info("commentary");
    return {
      programme: reader.programme(r, p.c, p.label, p.required),
      name: reader.text(r, n.c, n.label, n.required),
      rag: reader.rag(r, g.c, g.label, g.required),
      lead: reader.text(r, l.c, l.label, l.required),
      commentary: reader.text(r, k.c, k.label, k.required),
      row: sheetRowNumber(t.sheet, r),
    };
  });
}

function readMilestones(t: TableLayout, reader: CellReader): MilestoneRow[] {
  const info = fieldReader(t);
  return t.rows.map((r) => {
    const p = info("programme");
    const w = info("workstream");
    const m = info("milestone");
    const d = info("dueDate");
    const s = info("status");
    const c = info("completedDate");
    return {
      programme: reader.programme(r, p.c, p.label, p.required),
      workstream: reader.text(r, w.c, w.label, w.required),
      milestone: reader.text(r, m.c, m.label, m.required),
      dueDate: reader.date(r, d.c, d.label, d.required),
      status: reader.word(r, s.c, s.label, s.required, parseMilestoneStatus, "unknown_status"),
      completedDate: reader.date(r, c.c, c.label, c.required),
      row: sheetRowNumber(t.sheet, r),
    };
  });
}

function readRisks(t: TableLayout, reader: CellReader): RiskRow[] {
  const info = fieldReader(t);
  return t.rows.map((r) => {
    const f = (field: string) => info(field);
    const st = f("status");
    let status = reader.word(r, st.c, st.label, false, parseRiskStatus, "unknown_status");
    // A blank status means the risk is open (the template says so), pointing at the blank cell.
    if (status.value === null && (st.c < 0 || isBlank(t.sheet.values[r][st.c])))
      status = { value: "open", ref: status.ref };
    return {
      id: reader.text(r, f("id").c, f("id").label, f("id").required),
      title: reader.text(r, f("title").c, f("title").label, f("title").required),
      consequence: reader.text(r, f("consequence").c, f("consequence").label, f("consequence").required),
      owner: reader.text(r, f("owner").c, f("owner").label, f("owner").required),
      impact: reader.score(r, f("impact").c, f("impact").label, f("impact").required),
      likelihood: reader.score(r, f("likelihood").c, f("likelihood").label, f("likelihood").required),
      typedScore: reader.count(r, f("typedScore").c, f("typedScore").label, f("typedScore").required),
      action: reader.text(r, f("action").c, f("action").label, f("action").required),
      status,
      reviewDate: reader.date(r, f("reviewDate").c, f("reviewDate").label, f("reviewDate").required),
      row: sheetRowNumber(t.sheet, r),
    };
  });
}

// ---------------------------------------------------------------- workbook

/**
 * Adds rows to a section. Not `push(...rows)`: spreading passes every row as an argument, and a sheet of
 * 200,000 rows overflows the call stack.
 */
function append<T>(target: T[], rows: readonly T[]): void {
  for (let i = 0; i < rows.length; i++) target.push(rows[i]);
}

/** Reads one located table's rows into its section of the tracker (sections read from several sheets add up). */
function readTableInto(tracker: Tracker, t: TableLayout, reader: CellReader): void {
  switch (t.spec.section) {
    case "kpis":
      append(tracker.kpis, readKpis(t, reader));
      break;
    case "monthly":
      append(tracker.monthly, readMonthly(t, reader));
      break;
    case "finance":
      append(tracker.finance, readFinance(t, reader));
      break;
    case "places":
      append(tracker.places, readPlaces(t, reader));
      break;
    case "programmes":
      append(tracker.programmes, readProgrammes(t, reader));
      break;
    case "workstreams":
      append(tracker.workstreams, readWorkstreams(t, reader));
      break;
    case "milestones":
      append(tracker.milestones, readMilestones(t, reader));
      break;
    case "risks":
      append(tracker.risks, readRisks(t, reader));
      break;
    default:
      break;
  }
}

/** Reads a grid located by a mapping (or by the months-across detection), raising no_data_rows when it is empty. */
function readLocated(tracker: Tracker, spec: SheetSpec, t: LocatedTable, issues: Issue[]): void {
  const rows = dataRowsBelow(t.sheet.values, t.headerRow, t.col);
  if (rows.length === 0) {
    issues.push(
      makeIssue(
        "no_data_rows",
        { sheet: t.sheet.name, cell: "" },
        `${t.description.charAt(0).toUpperCase()}${t.description.slice(1)} has headers but no data under them.`,
        spec.required ? {} : { severity: "warning" },
      ),
    );
    return;
  }
  const reader = new CellReader(t.sheet, issues, t.addressOf);
  readTableInto(tracker, { sheet: t.sheet, spec, headerRow: t.headerRow, col: t.col, rows }, reader);
}

/** The mapping saved in the workbook, if any, in the current format (a bad one is reported and ignored). */
function savedMapping(raw: RawWorkbook, issues: Issue[]): TrackerMapping | null {
  const saved = raw.savedSettings?.[SAVED_MAPPING_KEY];
  if (saved === undefined || saved === null) return null;
  const parsed = parseMapping(saved);
  issues.push(...parsed.issues);
  return parsed.mapping;
}

/**
 * Reads every section of the tracker. Missing or unreadable sections are empty, with an issue saying why.
 * Where the workbook is not laid out like the template, a mapping says where each section sits: the one given,
 * else the one saved in the workbook (savedSettings[SAVED_MAPPING_KEY]); sections it leaves out are read as the
 * template describes. A monthly sheet with the months across its columns is recognised without a mapping.
 */
/** What the shell left unread (see RawUnread), each as an issue at its range, in the tracker's words. */
function unreadIssues(raw: RawWorkbook): Issue[] {
  return (raw.unread ?? []).map((part) => {
    const why =
      part.reason === "blank-rows"
        ? "Excel counts these cells as used, but they come after a long run of empty rows"
        : part.reason === "far-columns"
          ? "Excel counts these cells as used, but they lie far to the right of the tracker's columns"
          : "the sheet holds more cells than are read from one sheet";
    return makeIssue(
      "not_read",
      { sheet: part.sheet, cell: part.range },
      `${part.range} was not read: ${why}.`,
    );
  });
}

export function readTracker(
  raw: RawWorkbook,
  mapping?: TrackerMapping | null,
): { tracker: Tracker; issues: Issue[] } {
  const issues: Issue[] = [];
  const found = {} as Record<SectionId, boolean>;
  const sheetNames: Partial<Record<SectionId, string>> = {};
  const notComputed: { section: string; reason: string }[] = [];
  const tracker: Tracker = {
    settings: emptySettings(),
    kpis: [],
    monthly: [],
    finance: [],
    places: [],
    programmes: [],
    workstreams: [],
    milestones: [],
    risks: [],
    found,
    sheetNames,
  };
  issues.push(...unreadIssues(raw));
  const active = mapping ?? savedMapping(raw, issues);
  // Sheets a mapping gives to a section are not also taken by another section's template name.
  const taken = new Set<string>(active ? mappedSheets(raw, active) : []);
  for (const spec of TEMPLATE) {
    const sectionMapping = active?.sections[spec.section];
    if (sectionMapping) {
      if (spec.shape === "fields") {
        const sheet = mappedFieldsSheet(raw, spec, sectionMapping, issues);
        found[spec.section] = sheet !== null;
        if (sheet) {
          sheetNames[spec.section] = sheet.name;
          tracker.settings = readSettings(sheet, issues);
        }
        continue;
      }
      const located = locateMapped(raw, spec, sectionMapping, issues);
      found[spec.section] = located !== null;
      if (!located) continue;
      sheetNames[spec.section] = located.sheetName;
      for (const t of located.tables) readLocated(tracker, spec, t, issues);
      notComputed.push(...unmappedConsequences(spec, located.unmapped));
      continue;
    }
    const sheet = findSheet(raw, spec, taken);
    found[spec.section] = sheet !== null;
    if (!sheet) {
      const aliases = spec.aliases.length
        ? ` (or one of: ${spec.aliases.map((a) => `"${a}"`).join(", ")})`
        : "";
      issues.push(
        makeIssue(
          "missing_sheet",
          { sheet: "", cell: "" },
          spec.required
            ? `The workbook has no "${spec.name}" sheet${aliases}, so ${spec.description.charAt(0).toLowerCase()}${spec.description.slice(1).replace(/\.$/, "")} cannot be shown.`
            : `The workbook has no "${spec.name}" sheet${aliases}; that part of the summary is left out.`,
          spec.required ? {} : { severity: "info" },
        ),
      );
      continue;
    }
    taken.add(sheet.name);
    sheetNames[spec.section] = sheet.name;
    if (spec.shape === "fields") {
      tracker.settings = readSettings(sheet, issues);
      continue;
    }
    // Months along a header row (Apr-24, May-24, ...) mean measures down the rows: read it turned round.
    if (isMonthsAcross(sheet, spec)) {
      const t = monthsAcrossTable(sheet, spec, {}, issues);
      if (t) readLocated(tracker, spec, t, issues);
      continue;
    }
    const reader = new CellReader(sheet, issues);
    const layout = locateTable(sheet, spec, issues);
    if (layout) readTableInto(tracker, layout, reader);
  }
  if (notComputed.length > 0) tracker.notComputed = notComputed;
  return { tracker, issues };
}
