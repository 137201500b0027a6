// The data sheet, the accessible version of the page: a heading and how to read the sheet, a contents table linking
// to every table, then every table the page shows and every chart's figures, each an Excel table (one header row, a
// meaningful name, no blank row or column inside) under its title. The charts on the page read their tables here.
import { cellAddress, rangeAddress } from "../core/a1";
import { chartBlock, chartTable, type ChartBlock, type DrawableChart } from "./chart-data";
import { NOT_AVAILABLE, type DataTable } from "./data-tables";
import type { PrintBlock } from "./pagination";
import type { PlannedLink, PlannedTable, PlanValue } from "./plan";
import { SheetBuilder } from "./sheet-builder";
import { STYLES } from "./styles";

/** The built-in style of the data sheet's tables: light, so the cells' own formats read as on the page. */
const TABLE_STYLE = "TableStyleLight1";

/** Widths of the data sheet's columns in Excel units: at least this, and text wider than the most wraps. */
const MIN_WIDTH = 11;
const FIRST_MIN_WIDTH = 30;
const MAX_WIDTH = 40;

interface DataSheet {
  sheet: SheetBuilder;
  tables: PlannedTable[];
  links: PlannedLink[];
  /** Where each drawable chart's table is, by chart id. */
  blocks: Map<string, ChartBlock>;
  /** First row of each table's block: where a printed page may break. */
  printBlocks: PrintBlock[];
}

/** The width a column's content asks for (text in characters of Calibri 10, a little over). */
function wanted(value: PlanValue, header = false): number {
  if (typeof value === "number") return MIN_WIDTH;
  if (typeof value !== "string") return 0;
  return Math.ceil(value.length * (header ? 1.15 : 1.05)) + 2;
}

/** Column widths serving every table: each column as wide as its widest content, within bounds. */
function columnWidths(tables: readonly DataTable[]): number[] {
  const widths: number[] = [FIRST_MIN_WIDTH];
  for (const t of tables) {
    t.headers.forEach((h, c) => {
      let w = wanted(h, true);
      for (const row of t.rows) w = Math.max(w, wanted(row[c]));
      widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c] ?? MIN_WIDTH, MIN_WIDTH, w));
    });
  }
  return widths;
}

const isMissing = (v: PlanValue | undefined) => v === null || v === undefined || v === "";

/** What a table holds, in the contents. */
const holds = (t: DataTable): string =>
  t.description ?? `${t.rows.length} ${t.rows.length === 1 ? "row" : "rows"}: ${t.headers.join(", ")}.`;

/**
 * Lays out the data sheet from the page's tables and the drawable charts. A table with no rows is not an Excel table:
 * its title says so in words instead.
 */
