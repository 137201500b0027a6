// What the refresh needs to know about the summary already in the workbook before it writes: whether it is
// protected or hidden, whether someone typed on it since it was written (its fingerprint), which of its charts
// are the add-in's, and the settings backed up on it. Queued once the first sync has named the sheets, so it
// rides the read's second sync.
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
  /** Typed on since the add-in wrote it: its values or formulas no longer match the recorded fingerprint. */
  edited: boolean;
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
  const used = summary?.sheet.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
  const charts = summary?.sheet.charts.load("items/name");

  const facts = (p: SheetProbe): LiveSheetFacts => ({
    name: p.item.name,
    visible: String(p.sheet.visibility) === "Visible",
    protected: p.protection.protected,
  });
  return () => {
    if (!summary || !used || !charts) return { summary: null, data: data ? facts(data) : null };
    const mark = (key: string) => (marks[key].isNullObject ? undefined : marks[key].value);
    const recorded = mark(FINGERPRINT_KEY);
    const incomplete = mark(UPDATING_KEY) !== undefined;
    const now = used.isNullObject
      ? currentFingerprint([], 0, 0)
      : currentFingerprint(used.values, used.rowIndex, used.columnIndex);
    return {
      summary: {
        ...facts(summary),
        // A summary written before fingerprints were recorded cannot be told apart from an edited one: it is
        // taken as unedited, as before.
        edited: recorded !== undefined && !incomplete && recorded !== now,
        incomplete,
        charts: charts.items.map((c) => c.name).filter((n) => n.startsWith(ADDIN_CHART_PREFIX)),
        backup: parseBackup(mark(BACKUP_KEY)),
      },
      data: data ? facts(data) : null,
    };
  };
}
