// Pane header: programme, reporting date, and when the summary was last refreshed and by which run.
import { makeStyles } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import { formatDate } from "../../core/format";
import type { PortfolioSummary } from "../../core/model";
import { explainedCount, plural } from "../../core/wording";
import type { StoredOutcome } from "../../excel/api";
import { formatRunTime } from "../text";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "2px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  line: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface HeaderProps {
  summary: PortfolioSummary | null;
  lastRun: StoredOutcome | null;
}

export function lastRunText(run: StoredOutcome | null): string {
  if (!run) return "Not refreshed yet in this workbook.";
  const when = formatRunTime(run.at);
  const from = run.source === "ribbon" ? " from the Refresh summary button" : "";
  const kept = run.keptSheet
    ? ` The previous summary had been edited: it is kept as "${run.keptSheet}".`
    : "";
  return run.ok
    ? `Last refreshed ${when}${from} (run ${run.runId}).${kept}`
    : `The last refresh, ${when}${from} (run ${run.runId}), did not finish.`;
}

export function Header({ summary, lastRun }: HeaderProps) {
  const styles = useStyles();
  const programme = summary?.programme;
  return (
    <header className={styles.root}>
      <h1 className={styles.title}>{programme?.name || "Portfolio Summary"}</h1>
      {programme?.council && <p className={styles.line}>{programme.council}</p>}
      {programme && (
        <p className={styles.line}>
          Reporting date: {programme.reportingDate ? formatDate(programme.reportingDate) : "not set"}
          {programme.financeBasis ? ` · Finance: ${programme.financeBasis}` : ""}
        </p>
      )}
      {summary?.review && summary.review.flagged > 0 && (
        <p className={styles.line} data-testid="review-count">
          {explainedCount(summary.review)}
          {summary.review.acknowledged > 0
            ? ` · ${plural(summary.review.acknowledged, "known data query", "known data queries")}`
            : ""}
        </p>
      )}
      <p className={styles.line} data-testid="last-run">
        {lastRunText(lastRun)}
      </p>
    </header>
  );
}
