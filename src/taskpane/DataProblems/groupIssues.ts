// Groups tracker issues by severity (errors first) and then by sheet, keeping the engine's order inside each group.
import type { Issue, Severity } from "../../core/model";

export interface IssueGroup {
  /** Stable key for React and for remembering which groups are open. */
  key: string;
  severity: Severity;
  /** Tracker sheet; "" for problems with the workbook as a whole. */
  sheet: string;
  issues: Issue[];
}

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const bySeverity = new Map<Severity, Map<string, Issue[]>>();
  for (const issue of issues) {
    let sheets = bySeverity.get(issue.severity);
    if (!sheets) bySeverity.set(issue.severity, (sheets = new Map()));
    const list = sheets.get(issue.sheet);
    if (list) list.push(issue);
    else sheets.set(issue.sheet, [issue]);
  }
  const groups: IssueGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const sheets = bySeverity.get(severity);
    if (!sheets) continue;
    // Workbook-wide problems (a missing sheet) come before sheet problems: they usually explain the rest.
    const names = [...sheets.keys()].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : 0));
    for (const sheet of names) {
      groups.push({ key: `${severity}:${sheet}`, severity, sheet, issues: sheets.get(sheet) ?? [] });
    }
  }
  return groups;
}