export function buildDataSheet(
  name: string,
  pageTables: readonly DataTable[],
  charts: ReadonlyMap<string, DrawableChart>,
): DataSheet {
  const chartTables = [...charts.values()].map((d) => ({ drawable: d, table: chartTable(d) }));
  const taken = new Set(pageTables.map((t) => t.name.toLowerCase()));
  for (const c of chartTables) {
    let n = 2;
    const base = c.table.name;
    while (taken.has(c.table.name.toLowerCase())) c.table.name = `${base}_${n++}`;
    taken.add(c.table.name.toLowerCase());
  }
  const all: DataTable[] = [...pageTables, ...chartTables.map((c) => c.table)];
  const contents: DataTable = {
    name: "tblContents",
    title: "Contents",
    headers: ["Table", "Excel table name", "Rows", "What it holds"],
    rows: all.map((t) => [
      t.title,
      t.rows.length > 0 ? t.name : "(none at this refresh)",
      t.rows.length,
      holds(t),
    ]),
    formats: all.map(() => [null, null, "0", null]),
  };
  const sheet = new SheetBuilder("data", name, columnWidths([contents, ...all]));
  const tables: PlannedTable[] = [];
  const links: PlannedLink[] = [];
  const blocks = new Map<string, ChartBlock>();
  const printBlocks: PrintBlock[] = [{ first: 1 }];

  sheet.text(
    0,
    0,
    0,
    "Portfolio Summary: its tables and the figures behind its charts",
    STYLES.dataTitle,
    false,
  );
  sheet.height(0, 20);
  sheet.text(
    1,
    0,
    0,
    "The accessible version of the Portfolio Summary sheet: each of its tables, and the figures of each chart, as an " +
      `Excel table under its title. ${NOT_AVAILABLE} marks a figure that is not available; an empty cell in a ` +
      "chart's table is a month with no figure. Written from the tracker at each refresh: change the tracker, not " +
      "this sheet.",
    STYLES.note,
    false,
  );

  let row = 3;
  /** Writes a table's title and, when it has rows, the table; returns the row of its title. */
  const place = (table: DataTable, onChartRows = false): { title: number; header: number | null } => {
    printBlocks.push({ first: row + 1, splittable: true });
    const title = row;
    sheet.text(
      title,
      0,
      0,
      table.rows.length > 0 ? table.title : `${table.title}: none at this refresh.`,
      STYLES.dataTableTitle,
      false,
    );
    sheet.height(title, 18);
    if (table.rows.length === 0) {
      row = title + 2;
      return { title, header: null };
    }
    const header = title + 1;
    table.headers.forEach((h, c) => sheet.text(header, c, c, h, STYLES.tableHeader));
    const first = header + 1;
    const last = header + table.rows.length;
    const columnFormats = table.headers.map((_, c) => {
      const seen = new Set(table.formats.map((f, k) => (isMissing(table.rows[k][c]) ? undefined : f[c])));
      seen.delete(undefined);
      return seen.size === 1 ? ([...seen][0] ?? null) : null;
    });
    table.rows.forEach((cells, k) => {
      const r = first + k;
      cells.forEach((value, c) => {
        const missing = isMissing(value);
        // A chart's empty cell is a gap in its line; anywhere else a missing figure is said with the shorthand.
        const v: PlanValue = missing ? (onChartRows ? null : NOT_AVAILABLE) : value;
        sheet.set(r, c, v);
        const format = missing ? null : (table.formats[k]?.[c] ?? null);
        if (format && !columnFormats[c]) sheet.format(cellAddress(r, c), format);
        // Text wider than its column wraps, and its row grows to hold it.
        if (typeof v === "string" && v.length > sheet.width(c) * 0.8)
          sheet.fitText(r, c, v, STYLES.tableCell);
      });
    });
    // A column whose figures share one format gets it as one range (text in it, such as [x], is not affected).
    columnFormats.forEach((format, c) => {
      if (format) sheet.format(rangeAddress(first, c, last, c), format);
    });
    // One style a column: numbers right-aligned where the column holds only numbers (and missing figures).
    table.headers.forEach((_, c) => {
      const numeric = table.rows.every(
        (cells) => typeof cells[c] === "number" || cells[c] === null || cells[c] === "",
      );
      sheet.style(rangeAddress(first, c, last, c), numeric ? STYLES.tableNumber : STYLES.tableCell);
    });
    tables.push({
      name: table.name,
      range: rangeAddress(header, 0, last, table.headers.length - 1),
      columns: table.headers,
      style: TABLE_STYLE,
    });
    row = last + 2;
    return { title, header };
  };

  const contentsAt = place(contents);
  const titles = new Map<string, number>();
  for (const t of pageTables) titles.set(t.name, place(t).title);
  for (const { drawable, table } of chartTables) {
    const at = place(table, true);
    titles.set(table.name, at.title);
    if (at.header !== null) blocks.set(drawable.chart.id, chartBlock(drawable, at.header));
  }
  // Each contents row links to its table's title.
  all.forEach((t, k) => {
    const title = titles.get(t.name);
    if (title === undefined || contentsAt.header === null) return;
    const cell = cellAddress(contentsAt.header + 1 + k, 0);
    links.push({ cell, target: { sheet: "data", cell: cellAddress(title, 0) } });
    sheet.style(cell, STYLES.link);
  });
  if (charts.size === 0) sheet.text(row, 0, 0, "No chart has data at this refresh.", STYLES.body, false);
  return { sheet, tables, links, blocks, printBlocks };
}
