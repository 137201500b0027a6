// What changed between the baseline report and this refresh: each headline KPI's change and its direction by the
// KPI's polarity, the overall RAG then and now, workstreams whose RAG moved, key risks new, closed or rescored,
// milestones newly overdue or completed, and data problems new or fixed. Pure: two snapshots in, the list out.
import { formatDate, formatKpiVariance } from "../format";
import { kpiDefinition } from "../kpis";
import {
  RAG_SCALE,
  type ChangeDirection,
  type HistorySnapshot,
  type IssueChange,
  type KpiChange,
  type MilestoneChange,
  type Polarity,
  type RagGrade,
  type RiskChange,
  type SinceLastReport,
  type WorkstreamChange,
  type BaselineChoice,
} from "../model";
import { DIRECTION_WORDS, MILESTONE_STATUS_WORDS, changeArrow, fromTo, issueLocation } from "../wording";
import { issueKey, milestoneKey, riskKey, workstreamKey, type SnapshotSources } from "./snapshot";

export interface CompareInput {
  current: HistorySnapshot;
  baseline: HistorySnapshot | null;
  choice: BaselineChoice;
  /** Why there is no baseline, when there is none (a first refresh, or the chosen report is not recorded). */
  noBaseline?: string;
  sources: SnapshotSources;
  /** Open risks of the register now, by risk key: their score (to tell a closed key risk from one scored lower). */
  openRisks: Map<string, number | null>;
  polarity: (id: KpiChange["id"]) => Polarity;
  riskThreshold: number;
}

/** "Since the report of 10/12/2024" (or of the refresh, when the baseline has no reporting date). */
function sinceHeading(baseline: HistorySnapshot | null): string {
  if (!baseline) return "Since last report";
  if (baseline.reportingDate) return `Since the report of ${formatDate(baseline.reportingDate)}`;
  return `Since the refresh of ${formatDate(baseline.refreshedAt.slice(0, 10))}`;
}

const rank = (g: RagGrade | null) => (g === null ? null : RAG_SCALE.indexOf(g));

/** Better or worse by the RAG scale (Green best). */
function ragDirection(from: RagGrade | null, to: RagGrade | null): ChangeDirection | null {
  const a = rank(from);
  const b = rank(to);
  if (a === null || b === null) return null;
  return b < a ? "better" : b > a ? "worse" : "unchanged";
}

/** A change rounded as the page shows it: counts whole, money to £0.01m, shares to 0.01 pp. */
function shownChange(change: number, unit: KpiChange["unit"]): number {
  if (unit === "money") return Math.round(change / 1e4) * 1e4;
  if (unit === "share") return Math.round(change * 1e4) / 1e4;
  return Math.round(change);
}

function kpiChanges(
  current: HistorySnapshot,
  baseline: HistorySnapshot,
  polarity: CompareInput["polarity"],
  kpiSources: Map<string, KpiChange["sources"]>,
): KpiChange[] {
  return current.kpis.map((k): KpiChange => {
    const before = baseline.kpis.find((b) => b.id === k.id);
    const from = before?.value ?? null;
    const to = k.value;
    const raw = from !== null && to !== null ? to - from : null;
    const change = raw === null ? null : shownChange(raw, k.unit);
    let direction: ChangeDirection | null = null;
    if (change !== null) {
      const up = polarity(k.id) === "higher_is_better" ? "better" : "worse";
      const down = up === "better" ? "worse" : "better";
      direction = change > 0 ? up : change < 0 ? down : "unchanged";
    }
    let text: string;
    if (change === null || direction === null)
      text = from === null ? "not recorded last time" : "not known now";
    else if (direction === "unchanged") text = DIRECTION_WORDS.unchanged;
    else {
      const quantity = k.unit === "count" ? kpiDefinition(k.id).words.quantity : "";
      text = `${formatKpiVariance({ variance: change, unit: k.unit })}${quantity ? ` ${quantity}` : ""}, ${DIRECTION_WORDS[direction]}`;
    }
    return {
      id: k.id,
      label: k.label,
      unit: k.unit,
      from,
      to,
      change,
      direction,
      text,
      arrow: changeArrow(change),
      sources: kpiSources.get(k.id) ?? [],
    };
  });
}

function workstreamChanges(
  current: HistorySnapshot,
  baseline: HistorySnapshot,
  sources: SnapshotSources,
): WorkstreamChange[] {
  const before = new Map(baseline.workstreams.map((w) => [workstreamKey(w), w]));
  const out: WorkstreamChange[] = [];
  const same = (a: { grade: RagGrade | null; text: string }, b: { grade: RagGrade | null; text: string }) =>
    a.grade === b.grade &&
    a.text.replace(/\s+/g, " ").toLowerCase() === b.text.replace(/\s+/g, " ").toLowerCase();
  const word = (w: { grade: RagGrade | null; text: string }) => w.text || w.grade || "no RAG";
  for (const w of current.workstreams) {
    const key = workstreamKey(w);
    const was = before.get(key);
    before.delete(key);
    if (!was || same(was, w)) continue;
    const from = { grade: was.grade, text: was.text };
    const to = { grade: w.grade, text: w.text };
    const direction = ragDirection(was.grade, w.grade);
    out.push({
      programme: w.programme,
      name: w.name,
      from,
      to,
      direction,
      text: `${fromTo(word(from), word(to))}${direction && direction !== "unchanged" ? `, ${DIRECTION_WORDS[direction]}` : ""}`,
      source: sources.get(key) ?? null,
    });
  }
  return out;
}

