// The CLI's printed report: the few lines a finance officer checks before sending the summary to the board.
import { formatDate, formatKpiValue, formatKpiVariance } from "../core/format";
import type { Issue, Kpi, PortfolioSummary } from "../core/model";
import { changeItems } from "../core/history/changes";
import { issueLocation, plural, statusWord } from "../core/wording";

export interface ReportOptions {
  /** Most errors listed (all errors matter, but a broken tracker can have hundreds). */
  maxErrors?: number;
  maxWarnings?: number;
}

function kpiLine(kpi: Kpi, labelWidth: number): string {
  const value = formatKpiValue(kpi.actual, kpi.unit);
  const target = formatKpiValue(kpi.target, kpi.unit);
  const targetLabel = kpi.targetLabel ? ` (${kpi.targetLabel})` : "";
  return `  ${kpi.label.padEnd(labelWidth)}  ${value.padStart(9)}  target ${target}${targetLabel}, variance ${formatKpiVariance(kpi)}: ${statusWord(kpi.status)}`;
}

function issueLines(issues: Issue[], max: number): string[] {
  const lines = issues
    .slice(0, max)
    .map((i) => `  ${i.severity.padEnd(7)}  ${issueLocation(i)}: ${i.message}`);
  if (issues.length > max)
    lines.push(`  ... and ${issues.length - max} more (all are in the --json output).`);
  return lines;
}

/** The full report printed after a run. */
export function formatReport(summary: PortfolioSummary, options: ReportOptions = {}): string {
  const maxErrors = options.maxErrors ?? 20;
  const maxWarnings = options.maxWarnings ?? 5;
  const p = summary.programme;
  const lines: string[] = [];
  const title = [p.name || "(programme name missing)", p.council].filter(Boolean).join(", ");
  lines.push(`Portfolio Summary: ${title}`);
  const facts = [
    summary.source.workbookName ? `Tracker: ${summary.source.workbookName}` : "",
    p.reportingDate
      ? `Reporting date: ${formatDate(p.reportingDate)}${p.reportingDateSource === "data" ? " (from the data: Settings has none)" : ""}`
      : "Reporting date: not set",
    p.financialYear ? `Financial year: ${p.financialYear}` : "",
  ].filter(Boolean);
  lines.push(facts.join("   "));
  lines.push("");

  const rag = summary.overallRag;
  if (rag.override !== null) {
    const typed = rag.overrideText && rag.overrideText !== rag.override ? ` ("${rag.overrideText}")` : "";
    lines.push(`Overall RAG: ${rag.override}${typed}, set by the programme lead`);
    if (rag.differs) lines.push(`  The figures alone would give ${rag.computed ?? "no RAG"}.`);
  } else {
    lines.push(`Overall RAG: ${rag.computed ?? "not computed"} (computed from the figures)`);
  }
  lines.push("");

  lines.push("Headline KPIs");
  const width = Math.max(0, ...summary.kpis.map((k) => k.label.length));
  for (const kpi of summary.kpis) lines.push(kpiLine(kpi, width));
  lines.push("");

  // What changed: printed when there is an earlier report to compare with (--history, --previous, a kept sheet).
  const since = summary.sinceLastReport;
  if (since?.baseline) {
    lines.push(since.heading);
    if (since.message) lines.push(`  ${since.message}`);
    if (since.overallRag) lines.push(`  Overall RAG: ${since.overallRag.text}`);
    for (const k of since.kpis) lines.push(`  ${k.label.padEnd(width)}  ${k.arrow} ${k.text}`);
    for (const c of changeItems(since)) lines.push(`  ${c.what}: ${c.which}: ${c.text}`);
    lines.push("");
  }

  lines.push(`Key risks (open, score ${summary.riskThreshold}+): ${summary.keyRisks.length}`);
  for (const r of summary.keyRisks.slice(0, 10)) {
    lines.push(`  ${r.id}  ${r.impact} x ${r.likelihood} = ${r.score}  ${r.title}  (${r.owner})`);
  }
  if (summary.keyRisks.length > 10) lines.push(`  ... and ${summary.keyRisks.length - 10} more.`);
  lines.push("");

  lines.push("Data freshness");
  for (const f of summary.freshness) {
    const age = f.ageDays !== null ? ` (${plural(f.ageDays, "day")} old at the reporting date)` : "";
    const stale = f.stale ? ` STALE: older than the ${f.limitDays ?? "?"}-day limit` : "";
    lines.push(`  ${f.label}: ${f.text}${age}${stale}`);
  }
  lines.push("");

  const c = summary.issueCounts;
  lines.push(
    `Problems found: ${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.info, "note")}`,
  );
  const errors = summary.issues.filter((i) => i.severity === "error");
  const warnings = summary.issues.filter((i) => i.severity === "warning");
  lines.push(...issueLines(errors, maxErrors));
  lines.push(...issueLines(warnings, maxWarnings));
  return lines.join("\n");
}

/** What --quiet still prints: the errors, so a script's log says why it failed. */
export function formatErrorsOnly(summary: PortfolioSummary, options: ReportOptions = {}): string {
  const errors = summary.issues.filter((i) => i.severity === "error");
  if (errors.length === 0) return "";
  return [
    `The tracker has ${plural(errors.length, "error")}:`,
    ...issueLines(errors, options.maxErrors ?? 20),
  ].join("\n");
}
