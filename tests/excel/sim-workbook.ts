// Test helpers: put a raw tracker into the in-memory Excel through the same Office.js calls a user's edits would
// make, and small hand-made plans and summaries for the gateway tests.
import { HISTORY_SHEET_NAME, readHistorySheet } from "../../src/core/history";
import type { ReadHistoryResult } from "../../src/core/history/record";
import type { RawCell, RawWorkbook } from "../../src/core/raw";
import { guardText } from "../../src/excel/text";
import { ExcelSim } from "../../src/excel-sim";

/** The add-in's history sheet read back as the engine reads it, from the cells Excel holds (its first `rows`, if given). */
export function historyIn(sim: ExcelSim, rows?: number): ReadHistoryResult {
  const values = sim.snapshot(HISTORY_SHEET_NAME).values as RawCell[][];
  return readHistorySheet({
    name: HISTORY_SHEET_NAME,
    values: rows === undefined ? values : values.slice(0, rows),
    originRow: 0,
    originCol: 0,
  });
}

/** Bytes written per sync while loading, well under the simulator's 5 MB payload limit. */
const LOAD_BUDGET_BYTES = 2_000_000;

/** A simulator holding `raw`'s sheets (values, number formats, tables, settings) and nothing else. */
export async function simWithTracker(raw: RawWorkbook, sim = new ExcelSim()): Promise<ExcelSim> {
  if (raw.name) sim.workbookName = raw.name;
  await sim.run(async (context) => {
    const first = context.workbook.worksheets.getFirst();
    first.name = "~placeholder";
    for (const sheet of raw.sheets) context.workbook.worksheets.add(sheet.name);
    await context.sync();
    for (const sheet of raw.sheets) {
      const ws = context.workbook.worksheets.getItem(sheet.name);
      const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
      const ROWS_PER_LOAD = Math.max(1, Math.floor(LOAD_BUDGET_BYTES / (Math.max(1, width) * 60)));
      for (let start = 0; start < sheet.values.length; start += ROWS_PER_LOAD) {
        const rows = sheet.values.slice(start, start + ROWS_PER_LOAD);
        const range = ws.getRangeByIndexes(sheet.originRow + start, sheet.originCol, rows.length, width);
        if (sheet.numberFormats) {
          range.numberFormat = sheet.numberFormats
            .slice(start, start + ROWS_PER_LOAD)
            .map((r) => Array.from({ length: width }, (_, c) => r[c] ?? "General"));
        }
        range.values = rows.map((r) => Array.from({ length: width }, (_, c) => guardText(r[c] ?? "")));
        // Loading a big tracker must stay under the payload limit, one block at a time.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
      if (sheet.visibility === "hidden") ws.visibility = "Hidden" as Excel.SheetVisibility;
    }
    for (const table of raw.tables ?? []) {
      context.workbook.worksheets.getItem(table.sheet).tables.add(table.range, true).name = table.name;
    }
    for (const [key, value] of Object.entries(raw.savedSettings ?? {}))
      context.workbook.settings.add(key, value);
    context.workbook.worksheets.getItem("~placeholder").delete();
    await context.sync();
  });
  sim.resetCounters();
  return sim;
}

/** Adds a sheet of the user's own with some values. */
export async function addUserSheet(
  sim: ExcelSim,
  name: string,
  values: (string | number)[][],
): Promise<void> {
  await sim.run(async (context) => {
    const ws = context.workbook.worksheets.add(name);
    ws.getRangeByIndexes(0, 0, values.length, values[0].length).values = values;
    await context.sync();
  });
}

/** Writes `raw`'s sheets over the same sheets of the simulator (values and number formats), as a person's edits. */
export async function overwriteSheets(sim: ExcelSim, raw: RawWorkbook): Promise<void> {
  await sim.run(async (context) => {
    for (const sheet of raw.sheets) {
      const ws = context.workbook.worksheets.getItem(sheet.name);
      const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
      const range = ws.getRangeByIndexes(sheet.originRow, sheet.originCol, sheet.values.length, width);
      if (sheet.numberFormats)
        range.numberFormat = sheet.numberFormats.map((r) =>
          Array.from({ length: width }, (_, c) => r[c] ?? "General"),
        );
      range.values = sheet.values.map((r) => Array.from({ length: width }, (_, c) => guardText(r[c] ?? "")));
    }
    await context.sync();
  });
}
