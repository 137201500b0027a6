// The history in the live workbook, through the add-in's own path on the in-memory Excel: each successful refresh
// appends one block of rows to the "Portfolio Summary History" sheet (never rewriting the rows above), and the
// next report's "Since last report" lists what changed since the last report, not the last click.
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/raw";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { NAME_KEY, OWNER_KEY, ROLE_KEY } from "../../src/excel/ownership";
import { readXlsxFile } from "../../src/xlsx/read";
import { ExcelSim } from "../../src/excel-sim";
import { MOVED_ON, movedOnOneMonth } from "../support/moved-on";
import { historyIn, overwriteSheets, simWithTracker } from "./sim-workbook";

jest.setTimeout(900_000);

const HISTORY = "Portfolio Summary History";
const JAN = new Date("2025-01-08T09:30:00Z");
const FEB = new Date("2025-02-10T09:30:00Z");

let sample: RawWorkbook;
beforeAll(async () => {
  sample = await readXlsxFile("assets/sample-tracker.xlsx");
});

function gatewayFor(sim: ExcelSim) {
  let n = 0;
  return createWorkbookGateway(sim.run, { runEngine, newRunId: () => `run${++n}` });
}

/** The history sheet's values, as Excel holds them. */
function historyValues(sim: ExcelSim): unknown[][] {
  return sim.snapshot(HISTORY).values as unknown[][];
}

describe("the history sheet in the live workbook", () => {
  it("is made by the first refresh, marked as the add-in's, with one block of rows and a first-report line", async () => {
    const sim = await simWithTracker(sample);
    const outcome = await gatewayFor(sim).refresh({ now: JAN });
    expect(outcome.ok).toBe(true);
    expect(sim.sheetNames).toContain(HISTORY);
    const props = sim.snapshot(HISTORY).customProperties as Record<string, string>;
    expect(props[OWNER_KEY]).toBe("portfolio-summary");
    expect(props[ROLE_KEY]).toBe("history");
    expect(props[NAME_KEY]).toBe(HISTORY);
    const read = historyIn(sim);
    expect(read.snapshots.map((s) => s.refresh)).toEqual([1]);
    expect(outcome.summary?.sinceLastReport?.baseline).toBeNull();
    expect(outcome.summary?.sinceLastReport?.message).toMatch(/^This is the first report recorded/);
    // Filterable by a person: an AutoFilter heads its columns, all the way down, so later blocks are in it too.
    expect(sim.snapshot(HISTORY).autoFilter).toBe("A:O");
    // After the summary and its data in the tabs.
    expect(sim.sheetNames.slice(-3)).toEqual(["Portfolio Summary", "Portfolio Summary Data", HISTORY]);
  });

  it("appends a block too large for the swap in requests of its own, and a refresh that stops before its completion mark leaves no record", async () => {
    const sim = await simWithTracker(sample);
    await gatewayFor(sim).refresh({ now: JAN });
    await overwriteSheets(sim, movedOnOneMonth(sample));
    // A write budget of 20,000 bytes: the sample's block (76 rows, about 25 KB) no longer rides the swap.
    const BUDGET = 20_000;
    let n = 0;
    const small = createWorkbookGateway(sim.run, {
      runEngine,
      newRunId: () => `small${++n}`,
      writeBudgetBytes: BUDGET,
    });
    // The swap (the one request with the block's completion mark, its Overall RAG row) is refused.
    sim.refuseRequests((_body, text) =>
      text.includes('"overall_rag"')
        ? Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" })
        : null,
    );
    const rowsBefore = historyValues(sim).length;
    const failed = await small.refresh({ now: FEB });
    sim.refuseRequests(null);
    expect(failed.ok).toBe(false);
    // The block's other rows are on the sheet (append only: nothing removes them), but they are no record.
    expect(historyValues(sim).length).toBeGreaterThan(rowsBefore + 50);
    const half = historyIn(sim);
    expect(half.snapshots.map((s) => s.refresh)).toEqual([1]);
    expect(half.lastRefresh).toBe(2);

    sim.resetCounters();
    const outcome = await small.refresh({ now: FEB });
    expect(outcome.ok).toBe(true);
    // Numbered past the incomplete block, so none of its rows joins this one; compared with the January report.
    const read = historyIn(sim);
    expect(read.snapshots.map((s) => s.refresh)).toEqual([1, 3]);
    expect(read.snapshots[1].milestones).toHaveLength(read.snapshots[0].milestones.length);
    expect(outcome.summary?.sinceLastReport?.baseline?.refresh).toBe(1);
    // Every write request but the swap within the budget (with the client's small excess over the estimate).
    const writes = sim.requests.filter((r) => !r.cleanup).slice(2, -1);
    expect(writes.length).toBeGreaterThan(10);
    for (const r of writes) expect(r.requestBytes).toBeLessThanOrEqual(BUDGET * 1.05);
  });
});

