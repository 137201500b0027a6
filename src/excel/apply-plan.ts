// Writes a sheet plan into the live workbook: the new summary is built in sheets with working names, and only once
// complete does it take the place of the previous one (swap.ts: updated in place, so references to it survive).
// On a failure before that, the working sheets are removed and the previous summary is as it was. Only sheets
// carrying the add-in's marks are ever renamed or deleted.
import type { RawSheet } from "../core/raw";
import type { SheetKey, SheetPlan } from "../layout/plan";
import type { StoredOutcome } from "./api";
import { buildSteps, historyAppendSteps, sendBuild, TooLargeForExcel, WRITE_BUDGET_BYTES } from "./build";
import { historyFitsSwap, historyTarget, type HistoryTarget } from "./history";
import {
  buildingName,
  BUILDING_PREFIX,
  chooseSheetName,
  isLeftover,
  isLiveAddinSheet,
  roleOf,
  newRunId,
  type SheetInventoryItem,
} from "./ownership";
import { listSheets, restore, stateAfterFailedSwap, type WriteState } from "./restore";
import { swapIntoPlace, type SwapExtras } from "./swap";
import { countingSync, errorText, isAccessDenied, isFocusError, type CountingSync } from "./sync";

export { estimateBuildBytes, WRITE_BUDGET_BYTES } from "./build";
export { restore, type WriteState } from "./restore";

export type IsSetSupported = (name: string, version: string) => boolean;

export interface ApplyPlanOptions {
  /** Id of this run, used in working sheet names. */
  runId?: string;
  /** The workbook's sheets as the read found them; without it the writer lists them itself (one more sync). */
  inventory?: SheetInventoryItem[];
  /** Outcome stored in the workbook settings in the same sync that puts the new summary in place. */
  outcome?: (written: { sheetName: string; nameTakenByUserSheet: boolean }) => StoredOutcome;
  isSetSupported?: IsSetSupported;
  sync?: CountingSync;
  onProgress?: (step: "writing" | "charts") => void;
  /** Request budget per sync while building (default WRITE_BUDGET_BYTES; tests shrink it). */
  writeBudgetBytes?: number;
  /** Show the summary once it is in place (default true), as the swap's last call: best effort. */
  activate?: boolean;
  /** What the refresh adds to the swap (marks, settings, the live summary's charts). */
  swap?: SwapExtras;
  /**
   * Asked once the working sheets are built, before anything is replaced: a reason to stop (another refresh
   * took over) ends the write there, the working sheets removed.
   */
  beforeSwap?: () => string | null;
  /**
   * Keep the history: the plan's block is appended to the history sheet as the read found it (`read`; absent when
   * the workbook has none, which then gets a new one). Without it the history sheet is left alone.
   */
  history?: { read: RawSheet | undefined };
  /** The caller's own calls to ride the build's first request (queued again if Excel refuses it for its size). */
  withFirstRequest?: () => void;
}

export interface ApplyPlanResult {
  ok: boolean;
  /** Names the planned sheets were given (the intended names when the write failed). */
  sheetNames: Partial<Record<SheetKey, string>>;
  nameTakenByUserSheet: boolean;
  /** Part of the write that failed. */
  failedStep: "writing" | "charts" | null;
  /** What went wrong, in words; "" when ok. */
  error: string;
  /** False only if, after a failure, the previous summary could not be fully put back. */
  previousIntact: boolean;
  /** After a failure: what the workbook holds, read back from the marks. */
  state: WriteState;
  /** Why the write stopped before the swap, when beforeSwap said so. */
  stoppedBy: string | null;
  /** Working sheets a failure left in the workbook (the next refresh removes them). */
  leftBehind: string[];
  /** The failure was a call Excel refuses while another workbook has the focus. */
  focusLost: boolean;
  /** Excel refused the change (AccessDenied): the workbook or a sheet is read-only or protected for this user. */
  accessDenied: boolean;
  /** False when the same refresh would fail the same way (the summary is more than Excel takes). */
  retryable: boolean;
  syncs: number;
}

function suspend(context: Excel.RequestContext, isSetSupported: IsSetSupported): void {
  if (isSetSupported("ExcelApi", "1.6")) context.application.suspendApiCalculationUntilNextSync();
  if (isSetSupported("ExcelApiDesktop", "1.1")) context.application.suspendScreenUpdatingUntilNextSync();
}

