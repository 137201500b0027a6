// Data problems: stale-data warnings first, then issues grouped by severity and sheet, each with "Go to cell".
// Long lists start with only the most severe groups open and show a page at a time, so thousands of issues stay quick to render.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { FreshnessLine, Issue, SourceRef } from "../../core/model";
import { Notice } from "../Notice/Notice";
import { Section } from "../Section";
import { SEVERITY_NAMES, capitalised, issueLocation, plural } from "../../core/wording";
import { visuallyHidden } from "../visuallyHidden";
import { groupIssues, type IssueGroup } from "./groupIssues";

/** Issues shown per group before "Show more". */
export const ISSUE_PAGE_SIZE = 25;
/** Up to this many problems, every group starts open; beyond it only the most severe groups do. */
export const OPEN_ALL_UP_TO = 10;

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", gap: "4px" },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300 },
  toggle: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyleType: "none", margin: 0, padding: "0 0 0 8px", display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  where: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", alignItems: "center", gap: "8px" },
  more: { alignSelf: "flex-start", marginTop: "4px" },
  none: { margin: 0 },
  hidden: visuallyHidden,
});

export interface DataProblemsProps {
  issues: readonly Issue[];
  freshness: readonly FreshnessLine[];
  onGoTo: (ref: SourceRef) => void;
}

function staleText(line: FreshnessLine): string {
  const age =
    line.ageDays === null ? "" : ` is ${plural(line.ageDays, "day", "days", { grouped: true })} old`;
  const limit =
    line.limitDays === null
      ? ""
      : ` (the limit is ${plural(line.limitDays, "day", "days", { grouped: true })})`;
  return `${line.label}: ${line.text}${age}${limit}. Refresh this data in the tracker before sharing the summary.`;
}

export function DataProblems({ issues, freshness, onGoTo }: DataProblemsProps) {
  const styles = useStyles();
  const groups = useMemo(() => groupIssues(issues), [issues]);
  const stale = freshness.filter((f) => f.stale);
  const total = issues.length + stale.length;
  const worst = groups[0]?.severity;
  return (
    <Section title={`Data problems (${total.toLocaleString("en-GB")})`}>
      {stale.map((line) => (
        <Notice key={line.id} intent="warning" title="Out-of-date data">
          {staleText(line)}{" "}
          {line.source && (
            <Button size="small" appearance="transparent" onClick={() => line.source && onGoTo(line.source)}>
              Go to cell {issueLocation(line.source, "sentence")}
            </Button>
          )}
        </Notice>
      ))}
      {total === 0 && <p className={styles.none}>No problems found in the tracker.</p>}
      <div className={styles.groups}>
        {groups.map((group) => (
          <ProblemGroup
            key={group.key}
            group={group}
            onGoTo={onGoTo}
            initiallyOpen={issues.length <= OPEN_ALL_UP_TO || group.severity === worst}
          />
        ))}
      </div>
    </Section>
  );
}

function ProblemGroup({
  group,
  onGoTo,
  initiallyOpen,
}: {
  group: IssueGroup;
  onGoTo: (ref: SourceRef) => void;
  initiallyOpen: boolean;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(initiallyOpen);
  const [shown, setShown] = useState(ISSUE_PAGE_SIZE);
  const listId = `problems-${group.key.replace(/[^A-Za-z0-9]/g, "-")}`;
  const where = group.sheet || "Whole workbook";
  const remaining = group.issues.length - shown;
  return (
    <div>
      <h3 className={styles.groupTitle}>
        <Button
          appearance="subtle"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          icon={<span aria-hidden="true">{open ? "▾" : "▸"}</span>}
        >
          {capitalised(SEVERITY_NAMES[group.severity].many)}: {where} (
          {group.issues.length.toLocaleString("en-GB")})
        </Button>
      </h3>
      {open && (
        <ul id={listId} className={styles.list}>
          {group.issues.slice(0, shown).map((issue, i) => (
            <li key={`${issue.code}:${issue.cell}:${i}`} className={styles.item}>
              <span>{issue.message}</span>
              <span className={styles.actions}>
                <span className={styles.where}>{issueLocation(issue, "sentence")}</span>
                {issue.sheet && (
                  <Button
                    size="small"
                    onClick={() => onGoTo({ sheet: issue.sheet, cell: issue.cell || "A1" })}
                  >
                    {issue.cell ? "Go to cell" : "Go to sheet"}
                    <span className={styles.hidden}> {issueLocation(issue, "sentence")}</span>
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && remaining > 0 && (
        <Button
          size="small"
          appearance="secondary"
          className={styles.more}
          onClick={() => setShown(shown + ISSUE_PAGE_SIZE * 4)}
        >
          Show {Math.min(remaining, ISSUE_PAGE_SIZE * 4).toLocaleString("en-GB")} more (
          {remaining.toLocaleString("en-GB")} not shown)
        </Button>
      )}
    </div>
  );
}
