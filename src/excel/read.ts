// Reads the live workbook into the raw shape the engine takes (src/core/raw.ts), in few round trips and bounded
// bytes: sync 1 learns every sheet (walking the tab order), its used range and the add-in's marks, the tables and
// settings; then values and number formats in row blocks planned by blocks.ts (one sync for a tracker of ordinary
// size), with the tables' places and what lies past the columns read riding along.
import { localAddress, parseRange, rectAddress, type Rect } from "../core/a1";
import type { RawCell, RawSheet, RawTable, RawUnread, RawWorkbook } from "../core/raw";
import { DEFAULT_READ_LIMITS, ReadPlan, type ReadLimits } from "./blocks";
import { HISTORY_SHEET_NAME } from "../core/history";
import { isNotesSheet, queueNotesRead } from "./notes";
import { NOTES_SHEET_NAME } from "../core/review/notes-sheet";
import {
  BACKUP_KEY,
  CHARTS_KEY,
  FINGERPRINT_KEY,
  isAddinSheet,
  isLiveAddinSheet,
  MARK_KEYS,
  OWNER_KEY,
  roleOf,
  ROLE_KEY,
  type SheetInventoryItem,
  UPDATING_KEY,
} from "./ownership";
import { jsonBytes } from "./request-size";
import { countingSync, errorCode, errorText, PAYLOAD_TOO_LARGE_CODES, type CountingSync } from "./sync";

export interface ReadOptions {
  limits?: ReadLimits;
  /** Counter to charge the syncs to (the refresh shares one across read and write). */
  sync?: CountingSync;
  /** Read only this many rows from the top of each sheet (a look at the headers, not the whole tracker). */
  headRows?: number;
  /** The caller's own work riding the first sync, and its check of what that sync learnt. */
  firstSync?: FirstSyncHooks;
}

/** What the first sync learnt, for the caller's check before any value is read. */
export interface FirstSyncFacts {
  inventory: SheetInventoryItem[];
  /**
   * Each sheet of the inventory (by its position), its name and visibility loaded: work queued on one rides the
   * next sync without a proxy of its own for the sheet.
   */
  sheets: Excel.Worksheet[];
  /** The workbook settings, by key. */
  settings: Record<string, unknown>;
}

export interface FirstSyncHooks {
  /** Queues loads on the first sync (called again if the host refuses the walk and the sheets are listed). */
  queue(): void;
  /** Runs once the first sync answered: may throw to stop the read, or queue work that rides the next sync. */
  check(facts: FirstSyncFacts): void;
}

/** How the read learnt the sheets, kept with the outcome: Excel's documentation does not say which works where. */
export interface SheetWalk {
  /** "chain": getNextOrNullObject past the last sheet in one sync; "list": the sheets listed, then probed. */
  path: "chain" | "list";
  /** Why the chain was given up, when it was ("InvalidObjectPath: ..."). */
  refusal?: string;
}

export interface ReadResult {
  raw: RawWorkbook;
  /** Every sheet in tab order with the add-in's marks, for the writer's ownership checks. */
  inventory: SheetInventoryItem[];
  syncs: number;
  sheetWalk: SheetWalk;
}

