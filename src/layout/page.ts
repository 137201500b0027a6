// The page's grid and its cursor: eleven columns of different widths, the next free row, the printed blocks page
// breaks fall between, and the few things every block writes (a gap, a section heading, a subheading, a note). Each
// block of the page (src/layout/blocks) is a function of this page and the summary.
import { cellAddress, rangeAddress } from "../core/a1";
import type { RagGrade } from "../core/model";
import type { ChartBlock, DrawableChart } from "./chart-data";
import type { DataTable } from "./data-tables";
import type { PrintBlock } from "./pagination";
import type { CellStyle, ChartSpec, PlannedLink } from "./plan";
import { SheetBuilder } from "./sheet-builder";
import { STYLES, ragStyle } from "./styles";

export const SUMMARY_SHEET_NAME = "Portfolio Summary";
/**
 * The page's grid: eleven columns of different widths, shared by every block (a sheet has one set of widths). Text
 * that wraps wraps only inside its own cell, so each table puts its wrapping text in one of the wide columns: the
 * first (a workstream, a risk, a measure), the second (an impact, the latest month, where a problem is), the third
 * (an owner, a target) or the last (a commentary, an action, an explanation, a problem); the seven narrow columns
 * between hold numbers, scores and RAG cells. The columns between the first and the last (97 units) are as narrow
 * as the tables laid out across them allow: the outlook's nine figures, the key risks' impact (22: the sample's
 * longest in five lines) and owner (10.5: "Risk owner" on one line), the halves' five and six columns. The first
 * and the last share the rest of the 176 units Excel prints at 85%: 40 holds most workstreams' names in two lines
 * (three of the sample's sixteen take three), 39.2 a commentary in one or two. The halves (charts, half-page
 * tables) are columns 1-5 and 6-11; the three KPI tiles are columns 1-2, 3-8 and 9-11 (docs/page-layout.md). The
 * narrow width is 9.2, not 9: ExcelJS takes 9 for its default width and writes no width for such a column, which
 * Excel would then draw at its own default of 8.43.
 */
export const COLUMN_WIDTHS: readonly number[] = [40, 22, 10.5, ...Array<number>(7).fill(9.2), 39.2];
export const PAGE_COLUMNS = COLUMN_WIDTHS.length;
export const LAST_COL = PAGE_COLUMNS - 1;
/** The last column, with the first the page's widest: where a table's long wrapped text goes. */
export const TEXT_COL = LAST_COL;
/** Rows 1-3 (title, page name and date, overall RAG) stay frozen on screen. */
export const TITLE_ROWS = 3;
/** Rows 1-2 (programme, page name and reporting date) head every printed page; the RAG is printed once. */
export const REPEATED_TITLE_ROWS = 2;
/** Heights of rows 1 and 2, the rows repeated on every printed page. */
export const TITLE_HEIGHTS = [26, 20] as const;
/** Points of the small empty row between blocks. */
export const GAP = 6;

/** Columns a block is written in: the whole page, or its left or right half. */
export interface Slot {
  c1: number;
  c2: number;
}
export const FULL: Slot = { c1: 0, c2: LAST_COL };
/** The halves: 91 and 85 width units. */
export const LEFT: Slot = { c1: 0, c2: 4 };
export const RIGHT: Slot = { c1: 5, c2: LAST_COL };
export const slotWidth = (slot: Slot): number => slot.c2 - slot.c1 + 1;

/** The summary sheet being written, and where the next block goes. Rows are 0-based, as everywhere in src. */
export class Page {
  readonly sheet = new SheetBuilder("summary", SUMMARY_SHEET_NAME, [...COLUMN_WIDTHS]);
  /** Next free row. */
  row = 0;
  /** Where each printed block starts; page breaks fall only between blocks (or between rows of a long table). */
  readonly printBlocks: PrintBlock[] = [];

  /** Links to places in the workbook (the data sheet). */
  readonly links: PlannedLink[] = [];
  /** The page's tables as the data sheet writes them, in the order of the page. */
  readonly tables: DataTable[] = [];
  /** Where the page draws each of its tables, header row included (the plan's `tableRegions`). */
  readonly tableRegions: { name: string; range: string }[] = [];
  /** Charts placed on the page; their specs are made once the data sheet holds their tables. */
  private readonly placed: { id: string; from: string; to: string }[] = [];

  /** `charts`: every drawable chart, by chart id. */
  constructor(readonly charts: Map<string, DrawableChart>) {}

