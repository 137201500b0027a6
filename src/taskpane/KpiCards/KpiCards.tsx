// The three headline KPI tiles: value, target with its label, variance, and status as glyph and word.
import { makeStyles } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import { formatDate, formatKpiValue, formatKpiVariance } from "../../core/format";
import type { Kpi } from "../../core/model";
import { StatusLabel } from "../StatusLabel/StatusLabel";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: "8px",
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  // A headline figure must never break across lines ("£43.20" / "m"); it shrinks a little on the narrowest panes.
  value: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: "1.1",
    whiteSpace: "nowrap",
    "@media (max-width: 360px)": { fontSize: tokens.fontSizeBase600 },
  },
  figure: { whiteSpace: "nowrap" },
  line: { fontSize: tokens.fontSizeBase200 },
  asAt: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
});

export function KpiCards({ kpis }: { kpis: Kpi[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Headline KPIs">
      {kpis.map((kpi) => (
        <li key={kpi.id} className={styles.card} data-kpi={kpi.id}>
          <h3 className={styles.label}>{kpi.label}</h3>
          <span className={styles.value}>{formatKpiValue(kpi.actual, kpi.unit)}</span>
          <span className={styles.line}>
            {kpi.targetLabel || "Target"}:{" "}
            <span className={styles.figure}>{formatKpiValue(kpi.target, kpi.unit)}</span>
          </span>
          <span className={styles.line}>
            Variance: <span className={styles.figure}>{formatKpiVariance(kpi)}</span>
          </span>
          <StatusLabel status={kpi.status} />
          {kpi.asAt && <span className={styles.asAt}>As at {formatDate(kpi.asAt)}</span>}
        </li>
      ))}
    </ul>
  );
}
