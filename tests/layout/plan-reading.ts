// Reads a planned sheet the way a renderer would: the value, format and effective style at an address.
import { cellAddress as coreCellAddress, parseRangeAddress as parseCoreRange } from "../../src/core/a1";
import type { CellStyle, PlannedSheet, PlanValue, SheetPlan } from "../../src/layout/plan";

// Tests name a plan's rows as Excel numbers them (row 1 first, values[row - 1]), as a person reading the page does.

/** (3, 0) -> "A3": a row as Excel numbers it, a 0-based column. */
export function cellAddress(row: number, col: number): string {
  return coreCellAddress(row - 1, col);
}

/** A rectangle as "A3:D5"; a single cell stays "A3" (rows as Excel numbers them). */
export function rangeAddress(row1: number, col1: number, row2 = row1, col2 = col1): string {
  const a = cellAddress(row1, col1);
  const b = cellAddress(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

export interface Rect {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

/** "B2:D4" or "B2" -> its corners (rows as Excel numbers them, columns 0-based). Throws on text that is not A1. */
export function parseRangeAddress(range: string): Rect {
  const corners = parseCoreRange(range);
  if (!corners) throw new Error(`Not an A1 address: "${range}"`);
  return { row1: corners.top + 1, col1: corners.left, row2: corners.bottom + 1, col2: corners.right };
}

export function sheetOf(plan: SheetPlan, key: "summary" | "data"): PlannedSheet {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`No ${key} sheet in the plan`);
  return sheet;
}

export function valueAt(sheet: PlannedSheet, address: string): PlanValue {
  const { row1, col1 } = parseRangeAddress(address);
  return sheet.values[row1 - 1]?.[col1] ?? null;
}

export function valuesIn(sheet: PlannedSheet, range: string): PlanValue[] {
  const r = parseRangeAddress(range);
  const out: PlanValue[] = [];
  for (let row = r.row1; row <= r.row2; row++) {
    for (let col = r.col1; col <= r.col2; col++) out.push(sheet.values[row - 1]?.[col] ?? null);
  }
  return out;
}

const covers = (range: string, address: string) => {
  const r = parseRangeAddress(range);
  const a = parseRangeAddress(address);
  return a.row1 >= r.row1 && a.row1 <= r.row2 && a.col1 >= r.col1 && a.col1 <= r.col2;
};

/** The number format a renderer ends up with at a cell (later entries win). */
export function formatAt(sheet: PlannedSheet, address: string): string | null {
  let format: string | null = null;
  for (const f of sheet.numberFormats) if (covers(f.range, address)) format = f.format;
  return format;
}

const styleGrids = new WeakMap<PlannedSheet, Map<string, CellStyle>>();

/** The style at a cell after applying every entry in order, property by property (painted once a sheet). */
export function styleAt(sheet: PlannedSheet, address: string): CellStyle {
  let grid = styleGrids.get(sheet);
  if (!grid) {
    grid = new Map();
    for (const s of sheet.styles) {
      const r = parseRangeAddress(s.range);
      for (let row = r.row1; row <= r.row2; row++) {
        for (let col = r.col1; col <= r.col2; col++) {
          const key = cellAddress(row, col);
          const style = grid.get(key) ?? {};
          grid.set(key, {
            ...style,
            ...s.style,
            font: { ...style.font, ...s.style.font },
            borders: { ...style.borders, ...s.style.borders },
          });
        }
      }
    }
    styleGrids.set(sheet, grid);
  }
  return grid.get(address) ?? {};
}

/** Address of the first cell holding exactly `value` (row by row). */
export function find(sheet: PlannedSheet, value: PlanValue): string | null {
  for (let r = 0; r < sheet.values.length; r++) {
    const c = sheet.values[r].indexOf(value);
    if (c >= 0) return cellAddress(r + 1, c);
  }
  return null;
}

/** Every cell address with a non-empty value. */
export function filledCells(sheet: PlannedSheet): string[] {
  const out: string[] = [];
  sheet.values.forEach((row, r) => row.forEach((v, c) => v !== null && out.push(cellAddress(r + 1, c))));
  return out;
}

/** The page as text, one line a row with its cells: a readable snapshot of what the board will see. */
export function describeSheet(sheet: PlannedSheet): string {
  const lines = sheet.values.map((row, r) => {
    const cells = row
      .map((v, c) => (v === null ? null : `${cellAddress(r + 1, c)}=${JSON.stringify(v)}`))
      .filter((x): x is string => x !== null);
    return cells.length ? cells.join(" | ") : null;
  });
  return lines.filter((l): l is string => l !== null).join("\n");
}