function riskChanges(input: CompareInput, baseline: HistorySnapshot): RiskChange[] {
  const { current, sources, openRisks } = input;
  const before = new Map(baseline.keyRisks.map((r) => [riskKey(r), r]));
  const out: RiskChange[] = [];
  for (const r of current.keyRisks) {
    const key = riskKey(r);
    const was = before.get(key);
    before.delete(key);
    if (was && was.score === r.score) continue;
    const direction: ChangeDirection | null = was ? (r.score < was.score ? "better" : "worse") : "worse";
    out.push({
      id: r.id,
      title: r.title,
      change: was ? "rescored" : "new",
      from: was?.score ?? null,
      to: r.score,
      direction,
      text: was
        ? `Rescored ${fromTo(String(was.score), String(r.score))}, ${DIRECTION_WORDS[direction]}`
        : `New key risk, score ${r.score}`,
      source: sources.get(key) ?? null,
    });
  }
  for (const [key, was] of before) {
    const now = openRisks.get(key);
    const open = openRisks.has(key);
    out.push({
      id: was.id,
      title: was.title,
      change: open ? "below_threshold" : "closed",
      from: was.score,
      to: open ? (now ?? null) : null,
      direction: "better",
      text: open
        ? `No longer a key risk: ${now !== null && now !== undefined ? `rescored ${fromTo(String(was.score), String(now))}` : "rescored"}, below ${input.riskThreshold}`
        : `Closed or removed from the register (was ${was.score})`,
      source: sources.get(key) ?? null,
    });
  }
  return out;
}

function milestoneChanges(
  current: HistorySnapshot,
  baseline: HistorySnapshot,
  sources: SnapshotSources,
): MilestoneChange[] {
  const before = new Map(baseline.milestones.map((m) => [milestoneKey(m), m]));
  const out: MilestoneChange[] = [];
  for (const m of current.milestones) {
    const key = milestoneKey(m);
    const was = before.get(key);
    // A milestone new to the tracker has no "before": it is not a change of status.
    if (!was || was.status === m.status) continue;
    const change = m.status === "complete" ? "completed" : m.status === "overdue" ? "overdue" : null;
    if (!change) continue;
    const wasWord = was.status ? MILESTONE_STATUS_WORDS[was.status] : "no status";
    out.push({
      programme: m.programme,
      workstream: m.workstream,
      name: m.name,
      change,
      from: was.status,
      to: m.status,
      text: `${change === "completed" ? "Completed" : "Newly overdue"} (was ${wasWord.toLowerCase()})`,
      source: sources.get(key) ?? null,
    });
  }
  return out;
}

function issueChanges(
  current: HistorySnapshot,
  baseline: HistorySnapshot,
  sources: SnapshotSources,
): IssueChange[] {
  const before = new Map(baseline.issues.map((i) => [issueKey(i), i]));
  const now = new Set(current.issues.map((i) => issueKey(i)));
  const out: IssueChange[] = [];
  for (const i of current.issues) {
    if (before.has(issueKey(i))) continue;
    out.push({
      change: "new",
      ...i,
      text: `New: ${i.message}`,
      source: i.sheet ? (sources.get(issueKey(i)) ?? { sheet: i.sheet, cell: i.cell }) : null,
    });
  }
  for (const i of baseline.issues) {
    if (now.has(issueKey(i))) continue;
    out.push({
      change: "fixed",
      ...i,
      text: `Fixed: ${i.message} (${issueLocation(i, "plain")})`,
      source: i.sheet ? { sheet: i.sheet, cell: i.cell } : null,
    });
  }
  return out;
}

/** What changed since the baseline (or, without one, the one line that says why there is nothing to compare). */
export function compareWithBaseline(
  input: CompareInput,
  kpiSources: Map<string, KpiChange["sources"]>,
): SinceLastReport {
  const { current, baseline, choice } = input;
  const heading = sinceHeading(baseline);
  const empty = {
    overallRag: null,
    kpis: [],
    workstreams: [],
    keyRisks: [],
    milestones: [],
    issues: [],
  };
  if (!baseline)
    return {
      baseline: null,
      choice,
      heading,
      message:
        input.noBaseline ??
        "This is the first report recorded in this workbook; the next report will show what changed since this one.",
      ...empty,
    };
  const fromRag = baseline.overallRag;
  const toRag = current.overallRag;
  const ragMove = ragDirection(fromRag.grade, toRag.grade);
  const ragWord = (r: { grade: RagGrade | null; text: string }) => r.grade ?? (r.text || "not set");
  const overallRag = {
    from: fromRag,
    to: toRag,
    direction: ragMove,
    text:
      ragMove === "unchanged" || (ragMove === null && ragWord(fromRag) === ragWord(toRag))
        ? `${ragWord(toRag)} then and now`
        : `${fromTo(ragWord(fromRag), ragWord(toRag))}${ragMove ? `, ${DIRECTION_WORDS[ragMove]}` : ""}`,
  };
  const result: SinceLastReport = {
    baseline: {
      refresh: baseline.refresh,
      refreshedAt: baseline.refreshedAt,
      reportingDate: baseline.reportingDate,
    },
    choice,
    heading,
    message: "",
    overallRag,
    kpis: kpiChanges(current, baseline, input.polarity, kpiSources),
    workstreams: workstreamChanges(current, baseline, input.sources),
    keyRisks: riskChanges(input, baseline),
    milestones: milestoneChanges(current, baseline, input.sources),
    issues: issueChanges(current, baseline, input.sources),
  };
  const anything =
    (ragMove !== "unchanged" && ragMove !== null) ||
    result.kpis.some((k) => k.direction !== "unchanged") ||
    result.workstreams.length + result.keyRisks.length + result.milestones.length + result.issues.length > 0;
  if (!anything)
    result.message = `Nothing has changed ${heading.charAt(0).toLowerCase()}${heading.slice(1)}.`;
  return result;
}
