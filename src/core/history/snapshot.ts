// A refresh's snapshot: the figures the history keeps of it (headline KPIs, overall RAG, every workstream's RAG,
// every milestone's status, the key risks and their scores, the data problems), and where each is in the tracker
// now, so a change can be a click from its source.
import { effectiveMilestoneStatus } from "../metrics/milestones";
import type { HistorySnapshot, Issue, KeyRisk, Kpi, PortfolioSummary, SourceRef } from "../model";
import type { Tracker } from "../tracker";

export interface SnapshotInput {
  refresh: number;
  generatedAt: string;
  reportingDate: string | null;
  overallRag: PortfolioSummary["overallRag"];
  kpis: Kpi[];
  keyRisks: KeyRisk[];
  issues: Issue[];
  tracker: Tracker;
}

/** Where each item of the snapshot is in the tracker, by its key (see the *Key functions). */
export type SnapshotSources = Map<string, SourceRef>;

const norm = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
export const workstreamKey = (w: { programme: number | null; name: string }): string =>
  `ws|${w.programme ?? ""}|${norm(w.name)}`;
export const milestoneKey = (m: { programme: number | null; workstream: string; name: string }): string =>
  `ms|${m.programme ?? ""}|${norm(m.workstream)}|${norm(m.name)}`;
export const riskKey = (r: { id: string }): string => `risk|${norm(r.id)}`;
export const issueKey = (i: { code: string; sheet: string; cell: string }): string =>
  `issue|${i.code}|${i.sheet}|${i.cell}`;

/** What the history keeps of each headline KPI. */
export const kpiRecords = (kpis: readonly Kpi[]): HistorySnapshot["kpis"] =>
  kpis.map((k) => ({
    id: k.id,
    label: k.label,
    unit: k.unit,
    value: k.actual,
    target: k.target,
    variance: k.variance,
    status: k.status,
  }));

/** What the history keeps of each key risk. */
export const keyRiskRecords = (risks: readonly KeyRisk[]): HistorySnapshot["keyRisks"] =>
  risks.map((r) => ({
    id: r.id,
    title: r.title,
    impact: r.impact,
    likelihood: r.likelihood,
    score: r.score,
  }));

/** What the history keeps of the data problems: warnings and information (a refresh with errors records nothing). */
export const issueRecords = (issues: readonly Issue[]): HistorySnapshot["issues"] =>
  issues
    .filter((i) => i.severity !== "error")
    .map((i) => ({ severity: i.severity, code: i.code, sheet: i.sheet, cell: i.cell, message: i.message }));

/** The snapshot of this refresh, and the tracker cells its items come from. */
export function snapshotOf(input: SnapshotInput): { snapshot: HistorySnapshot; sources: SnapshotSources } {
  const { tracker } = input;
  const sources: SnapshotSources = new Map();
  const s = tracker.settings;
  const overall = input.overallRag;
  const workstreams: HistorySnapshot["workstreams"] = [];
  for (const w of tracker.workstreams) {
    const name = w.name.value?.trim();
    if (!name) continue;
    const item = {
      programme: w.programme.value,
      name,
      grade: w.rag.value?.grade ?? null,
      text: w.rag.value?.text.trim() ?? "",
    };
    workstreams.push(item);
    sources.set(workstreamKey(item), w.rag.ref);
  }
  const milestones: HistorySnapshot["milestones"] = [];
  for (const m of tracker.milestones) {
    const name = m.milestone.value?.trim();
    if (!name) continue;
    const item = {
      programme: m.programme.value,
      workstream: m.workstream.value?.trim() ?? "",
      name,
      status: effectiveMilestoneStatus(m, input.reportingDate),
    };
    milestones.push(item);
    sources.set(milestoneKey(item), m.status.ref);
  }
  for (const r of input.keyRisks) sources.set(riskKey(r), r.source);
  // A key risk that left the list is still looked up in the register, to tell a closed risk from a lower score.
  for (const r of tracker.risks) {
    const id = r.id.value?.trim();
    if (id && !sources.has(riskKey({ id }))) sources.set(riskKey({ id }), r.id.ref);
  }
  for (const i of input.issues) if (i.sheet) sources.set(issueKey(i), { sheet: i.sheet, cell: i.cell });

  const snapshot: HistorySnapshot = {
    refresh: input.refresh,
    refreshedAt: input.generatedAt,
    reportingDate: input.reportingDate,
    sendDataAsAt: s.sendDataRefreshed.value,
    financeDataAsAt: s.financeDataAsAt.value,
    overallRag: {
      grade: overall.value,
      text: overall.override ? overall.overrideText.trim() : (overall.value ?? ""),
    },
    kpis: kpiRecords(input.kpis),
    workstreams,
    milestones,
    keyRisks: keyRiskRecords(input.keyRisks),
    issues: issueRecords(input.issues),
  };
  return { snapshot, sources };
}

/** The risks of the register that are open now, by key: to tell a closed key risk from one scored lower. */
export function openRiskScores(tracker: Tracker): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const r of tracker.risks) {
    const id = r.id.value?.trim();
    if (!id || r.status.value === "closed") continue;
    const i = r.impact.value;
    const l = r.likelihood.value;
    out.set(riskKey({ id }), i !== null && l !== null ? i * l : null);
  }
  return out;
}