describe("since last report, through the add-in", () => {
  it("lists exactly what the tracker moved on by in a month, with each KPI's direction by its polarity", async () => {
    const sim = await simWithTracker(sample);
    const gateway = gatewayFor(sim);
    expect((await gateway.refresh({ now: JAN })).ok).toBe(true);
    await overwriteSheets(sim, movedOnOneMonth(sample));
    const outcome = await gateway.refresh({ now: FEB });
    expect(outcome.ok).toBe(true);
    const since = outcome.summary?.sinceLastReport;
    expect(since?.heading).toBe("Since the report of 10/01/2025");
    expect(since?.baseline).toEqual({
      refresh: 1,
      refreshedAt: JAN.toISOString(),
      reportingDate: "2025-01-10",
    });
    expect(since?.overallRag?.text).toBe("Amber/Red then and now");
    // Higher is worse for all three: more plans is worse, the same overspend no change, a lower share better.
    expect(since?.kpis.map((k) => [k.id, k.arrow, k.text])).toEqual([
      ["ehcp_count", "↑", "+43 plans, worse"],
      ["hnb_overspend", "→", "no change"],
      ["inmss_share", "↓", "-0.01 pp, better"],
    ]);
    expect(since?.workstreams.map((w) => [w.name, w.text])).toEqual([
      [MOVED_ON.workstream, "Green - On Track -> Amber - Off Track, worse"],
    ]);
    expect(since?.keyRisks.map((r) => [r.id, r.change, r.from, r.to, r.text])).toEqual([
      ["R01", "rescored", 20, 16, "Rescored 20 -> 16, better"],
    ]);
    expect(since?.milestones.map((m) => [m.name, m.change])).toEqual([[MOVED_ON.milestone, "completed"]]);
    expect(since?.issues.map((i) => [i.change, i.sheet, i.cell])).toEqual([
      ["new", "SEND Monthly", MOVED_ON.newProblemCell],
    ]);
    // Each change is a click from its source in the tracker.
    expect(since?.workstreams[0].source).toEqual({ sheet: "Workstreams", cell: "C2" });
    expect(since?.milestones[0].source?.sheet).toBe("Milestones");
    // The summary's page says it too.
    const page = sim
      .snapshot("Portfolio Summary")
      .values.flat()
      .filter((v) => typeof v === "string");
    expect(page).toContain("Since the report of 10/01/2025");
    expect(page).toContain("↑ +43 plans, worse");
    expect(page).toContain("Rescored 20 -> 16, better");
  });
});

/** The sample with its reporting and SEND data dates `months` months on (the 10th and the 7th). */
function monthOn(raw: RawWorkbook, months: number): RawWorkbook {
  const at = (day: number) => {
    const d = new Date(Date.UTC(2025, months, day));
    return Math.round(d.getTime() / 86_400_000) + 25569;
  };
  return {
    ...raw,
    sheets: raw.sheets.map((s) =>
      s.name !== "Settings"
        ? s
        : {
            ...s,
            values: s.values.map((r) =>
              r[0] === "Reporting date"
                ? [r[0], at(10)]
                : r[0] === "SEND data last refreshed"
                  ? [r[0], at(7)]
                  : r,
            ),
          },
    ),
  };
}

