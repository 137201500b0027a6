// The workbook gateway: read the tracker, run the engine, lay out and write the summary, and keep the outcome
// in the workbook. Engine and layout are passed in, so the whole refresh can be tested against any ExcelRunner.
//
// A refresh of an ordinary tracker is four syncs, and what makes a shared workbook safe rides them:
//  1. the read's walk of the sheets, with whether the workbook is read-only or its structure protected, and the
//     settings (the lease of a refresh under way elsewhere);
//  2. the tracker's values, with this run's lease and what the summary already there holds (protection, the
//     fingerprint of what the add-in wrote, its charts, the settings backed up on it);
//  3. the build of the working sheets, with a copy of the summary kept if someone typed on it, and a check that
//     the lease is still this run's;
//  4. the swap (swap.ts), which updates the summary in place, stores the outcome and frees the lease.
import {
  SAVED_MAPPING_KEY,
  SAVED_SETTINGS_KEY,
  type EngineOptions,
  type SettingsOverrides,
} from "../core/engine-api";
import type { PortfolioSummary, Severity } from "../core/model";
import type { RawWorkbook } from "../core/raw";
import type { SheetPlan } from "../layout/plan";
import type { ExcelRunner, RefreshOptions, RefreshOutcome, RefreshProblem, WorkbookGateway } from "./api";
import type { IsSetSupported } from "./apply-plan";
import type { ReadLimits } from "./blocks";
import { chartsFingerprint, plannedFingerprint } from "./fingerprint";
import {
  LEASE_KEY,
  mayStart,
  newRuntimeId,
  parseLease,
  released,
  stillHeld,
  takeLease,
  type Lease,
  type RefreshSource,
} from "./lease";
import { isAccessDenied, isCellEditError, isLoadError, messages } from "./messages";
import {
  BACKUP_KEY,
  CHARTS_KEY,
  FINGERPRINT_KEY,
  KEPT_BY_KEY,
  keptSheetName,
  LAST_OUTCOME_KEY,
  NAME_KEY,
  newRunId,
  OWNER_KEY,
  OWNER_VALUE,
  ROLE_KEY,
  type SheetInventoryItem,
} from "./ownership";
import { readWorkbook, readWorkbookDetailed, type SheetWalk } from "./read";
import { BACKED_UP_SETTINGS, queueEditCheck, queueProbe, type ProbeResult } from "./summary-probe";
import type { SwapExtras } from "./swap";
import { backupOf, selectCell, settingsAccess, stored, watchSettings } from "./gateway-settings";

import { countingSync, errorText } from "./sync";

export interface GatewayDeps {
  /** May load the engine on demand (the entry point does, as it does the layout). */
  runEngine: (raw: RawWorkbook, options?: EngineOptions) => PortfolioSummary | Promise<PortfolioSummary>;
  /** May load the layout on demand (the entry point does). */
  planSheets: (summary: PortfolioSummary) => SheetPlan | Promise<SheetPlan>;
  isSetSupported?: IsSetSupported;
  /** Read batching limits (tests shrink them to exercise blocking on small sheets). */
  readLimits?: ReadLimits;
  /** Request budget per write sync (default the writer's WRITE_BUDGET_BYTES; tests shrink it). */
  writeBudgetBytes?: number;
  newRunId?: () => string;
  /** Where this gateway's refreshes are started (the pane by default), told to others through the lease. */
  source?: RefreshSource;
  /** Id of this runtime, so its own leases are known (a new random id by default). */
  runtimeId?: string;
  /** Clock for the lease (default: the refresh's `now`, else the time of day). */
  clock?: () => Date;
}

const NO_ISSUES: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

/** A refresh stopped on purpose, with its own message: thrown out of the read's first-sync check. */
class Stop extends Error {
  constructor(
    readonly problem: RefreshProblem,
    message: string,
    /** Whether the outcome may be stored (not in a read-only workbook, nor over another refresh's). */
    readonly store: boolean,
  ) {
    super(message);
  }
}

