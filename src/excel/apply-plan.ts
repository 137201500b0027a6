// Writes a sheet plan into the live workbook atomically: the new summary is built in sheets with working names,
// and only once complete does it replace the previous one. On any failure the working sheets are removed and the
// previous summary is put back as it was. Only sheets carrying the add-in's marks are ever renamed or deleted.
import type { ChartSpec, SheetKey, SheetPlan } from "../layout/plan";
import type { StoredOutcome } from "./api";
import {
  buildingName,
  BUILDING_PREFIX,
  chooseSheetName,
  isLeftover,
  isLiveAddinSheet,
  LAST_OUTCOME_KEY,
  NAME_KEY,
  OWNER_KEY,
  OWNER_VALUE,
  RESTORE_KEY,
  roleOf,
  ROLE_KEY,
  RUN_KEY,
  setAsideName,
  newRunId,
  type SheetInventoryItem,
} from "./ownership";
import { queueCharts } from "./render";
import { INSTANTIATE_BYTES, jsonBytes, navigationBytes, pathBytes, setBytes } from "./request-size";
import { countingSync, errorCode, errorText, PAYLOAD_TOO_LARGE_CODES, type CountingSync } from "./sync";
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
}

/** A build sync refused for its size even at the smallest part: sending it again cannot help. */
class TooLargeForExcel extends Error {
  readonly code: string;
  constructor(what: string, cause: unknown) {
    super(`${errorText(cause)} Even ${what} alone is more than Excel takes in one request.`);
    this.code = errorCode(cause) || "RequestPayloadSizeLimitExceeded";
  }
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
 * charts); sync 2 sets the previous summary aside, gives the new sheets their names, stores the outcome and
 * deletes what was set aside. Any failure is undone by `restore`, which works from the marks actually in the
 * workbook.
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

  // Names: the preferred name unless a sheet of the user's holds it.
  const names: Partial<Record<SheetKey, string>> = {};
  let nameTakenByUserSheet = false;
  for (const planned of plan.sheets) {
    const chosen = chooseSheetName(planned.name, planned.key, inventory, Object.values(names));
    names[planned.key] = chosen.name;
    if (planned.key === "summary") nameTakenByUserSheet = chosen.takenByUserSheet;
  }
  const previous = inventory.filter((s) => isLiveAddinSheet(s) && !isLeftover(s));
  const previousOf = (key: SheetKey) => previous.find((s) => roleOf(s) === key);
  const result = (ok: boolean, extra: Partial<ApplyPlanResult> = {}): ApplyPlanResult => ({
    ok,
    sheetNames: names,
    nameTakenByUserSheet,
    failedStep: null,
    error: "",
    previousIntact: true,
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
    const anchor = previousOf("summary")?.position;
    await sendBuild(context, sync, buildSteps(plan, runId, anchor), {
      budget: options.writeBudgetBytes ?? WRITE_BUDGET_BYTES,
      prepare: () => suspend(context, isSetSupported),
      sheetName: (key) => buildingName(key, runId),
      onCharts: () => {
        at.step = "charts";
        options.onProgress?.("charts");
      },
    });
  } catch (error) {
    const intact = await restore(context, sync, runId, plan);
    return result(false, {
      failedStep: at.step === "charts" && isChartFault(error) ? "charts" : "writing",
      error: errorText(error),
      previousIntact: intact,
      retryable: !(error instanceof TooLargeForExcel),
      syncs: sync.count - start,
    });
  }

  // Sync 2: swap.
  try {
    suspend(context, isSetSupported);
    const worksheets = context.workbook.worksheets;
    // Working sheets left by an interrupted run, and old copies superseded by a live summary, go first.
    for (const leftover of inventory.filter(isLeftover)) {
      const role = roleOf(leftover);
      if (leftover.name.startsWith(BUILDING_PREFIX) || (role && previousOf(role))) {
        worksheets.getItem(leftover.name).delete();
      }
    }
    const setAside: string[] = [];
    for (const old of previous) {
      const role = roleOf(old) as SheetKey;
      const aside = setAsideName(role, runId);
      const sheet = worksheets.getItem(old.name);
      sheet.name = aside;
      mark(sheet, { [NAME_KEY]: aside, [RESTORE_KEY]: old.name });
      setAside.push(aside);
    }
    for (const planned of plan.sheets) {
      const sheet = worksheets.getItem(buildingName(planned.key, runId));
      const finalName = names[planned.key] as string;
      sheet.name = finalName;
      mark(sheet, { [NAME_KEY]: finalName });
      if (planned.key === "summary") sheet.activate();
    }
    if (options.outcome) {
      const outcome = options.outcome({ sheetName: names.summary ?? "", nameTakenByUserSheet });
      context.workbook.settings.add(LAST_OUTCOME_KEY, outcome);
    }
    // Deleting last: if anything above fails, the previous summary still exists and is renamed back.
    for (const aside of setAside) worksheets.getItem(aside).delete();
    await sync();
  } catch (error) {
    const intact = await restore(context, sync, runId, plan);
    return result(false, {
      failedStep: "writing",
      error: errorText(error),
      previousIntact: intact,
      syncs: sync.count - start,
    });
  }
  return result(true);
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

/** The build as steps: the new sheets with their marks first, then each sheet's content, then the charts. */
function buildSteps(plan: SheetPlan, runId: string, anchor: number | undefined): BuildStep[] {
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
        Object.entries(marks(p.key)).reduce((m, kv) => m + pathBytes(3, "Add", kv) + INSTANTIATE_BYTES, 0) +
        setBytes("Position", 4),
      0,
    ),
    queue: (batch) => {
      plan.sheets.forEach((planned, i) => {
        const sheet = batch.worksheets.add(buildingName(planned.key, runId));
        mark(sheet, marks(planned.key));
        // Take the previous summary's place in the tab order (it moves right until it is deleted).
        if (anchor !== undefined) sheet.position = anchor + i;
        batch.made(planned.key, sheet);
      });
    },
    split: () => null,
  };
  const content = plan.sheets.flatMap((planned) =>
    contentSteps(planned).map((step) => contentStep(planned.key, step)),
  );
  const charts = plan.sheets.flatMap((planned) =>
    planned.charts.map((spec): BuildStep => ({
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
  return [make, ...content, ...charts];
}

/**
 * The writer's estimate of the build's request bytes, as one request (what a refresh sends when it fits): the sum
 * its batching plans from, for tests and the benchmark to hold against the bytes Office.js really sends.
 */
export function estimateBuildBytes(plan: SheetPlan, runId: string, anchor?: number): number {
  return buildSteps(plan, runId, anchor).reduce((n, step) => n + step.bytes, BATCH_BASE_BYTES);
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
    prepare: () => void;
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
    options.prepare();
    for (const step of batch) step.queue(view);
    try {
      await sync();
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
        (s.properties[OWNER_KEY] === OWNER_VALUE &&
          s.properties[RUN_KEY] === runId &&
          !s.properties[RESTORE_KEY]),
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
