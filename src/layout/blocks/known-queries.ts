// Known and explained: the data queries (warnings) someone acknowledged with a reason, moved here from the data
// problems, each with where it is, what it says and the reason. A query whose figure changes comes back as a problem.
import type { Issue, PortfolioSummary } from "../../core/model";
import { acknowledgedText, issueLocation } from "../../core/wording";
import type { Page } from "../page";
import { STYLES } from "../styles";
import { writeTable, type TableColumn } from "../table";

const COLUMNS: TableColumn<Issue>[] = [
  {
    header: "Where (sheet!cell)",
    span: 1,
    style: STYLES.tableCell,
    value: (i) => issueLocation(i, "reference"),
  },
  { header: "Query", span: 9, style: STYLES.tableCell, value: (i) => i.message },
  {
    header: "Explanation",
    span: 1,
    style: STYLES.tableCell,
    value: (i) => (i.acknowledged ? acknowledgedText(i.acknowledged) : ""),
  },
];

export function knownQueries(page: Page, summary: PortfolioSummary): void {
  const known = summary.issues.filter((i) => i.acknowledged);
  if (known.length === 0) return;
  page.heading("Known and explained");
  page.startBlock({ splittable: true });
  page.note(
    "Data queries the finance team has looked into and explained; each comes back as a problem if its figure changes.",
    STYLES.wrapped,
  );
  page.row = writeTable(page, COLUMNS, known, { region: "Known and explained" });
  page.gap();
}
