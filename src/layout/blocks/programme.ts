// Programmes 1-6, each under a navy heading: its note; its key contributing workstreams with their RAG in the
// council's words; then its half-page pieces (milestones due, key figures, metric tables) beside its charts.
import { rangeAddress } from "../../core/a1";
import type { Figure, MetricTable, PortfolioSummary, ProgrammeSection, Workstream } from "../../core/model";
import { arrange, type SlotWriter } from "../bands";
import { FULL, LEFT, slotWidth, type Page, type Slot } from "../page";
import type { CellStyle, PlanValue } from "../plan";
import { NUMBER_FORMATS, STYLES, formatForUnit, ragStyle } from "../styles";
import { tableCopy, tableName } from "../data-tables";
import { writeTable, type TableColumn } from "../table";
import { tableValue } from "../values";

const WORKSTREAM_COLUMNS: TableColumn<Workstream>[] = [
  // The dashboard's "Key contributing workstreams" heads the table's first column rather than a row of its own.
  { header: "Key contributing workstreams", span: 1, style: STYLES.tableCell, value: (w) => w.name },
  {
    header: "RAG",
    span: 4,
    // The council's own wording, coloured by its grade; an unreadable RAG keeps its text on a neutral fill.
    style: (w) => ragStyle(w.rag.grade),
    value: (w) => w.rag.text || w.rag.grade || "Not set",
  },
  { header: "Lead", span: 5, style: STYLES.tableCell, value: (w) => w.lead },
  { header: "Commentary", span: 1, style: STYLES.tableCell, value: (w) => w.commentary },
];

/** Every programme, in number order. */
export function programmes(page: Page, summary: PortfolioSummary): void {
  for (const section of [...summary.programmes].sort((a, b) => a.number - b.number))
    programme(page, summary, section);
}

function programme(page: Page, summary: PortfolioSummary, section: ProgrammeSection): void {
  page.heading(`${section.number} - ${section.name}`);
  if (section.note.trim()) {
    page.startBlock();
    page.note(section.note, STYLES.wrapped);
    page.gap();
  }

  if (section.workstreams.length > 0) {
    page.startBlock({ splittable: true });
    page.row = writeTable(page, WORKSTREAM_COLUMNS, section.workstreams, {
      copy: {
        name: tableName("Programme", section.number, "Workstreams"),
        title: `${section.number} - ${section.name}: key contributing workstreams`,
      },
    });
    page.gap();
  } else if (!section.note.trim()) {
    page.startBlock();
    page.note("No workstreams are recorded for this programme yet.", STYLES.body);
    page.gap();
  }

  // Milestones, key figures and narrow metric tables fit half the page, beside a chart or each other.
  const halves: SlotWriter[] = [];
  const m = section.milestones;
  const milestoneTotal = m.complete + m.on_track + m.at_risk + m.overdue;
  if (milestoneTotal > 0 || section.workstreams.length > 0)
    halves.push((top, slot) => milestones(page, top, slot, section));
  if (section.figures.length > 0) halves.push((top, slot) => keyFigures(page, top, slot, section));
  for (const table of section.tables) {
    if (table.columns.length <= slotWidth(LEFT)) {
      halves.push((top, slot) => metricTable(page, top, slot, section, table));
    } else {
      page.startBlock({ splittable: true });
      page.row = metricTable(page, page.row, FULL, section, table);
      page.gap();
    }
  }
  arrange(page, summary, halves, section.chartIds);
}

interface MilestoneCounts {
  complete: number;
  on_track: number;
  at_risk: number;
  overdue: number;
  total: number;
}

/** Status of the milestones due: five counts, overdue and at risk in red when there are any. */
function milestones(page: Page, top: number, slot: Slot, section: ProgrammeSection): number {
  const m = section.milestones;
  const counts: MilestoneCounts = { ...m, total: m.complete + m.on_track + m.at_risk + m.overdue };
  page.subheadingAt(top, slot, "Status of milestones due");
  // Five columns: two page columns each across the page, one each in half of it.
  const span = slotWidth(slot) >= 10 ? 2 : 1;
  const adverse = (n: number): CellStyle => (n > 0 ? STYLES.tableNumberAdverse : STYLES.tableNumber);
  const column = (
    header: string,
    value: (c: MilestoneCounts) => number,
    style: (c: MilestoneCounts) => CellStyle,
  ): TableColumn<MilestoneCounts> => ({ header, span, style, format: NUMBER_FORMATS.count, value });
  const columns = [
    column(
      "Complete",
      (c) => c.complete,
      () => STYLES.tableNumber,
    ),
    column(
      "On track",
      (c) => c.on_track,
      () => STYLES.tableNumber,
    ),
    column(
      "At risk",
      (c) => c.at_risk,
      (c) => adverse(c.at_risk),
    ),
    column(
      "Overdue",
      (c) => c.overdue,
      (c) => adverse(c.overdue),
    ),
    column(
      "Total",
      (c) => c.total,
      () => STYLES.tableNumberBold,
    ),
  ];
  return writeTable(page, columns, [counts], {
    top: top + 1,
    slot,
    copy: {
      name: tableName("Programme", section.number, "Milestones"),
      title: `${section.number} - ${section.name}: status of milestones due`,
    },
  });
}

