// The build of the working sheets as a list of steps, each with its request bytes estimated from the client's own
// JSON shapes (request-size.ts), packed into as few requests as the budget allows. A request Excel refuses for its
// size applied nothing: it is cut in two and sent again, down to single steps and then their parts.
import type { ChartSpec, PlannedHistory, SheetKey, SheetPlan } from "../layout/plan";
import { historyRowSteps, historySheetName, newHistorySheetStep, type HistoryTarget } from "./history";
import { buildingName, NAME_KEY, OWNER_KEY, OWNER_VALUE, ROLE_KEY, RUN_KEY } from "./ownership";
import { queueCharts, queueLinks } from "./render";
import {
  INSTANTIATE_BYTES,
  jsonBytes,
  navigationBytes,
  pathBytes,
  setBytes,
  untrackedRangeBytes,
} from "./request-size";
import { errorCode, errorText, PAYLOAD_TOO_LARGE_CODES, type CountingSync } from "./sync";
import { contentSteps, RangeCache, type WriteStep } from "./write-content";

/**
 * Request budget per sync while building, as Office.js serialises it: under Excel on the web's 5 MB, with room for
 * the estimate's error. A request refused all the same is cut smaller and sent again.
 */
export const WRITE_BUDGET_BYTES = 4_000_000;

/** A build sync refused for its size even at the smallest part: sending it again cannot help. */
export class TooLargeForExcel extends Error {
  readonly code: string;
  constructor(what: string, cause: unknown) {
    super(`${errorText(cause)} Even ${what} alone is more than Excel takes in one request.`);
    this.code = errorCode(cause) || "RequestPayloadSizeLimitExceeded";
  }
}

/** What one build request queues on: the new sheets, made in this request or found by their working names. */
export interface BuildBatch {
  sheet(key: SheetKey): Excel.Worksheet;
  /** Called by the step that makes the new sheets, in the request that makes them. */
  made(key: SheetKey, sheet: Excel.Worksheet): void;
  /** A sheet by its name (the history's), made in this request or found. */
  named(name: string): Excel.Worksheet;
  madeNamed(name: string, sheet: Excel.Worksheet): void;
  readonly worksheets: Excel.WorksheetCollection;
  /** The request's ranges by address: steps over the same cells share one. */
  readonly ranges: RangeCache;
}

export interface BuildStep {
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
    queue: (batch) => step.queue(batch.sheet(key), batch.ranges),
    split: () => step.split()?.map((s) => contentStep(key, s)) ?? null,
  };
}

function namedStep(name: string, step: WriteStep): BuildStep {
  return {
    what: step.what,
    bytes: step.bytes,
    queue: (batch) => step.queue(batch.named(name), batch.ranges),
    split: () => step.split()?.map((s) => namedStep(name, s)) ?? null,
  };
}

/** A new history sheet, where the workbook has none: made in the build, after the working sheets. */
function newHistoryStep(plan: PlannedHistory, target: HistoryTarget, runId: string): BuildStep {
  const name = historySheetName(target);
  const made = newHistorySheetStep(plan, target, runId);
  return {
    what: "the history sheet",
    bytes: made.bytes,
    queue: (batch) => batch.madeNamed(name, made.queue(batch.worksheets, batch.ranges)),
    split: () => null,
  };
}

/**
 * The history's block but its first row (the completion mark, written by the swap), as steps packed and sent like
 * the build's: for a block too large to ride the swap.
 */
export function historyAppendSteps(plan: PlannedHistory, target: HistoryTarget): BuildStep[] {
  const name = historySheetName(target);
  return historyRowSteps(plan, target).map((step) => namedStep(name, step));
}

/**
 * The build as steps: the new sheets with their marks first (a new history sheet after them, so it follows the
 * summary and its data in the tabs), then each sheet's content, the links and the charts. Showing the summary is
 * not among them: it is the swap's last call (swap.ts), best effort.
 */
export function buildSteps(
  plan: SheetPlan,
  runId: string,
  updatedInPlace: (key: SheetKey) => boolean = () => false,
  sheetNames: Partial<Record<SheetKey, string>> = Object.fromEntries(plan.sheets.map((p) => [p.key, p.name])),
  history: HistoryTarget | null = null,
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
        for (const [key, value] of Object.entries(marks(planned.key))) sheet.customProperties.add(key, value);
        batch.made(planned.key, sheet);
      });
    },
    split: () => null,
  };
  const newHistory = history?.create && plan.history ? [newHistoryStep(plan.history, history, runId)] : [];
  // A sheet updated in place is pasted from its working copy, which then needs nothing a paste does not carry.
  const content = plan.sheets.flatMap((planned) =>
    contentSteps(planned, { pasteOnly: updatedInPlace(planned.key) }).map((step) =>
      contentStep(planned.key, step),
    ),
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
  return [make, ...newHistory, ...content, ...links, ...charts];
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
export async function sendBuild(
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
    const byName = new Map<string, Excel.Worksheet>();
    const worksheets = context.workbook.worksheets;
    const view: BuildBatch = {
      worksheets,
      ranges: new RangeCache(),
      made: (key, sheet) => (made[key] = sheet),
      sheet: (key) => made[key] ?? (found[key] ??= worksheets.getItem(options.sheetName(key))),
      madeNamed: (name, sheet) => void byName.set(name, sheet),
      named: (name) => {
        let sheet = byName.get(name);
        if (!sheet) byName.set(name, (sheet = worksheets.getItem(name)));
        return sheet;
      },
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
