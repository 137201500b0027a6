// The outlook section: where each trajectory measure ends the financial year on current trends and the change a
// month that would put it on trajectory, the cost of the demand gap (an indication), and the drafted narrative
// with a Copy button so the lead can paste it into the tracker. The draft is offered, never written anywhere.
// Loaded on demand, so like the mapping step it uses Fluent's styling engine and token names but no Fluent
// component (importing Fluent's `tokens` or a component here would put all its design tokens back in the first
// download).
import { makeStyles, mergeClasses } from "@griffel/react";
import { useId, useRef, useState } from "react";
import { formatMonth, formatPp, formatSignedCount } from "../../core/format";
import type { OutlookMeasure, PortfolioSummary } from "../../core/model";
import { levelText } from "../../core/outlook/measures";
import { statusText } from "../../core/wording";
import { token } from "../MappingStep/token";
import { card, cardList, nativeField, primaryButton, sectionHeading } from "../lazyStyles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: sectionHeading,
  method: { margin: 0, fontSize: token("fontSizeBase200"), color: token("colorNeutralForeground2") },
  list: cardList,
  card,
  head: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", gap: "4px 8px" },
  title: { margin: 0, fontSize: token("fontSizeBase300"), fontWeight: token("fontWeightSemibold") },
  status: { fontWeight: token("fontWeightSemibold") },
  adverse: { color: token("colorPaletteRedForeground3") },
  favourable: { color: token("colorPaletteGreenForeground3") },
  figures: { fontWeight: token("fontWeightSemibold") },
  detail: { fontSize: token("fontSizeBase200"), color: token("colorNeutralForeground2") },
  draft: { ...nativeField, padding: "6px 8px", lineHeight: token("lineHeightBase300"), resize: "vertical" },
  copyRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px" },
  // Drawn like the pane's primary Fluent button.
  button: { ...primaryButton, alignSelf: "flex-start" },
  copied: { fontSize: token("fontSizeBase200") },
});

/** Puts text on the clipboard; rejects when the host does not allow it. */
export type CopyText = (text: string) => Promise<void>;

const clipboardCopy: CopyText = async (text) => {
  if (typeof navigator === "undefined" || !navigator.clipboard?.writeText) throw new Error("no clipboard");
  await navigator.clipboard.writeText(text);
};

const gapText = (m: OutlookMeasure) =>
  m.gapAtYearEnd === null
    ? ""
    : m.unit === "share"
      ? formatPp(m.gapAtYearEnd)
      : formatSignedCount(Math.round(m.gapAtYearEnd));

function MeasureCard({ measure: m, yearEnd }: { measure: OutlookMeasure; yearEnd: string }) {
  const styles = useStyles();
  const p = m.projection;
  const t = m.trajectory;
  const by = formatMonth(yearEnd);
  const tone = m.status === "adverse" ? styles.adverse : m.status === "favourable" ? styles.favourable : "";
  return (
    <li className={styles.card} data-outlook={m.id}>
      <div className={styles.head}>
        <h3 className={styles.title}>{m.label}</h3>
        {m.status && <span className={mergeClasses(styles.status, tone)}>{statusText(m.status)}</span>}
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

export default function OutlookSection({
  summary,
  copyText = clipboardCopy,
}: {
  summary: PortfolioSummary;
  copyText?: CopyText;
}) {
  const styles = useStyles();
  const headingId = useId();
  const draftRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const { outlook, demandCost, draftNarrative } = summary;
  if (!outlook) return null;
  const costReason = summary.notComputed.find((n) => n.section === "Cost of the demand gap")?.reason;

  const copy = async () => {
    try {
      await copyText(draftNarrative?.text ?? "");
      setCopied("copied");
    } catch {
      // Hosts that refuse the clipboard API may still copy a selection.
      const area = draftRef.current;
      area?.focus();
      area?.select();
      const ok = typeof document.execCommand === "function" && document.execCommand("copy");
      setCopied(ok ? "copied" : "failed");
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {outlook.yearEnd ? `Outlook to ${formatMonth(outlook.yearEnd)}` : "Outlook to the year end"}
      </h2>
      <p className={styles.method}>{outlook.method}</p>
      {outlook.measures.length === 0 ? (
        <p className={styles.method}>{outlook.yearEndBasis}</p>
      ) : (
        <ul className={styles.list}>
          {outlook.measures.map((m) => (
            <MeasureCard key={m.id} measure={m} yearEnd={outlook.yearEnd as string} />
          ))}
        </ul>
      )}
      <div className={styles.card} data-outlook="demand_cost">
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
      {draftNarrative?.text && (
        <div className={styles.card} data-outlook="draft_narrative">
          <h3 className={styles.title}>Draft narrative</h3>
          <span className={styles.detail}>
            {draftNarrative.note} Copy it, then edit it and paste it into the RAG narrative on the Settings
            sheet.
          </span>
          <textarea
            ref={draftRef}
            className={styles.draft}
            readOnly
            rows={10}
            value={draftNarrative.text}
            aria-label="Draft narrative"
          />
          <div className={styles.copyRow}>
            <button type="button" className={styles.button} onClick={() => void copy()}>
              Copy draft
            </button>
            {/* Rendered only once there is something to say, so the pane's own status line stays its one
                status region until the draft is copied. */}
            {copied && (
              <span role="status" aria-live="polite" className={styles.copied} data-testid="copy-result">
                {copied === "copied"
                  ? "Copied. Paste it into the tracker's narrative and edit it there."
                  : "Copy did not work here: select the text above and press Ctrl+C (Cmd+C on a Mac)."}
              </span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