const VISIBILITY: Record<string, RawSheet["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** Reads the tracker: every sheet except the add-in's own, with values and number formats. */
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
      // With the sheet each is on: the add-in's own tables (35 on its data sheet) need no more reading.
      tables: workbook.tables.load("items/name,items/worksheet/name"),
      settings: workbook.settings.load("items/key,items/value"),
    };
  };
  let { tables, settings } = loadWorkbookParts();
  options.firstSync?.queue();
  let sheets: SheetProbe[];
  let sheetWalk: SheetWalk = { path: "chain" };
  try {
    let last = probeSheet(workbook.worksheets.getFirst());
    const probes: SheetProbe[] = [last];
    const extendChain = (count: number) => {
      for (let i = 0; i < count; i++) {
        last = probeSheet(last.sheet.getNextOrNullObject());
        probes.push(last);
      }
    };
    // SHEETS_PER_SYNC proxies, and the number of sheets (hidden ones included, as the chain includes them): a
    // workbook of exactly that many is known complete without a proxy past its last sheet.
    extendChain(SHEETS_PER_SYNC - 1);
    const counted = workbook.worksheets.getCount();
    await sync();
    // A ClientResult holds its value once the sync (`sync` wraps context.sync) has run.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    let total = counted.value;
    // More sheets than proxies (rare): go on from the last one found, as many as are left (at most
    // SHEETS_PER_SYNC a sync), until the chain ends or has found them all (counted again, should one be added).
    while (!last.sheet.isNullObject && probes.length < total) {
      extendChain(Math.min(SHEETS_PER_SYNC, total - probes.length));
      const recounted = workbook.worksheets.getCount();
      await sync();
      // eslint-disable-next-line office-addins/call-sync-before-read
      total = recounted.value;
    }
    sheets = probes.filter((p) => !p.sheet.isNullObject);
  } catch (error) {
    // No document says a host takes calls on the null object past the last sheet, so any failure of this
    // read-only sync falls back: list the sheets first, then probe each one (one sync more; a failed read sync
    // changes nothing in the workbook). A failure that is not the walk's (a lost connection) fails again there.
    sheetWalk = { path: "list", refusal: `${errorCode(error) || "Error"}: ${errorText(error)}` };
    ({ tables, settings } = loadWorkbookParts());
    options.firstSync?.queue();
    const listed = workbook.worksheets.load("items/name");
    await sync();
    sheets = listed.items.map(probeSheet);
    await sync();
  }

  // Sync 1 reads only the ownership mark of every sheet; the add-in's own few sheets have the rest of their marks
  // read with the next sync (below), and the inventory is completed then, before the caller uses it whole.
  const inventory: SheetInventoryItem[] = sheets.map((s, position) => ({
    name: s.sheet.name,
    position,
    properties: (s.owner.isNullObject ? {} : { [OWNER_KEY]: s.owner.value }) as Record<string, string>,
  }));
  const savedSettings = Object.fromEntries(settings.items.map((s) => [s.key, s.value as unknown]));
  options.firstSync?.check({ inventory, sheets: sheets.map((s) => s.sheet), settings: savedSettings });
  const trackerSheets = sheets.filter((_, i) => !isAddinSheet(inventory[i]));
  // The add-in's history sheet is read with the tracker (the same size-bounded blocks, last), and kept apart.
  const historyAt = inventory.findIndex(isHistoryCandidate);
  const readSheets = historyAt >= 0 ? [...trackerSheets, sheets[historyAt]] : trackerSheets;
  const plan = new ReadPlan(
    readSheets.map((s, i) => ({
      sheet: i,
      rowCount: s.used.isNullObject ? 0 : s.used.rowCount,
      columnCount: s.used.isNullObject ? 0 : s.used.columnCount,
      headRows: options.headRows,
    })),
    options.limits ?? DEFAULT_READ_LIMITS,
  );

  // Ride along with the first values sync (or one of their own when there is none): where each table sits and
  // where the content past the columns read is.
  const farParts = trackerSheets.flatMap((s, i) =>
    plan
      .result(i)
      .unread.filter((u) => u.reason === "far-columns")
      .map((part) => ({ sheet: i, part })),
  );
  // The add-in's notes sheet (people's explanations, src/core/review) rides along too: the sheet of the add-in's
  // under the notes sheet's name, checked against its full marks once they are read.
  const ownSheets = sheets.filter((_, i) => isAddinSheet(inventory[i]));
  const notesCandidate =
    inventory.find((s) => isAddinSheet(s) && s.name.startsWith(NOTES_SHEET_NAME)) ?? null;
  let extrasLoaded = false;
  let extras: ReturnType<typeof queueExtras> | null = null;
  const ownNames = new Set(inventory.filter(isAddinSheet).map((s) => s.name));
  const trackerTables = tables.items.filter((t) => !ownNames.has(t.worksheet.name));
  const needExtras = trackerTables.length > 0 || farParts.length > 0 || ownSheets.length > 0;
  const queueExtras = () => ({
    // All of their properties in one load a sheet (these sheets exist: no null object here), rather than a proxy
    // for each mark: what the refresh asks of the live summary (its fingerprint, backup, ...) is among them.
    marks: ownSheets.map((s) => ({
      position: sheets.indexOf(s),
      properties: s.sheet.customProperties.load("items/key,items/value"),
    })),
    notes: notesCandidate ? queueNotesRead(sheets[notesCandidate.position].sheet, notesCandidate.name) : null,
    // The range's address names its sheet ("'Risk Register'!A1:H20"): no proxy for the worksheet.
    tables: trackerTables.map((table) => ({ table, range: table.getRange().untrack().load("address") })),
    far: farParts.map(({ sheet, part }) => {
      const { sheet: ws, used } = trackerSheets[sheet];
      const beyond = ws
        .getRangeByIndexes(
          used.rowIndex + part.rowOffset,
          used.columnIndex + part.colOffset,
          part.rowCount,
          part.colCount,
        )
        .getUsedRangeOrNullObject(true)
        .untrack()
        .load("address");
      return { sheet, part, beyond };
    }),
  });

  // Syncs 2+: values and number formats, several sheets per sync, big sheets in row blocks from the top.
  while (!plan.done) {
    const blocks = plan.next();
    const ranges = blocks.map((block) => {
      const { sheet, used } = readSheets[block.sheet];
      return sheet
        .getRangeByIndexes(
          used.rowIndex + block.rowOffset,
          used.columnIndex,
          block.rowCount,
          block.columnCount,
        )
        .untrack()
        .load("values,numberFormat");
    });
    if (!extrasLoaded && needExtras) extras = queueExtras();
    try {
      await sync();
    } catch (error) {
      // Long free text can beat the estimate: the same rows again, in smaller blocks.
      if (PAYLOAD_TOO_LARGE_CODES.includes(errorCode(error)) && plan.refused(blocks)) continue;
      throw error;
    }
    extrasLoaded = true;
    blocks.forEach((block, i) => {
      const rows = ranges[i].values as RawCell[][];
      const formats = ranges[i].numberFormat as string[][];
      plan.took(block, rows, formats, jsonBytes(rows) + jsonBytes(formats));
    });
  }
  if (!extrasLoaded && needExtras) {
    extras = queueExtras();
    await sync();
  }
  const tableInfo = extras?.tables ?? [];
  for (const own of extras?.marks ?? []) {
    const properties = inventory[own.position].properties;
    for (const { key, value } of own.properties.items) properties[markKey(key)] = value;
  }

  const unread: RawUnread[] = trackerSheets.flatMap((s, i) =>
    plan.result(i).unread.map((part): RawUnread => {
      const far = extras?.far.find((f) => f.sheet === i && f.part === part);
      const range =
        far && !far.beyond.isNullObject
          ? localAddress(far.beyond.address)
          : rectAddress({
              row: s.used.rowIndex + part.rowOffset,
              col: s.used.columnIndex + part.colOffset,
              rows: part.rowCount,
              cols: part.colCount,
            });
      return { sheet: s.sheet.name, range, reason: part.reason };
    }),
  );

  const raw: RawWorkbook = {
    name: loadedName(workbook),
    sheets: trackerSheets.map((s, i) => ({
      name: s.sheet.name,
      values: plan.result(i).values,
      numberFormats: plan.result(i).numberFormats,
      originRow: s.used.isNullObject ? 0 : s.used.rowIndex,
      originCol: s.used.isNullObject ? 0 : s.used.columnIndex,
      visibility: VISIBILITY[String(s.sheet.visibility)] ?? "visible",
    })),
    tables: tableInfo.map((t): RawTable => ({
      name: t.table.name,
      sheet: t.table.worksheet.name,
      range: localAddress(t.range.address),
    })),
    savedSettings,
    ...(unread.length ? { unread } : {}),
    ...(historyAt >= 0 ? { history: historyRaw(sheets[historyAt], plan.result(trackerSheets.length)) } : {}),
  };
  const notes = notesCandidate && isNotesSheet(notesCandidate) ? extras?.notes?.() : null;
  if (notes) raw.reviewNotes = notes;
  return { raw, inventory, syncs: sync.count - start, sheetWalk };
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

