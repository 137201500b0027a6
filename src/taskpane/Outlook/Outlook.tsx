// The outlook in the pane: where each trajectory measure ends the financial year on current trends and the change
// a month needed, the cost of the demand gap (an indication), and the drafted narrative with a Copy button so the
// lead can paste it into the tracker's narrative. The draft is offered, never written into the tracker.
import { Button, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { formatMonth, formatPp, formatSignedCount } from "../../core/format";
import type { OutlookMeasure, PortfolioSummary } from "../../core/model";
import { levelText } from "../../core/outlook/measures";
import { useCardListStyles } from "../cardList";
import { Section } from "../Section";
import { StatusLabel } from "../StatusLabel/StatusLabel";

const useStyles = makeStyles({
  head: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", gap: "4px 8px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  figures: { fontWeight: tokens.fontWeightSemibold },
  detail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  method: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  draft: { width: "100%" },
  copyRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px" },
});

/** Puts text on the clipboard; rejects when the host does not allow it. */
export type CopyText = (text: string) => Promise<void>;

const clipboardCopy: CopyText = async (text) => {
  if (typeof navigator === "undefined" || !navigator.clipboard?.writeText) throw new Error("no clipboard");
  await navigator.clipboard.writeText(text);
};

export interface OutlookProps {
  summary: PortfolioSummary;
  /** How to copy (the browser's clipboard by default); tests and hosts without the clipboard API pass their own. */
  copyText?: CopyText;
}

const gapText = (m: OutlookMeasure) =>
  m.gapAtYearEnd === null
    ? ""
    : m.unit === "share"
      ? formatPp(m.gapAtYearEnd)
      : formatSignedCount(Math.round(m.gapAtYearEnd));

function MeasureCard({ measure: m, yearEnd }: { measure: OutlookMeasure; yearEnd: string }) {
  const styles = useStyles();
  const cards = useCardListStyles();
  const p = m.projection;
  const t = m.trajectory;
  const by = formatMonth(yearEnd);
  return (
    <li className={cards.item} data-outlook={m.id}>
      <div className={styles.head}>
        <h3 className={styles.title}>{m.label}</h3>
        {m.status && <StatusLabel status={m.status} />}
      </div>
      {p && (
        <span className={styles.figures}>
          Projected {by}: {levelText(p.projected, m.unit)} (low {levelText(p.low, m.unit)}, high{" "}
          {levelText(p.high, m.unit)})
        </span>
      )}
      {t && (
        <span className={styles.detail}>
          {t.basis === "kpi_target" ? t.label : "Trajectory"} {by}: {levelText(t.value, m.unit)}
          {m.gapAtYearEnd !== null && `; gap at the year end ${gapText(m)}`}
        </span>
      )}
      {m.neededText && <span>{m.neededText}</span>}
      {t && <span className={styles.detail}>{t.note}</span>}
      {m.reasons.map((reason) => (
        <span key={reason} className={styles.detail}>
          {reason}
        </span>
      ))}
    </li>
  );
}

export function Outlook({ summary, copyText = clipboardCopy }: OutlookProps) {
  const styles = useStyles();
  const cards = useCardListStyles();
  const draftRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const { outlook, demandCost, draftNarrative } = summary;
  if (!outlook) return null;
  const costReason = summary.notComputed.find((n) => n.section === "Cost of the demand gap")?.reason;

  const copy = async () => {
    const text = draftNarrative?.text ?? "";
    try {
      await copyText(text);
      setCopied("copied");
    } catch {
      // Hosts that refuse the clipboard API still copy a selection.
      const area = draftRef.current;
      area?.focus();
      area?.select();
      const ok = typeof document.execCommand === "function" && document.execCommand("copy");
      setCopied(ok ? "copied" : "failed");
    }
  };

  return (
    <Section
      title={outlook.yearEnd ? `Outlook to ${formatMonth(outlook.yearEnd)}` : "Outlook to the year end"}
    >
      <p className={styles.method}>{outlook.method}</p>
      {outlook.measures.length === 0 ? (
        <p className={styles.method}>{outlook.yearEndBasis}</p>
      ) : (
        <ul className={cards.list}>
          {outlook.measures.map((m) => (
            <MeasureCard key={m.id} measure={m} yearEnd={outlook.yearEnd as string} />
          ))}
        </ul>
      )}
      <div className={cards.item} data-outlook="demand_cost">
        <h3 className={styles.title}>Cost of the demand gap (an indication)</h3>
        {demandCost ? (
          <>
            <span>{demandCost.sentence}</span>
            <span className={styles.detail}>{demandCost.label}</span>
          </>
        ) : (
          <span className={styles.detail}>
            {costReason ?? "The cost of the demand gap could not be worked out."}
          </span>
        )}
      </div>
      {draftNarrative && draftNarrative.text && (
        <div className={cards.item} data-outlook="draft_narrative">
          <h3 className={styles.title}>Draft narrative</h3>
          <span className={styles.detail}>
            {draftNarrative.note} Copy it, then edit and paste it into the RAG narrative on the Settings
            sheet.
          </span>
          <Textarea
            ref={draftRef}
            className={styles.draft}
            readOnly
            resize="vertical"
            rows={10}
            value={draftNarrative.text}
            aria-label="Draft narrative"
          />
          <div className={styles.copyRow}>
            <Button appearance="primary" onClick={() => void copy()}>
              Copy draft
            </Button>
            {/* Rendered only once there is something to say, so the pane's own status line stays its one
                status region until the draft is copied. */}
            {copied && (
              <span role="status" aria-live="polite">
                {copied === "copied"
                  ? "Copied. Paste it into the tracker's narrative and edit it there."
                  : "Copy did not work here: select the text above and press Ctrl+C (Cmd+C on a Mac)."}
              </span>
            )}
          </div>
        </div>
      )}
    </Section>
  );
}