describe("twelve monthly reports and several refreshes a month", () => {
  it("always compares with the previous month's last refresh, and only ever adds one block a refresh", async () => {
    const sim = await simWithTracker(sample);
    const gateway = gatewayFor(sim);
    let before: unknown[][] = [];
    let refreshes = 0;
    const lastOfMonth = new Map<number, number>();
    for (let month = 0; month < 12; month++) {
      await overwriteSheets(sim, monthOn(sample, month));
      // Two refreshes of each month's report (a third in the months the finance officer is busy).
      const times = month % 4 === 1 ? 3 : 2;
      for (let i = 0; i < times; i++) {
        const now = new Date(Date.UTC(2025, month, 10, 9 + i, 0, 0));
        const outcome = await gateway.refresh({ now });
        expect(outcome.ok).toBe(true);
        refreshes++;
        const since = outcome.summary?.sinceLastReport;
        if (month === 0) expect(since?.baseline).toBeNull();
        else {
          expect(since?.baseline?.reportingDate).toBe(
            new Date(Date.UTC(2025, month - 1, 10)).toISOString().slice(0, 10),
          );
          expect(since?.baseline?.refresh).toBe(lastOfMonth.get(month - 1));
        }
        const values = historyValues(sim);
        // Append only: every row there before is there still, unchanged, and one block was added below.
        expect(values.slice(0, before.length)).toEqual(before);
        expect(values.length).toBeGreaterThan(before.length);
        before = values;
        const read = historyIn(sim);
        expect(read.snapshots.map((s) => s.refresh)).toEqual(
          Array.from({ length: refreshes }, (_, k) => k + 1),
        );
        expect(read.skippedRows).toBe(0);
      }
      lastOfMonth.set(month, refreshes);
    }
    // The trend on the last page shows the last six reports, one per month.
    const last = await gateway.refresh({ now: new Date(Date.UTC(2025, 11, 20)) });
    expect(last.summary?.history?.reports.map((r) => r.reportingDate)).toEqual(
      [6, 7, 8, 9, 10, 11].map((m) => new Date(Date.UTC(2025, m, 10)).toISOString().slice(0, 10)),
    );
  });

  it("restarts the history when the sheet is deleted", async () => {
    const sim = await simWithTracker(sample);
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: JAN });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem(HISTORY).delete();
      await context.sync();
    });
    await overwriteSheets(sim, movedOnOneMonth(sample));
    const outcome = await gateway.refresh({ now: FEB });
    expect(outcome.summary?.sinceLastReport?.baseline).toBeNull();
    const read = historyIn(sim);
    expect(read.snapshots.map((s) => s.refresh)).toEqual([1]);
    // The new sheet follows the summary and its data, which were updated in place.
    expect(sim.sheetNames.slice(-3)).toEqual(["Portfolio Summary", "Portfolio Summary Data", HISTORY]);
  });

  it("records nothing for a refresh that stops on errors in the tracker", async () => {
    const sim = await simWithTracker(sample);
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: JAN });
    const rows = historyValues(sim).length;
    const broken = {
      ...sample,
      sheets: sample.sheets.map((s) =>
        // The register's likelihood column renamed out of recognition: a required column missing, an error.
        s.name === "Risk Register"
          ? {
              ...s,
              values: s.values.map((r, i) => (i === 0 ? r.map((v, c) => (c === 5 ? "Chance of it" : v)) : r)),
            }
          : s,
      ),
    };
    await overwriteSheets(sim, broken);
    const outcome = await gateway.refresh({ now: FEB });
    expect(outcome.ok).toBe(false);
    expect(outcome.issueCounts.error).toBeGreaterThan(0);
    expect(historyValues(sim).length).toBe(rows);
  });
});

