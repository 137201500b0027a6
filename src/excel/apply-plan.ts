// Writes a sheet plan into the live workbook: the new summary is built in sheets with working names, and only once
// complete does it take the place of the previous one (swap.ts: updated in place, so references to it survive).
// On a failure before that, the working sheets are removed and the previous summary is as it was. Only sheets
// carrying the add-in's marks are ever renamed or deleted.
import type { RawSheet } from "../core/raw";
import type { ChartSpec, SheetKey, SheetPlan } from "../layout/plan";
import type { StoredOutcome } from "./api";
import {
  buildingName,
  BUILDING_PREFIX,
  chooseSheetName,
  isLeftover,
  isLiveAddinSheet,
  KEPT_BY_KEY,
  NAME_KEY,
  OWNER_KEY,
  OWNER_VALUE,
  RESTORE_KEY,
  roleOf,
  ROLE_KEY,
  RUN_KEY,
  setAsideName,
  newRunId,
  UPDATING_KEY,
  type SheetInventoryItem,
} from "./ownership";
import { historyTarget, queueNewHistorySheet, type HistoryTarget } from "./history";
import { queueCharts, queueLinks } from "./render";
import {
  INSTANTIATE_BYTES,
  jsonBytes,
  navigationBytes,
  pathBytes,
  setBytes,
  untrackedRangeBytes,
} from "./request-size";
import { swapIntoPlace, type SwapExtras } from "./swap";
import {
  countingSync,
  errorCode,
  errorText,
  isAccessDenied,
  isFocusError,
  PAYLOAD_TOO_LARGE_CODES,
  type CountingSync,
} from "./sync";
import { contentSteps, type WriteStep } from "./write-content";

/**
 * Request budget per sync while building, as Office.js serialises it: under Excel on the web's 5 MB, with room for
 * the estimate's error. A request refused all the same is cut smaller and sent again.
 */
export const WRITE_BUDGET_BYTES = 4_000_000;

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

/** A build sync refused for its size even at the smallest part: sending it again cannot help. */
class TooLargeForExcel extends Error {
  readonly code: string;
  constructor(what: string, cause: unknown) {
    super(`${errorText(cause)} Even ${what} alone is more than Excel takes in one request.`);
    this.code = errorCode(cause) || "RequestPayloadSizeLimitExceeded";
  }
}

/** What a failed write left: nothing changed; the summary part-updated; or complete but for removing leftovers. */
export type WriteState = "unchanged" | "incomplete" | "complete" | "unknown";

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

async function listSheets(context: Excel.RequestContext, sync: CountingSync): Promise<SheetInventoryItem[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await sync();
  const props = sheets.items.map((s) => s.customProperties.load("items/key,items/value"));
  await sync();
  return sheets.items.map((s, position) => ({
    name: s.name,
    position,
    properties: Object.fromEntries(props[position].items.map((p) => [p.key, p.value])),
  }));
}

