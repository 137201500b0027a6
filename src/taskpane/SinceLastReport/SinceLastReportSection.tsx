// What changed since the last report, as the page's block says it: the baseline named, the overall RAG then and
// now, each headline KPI's change in words beside its arrow, then the workstreams, key risks, milestones and data
// problems that changed, each with a button to its cell in the tracker. A first refresh says so in one line.
// Loaded on demand, so like the outlook it uses Fluent's styling engine and token names but no Fluent component.
import { makeStyles, mergeClasses } from "@griffel/react";
import { useId } from "react";
import { formatDate, formatKpiValue } from "../../core/format";
import { changeItems } from "../../core/history/changes";
import type { ChangeDirection, PortfolioSummary, SourceRef } from "../../core/model";
import { issueLocation } from "../../core/wording";
import { token } from "../MappingStep/token";
import { sectionHeading } from "../lazyStyles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: sectionHeading,
  note: { margin: 0, fontSize: token("fontSizeBase200"), color: token("colorNeutralForeground2") },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 10px",
    borderRadius: token("borderRadiusMedium"),
    border: `1px solid ${token("colorNeutralStroke2")}`,
  },
  what: { fontSize: token("fontSizeBase200"), color: token("colorNeutralForeground2") },
  which: { fontWeight: token("fontWeightSemibold") },
  change: { fontWeight: token("fontWeightSemibold") },
  worse: { color: token("colorPaletteRedForeground3") },
  better: { color: token("colorPaletteGreenForeground3") },
  figures: { fontSize: token("fontSizeBase200") },
  link: {
    alignSelf: "flex-start",
    padding: 0,
    fontFamily: "inherit",
    fontSize: token("fontSizeBase200"),
    color: token("colorBrandForegroundLink"),
    background: "none",
    border: "none",
    textDecorationLine: "underline",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${token("colorStrokeFocus2")}`, outlineOffset: "2px" },
  },
});

function tone(styles: ReturnType<typeof useStyles>, direction: ChangeDirection | null): string {
  return direction === "worse" ? styles.worse : direction === "better" ? styles.better : "";
}

function GoTo({ source, onGoTo }: { source: SourceRef | null; onGoTo: (ref: SourceRef) => void }) {
  const styles = useStyles();
  if (!source?.sheet) return null;
  return (
    <button type="button" className={styles.link} onClick={() => onGoTo(source)}>
      Go to {issueLocation(source, "plain")}
    </button>
  );
}

export default function SinceLastReportSection({
  summary,
  onGoTo,
}: {
  summary: PortfolioSummary;
  onGoTo: (ref: SourceRef) => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const since = summary.sinceLastReport;
  if (!since) return null;
  const others = since.baseline ? changeItems(since) : [];
  return (
    <section className={styles.section} aria-labelledby={headingId} data-section="since-last-report">
      <h2 id={headingId} className={styles.heading}>
        {since.heading}
      </h2>
      {since.message && <p className={styles.note}>{since.message}</p>}
      {since.baseline && (
        <>
          <p className={styles.note}>
            Compared with the last refresh of that report (
            {formatDate(since.baseline.refreshedAt.slice(0, 10))}).
          </p>
          <ul className={styles.list} aria-label="Headline changes">
            {since.overallRag && (
              <li className={styles.item}>
                <span className={styles.what}>Overall RAG</span>
                <span className={mergeClasses(styles.change, tone(styles, since.overallRag.direction))}>
                  {since.overallRag.text}
                </span>
              </li>
            )}
            {since.kpis.map((k) => (
              <li key={k.id} className={styles.item} data-kpi={k.id}>
                <span className={styles.what}>{k.label}</span>
                <span className={mergeClasses(styles.change, tone(styles, k.direction))}>
                  {k.arrow && <span aria-hidden="true">{k.arrow} </span>}
                  {k.text}
                </span>
                <span className={styles.figures}>
                  {formatKpiValue(k.from, k.unit)} then, {formatKpiValue(k.to, k.unit)} now
                </span>
                <GoTo source={k.sources[0] ?? null} onGoTo={onGoTo} />
              </li>
            ))}
          </ul>
          {others.length > 0 && (
            <ul className={styles.list} aria-label="Other changes">
              {others.map((c) => (
                <li key={`${c.what}|${c.which}|${c.text}`} className={styles.item}>
                  <span className={styles.what}>{c.what}</span>
                  <span className={styles.which}>{c.which}</span>
                  <span className={mergeClasses(styles.change, tone(styles, c.direction))}>{c.text}</span>
                  <GoTo source={c.source} onGoTo={onGoTo} />
                </li>
              ))}
            </ul>
          )}
          {others.length === 0 && (
            <p className={styles.note}>No workstream RAG, key risk, milestone or data problem changed.</p>
          )}
        </>
      )}
    </section>
  );
}
