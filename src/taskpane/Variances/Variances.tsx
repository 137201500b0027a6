// Flagged variances: each amount with its plain-words reasoning and a "Show source" button per tracker cell.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { formatKpiValue, formatKpiVariance } from "../../core/format";
import type { FlaggedVariance, SourceRef } from "../../core/model";
import { useCardListStyles } from "../cardList";
import { Section } from "../Section";
import { StatusLabel } from "../StatusLabel/StatusLabel";
import { issueLocation } from "../../core/wording";

const useStyles = makeStyles({
  head: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", gap: "4px 8px" },
  label: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  amount: { fontWeight: tokens.fontWeightSemibold },
  detail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  sources: { display: "flex", flexWrap: "wrap", gap: "4px" },
  empty: { margin: 0 },
});

export interface VariancesProps {
  variances: FlaggedVariance[];
  onShowSource: (source: SourceRef) => void;
}

export function Variances({ variances, onShowSource }: VariancesProps) {
  const styles = useStyles();
  const cards = useCardListStyles();
  return (
    <Section title={`Flagged variances (${variances.length})`}>
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
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
