// What the refresh needs to know about the summary already in the workbook before it writes: whether it is
// protected or hidden, which of its charts are the add-in's, the settings backed up on it (all queued once the
// first sync has named the sheets, riding the read's second sync), and whether someone typed on it since it was
// written (its values against its fingerprint: read with the build's first sync, whose response is otherwise
// nearly empty, so a long summary never crowds the read's own batches).
import { SAVED_MAPPING_KEY, SAVED_SETTINGS_KEY } from "../core/engine-api";
import type { SheetKey } from "../layout/plan";
import { currentFingerprint } from "./fingerprint";
import {
  BACKUP_KEY,
  CHARTS_KEY,
  FINGERPRINT_KEY,
  isAddinSheet,
  isLeftover,
  isLiveAddinSheet,
  roleOf,
  UPDATING_KEY,
  type SheetInventoryItem,
} from "./ownership";

/** The settings backed up on the summary sheet, restored when the workbook settings lose them. */
export const BACKED_UP_SETTINGS = [SAVED_MAPPING_KEY, SAVED_SETTINGS_KEY] as const;

/** Prefix of the charts the add-in draws ("PS_ehcp_trajectory"); other charts on the summary are the user's. */
const ADDIN_CHART_PREFIX = "PS_";

export interface LiveSheetFacts {
  name: string;
  visible: boolean;
  protected: boolean;
  /** Names of the Excel tables on it (the add-in's tables of the last refresh). */
  tables: string[];
}

export interface LiveSummaryFacts extends LiveSheetFacts {
  /** The fingerprint recorded when the add-in wrote it (absent on a summary written before they were). */
  fingerprint: string | undefined;
  /** Left part-updated by a refresh that stopped half-way: not an edit, and replaced whole. */
  incomplete: boolean;
  /** Names of the add-in's charts on it. */
  charts: string[];
  /** The fingerprint of the charts the add-in drew on it (absent before they were recorded). */
  chartsFingerprint: string | undefined;
  /** Settings backed up on it, by key (only the keys it holds). */
  backup: Record<string, unknown>;
}

export interface ProbeResult {
  summary: LiveSummaryFacts | null;
  data: LiveSheetFacts | null;
}

/** The live sheet of a role, as the writer will update it in place. */
export function liveSheet(inventory: SheetInventoryItem[], role: SheetKey): SheetInventoryItem | undefined {
  return inventory.find((s) => isLiveAddinSheet(s) && !isLeftover(s) && roleOf(s) === role);
}

function parseBackup(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object") return {};
    const out: Record<string, unknown> = {};
    for (const key of BACKED_UP_SETTINGS)
      if (key in parsed) out[key] = (parsed as Record<string, unknown>)[key];
    return out;
  } catch {
    // A backup cut short (a host that limits property values) is no backup at all.
    return {};
  }
}

/**
 * Queues the loads for each of the add-in's sheets (those with its ownership mark: the first sync may know no more
 * of them than that), on the sheets the read walked (`sheets`, by inventory position, their visibility loaded);
 * the reader picks the live summary and data sheet from the full inventory, once a sync has run, and takes their
 * marks from it (the read loads every property of the add-in's sheets). There are two such sheets, or a few more
 * where people kept copies.
 */
export function queueProbe(
  inventory: SheetInventoryItem[],
  sheets: readonly Excel.Worksheet[],
): (full: SheetInventoryItem[]) => ProbeResult {
  const probes = new Map(
    inventory.filter(isAddinSheet).map((item) => {
      const sheet = sheets[item.position];
      const probe = {
        sheet,
        protection: sheet.protection.load("protected"),
        charts: sheet.charts.load("items/name"),
        tables: sheet.tables.load("items/name"),
      };
      return [item.name, probe] as const;
    }),
  );
  return (full) => {
    const facts = (role: SheetKey) => {
      const item = liveSheet(full, role);
      const probe = item ? probes.get(item.name) : undefined;
      if (!item || !probe) return null;
      const mark = (key: string): string | undefined => item.properties[key];
      return {
        name: item.name,
        visible: String(probe.sheet.visibility) === "Visible",
        protected: probe.protection.protected,
        mark,
        charts: probe.charts,
        tables: probe.tables,
      };
    };
    const summary = facts("summary");
    const data = facts("data");
    const sheetOnly = (f: NonNullable<typeof data>): LiveSheetFacts => ({
      name: f.name,
      visible: f.visible,
      protected: f.protected,
      tables: f.tables.items.map((t) => t.name),
    });
    return {
      summary: summary
        ? {
            ...sheetOnly(summary),
            fingerprint: summary.mark(FINGERPRINT_KEY),
            chartsFingerprint: summary.mark(CHARTS_KEY),
            incomplete: summary.mark(UPDATING_KEY) !== undefined,
            charts: summary.charts.items.map((c) => c.name).filter((n) => n.startsWith(ADDIN_CHART_PREFIX)),
            backup: parseBackup(summary.mark(BACKUP_KEY)),
          }
        : null,
      data: data ? sheetOnly(data) : null,
    };
  };
}

/**
 * Queues a read of the live summary's values; the reader says whether someone typed on it since the add-in wrote
 * it. A summary written before fingerprints were recorded, or left part-updated, is not taken as edited.
 */
export function queueEditCheck(context: Excel.RequestContext, summary: LiveSummaryFacts): () => boolean {
  const used = context.workbook.worksheets
    .getItem(summary.name)
    .getUsedRangeOrNullObject(true)
    // Read with the sync that loads it: untracked, so Excel.run keeps no reference to release afterwards.
    .untrack()
    .load("values,rowIndex,columnIndex");
  return () => {
    if (summary.fingerprint === undefined || summary.incomplete) return false;
    const now = used.isNullObject
      ? currentFingerprint([], 0, 0)
      : currentFingerprint(used.values, used.rowIndex, used.columnIndex);
    return now !== summary.fingerprint;
  };
}
