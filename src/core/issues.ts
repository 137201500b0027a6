// The one table of issue codes (severity, title, what to do) that the reader, validation, docs and tests share,
// and a small constructor so every issue carries its sheet and cell.
import type { Issue, Severity } from "./model";
import { HEADER_SEARCH_ROWS } from "./read/table";

export interface IssueCodeSpec {
  /** Default severity; "error" only where a section cannot be computed at all. */
  severity: Severity;
  /** Short title for the docs and the task pane. */
  title: string;
  /** What the finance officer should do about it. */
  fix: string;
}

export const ISSUE_CODES = {
  missing_sheet: {
    severity: "error",
    title: "Sheet not found",
    fix: "Add the sheet with its template name, or rename your sheet to the template name or one of its aliases.",
  },
  header_not_found: {
    severity: "error",
    title: "Header row not found",
    fix: `Put the column headers from the template in one row within the first ${HEADER_SEARCH_ROWS} rows of the sheet.`,
  },
  missing_column: {
    severity: "error",
    title: "Required column not found",
    fix: "Add the column, or rename your header to the template header or one of its aliases.",
  },
  duplicate_column: {
    severity: "warning",
    title: "Column appears twice",
    fix: "Delete or rename one of the two columns; the first one is used.",
  },
  no_data_rows: {
    severity: "error",
    title: "No data rows",
    fix: "Add at least one row of data under the header row.",
  },
  not_a_number: {
    severity: "warning",
    title: "Text in a number column",
    fix: "Type the figure, or leave the cell empty if it is not known; the cell is left out until then.",
  },
  text_looks_like_number: {
    severity: "info",
    title: "Number stored as text",
    fix: "The value is used as it is; convert the cell to a number in Excel to keep it tidy.",
  },
  excel_error: {
    severity: "warning",
    title: "Excel error in a cell",
    fix: "Correct the formula or the cells it refers to; the cell is left out until then.",
  },
  negative_count: {
    severity: "warning",
    title: "Negative count",
    fix: "A count cannot be below zero; correct the figure. The cell is left out until then.",
  },
  not_whole_number: {
    severity: "warning",
    title: "Count is not a whole number",
    fix: "Counts of plans, children and places are whole numbers; correct the figure.",
  },
  score_out_of_range: {
    severity: "warning",
    title: "Score outside 1-5",
    fix: "Impact and likelihood are scored 1 to 5; correct the score.",
  },
  score_not_whole: {
    severity: "warning",
    title: "Score is not a whole number",
    fix: "Impact and likelihood are whole numbers 1 to 5; correct the score.",
  },
  score_mismatch: {
    severity: "warning",
    title: "Risk score is not impact x likelihood",
    fix: "Correct the typed score, or better, make it a formula (=impact*likelihood). The computed score is used.",
  },
  duplicate_month: {
    severity: "warning",
    title: "Month appears twice",
    fix: "Delete or correct one of the rows; the first row for the month is used.",
  },
  missing_month: {
    severity: "warning",
    title: "Gap in the monthly series",
    fix: "Add a row for each missing month; year-on-year and rolling figures need every month.",
  },
  months_out_of_order: {
    severity: "info",
    title: "Months out of order",
    fix: "Nothing is lost (months are sorted before use); sort the rows by month to keep the sheet easy to check.",
  },
  date_after_reporting_date: {
    severity: "warning",
    title: "Date after the reporting date",
    fix: "Check the date and the reporting date on the Settings sheet; one of them is probably mistyped.",
  },
  unparseable_date: {
    severity: "warning",
    title: "Date not recognised",
    fix: "Type the date as dd/mm/yyyy (07/01/2025) or the month as Dec-24.",
  },
  unknown_rag: {
    severity: "warning",
    title: "RAG not recognised",
    fix: "Use Green, Amber/Green, Amber, Amber/Red or Red, optionally followed by '- On Track' or '- Off Track'.",
  },
  stale_data: {
    severity: "warning",
    title: "Data older than the staleness limit",
    fix: "Refresh the data and update its date on the Settings sheet, or change the staleness limit.",
  },
  share_out_of_range: {
    severity: "warning",
    title: "Share outside 0-100%",
    fix: "A share of plans must lie between 0% and 100%; check the figure and its denominator.",
  },
  ambiguous_percentage: {
    severity: "warning",
    title: "Percentage could be read two ways",
    fix: "Type the share with a % sign (3.82%) or format the column as Percentage.",
  },
  typed_value_mismatch: {
    severity: "warning",
    title: "Typed figure disagrees with the data",
    fix: "Check the typed figure; the summary uses the figure recomputed from the counts.",
  },
  unknown_programme: {
    severity: "warning",
    title: "Programme not recognised",
    fix: "Give the programme number (1-6), e.g. 2, P2 or '2 - Improving support, skills and practice'.",
  },
  unknown_kpi: {
    severity: "warning",
    title: "KPI not recognised",
    fix: "Use ehcp_count, hnb_overspend or inmss_share (or the tile title) in the KPI column.",
  },
  duplicate_kpi: {
    severity: "warning",
    title: "KPI appears twice",
    fix: "Delete one of the rows; the first row for the KPI is used.",
  },
  missing_value: {
    severity: "warning",
    title: "Required value missing",
    fix: "Fill in the cell; the row or setting is left out (or a default used) until then.",
  },
  unknown_setting: {
    severity: "info",
    title: "Setting not recognised",
    fix: "Check the spelling against the list of settings; the row is ignored.",
  },
  duplicate_setting: {
    severity: "warning",
    title: "Setting appears twice",
    fix: "Delete one of the rows; the first one is used.",
  },
  unknown_status: {
    severity: "warning",
    title: "Status not recognised",
    fix: "Milestones: Complete, On track, At risk or Overdue. Risks: Open or Closed.",
  },
  unrecognised_value: {
    severity: "warning",
    title: "Value not recognised",
    fix: "Use one of the values listed for the column in the tracker template; the default is used until then.",
  },
  formula_without_result: {
    severity: "error",
    title: "Formula without a saved result",
    fix: "Open the file in Excel, let it calculate (Formulas > Calculate Now) and save it; the program that wrote the file did not work the formula out.",
  },
  reporting_date_from_data: {
    severity: "warning",
    title: "Reporting date taken from the data",
    fix: "Type the reporting date on the Settings sheet ('Reporting date', e.g. 10/01/2025).",
  },
  history_sheet_full: {
    severity: "warning",
    title: "History sheet full",
    fix:
      "Move the oldest blocks of rows to another workbook (keep the header row) or delete the sheet to start a new " +
      "history, then refresh.",
  },
  not_read: {
    severity: "warning",
    title: "Part of a sheet not read",
    fix:
      "If the tracker's figures carry on there, move them up beside the rest; otherwise clear those cells (formulas " +
      "filled down a whole column count as used), then refresh.",
  },
} as const satisfies Record<string, IssueCodeSpec>;

export type IssueCode = keyof typeof ISSUE_CODES;

/** Where an issue points: a sheet and an A1 cell or range ("" where none applies). */
export interface IssuePlace {
  sheet: string;
  cell: string;
}

/**
 * Builds an issue. The message says what is wrong in this cell; the code's standard advice is appended
 * unless the message already ends with its own advice (pass `advice: false`).
 */
export function makeIssue(
  code: IssueCode,
  place: IssuePlace,
  message: string,
  options: { severity?: Severity; advice?: boolean } = {},
): Issue {
  const spec: IssueCodeSpec = ISSUE_CODES[code];
  const text = options.advice === false ? message : `${message} ${spec.fix}`;
  return {
    severity: options.severity ?? spec.severity,
    code,
    sheet: place.sheet,
    cell: place.cell,
    message: text,
  };
}

/** Counts issues by severity (for the summary and the CLI exit code). */
export function countIssues(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity] += 1;
  return counts;
}
