// Saving a note on the notes sheet (see notes.ts for the sheet's rules): loaded with the first save, so a pane opened
// only to read never downloads it. One row is written: updated in place, or appended to the table; the first note
// makes the sheet. The row is read first and written only if it still holds what the pane showed.
import type { ReviewNote } from "../core/model";
import type { RawNotesTable } from "../core/raw";
import {
  NOTES_COLUMNS,
  NOTES_SHEET_NAME,
  NOTES_TABLE_NAME,
  noteRow,
  parseNotes,
  type SheetNote,
} from "../core/review/notes-sheet";
import { sameNote } from "../core/review/review";
import { cellAddress, rangeAddress } from "../core/a1";
import type { ExcelRunner } from "./api";
import { isLive, LEASE_KEY, parseLease } from "./lease";
import { isAccessDenied, isCellEditError, messages } from "./messages";
import {
  liveNotesSheet,
  NOTES_ROLE,
  queueNotesRead,
  type NoteSaveOptions,
  type NoteSaveProblem,
  type NoteSaveResult,
} from "./notes";
import { NAME_KEY, OWNER_KEY, OWNER_VALUE, ROLE_KEY, type SheetInventoryItem } from "./ownership";
import { errorText } from "./sync";
import { guardText } from "./text";

/** The fields a person writes; a difference in any of them is someone else's edit. */
const sameWords = (a: ReviewNote, b: ReviewNote) =>
  a.text === b.text && a.owner === b.owner && a.due === b.due && a.by === b.by;

const noteMessages = {
  readOnly: () =>
    "This workbook is open read-only, so the note cannot be kept in it. Open it for editing, then save the note again.",
  protectedStructure: () =>
    `The workbook's structure is protected, so the "${NOTES_SHEET_NAME}" sheet cannot be added. Turn off Review > Protect Workbook (or ask whoever protected it), then save the note again.`,
  protectedSheet: (sheet: string) =>
    `The "${sheet}" sheet is protected, so the note cannot be written on it. Unprotect it (Review > Unprotect Sheet), then save the note again.`,
  conflict: (sheet: string) =>
    `This note was changed on the "${sheet}" sheet since the pane showed it, so your version was not saved over it. The note as it is now is shown; change it again if you still need to.`,
  removed: (sheet: string) =>
    `This note was removed from the "${sheet}" sheet since the pane showed it, so it was not written back. Save it again to add it.`,
  failed: (detail: string) =>
    `The note could not be saved (${detail}). The notes sheet is as it was. Check that the workbook is still open, then save it again.`,
};

/** Saves one note: updates its row in place, or appends it (making the notes sheet on the first save). */
export async function saveReviewNote(
  run: ExcelRunner,
  note: ReviewNote,
  options: NoteSaveOptions,
): Promise<NoteSaveResult> {
  const clock = options.clock ?? (() => new Date());
  try {
    return await run(async (context) => {
      const workbook = context.workbook;
      // Sync 1: the guards, the lease, the sheets' names.
      const guards = workbook.load("readOnly");
      const protection = workbook.protection.load("protected");
      const lease = workbook.settings.getItemOrNullObject(LEASE_KEY).load("value");
      const sheets = workbook.worksheets.load("items/name");
      await context.sync();
      if (guards.readOnly) return refused("readOnly", noteMessages.readOnly());
      const held = parseLease(lease.isNullObject ? null : lease.value);
      if (isLive(held, clock()) && held.runtime !== options.runtimeId)
        return refused("busy", `${messages.busy(held, false)} Save the note again when it has finished.`);

      // Sync 2: the marks of every sheet, with the cells and protection of those that may be the notes sheet.
      const candidates = new Map<
        string,
        { protection: Excel.WorksheetProtection; table: Excel.Table; read: () => RawNotesTable | null }
      >();
      const marks = sheets.items.map((sheet) => {
        if (sheet.name.toLowerCase().startsWith(NOTES_SHEET_NAME.toLowerCase()))
          candidates.set(sheet.name, {
            protection: sheet.protection.load("protected"),
            table: sheet.tables.getItemOrNullObject(NOTES_TABLE_NAME).load("name"),
            read: queueNotesRead(sheet, sheet.name),
          });
        return [OWNER_KEY, ROLE_KEY, NAME_KEY].map((key) =>
          sheet.customProperties.getItemOrNullObject(key).load("value"),
        );
      });
      await context.sync();
      const inventory: SheetInventoryItem[] = sheets.items.map((sheet, position) => ({
        name: sheet.name,
        position,
        properties: Object.fromEntries(
          marks[position].flatMap((m, i) =>
            m.isNullObject ? [] : [[[OWNER_KEY, ROLE_KEY, NAME_KEY][i], m.value] as [string, string]],
          ),
        ),
      }));
      const live = liveNotesSheet(inventory);
      const found = live ? candidates.get(live.name) : undefined;

      if (!live || !found) {
        // The first note: a new sheet, unless a note was expected there (the sheet was deleted or renamed since).
        if (options.expected) return refused("conflict", noteMessages.removed(NOTES_SHEET_NAME), null, []);
        if (protection.protected) return refused("protected", noteMessages.protectedStructure());
        const name = freeName(inventory);
        createNotesSheet(context, name, note);
        await context.sync();
        return { ok: true, sheet: name, created: true, notes: [note] };
      }

      if (found.protection.protected)
        return refused("sheetProtected", noteMessages.protectedSheet(live.name));
      const table = found.read();
      const notes: SheetNote[] = table ? parseNotes(table) : [];
      const current = lastOf(notes, note);
      const expected = options.expected;
      if (expected && !current) return refused("conflict", noteMessages.removed(live.name), null, notes);
      if (current && (!expected || !sameWords(current, expected)))
        return refused("conflict", noteMessages.conflict(live.name), plain(current), notes);

      const worksheet = workbook.worksheets.getItem(live.name);
      const header = table ? headerColumns(table) : null;
      if (current && header) {
        // In place: only the note's own cells, each under its header (a person may have moved the columns).
        const values = noteRow(note);
        NOTES_COLUMNS.forEach((column, i) => {
          const c = header.get(column.field);
          if (c === undefined) return;
          const cell = worksheet.getRange(cellAddress(current.row, c));
          cell.numberFormat = [[column.format]];
          cell.values = [[guardText(values[i])]];
        });
      } else if (!found.table.isNullObject) {
        // Appended to the table: Excel makes the row (moving anything below it down) with its columns' formats.
        found.table.rows.add(undefined, [noteRow(note).map(guardText)] as (string | number | boolean)[][]);
      } else {
        // The table was turned back into a range: the row goes under the last used row, under the headers.
        const row = table ? table.originRow + table.values.length : 1;
        const columns = header ?? new Map(NOTES_COLUMNS.map((c, i) => [c.field, i] as const));
        const values = noteRow(note);
        NOTES_COLUMNS.forEach((column, i) => {
          const c = columns.get(column.field);
          if (c === undefined) return;
          const cell = worksheet.getRange(cellAddress(row, c));
          cell.numberFormat = [[column.format]];
          cell.values = [[guardText(values[i])]];
        });
      }
      await context.sync();
      const next = current
        ? notes.map((n) => (n === current ? { ...note, row: n.row } : n))
        : [...notes, { ...note, row: -1 }];
      return { ok: true, sheet: live.name, created: false, notes: next.map(plain) };
    });
  } catch (error) {
    if (isCellEditError(error))
      return refused(
        "cellEdit",
        "A cell is being edited in Excel. Press Enter or Esc to finish editing it, then save the note again.",
      );
    if (isAccessDenied(error))
      return refused(
        "protected",
        noteMessages.failed("Excel refused the change: the workbook or the sheet is protected"),
      );
    return refused("fault", noteMessages.failed(errorText(error)));
  }
}