/** Key figures are finance figures: negatives in brackets, as in the finance tables. */
function figureFormat(f: Figure): string | null {
  if (f.unit !== "money") return formatForUnit(f.unit, [f.value]);
  return Math.abs(f.value ?? 0) >= 100_000 ? NUMBER_FORMATS.financeMillions : NUMBER_FORMATS.financePounds;
}

/** Key figures: label, value, note; in half the page the note goes on a row of its own below. */
function keyFigures(page: Page, top: number, slot: Slot, section: ProgrammeSection): number {
  const figures: readonly Figure[] = section.figures;
  const sheet = page.sheet;
  page.addDataTable(
    tableCopy(
      tableName("Programme", section.number, "Key figures"),
      `${section.number} - ${section.name}: key figures`,
      [
        { header: "Figure", value: (f: Figure) => f.label },
        {
          header: "Value",
          value: (f: Figure) => tableValue(f.value, f.unit),
          format: (f: Figure) => figureFormat(f),
        },
        { header: "Note", value: (f: Figure) => f.note ?? "" },
      ],
      figures,
    ),
  );
  page.subheadingAt(top, slot, "Key figures");
  let row = top + 1;
  const wide = slotWidth(slot) >= 10;
  // The label wraps in the page's first column when the slot starts there, else runs on across the slot's columns
  // before its last; the value stands in the third column (or the slot's last), a number in one cell.
  const first = slot.c1 === 0;
  const label: [number, number] = first ? [0, 0] : [slot.c1, slot.c2 - 1];
  const value: [number, number] = first ? [1, 2] : [slot.c2, slot.c2];
  const cell = (
    r: number,
    [c1, c2]: [number, number],
    v: PlanValue,
    style: CellStyle,
    format?: string | null,
  ) => {
    sheet.cell(r, c1, c2, v, style, typeof v === "string");
    if (format) sheet.format(rangeAddress(r, c1, r, c2), format);
  };
  for (const f of figures) {
    const cellValue = tableValue(f.value, f.unit);
    const format = figureFormat(f);
    cell(row, label, f.label, STYLES.tableCellBold);
    cell(row, value, cellValue ?? "Not available", STYLES.keyFigure, cellValue === null ? null : format);
    if (wide) cell(row, [3, slot.c2], f.note ?? "", STYLES.tableNote);
    row++;
    if (!wide && f.note) {
      cell(row, [slot.c1, slot.c2], f.note, STYLES.tableNote);
      row++;
    }
  }
  page.tableRegion(tableName("Programme", section.number, "Key figures"), top + 1, slot.c1, row - 1, slot.c2);
  return row;
}

/** A metric table (the last months, newest first): two page columns a table column while they fit the slot. */
function metricTable(
  page: Page,
  top: number,
  slot: Slot,
  section: ProgrammeSection,
  table: MetricTable,
): number {
  page.subheadingAt(top, slot, table.title);
  let row = top + 1;
  const cols = table.columns;
  if (cols.length === 0) return row;
  // Two page columns a table column while they fit the slot; one each beyond; never more than the slot holds.
  const width = slotWidth(slot);
  const span = cols.length * 2 <= width ? 2 : 1;
  const shown = cols.slice(0, Math.floor(width / span));
  type Row = MetricTable["rows"][number];
  const columns = shown.map((c): TableColumn<Row> => {
    const dated = c.unit === "month" || c.unit === "date";
    return {
      header: c.label,
      span,
      style: (r) =>
        typeof tableValue(r[c.key], c.unit) === "number"
          ? dated
            ? STYLES.tableDate
            : STYLES.tableNumber
          : dated
            ? STYLES.tableDateText
            : STYLES.tableCell,
      format: formatForUnit(
        c.unit,
        table.rows.map((r) => r[c.key]),
      ),
      value: (r) => tableValue(r[c.key], c.unit),
    };
  });
  row = writeTable(page, columns, table.rows, {
    top: row,
    slot,
    region: tableName("Programme", section.number, table.title),
  });
  // The data sheet holds every column, the page only those it has room for.
  page.addDataTable(
    tableCopy(
      tableName("Programme", section.number, table.title),
      `${section.number} - ${section.name}: ${table.title}`,
      cols.map((c) => ({
        header: c.label,
        format: formatForUnit(
          c.unit,
          table.rows.map((r) => r[c.key]),
        ),
        value: (r: Row) => tableValue(r[c.key], c.unit),
      })),
      table.rows,
    ),
    table.note,
  );
  if (table.rows.length === 0)
    page.noteAt(row++, slot, "No rows for this table in the tracker.", STYLES.body);
  if (cols.length > shown.length)
    page.noteAt(
      row++,
      slot,
      `${cols.length - shown.length} more columns are in the tracker and not shown here.`,
    );
  if (table.note) page.noteAt(row++, slot, table.note);
  return row;
}
