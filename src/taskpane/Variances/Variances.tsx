// Flagged variances: each amount with its plain-words reasoning, a "Show source" button per tracker cell, and the
// officer's explanation: added, edited, or last report's carried to update or confirm.
import { makeStyles } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import { Button } from "@fluentui/react-button";
import { useState } from "react";
import { formatKpiValue, formatKpiVariance } from "../../core/format";
import type { FlaggedVariance, ReviewNote, SourceRef } from "../../core/model";
import { useCardListStyles } from "../cardList";
import { NoteEditor, type NoteFields } from "../Review/Review";
import { Section } from "../Section";
import { StatusLabel } from "../StatusLabel/StatusLabel";
import { carriedText, explainedCount, explainedText, issueLocation } from "../../core/wording";

const useStyles = makeStyles({
  head: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", gap: "4px 8px" },
  label: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  amount: { fontWeight: tokens.fontWeightSemibold },
  detail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  sources: { display: "flex", flexWrap: "wrap", gap: "4px" },
  empty: { margin: 0 },
  explained: {
    margin: 0,
    padding: "4px 8px",
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  carried: {
    margin: 0,
    padding: "4px 8px",
    fontStyle: "italic",
    borderLeft: `3px dashed ${tokens.colorNeutralStrokeAccessible}`,
  },
  unexplained: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  reviewActions: { alignSelf: "flex-start" },
});

export interface VariancesProps {
  variances: FlaggedVariance[];
  onShowSource: (source: SourceRef) => void;
  /**
   * Saves an explanation: `expected` is the note the card showed for this report (null for a new one). Resolves to
   * null when saved, else the sentence to show. Without it the cards are read-only.
   */
  onSaveExplanation?: (
    variance: FlaggedVariance,
    fields: NoteFields,
    expected: ReviewNote | null,
  ) => Promise<string | null>;
  /** The name or role the person gave last, to fill in. */
  reviewer?: string;
}

export function Variances({ variances, onShowSource, onSaveExplanation, reviewer = "" }: VariancesProps) {
  const styles = useStyles();
  const cards = useCardListStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const review = {
    flagged: variances.length,
    explained: variances.filter((v) => v.review?.state === "explained").length,
    carried: variances.filter((v) => v.review?.state === "carried").length,
  };
  return (
    <Section title={`Flagged variances (${variances.length})`}>
      {onSaveExplanation && variances.length > 0 && (
        <p className={styles.unexplained} data-testid="explained-count">
          {explainedCount(review)}.
        </p>
      )}
      {variances.length === 0 ? (
        <p className={styles.empty}>No variance is outside its tolerance.</p>
      ) : (
        <ul className={cards.list}>
          {variances.map((v) => (
            <li key={v.id} className={cards.item} data-variance={v.id}>
              <div className={styles.head}>
                <h3 className={styles.label}>{v.label}</h3>
                <StatusLabel status={v.status} />
              </div>
              <span className={styles.amount}>Variance {formatKpiVariance(v)}</span>
              <span className={styles.detail}>
                {formatKpiValue(v.actual, v.unit)} against {formatKpiValue(v.target, v.unit)}
              </span>
              <span>{v.explanation}</span>
              <div className={styles.sources}>
                {v.sources.map((source) => (
                  <Button
                    key={issueLocation(source, "sentence")}
                    size="small"
                    onClick={() => onShowSource(source)}
                    disabled={!source.sheet}
                  >
                    Show source {issueLocation(source, "sentence")}
                  </Button>
                ))}
              </div>
              {v.review?.state === "explained" && (
                <p className={styles.explained}>{explainedText(v.review.note)}</p>
              )}
              {v.review?.state === "carried" && (
                <p className={styles.carried}>{carriedText(v.review.note)}</p>
              )}
              {!v.review && onSaveExplanation && <p className={styles.unexplained}>Not explained yet.</p>}
              {onSaveExplanation && editing !== v.id && (
                <Button
                  size="small"
                  appearance={v.review?.state === "explained" ? "secondary" : "primary"}
                  className={styles.reviewActions}
                  onClick={() => setEditing(v.id)}
                  aria-label={`${actionWord(v)} for ${v.label}`}
                >
                  {actionWord(v)}
                </Button>
              )}
              {onSaveExplanation && editing === v.id && (
                <NoteEditor
                  kind="variance"
                  about={v.label}
                  intro={
                    v.review?.state === "carried"
                      ? "Last report's explanation, to update or confirm for this report."
                      : undefined
                  }
                  initial={{
                    text: v.review?.note.text ?? "",
                    owner: v.review?.note.owner ?? "",
                    due: v.review?.note.due ?? "",
                    by:
                      v.review?.state === "explained"
                        ? v.review.note.by
                        : reviewer || (v.review?.note.by ?? ""),
                  }}
                  onSave={async (fields) => {
                    const expected = v.review?.state === "explained" ? v.review.note : null;
                    const problem = await onSaveExplanation(v, fields, expected);
                    if (!problem) setEditing(null);
                    return problem;
                  }}
                  onCancel={() => setEditing(null)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** "Add explanation", "Edit explanation", or "Update or confirm" for one carried from the last report. */
function actionWord(v: FlaggedVariance): string {
  if (v.review?.state === "explained") return "Edit explanation";
  if (v.review?.state === "carried") return "Update or confirm";
  return "Add explanation";
}
