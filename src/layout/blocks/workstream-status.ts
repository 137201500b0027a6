// Workstream status by programme: a count of workstreams per RAG grade for each programme and for all of them,
// then the charts no programme claims (workstream status, milestone status across programmes).
import { RAG_SCALE, type PortfolioSummary, type RagGrade } from "../../core/model";
import { arrange } from "../bands";
import type { Page } from "../page";
import { NUMBER_FORMATS, STYLES, ragStyle } from "../styles";
import { writeTable, type TableColumn } from "../table";

interface CountsRow {
  label: string;
  counts: Record<RagGrade, number>;
  unknown: number;
  total: number;
  /** The all-programmes row, in bold on a band. */
  isTotal: boolean;
}

const count = (
  value: (r: CountsRow) => number,
  header: string,
  headerStyle?: ReturnType<typeof ragStyle>,
  span = 1,
) =>
  ({
    header,
    headerStyle,
    span,
    style: (r) => (r.isTotal ? STYLES.totalNumber : STYLES.tableNumber),
    format: NUMBER_FORMATS.count,
    value,
  }) satisfies TableColumn<CountsRow>;

const COLUMNS: TableColumn<CountsRow>[] = [
  {
    header: "Programme",
    span: 2,
    style: (r) => (r.isTotal ? STYLES.totalCell : STYLES.tableCell),
    value: (r) => r.label,
  },
  ...RAG_SCALE.map((grade) => count((r) => r.counts[grade], grade, ragStyle(grade))),
  count((r) => r.unknown, "Not recognised", undefined, 2),
  count((r) => r.total, "Total"),
];

export function workstreamStatus(page: Page, summary: PortfolioSummary): void {
  page.heading("Workstream status by programme");
  page.startBlock({ splittable: true });
  const rows = summary.workstreamStatus;
  if (rows.length === 0) {
    page.note("No workstreams were found in the tracker.");
  } else {
    const all: CountsRow = {
      label: "All programmes",
      counts: Object.fromEntries(RAG_SCALE.map((g) => [g, 0])) as Record<RagGrade, number>,
      unknown: 0,
      total: 0,
      isTotal: true,
    };
    for (const r of rows) {
      for (const grade of RAG_SCALE) all.counts[grade] += r.counts[grade];
      all.unknown += r.unknown;
      all.total += r.total;
    }
    const table = rows.map((r) => ({
      label: `${r.programme} - ${r.programmeName}`,
      counts: r.counts,
      unknown: r.unknown,
      total: r.total,
      isTotal: false,
    }));
    page.row = writeTable(page, COLUMNS, [...table, all], {
      copy: { name: "tblWorkstreamStatus", title: "Workstream status by programme" },
    });
  }
  page.gap();
}

/** Charts no programme shows (workstream status, milestones across programmes) belong to this overview. */
export function overviewCharts(page: Page, summary: PortfolioSummary): void {
  const claimed = new Set<string>(summary.programmes.flatMap((p) => p.chartIds));
  const overview = [...new Set(summary.charts.map((c) => c.id).filter((id) => !claimed.has(id)))];
  if (overview.length > 0) arrange(page, summary, [], overview);
}
