// A variance status shown as a glyph AND its word (Adverse / Favourable / On target), never by colour alone.
import { makeStyles } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import type { KpiStatus } from "../../core/model";
import { NO_STATUS, STATUS_MARKS, STATUS_WORDS } from "../../core/wording";

const useStyles = makeStyles({
  root: { display: "inline-flex", alignItems: "center", gap: "4px", fontWeight: tokens.fontWeightSemibold },
  glyph: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "18px",
    height: "18px",
    borderRadius: "50%",
    fontSize: "12px",
    lineHeight: "18px",
    color: tokens.colorNeutralForegroundOnBrand,
  },
  adverse: { color: tokens.colorPaletteRedForeground3 },
  adverseGlyph: { backgroundColor: tokens.colorPaletteRedBackground3 },
  favourable: { color: tokens.colorPaletteGreenForeground3 },
  favourableGlyph: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  onTarget: { color: tokens.colorNeutralForeground2 },
  onTargetGlyph: { backgroundColor: tokens.colorNeutralForeground3 },
});

export function StatusLabel({ status }: { status: KpiStatus | null }) {
  const styles = useStyles();
  if (status === null) return <span>{NO_STATUS}</span>;
  const tone =
    status === "adverse"
      ? [styles.adverse, styles.adverseGlyph]
      : status === "favourable"
        ? [styles.favourable, styles.favourableGlyph]
        : [styles.onTarget, styles.onTargetGlyph];
  return (
    <span className={`${styles.root} ${tone[0]}`}>
      <span aria-hidden="true" className={`${styles.glyph} ${tone[1]}`}>
        {STATUS_MARKS[status]}
      </span>
      {STATUS_WORDS[status]}
    </span>
  );
}