describe("text from the tracker stays text in the history and the block", () => {
  const HOSTILE_NAME = '=HYPERLINK("http://example.invalid","click")';
  const HOSTILE_TITLE = "@SUM(A1)";
  const HOSTILE_MILESTONE = "+44 1225 713000";
  /** The workstream, the risk and the milestone the month changes, renamed like formulas. */
  const hostile = (raw: RawWorkbook): RawWorkbook => ({
    ...raw,
    sheets: raw.sheets.map((s) => ({
      ...s,
      values: s.values.map((r) =>
        r.map((v, c) => {
          if (v === MOVED_ON.workstream) return HOSTILE_NAME;
          if (s.name === "Risk Register" && c === 1 && r[0] === MOVED_ON.risk) return HOSTILE_TITLE;
          if (s.name === "Milestones" && v === MOVED_ON.milestone && r[1] === MOVED_ON.milestoneWorkstream)
            return HOSTILE_MILESTONE;
          return v;
        }),
      ),
    })),
  });

  it("writes no formula on the history sheet or the summary, and every text as typed", async () => {
    const sim = await simWithTracker(hostile(sample));
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: JAN });
    const moved = movedOnOneMonth(sample);
    // The moved-on copy finds its rows by their names, so it is moved on first and renamed after.
    await overwriteSheets(sim, hostile(moved));
    const outcome = await gateway.refresh({ now: FEB });
    expect(outcome.ok).toBe(true);
    const since = outcome.summary?.sinceLastReport;
    expect(since?.workstreams.map((w) => w.name)).toEqual([HOSTILE_NAME]);
    expect(since?.keyRisks.map((r) => r.title)).toEqual([HOSTILE_TITLE]);
    expect(since?.milestones.map((m) => m.name)).toEqual([HOSTILE_MILESTONE]);
    for (const name of [HISTORY, "Portfolio Summary"]) {
      const sheet = sim.snapshot(name);
      expect(sheet.formulas).toEqual({});
      const texts = sheet.values.flat().filter((v): v is string => typeof v === "string");
      if (name === HISTORY)
        expect(texts).toEqual(expect.arrayContaining([HOSTILE_NAME, HOSTILE_TITLE, HOSTILE_MILESTONE]));
      else {
        expect(texts).toContain(`Programme 2: ${HOSTILE_NAME}`);
        expect(texts).toContain(`R01 ${HOSTILE_TITLE}`);
      }
    }
  });
});

describe("the add-in and the file renderer write the same history", () => {
  it("one refresh of the sample: the same header, rows, values and number formats", async () => {
    const { planSheets } = await import("../../src/layout");
    const { writePlanXlsx } = await import("../../src/xlsx/write");
    const ExcelJS = (await import("exceljs")).default;
    const sim = await simWithTracker(sample);
    const outcome = await gatewayFor(sim).refresh({ now: JAN });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writePlanXlsx(planSheets(outcome.summary!))) as unknown as ArrayBuffer);
    const file = book.getWorksheet(HISTORY)!;
    const live = sim.snapshot(HISTORY);
    expect(file.rowCount).toBe(live.values.length);
    // ExcelJS's cells, read as plain data (the Office.js lint rules would take them for Excel proxies).
    const fileCells = (r: number, c: number) => {
      const { value, numFmt, address } = file.getRow(r + 1).getCell(c + 1) as unknown as {
        value: unknown;
        numFmt: string;
        address: string;
      };
      return { value, numFmt, address };
    };
    live.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const { value, numFmt, address } = fileCells(r, c);
        if (!(value instanceof Date)) expect([address, value ?? ""]).toEqual([address, v]);
        expect([address, numFmt || "General"]).toEqual([address, live.numberFormats[address] ?? "General"]);
      }),
    );
  });
});
