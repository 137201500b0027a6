// Data problems: stale-data warnings first, then issues grouped by severity and sheet, each with "Go to cell".
// Long lists start with only the most severe groups open and show a page at a time, so thousands of issues stay quick to render.
// A warning can be acknowledged with a reason (a known data query): it then moves to "Known and explained".
import { makeStyles } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import { Button } from "@fluentui/react-button";
import { useMemo, useState } from "react";
import type { FreshnessLine, Issue, ReviewNote, SourceRef } from "../../core/model";
import { canAcknowledge } from "../../core/review/review";
import { Notice } from "../Notice/Notice";
import { NoteEditor, type NoteFields } from "../Review/Review";
import { Section } from "../Section";
import { SEVERITY_NAMES, acknowledgedText, capitalised, issueLocation, plural } from "../../core/wording";
import { visuallyHidden } from "../visuallyHidden";
import { groupIssues, type IssueGroup } from "./groupIssues";

/** Issues shown per group before "Show more". */
export const ISSUE_PAGE_SIZE = 25;
/** Up to this many problems, every group starts open; beyond it only the most severe groups do. */
const OPEN_ALL_UP_TO = 10;

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
  known: { margin: 0, fontStyle: "italic" },
  acknowledge: { alignSelf: "flex-start" },
});

/** Saves a query's acknowledgement (`expected`: the note shown, or null); null when saved, else what to show. */
export type AcknowledgeQuery = (
  issue: Issue,
  fields: NoteFields,
  expected: ReviewNote | null,
) => Promise<string | null>;

export interface DataProblemsProps {
  issues: readonly Issue[];
  freshness: readonly FreshnessLine[];
  onGoTo: (ref: SourceRef) => void;
  /** Offers "Acknowledge" on each warning; without it the list is read-only. */
  onAcknowledge?: AcknowledgeQuery;
  /** The name or role the person gave last, to fill in. */
  reviewer?: string;
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

export function DataProblems({
  issues: all,
  freshness,
  onGoTo,
  onAcknowledge,
  reviewer = "",
}: DataProblemsProps) {
  const styles = useStyles();
  const issues = useMemo(() => all.filter((i) => !i.acknowledged), [all]);
  const known = useMemo(() => all.filter((i) => i.acknowledged), [all]);
  const groups = useMemo(() => groupIssues(issues), [issues]);
  const stale = freshness.filter((f) => f.stale);
  const total = issues.length + stale.length;
  const editor = onAcknowledge ? { onAcknowledge, reviewer } : null;
  return (
    <>
      <Problems groups={groups} issues={issues} stale={stale} total={total} onGoTo={onGoTo} editor={editor} />
      {known.length > 0 && (
        <Section title={`Known and explained (${known.length.toLocaleString("en-GB")})`}>
          <ul className={styles.list}>
            {known.map((issue, i) => (
              <li key={`${issue.code}:${issue.cell}:${i}`} className={styles.item}>
                <span>{issue.message}</span>
                <p className={styles.known}>{acknowledgedText(issue.acknowledged as ReviewNote)}</p>
                <IssueActions issue={issue} onGoTo={onGoTo} editor={editor} />
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

type Editor = { onAcknowledge: AcknowledgeQuery; reviewer: string } | null;

function Problems({
  groups,
  issues,
  stale,
  total,
  onGoTo,
  editor,
}: {
  groups: IssueGroup[];
  issues: readonly Issue[];
  stale: FreshnessLine[];
  total: number;
  onGoTo: (ref: SourceRef) => void;
  editor: Editor;
}) {
  const styles = useStyles();
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
            editor={editor}
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
  editor,
  initiallyOpen,
}: {
  group: IssueGroup;
  onGoTo: (ref: SourceRef) => void;
  editor: Editor;
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
              <IssueActions issue={issue} onGoTo={onGoTo} editor={editor} />
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

/** "Go to cell", and for a warning "Acknowledge" (or "Edit reason"), opening the form under the problem. */
function IssueActions({
  issue,
  onGoTo,
  editor,
}: {
  issue: Issue;
  onGoTo: (ref: SourceRef) => void;
  editor: Editor;
}) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const where = issueLocation(issue, "sentence");
  const ack = issue.acknowledged ?? null;
  return (
    <>
      <span className={styles.actions}>
        <span className={styles.where}>{where}</span>
        {issue.sheet && (
          <Button size="small" onClick={() => onGoTo({ sheet: issue.sheet, cell: issue.cell || "A1" })}>
            {issue.cell ? "Go to cell" : "Go to sheet"}
            <span className={styles.hidden}> {where}</span>
          </Button>
        )}
        {editor && canAcknowledge(issue) && !editing && (
          <Button size="small" appearance="secondary" onClick={() => setEditing(true)}>
            {ack ? "Edit reason" : "Acknowledge"}
            <span className={styles.hidden}> the query at {where}</span>
          </Button>
        )}
      </span>
      {editor && editing && (
        <NoteEditor
          kind="query"
          about={where}
          intro="A known data query is listed under Known and explained instead of Data problems, until its figure changes."
          initial={{ text: ack?.text ?? "", owner: "", due: "", by: ack?.by ?? editor.reviewer }}
          onSave={async (fields) => {
            const problem = await editor.onAcknowledge(issue, fields, ack);
            if (!problem) setEditing(false);
            return problem;
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </>
  );
}
