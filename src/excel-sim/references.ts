// What Excel does to references between sheets: a rename rewrites every formula, defined name and chart series
// that names the sheet; a delete leaves "#REF!" in their place. A formula that is nothing but one reference
// ("='Portfolio Summary'!C5", "=HeadlineEHCP") shows the cell it points at; no other formula is calculated.
import { columnIndex, qualifiedAddress, quoteSheetName, splitSheet, tryParseRect } from "./address";
import { cellAt } from "./helpers";
import {
  cellsToRead,
  type CellState,
  type CellValue,
  type NamedItemState,
  type SheetState,
  type WorkbookState,
} from "./state";

/** Excel's text for a broken reference. */
export const REF_ERROR = "#REF!";

/** Characters that may start and continue an unquoted sheet name in a formula. */
const NAME_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

interface SheetMention {
  /** Where the sheet prefix starts and where its "!" ends (exclusive). */
  start: number;
  end: number;
  sheet: string;
}

/** Every sheet-qualified reference in a formula ("Sheet1!A1", "'My sheet'!$B$2:$C$9"), outside string literals. */
function sheetMentions(formula: string): SheetMention[] {
  const found: SheetMention[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal: "" is an escaped quote inside it.
      i++;
      while (i < formula.length) {
        if (formula[i] === '"' && formula[i + 1] === '"') i += 2;
        else if (formula[i] === '"') break;
        else i++;
      }
      i++;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j] === "'" && formula[j + 1] === "!") {
        found.push({ start: i, end: j + 2, sheet: name });
        i = j + 2;
      } else i = j + 1;
      continue;
    }
    if (NAME_START.test(ch) && (i === 0 || !NAME_PART.test(formula[i - 1]))) {
      let j = i + 1;
      while (j < formula.length && NAME_PART.test(formula[j])) j++;
      if (formula[j] === "!") {
        found.push({ start: i, end: j + 1, sheet: formula.slice(i, j) });
        i = j + 1;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  return found;
}

function replaceMentions(formula: string, sheet: string, replacement: string): string {
  const lower = sheet.toLowerCase();
  let out = "";
  let last = 0;
  for (const m of sheetMentions(formula)) {
    if (m.sheet.toLowerCase() !== lower) continue;
    out += formula.slice(last, m.start) + replacement;
    last = m.end;
  }
  return out + formula.slice(last);
}

/** The formula with references to sheet `from` naming `to` instead, quoted as Excel quotes it. */
function renameInFormula(formula: string, from: string, to: string): string {
  return replaceMentions(formula, from, `${quoteSheetName(to)}!`);
}

/** The formula after sheet `name` was deleted: "=Sheet2!A1" becomes "=#REF!A1", as in Excel. */
function breakInFormula(formula: string, name: string): string {
  return replaceMentions(formula, name, REF_ERROR);
}

/** A series or chart source address after a rename: the new name when it named the old one. */
function renamedAddress(ref: string | null, from: string, to: string): string | null {
  if (ref === null || ref.startsWith(REF_ERROR)) return ref;
  const { sheet, local } = splitSheet(ref);
  const rect = sheet !== null && sheet.toLowerCase() === from.toLowerCase() ? tryParseRect(local) : null;
  return rect ? qualifiedAddress(to, rect) : ref;
}

function brokenAddress(ref: string | null, name: string): string | null {
  if (ref === null || ref.startsWith(REF_ERROR)) return ref;
  const { sheet, local } = splitSheet(ref);
  return sheet !== null && sheet.toLowerCase() === name.toLowerCase() ? `${REF_ERROR}${local}` : ref;
}

/**
 * Rewrites the formulas that name sheet `name` with `change`, on every sheet. A formula can name the sheet only
 * if its text holds the name (quoted, a "'" in it is doubled), so the others are passed over unparsed, and a
 * sheet none of whose formulas change is not copied (a sheet of a million formulas is common enough).
 */
function changeFormulasNaming(wb: WorkbookState, name: string, change: (formula: string) => string): void {
  const lower = name.toLowerCase();
  const quoted = lower.replace(/'/g, "''");
  for (const sheet of wb.sheets) {
    let writable: Map<number, CellState> | null = null;
    for (const [key, cell] of cellsToRead(sheet)) {
      const formula = cell.formula;
      if (!formula) continue;
      const text = formula.toLowerCase();
      if (!text.includes(lower) && !text.includes(quoted)) continue;
      const next = change(formula);
      if (next === formula) continue;
      writable ??= sheet.cells;
      const target = writable.get(key);
      if (target) target.formula = next;
    }
  }
}

/**
 * What Excel does when a sheet is renamed: formulas, defined names, chart series and chart sources that name it
 * take the new name, on every sheet. Hyperlinks keep their text (Excel stores their target as a fixed address).
 */
export function followSheetRename(wb: WorkbookState, from: string, to: string): void {
  changeFormulasNaming(wb, from, (formula) => renameInFormula(formula, from, to));
  for (const name of wb.names) name.formula = renameInFormula(name.formula, from, to);
  for (const sheet of wb.sheets) {
    for (const cf of sheet.conditionalFormats) {
      if (cf.rule.formula1) cf.rule.formula1 = renameInFormula(cf.rule.formula1, from, to);
      if (cf.rule.formula2) cf.rule.formula2 = renameInFormula(cf.rule.formula2, from, to);
    }
    for (const chart of sheet.charts) {
      chart.sourceData = renamedAddress(chart.sourceData, from, to) ?? chart.sourceData;
      for (const series of chart.series) {
        series.values = renamedAddress(series.values, from, to);
        series.xValues = renamedAddress(series.xValues, from, to);
      }
    }
  }
}

/**
 * What Excel does when a sheet is deleted: every formula, defined name, conditional format and chart series on
 * the other sheets that read from it now holds #REF! where the sheet's name was. Names scoped to the sheet go.
 */
export function breakReferencesTo(wb: WorkbookState, deleted: SheetState): void {
  const name = deleted.name;
  changeFormulasNaming(wb, name, (formula) => breakInFormula(formula, name));
  wb.names = wb.names.filter((n) => n.scopeSheetId !== deleted.id);
  for (const n of wb.names) n.formula = breakInFormula(n.formula, name);
  for (const sheet of wb.sheets) {
    for (const cf of sheet.conditionalFormats) {
      if (cf.rule.formula1) cf.rule.formula1 = breakInFormula(cf.rule.formula1, name);
      if (cf.rule.formula2) cf.rule.formula2 = breakInFormula(cf.rule.formula2, name);
    }
    for (const chart of sheet.charts) {
      chart.sourceData = brokenAddress(chart.sourceData, name) ?? chart.sourceData;
      for (const series of chart.series) {
        series.values = brokenAddress(series.values, name);
        series.xValues = brokenAddress(series.xValues, name);
      }
    }
  }
}

/** True when a formula or address holds a broken reference. */
export function isBroken(text: string | null | undefined): boolean {
  return typeof text === "string" && text.includes(REF_ERROR);
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** A defined name visible from `sheet`: one scoped to that sheet first, then a workbook name. */
function findName(wb: WorkbookState, name: string, sheet: SheetState | null): NamedItemState | null {
  const lower = name.toLowerCase();
  return (
    (sheet && wb.names.find((n) => n.scopeSheetId === sheet.id && n.name.toLowerCase() === lower)) ||
    wb.names.find((n) => n.scopeSheetId === null && n.name.toLowerCase() === lower) ||
    null
  );
}

/** The single cell a reference formula points at ("=Sheet1!$C$5", "=C5", "=SomeName"), or null. */
function referencedCell(
  wb: WorkbookState,
  formula: string,
  from: SheetState | null,
  depth = 0,
): { sheet: SheetState; row: number; col: number } | null {
  if (depth > 8) return null;
  const body = formula.replace(/^=/, "").trim();
  const { sheet: sheetName, local } = splitSheet(body);
  const cell = CELL.exec(local);
  if (cell) {
    const sheet =
      sheetName === null
        ? from
        : (wb.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase()) ?? null);
    if (!sheet) return null;
    return { sheet, row: Number(cell[2]) - 1, col: columnIndex(cell[1].toUpperCase()) };
  }
  if (sheetName === null && /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(body)) {
    const named = findName(wb, body, from);
    if (named) return referencedCell(wb, named.formula, null, depth + 1);
  }
  return null;
}

/**
 * The value a cell shows. Constants as stored; a formula with a broken reference shows #REF!; a formula that is
 * only a reference to one cell (directly or through a defined name) shows that cell's value (0 for an empty
 * one); any other formula keeps the value it had when it was imported ("" when written through the API).
 */
export function shownValue(
  wb: WorkbookState,
  sheet: SheetState,
  cell: CellState | undefined,
  depth = 0,
): CellValue {
  if (!cell) return "";
  if (!cell.formula) return cell.value;
  if (isBroken(cell.formula)) return REF_ERROR;
  const body = cell.formula.replace(/^=/, "").trim();
  const named = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(body) ? findName(wb, body, sheet) : null;
  if (named && isBroken(named.formula)) return REF_ERROR;
  const target = referencedCell(wb, cell.formula, sheet);
  if (!target || depth > 8) return cell.value;
  const pointed = cellAt(target.sheet, target.row, target.col);
  const value = shownValue(wb, target.sheet, pointed, depth + 1);
  return value === "" && !pointed?.formula ? 0 : value;
}
