// Flagged variances: every figure off its target beyond tolerance, with its status in a mark and a word.
import type { FlaggedVariance, PortfolioSummary } from "../../core/model";
import type { Page } from "../page";
import { STYLES, kpiValueFormat, kpiVarianceFormat, statusFlag, tableStatusStyle } from "../styles";
import { writeTable, type TableColumn } from "../table";
import { kpiCellVariance } from "../values";

/** A figure's cell: the number with its format, or a dash (unformatted) where there is none. */
const figure = (value: (v: FlaggedVariance) => number | null, format: (v: FlaggedVariance) => string) => ({
  value: (v: FlaggedVariance) => value(v) ?? "–",
  format: (v: FlaggedVariance) => (value(v) === null ? null : format(v)),
});

const COLUMNS: TableColumn<FlaggedVariance>[] = [
  { header: "Measure", span: 3, style: STYLES.tableCell, value: (v) => v.label },
  {
    header: "Actual",
    span: 1,
    style: STYLES.tableNumber,
    ...figure(
      (v) => v.actual,
      (v) => kpiValueFormat(v.unit),
    ),
  },
  {
    header: "Target",
    span: 1,
    style: STYLES.tableNumber,
    ...figure(
      (v) => v.target,
      (v) => kpiValueFormat(v.unit),
    ),
  },
  {
    header: "Variance",
    span: 1,
    style: STYLES.tableNumber,
    ...figure(
      (v) => kpiCellVariance(v.variance, v.unit),
      (v) => kpiVarianceFormat(v.unit),
    ),
  },
  {
    header: "Status",
    span: 2,
    style: (v) => tableStatusStyle(statusFlag(v.status).color),
    value: (v) => statusFlag(v.status).text,
  },
  { header: "Explanation", span: 4, style: STYLES.tableCell, value: (v) => v.explanation },
];

export function variances(page: Page, summary: PortfolioSummary): void {
  page.heading("Flagged variances");
  page.startBlock({ splittable: true });
  if (summary.variances.length === 0) {
    page.note("No variances are flagged.", STYLES.body);
    page.gap();
    return;
  }
  page.row = writeTable(page, COLUMNS, summary.variances, {
    copy: { name: "tblFlaggedVariances", title: "Flagged variances" },
  });
  page.gap();
}
