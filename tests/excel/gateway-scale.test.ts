// The gateway at scale, through Microsoft's Office.js client and the in-memory Excel: a 200,000-row sheet read in
// row blocks, a formula column filled down to row 1,048,576 read in a few syncs, and a tracker twenty times the
// sample's size refreshed in as many syncs as the sample.
// Writing a million formulas into the in-memory Excel takes a while, so these run with the slow suites
// (jest.config.js, SLOW_SUITES); the stray cell in column XFD stays in gateway.test.ts.
import { runEngine } from "../../src/core/engine";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { readWorkbookDetailed } from "../../src/excel/read";
import { ExcelSim } from "../../src/excel-sim";
import { generateTracker } from "../support/generate-tracker";
import { historyIn, simWithTracker } from "./sim-workbook";

const NOW = new Date("2025-01-08T09:30:00Z");
const FIVE_MB = 5 * 1024 * 1024;

function gatewayFor(sim: ExcelSim) {
  let n = 0;
  return createWorkbookGateway(sim.run, { runEngine, newRunId: () => `run${++n}` });
}

describe("reading sheets Excel counts as used to its edges", () => {
  it("reads a 200,000-row sheet in row blocks, each response under 5 MB, with every row in place", async () => {
    const rows = 200_000;
    const big = await simWithTracker({
      name: "big.xlsx",
      sheets: [
        {
          name: "Milestones",
          originRow: 0,
          originCol: 0,
          values: Array.from({ length: rows }, (_, r) => [r + 1]),
        },
      ],
    });
    const { raw, syncs } = await big.run((context) => readWorkbookDetailed(context));
    const values = raw.sheets[0].values;
    expect(values).toHaveLength(rows);
    expect(values.every((row, r) => row.length === 1 && row[0] === r + 1)).toBe(true);
    // The walk, then blocks sized from the bytes the first one really took.
    expect(syncs).toBeGreaterThan(2);
    expect(syncs).toBeLessThan(15);
    for (const r of big.requests) expect(Math.max(r.requestBytes, r.responseBytes)).toBeLessThan(FIVE_MB);
  }, 120_000);

  it("a sheet whose formulas are filled to row 1,048,576 is read in a few syncs, and the rows left are reported", async () => {
    const sample = await simWithTracker(generateTracker(1));
    await sample.run(async (context) => {
      const notes = context.workbook.worksheets.add("Notes");
      notes.getRange("A1:B3").values = [
        ["Project", "Budget"],
        ["Hubs", 120000],
        ["Transport", 80000],
      ];
      // A formula column filled down the whole sheet: Excel counts every one of its cells as used.
      notes.getRange("C2:C1048576").formulas = '=IF(B2="","",B2*2)' as unknown as string[][];
      await context.sync();
    });
    sample.resetCounters();
    const outcome = await gatewayFor(sample).refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    const readSyncs = outcome.syncs - 2;
    expect(readSyncs).toBeLessThanOrEqual(10);
    const issue = outcome.summary?.issues.find((i) => i.code === "not_read");
    expect(issue).toMatchObject({ severity: "warning", sheet: "Notes" });
    expect(issue?.cell).toMatch(/^A\d+:C1048576$/);
    expect(issue?.message).toMatch(
      /was not read: Excel counts these cells as used, but they come after a long run/,
    );
    for (const r of sample.requests) expect(Math.max(r.requestBytes, r.responseBytes)).toBeLessThan(FIVE_MB);
  }, 300_000);
});

describe("a large tracker", () => {
  it("takes the same number of syncs for a tracker twenty times the sample's size", async () => {
    const sample = await simWithTracker(generateTracker(1));
    const large = await simWithTracker(generateTracker(20));
    const small = await gatewayFor(sample).refresh({ now: NOW });
    const big = await gatewayFor(large).refresh({ now: NOW });
    expect(small.ok).toBe(true);
    expect(big.ok).toBe(true);
    expect(big.syncs).toBe(small.syncs);
  }, 120_000);
});

describe("a tracker a hundred times the sample's size", () => {
  it("is refreshed with no request over 4 MB (Excel on the web refuses 5 MB), its history block complete", async () => {
    const sim = await simWithTracker(generateTracker(100));
    sim.resetCounters();
    const outcome = await gatewayFor(sim).refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    // Bytes, not time: JSON.stringify of every request body the client sent, as Excel on the web receives it.
    const largest = Math.max(...sim.requests.map((r) => r.requestBytes));
    expect(largest).toBeLessThanOrEqual(4 * 1024 * 1024);
    // Its ~40,000 history rows went in several requests before the swap, and read back as one complete record.
    const read = historyIn(sim);
    expect(read.snapshots.map((s) => s.refresh)).toEqual([1]);
    expect(read.snapshots[0].milestones.length).toBe(outcome.summary?.history?.current.milestones.length);
  }, 600_000);
});
