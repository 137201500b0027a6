// Reads the live workbook into the raw shape the engine takes (src/core/raw.ts), in few round trips:
// sync 1 learns every sheet (walking the tab order), its used range and marks, the tables and settings; then values
// and number formats in size-bounded batches (one sync for a tracker of ordinary size).
import { localAddress } from "../core/a1";
import type { RawCell, RawSheet, RawTable, RawWorkbook } from "../core/raw";
import { planReadBatches, type ReadBlock, type ReadLimits, DEFAULT_READ_LIMITS } from "./blocks";
import { HISTORY_SHEET_NAME } from "../core/history";
import {
  isAddinSheet,
  isLiveAddinSheet,
  MARK_KEYS,
  roleOf,
  ROLE_KEY,
  type SheetInventoryItem,
} from "./ownership";
import { countingSync, errorCode, PAYLOAD_TOO_LARGE_CODES, type CountingSync } from "./sync";

export interface ReadOptions {
  limits?: ReadLimits;
  /** Counter to charge the syncs to (the refresh shares one across read and write). */
  sync?: CountingSync;
  /** The caller's own work riding the first sync, and its check of what that sync learnt. */
  firstSync?: FirstSyncHooks;
}

/** What the first sync learnt, for the caller's check before any value is read. */
export interface FirstSyncFacts {
  inventory: SheetInventoryItem[];
  /** The workbook settings, by key. */
  settings: Record<string, unknown>;
}

export interface FirstSyncHooks {
  /** Queues loads on the first sync (called again if the host refuses the walk and the sheets are listed). */
  queue(): void;
  /** Runs once the first sync answered: may throw to stop the read, or queue work that rides the next sync. */
  check(facts: FirstSyncFacts): void;
}

export interface ReadResult {
  raw: RawWorkbook;
  /** Every sheet in tab order with the add-in's marks, for the writer's ownership checks. */
  inventory: SheetInventoryItem[];
  syncs: number;
}

const VISIBILITY: Record<string, RawSheet["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** Reads the tracker: every sheet except the add-in's own, with values and number formats; and the history sheet. */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<RawWorkbook> {
  return (await readWorkbookDetailed(context, options)).raw;
}

export async function readWorkbookDetailed(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const sync = options.sync ?? countingSync(context);
  const start = sync.count;
  const workbook = context.workbook;

  // Sync 1: every sheet, its used range and the add-in's marks, without knowing the names first: a speculative
  // chain of getNextOrNullObject proxies, each loading what the later steps need. Tables and settings ride along.
  const loadWorkbookParts = () => {
    workbook.load("name");
    return {
      tables: workbook.tables.load("items/name"),
      settings: workbook.settings.load("items/key,items/value"),
    };
  };
  let { tables, settings } = loadWorkbookParts();
  options.firstSync?.queue();
  let sheets: SheetProbe[];
  try {
    let last = probeSheet(workbook.worksheets.getFirst());
    const probes: SheetProbe[] = [last];
    const extendChain = (count: number) => {
      for (let i = 0; i < count; i++) {
        last = probeSheet(last.sheet.getNextOrNullObject());
        probes.push(last);
      }
    };
    // One proxy past SHEETS_PER_SYNC sheets, so a null there proves a workbook of exactly that many is complete.
    extendChain(SHEETS_PER_SYNC);
    await sync();
    // More sheets than proxies (rare): go on from the last one found, one more sync per SHEETS_PER_SYNC sheets.
    while (!last.sheet.isNullObject) {
      extendChain(SHEETS_PER_SYNC);
      await sync();
    }
    sheets = probes.filter((p) => !p.sheet.isNullObject);
  } catch (error) {
    // Only a refusal of the walk itself falls back; any other failure (size limits, a lost connection) is the
    // caller's to report.
    if (!NULL_WALK_REFUSED_CODES.includes(errorCode(error))) throw error;
    // A host that refuses calls made on the null object past the last sheet: list the sheets first, then probe
    // each one (one sync more; a failed read sync changes nothing in the workbook).
    ({ tables, settings } = loadWorkbookParts());
    options.firstSync?.queue();
    const listed = workbook.worksheets.load("items/name");
    await sync();
    sheets = listed.items.map(probeSheet);
    await sync();
  }

  // Where each table sits is loaded with the first sync that follows (no extra round trip unless none does).
  let tableInfo: TableProbe[] = [];
  let tablesLoaded = false;
  const queueTables = () => {
    if (tablesLoaded) return;
    tableInfo = tables.items.map((table) => ({
      table,
      worksheet: table.worksheet.load("name"),
      range: table.getRange().load("address"),
    }));
  };

  const inventory: SheetInventoryItem[] = sheets.map((s, position) => ({
    name: s.sheet.name,
    position,
    properties: Object.fromEntries(
      s.marks.flatMap((m, i) => (m.isNullObject ? [] : [[MARK_KEYS[i], m.value] as [string, string]])),
    ),
  }));
  const savedSettings = Object.fromEntries(settings.items.map((s) => [s.key, s.value as unknown]));
  options.firstSync?.check({ inventory, settings: savedSettings });
  const trackerSheets = sheets.filter((_, i) => !isAddinSheet(inventory[i]));
  // The add-in's history sheet is read with the tracker (the same size-bounded batches), and kept apart from it.
  const historyAt = inventory.findIndex(isHistoryCandidate);
  const readSheets = historyAt >= 0 ? [...trackerSheets, sheets[historyAt]] : trackerSheets;
  const extents = readSheets.map((s, i) => ({
    sheet: i,
    rowCount: s.used.isNullObject ? 0 : s.used.rowCount,
    columnCount: s.used.isNullObject ? 0 : s.used.columnCount,
  }));

  // Syncs 2+: values and number formats, several sheets per sync, big sheets in row blocks.
  const values: RawCell[][][] = readSheets.map(() => []);
  const formats: string[][][] = readSheets.map(() => []);
  const pending = planReadBatches(extents, options.limits ?? DEFAULT_READ_LIMITS);
  while (pending.length) {
    const batch = pending.shift() as ReadBlock[];
    const ranges = batch.map((block) => {
      const { sheet, used } = readSheets[block.sheet];
      return sheet
        .getRangeByIndexes(
          used.rowIndex + block.rowOffset,
          used.columnIndex,
          block.rowCount,
          block.columnCount,
        )
        .load("values,numberFormat");
    });
    queueTables();
    try {
      await sync();
    } catch (error) {
      // Long free text can beat the size estimate: halve the batch and try again.
      const halves = PAYLOAD_TOO_LARGE_CODES.includes(errorCode(error)) ? splitBatch(batch) : null;
      if (!halves) throw error;
      pending.unshift(...halves);
      continue;
    }
    tablesLoaded = true;
    batch.forEach((block, i) => {
      const rows = ranges[i].values as RawCell[][];
      const fmts = ranges[i].numberFormat as string[][];
      for (let r = 0; r < block.rowCount; r++) {
        values[block.sheet][block.rowOffset + r] = rows[r];
        formats[block.sheet][block.rowOffset + r] = fmts[r].map((f) => String(f));
      }
    });
  }

  if (!tablesLoaded && tables.items.length) {
    queueTables();
    await sync();
  }

  const ownNames = new Set(inventory.filter(isAddinSheet).map((s) => s.name));
  const asRaw = (s: SheetProbe, i: number): RawSheet => ({
    name: s.sheet.name,
    values: values[i],
    numberFormats: formats[i],
    originRow: s.used.isNullObject ? 0 : s.used.rowIndex,
    originCol: s.used.isNullObject ? 0 : s.used.columnIndex,
    visibility: VISIBILITY[String(s.sheet.visibility)] ?? "visible",
  });
  const raw: RawWorkbook = {
    name: loadedName(workbook),
    sheets: trackerSheets.map(asRaw),
    tables: tableInfo
      .filter((t) => !ownNames.has(t.worksheet.name))
      .map((t): RawTable => ({
        name: t.table.name,
        sheet: t.worksheet.name,
        range: localAddress(t.range.address),
      })),
    savedSettings,
    ...(historyAt >= 0 ? { history: asRaw(sheets[historyAt], trackerSheets.length) } : {}),
  };
  return { raw, inventory, syncs: sync.count - start };
}

