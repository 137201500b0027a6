// The workbook gateway: read the tracker, run the engine, lay out and write the summary, and keep the outcome
// in the workbook. Engine and layout are passed in, so the whole refresh can be tested against any ExcelRunner.
import {
  SAVED_MAPPING_KEY,
  SAVED_SETTINGS_KEY,
  type EngineOptions,
  type SettingsOverrides,
} from "../core/engine-api";
import type { Issue, PortfolioSummary, Severity } from "../core/model";
import { issueLocation, plural } from "../core/wording";
import type { RawWorkbook } from "../core/raw";
import type { SheetPlan } from "../layout/plan";
import type {
  ExcelRunner,
  RefreshOptions,
  RefreshOutcome,
  RefreshStep,
  StoredOutcome,
  WorkbookGateway,
} from "./api";
import { applyPlan, officeIsSetSupported, type IsSetSupported } from "./apply-plan";
import type { ReadLimits } from "./blocks";
import { LAST_OUTCOME_KEY, newRunId } from "./ownership";
import { readWorkbook, readWorkbookDetailed, type SheetWalk } from "./read";
import { countingSync, errorText } from "./sync";

export interface GatewayDeps {
  runEngine: (raw: RawWorkbook, options?: EngineOptions) => PortfolioSummary;
  planSheets: (summary: PortfolioSummary) => SheetPlan;
  isSetSupported?: IsSetSupported;
  /** Read batching limits (tests shrink them to exercise blocking on small sheets). */
  readLimits?: ReadLimits;
  newRunId?: () => string;
}

const NO_ISSUES: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
const UNCHANGED = "The previous summary is unchanged.";

/** "Risk Register!G9: " before an issue's message; nothing for a problem with the workbook as a whole. */
const where = (issue: Issue): string => (issue.sheet ? `${issueLocation(issue, "sentence")}: ` : "");

/** The sentence shown in the pane (and stored in the workbook) for each way a refresh can end. */
export const messages = {
  written(summary: PortfolioSummary, sheetName: string, takenByUser: boolean): string {
    const flagged = summary.variances.length;
    const warnings = summary.issueCounts.warning;
    const parts = [
      `"${sheetName}" refreshed: ${plural(flagged, "variance")} flagged` +
        (warnings ? `, ${plural(warnings, "warning")} to review.` : "."),
    ];
    if (takenByUser) {
      parts.push(`A sheet of yours is already called "Portfolio Summary", so it was left alone.`);
    }
    return parts.join(" ");
  },
  trackerErrors(summary: PortfolioSummary): string {
    const errors = summary.issues.filter((i) => i.severity === "error");
    const first = errors[0];
    return (
      `The tracker has ${plural(summary.issueCounts.error, "problem")} that must be fixed before the summary can be ` +
      `refreshed` +
      (first ? ` (first: ${where(first)}${first.message})` : "") +
      `. ${UNCHANGED} Open Review to see each problem and go to its cell.`
    );
  },
  readFailed(reason: string): string {
    return `The tracker could not be read (${reason}). Nothing was changed; try Refresh summary again.`;
  },
  computeFailed(reason: string): string {
    return (
      `The summary could not be worked out (${reason}). ${UNCHANGED} ` +
      `This is a fault in the add-in rather than in your tracker: please report it with the workbook.`
    );
  },
  writeFailed(reason: string, step: RefreshStep, intact: boolean, retryable = true): string {
    const what = step === "charts" ? "drawing the charts" : "writing the summary sheet";
    if (!intact) {
      return (
        `Something went wrong while ${what} (${reason}), and the previous summary could not be fully put back. ` +
        `Close the workbook without saving and open it again.`
      );
    }
    // Refreshing again would send the same parts and meet the same refusal, so there is no point asking for it.
    if (!retryable) {
      return (
        `Excel refused the summary sheet (${reason}). ${UNCHANGED} This is a limit of Excel that the add-in ` +
        `could not get under: please report it with the workbook.`
      );
    }
    return `Something went wrong while ${what} (${reason}). ${UNCHANGED} Try Refresh summary again.`;
  },
};

