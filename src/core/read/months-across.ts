// Monthly data laid out the other way round: measures down the rows, one column per month. Found by its row of
// months (in the first rows, as a header row is), read as a grid of one row per month with every cell still
// addressed where it really is on the council's sheet.
import { columnIndex, columnLetters, sheetCellAddress, sheetRowNumber } from "../a1";
import { makeIssue } from "../issues";
import type { Issue } from "../model";
import { parseMonth } from "../parse/dates";
import { textOf, type RawCell, type RawSheet } from "../raw";
import type { SheetSpec } from "../template";
import type { SectionMapping } from "../mapping/format";
import { reportMissing, type LocatedTable } from "./located";
import { HEADER_SEARCH_ROWS, headerMatcher, headerText, matchColumns } from "./table";

const DATE_FORMAT_PART = /[dmy]/i;

/** A month row needs this many months before a sheet found by its template name is read as months across. */
const MONTHS_ACROSS_AT_LEAST = 3;

/**
 * Whether a header cell holds a month: text such as "Apr-24" or "April 2024", or a date serial shown as a date.
 * A plain number counts only when its format shows a date, or (no format known) when it is a serial in 2000-2099,
 * so counts like 6353 are never taken for months.
 */
export function isMonthHeader(v: RawCell | undefined, fmt: string | undefined): boolean {
  if (v === undefined || typeof v === "boolean") return false;
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return false;
    const shown = (fmt ?? "").replace(/\[[^\]]*\]|"[^"]*"/g, "");
    const looksDate =
      shown !== "" && !/^general$/i.test(shown) && DATE_FORMAT_PART.test(shown) && !/[#0]/.test(shown);
    return looksDate || (fmt === undefined && v >= 36526 && v <= 73050);
  }
  const text = v.trim();
  if (text === "" || /^[\d.,\s%£]+$/.test(text)) return false;
  return parseMonth(text).ok;
}

/** The month columns of row `r`. */
function monthColumns(sheet: RawSheet, r: number): number[] {
  const row = sheet.values[r] ?? [];
  const cols: number[] = [];
  for (let c = 0; c < row.length; c++) if (isMonthHeader(row[c], sheet.numberFormats?.[r]?.[c])) cols.push(c);
  return cols;
}

/** The row (among the first HEADER_SEARCH_ROWS) with the most month headers, and their columns; null when none has two. */
export function findMonthHeaderRow(sheet: RawSheet): { row: number; monthCols: number[] } | null {
  let best: { row: number; monthCols: number[] } | null = null;
  const rows = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const cols = monthColumns(sheet, r);
    if (cols.length >= 2 && (!best || cols.length > best.monthCols.length))
      best = { row: r, monthCols: cols };
  }
  return best;
}

/** Whether a sheet found by its template name has its months across a header row (three or more month headers). */
export function isMonthsAcross(sheet: RawSheet, spec: SheetSpec): boolean {
  if (!spec.columns.some((c) => c.type === "month")) return false;
  const header = findMonthHeaderRow(sheet);
  return header !== null && header.monthCols.length >= MONTHS_ACROSS_AT_LEAST;
}

/**
 * The column of the measures' names: of the columns left of the first month, the one whose cells under the row
 * of months score most by `score` (the first of equals). The reader scores a name it knows; a guess, any text.
 */
export function measureLabelColumn(
  sheet: RawSheet,
  monthRow: number,
  firstMonth: number,
  score: (text: string) => number,
): number {
  let best = 0;
  let bestScore = -1;
  for (let c = 0; c < Math.max(1, firstMonth); c++) {
    let total = 0;
    for (let r = monthRow + 1; r < sheet.values.length; r++) {
      const text = textOf(sheet.values[r]?.[c]);
      if (text !== "") total += score(text);
    }
    if (total > bestScore) {
      bestScore = total;
      best = c;
    }
  }
  return best;
}

/** The rows holding a measure (a name in the label column) under the row of months, and their names. */
export function measureRows(
  sheet: RawSheet,
  monthRow: number,
  labelCol: number,
): { rows: number[]; labels: string[] } {
  const rows: number[] = [];
  const labels: string[] = [];
  for (let r = monthRow + 1; r < sheet.values.length; r++) {
    const label = textOf(sheet.values[r]?.[labelCol]);
    if (label === "") continue;
    rows.push(r);
    labels.push(label);
  }
  return { rows, labels };
}

