// "Since last report", near the top of the page: the baseline named in the heading; the overall RAG then and now;
// each headline KPI then, now and its change in words beside an arrow (by the KPI's polarity); the workstreams,
// key risks, milestones and data problems that changed; then the trend of the last reports. A first refresh says
// so in one line.
import { formatDate } from "../../core/format";
import type {
  ChangeDirection,
  HistoryReport,
  KpiChange,
  KpiUnit,
  PortfolioSummary,
  SinceLastReport,
} from "../../core/model";
import { excelSerial } from "../../core/serial";
import { changeItems, type ChangeItem } from "../../core/history/changes";
import { LAST_COL, type Page } from "../page";
import type { CellStyle } from "../plan";
import { NUMBER_FORMATS, PALETTE, STYLES, kpiValueFormat, ragStyle, tableStatusStyle } from "../styles";
import { writeTable, type TableColumn } from "../table";

/** A change in the direction's colour (and always its words): worse in the adverse red, better in green. */
function changeStyle(direction: ChangeDirection | null): CellStyle {
  if (direction === "worse") return tableStatusStyle(PALETTE.adverse);
  if (direction === "better") return tableStatusStyle(PALETTE.favourable);
  return STYLES.tableCell;
}

const KPI_COLUMNS: TableColumn<KpiChange>[] = [
  { header: "Headline KPI", span: 1, style: STYLES.tableCell, value: (k) => k.label },
  {
    header: "Then",
    span: 1,
    style: STYLES.tableNumber,
    format: (k) => kpiValueFormat(k.unit),
    value: (k) => k.from ?? "Not recorded",
  },
  {
    header: "Now",
    span: 1,
    style: STYLES.tableNumber,
    format: (k) => kpiValueFormat(k.unit),
    value: (k) => k.to ?? "Not available",
  },
  {
    header: "Change",
    span: 8,
    style: (k) => changeStyle(k.direction),
    value: (k) => (k.arrow ? `${k.arrow} ${k.text}` : k.text),
  },
];

const OTHER_COLUMNS: TableColumn<ChangeItem>[] = [
  { header: "What", span: 1, style: STYLES.tableCellBold, value: (c) => c.what },
  { header: "Which", span: 9, style: STYLES.tableCell, value: (c) => c.which },
  { header: "Change", span: 1, style: (c) => changeStyle(c.direction), value: (c) => c.text },
];

const unitOf = (summary: PortfolioSummary, id: string): KpiUnit =>
  summary.kpis.find((k) => k.id === id)?.unit ?? "count";

function trendColumns(summary: PortfolioSummary): TableColumn<HistoryReport>[] {
  const kpiColumn = (id: string, header: string): TableColumn<HistoryReport> => ({
    header,
    span: 2,
    style: STYLES.tableNumber,
    format: kpiValueFormat(unitOf(summary, id)),
    value: (r) => r.kpis.find((k) => k.id === id)?.value ?? null,
  });
  return [
    {
      header: "Report of",
      span: 1,
      style: STYLES.tableDate,
      format: (r) => (r.reportingDate && excelSerial(r.reportingDate) !== null ? NUMBER_FORMATS.date : null),
      value: (r) => (r.reportingDate ? (excelSerial(r.reportingDate) ?? r.reportingDate) : "Not dated"),
    },
    {
      header: "Overall RAG",
      span: 2,
      style: (r) => ragStyle(r.overallRag.grade),
      value: (r) => r.overallRag.grade ?? (r.overallRag.text || "Not set"),
    },
    ...summary.kpis.map((k) => kpiColumn(k.id, k.label)),
  ];
}

export function sinceLastReport(page: Page, summary: PortfolioSummary): void {
  const since = summary.sinceLastReport;
  if (!since) return;
  const reports = summary.history?.reports ?? [];
  if (!since.baseline && reports.length < 2) {
    // Nothing to compare yet: one line, not an empty table.
    page.startBlock();
    page.note(`${since.heading}: ${since.message}`, STYLES.body);
    page.gap();
    return;
  }
  page.heading(since.heading);
  page.startBlock();
  if (since.message) page.note(since.message, STYLES.body);
  if (since.baseline) changes(page, summary, since);
  else page.gap();

  if (reports.length >= 2) {
    page.startBlock();
    page.subheading(`The last ${reports.length} reports`);
    page.row = writeTable(page, trendColumns(summary), reports, { region: "The last reports" });
    page.gap();
  }
}

/** The changes against a baseline: the overall RAG, the headline KPIs, then everything else that moved. */
function changes(page: Page, summary: PortfolioSummary, since: SinceLastReport): void {
  const sheet = page.sheet;
  if (since.baseline) {
    const when = formatDate(since.baseline.refreshedAt.slice(0, 10));
    page.note(
      `Compared with the last refresh of that report (refreshed ${when}, refresh ${since.baseline.refresh} in the ${summary.history?.sheetName ?? "history"} sheet); the definitions below say how it is chosen.`,
    );
  }
  if (since.overallRag) {
    const row = page.row;
    sheet.cell(row, 0, 0, "Overall RAG", STYLES.label, false);
    sheet.cell(
      row,
      1,
      1,
      since.overallRag.from.grade ?? (since.overallRag.from.text || "Not set"),
      ragStyle(since.overallRag.from.grade),
    );
    sheet.cell(
      row,
      2,
      2,
      "->",
      { ...STYLES.body, horizontalAlignment: "center", verticalAlignment: "center" },
      false,
    );
    sheet.cell(
      row,
      3,
      5,
      since.overallRag.to.grade ?? (since.overallRag.to.text || "Not set"),
      ragStyle(since.overallRag.to.grade),
    );
    sheet.cell(row, 6, LAST_COL, since.overallRag.text, {
      ...changeStyle(since.overallRag.direction),
      borders: undefined,
    });
    sheet.height(row, 18);
    page.row++;
  }
  if (since.kpis.length > 0)
    page.row = writeTable(page, KPI_COLUMNS, since.kpis, { region: "Since last report: headline KPIs" });
  const others = changeItems(since);
  page.gap();
  page.startBlock({ splittable: true });
  if (others.length > 0)
    page.row = writeTable(page, OTHER_COLUMNS, others, { region: "Since last report: other changes" });
  else page.note("No workstream RAG, key risk, milestone or data problem changed.", STYLES.body);
  page.gap();
}