export function createGatewayWith(run: ExcelRunner, deps: GatewayDeps): WorkbookGateway {
  const isSetSupported = deps.isSetSupported ?? officeIsSetSupported;
  const makeRunId = deps.newRunId ?? (() => newRunId());

  async function refresh(options: RefreshOptions = {}): Promise<RefreshOutcome> {
    const runId = makeRunId();
    const progress = (step: RefreshStep) => options.onProgress?.(step);
    // Once the tracker is read: how the sheets were walked (kept in the workbook), and what was read.
    let sheetWalk: SheetWalk | undefined;
    let rawRead: RawWorkbook | undefined;
    const finish = (fields: Omit<RefreshOutcome, "runId" | "at">): RefreshOutcome => ({
      runId,
      at: (options.now ?? new Date()).toISOString(),
      ...fields,
      ...(sheetWalk ? { sheetWalk } : {}),
      // Only a failed run needs it (the pane may open the mapping step on it); a summary does not keep it alive.
      ...(rawRead && !fields.ok ? { raw: rawRead } : {}),
    });
    try {
      return await run(async (context) => {
        const sync = countingSync(context);
        const failed = async (fields: Omit<RefreshOutcome, "runId" | "at" | "syncs" | "ok">) => {
          const outcome = finish({ ...fields, ok: false, syncs: 0 });
          // Best effort: the pane still hears of the failure from the return value if this cannot be stored.
          try {
            context.workbook.settings.add(LAST_OUTCOME_KEY, stored(outcome));
            await sync();
          } catch {
            /* the outcome is returned below either way */
          }
          return { ...outcome, syncs: sync.count };
        };
        const base = { summary: null, nameTakenByUserSheet: false, sheetName: null, flaggedVariances: 0 };

        progress("reading");
        let read;
        try {
          read = await readWorkbookDetailed(context, { sync, limits: deps.readLimits });
          sheetWalk = read.sheetWalk;
          rawRead = read.raw;
        } catch (error) {
          return failed({
            ...base,
            issueCounts: { ...NO_ISSUES },
            failedStep: "reading",
            message: messages.readFailed(errorText(error)),
          });
        }

        progress("checking");
        let summary: PortfolioSummary;
        let plan: SheetPlan;
        try {
          summary = deps.runEngine(read.raw, {
            now: options.now,
            settingsOverrides: options.settingsOverrides,
          });
        } catch (error) {
          return failed({
            ...base,
            issueCounts: { ...NO_ISSUES },
            failedStep: "checking",
            message: messages.computeFailed(errorText(error)),
          });
        }
        const counts = { ...NO_ISSUES, ...summary.issueCounts };
        if (counts.error > 0) {
          return failed({
            ...base,
            summary,
            issueCounts: counts,
            flaggedVariances: summary.variances.length,
            failedStep: "checking",
            message: messages.trackerErrors(summary),
          });
        }

        progress("computing");
        try {
          plan = deps.planSheets(summary);
        } catch (error) {
          return failed({
            ...base,
            summary,
            issueCounts: counts,
            failedStep: "computing",
            message: messages.computeFailed(errorText(error)),
          });
        }

        const written = await applyPlan(context, plan, {
          runId,
          inventory: read.inventory,
          sync,
          isSetSupported,
          onProgress: progress,
          outcome: ({ sheetName, nameTakenByUserSheet }) =>
            stored(
              finish({
                ...base,
                ok: true,
                summary,
                sheetName,
                nameTakenByUserSheet,
                issueCounts: counts,
                flaggedVariances: summary.variances.length,
                failedStep: null,
                message: messages.written(summary, sheetName, nameTakenByUserSheet),
                syncs: 0,
              }),
            ),
        });
        const sheetName = written.sheetNames.summary ?? null;
        if (!written.ok) {
          const step = written.failedStep ?? "writing";
          return failed({
            ...base,
            summary,
            issueCounts: counts,
            flaggedVariances: summary.variances.length,
            failedStep: step,
            nameTakenByUserSheet: written.nameTakenByUserSheet,
            message: messages.writeFailed(written.error, step, written.previousIntact, written.retryable),
          });
        }
        return finish({
          ok: true,
          summary,
          sheetName,
          nameTakenByUserSheet: written.nameTakenByUserSheet,
          issueCounts: counts,
          flaggedVariances: summary.variances.length,
          failedStep: null,
          message: messages.written(summary, sheetName ?? "", written.nameTakenByUserSheet),
          syncs: sync.count,
        });
      });
    } catch (error) {
      // Excel.run itself failed (the workbook closed, the host went away): nothing could be stored.
      return finish({
        ok: false,
        summary: null,
        sheetName: null,
        nameTakenByUserSheet: false,
        flaggedVariances: 0,
        issueCounts: { ...NO_ISSUES },
        failedStep: "reading",
        message: messages.readFailed(errorText(error)),
        syncs: 0,
      });
    }
  }

  async function readSetting<T>(key: string): Promise<T | null> {
    return run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key).load("value");
      await context.sync();
      return setting.isNullObject ? null : (setting.value as T);
    });
  }

  return {
    refresh,
    async selectRange(sheet, address) {
      await run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        await context.sync();
        worksheet.getRange(address).select();
        await context.sync();
      });
    },
    async loadSettings() {
      const value = await readSetting<SettingsOverrides>(SAVED_SETTINGS_KEY);
      return value && typeof value === "object" ? value : {};
    },
    async saveSettings(settings) {
      await run(async (context) => {
        context.workbook.settings.add(SAVED_SETTINGS_KEY, settings);
        await context.sync();
      });
    },
    async loadLastOutcome() {
      const value = await readSetting<StoredOutcome>(LAST_OUTCOME_KEY);
      return value && typeof value === "object" ? value : null;
    },
    readRaw(options = {}) {
      return run((context) => readWorkbook(context, { limits: deps.readLimits, headRows: options.headRows }));
    },
    loadMapping() {
      return readSetting<unknown>(SAVED_MAPPING_KEY);
    },
    async saveMapping(mapping) {
      await run(async (context) => {
        if (mapping) {
          context.workbook.settings.add(SAVED_MAPPING_KEY, mapping);
        } else {
          const setting = context.workbook.settings.getItemOrNullObject(SAVED_MAPPING_KEY);
          await context.sync();
          if (setting.isNullObject) return;
          setting.delete();
        }
        await context.sync();
      });
    },
  };
}

/** The part of an outcome kept in the workbook: plain JSON, without the summary itself. */
export function stored(outcome: RefreshOutcome): StoredOutcome {
  return {
    runId: outcome.runId,
    at: outcome.at,
    ok: outcome.ok,
    sheetName: outcome.sheetName,
    flaggedVariances: outcome.flaggedVariances,
    issueCounts: outcome.issueCounts,
    message: outcome.message,
    ...(outcome.sheetWalk ? { sheetWalk: outcome.sheetWalk } : {}),
  };
}