export function createGatewayWith(run: ExcelRunner, deps: GatewayDeps): WorkbookGateway {
  const makeRunId = deps.newRunId ?? (() => newRunId());
  const source: RefreshSource = deps.source ?? "pane";
  const runtimeId = deps.runtimeId ?? newRuntimeId();

  async function refresh(options: RefreshOptions = {}): Promise<RefreshOutcome> {
    const runId = makeRunId();
    const clock = () => deps.clock?.() ?? options.now ?? new Date();
    const progress = options.onProgress ?? (() => {});
    let keptSheet: string | null = null;
    // Once the tracker is read: how the sheets were walked (kept in the workbook), and what was read.
    let sheetWalk: SheetWalk | undefined;
    let rawRead: RawWorkbook | undefined;
    const finish = (
      fields: Omit<RefreshOutcome, "runId" | "at" | "source" | "keptSheet">,
    ): RefreshOutcome => ({
      runId,
      at: (options.now ?? new Date()).toISOString(),
      source,
      keptSheet,
      ...fields,
      ...(sheetWalk ? { sheetWalk } : {}),
      // Only a failed run needs it (the pane may open the mapping step on it); a summary does not keep it alive.
      ...(rawRead && !fields.ok ? { raw: rawRead } : {}),
    });
    const base = {
      summary: null,
      nameTakenByUserSheet: false,
      sheetName: null,
      flaggedVariances: 0,
      issueCounts: { ...NO_ISSUES },
    };
    try {
      return await run(async (context) => {
        const sync = countingSync(context);
        let lease: Lease | null = null;
        /** Ends the run: stores the outcome (and frees the lease) unless told not to. */
        const failed = async (
          fields: Omit<RefreshOutcome, "runId" | "at" | "syncs" | "ok" | "source" | "keptSheet">,
          store = true,
        ) => {
          const outcome = finish({ ...fields, ok: false, syncs: 0 });
          if (store) {
            // Best effort: the caller still hears of the failure from the return value if this cannot be stored.
            try {
              context.workbook.settings.add(LAST_OUTCOME_KEY, stored(outcome));
              if (lease) context.workbook.settings.add(LEASE_KEY, released(lease, clock()));
              await sync();
            } catch {
              /* the outcome is returned below either way */
            }
          }
          return { ...outcome, syncs: sync.count };
        };

        progress("reading");
        let read;
        let probe: ((full: SheetInventoryItem[]) => ProbeResult) | null = null;
        let probedAt = -1;
        let guards: { workbook: Excel.Workbook; protection: Excel.WorkbookProtection } | null = null;
        try {
          read = await readWorkbookDetailed(context, {
            sync,
            limits: deps.readLimits,
            firstSync: {
              queue: () => {
                guards = {
                  workbook: context.workbook.load("readOnly"),
                  protection: context.workbook.protection.load("protected"),
                };
              },
              check: ({ inventory, sheets, settings }) => {
                const g = guards as NonNullable<typeof guards>;
                if (g.workbook.readOnly) throw new Stop("readOnly", messages.readOnly(), false);
                if (g.protection.protected) throw new Stop("protected", messages.protectedStructure(), true);
                const found = parseLease(settings[LEASE_KEY]);
                const now = clock();
                // A lease this runtime took for an earlier run is one that run left: it is not running now.
                if (found && !mayStart(found, runId, now) && found.runtime !== runtimeId)
                  throw new Stop("busy", messages.busy(found, false), false);
                lease = takeLease(runId, source, runtimeId, now);
                context.workbook.settings.add(LEASE_KEY, lease);
                probe = queueProbe(inventory, sheets);
                probedAt = sync.count;
              },
            },
          });
          sheetWalk = read.sheetWalk;
          rawRead = read.raw;
        } catch (error) {
          if (error instanceof Stop)
            return failed(
              { ...base, failedStep: "reading", problem: error.problem, message: error.message },
              error.store,
            );
          if (isCellEditError(error))
            return failed(
              { ...base, failedStep: "reading", problem: "cellEdit", message: messages.cellEdit() },
              false,
            );
          return failed({
            ...base,
            failedStep: "reading",
            problem: isAccessDenied(error) ? "readOnly" : "fault",
            message: isAccessDenied(error)
              ? messages.refused(errorText(error), "unchanged", [])
              : messages.readFailed(errorText(error)),
          });
        }
        // The probe rides the read's second sync; a workbook with no tracker values to read has none.
        if (probe && sync.count === probedAt) await sync();
        const live: ProbeResult = probe
          ? (probe as (full: SheetInventoryItem[]) => ProbeResult)(read.inventory)
          : { summary: null, data: null };
        for (const sheet of [live.summary, live.data]) {
          if (sheet?.protected)
            return failed({
              ...base,
              failedStep: "reading",
              problem: "sheetProtected",
              message: messages.protectedSheet(sheet.name),
            });
        }
        // Settings the workbook lost, put back from the copy kept on the summary sheet.
        const savedSettings = (read.raw.savedSettings ??= {});
        const restored: { key: string; value: unknown }[] = [];
        for (const key of BACKED_UP_SETTINGS) {
          if (!(key in savedSettings) && live.summary && key in live.summary.backup) {
            savedSettings[key] = live.summary.backup[key];
            restored.push({ key, value: live.summary.backup[key] });
          }
        }

        progress("checking");
        let summary: PortfolioSummary;
        let plan: SheetPlan;
        try {
          summary = await deps.runEngine(read.raw, {
            now: options.now,
            settingsOverrides: options.settingsOverrides,
          });
        } catch (error) {
          return failed({
            ...base,
            failedStep: "checking",
            problem: "fault",
            message: isLoadError(error)
              ? messages.loadFailed(errorText(error))
              : messages.computeFailed(errorText(error)),
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
            problem: "tracker",
            message: messages.trackerErrors(summary, live.summary !== null),
          });
        }

        progress("computing");
        let writer: typeof import("./apply-plan");
        try {
          // The writer loads with the first refresh (a chunk of its own in the pane's build), as the layout may.
          [plan, writer] = await Promise.all([deps.planSheets(summary), import("./apply-plan")]);
        } catch (error) {
          return failed({
            ...base,
            summary,
            issueCounts: counts,
            failedStep: "computing",
            problem: "fault",
            message: isLoadError(error)
              ? messages.loadFailed(errorText(error))
              : messages.computeFailed(errorText(error)),
          });
        }

        // Riding the build's first sync (queued again should Excel refuse that request for its size): the lease as
        // it stands now (before anything is replaced), the settings put back, and the summary's values, to tell
        // whether someone typed on it.
        let leaseNow: Excel.Setting | null = null;
        let edited: () => boolean = () => false;
        const withFirstRequest = () => {
          leaseNow = context.workbook.settings.getItemOrNullObject(LEASE_KEY).load("value");
          for (const { key, value } of restored) context.workbook.settings.add(key, value);
          if (live.summary) edited = queueEditCheck(context, live.summary);
        };
        const backup = backupOf(savedSettings);
        const plannedSummary = plan.sheets.find((p) => p.key === "summary");
        const charts = chartsFingerprint(plannedSummary?.charts ?? []);
        const swapExtras: SwapExtras = {
          marks: {
            summary: {
              [FINGERPRINT_KEY]: plannedFingerprint(plannedSummary?.values ?? []),
              [BACKUP_KEY]: backup,
              [CHARTS_KEY]: charts,
            },
          },
          // The charts on a summary and data sheet both updated in place read the refreshed cells by themselves:
          // drawn again only when the plan draws others (or one of them is gone).
          chartsUnchanged:
            live.summary !== null &&
            live.data !== null &&
            live.summary.chartsFingerprint === charts &&
            (plannedSummary?.charts ?? []).every((c) => live.summary?.charts.includes(c.id)),
          settings: lease ? [{ key: LEASE_KEY, value: released(lease, clock()) }] : [],
          liveCharts: live.summary?.charts ?? [],
          liveTables: { summary: live.summary?.tables ?? [], data: live.data?.tables ?? [] },
          takenTableNames: (read.raw.tables ?? []).map((t) => t.name),
        };
        const flagged = summary.variances.length;
        const written = await writer.applyPlan(context, plan, {
          runId,
          inventory: read.inventory,
          sync,
          isSetSupported: deps.isSetSupported ?? writer.officeIsSetSupported,
          onProgress: progress,
          activate: live.summary ? live.summary.visible : true,
          withFirstRequest,
          writeBudgetBytes: deps.writeBudgetBytes,
          history: { read: read.raw.history },
          beforeSwap: () => {
            const now = leaseNow as Excel.Setting | null;
            const found = !now || now.isNullObject ? null : now.value;
            if (!stillHeld(found, runId, clock())) return "another refresh took over";
            if (live.summary && edited()) {
              // Kept first in the swap, marked as a summary kept under another name (like one the user renamed
              // to keep): never replaced, never read as part of the tracker. Excel does not copy custom properties.
              keptSheet = keptSheetName(options.now ?? new Date(), read.inventory);
              swapExtras.keep = {
                name: keptSheet,
                marks: {
                  [OWNER_KEY]: OWNER_VALUE,
                  [ROLE_KEY]: "summary",
                  [NAME_KEY]: live.summary.name,
                  [KEPT_BY_KEY]: runId,
                },
              };
            }
            return null;
          },
          swap: swapExtras,
          outcome: ({ sheetName, nameTakenByUserSheet }) =>
            stored(
              finish({
                ...base,
                ok: true,
                summary,
                sheetName,
                nameTakenByUserSheet,
                issueCounts: counts,
                flaggedVariances: flagged,
                failedStep: null,
                problem: null,
                message: messages.written(summary, sheetName, {
                  takenByUserSheet: nameTakenByUserSheet,
                  keptSheet,
                  restoredMapping: restored.some((r) => r.key === SAVED_MAPPING_KEY),
                }),
                syncs: 0,
              }),
            ),
        });
        const sheetName = written.sheetNames.summary ?? null;
        if (written.stoppedBy) {
          // Another run holds the lease now: its outcome is the one to keep, so nothing is stored.
          keptSheet = null;
          const now = leaseNow as Excel.Setting | null;
          const holder = parseLease(!now || now.isNullObject ? null : now.value);
          return failed(
            {
              ...base,
              summary,
              issueCounts: counts,
              flaggedVariances: flagged,
              failedStep: "writing",
              problem: "busy",
              message: messages.takenOver(holder, holder?.runtime === runtimeId),
            },
            false,
          );
        }
        if (!written.ok) {
          const step = written.failedStep ?? "writing";
          if (written.state === "unchanged") keptSheet = null;
          const focus = written.focusLost;
          const state = written.state === "complete" ? "unknown" : written.state;
          return failed({
            ...base,
            summary,
            issueCounts: counts,
            flaggedVariances: flagged,
            failedStep: step,
            nameTakenByUserSheet: written.nameTakenByUserSheet,
            problem: focus ? "focus" : written.accessDenied ? "readOnly" : "fault",
            message:
              focus && state !== "unknown"
                ? messages.focus(state, written.leftBehind)
                : written.accessDenied
                  ? messages.refused(written.error, state, written.leftBehind)
                  : messages.writeFailed(written.error, step, state, written.leftBehind, written.retryable),
          });
        }
        const message = messages.written(summary, sheetName ?? "", {
          takenByUserSheet: written.nameTakenByUserSheet,
          keptSheet,
          restoredMapping: restored.some((r) => r.key === SAVED_MAPPING_KEY),
          leftBehind: written.leftBehind,
        });
        const outcome = finish({
          ...base,
          ok: true,
          summary,
          sheetName,
          nameTakenByUserSheet: written.nameTakenByUserSheet,
          issueCounts: counts,
          flaggedVariances: flagged,
          failedStep: null,
          problem: null,
          message,
          syncs: sync.count,
        });
        if (written.leftBehind.length > 0) {
          // The swap ran but its deletes did not: the stored outcome should say so too (best effort).
          try {
            context.workbook.settings.add(LAST_OUTCOME_KEY, stored(outcome));
            await sync();
          } catch {
            /* the outcome is returned either way */
          }
          return { ...outcome, syncs: sync.count };
        }
        return outcome;
      });
    } catch (error) {
      // Excel.run itself failed (the workbook closed, the host went away, a cell being edited).
      const cellEdit = isCellEditError(error);
      return finish({
        ...base,
        ok: false,
        failedStep: "reading",
        problem: cellEdit ? "cellEdit" : "fault",
        message: cellEdit ? messages.cellEdit() : messages.readFailed(errorText(error)),
        syncs: 0,
      });
    }
  }

  const { readSavedSetting, writeSavedSetting, loadLastOutcome } = settingsAccess(run);

  return {
    refresh,
    selectRange: (sheet, address) => selectCell(run, sheet, address),
    async loadSettings() {
      const value = await readSavedSetting(SAVED_SETTINGS_KEY);
      return value && typeof value === "object" ? (value as SettingsOverrides) : {};
    },
    async saveSettings(settings) {
      await writeSavedSetting(SAVED_SETTINGS_KEY, settings);
    },
    loadLastOutcome,
    readRaw(options = {}) {
      return run((context) => readWorkbook(context, { limits: deps.readLimits, headRows: options.headRows }));
    },
    loadMapping() {
      return readSavedSetting(SAVED_MAPPING_KEY);
    },
    async saveMapping(mapping) {
      await writeSavedSetting(SAVED_MAPPING_KEY, mapping ?? null);
    },
    async readSummary(options = {}) {
      const raw = await run((context) => readWorkbook(context, { limits: deps.readLimits }));
      return deps.runEngine(raw, { now: options.now });
    },
    async saveReviewNote(note, expected) {
      let writer: typeof import("./notes-write");
      try {
        // The writer loads with the first save (a chunk of its own in the pane's build).
        writer = await import("./notes-write");
      } catch (error) {
        return {
          ok: false,
          problem: "fault",
          message: `Part of the add-in could not be downloaded (${errorText(error)}). The note was not saved. Check the connection, then save it again.`,
        };
      }
      return writer.saveReviewNote(run, note, { expected, runtimeId, clock: deps.clock });
    },
    watchWorkbook(listener) {
      return watchSettings(run, runtimeId, deps.clock, listener);
    },
  };
}
