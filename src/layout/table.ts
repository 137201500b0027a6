// One way to write a table on the page: its columns declared once (header, how many page columns each spans, style,
// number format, the value of a row), laid out left to right across a slot, a header row then one row per record.
import { rangeAddress } from "../core/a1";
import { tableCopy } from "./data-tables";
import { FULL, type Page, type Slot } from "./page";
import type { CellStyle, PlanValue } from "./plan";
import { STYLES } from "./styles";

export interface TableColumn<R> {
  header: string;
  /** Page columns the column spans; columns follow each other from the slot's first column. */
  span: number;
  /** The header cell's style (default: the table header). */
  headerStyle?: CellStyle;
  style: CellStyle | ((row: R) => CellStyle);
  /** A number format for the whole column, one worked out per row, or none. */
  format?: string | null | ((row: R) => string | null);
  value(row: R): PlanValue;
}

/** The first and last page columns of the column headed `header` when the table is written across `slot`. */
export function columnSpan<R>(
  columns: readonly TableColumn<R>[],
  header: string,
  slot: Slot = FULL,
): { first: number; last: number } {
  let c = slot.c1;
  for (const column of columns) {
    if (column.header === header) return { first: c, last: c + column.span - 1 };
    c += column.span;
  }
  throw new Error(`The table has no column "${header}"`); // a layout fault
}

/**
 * Writes the header row and one row per record from `top` (default: the page's next row) across `slot` (default:
 * the whole page); returns the next free row. Text wraps and sizes its row; numbers stay numbers, formatted.
 * `header: false` writes the rows alone (a table continued). With `copy`, the same table is also written on the
 * data sheet as an Excel table of that name and title.
 */
export function writeTable<R>(
  page: Page,
  columns: readonly TableColumn<R>[],
  rows: readonly R[],
  options: {
    top?: number;
    slot?: Slot;
    header?: boolean;
    copy?: { name: string; title: string };
    /** The table's name in the plan's table regions (default: its copy's name); false: the caller records it. */
    region?: string | false;
  } = {},
): number {
  if (options.copy) page.addDataTable(tableCopy(options.copy.name, options.copy.title, columns, rows));
  const slot = options.slot ?? FULL;
  const spans: [number, number][] = [];
  let c = slot.c1;
  for (const column of columns) {
    spans.push([c, c + column.span - 1]);
    c += column.span;
  }
  if (c - 1 > slot.c2) throw new Error(`A table ${c - slot.c1} columns wide does not fit its slot`); // a layout fault
  const sheet = page.sheet;
  let row = options.top ?? page.row;
  const top = row;
  if (options.header !== false) {
    columns.forEach((column, i) => {
      sheet.cell(row, spans[i][0], spans[i][1], column.header, column.headerStyle ?? STYLES.tableHeader);
    });
    row++;
  }
  const first = row;
  for (const record of rows) {
    columns.forEach((column, i) => {
      const [c1, c2] = spans[i];
      const value = column.value(record);
      const style = typeof column.style === "function" ? column.style(record) : column.style;
      sheet.cell(row, c1, c2, value, style, typeof value === "string");
      if (typeof column.format === "function") {
        const format = column.format(record);
        if (format) sheet.format(rangeAddress(row, c1, row, c2), format);
      }
    });
    row++;
  }
  if (options.region !== false)
    page.tableRegion(options.region ?? options.copy?.name ?? "table", top, slot.c1, row - 1, c - 1);
  if (rows.length > 0)
    columns.forEach((column, i) => {
      if (typeof column.format === "string")
        sheet.format(rangeAddress(first, spans[i][0], row - 1, spans[i][1]), column.format);
    });
  return row;
}
