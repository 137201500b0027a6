// The accessible copies of the page's tables: every table the page shows is also written on the data sheet as an
// Excel table (one header row, a meaningful name, no blank row or column inside), so a screen reader can move
// through it cell by cell with its headers announced. Blocks declare a copy where they write the page's table.
import type { PlanValue } from "./plan";
import type { TableColumn } from "./table";

/** A table as the data sheet writes it: one cell a column, no spans, numbers with their formats. */
export interface DataTable {
  /** Excel table name ("tblKeyRisks"): a letter first, then letters, digits and underscores. */
  name: string;
  /** Its title, written in the cell above it and listed in the contents. */
  title: string;
  headers: string[];
  rows: PlanValue[][];
  /** Number format of each cell, row by row (null: none). */
  formats: (string | null)[][];
  /** What the table holds, for the contents (a chart's table: the chart's alternative text). */
  description?: string;
}

/** A figure a table has no value for: the Analysis Function's shorthand, explained at the top of the sheet. */
export const NOT_AVAILABLE = "[x]";

/** A table name Excel accepts, built from words: "Programme 2 workstreams" -> "tblProgramme2Workstreams". */
export function tableName(...words: (string | number)[]): string {
  const body = words
    .join(" ")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return `tbl${body}`.slice(0, 250);
}

/** Header texts made unique within a table (Excel requires it) and never blank. */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.replace(/\s+/g, " ").trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** A copy of a page table declared column by column: the same headers, values and formats, one cell a column. */
export function tableCopy<R>(
  name: string,
  title: string,
  columns: readonly Pick<TableColumn<R>, "header" | "format" | "value">[],
  records: readonly R[],
): DataTable {
  const rows = records.map((r) => columns.map((c) => c.value(r)));
  const formats = records.map((r) =>
    columns.map((c) => (typeof c.format === "function" ? c.format(r) : (c.format ?? null))),
  );
  return { name, title, headers: uniqueHeaders(columns.map((c) => c.header)), rows, formats };
}
