// Operations on the workbook state that Excel guards: what a read-only or protected workbook refuses, what fails
// while another workbook has focus, and deleting, renaming and copying sheets with their effect on references.
// Plain functions over the state of a sync, so any way of reaching Excel's object model can call them.
import { quoteSheetName, splitSheet } from "./address";
import { MESSAGES, simError, type SimErrorCode } from "./errors";
import { breakReferencesTo, followSheetRename } from "./references";
import { newSheet, nextId, type SheetState, type WorkbookState } from "./state";

/** What the simulated Excel application is doing around the workbook (not part of the file). */
export interface HostEnvironment {
  /** Another workbook has the focus (Windows and Mac): some calls fail, as Microsoft documents. */
  focusElsewhere: boolean;
}

const ACCESS_DENIED = "You cannot perform the requested operation.";

/** Excel's answer when a write reaches a workbook opened read-only. */
export function readOnlyError(where: string): Error {
  return simError("AccessDenied", `${ACCESS_DENIED} The workbook is open read-only.`, where);
}

/** Adding, deleting, renaming, moving, hiding or copying sheets needs the workbook's structure unprotected. */
export function requireStructureEditable(wb: WorkbookState, where: string): void {
  if (wb.structureProtected)
    throw simError("AccessDenied", `${ACCESS_DENIED} The workbook's structure is protected.`, where);
}

/** Cells, formats and charts of a protected sheet cannot be changed. */
export function requireSheetEditable(sheet: SheetState, where: string): void {
  if (sheet.protected)
    throw simError("AccessDenied", `${ACCESS_DENIED} The worksheet "${sheet.name}" is protected.`, where);
}

/**
 * Calls that fail while another workbook has the focus, and the error each gives: "API limitations when the
 * active workbook switches", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting.
 */
export const FOCUS_SENSITIVE: Record<string, SimErrorCode> = {
  "Chart.activate": "GeneralException",
  "Range.select": "GeneralException",
  "Table.clearFilters": "GeneralException",
  "Workbook.getActiveCell": "InvalidSelection",
  "Workbook.getSelectedRange": "InvalidSelection",
  "Workbook.getSelectedRanges": "InvalidSelection",
  "Worksheet.activate": "GeneralException",
  "Worksheet.delete": "InvalidSelection",
  "Worksheet.showGridlines": "GeneralException",
  "Worksheet.showHeadings": "GeneralException",
  "WorksheetCollection.add": "GeneralException",
  "WorksheetFreezePanes.freezeAt": "GeneralException",
  "WorksheetFreezePanes.freezeColumns": "GeneralException",
  "WorksheetFreezePanes.freezeRows": "GeneralException",
  "WorksheetFreezePanes.getLocationOrNullObject": "GeneralException",
  "WorksheetFreezePanes.unfreeze": "GeneralException",
};

export function requireFocus(env: HostEnvironment, api: keyof typeof FOCUS_SENSITIVE): void {
  if (!env.focusElsewhere) return;
  const code = FOCUS_SENSITIVE[api];
  throw simError(
    code,
    code === "InvalidSelection"
      ? "The current selection is invalid for this operation."
      : "An internal error has occurred.",
    api,
  );
}

function visibleCount(wb: WorkbookState): number {
  return wb.sheets.filter((s) => s.visibility === "Visible").length;
}

/**
 * Deletes a sheet as Excel does: not the last visible one, not a very hidden one (Worksheet.delete's
 * documentation), not in a protected structure; what referred to it now holds #REF!.
 */
export function deleteSheet(wb: WorkbookState, env: HostEnvironment, sheet: SheetState): void {
  requireStructureEditable(wb, "Worksheet.delete");
  if (sheet.visibility === "VeryHidden") {
    throw simError(
      "InvalidOperation",
      "This operation is not permitted for the current object. A very hidden worksheet cannot be deleted.",
      "Worksheet.delete",
    );
  }
  if (sheet.visibility === "Visible" && visibleCount(wb) === 1) {
    throw simError(
      "InvalidOperation",
      "This operation is not permitted for the current object. A workbook must contain at least one visible worksheet.",
      "Worksheet.delete",
    );
  }
  requireFocus(env, "Worksheet.delete");
  const index = wb.sheets.indexOf(sheet);
  wb.sheets.splice(index, 1);
  wb.tables = wb.tables.filter((t) => t.sheetId !== sheet.id);
  breakReferencesTo(wb, sheet);
  if (wb.activeSheetId === sheet.id) {
    const next =
      wb.sheets.slice(index).find((s) => s.visibility === "Visible") ??
      wb.sheets.find((s) => s.visibility === "Visible");
    wb.activeSheetId = next?.id ?? null;
  }
  if (wb.selection?.sheetId === sheet.id) {
    wb.selection = wb.activeSheetId
      ? { sheetId: wb.activeSheetId, rect: { row: 0, col: 0, rows: 1, cols: 1 } }
      : null;
  }
}

