// Reading a located table's rows into a section of the tracker. Each field is read as its template column's type
// says (src/core/template.ts: a count, a share, a RAG, a status ...), so a new column is read without new code here;
// only the true special cases are written by hand: the KPIs (a KPI's unit decides how its figures read), a finance
// period (its label and its last day), a programme named in its number cell, a risk with a blank status (open), and
// a future month on the trajectory (a forecast but no actuals yet).
import { sheetRowNumber } from "../a1";
import { formatMonth } from "../format";
import type { IssueCode } from "../issues";
import type { KpiId, KpiUnit } from "../model";
import { parsePeriodEnd } from "../parse/dates";
import { WORD_TYPE_PARSERS as WORDS } from "../parse/enums";
import { parseNumber, tidy } from "../parse/numbers";
import { programmeNameFrom } from "../parse/programme";
import type { ParseResult } from "../parse/result";
import { isBlank, textOf, type RawCell } from "../raw";
import type { ColumnType, SheetSpec } from "../template";
import type { Cell, KpiRow, SectionId, Tracker } from "../tracker";
import type { CellReader } from "./cells";

// Math bound once: in a sandboxed global (jest's vm context) each global lookup is slow.
const { abs: mAbs } = Math;

/** A table ready to read: its grid, the column of each field, and the data rows. */
export interface TableRows {
  sheet: {
    values: RawCell[][];
    numberFormats?: string[][];
    originRow: number;
    originCol: number;
    name: string;
  };
  spec: SheetSpec;
  col: Record<string, number>;
  /** Indexes into sheet.values of the data rows. */
  rows: number[];
}

/** One field's column, worked out once per table (not once per cell). */
export interface FieldColumn {
  field: string;
  type: ColumnType;
  /** Column index in the grid, -1 when the table does not have it. */
  c: number;
  label: string;
  required: boolean;
  /** Share columns: plain numbers mostly above 1, i.e. typed as percentages (so a lone 0.5 is ambiguous). */
  percentColumn: boolean;
  /** Keep the decimals the cell shows (typed figures cross-checked at the precision the council sees). */
  keepDecimals: boolean;
}

type TypeReader = (reader: CellReader, r: number, f: FieldColumn, required: boolean) => Cell<unknown>;

const word =
  <T>(parse: (v: RawCell) => ParseResult<T>, failCode: IssueCode): TypeReader =>
  (reader, r, f, required) =>
    reader.word(r, f.c, f.label, required, parse, failCode);

/** How a cell of each column type is read (a finance period is read by hand). */
export const READ_BY_TYPE: Record<Exclude<ColumnType, "period">, TypeReader> = {
  text: (reader, r, f, required) => reader.text(r, f.c, f.label, required),
  integer: (reader, r, f, required) => reader.count(r, f.c, f.label, required),
  number: (reader, r, f, required) => reader.number(r, f.c, f.label, required),
  money: (reader, r, f, required) => reader.money(r, f.c, f.label, required),
  share: (reader, r, f, required) => reader.share(r, f.c, f.label, required, f.percentColumn, f.keepDecimals),
  month: (reader, r, f, required) => reader.month(r, f.c, f.label, required),
  date: (reader, r, f, required) => reader.date(r, f.c, f.label, required),
  rag: (reader, r, f, required) => reader.rag(r, f.c, f.label, required),
  score: (reader, r, f, required) => reader.score(r, f.c, f.label, required),
  programme: (reader, r, f, required) => reader.programme(r, f.c, f.label, required),
  kpi_id: word(WORDS.kpi_id, "unknown_kpi"),
  polarity: word(WORDS.polarity, "unrecognised_value"),
  unit: word(WORDS.unit, "unrecognised_value"),
  milestone_status: word(WORDS.milestone_status, "unknown_status"),
  risk_status: word(WORDS.risk_status, "unknown_status"),
  boolean: word(WORDS.boolean, "unrecognised_value"),
};

/**
 * True when the column's plain numbers (no % format, no % sign) are mostly above 1, i.e. typed as percentages:
 * then a lone 0.5 in it is ambiguous (0.5% or 50%?).
 */
