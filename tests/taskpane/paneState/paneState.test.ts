// The pane's state as one reducer: a refresh clears the last failure and says what it found; a failed refresh
// keeps the last summary on show; a refresh made elsewhere is followed with where it came from.
import type { RefreshOutcome } from "../../../src/excel/api";
import { initialPaneState, paneReducer, type PaneState } from "../../../src/taskpane/paneState";
import { makeSummaryFixture } from "../../support/summary-fixture";

const outcome = (over: Partial<RefreshOutcome> = {}): RefreshOutcome => ({
  runId: "run-1",
  at: "2025-01-10T09:30:00Z",
  ok: true,
  sheetName: "Portfolio Summary",
  flaggedVariances: 0,
  issueCounts: { error: 0, warning: 0, info: 0 },
  message: "refreshed",
  summary: makeSummaryFixture(),
  failedStep: null,
  nameTakenByUserSheet: false,
  syncs: 4,
  problem: null,
  ...over,
});

const start = (): PaneState<string> => initialPaneState<string>();

describe("the pane's state", () => {
  it("starts empty and idle", () => {
    expect(start()).toMatchObject({ summary: null, running: false, failure: null, mapping: null });
  });

  it("a refresh shows its summary and says how many variances and problems it found", () => {
    const done = paneReducer(paneReducer(start(), { type: "refreshStarted" }), {
      type: "refreshFinished",
      outcome: outcome(),
    });
    const summary = makeSummaryFixture();
    expect(done.running).toBe(false);
    expect(done.summary?.kpis).toEqual(summary.kpis);
    expect(done.announcement).toBe(
      `Summary refreshed: ${summary.variances.length} flagged variances, ${summary.issues.length} data problems.`,
    );
  });

  it("a failed refresh keeps the last summary and is shown as the failure", () => {
    const first = paneReducer(start(), { type: "refreshFinished", outcome: outcome() });
    const failed = paneReducer(paneReducer(first, { type: "refreshStarted" }), {
      type: "refreshFinished",
      outcome: outcome({ ok: false, runId: "run-2", summary: null }),
    });
    expect(failed.summary).toBe(first.summary);
    expect(failed.failure?.runId).toBe("run-2");
    expect(failed.announcement).toBe("The summary was not refreshed. The previous summary is unchanged.");
    expect(paneReducer(failed, { type: "refreshStarted" }).failure).toBeNull();
  });

  it("a refresh made elsewhere is followed and named", () => {
    const followed = paneReducer(paneReducer(start(), { type: "followStarted", outcome: outcome() }), {
      type: "followed",
      outcome: outcome(),
      current: makeSummaryFixture(),
    });
    expect(followed.lastRun?.runId).toBe("run-1");
    expect(followed.summary).not.toBeNull();
    // An outcome stored without its source (by an earlier version) is said to come from elsewhere.
    expect(followed.announcement).toMatch(/^The summary was refreshed elsewhere at /);
  });

  it("the mapping step opens and closes, announcing itself only when the tracker needs it", () => {
    const opened = paneReducer(start(), { type: "mappingOpened", mapping: "step", announce: true });
    expect(opened.mapping).toBe("step");
    expect(opened.announcement).toMatch(/laid out differently/);
    expect(paneReducer(opened, { type: "mappingClosed" }).mapping).toBeNull();
    expect(
      paneReducer(start(), { type: "mappingOpened", mapping: "step", announce: false }).announcement,
    ).toBe("");
  });
});