const INVALID_NAME = /[[\]:*?/\\]/;

/** Excel's rules for a sheet name: 1-31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
function checkSheetName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    INVALID_NAME.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Worksheet.name");
  }
  return name;
}

export function sheetNamed(wb: WorkbookState, name: string): SheetState | null {
  const lower = name.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
}

function nameTaken(): Error {
  return simError("ItemAlreadyExists", "That name is already taken. Try a different one.", "Worksheet.name");
}

/** Renames a sheet; formulas, names and charts that read from it follow the new name. */
export function renameSheet(wb: WorkbookState, sheet: SheetState, value: string): void {
  const name = checkSheetName(value);
  const clash = sheetNamed(wb, name);
  if (clash && clash !== sheet) throw nameTaken();
  if (name === sheet.name) return;
  requireStructureEditable(wb, "Worksheet.name");
  const previous = sheet.name;
  sheet.name = name;
  followSheetRename(wb, previous, name);
}

/** Adds a sheet at the end; without a name Excel picks the next free "SheetN". */
export function addSheet(wb: WorkbookState, env: HostEnvironment, name?: string | null): SheetState {
  requireStructureEditable(wb, "WorksheetCollection.add");
  let finalName: string;
  if (name === undefined || name === null) {
    let n = wb.sheets.length + 1;
    while (sheetNamed(wb, `Sheet${n}`)) n++;
    finalName = `Sheet${n}`;
  } else {
    finalName = checkSheetName(name);
    if (sheetNamed(wb, finalName)) throw nameTaken();
  }
  requireFocus(env, "WorksheetCollection.add");
  const sheet = newSheet(nextId(wb, "sheet"), finalName);
  wb.sheets.push(sheet);
  return sheet;
}

/** The name Excel gives a copy: "Name (2)", or the next free number, the base cut to fit 31 characters. */
function copyName(wb: WorkbookState, name: string): string {
  const base = name.replace(/ \(\d+\)$/, "");
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!sheetNamed(wb, candidate)) return candidate;
  }
}

export type WorksheetPosition = "None" | "Before" | "After" | "Beginning" | "End";

/**
 * Copies a sheet as Worksheet.copy does: cells, merges, sizes, conditional formats, charts (their references to
 * the sheet itself now read from the copy), freeze panes, page setup, tab colour and gridlines. Custom
 * properties are not copied (by design: github.com/OfficeDev/office-js/issues/5486), nor are tables.
 * "None", the default, puts the copy first, as the documentation says.
 */
export function copySheet(
  wb: WorkbookState,
  source: SheetState,
  position: WorksheetPosition = "None",
  relativeTo: SheetState | null = null,
): SheetState {
  requireStructureEditable(wb, "Worksheet.copy");
  if ((position === "Before" || position === "After") && !relativeTo)
    throw simError("InvalidArgument", MESSAGES.invalidArgument, "Worksheet.copy");
  const copy: SheetState = {
    ...structuredClone(source),
    id: nextId(wb, "sheet"),
    name: copyName(wb, source.name),
    visibility: "Visible",
    customProperties: [],
  };
  for (const chart of copy.charts) {
    chart.id = nextId(wb, "chart");
    const own = (ref: string | null) => (ref === null ? null : pointAtCopy(ref, source.name, copy.name));
    chart.sourceData = own(chart.sourceData) ?? chart.sourceData;
    for (const series of chart.series) {
      series.values = own(series.values);
      series.xValues = own(series.xValues);
    }
  }
  for (const cf of copy.conditionalFormats) cf.id = nextId(wb, "cf");
  let at: number;
  switch (position) {
    case "Before":
      at = wb.sheets.indexOf(relativeTo as SheetState);
      break;
    case "After":
      at = wb.sheets.indexOf(relativeTo as SheetState) + 1;
      break;
    case "End":
      at = wb.sheets.length;
      break;
    default:
      at = 0;
  }
  wb.sheets.splice(at, 0, copy);
  return copy;
}

/** A chart reference to the copied sheet, now naming the copy. */
function pointAtCopy(ref: string, from: string, to: string): string {
  const { sheet, local } = splitSheet(ref);
  return sheet !== null && sheet.toLowerCase() === from.toLowerCase()
    ? `${quoteSheetName(to)}!${local}`
    : ref;
}