  /** Declares a table's copy on the data sheet; its name is made unique among the page's tables. */
  addDataTable(table: DataTable, note?: string): void {
    const taken = new Set(this.tables.map((t) => t.name.toLowerCase()));
    let name = table.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${table.name}_${n}`;
    const description = note?.trim()
      ? `${table.rows.length} ${table.rows.length === 1 ? "row" : "rows"}: ${table.headers.join(", ")}. ${note.trim()}`
      : table.description;
    this.tables.push({ ...table, name, ...(description ? { description } : {}) });
  }

  /** Records rows top..bottom, columns c1..c2 as a table the page draws: no merge may fall inside it. */
  tableRegion(name: string, top: number, c1: number, bottom: number, c2: number): void {
    if (bottom >= top) this.tableRegions.push({ name, range: rangeAddress(top, c1, bottom, c2) });
  }

  /** Empty rows of `height` points. */
  gap(rows = 1, height = GAP): void {
    for (let i = 0; i < rows; i++) {
      this.sheet.height(this.row, height);
      this.row++;
    }
  }

  /** Starts a block at the next free row: a printed page may break just before it. */
  startBlock(options: { keepWithNext?: boolean; splittable?: boolean } = {}): void {
    // Print blocks are numbered as Excel numbers rows, as the print setup is.
    const first = this.row + 1;
    const last = this.printBlocks[this.printBlocks.length - 1];
    if (last?.first === first) Object.assign(last, options);
    else this.printBlocks.push({ first, ...options });
  }

  /** Points of rows first..last. */
  heightBetween(first: number, last: number): number {
    let h = 0;
    for (let r = first; r <= last; r++) h += this.sheet.heightOf(r);
    return h;
  }

  /** A navy section heading, kept on the page of the block that follows it. */
  heading(text: string): void {
    this.startBlock({ keepWithNext: true });
    this.sheet.cell(this.row, 0, LAST_COL, text, STYLES.sectionHeading, false);
    this.sheet.height(this.row, 21);
    this.row++;
  }

  /** A subheading across a slot at `row`; it wraps rather than being cut when the slot is narrow. */
  subheadingAt(row: number, slot: Slot, text: string): void {
    this.sheet.cell(row, slot.c1, slot.c2, text, STYLES.subheading);
    this.sheet.height(row, 20);
  }

  subheading(text: string): void {
    this.subheadingAt(this.row, FULL, text);
    this.row++;
  }

  /** A line of text across a slot at `row`, wrapped and sized to fit. */
  noteAt(row: number, slot: Slot, text: string, style: CellStyle = STYLES.note): void {
    this.sheet.cell(row, slot.c1, slot.c2, text, style);
  }

  /** A line of text across the page at the next row. */
  note(text: string, style: CellStyle = STYLES.note): void {
    this.noteAt(this.row, FULL, text, style);
    this.row++;
  }

  /** A RAG cell: the word on its grade's fill. */
  ragCell(
    row: number,
    col1: number,
    col2: number,
    grade: RagGrade | null,
    word: string,
    size?: number,
  ): void {
    this.sheet.cell(row, col1, col2, word, ragStyle(grade, size));
  }

  /** Draws a chart over the cells `from` (top left) to `to` (bottom right). */
  drawChart(
    chart: DrawableChart,
    from: { row: number; col: number },
    to: { row: number; col: number },
  ): void {
    this.placed.push({
      id: chart.chart.id,
      from: cellAddress(from.row, from.col),
      to: cellAddress(to.row, to.col),
    });
  }

  /** Makes the specs of the charts placed, reading each chart's table on the data sheet. */
  finishCharts(blocks: Map<string, ChartBlock>): void {
    for (const { id, from, to } of this.placed) {
      const block = blocks.get(id);
      if (!block) throw new Error(`The data sheet holds no table for the chart "${id}"`); // a layout fault
      this.sheet.charts.push(chartSpec(block, from, to));
    }
  }
}

function chartSpec(block: ChartBlock, from: string, to: string): ChartSpec {
  const { chart } = block;
  return {
    id: `PS_${chart.id}`,
    type: block.type,
    title: chart.title,
    categoryAxisTitle: chart.categoryAxisTitle,
    valueAxisTitle: chart.valueAxisTitle,
    valueAxisNumberFormat: block.valueAxisNumberFormat,
    reverseCategories: block.reverseCategories,
    seriesBy: "columns",
    series: block.series,
    altText: block.altText,
    position: { from, to },
    sheet: "summary",
    showLegend: block.series.length > 1,
  };
}
