// Data problems in the tracker: a count line, then the first problems (errors, then warnings, then information),
// each with its severity, its sheet!cell as Excel writes it, and what to do; the rest are counted. Warnings someone
// acknowledged are left out here and listed under "Known and explained" (known-queries.ts).
import type { Issue, PortfolioSummary } from "../../core/model";
import { SEVERITY_NAMES, SEVERITY_ORDER, issueLocation, plural } from "../../core/wording";
import type { Page } from "../page";
import { STYLES, severityStyle } from "../styles";
import { writeTable, type TableColumn } from "../table";

/** Data problems listed on the page; the rest are counted and left to the task pane and the CLI. */
export const MAX_ISSUES_ON_PAGE = 50;

const COLUMNS: TableColumn<Issue>[] = [
  {
    header: "Severity",
    span: 1,
    style: (i) => severityStyle(i.severity),
    value: (i) => SEVERITY_NAMES[i.severity].column,
  },
  {
    header: "Where (sheet!cell)",
    span: 9,
    style: STYLES.tableCell,
    value: (i) => issueLocation(i, "reference"),
  },
  { header: "Problem", span: 1, style: STYLES.tableCell, value: (i) => i.message },
];

export function dataProblems(page: Page, summary: PortfolioSummary): void {
  page.heading("Data problems in the tracker");
  page.startBlock({ splittable: true });
  // Counted and listed: the problems still open (acknowledged warnings are known, not open).
  const counts = summary.review?.openIssueCounts ?? summary.issueCounts;
  const open = summary.issues.filter((i) => !i.acknowledged);
  const known = summary.issues.length - open.length;
  const knownLine = known > 0 ? ` ${plural(known, "warning")} known and explained (below).` : "";
  const total = counts.error + counts.warning + counts.info;
  if (total === 0 && open.length === 0) {
    page.note(
      known > 0 ? `No open problems in the tracker.${knownLine}` : "No problems were found in the tracker.",
      STYLES.body,
    );
    page.gap();
    return;
  }
  page.note(
    `${plural(Math.max(total, open.length), "problem")} found: ` +
      `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ` +
      `${counts.info} for information. Fix them in the tracker at the cell shown, then refresh.${knownLine}`,
    STYLES.wrapped,
  );
  // Errors first, then warnings, then information, each in the order found: one pass a severity.
  const shown: Issue[] = [];
  for (const severity of SEVERITY_ORDER) {
    for (const issue of open) {
      if (shown.length >= MAX_ISSUES_ON_PAGE) break;
      if (issue.severity === severity) shown.push(issue);
    }
  }
  page.row = writeTable(page, COLUMNS, shown, {
    copy: {
      name: "tblDataProblems",
      title:
        open.length > shown.length
          ? `Data problems in the tracker (the first ${shown.length} of ${open.length})`
          : "Data problems in the tracker",
    },
  });
  const remaining = open.length - shown.length;
  if (remaining > 0)
    page.note(
      `…and ${remaining} more — see the task pane or the CLI report for the full list.`,
      STYLES.bodyBold,
    );
  page.gap();
}
