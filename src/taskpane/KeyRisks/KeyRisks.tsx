// Key risks: register rows scoring at or above the risk threshold, highest score first, each linked to its row.
import { makeStyles } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import { Button } from "@fluentui/react-button";
import type { KeyRisk, SourceRef } from "../../core/model";
import { useCardListStyles } from "../cardList";
import { Section } from "../Section";

const useStyles = makeStyles({
  score: { fontWeight: tokens.fontWeightSemibold },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightRegular },
  detail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  go: { alignSelf: "flex-start" },
  none: { margin: 0 },
});

export interface KeyRisksProps {
  risks: readonly KeyRisk[];
  threshold: number;
  onShowSource: (source: SourceRef) => void;
}

export function KeyRisks({ risks, threshold, onShowSource }: KeyRisksProps) {
  const styles = useStyles();
  const cards = useCardListStyles();
  // The engine already filters by threshold; filtering again keeps the pane honest if that ever changes.
  const key = risks.filter((r) => r.score >= threshold).sort((a, b) => b.score - a.score);
  return (
    <Section title={`Key risks scoring ${threshold} or more (${key.length})`}>
      {key.length === 0 ? (
        <p className={styles.none}>No risk in the register scores {threshold} or more.</p>
      ) : (
        <ul className={cards.list}>
          {key.map((risk) => (
            <li key={risk.id} className={cards.item} data-risk={risk.id}>
              <span className={styles.score}>
                Score {risk.score}
                {risk.band ? ` (${risk.band})` : ""}: impact {risk.impact} × likelihood {risk.likelihood}
              </span>
              <h3 className={styles.title}>{risk.title}</h3>
              {risk.owner && <span className={styles.detail}>Owner: {risk.owner}</span>}
              {risk.action && <span className={styles.detail}>Action: {risk.action}</span>}
              <Button size="small" className={styles.go} onClick={() => onShowSource(risk.source)}>
                Show in register (risk {risk.id})
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
