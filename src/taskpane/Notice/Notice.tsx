// A message box (failure, warning, information) with its kind in words and a glyph as well as a colour.
// Plain markup rather than Fluent's MessageBar: it keeps the task pane bundle well inside its size budget.
import { makeStyles, mergeClasses } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import type { ReactNode } from "react";

export type NoticeIntent = "error" | "warning" | "info";

const useStyles = makeStyles({
  root: {
    display: "flex",
    gap: "8px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeftColor: tokens.colorPaletteDarkOrangeBorder2,
  },
  info: { backgroundColor: tokens.colorNeutralBackground3, borderLeftColor: tokens.colorBrandStroke1 },
  glyph: { fontWeight: tokens.fontWeightBold, flexShrink: 0 },
  body: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
});

const GLYPH: Record<NoticeIntent, string> = { error: "✕", warning: "!", info: "i" };

export function Notice({
  intent,
  title,
  children,
}: {
  intent: NoticeIntent;
  title?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div
      className={mergeClasses(styles.root, styles[intent])}
      role={intent === "error" ? "alert" : undefined}
    >
      <span aria-hidden="true" className={styles.glyph}>
        {GLYPH[intent]}
      </span>
      <div className={styles.body}>
        {title && <span className={styles.title}>{title}</span>}
        <div>{children}</div>
      </div>
    </div>
  );
}
