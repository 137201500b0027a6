// The history a previous summary carries (the CLI's --previous <summary.json>), as the snapshots the comparison
// takes: kept apart from the engine so the pane's first download does not carry it.
import type { HistorySnapshot, PortfolioSummary } from "../model";
import { issueRecords, keyRiskRecords, kpiRecords } from "./snapshot";

/**
 * The history a previous summary (its --json) carries: its trend reports, the last of them its full record. A
 * summary written before the history existed gives its own headline figures, workstreams, key risks and problems.
 */
export function recordedFromSummary(previous: PortfolioSummary): HistorySnapshot[] {
  const own = previous.history?.current ?? snapshotOfOldSummary(previous);
  const earlier = (previous.history?.reports ?? [])
    .filter((r) => r.refresh !== own.refresh)
    .map((r): HistorySnapshot => ({
      refresh: r.refresh,
      refreshedAt: r.refreshedAt,
      reportingDate: r.reportingDate,
      sendDataAsAt: null,
      financeDataAsAt: null,
      overallRag: r.overallRag,
      kpis: r.kpis.map((k) => {
        const label = previous.kpis.find((p) => p.id === k.id);
        return {
          id: k.id,
          label: label?.label ?? k.id,
          unit: label?.unit ?? "count",
          value: k.value,
          target: null,
          variance: null,
          status: k.status,
        };
      }),
      workstreams: [],
      milestones: [],
      keyRisks: [],
      issues: [],
    }));
  return [...earlier, own].sort((a, b) => a.refresh - b.refresh);
}

function snapshotOfOldSummary(s: PortfolioSummary): HistorySnapshot {
  const send = s.freshness.find((f) => f.id === "send_data")?.date ?? null;
  const finance = s.freshness.find((f) => f.id === "finance_data")?.date ?? null;
  return {
    refresh: 1,
    refreshedAt: s.generatedAt,
    reportingDate: s.programme.reportingDate,
    sendDataAsAt: send,
    financeDataAsAt: finance,
    overallRag: {
      grade: s.overallRag.value,
      text: s.overallRag.override ? s.overallRag.overrideText : (s.overallRag.value ?? ""),
    },
    kpis: kpiRecords(s.kpis),
    workstreams: s.programmes.flatMap((p) =>
      p.workstreams.map((w) => ({
        programme: w.programme,
        name: w.name,
        grade: w.rag.grade,
        text: w.rag.text,
      })),
    ),
    milestones: [],
    keyRisks: keyRiskRecords(s.keyRisks),
    issues: issueRecords(s.issues),
  };
}
