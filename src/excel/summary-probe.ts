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
  FINGERPRINT_KEY,
  isLeftover,
  isLiveAddinSheet,
  roleOf,
  UPDATING_KEY,
  type SheetInventoryItem,
} from "./ownership";

/** The settings backed up on the summary sheet, restored when the workbook settings lose them. */
export const BACKED_UP_SETTINGS = [SAVED_MAPPING_KEY, SAVED_SETTINGS_KEY] as const;

/** Prefix of the charts the add-in draws ("PS_ehcp_trajectory"); other charts on the summary are the user's. */
export const ADDIN_CHART_PREFIX = "PS_";

export interface LiveSheetFacts {
  name: string;
  visible: boolean;
  protected: boolean;
}

export interface LiveSummaryFacts extends LiveSheetFacts {
  /** The fingerprint recorded when the add-in wrote it (absent on a summary written before they were). */
  fingerprint: string | undefined;
  /** Left part-updated by a refresh that stopped half-way: not an edit, and replaced whole. */
  incomplete: boolean;
  /** Names of the add-in's charts on it. */
  charts: string[];
  /** Settings backed up on it, by key (only the keys it holds). */
  backup: Record<string, unknown>;
}

export interface ProbeResult {
  summary: LiveSummaryFacts | null;
  data: LiveSheetFacts | null;
}

interface SheetProbe {
  item: SheetInventoryItem;
  sheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
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

/** Queues the loads for the live summary and data sheet; `result()` reads them once a sync has run. */
export function queueProbe(
  context: Excel.RequestContext,
  inventory: SheetInventoryItem[],
): () => ProbeResult {
  const worksheets = context.workbook.worksheets;
  const probeOf = (role: SheetKey): SheetProbe | null => {
    const item = liveSheet(inventory, role);
    if (!item) return null;
    const sheet = worksheets.getItem(item.name);
    sheet.load("visibility");
    return { item, sheet, protection: sheet.protection.load("protected") };
  };
  const summary = probeOf("summary");
  const data = probeOf("data");
  const marks = summary
    ? Object.fromEntries(
        [FINGERPRINT_KEY, UPDATING_KEY, BACKUP_KEY].map((key) => [
          key,
          summary.sheet.customProperties.getItemOrNullObject(key).load("value"),
        ]),
      )
    : {};
  const charts = summary?.sheet.charts.load("items/name");

  const facts = (p: SheetProbe): LiveSheetFacts => ({
    name: p.item.name,
    visible: String(p.sheet.visibility) === "Visible",
    protected: p.protection.protected,
  });
  return () => {
    if (!summary || !charts) return { summary: null, data: data ? facts(data) : null };
    const mark = (key: string) => (marks[key].isNullObject ? undefined : marks[key].value);
    return {
      summary: {
        ...facts(summary),
        fingerprint: mark(FINGERPRINT_KEY),
        incomplete: mark(UPDATING_KEY) !== undefined,
        charts: charts.items.map((c) => c.name).filter((n) => n.startsWith(ADDIN_CHART_PREFIX)),
        backup: parseBackup(mark(BACKUP_KEY)),
      },
      data: data ? facts(data) : null,
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
    .load("values,rowIndex,columnIndex");
  return () => {
    if (summary.fingerprint === undefined || summary.incomplete) return false;
    const now = used.isNullObject
      ? currentFingerprint([], 0, 0)
      : currentFingerprint(used.values, used.rowIndex, used.columnIndex);
    return now !== summary.fingerprint;
  };
}