/**
 * The add-in's history sheet, as far as the first sync can tell: its live history sheet, or (where that sync learnt
 * only the ownership mark) an add-in sheet under the history's name.
 */
function isHistoryCandidate(item: SheetInventoryItem): boolean {
  if (!isAddinSheet(item)) return false;
  if (item.properties[ROLE_KEY] === undefined) return item.name.startsWith(HISTORY_SHEET_NAME);
  return isLiveAddinSheet(item) && roleOf(item) === "history";
}

/** Errors a host may give for calls made on a null object (Excel's documentation does not say which). */
const NULL_WALK_REFUSED_CODES = ["InvalidObjectPath", "ItemNotFound", "InvalidArgument", "InvalidReference"];

/** Sheets learnt per sync while walking the tabs; a tracker has a handful, so one sync nearly always does. */
export const SHEETS_PER_SYNC = 40;

interface SheetProbe {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  marks: Excel.WorksheetCustomProperty[];
}

interface TableProbe {
  table: Excel.Table;
  worksheet: Excel.Worksheet;
  range: Excel.Range;
}

/** Queues the loads for one sheet proxy, which may turn out to be a null object past the last sheet. */
function probeSheet(sheet: Excel.Worksheet): SheetProbe {
  sheet.load("name,visibility");
  return {
    sheet,
    used: sheet.getUsedRangeOrNullObject(true).load("address,rowIndex,columnIndex,rowCount,columnCount"),
    // The marks are read by key: a collection load would fail on a null sheet and end the whole sync.
    marks: MARK_KEYS.map((key) => sheet.customProperties.getItemOrNullObject(key).load("value")),
  };
}

/** The file name is only for the page footer: a host that cannot give it must not stop the read. */
function loadedName(workbook: Excel.Workbook): string | undefined {
  try {
    return workbook.name || undefined;
  } catch {
    return undefined;
  }
}

/** Two smaller batches covering the same rows, or null when the batch is a single row and cannot shrink. */
function splitBatch(batch: ReadBlock[]): ReadBlock[][] | null {
  if (batch.length > 1) {
    const mid = Math.ceil(batch.length / 2);
    return [batch.slice(0, mid), batch.slice(mid)];
  }
  const [block] = batch;
  if (block.rowCount <= 1) return null;
  const first = Math.ceil(block.rowCount / 2);
  return [
    [{ ...block, rowCount: first }],
    [{ ...block, rowOffset: block.rowOffset + first, rowCount: block.rowCount - first }],
  ];
}
