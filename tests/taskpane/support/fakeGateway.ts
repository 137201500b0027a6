// A scripted WorkbookGateway for component tests: records every call and answers from the test's own fixtures.
import { SAVED_MAPPING_KEY, type SettingsOverrides } from "../../../src/core/engine-api";
import type { TrackerMapping } from "../../../src/core/mapping";
import type { Issue, PortfolioSummary, ReviewNote, Severity } from "../../../src/core/model";
import type { RawWorkbook } from "../../../src/core/raw";
import type {
  NoteSaveResult,
  RefreshOptions,
  RefreshOutcome,
  RefreshStep,
  SelectOutcome,
  StoredOutcome,
  WorkbookChange,
  WorkbookGateway,
} from "../../../src/excel/api";
import { generateTracker } from "../../support/generate-tracker";
import { makeSummaryFixture } from "../../support/summary-fixture";

function countIssues(issues: Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity] += 1;
  return counts;
}

const ALL_STEPS: RefreshStep[] = ["reading", "checking", "computing", "writing", "charts"];

export function okOutcome(
  summary: PortfolioSummary = makeSummaryFixture(),
  runId = "run-0001",
): RefreshOutcome {
  return {
    runId,
    at: "2025-01-10T09:30:00.000Z",
    ok: true,
    sheetName: "Portfolio Summary",
    flaggedVariances: summary.variances.length,
    issueCounts: countIssues(summary.issues),
    message: "The Portfolio Summary was refreshed.",
    summary,
    failedStep: null,
    nameTakenByUserSheet: false,
    syncs: 4,
    problem: null,
  };
}

export function failedOutcome(step: RefreshStep, message: string): RefreshOutcome {
  return {
    runId: "run-fail",
    at: "2025-01-10T09:31:00.000Z",
    ok: false,
    sheetName: null,
    flaggedVariances: 0,
    issueCounts: { error: 0, warning: 0, info: 0 },
    message,
    summary: null,
    failedStep: step,
    nameTakenByUserSheet: false,
    syncs: 2,
    problem: "fault",
  };
}

export interface FakeGateway extends WorkbookGateway {
  refreshCalls: RefreshOptions[];
  selections: { sheet: string; address: string }[];
  saved: SettingsOverrides[];
  /** Every mapping saved, in order (null = removed). */
  savedMappings: (TrackerMapping | null)[];
  /** Lets a test hold a refresh mid-way: the refresh waits for `release()` after reporting these steps. */
  hold(stepsBeforeHold: RefreshStep[]): { release: () => void };
  /** Tells the pane's listeners of a change in the workbook, as a refresh made elsewhere would. */
  emitChange(change: WorkbookChange): void;
  /** Listeners the pane registered and has not removed. */
  readonly listeners: number;
  readSummaryCalls: number;
  /** Every note saved, with what the pane expected to find. */
  savedNotes: { note: ReviewNote; expected: ReviewNote | null }[];
}

export interface FakeGatewayOptions {
  /** Outcome of each refresh in turn (the last repeats); a function sees the options it was called with. */
  outcomes?: (RefreshOutcome | ((options: RefreshOptions) => RefreshOutcome))[];
  settings?: SettingsOverrides;
  lastOutcome?: StoredOutcome | null;
  /** The workbook readRaw gives (default: the sample tracker, laid out as the template, so no mapping step). */
  raw?: RawWorkbook;
  /** The mapping saved in the workbook before the pane opens. */
  mapping?: unknown;
  /** What selectRange answers (default "selected"). */
  select?: SelectOutcome;
  /** What readSummary gives (default: the summary fixture). */
  summaryOnRead?: PortfolioSummary;
  /** What saving a note answers (default: saved, the notes being those saved so far). */
  noteResult?: (note: ReviewNote) => NoteSaveResult;
}

export function fakeGateway(options: FakeGatewayOptions = {}): FakeGateway {
  const outcomes = options.outcomes ?? [okOutcome()];
  let settings: SettingsOverrides = options.settings ?? {};
  let mapping: unknown = options.mapping ?? null;
  let held: { steps: RefreshStep[]; gate: Promise<void> } | null = null;
  const listeners = new Set<(change: WorkbookChange) => void>();
  const gw: FakeGateway = {
    readSummaryCalls: 0,
    get listeners() {
      return listeners.size;
    },
    emitChange(change) {
      for (const listener of listeners) listener(change);
    },
    async readSummary() {
      gw.readSummaryCalls += 1;
      return options.summaryOnRead ?? makeSummaryFixture();
    },
    async watchWorkbook(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    savedNotes: [],
    async saveReviewNote(note, expected) {
      gw.savedNotes.push({ note, expected });
      if (options.noteResult) return options.noteResult(note);
      return {
        ok: true,
        sheet: "Portfolio Summary Notes",
        created: gw.savedNotes.length === 1,
        notes: gw.savedNotes.map((s) => s.note),
      };
    },
    refreshCalls: [],
    selections: [],
    saved: [],
    savedMappings: [],
    async refresh(opts: RefreshOptions = {}) {
      const index = Math.min(gw.refreshCalls.length, outcomes.length - 1);
      gw.refreshCalls.push(opts);
      const next = outcomes[index];
      const outcome = typeof next === "function" ? next(opts) : next;
      if (held) {
        for (const step of held.steps) opts.onProgress?.(step);
        await held.gate;
        return outcome;
      }
      const upTo = outcome.ok ? ALL_STEPS.length : ALL_STEPS.indexOf(outcome.failedStep ?? "reading") + 1;
      for (const step of ALL_STEPS.slice(0, upTo)) opts.onProgress?.(step);
      return outcome;
    },
    async selectRange(sheet, address) {
      gw.selections.push({ sheet, address });
      return options.select ?? "selected";
    },
    async loadSettings() {
      return settings;
    },
    async saveSettings(next) {
      gw.saved.push(next);
      settings = next;
    },
    async loadLastOutcome() {
      return options.lastOutcome ?? null;
    },
    async readRaw() {
      const raw = options.raw ?? generateTracker(1);
      return mapping === null
        ? raw
        : { ...raw, savedSettings: { ...raw.savedSettings, [SAVED_MAPPING_KEY]: mapping } };
    },
    async loadMapping() {
      return mapping;
    },
    async saveMapping(next) {
      gw.savedMappings.push(next);
      mapping = next;
    },
    hold(stepsBeforeHold) {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      held = { steps: stepsBeforeHold, gate };
      return {
        release: () => {
          held = null;
          release();
        },
      };
    },
  };
  return gw;
}