function refused(
  problem: NoteSaveProblem,
  message: string,
  current?: ReviewNote | null,
  notes?: SheetNote[],
): NoteSaveResult {
  return {
    ok: false,
    problem,
    message,
    ...(current !== undefined ? { current } : {}),
    ...(notes ? { notes: notes.map(plain) } : {}),
  };
}

function plain(note: SheetNote | ReviewNote): ReviewNote {
  const rest: Partial<SheetNote> = { ...note };
  delete rest.row;
  return rest as ReviewNote;
}

function lastOf(notes: SheetNote[], note: ReviewNote): SheetNote | null {
  for (let i = notes.length - 1; i >= 0; i--) if (sameNote(notes[i], note)) return notes[i];
  return null;
}

/** Where each field's column is on the sheet, from the table's header row. */
function headerColumns(table: RawNotesTable): Map<keyof ReviewNote, number> | null {
  const top = table.values.findIndex((row) =>
    row.some((c) => String(c).trim().toLowerCase() === "explanation"),
  );
  if (top < 0) return null;
  const map = new Map<keyof ReviewNote, number>();
  table.values[top].forEach((cell, c) => {
    const column = NOTES_COLUMNS.find(
      (col) => col.header.toLowerCase() === String(cell).trim().toLowerCase(),
    );
    if (column && !map.has(column.field)) map.set(column.field, c);
  });
  return map;
}

/** "Portfolio Summary Notes", or "(2)", "(3)" ... when a sheet of the user's has the name. */
function freeName(inventory: SheetInventoryItem[]): string {
  const taken = (name: string) => inventory.some((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!taken(NOTES_SHEET_NAME)) return NOTES_SHEET_NAME;
  for (let n = 2; ; n++) if (!taken(`${NOTES_SHEET_NAME} (${n})`)) return `${NOTES_SHEET_NAME} (${n})`;
}

const WIDTH_POINTS_PER_CHAR = 7.2;

/** The notes sheet with its header, the first note and its marks: an Excel table a person can sort and filter. */
function createNotesSheet(context: Excel.RequestContext, name: string, note: ReviewNote): void {
  const sheet = context.workbook.worksheets.add(name);
  for (const [key, value] of [
    [OWNER_KEY, OWNER_VALUE],
    [ROLE_KEY, NOTES_ROLE],
    [NAME_KEY, name],
  ])
    sheet.customProperties.add(key, value);
  const last = NOTES_COLUMNS.length - 1;
  const header = sheet.getRange(rangeAddress(0, 0, 0, last));
  header.values = [NOTES_COLUMNS.map((c) => c.header)];
  header.format.font.bold = true;
  const first = sheet.getRange(rangeAddress(1, 0, 1, last));
  first.numberFormat = [NOTES_COLUMNS.map((c) => c.format)];
  first.values = [noteRow(note).map(guardText)];
  NOTES_COLUMNS.forEach((column, c) => {
    const whole = sheet.getRange(rangeAddress(0, c, 1, c));
    whole.format.columnWidth = column.width * WIDTH_POINTS_PER_CHAR;
    if (column.field === "text" || column.field === "label") whole.format.wrapText = true;
  });
  sheet.getRange(rangeAddress(0, 0, 1, last)).format.verticalAlignment = "Top";
  const table = sheet.tables.add(rangeAddress(0, 0, 1, last), true);
  table.name = NOTES_TABLE_NAME;
}