/** The history sheet as read (whatever the read could not take of it is simply not history). */
function historyRaw(s: SheetProbe, read: { values: RawCell[][]; numberFormats: string[][] }): RawSheet {
  return {
    name: s.sheet.name,
    values: read.values,
    numberFormats: read.numberFormats,
    originRow: s.used.isNullObject ? 0 : s.used.rowIndex,
    originCol: s.used.isNullObject ? 0 : s.used.columnIndex,
    visibility: VISIBILITY[String(s.sheet.visibility)] ?? "visible",
    // Where a block is appended and whether it fits: below the whole used range, not below what the read took.
    ...(s.used.isNullObject ? {} : { usedEndRow: s.used.rowIndex + s.used.rowCount }),
  };
}

/**
 * Sheets learnt per sync while walking the tabs: a tracker has a dozen or so, and the add-in adds up to four (the
 * summary, its data, the history and the notes), so the template's nine sheets, the add-in's four and a few of the
 * user's own are learnt in the first sync. Each proxy past the last sheet costs bytes (about 1 KB), so the chain
 * is not longer than that.
 */
export const SHEETS_PER_SYNC = 16;

interface SheetProbe {
  sheet: Excel.Worksheet;
  used: UsedArea;
  owner: Excel.WorksheetCustomProperty;
}