function columnTypedAsPercentNumbers(t: TableRows, c: number): boolean {
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

/** The columns of a table's fields. */
function fieldColumns(t: TableRows, keepDecimals: readonly string[] = []): FieldColumn[] {
  return t.spec.columns.map((c) => {
    const col = t.col[c.field] ?? -1;
    return {
      field: c.field,
      type: c.type,
      c: col,
      label: c.header,
      required: c.required,
      percentColumn: c.type === "share" && columnTypedAsPercentNumbers(t, col),
      keepDecimals: keepDecimals.includes(c.field),
    };
  });
}

/** The row being read: its table, its fields' columns, and what has been read of it so far. */
interface RowContext {
  t: TableRows;
  fields: Readonly<Record<string, FieldColumn>>;
  row: Record<string, unknown>;
}

/** A field read by hand: it may set more than its own field of the row (a period sets its last day too). */
type SpecialField = (reader: CellReader, r: number, f: FieldColumn, at: RowContext) => void;

interface SectionReading {
  /** Fields read by hand; the rest are read by their column type. */
  special?: Record<string, SpecialField>;
  /** Fields whose cells keep their shown decimals. */
  keepDecimals?: readonly string[];
  /** A row whose required fields may be empty, but for these (a forecast month with no actuals yet). */
  relaxed?: (t: TableRows, r: number) => readonly string[] | null;
}

/** Reads every data row of a table as `reading` says, each field by its column's type unless read by hand. */
function readRows<Row>(t: TableRows, reader: CellReader, reading: SectionReading = {}): Row[] {
  const fields = fieldColumns(t, reading.keepDecimals);
  const byField = Object.fromEntries(fields.map((f) => [f.field, f]));
  const out: Row[] = [];
  for (const r of t.rows) {
    const row: Record<string, unknown> = {};
    const stillRequired = reading.relaxed?.(t, r) ?? null;
    for (const f of fields) {
      const special = reading.special?.[f.field];
      if (special) {
        special(reader, r, f, { t, fields: byField, row });
        continue;
      }
      const required = f.required && (stillRequired === null || stillRequired.includes(f.field));
      row[f.field] = READ_BY_TYPE[f.type as Exclude<ColumnType, "period">](reader, r, f, required);
    }
    row.row = sheetRowNumber(t.sheet, r);
    out.push(row as Row);
  }
  return out;
}

/** The cell of the raw value at a field's column (undefined when the table lacks the column). */
const rawAt = (t: TableRows, r: number, f: FieldColumn): RawCell | undefined =>
  f.c >= 0 ? t.sheet.values[r][f.c] : undefined;

// ---------------------------------------------------------------- special cases

const KPI_DEFAULT_UNIT: Record<KpiId, KpiUnit> = {
  ehcp_count: "count",
  hnb_overspend: "money",
  inmss_share: "share",
};

/** A KPI figure in the KPI's unit: count as a number, money in pounds, share as a fraction. */
function kpiFigure(
  reader: CellReader,
  r: number,
  f: FieldColumn,
  required: boolean,
  unit: KpiUnit,
): Cell<number> {
  if (unit === "money") return reader.money(r, f.c, f.label, required);
  if (unit === "share") return reader.share(r, f.c, f.label, required, false);
  return reader.number(r, f.c, f.label, required);
}

/** A tolerance: for shares it is in percentage points (0.5 = 0.5 pp), stored as a fraction (0.005). */
function kpiTolerance(reader: CellReader, r: number, f: FieldColumn, unit: KpiUnit): Cell<number> {
  if (unit !== "share") return kpiFigure(reader, r, f, false, unit);
  const s = reader.slot(r, f.c, f.label, false);
  if (s.state !== "value") return reader.empty(s);
  if (typeof s.v === "number" && s.fmt?.includes("%")) return { value: s.v, ref: s.ref };
  const text = typeof s.v === "string" ? s.v.trim().replace(/\s*(%|pp|ppts?|percentage points?)$/i, "") : s.v;
  const cell = reader.finish(s, f.label, parseNumber(text), "not_a_number");
  return cell.value === null ? cell : { value: tidy(cell.value / 100), ref: cell.ref };
}

/** KPIs by hand: a KPI is read once (the second row is reported), and its unit decides how its figures read. */
function readKpis(t: TableRows, reader: CellReader): KpiRow[] {
  const f = Object.fromEntries(fieldColumns(t).map((c) => [c.field, c]));
  const out: KpiRow[] = [];
  const seen = new Map<KpiId, string>();
  for (const r of t.rows) {
    const id = reader.word(r, f.id.c, f.id.label, true, WORDS.kpi_id, "unknown_kpi");
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
    const unitCell = reader.word(r, f.unit.c, f.unit.label, false, WORDS.unit, "unrecognised_value");
    const unit = unitCell.value ?? KPI_DEFAULT_UNIT[id.value];
    out.push({
      id: id.value,
      label: reader.text(r, f.label.c, f.label.label, false),
      target: kpiFigure(reader, r, f.target, true, unit),
      targetLabel: reader.text(r, f.targetLabel.c, f.targetLabel.label, false),
      polarity: reader.word(r, f.polarity.c, f.polarity.label, false, WORDS.polarity, "unrecognised_value"),
      unit: { value: unit, ref: unitCell.ref },
      tolerance: kpiTolerance(reader, r, f.tolerance, unit),
      actual: kpiFigure(reader, r, f.actual, false, unit),
      actualAsAt: reader.date(r, f.actualAsAt.c, f.actualAsAt.label, false),
      row: sheetRowNumber(t.sheet, r),
    });
  }
  return out;
}

const READINGS: Partial<Record<SectionId, SectionReading>> = {
  monthly: {
    // Typed shares are kept with the decimals they show, for the cross-check at displayed precision.
    keepDecimals: ["typedEhcpShare", "typedInmssShare"],
    // A future month on the trajectory has a forecast but no actuals yet: its empty actuals are not missing.
    relaxed: (t, r) => {
      const row = t.sheet.values[r];
      const at = (field: string) => (t.col[field] >= 0 ? row[t.col[field]] : undefined);
      return isBlank(at("fundedEhcps")) && !isBlank(at("forecastEhcps")) ? ["month"] : null;
    },
  },
  finance: {
    special: {
      period: (reader, r, f, { row }) => {
        const slot = reader.slot(r, f.c, f.label, f.required);
        let period: Cell<string> = { value: null, ref: slot.ref };
        let periodEnd: Cell<string> = { value: null, ref: slot.ref };
        if (slot.state === "value") {
          periodEnd = reader.finish(slot, f.label, parsePeriodEnd(slot.v, slot.fmt), "unparseable_date");
          // A month typed in Excel arrives as a serial: label it as the council sees it.
          period = {
            value:
              typeof slot.v === "number" && periodEnd.value
                ? formatMonth(periodEnd.value.slice(0, 7))
                : textOf(slot.v),
            ref: slot.ref,
          };
        }
        row.period = period;
        row.periodEnd = periodEnd;
      },
    },
  },
  programmes: {
    special: {
      // "2 - Improving support, skills and practice" in the number column also names the programme.
      name: (reader, r, f, { t, fields, row }) => {
        const number = row.number as Cell<number>;
        const raw = rawAt(t, r, fields.number);
        const fromNumber = typeof raw === "string" ? programmeNameFrom(raw) : "";
        const name = reader.text(r, f.c, f.label, f.required && fromNumber === "");
        row.name = name.value === null && fromNumber ? { value: fromNumber, ref: number.ref } : name;
      },
    },
  },
  risks: {
    special: {
      // A blank status means the risk is open (the template says so), pointing at the blank cell.
      status: (reader, r, f, { t, row }) => {
        const status = reader.word(r, f.c, f.label, false, WORDS.risk_status, "unknown_status");
        row.status =
          status.value === null && isBlank(rawAt(t, r, f)) ? { value: "open", ref: status.ref } : status;
      },
    },
  },
};

/**
 * Adds rows to a section. Not `push(...rows)`: spreading passes every row as an argument, and a sheet of
 * 200,000 rows overflows the call stack.
 */
function append<T>(target: T[], rows: readonly T[]): void {
  for (let i = 0; i < rows.length; i++) target.push(rows[i]);
}

/** Reads one located table's rows into its section of the tracker (sections read from several sheets add up). */
export function readRowsInto(tracker: Tracker, t: TableRows, reader: CellReader): void {
  const section = t.spec.section;
  if (section === "kpis") return append(tracker.kpis, readKpis(t, reader));
  if (section === "settings") return;
  append<unknown>(tracker[section], readRows(t, reader, READINGS[section]));
}
