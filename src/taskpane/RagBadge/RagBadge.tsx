// The overall RAG as a badge carrying its word; when the lead's RAG differs from the computed one, both are shown.
import { makeStyles, mergeClasses } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import type { PortfolioSummary, RagGrade } from "../../core/model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "4px" },
  badge: {
    display: "inline-flex",
    alignItems: "center",
    gap: "8px",
    alignSelf: "flex-start",
    padding: "4px 10px",
    borderRadius: tokens.borderRadiusMedium,
    borderLeftWidth: "8px",
    borderLeftStyle: "solid",
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    // Dark text on a pale tint keeps contrast whatever the grade; the bar on the left carries the colour.
    color: tokens.colorNeutralForeground1,
  },
  Green: { backgroundColor: "#DFF6DD", borderLeftColor: "#107C10" },
  AmberGreen: { backgroundColor: "#EFF6D6", borderLeftColor: "#6B8E23" },
  Amber: { backgroundColor: "#FFF4CE", borderLeftColor: "#C19C00" },
  AmberRed: { backgroundColor: "#FDE7D9", borderLeftColor: "#CA5010" },
  Red: { backgroundColor: "#FDE7E9", borderLeftColor: "#A4262C" },
  none: { backgroundColor: tokens.colorNeutralBackground3, borderLeftColor: tokens.colorNeutralStroke1 },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

type GradeClass = "Green" | "AmberGreen" | "Amber" | "AmberRed" | "Red";
const GRADE_CLASS: Record<RagGrade, GradeClass> = {
  Green: "Green",
  "Amber/Green": "AmberGreen",
  Amber: "Amber",
  "Amber/Red": "AmberRed",
  Red: "Red",
};

export function RagBadge({ rag }: { rag: PortfolioSummary["overallRag"] }) {
  const styles = useStyles();
  const grade = rag.value;
  const text = grade ?? "Not set";
  const showComputed = rag.differs && rag.computed !== null;
  return (
    <div className={styles.root}>
      <span className={mergeClasses(styles.badge, grade ? styles[GRADE_CLASS[grade]] : styles.none)}>
        {text}
      </span>
      {rag.override && rag.overrideText && rag.overrideText !== rag.override && (
        <span className={styles.note}>Programme lead&rsquo;s RAG: {rag.overrideText}</span>
      )}
      {showComputed && (
        <span className={styles.note}>
          The figures alone give {rag.computed}; the page shows the programme lead&rsquo;s {rag.value}.
        </span>
      )}
      {grade === null && (
        <span className={styles.note}>
          Neither the tracker nor the figures give an overall RAG. Enter one on the Settings sheet.
        </span>
      )}
    </div>
  );
}
