// A variance status shown as a glyph AND its word (Adverse / Favourable / On target), never by colour alone.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { KpiStatus } from "../../core/model";
import { STATUS_WORDS } from "../text";

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

// The dashboard marks adverse with "!" and favourable with a tick; "=" reads as "level with target".
const GLYPHS: Record<KpiStatus, string> = { adverse: "!", favourable: "✓", on_target: "=" };

export function StatusLabel({ status }: { status: KpiStatus | null }) {
  const styles = useStyles();
  if (status === null) return <span>Not known</span>;
  const tone =
    status === "adverse"
      ? [styles.adverse, styles.adverseGlyph]
      : status === "favourable"
        ? [styles.favourable, styles.favourableGlyph]
        : [styles.onTarget, styles.onTargetGlyph];
  return (
    <span className={`${styles.root} ${tone[0]}`}>
      <span aria-hidden="true" className={`${styles.glyph} ${tone[1]}`}>
        {GLYPHS[status]}
      </span>
      {STATUS_WORDS[status]}
    </span>
  );
}
