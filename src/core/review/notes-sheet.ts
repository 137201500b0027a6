// The notes sheet: one Excel table of the notes people wrote on the summary (variances explained, data queries
// acknowledged), laid out plainly so a person can read and edit it in Excel. Its columns are declared once here;
// the Office.js gateway writes rows through them and every reader (the pane, the CLI) parses them back.
import { parseDate } from "../parse/dates";
import { isBlank, textOf, type RawCell, type RawNotesTable, type RawWorkbook } from "../raw";
import type { ReviewNote } from "../model";
import { dateToSerial, MS_PER_DAY } from "../serial";

export const NOTES_SHEET_NAME = "Portfolio Summary Notes";
/** The Excel table holding the notes (letters, digits and underscores only, as Excel requires). */
export const NOTES_TABLE_NAME = "PortfolioSummaryNotes";

type Field = keyof ReviewNote;

/** The table's columns, in order: the header a person sees, the note's field, the number format of its cells. */
export const NOTES_COLUMNS: readonly { header: string; field: Field; format: string; width: number }[] = [
  { header: "Reporting date", field: "reportingDate", format: "dd/mm/yyyy", width: 14 },
  { header: "Kind", field: "kind", format: "General", width: 12 },
  { header: "Id", field: "id", format: "General", width: 30 },
  { header: "About", field: "label", format: "General", width: 36 },
  { header: "Explanation", field: "text", format: "General", width: 60 },
  { header: "Owner", field: "owner", format: "General", width: 20 },
  { header: "Due", field: "due", format: "dd/mm/yyyy", width: 12 },
  { header: "By", field: "by", format: "General", width: 22 },
  { header: "At", field: "at", format: "dd/mm/yyyy hh:mm", width: 17 },
];

/** How each kind is written in the Kind column. */
const KIND_WORDS: Record<ReviewNote["kind"], string> = { variance: "Variance", query: "Data query" };

const DATE_FIELDS = new Set<Field>(["reportingDate", "due"]);

/** A note as one row of the table: text as text, dates as Excel dates (so they sort and filter in Excel). */
export function noteRow(note: ReviewNote): RawCell[] {
  return NOTES_COLUMNS.map(({ field }) => {
    if (field === "kind") return KIND_WORDS[note.kind];
    if (field === "at") return note.at ? dateTimeSerial(note.at) : "";
    if (DATE_FIELDS.has(field)) {
      const value = note[field];
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateToSerial(new Date(`${value}T00:00:00Z`)) : value;
    }
    return note[field];
  });
}

/** A note read from the table, with the sheet row it is on (0-based), so it can be edited in place. */
export interface SheetNote extends ReviewNote {
  row: number;
}

export type NotesTable = RawNotesTable;

/**
 * The notes in a table as read. Columns are found by their headers, so a person may reorder them or add columns
 * of their own; a row without an id or an explanation is not a note (a person's half-typed row is left alone).
 */
export function parseNotes(table: NotesTable): SheetNote[] {
  const [header = [], ...rows] = table.values;
  const index = new Map<Field, number>();
  header.forEach((cell, c) => {
    const column = NOTES_COLUMNS.find((col) => col.header.toLowerCase() === textOf(cell).toLowerCase());
    if (column && !index.has(column.field)) index.set(column.field, c);
  });
  if (!index.has("id") || !index.has("text")) return [];
  const cell = (row: RawCell[], field: Field): RawCell => {
    const c = index.get(field);
    return c === undefined ? "" : (row[c] ?? "");
  };
  const notes: SheetNote[] = [];
  rows.forEach((row, r) => {
    const id = textOf(cell(row, "id"));
    const text = textOf(cell(row, "text"));
    if (!id || !text) return;
    const kind = textOf(cell(row, "kind")).toLowerCase();
    notes.push({
      kind: kind.startsWith("data") || kind === "query" ? "query" : "variance",
      id,
      reportingDate: dateText(cell(row, "reportingDate")),
      label: textOf(cell(row, "label")),
      text,
      owner: textOf(cell(row, "owner")),
      due: dateText(cell(row, "due")),
      by: textOf(cell(row, "by")),
      at: dateTimeText(cell(row, "at")),
      row: table.originRow + 1 + r,
    });
  });
  return notes;
}

/** The notes table in a workbook read from a file (the CLI), where the add-in's marks are not visible: by name. */
export function findNotesTable(raw: RawWorkbook): NotesTable | null {
  if (raw.reviewNotes) return raw.reviewNotes;
  const table = raw.tables?.find((t) => t.name.toLowerCase() === NOTES_TABLE_NAME.toLowerCase());
  const sheet =
    raw.sheets.find((s) => s.name === table?.sheet) ??
    raw.sheets.find((s) => s.name.toLowerCase() === NOTES_SHEET_NAME.toLowerCase());
  if (!sheet) return null;
  // The header row is the first row that names the Id and Explanation columns.
  const top = sheet.values.findIndex((row) => {
    const words = row.map((c) => textOf(c).toLowerCase());
    return words.includes("id") && words.includes("explanation");
  });
  if (top < 0) return null;
  return { sheet: sheet.name, values: sheet.values.slice(top), originRow: sheet.originRow + top };
}

/** "YYYY-MM-DD" from a date cell, "" from an empty one, and the text as typed when it is not a date. */
function dateText(v: RawCell): string {
  if (isBlank(v)) return "";
  const parsed = parseDate(v);
  return parsed.ok ? parsed.value : textOf(v);
}

/** An ISO date-time from a date-time serial or text. */
function dateTimeText(v: RawCell): string {
  if (isBlank(v)) return "";
  if (typeof v === "number" && Number.isFinite(v) && v > 60) {
    // Serials after 1 March 1900 count days from 30 December 1899.
    return new Date(Math.round((v - 25569) * MS_PER_DAY)).toISOString();
  }
  const text = textOf(v);
  const ms = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && Number.isFinite(ms)) return new Date(ms).toISOString();
  const day = parseDate(v);
  return day.ok ? `${day.value}T00:00:00.000Z` : text;
}

/** An ISO date-time as an Excel date-time serial (UTC, to the minute), or the text when it is not one. */
function dateTimeSerial(iso: string): number | string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return Math.round(dateToSerial(new Date(ms)) * 1440) / 1440;
}
