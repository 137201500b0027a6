// Where the add-in appends to its history sheet, and when it stops: below everything on the sheet (never over a
// row the read did not take), and not at all once a block no longer fits in Excel's 1,048,576 rows.
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/raw";
import { createWorkbookGateway } from "../../src/excel/gateway";
import type { ExcelSim } from "../../src/excel-sim";
import { readXlsxFile } from "../../src/xlsx/read";
import { movedOnOneMonth } from "../support/moved-on";
import { historyIn, overwriteSheets, simWithTracker } from "./sim-workbook";

jest.setTimeout(600_000);

const HISTORY = "Portfolio Summary History";
const JAN = new Date("2025-01-08T09:30:00Z");
const FEB = new Date("2025-02-10T09:30:00Z");

let sample: RawWorkbook;
beforeAll(async () => {
  sample = await readXlsxFile("assets/sample-tracker.xlsx");
});

const gatewayFor = (sim: ExcelSim) => createWorkbookGateway(sim.run, { runEngine });

async function typeOnHistory(sim: ExcelSim, address: string, value: string): Promise<void> {
  await sim.run(async (context) => {
    context.workbook.worksheets.getItem(HISTORY).getRange(address).values = [[value]];
    await context.sync();
  });
}

const cellText = (sim: ExcelSim, row: number, col = 0) =>
  (sim.snapshot(HISTORY).values as unknown[][])[row]?.[col];

describe("the history sheet's extent", () => {
  it("a note typed far below the blocks (past the read's run of blank rows) is kept; the next block goes below it", async () => {
    const sim = await simWithTracker(sample);
    const gateway = gatewayFor(sim);
    expect((await gateway.refresh({ now: JAN })).ok).toBe(true);
    const firstRows = (sim.snapshot(HISTORY).values as unknown[][]).length;
    // 3,000 blank rows below the block, then a note: the read stops at the blank run and never sees it.
    const noteRow = firstRows + 3000;
    await typeOnHistory(sim, `A${noteRow + 1}`, "Checked by the finance team");
    await overwriteSheets(sim, movedOnOneMonth(sample));
    const outcome = await gateway.refresh({ now: FEB });
    expect(outcome.ok).toBe(true);
    expect(cellText(sim, noteRow)).toBe("Checked by the finance team");
    // The rows between are still blank: nothing was written over the gap either.
    expect(cellText(sim, firstRows)).toBe("");
    expect(cellText(sim, noteRow + 1)).toBe(2);
  });

  it("once a block no longer fits in 1,048,576 rows, the refresh still writes the summary, records nothing and says so", async () => {
    const sim = await simWithTracker(sample);
    const gateway = gatewayFor(sim);
    expect((await gateway.refresh({ now: JAN })).ok).toBe(true);
    const before = (sim.snapshot(HISTORY).values as unknown[][]).length;
    await typeOnHistory(sim, "A1048570", "last row in use");
    await overwriteSheets(sim, movedOnOneMonth(sample));
    const outcome = await gateway.refresh({ now: FEB });
    expect(outcome.ok).toBe(true);
    const full = outcome.summary?.issues.filter((i) => i.code === "history_sheet_full") ?? [];
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ severity: "warning", sheet: HISTORY, cell: "A1048570" });
    expect(full[0].message).toMatch(
      /this refresh's \d+ rows do not fit below the 1,048,570 rows the sheet already uses/,
    );
    expect(outcome.summary?.history?.full).toEqual({ usedRows: 1048570, blockRows: expect.any(Number) });
    // The sheet is as it was: the first block, the note, nothing appended.
    const values = sim.snapshot(HISTORY).values as unknown[][];
    expect(values.length).toBe(1048570);
    expect(values[1048569][0]).toBe("last row in use");
    const read = historyIn(sim, before);
    expect(read.snapshots.map((s) => s.refresh)).toEqual([1]);
    // The summary was written, compared with January's report.
    expect(outcome.summary?.sinceLastReport?.heading).toBe("Since the report of 10/01/2025");
  });
});