/** Where a sheet's used range is: a null object past the last sheet or on an empty sheet. */
interface UsedArea {
  readonly isNullObject: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * The used range's place, from its address alone ("'Risk Register'!A1:H20"): one property loaded on every proxy
 * of the walk, where its row and column index and count were four (about 45 bytes of request a proxy fewer).
 */
function usedArea(range: Excel.Range): UsedArea {
  let rect: Rect | undefined;
  const at = () => (rect ??= parseRange(range.address) ?? { row: 0, col: 0, rows: 0, cols: 0 });
  return {
    get isNullObject() {
      return range.isNullObject;
    },
    get rowIndex() {
      return at().row;
    },
    get columnIndex() {
      return at().col;
    },
    get rowCount() {
      return at().rows;
    },
    get columnCount() {
      return at().cols;
    },
  };
}

/** Every key the add-in gives its sheets, by its lower case: Excel's keys ignore case, a property list keeps it. */
const ADDIN_KEYS = new Map(
  [...MARK_KEYS, FINGERPRINT_KEY, UPDATING_KEY, BACKUP_KEY, CHARTS_KEY].map((key) => [
    key.toLowerCase(),
    key,
  ]),
);

/** A custom property's key as the add-in spells it (any other key as it is). */
const markKey = (key: string) => ADDIN_KEYS.get(key.toLowerCase()) ?? key;

/** Queues the loads for one sheet proxy, which may turn out to be a null object past the last sheet. */
function probeSheet(sheet: Excel.Worksheet): SheetProbe {
  sheet.load("name,visibility");
  return {
    sheet,
    used: usedArea(sheet.getUsedRangeOrNullObject(true).untrack().load("address")),
    // The mark is read by key: a collection load would fail on a null sheet and end the whole sync. Only the
    // ownership mark (about 300 bytes of request a key, on every proxy of the walk): the add-in's own sheets have
    // the rest read with the next sync.
    owner: sheet.customProperties.getItemOrNullObject(OWNER_KEY).load("value"),
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
