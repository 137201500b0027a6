// The history's pure rules: the rows a refresh records and their reading back, the baseline (the last report, not
// the last click), and the size five years of monthly reports come to.
import { runEngine } from "../../../src/core/engine";
import { chooseBaseline, historyHeader, historyRows, readHistorySheet } from "../../../src/core/history";
import type { HistorySnapshot, PortfolioSummary } from "../../../src/core/model";
import type { RawCell } from "../../../src/core/raw";
import { ReadPlan } from "../../../src/excel/blocks";
import { planSheets } from "../../../src/layout";
import { generateTracker } from "../../support/generate-tracker";

const summary: PortfolioSummary = runEngine(generateTracker(1), { now: new Date("2025-01-08T09:30:00Z") });

const sheetOf = (values: RawCell[][]) => ({
  name: "Portfolio Summary History",
  values,
  originRow: 0,
  originCol: 0,
});
const snap = (refresh: number, reportingDate: string | null): HistorySnapshot => ({
  ...summary.history!.current,
  refresh,
  reportingDate,
});

describe("the rows a refresh records", () => {
  it("one row per figure: the overall RAG, three KPIs, every workstream and milestone, key risks, problems", () => {
    const rows = historyRows(summary.history!.current);
    const kinds = rows.map((r) => r.cells[5]);
    expect(kinds.filter((k) => k === "Overall RAG")).toHaveLength(1);
    expect(kinds.filter((k) => k === "KPI")).toHaveLength(3);
    expect(kinds.filter((k) => k === "Workstream")).toHaveLength(16);
    expect(kinds.filter((k) => k === "Key risk")).toHaveLength(2);
    expect(rows.every((r) => r.cells.length === historyHeader().length)).toBe(true);
  });

  it("reads back as the same snapshot, also after a person reorders the columns and adds one of their own", () => {
    const current = summary.history!.current;
    const values = [historyHeader(), ...historyRows(current).map((r) => r.cells)];
    expect(readHistorySheet(sheetOf(values)).snapshots).toEqual([current]);
    const order = values[0].map((_, i) => i).reverse();
    const shuffled = values.map((row, r) => [...order.map((i) => row[i]), r === 0 ? "My notes" : "checked"]);
    expect(readHistorySheet(sheetOf(shuffled)).snapshots).toEqual([current]);
  });

  it("a sheet without the history's header row is no history: it starts again", () => {
    expect(readHistorySheet(sheetOf([["Something else"], [1]])).snapshots).toEqual([]);
  });
});

describe("the baseline is the last report, not the last click", () => {
  const recorded = [
    snap(1, "2024-11-10"),
    snap(2, "2024-12-10"),
    snap(3, "2024-12-10"),
    snap(4, "2025-01-10"),
  ];

  it("is the latest refresh of the most recent report dated before this one", () => {
    expect(chooseBaseline(recorded, "2025-01-10").baseline?.refresh).toBe(3);
    expect(chooseBaseline(recorded, "2025-02-10").baseline?.refresh).toBe(4);
  });

  it("can be the previous refresh, or the report of a chosen date, by a setting", () => {
    expect(chooseBaseline(recorded, "2025-01-10", { kind: "previous_refresh" }).baseline?.refresh).toBe(4);
    const of = (reportingDate: string) =>
      chooseBaseline(recorded, "2025-01-10", { kind: "report_of", reportingDate });
    expect(of("2024-11-10").baseline?.refresh).toBe(1);
    expect(of("2023-01-01").reason).toMatch(/No report of 01\/01\/2023/);
  });

  it("is none on a first report, however often it is refreshed", () => {
    expect(chooseBaseline([], "2025-01-10")).toEqual({ baseline: null });
    expect(chooseBaseline([snap(1, "2025-01-10"), snap(2, "2025-01-10")], "2025-01-10")).toEqual({
      baseline: null,
    });
  });
});

describe("five years of monthly reports", () => {
  it.each([
    [60, "one refresh a month"],
    [240, "four refreshes a month"],
  ])("%i refreshes (%s) stay within Excel's rows and are read in requests under 5 MB", (refreshes) => {
    const plan = planSheets(summary, {
      recorded: Array.from({ length: refreshes - 1 }, (_, i) => snap(i + 1, "2025-01-10")),
    });
    const sheet = plan.history!.sheet;
    expect(sheet.values.length).toBeLessThan(1_048_576);
    // What Excel returns for it, block by block as the add-in's read asks: values and number formats, as JSON.
    const width = sheet.values[0].length;
    // The read's own plan, fed what Excel would answer: each request's values and formats stay under 5 MB.
    const read = new ReadPlan([{ sheet: 0, rowCount: sheet.values.length, columnCount: width }]);
    const batches: unknown[] = [];
    while (!read.done) {
      const blocks = read.next();
      batches.push(blocks);
      let bytes = 0;
      for (const block of blocks) {
        const rows = sheet.values
          .slice(block.rowOffset, block.rowOffset + block.rowCount)
          .map((r) => r.map((v) => v ?? ""));
        const formats = rows.map((r) => r.map(() => "dd/mm/yyyy hh:mm"));
        const size = JSON.stringify(rows).length + JSON.stringify(formats).length;
        bytes += size;
        read.took(block, rows, formats, size);
      }
      expect(bytes).toBeLessThan(5 * 1024 * 1024);
    }
    // Figures quoted in docs/addin.md: 60 refreshes in 4,561 rows, read in 1 request; 240 in 18,241 rows, in 3.
    expect([sheet.values.length, batches.length]).toEqual(refreshes === 60 ? [4561, 1] : [18241, 3]);
  });
});

describe("the drafted narrative once there is a history", () => {
  it("says the biggest changes since the last report, and nothing of the kind on a first report", async () => {
    const { readXlsxFile } = await import("../../../src/xlsx/read");
    const { movedOnOneMonth } = await import("../../support/moved-on");
    const raw = await readXlsxFile("assets/sample-tracker.xlsx");
    const january = runEngine(raw, { now: new Date("2025-01-08T09:30:00Z") });
    expect(january.draftNarrative?.paragraphs.some((p) => p.startsWith("Since"))).toBe(false);
    const february = runEngine(movedOnOneMonth(raw), {
      now: new Date("2025-02-10T09:30:00Z"),
      recorded: [january.history!.current],
    });
    const since = february.draftNarrative?.paragraphs[1] ?? "";
    expect(since).toMatch(/^Since the report of 10\/01\/2025: Number of EHCPs \+43 plans, worse;/);
    expect(since).toContain("Rescored 20 -> 16, better");
    expect(since).not.toContain("O38");
  });
});