function mark(sheet: Excel.Worksheet, props: Record<string, string>): void {
  for (const [key, value] of Object.entries(props)) sheet.customProperties.add(key, value);
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
  try {
    options.onProgress?.("writing");
    await sendBuild(
      context,
      sync,
      buildSteps(plan, runId, (key) => previousOf(key) !== undefined, names),
      {
        budget: options.writeBudgetBytes ?? WRITE_BUDGET_BYTES,
        prepare: (first) => {
          suspend(context, isSetSupported);
          if (first) {
            options.withFirstRequest?.();
            // A workbook without a history sheet gets one (marked as this run's: a failed run removes it again).
            if (history?.create && plan.history) queueNewHistorySheet(context, plan.history, history, runId);
          }
        },
        sheetName: (key) => buildingName(key, runId),
        onCharts: () => {
          at.step = "charts";
          options.onProgress?.("charts");
        },
      },
    );
  } catch (error) {
    // The build touches only its own working sheets: whatever of it ran, the previous summary is as it was. If
    // they cannot be removed now (another workbook still in front), they are named, and the next refresh removes
    // them.
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
  }

  const stoppedBy = options.beforeSwap?.() ?? null;
  if (stoppedBy) {
    const intact = await restore(context, sync, runId, plan);
    return result(false, { failedStep: "writing", error: stoppedBy, stoppedBy, previousIntact: intact });
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
        // A new history sheet was added before the working sheets; it goes last, after them.
        history:
          history && plan.history
            ? { plan: plan.history, target: history, last: inventory.length + plan.sheets.length }
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
 * After a failed swap, what the workbook holds, from the marks: every planned sheet carrying this run's mark
 * means the swap ran up to its deletes; a live sheet still marked as being updated means it stopped part-way;
 * neither means nothing of it ran.
 */
async function stateAfterFailedSwap(
  context: Excel.RequestContext,
  sync: CountingSync,
  runId: string,
  plan: SheetPlan,
  names: Partial<Record<SheetKey, string>>,
): Promise<{ state: WriteState; leftBehind: string[] }> {
  try {
    const current = await listSheets(context, sync);
    const working = new Set(plan.sheets.map((p) => buildingName(p.key, runId)));
    const leftBehind = current.filter((s) => working.has(s.name)).map((s) => s.name);
    const finalSheets = plan.sheets.map((p) => current.find((s) => s.name === names[p.key]));
    if (finalSheets.every((s) => s?.properties[RUN_KEY] === runId && !s.properties[UPDATING_KEY]))
      return { state: "complete", leftBehind };
    if (current.some((s) => s.properties[UPDATING_KEY] === runId)) return { state: "incomplete", leftBehind };
    return { state: "unchanged", leftBehind };
  } catch {
    return { state: "unknown", leftBehind: [] };
  }
}

/** Whether Office.js places the failing action in a chart (OfficeExtension.Error.debugInfo.errorLocation). */
function isChartFault(error: unknown): boolean {
  const info = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo;
  const location = typeof info?.errorLocation === "string" ? info.errorLocation : "";
  return /chart|series|axis|legend/i.test(location);
}

/** What one build request queues on: the new sheets, made in this request or found by their working names. */
interface BuildBatch {
  sheet(key: SheetKey): Excel.Worksheet;
  /** Called by the step that makes the new sheets, in the request that makes them. */
  made(key: SheetKey, sheet: Excel.Worksheet): void;
  readonly worksheets: Excel.WorksheetCollection;
}

interface BuildStep {
  what: string;
  bytes: number;
  charts?: boolean;
  queue(batch: BuildBatch): void;
  split(): BuildStep[] | null;
}

/** Bytes of the calls every build request starts with (workbook, worksheets, the suspensions). */
const BATCH_BASE_BYTES = 1500;

/**
 * Bytes of one chart: its add, titles, axes, legend and position, each series' source ranges, and the texts
 * (measured on the sample's charts, with room to spare).
 */
const chartBytes = (spec: ChartSpec) => 3000 + 1200 * spec.series.length + Math.ceil(jsonBytes(spec) / 2);

function contentStep(key: SheetKey, step: WriteStep): BuildStep {
  return {
    what: step.what,
    bytes: step.bytes,
    queue: (batch) => step.queue(batch.sheet(key)),
    split: () => step.split()?.map((s) => contentStep(key, s)) ?? null,
  };
}

/**
 * The build as steps: the new sheets with their marks first, then each sheet's content, then the charts. Showing
 * the summary is not among them: it is the swap's last call (swap.ts), best effort.
 */
function buildSteps(
  plan: SheetPlan,
  runId: string,
  updatedInPlace: (key: SheetKey) => boolean = () => false,
  sheetNames: Partial<Record<SheetKey, string>> = Object.fromEntries(plan.sheets.map((p) => [p.key, p.name])),
): BuildStep[] {
  const marks = (key: SheetKey) => ({
    [OWNER_KEY]: OWNER_VALUE,
    [ROLE_KEY]: key,
    [NAME_KEY]: buildingName(key, runId),
    [RUN_KEY]: runId,
  });
  const make: BuildStep = {
    what: "the new sheets",
    bytes: plan.sheets.reduce(
      (n, p) =>
        n +
        pathBytes(3, "Add", [buildingName(p.key, runId)]) +
        INSTANTIATE_BYTES +
        navigationBytes("CustomProperties") +
        Object.entries(marks(p.key)).reduce((m, kv) => m + pathBytes(3, "Add", kv) + INSTANTIATE_BYTES, 0),
      0,
    ),
    queue: (batch) => {
      plan.sheets.forEach((planned) => {
        const sheet = batch.worksheets.add(buildingName(planned.key, runId));
        mark(sheet, marks(planned.key));
        batch.made(planned.key, sheet);
      });
    },
    split: () => null,
  };
  const content = plan.sheets.flatMap((planned) =>
    contentSteps(planned).map((step) => contentStep(planned.key, step)),
  );
  // A sheet updated in place gets its charts drawn again by the swap, on itself: drawing them on its working copy
  // too would send each chart twice.
  const charts = plan.sheets.flatMap((planned) =>
    (updatedInPlace(planned.key) ? [] : planned.charts).map((spec): BuildStep => ({
      what: `the chart "${spec.title}"`,
      bytes: chartBytes(spec),
      charts: true,
      queue: (batch) => {
        const sheets = Object.fromEntries(plan.sheets.map((p) => [p.key, batch.sheet(p.key)]));
        queueCharts(batch.sheet(planned.key), { ...planned, charts: [spec] }, sheets);
      },
      split: () => null,
    })),
  );
  // Links name the final sheets from the start: Excel does not rewrite a link's text when a sheet is renamed.
  const links = plan.sheets
    .filter((planned) => (planned.links ?? []).length > 0)
    .map((planned): BuildStep => ({
      what: `the links on ${planned.name}`,
      bytes: (planned.links ?? []).reduce(
        (n, l) =>
          n +
          untrackedRangeBytes("GetRange", [l.cell]) +
          setBytes(
            "Hyperlink",
            jsonBytes({ documentReference: `'${sheetNames[l.target.sheet] ?? ""}'!${l.target.cell}` }),
          ),
        0,
      ),
      queue: (batch) => queueLinks(batch.sheet(planned.key), planned, sheetNames),
      split: () => null,
    }));
  return [make, ...content, ...links, ...charts];
}

/**
 * The writer's estimate of the build's request bytes, as one request (what a refresh sends when it fits): the sum
 * its batching plans from, for tests and the benchmark to hold against the bytes Office.js really sends.
 */
export function estimateBuildBytes(plan: SheetPlan, runId: string): number {
  return buildSteps(plan, runId).reduce((n, step) => n + step.bytes, BATCH_BASE_BYTES);
}

/**
 * Sends the steps in as few requests as the budget allows. A request Excel refuses for its size (its estimate
 * fell short) applied nothing: it is cut in two and sent again, down to single steps and then their parts.
 */
async function sendBuild(
  context: Excel.RequestContext,
  sync: CountingSync,
  steps: BuildStep[],
  options: {
    budget: number;
    /** Queues what every request of the build starts with; `first` until a request has gone through. */
    prepare: (first: boolean) => void;
    sheetName: (key: SheetKey) => string;
    onCharts: () => void;
  },
): Promise<void> {
  const fit = (step: BuildStep): BuildStep[] => {
    if (step.bytes + BATCH_BASE_BYTES <= options.budget) return [step];
    const parts = step.split();
    return parts ? parts.flatMap(fit) : [step];
  };
  const pending = steps.flatMap(fit);
  let budget = options.budget;
  let maxSteps = Infinity;
  let chartsStarted = false;
  let sent = false;
  while (pending.length) {
    const batch: BuildStep[] = [];
    let bytes = BATCH_BASE_BYTES;
    while (
      pending.length &&
      batch.length < maxSteps &&
      (batch.length === 0 || bytes + pending[0].bytes <= budget)
    ) {
      const next = pending.shift() as BuildStep;
      batch.push(next);
      bytes += next.bytes;
    }
    if (!chartsStarted && batch.some((s) => s.charts)) {
      chartsStarted = true;
      options.onCharts();
    }
    const made: Partial<Record<SheetKey, Excel.Worksheet>> = {};
    const found: Partial<Record<SheetKey, Excel.Worksheet>> = {};
    const worksheets = context.workbook.worksheets;
    const view: BuildBatch = {
      worksheets,
      made: (key, sheet) => (made[key] = sheet),
      sheet: (key) => made[key] ?? (found[key] ??= worksheets.getItem(options.sheetName(key))),
    };
    options.prepare(!sent);
    for (const step of batch) step.queue(view);
    try {
      await sync();
      sent = true;
    } catch (error) {
      if (!PAYLOAD_TOO_LARGE_CODES.includes(errorCode(error))) throw error;
      // Nothing of a refused request was applied: send its steps again, in smaller requests.
      if (batch.length > 1) {
        maxSteps = Math.ceil(batch.length / 2);
        budget = Math.max(BATCH_BASE_BYTES, Math.min(budget, Math.floor(bytes / 2)));
        pending.unshift(...batch);
        continue;
      }
      const parts = batch[0].split();
      if (!parts) throw new TooLargeForExcel(batch[0].what, error);
      pending.unshift(...parts);
    }
  }
}

/**
 * Undoes a failed write from what is really in the workbook: deletes this run's sheets (found by their marks or,
 * if the marks were never written, by their working names) and gives set-aside sheets their names back.
 * Returns false when that could not be done.
 */
export async function restore(
  context: Excel.RequestContext,
  sync: CountingSync,
  runId: string,
  plan: SheetPlan,
): Promise<boolean> {
  try {
    const current = await listSheets(context, sync);
    const workingNames = new Set(plan.sheets.map((p) => buildingName(p.key, runId)));
    const worksheets = context.workbook.worksheets;
    const ours = current.filter(
      (s) =>
        workingNames.has(s.name) ||
        // A copy this run kept of an edited summary: the summary itself is still there, as edited.
        s.properties[KEPT_BY_KEY] === runId ||
        (s.properties[OWNER_KEY] === OWNER_VALUE &&
          s.properties[RUN_KEY] === runId &&
          !s.properties[RESTORE_KEY] &&
          !s.properties[UPDATING_KEY]),
    );
    for (const sheet of ours) worksheets.getItem(sheet.name).delete();
    const asideNames = new Set((["summary", "data"] as SheetKey[]).map((role) => setAsideName(role, runId)));
    const asides = current.filter(
      (s) => s.properties[OWNER_KEY] === OWNER_VALUE && asideNames.has(s.name) && s.properties[RESTORE_KEY],
    );
    for (const aside of asides) {
      const original = aside.properties[RESTORE_KEY];
      const sheet = worksheets.getItem(aside.name);
      sheet.name = original;
      mark(sheet, { [NAME_KEY]: original });
      sheet.customProperties.getItem(RESTORE_KEY).delete();
    }
    if (ours.length || asides.length) await sync();
    return true;
  } catch {
    return false;
  }
}
