// The notes sheet in the live workbook: read with the tracker at every refresh (here), written only when someone
// saves a note in the pane (notes-write.ts, loaded with the first save). The sheet follows the summary's ownership
// rules: it carries the add-in's marks (role "notes"), a user's own sheet of that name is left alone, and it is
// never replaced, renamed or deleted. A save touches one
// row (updated in place, or appended to the table) and first checks that the row still holds what the pane showed:
// a note a person changed in Excel since is not overwritten, the save says so and shows theirs. Nothing else on the
// sheet (columns or rows a person added) is touched. Text goes in as text (text.ts).
import type { ReviewNote } from "../core/model";
import type { RawNotesTable } from "../core/raw";
import { NAME_KEY, OWNER_KEY, OWNER_VALUE, ROLE_KEY, type SheetInventoryItem } from "./ownership";

/** The role mark of the notes sheet. */
export const NOTES_ROLE = "notes";

/** The add-in's notes sheet, still under the name it gave it (a copy or a renamed sheet is the user's). */
export function isNotesSheet(item: SheetInventoryItem): boolean {
  return (
    item.properties[OWNER_KEY] === OWNER_VALUE &&
    item.properties[ROLE_KEY] === NOTES_ROLE &&
    item.properties[NAME_KEY] === item.name
  );
}

export function liveNotesSheet(inventory: readonly SheetInventoryItem[]): SheetInventoryItem | null {
  return inventory.find(isNotesSheet) ?? null;
}

/** Queues the read of the notes sheet's cells (riding the caller's next sync); the getter reads them after it. */
export function queueNotesRead(sheet: Excel.Worksheet, name: string): () => RawNotesTable | null {
  const used = sheet.getUsedRangeOrNullObject(true).untrack().load("values,rowIndex");
  return () =>
    used.isNullObject
      ? null
      : { sheet: name, values: used.values as RawNotesTable["values"], originRow: used.rowIndex };
}

/** Why a note was not saved: each has its own message; "conflict" carries the note as the sheet has it now. */
export type NoteSaveProblem =
  "readOnly" | "protected" | "sheetProtected" | "busy" | "cellEdit" | "conflict" | "fault";

export type NoteSaveResult =
  | { ok: true; sheet: string; created: boolean; notes: ReviewNote[] }
  | {
      ok: false;
      problem: NoteSaveProblem;
      message: string;
      current?: ReviewNote | null;
      notes?: ReviewNote[];
    };

export interface NoteSaveOptions {
  /** The note as the pane showed it before this edit (null for a new note): the save is refused if the sheet differs. */
  expected: ReviewNote | null;
  /** This runtime's id: a lease it holds itself does not block it. */
  runtimeId: string;
  clock?: () => Date;
}
