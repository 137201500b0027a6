// Flagged variances: every figure off its target beyond tolerance, with its status in a mark and a word, and under
// each the officer's explanation (or last report's, carried for updating); a line counts how many are explained.
import type { FlaggedVariance, PortfolioSummary } from "../../core/model";
import { carriedText, explainedCount, explainedText } from "../../core/wording";
import { LAST_COL, type Page } from "../page";
import type { CellStyle } from "../plan";
import { STYLES, kpiValueFormat, kpiVarianceFormat, statusFlag, tableStatusStyle } from "../styles";
import { tableCopy } from "../data-tables";
import { writeTable, type TableColumn } from "../table";
import { kpiCellVariance } from "../values";

/** A figure's cell: the number with its format, or a dash (unformatted) where there is none. */
const figure = (value: (v: FlaggedVariance) => number | null, format: (v: FlaggedVariance) => string) => ({
  value: (v: FlaggedVariance) => value(v) ?? "–",
  format: (v: FlaggedVariance) => (value(v) === null ? null : format(v)),
});

const COLUMNS: TableColumn<FlaggedVariance>[] = [
  { header: "Measure", span: 1, style: STYLES.tableCell, value: (v) => v.label },
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
    span: 2,
    style: STYLES.tableNumber,
    ...figure(
      (v) => kpiCellVariance(v.variance, v.unit),
      (v) => kpiVarianceFormat(v.unit),
    ),
  },
  {
    header: "Status",
    span: 5,
    style: (v) => tableStatusStyle(statusFlag(v.status).color),
    value: (v) => statusFlag(v.status).text,
  },
  { header: "Explanation", span: 1, style: STYLES.tableCell, value: (v) => v.explanation },
];

export function variances(page: Page, summary: PortfolioSummary): void {
  page.heading("Flagged variances");
  page.startBlock({ splittable: true });
  if (summary.variances.length === 0) {
    page.note("No variances are flagged.", STYLES.body);
    page.gap();
    return;
  }
  page.addDataTable(tableCopy("tblFlaggedVariances", "Flagged variances", COLUMNS, summary.variances));
  if (summary.review) page.note(`${explainedCount(summary.review)}.`, STYLES.bodyBold);
  const top = page.row;
  summary.variances.forEach((variance, i) => {
    page.row = writeTable(page, COLUMNS, [variance], { header: i === 0, region: false });
    const review = variance.review;
    if (!review) return;
    const explained = review.state === "explained";
    page.sheet.cell(
      page.row,
      0,
      LAST_COL,
      explained ? explainedText(review.note) : carriedText(review.note),
      explained ? EXPLAINED : CARRIED,
    );
    page.row++;
  });
  page.tableRegion("tblFlaggedVariances", top, 0, page.row - 1, LAST_COL);
  page.gap();
}

/** The officer's explanation, across the table under its variance; a carried one muted, as a draft. */
const EXPLAINED: CellStyle = { ...STYLES.tableCell, indent: 1 };
const CARRIED: CellStyle = { ...STYLES.tableNote, indent: 1 };
