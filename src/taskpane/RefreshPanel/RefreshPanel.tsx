// The "Refresh summary" button, a progress bar naming each step, and what to do when a run fails.
import { makeStyles } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import { Button } from "@fluentui/react-button";
import { useId } from "react";
import { Notice } from "../Notice/Notice";
import { REFRESH_STEP_LABELS, type RefreshOutcome, type RefreshStep } from "../../excel/api";

const STEPS = Object.keys(REFRESH_STEP_LABELS) as RefreshStep[];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  button: { alignSelf: "stretch" },
  progress: { display: "flex", flexDirection: "column", gap: "4px" },
  progressLabel: { fontSize: tokens.fontSizeBase200 },
  // A native <progress> drawn like Fluent's bar: Fluent's ProgressBar costs the bundle more than it gives.
  bar: {
    appearance: "none",
    width: "100%",
    height: "4px",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground6,
    color: tokens.colorCompoundBrandBackground,
    "::-webkit-progress-bar": { backgroundColor: tokens.colorNeutralBackground6 },
    "::-webkit-progress-value": {
      backgroundColor: tokens.colorCompoundBrandBackground,
      transitionProperty: "width",
      transitionDuration: "300ms",
    },
    "::-moz-progress-bar": { backgroundColor: tokens.colorCompoundBrandBackground },
  },
});

export interface RefreshPanelProps {
  running: boolean;
  step: RefreshStep | null;
  /** The latest run, when it failed. */
  failure: RefreshOutcome | null;
  /** Shown after a successful run, e.g. that the summary went to another sheet name. */
  notice: string | null;
  onRefresh: () => void;
}

export function progressLabel(step: RefreshStep | null): string {
  if (step === null) return "Starting…";
  return `Step ${STEPS.indexOf(step) + 1} of ${STEPS.length}: ${REFRESH_STEP_LABELS[step]}`;
}

// The gateway's messages already say whether the sheet was left as it was (and, rarely, that it could not be put
// back); the pane adds the reassurance only where the message has not spoken to it, so it never contradicts it.
const SPEAKS_TO_SHEET = /unchanged|nothing was changed|put back|partly updated|could not check what it left/i;

export function failureText(failure: RefreshOutcome): string {
  const where = failure.failedStep ? `Stopped at ${progressLabel(failure.failedStep).toLowerCase()}. ` : "";
  const unchanged = SPEAKS_TO_SHEET.test(failure.message)
    ? ""
    : "The previous Portfolio Summary is unchanged.";
  return `${failure.message} ${where}${unchanged}`.replace(/\s+/g, " ").trim();
}

export function RefreshPanel({ running, step, failure, notice, onRefresh }: RefreshPanelProps) {
  const styles = useStyles();
  const done = step === null ? 0 : STEPS.indexOf(step);
  const labelId = useId();
  return (
    <div className={styles.root}>
      <Button
        appearance="primary"
        size="large"
        className={styles.button}
        disabled={running}
        onClick={onRefresh}
      >
        {running ? "Refreshing…" : "Refresh summary"}
      </Button>
      {running && (
        <div className={styles.progress}>
          <span id={labelId} className={styles.progressLabel}>
            {progressLabel(step)}
          </span>
          <progress
            className={styles.bar}
            aria-labelledby={labelId}
            value={(done + 0.5) / STEPS.length}
            max={1}
          />
        </div>
      )}
      {!running && failure && (
        <Notice intent="error" title="The summary was not refreshed">
          {failureText(failure)}
        </Notice>
      )}
      {!running && !failure && notice && <Notice intent="info">{notice}</Notice>}
    </div>
  );
}