/**
 * Measures down the rows, one column per month: turned into a grid of one row per month (month first, one column
 * per measure), each cell addressed at its real place. The mapping may give the row of months, the label column
 * and the measures' own names; with no mapping they are found.
 */
export function monthsAcrossTable(
  sheet: RawSheet,
  spec: SheetSpec,
  mapping: Pick<SectionMapping, "headerRow" | "labelColumn" | "columns">,
  issues: Issue[],
): LocatedTable | null {
  const mapped = mapping.columns ?? {};
  const monthField = spec.columns.find((c) => c.type === "month" || c.type === "period")?.field ?? "month";
  let header: { row: number; monthCols: number[] } | null;
  if (mapping.headerRow !== undefined) {
    const r = mapping.headerRow - 1 - sheet.originRow;
    const monthCols = monthColumns(sheet, r);
    header = monthCols.length > 0 ? { row: r, monthCols } : null;
  } else header = findMonthHeaderRow(sheet);
  if (!header) {
    issues.push(
      makeIssue(
        "header_not_found",
        { sheet: sheet.name, cell: "" },
        mapping.headerRow !== undefined
          ? `The "${sheet.name}" sheet was mapped as months across the columns with the months in row ${mapping.headerRow}, but that row has no months (such as Apr-24). Correct the header row in the mapping.`
          : `The "${sheet.name}" sheet was mapped as months across the columns, but none of its first ${HEADER_SEARCH_ROWS} rows has months (such as Apr-24) as headers. Put the months in one row, or map the sheet as rows.`,
        { advice: false },
      ),
    );
    return null;
  }
  const match = headerMatcher(spec, mapped);
  const given = mapping.labelColumn ? columnIndex(mapping.labelColumn) - sheet.originCol : -1;
  const labelCol =
    given >= 0
      ? given
      : measureLabelColumn(sheet, header.row, header.monthCols[0], (text) => (match(text) ? 1 : 0));
  const measures = measureRows(sheet, header.row, labelCol);
  // The measures are the grid's columns, after the month: a label names a field as a header would.
  const matched = matchColumns(measures.labels, spec, (label) => {
    const hit = match(label);
    return hit && hit.field !== monthField ? hit : null;
  });
  const col: Record<string, number> = {};
  for (const c of spec.columns) col[c.field] = matched.col[c.field] >= 0 ? matched.col[c.field] + 1 : -1;
  col[monthField] = 0;
  const width = measures.rows.length + 1;
  const values: RawCell[][] = [];
  const formats: string[][] = [];
  values.push([headerText(sheet.values, header.row, labelCol) || "Month", ...measures.labels]);
  formats.push(new Array<string>(width).fill("General"));
  for (const mc of header.monthCols) {
    values.push([sheet.values[header.row][mc], ...measures.rows.map((r) => sheet.values[r]?.[mc] ?? "")]);
    formats.push([
      sheet.numberFormats?.[header.row]?.[mc] ?? "General",
      ...measures.rows.map((r) => sheet.numberFormats?.[r]?.[mc] ?? "General"),
    ]);
  }
  const realRow = (c: number): number => (c === 0 ? header.row : measures.rows[c - 1]);
  const addressOf = (r: number, c: number): string =>
    r === 0
      ? sheetCellAddress(sheet, realRow(c), labelCol)
      : sheetCellAddress(sheet, realRow(c), header.monthCols[r - 1]);
  const view: RawSheet = { name: sheet.name, values, numberFormats: formats, originRow: 0, originCol: 0 };
  reportMissing(spec, col, mapped, sheet.name, sheetCellAddress(sheet, header.row, labelCol), "row", issues);
  return {
    sheet: view,
    headerRow: 0,
    col,
    addressOf,
    description: `sheet "${sheet.name}", months across row ${sheetRowNumber(sheet, header.row)}, measures in column ${columnLetters(sheet.originCol + labelCol)}`,
  };
}