/** Default feature check: Office's own where it runs, otherwise the stand-in runner is taken at its word. */
export function officeIsSetSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported(name, version) : true;
}

/**
 * Writes the plan: sync 1 builds the new sheets under working names (values, formats, layout, print setup,
 * charts); sync 2 puts them in place (swap.ts): a summary already there is updated in place, otherwise the new
 * sheets take their names; the outcome is stored with it. A failure before the swap is undone by `restore`, which
 * works from the marks actually in the workbook; after a failed swap the marks say what it left.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: SheetPlan,
  options: ApplyPlanOptions = {},
): Promise<ApplyPlanResult> {
  const sync = options.sync ?? countingSync(context);
  const start = sync.count;
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  const runId = options.runId ?? newRunId();
  const inventory = options.inventory ?? (await listSheets(context, sync));

  const previous = inventory.filter((s) => isLiveAddinSheet(s) && !isLeftover(s));
  const previousOf = (key: SheetKey) => previous.find((s) => roleOf(s) === key);
  // Names: a sheet updated in place keeps its own; a new one takes the preferred name unless a sheet of the
  // user's holds it.
  const names: Partial<Record<SheetKey, string>> = {};
  let nameTakenByUserSheet = false;
  for (const planned of plan.sheets) {
    const chosen = chooseSheetName(planned.name, planned.key, inventory, Object.values(names));
    names[planned.key] = previousOf(planned.key)?.name ?? chosen.name;
    if (planned.key === "summary") nameTakenByUserSheet = chosen.takenByUserSheet;
  }
  const history: HistoryTarget | null =
    options.history && plan.history
      ? historyTarget(inventory, options.history.read, Object.values(names) as string[], runId)
      : null;
  const result = (ok: boolean, extra: Partial<ApplyPlanResult> = {}): ApplyPlanResult => ({
    ok,
    sheetNames: names,
    nameTakenByUserSheet,
    failedStep: null,
    error: "",
    previousIntact: true,
    state: "unchanged",
    stoppedBy: null,
    leftBehind: [],
    focusLost: false,
    accessDenied: false,
    retryable: true,
    syncs: sync.count - start,
    ...extra,
  });

  // Sync 1: build everything, charts included, in the new sheets under working names; a summary too big for one
  // request is sent in several. Charts drawn here name the working sheets; Excel rewrites every series reference
  // when a sheet is renamed, so after the swap they name the final sheets.
  const at: { step: "writing" | "charts" } = { step: "writing" };
  const budget = options.writeBudgetBytes ?? WRITE_BUDGET_BYTES;
  // The build touches only its own working sheets (and, past the lease check, rows of the history below its last
  // record, which no reader takes without their completion mark): whatever of it ran, the previous summary is as it
  // was. If the working sheets cannot be removed now (another workbook still in front), they are named, and the
  // next refresh removes them.
  const failedBuild = async (error: unknown) => {
    const intact = await restore(context, sync, runId, plan);
    return result(false, {
      failedStep: at.step === "charts" && isChartFault(error) ? "charts" : "writing",
      error: errorText(error),
      focusLost: isFocusError(error),
      accessDenied: isAccessDenied(error),
      retryable: !(error instanceof TooLargeForExcel),
      state: "unchanged",
      leftBehind: intact ? [] : plan.sheets.map((p) => buildingName(p.key, runId)),
      syncs: sync.count - start,
    });
  };
  try {
    options.onProgress?.("writing");
    await sendBuild(
      context,
      sync,
      buildSteps(plan, runId, (key) => previousOf(key) !== undefined, names, history),
      {
        budget,
        prepare: (first) => {
          suspend(context, isSetSupported);
          if (first) options.withFirstRequest?.();
        },
        sheetName: (key) => buildingName(key, runId),
        onCharts: () => {
          at.step = "charts";
          options.onProgress?.("charts");
        },
      },
    );
  } catch (error) {
    return failedBuild(error);
  }

  const stoppedBy = options.beforeSwap?.() ?? null;
  if (stoppedBy) {
    const intact = await restore(context, sync, runId, plan);
    return result(false, { failedStep: "writing", error: stoppedBy, stoppedBy, previousIntact: intact });
  }

  // A history block too large to ride the swap (a tracker of tens of thousands of milestones): its rows but the
  // first are appended now, once the lease is known to be this run's, in requests packed against the same budget.
  const historyWhole = history && plan.history ? historyFitsSwap(plan.history, history, budget) : true;
  if (history && plan.history && !historyWhole) {
    try {
      await sendBuild(context, sync, historyAppendSteps(plan.history, history), {
        budget,
        prepare: () => suspend(context, isSetSupported),
        sheetName: (key) => buildingName(key, runId),
        onCharts: () => {},
      });
    } catch (error) {
      return failedBuild(error);
    }
  }

  // Sync 2: the swap (swap.ts). Working sheets left by an interrupted run, and old copies superseded by a live
  // summary, go with it. Where the swap draws the charts (a summary updated in place), it is their step too.
  if (at.step !== "charts" && plan.sheets.some((p) => p.charts.length > 0)) {
    at.step = "charts";
    options.onProgress?.("charts");
  }
  const leftovers = inventory
    .filter(isLeftover)
    .filter((s) => {
      const role = roleOf(s);
      return (
        s.name.startsWith(BUILDING_PREFIX) ||
        (role !== null && role !== "history" && previousOf(role) !== undefined)
      );
    })
    .map((s) => s.name);
  try {
    suspend(context, isSetSupported);
    const outcome = options.outcome?.({ sheetName: names.summary ?? "", nameTakenByUserSheet });
    await swapIntoPlace(
      context,
      {
        ...options.swap,
        plan,
        runId,
        names,
        working: Object.fromEntries(plan.sheets.map((p) => [p.key, buildingName(p.key, runId)])) as Record<
          SheetKey,
          string
        >,
        live: Object.fromEntries(
          plan.sheets.filter((p) => previousOf(p.key)).map((p) => [p.key, previousOf(p.key)]),
        ),
        leftovers,
        outcome,
        activate: options.activate !== false,
        // A new history sheet follows the summary and its data: made after their working sheets, it is already
        // there when they are new; after a live data sheet (updated in place) it is moved next to it.
        history:
          history && plan.history
            ? {
                plan: plan.history,
                target: history,
                whole: historyWhole,
                ...newHistoryPosition(history, previousOf),
              }
            : undefined,
      },
      sync,
    );
  } catch (error) {
    const state = await stateAfterFailedSwap(context, sync, runId, plan, names);
    if (state.state === "complete") {
      // Everything but the deletes ran (Excel keeps the part of a failed batch before the failure).
      return result(true, {
        state: "complete",
        error: errorText(error),
        focusLost: isFocusError(error),
        accessDenied: isAccessDenied(error),
        leftBehind: state.leftBehind,
      });
    }
    const intact = state.state === "unchanged" ? await restore(context, sync, runId, plan) : false;
    return result(false, {
      failedStep: "writing",
      error: errorText(error),
      focusLost: isFocusError(error),
      accessDenied: isAccessDenied(error),
      previousIntact: intact,
      state: intact ? "unchanged" : state.state,
      leftBehind: intact ? [] : state.leftBehind,
      syncs: sync.count - start,
    });
  }
  return result(true);
}

/**
 * Where a new history sheet goes in the swap: straight after the live data sheet when the summary and its data are
 * updated in place (their tab positions, as the read found them, do not move while working sheets are added at the
 * end; a kept copy of an edited summary goes right after the summary). Null: it stays where the build made it,
 * after the new summary and data sheets.
 */
function newHistoryPosition(
  history: HistoryTarget,
  previousOf: (key: SheetKey) => SheetInventoryItem | undefined,
): { position: number | null; afterKeptCopy: boolean } {
  const data = previousOf("data");
  if (!history.create || !data) return { position: null, afterKeptCopy: false };
  const summary = previousOf("summary");
  // The copy kept of an edited summary is placed after it: a data sheet after the summary then moves one on.
  return {
    position: data.position + 1,
    afterKeptCopy: summary !== undefined && summary.position < data.position,
  };
}

/** Whether Office.js places the failing action in a chart (OfficeExtension.Error.debugInfo.errorLocation). */
function isChartFault(error: unknown): boolean {
  const info = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo;
  const location = typeof info?.errorLocation === "string" ? info.errorLocation : "";
  return /chart|series|axis|legend/i.test(location);
}
