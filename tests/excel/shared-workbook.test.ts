// Acceptance for a shared workbook (issue 12), on the in-memory Excel: a refresh never breaks a reference people
// built on the summary, never loses what they typed on it, runs one at a time across runtimes, and refuses a
// read-only or protected workbook in its first sync with a message of its own.
import { SAVED_MAPPING_KEY } from "../../src/core/engine-api";
import { suggestMapping } from "../../src/core/mapping";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { officeRunner } from "../../src/excel/runner";
import { LEASE_KEY, LEASE_STALE_AFTER_MS } from "../../src/excel/lease";
import {
  BACKUP_KEY,
  BUILDING_PREFIX,
  KEPT_BY_KEY,
  LAST_OUTCOME_KEY,
  OWNER_KEY,
} from "../../src/excel/ownership";
import type { GatewayDeps } from "../../src/excel/workbook-gateway";
import { ExcelSim, installExcelGlobals, SimExcelError, type SheetSnapshot } from "../../src/excel-sim";
import { generateTracker } from "../support/generate-tracker";
import { simWithTracker } from "./sim-workbook";
import { readFileSync } from "node:fs";
import { join } from "node:path";

beforeAll(() => installExcelGlobals());
// Several refreshes a test, each through Microsoft's client: more than the default 30 s on a busy shared machine.
jest.setTimeout(120_000);

const NOW = new Date("2025-01-08T09:30:00Z");
const SUMMARY = "Portfolio Summary";
const DATA = "Portfolio Summary Data";
/** The history sheet the first refresh adds (issue 13): appended to, never replaced. */
const HISTORY = "Portfolio Summary History";

function gatewayFor(sim: ExcelSim, deps: Partial<GatewayDeps> = {}, prefix = "run") {
  let n = 0;
  return createWorkbookGateway(sim.run, { newRunId: () => `${prefix}${++n}`, ...deps });
}

/** The address of the first cell on a sheet holding `value`. */
function cellHolding(snapshot: SheetSnapshot, value: number): string {
  for (const [address, cell] of Object.entries(snapshot.cells))
    if (cell.value === value || cell.value === String(value)) return address;
  throw new Error(`No cell on "${snapshot.name}" holds ${String(value)}`);
}

function refErrors(sim: ExcelSim): string[] {
  const found: string[] = [];
  for (const name of sim.sheetNames) {
    const snap = sim.snapshot(name);
    for (const [address, formula] of Object.entries(snap.formulas))
      if (formula.includes("#REF!")) found.push(`${name}!${address}: ${formula}`);
    for (const chart of snap.charts)
      for (const s of chart.series)
        if (`${s.values}${s.xValues}`.includes("#REF!"))
          found.push(`${name} chart ${chart.name}: ${s.values}`);
  }
  for (const [name, formula] of Object.entries(sim.definedNames))
    if (formula.includes("#REF!")) found.push(`name ${name}: ${formula}`);
  return found;
}

let sim: ExcelSim;
beforeEach(async () => {
  sim = await simWithTracker(generateTracker(1));
});

describe("references people built on the summary survive every refresh", () => {
  it("a cover sheet's formula, a defined name and a chart on the chart data still resolve after three refreshes, to the refreshed figure", async () => {
    const gateway = gatewayFor(sim);
    expect((await gateway.refresh({ now: NOW })).ok).toBe(true);
    const headline = cellHolding(sim.snapshot(SUMMARY), 6357);
    const dataBlock = sim.snapshot(DATA);
    const firstValue = cellHolding(dataBlock, 6353);
    await sim.run(async (context) => {
      const summary = context.workbook.worksheets.getItem(SUMMARY);
      const data = context.workbook.worksheets.getItem(DATA);
      const cover = context.workbook.worksheets.add("Board cover");
      cover.getRange("A1:A2").formulas = [[`='${SUMMARY}'!${headline}`], ["=EHCPHeadline"]];
      cover.getRange("A3").hyperlink = {
        documentReference: `'${SUMMARY}'!${headline}`,
        textToDisplay: "Headline",
      };
      context.workbook.names.add("EHCPHeadline", summary.getRange(headline));
      const chart = cover.charts.add(
        Excel.ChartType.columnClustered,
        data.getRange(firstValue),
        Excel.ChartSeriesBy.columns,
      );
      chart.name = "Cover chart";
      await context.sync();
    });
    for (let i = 0; i < 3; i++) expect((await gateway.refresh({ now: NOW })).ok).toBe(true);
    expect(refErrors(sim)).toEqual([]);
    expect(sim.valueAt("Board cover", "A1")).toBe(6357);
    expect(sim.valueAt("Board cover", "A2")).toBe(6357);
    expect(sim.definedNames.EHCPHeadline).toBe(`='${SUMMARY}'!$${headline.replace(/(\d+)/, "$$$1")}`);
    expect(sim.sheetNames).toContain(
      sim.snapshot("Board cover").hyperlinks.A3.documentReference?.split("'")[1],
    );
    expect(sim.snapshot("Board cover").charts[0].series[0].values).toBe(`'${DATA}'!${firstValue}`);

    // The tracker moves on: the cover follows the figure the summary now shows in the same cell.
    // The live count is typed on the KPIs sheet.
    const latest = cellHolding(sim.snapshot("KPIs"), 6357);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("KPIs").getRange(latest).values = [[6401]];
      await context.sync();
    });
    expect((await gateway.refresh({ now: NOW })).ok).toBe(true);
    expect(sim.snapshot(SUMMARY).cells[headline].value).toBe(6401);
    expect(sim.valueAt("Board cover", "A1")).toBe(6401);
    expect(sim.valueAt("Board cover", "A2")).toBe(6401);
    expect(refErrors(sim)).toEqual([]);
  });

  it("a copy of the summary the user kept, renamed or copied, keeps working charts", async () => {
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: NOW });
    await sim.run(async (context) => {
      const summary = context.workbook.worksheets.getItem(SUMMARY);
      summary.name = "Board pack January";
      await context.sync();
    });
    await gateway.refresh({ now: NOW });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem(SUMMARY).copy(Excel.WorksheetPositionType.end);
      await context.sync();
    });
    for (let i = 0; i < 2; i++) expect((await gateway.refresh({ now: NOW })).ok).toBe(true);
    for (const kept of ["Board pack January", `${SUMMARY} (2)`]) {
      const charts = sim.snapshot(kept).charts;
      expect(charts.length).toBeGreaterThan(3);
      for (const chart of charts)
        for (const s of chart.series) {
          expect(s.values?.startsWith(`'${DATA}'!`)).toBe(true);
          expect(s.xValues?.startsWith(`'${DATA}'!`)).toBe(true);
        }
    }
    expect(refErrors(sim)).toEqual([]);
    // The user's copies are theirs: the refresh wrote one summary and left them.
    expect(sim.sheetNames.filter((n) => n === SUMMARY)).toHaveLength(1);
    expect(sim.snapshot(`${SUMMARY} (2)`).customProperties).toEqual({});
  });
});

describe("nothing typed on the summary is lost", () => {
  it("a note typed on the summary survives the refresh in a kept sheet the outcome names", async () => {
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: NOW });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem(SUMMARY).getRange("M3").values = [
        ["Board: query the HNB forecast"],
      ];
      await context.sync();
    });
    const later = new Date("2025-01-10T09:00:00Z");
    const outcome = await gateway.refresh({ now: later });
    expect(outcome.ok).toBe(true);
    const kept = "Summary (edited 10-01-2025)";
    expect(outcome.keptSheet).toBe(kept);
    expect(outcome.message).toContain(`"${kept}"`);
    expect(sim.settings[LAST_OUTCOME_KEY]).toMatchObject({ keptSheet: kept, message: outcome.message });
    expect(sim.snapshot(kept).cells.M3.value).toBe("Board: query the HNB forecast");
    expect(sim.snapshot(SUMMARY).cells.M3).toBeUndefined();
    // The kept sheet is the user's from now on: the next refreshes leave it, and keep no second copy.
    expect(sim.snapshot(kept).customProperties[KEPT_BY_KEY]).toBe(outcome.runId);
    const again = await gateway.refresh({ now: later });
    expect(again.keptSheet).toBeNull();
    expect(sim.snapshot(kept).cells.M3.value).toBe("Board: query the HNB forecast");
    expect(sim.sheetNames.filter((n) => n.startsWith("Summary (edited"))).toEqual([kept]);
    expect(refErrors(sim)).toEqual([]);
  });

  it("a summary that was only reformatted is refreshed without keeping a copy", async () => {
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: NOW });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem(SUMMARY).getRange("A1:C3").format.fill.color = "#FFFF00";
      await context.sync();
    });
    const outcome = await gateway.refresh({ now: NOW });
    expect(outcome).toMatchObject({ ok: true, keptSheet: null });
    expect(sim.sheetNames.some((n) => n.startsWith("Summary (edited"))).toBe(false);
  });

  it("when the write fails after the copy was made, the copy goes and the edited summary stays as it was", async () => {
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: NOW });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem(SUMMARY).getRange("M3").values = [["note"]];
      await context.sync();
    });
    const before = sim.sheetNames;
    // Syncs 1-2 read, 3 builds (and copies the summary), 4 swaps.
    sim.failOnSync(4);
    const outcome = await gateway.refresh({ now: NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.keptSheet).toBeNull();
    expect(sim.sheetNames).toEqual(before);
    expect(sim.snapshot(SUMMARY).cells.M3.value).toBe("note");
  });
});

describe("one refresh at a time, across the pane, the ribbon and co-authors", () => {
  it("a refresh started while another holds the lease says who is refreshing, and nothing is lost or doubled", async () => {
    const pane = gatewayFor(sim, { source: "pane", runtimeId: "pane-runtime" }, "pane");
    const ribbon = gatewayFor(sim, { source: "ribbon", runtimeId: "ribbon-runtime" }, "ribbon");
    await pane.refresh({ now: NOW });
    let second: Promise<Awaited<ReturnType<typeof ribbon.refresh>>> | null = null;
    let workingSeen: string[] = [];
    // Once the ribbon's refresh has built its working sheets, the pane's refresh starts, and the ribbon's swap
    // waits until the pane has finished or taken the lease itself. (The pane's walk over the sheets takes two
    // syncs here, the working sheets making thirteen, and decides only at its end.)
    let ribbonRun = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stop = sim.onSync(({ run }) => {
      const holder = (sim.settings[LEASE_KEY] as { runId?: string } | undefined)?.runId;
      if (second && run !== ribbonRun && holder?.startsWith("pane")) release();
      if (second) return;
      const working = sim.sheetNames.filter((n) => n.startsWith(BUILDING_PREFIX));
      if (working.length === 0) return;
      workingSeen = working;
      ribbonRun = run;
      second = pane.refresh({ now: NOW }).finally(release);
      return gate;
    });
    const first = await ribbon.refresh({ now: NOW });
    const other = await (second as unknown as Promise<Awaited<ReturnType<typeof pane.refresh>>>);
    stop();
    expect(workingSeen.length).toBe(2);
    expect(first.ok).toBe(true);
    expect(other).toMatchObject({ ok: false, problem: "busy" });
    expect(other.message).toMatch(/already being refreshed from the Refresh summary button, started 09:30/);
    expect(other.message).not.toMatch(/try/i);
    expect(sim.sheetNames.filter((n) => n.startsWith("~PS"))).toEqual([]);
    expect(sim.sheetNames.filter((n) => n.startsWith(SUMMARY))).toEqual([SUMMARY, DATA, HISTORY]);
    // The refused run stored nothing over the one that wrote.
    expect(sim.settings[LAST_OUTCOME_KEY]).toMatchObject({ ok: true, runId: first.runId, source: "ribbon" });
    expect(sim.settings[LEASE_KEY]).toMatchObject({ runId: first.runId, releasedAt: expect.any(String) });
  });

  it("two refreshes that both start before either holds the lease: one writes, the other stops; no duplicate summary", async () => {
    const a = gatewayFor(sim, { source: "pane", runtimeId: "a" }, "a");
    const b = gatewayFor(sim, { source: "ribbon", runtimeId: "b" }, "b");
    const [ra, rb] = await Promise.all([a.refresh({ now: NOW }), b.refresh({ now: NOW })]);
    const outcomes = [ra, rb];
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const stopped = outcomes.find((o) => !o.ok);
    expect(stopped).toMatchObject({ problem: "busy" });
    expect(stopped?.message).toMatch(/started while this one was running/);
    // One of each, in tab order: the summary, its data, then the history (made after their working sheets, so
    // whenever the other run's working sheets came and went, it follows them).
    expect(sim.sheetNames.filter((n) => n.startsWith(SUMMARY))).toEqual([SUMMARY, DATA, HISTORY]);
    expect(sim.sheetNames.filter((n) => n.startsWith("~PS"))).toEqual([]);
  });

  it("a lease taken more than five minutes ago is taken over, and the working sheets its refresh left are removed", async () => {
    await gatewayFor(sim).refresh({ now: NOW });
    // What a refresh whose runtime went away mid-write leaves: its lease, held, and a working sheet.
    const working = `${BUILDING_PREFIX}summary dead1`;
    await sim.run(async (context) => {
      context.workbook.settings.add(LEASE_KEY, {
        runId: "dead1",
        source: "ribbon",
        runtime: "closed-runtime",
        startedAt: NOW.toISOString(),
        renewedAt: NOW.toISOString(),
      });
      const sheet = context.workbook.worksheets.add(working);
      for (const [key, value] of Object.entries({
        [OWNER_KEY]: "portfolio-summary",
        "PortfolioSummary.role": "summary",
        "PortfolioSummary.name": working,
        "PortfolioSummary.run": "dead1",
      }))
        sheet.customProperties.add(key, value);
      await context.sync();
    });
    const soon = await gatewayFor(sim, {}, "soon").refresh({ now: new Date(NOW.getTime() + 60_000) });
    expect(soon).toMatchObject({ ok: false, problem: "busy" });
    expect(sim.sheetNames).toContain(working);
    const later = new Date(NOW.getTime() + LEASE_STALE_AFTER_MS + 1000);
    const taken = await gatewayFor(sim, {}, "later").refresh({ now: later });
    expect(taken.ok).toBe(true);
    expect(sim.sheetNames.filter((n) => n.startsWith("~PS"))).toEqual([]);
    expect(sim.settings[LEASE_KEY]).toMatchObject({ runId: taken.runId, releasedAt: later.toISOString() });
  });
});

describe("read-only and protected workbooks are refused in the first sync, each with its own message", () => {
  it("a read-only workbook: one sync, nothing written, no advice to try again", async () => {
    sim.readOnly = true;
    const outcome = await gatewayFor(sim).refresh({ now: NOW });
    expect(outcome).toMatchObject({ ok: false, problem: "readOnly", syncs: 1 });
    expect(sim.syncCount).toBe(1);
    expect(outcome.message).toMatch(/open read-only/);
    expect(outcome.message).toMatch(/Editing/);
    expect(outcome.message).not.toMatch(/try/i);
  });

  it("a protected structure: refused after the first sync, the outcome stored for the pane", async () => {
    await gatewayFor(sim).refresh({ now: NOW });
    sim.resetCounters();
    sim.protectStructure();
    const outcome = await gatewayFor(sim).refresh({ now: NOW });
    expect(outcome).toMatchObject({ ok: false, problem: "protected" });
    // The first sync found it; the second only stored the outcome.
    expect(sim.syncCount).toBe(2);
    expect(outcome.message).toMatch(/structure is protected/);
    expect(outcome.message).toMatch(/Review > Protect Workbook/);
    expect(outcome.message).not.toMatch(/try/i);
    expect(sim.settings[LAST_OUTCOME_KEY]).toMatchObject({ ok: false, message: outcome.message });
  });

  it("a protected summary sheet is found before anything is written, with its own message", async () => {
    await gatewayFor(sim).refresh({ now: NOW });
    sim.protectSheet(SUMMARY);
    const before = sim.snapshot(SUMMARY);
    const outcome = await gatewayFor(sim).refresh({ now: NOW });
    expect(outcome).toMatchObject({ ok: false, problem: "sheetProtected" });
    expect(outcome.message).toMatch(/"Portfolio Summary" is protected/);
    expect(outcome.message).toMatch(/Unprotect Sheet/);
    expect(sim.snapshot(SUMMARY)).toEqual(before);
    expect(sim.sheetNames.filter((n) => n.startsWith("~PS"))).toEqual([]);
  });
});

describe("a cell being edited, another workbook in front", () => {
  it("waits for the cell edit to end when run with delayForCellEdit, and says what to do without it", async () => {
    sim.cellEditMode = true;
    const plain = await gatewayFor(sim).refresh({ now: NOW });
    expect(plain).toMatchObject({ ok: false, problem: "cellEdit" });
    expect(plain.message).toMatch(/Press Enter or Esc/);
    // The runner the pane and the ribbon use: Excel.run with delayForCellEdit.
    const waiting = createWorkbookGateway(officeRunner(sim)).refresh({ now: NOW });
    await new Promise((resolve) => setTimeout(resolve, 20));
    sim.cellEditMode = false;
    expect((await waiting).ok).toBe(true);
  });

  it("another workbook brought to the front before the build: the previous summary is unchanged and the message says to keep this one in front", async () => {
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: NOW });
    const before = sim.snapshot(SUMMARY);
    const stop = sim.onSync(({ count }) => {
      if (count === sim.syncCount + 1 && sim.syncCount === 2) sim.focusElsewhere = true;
    });
    sim.resetCounters();
    const outcome = await gateway.refresh({ now: NOW });
    stop();
    sim.focusElsewhere = false;
    expect(outcome).toMatchObject({ ok: false, problem: "focus" });
    expect(outcome.message).toMatch(/Another workbook came to the front/);
    expect(outcome.message).toMatch(/Keep this workbook in front/);
    expect(outcome.message).not.toMatch(/without saving/);
    expect(sim.snapshot(SUMMARY)).toEqual(before);
  });

  it("in Excel, which keeps what ran of a failed batch, focus lost at the swap's deletes leaves a complete summary; the next refresh tidies", async () => {
    const partial = await simWithTracker(generateTracker(1), new ExcelSim({ failedBatches: "partial" }));
    const gateway = gatewayFor(partial);
    await gateway.refresh({ now: NOW });
    let n = 0;
    const stop = partial.onSync(() => {
      n++;
      if (n === 4) partial.focusElsewhere = true;
    });
    const outcome = await gateway.refresh({ now: new Date("2025-01-09T09:30:00Z") });
    stop();
    partial.focusElsewhere = false;
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/could not be removed .*next refresh removes them/);
    const left = partial.sheetNames.filter((s) => s.startsWith(BUILDING_PREFIX));
    expect(left).toHaveLength(2);
    expect(partial.snapshot(SUMMARY).values.flat().join(" ")).toContain("09/01/2025");
    const next = await gateway.refresh({ now: NOW });
    expect(next.ok).toBe(true);
    expect(partial.sheetNames.filter((s) => s.startsWith("~PS"))).toEqual([]);
  });
});

describe("showing the summary comes after the swap, best effort", () => {
  it("an activate refused at the swap's end (another workbook came to the front) leaves the refresh done, nothing left over", async () => {
    const partial = await simWithTracker(generateTracker(1), new ExcelSim({ failedBatches: "partial" }));
    const gateway = gatewayFor(partial);
    await gateway.refresh({ now: NOW });
    partial.resetCounters();
    // Sync 4 is the swap; partway 1 fails its very last call, as Excel fails Worksheet.activate out of focus.
    partial.failOnSync(
      4,
      new SimExcelError("GeneralException", "An internal error has occurred.", "Worksheet.activate"),
      { partway: 1 },
    );
    const outcome = await gateway.refresh({ now: new Date("2025-01-09T09:30:00Z") });
    expect(outcome).toMatchObject({ ok: true, problem: null });
    expect(outcome.message).not.toMatch(/could not be removed|came to the front/);
    expect(partial.sheetNames.filter((n) => n.startsWith("~PS"))).toEqual([]);
    expect(partial.snapshot(SUMMARY).values.flat().join(" ")).toContain("09/01/2025");
    expect(partial.settings[LAST_OUTCOME_KEY]).toMatchObject({ ok: true, runId: outcome.runId });
    expect(partial.settings[LEASE_KEY]).toMatchObject({
      runId: outcome.runId,
      releasedAt: expect.any(String),
    });
  });

  it("without that failure the refreshed summary is the sheet in front", async () => {
    const gateway = gatewayFor(sim);
    await gateway.refresh({ now: NOW });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("KPIs").activate();
      await context.sync();
    });
    expect((await gateway.refresh({ now: NOW })).ok).toBe(true);
    expect(sim.activeSheet).toBe(SUMMARY);
  });
});

describe("another workbook brought to the front half-way through the build, in Excel", () => {
  it("says the previous summary is unchanged and names the working sheets it could not remove; the next refresh removes them", async () => {
    const partial = await simWithTracker(generateTracker(1), new ExcelSim({ failedBatches: "partial" }));
    const gateway = gatewayFor(partial);
    await gateway.refresh({ now: NOW });
    const before = partial.snapshot(SUMMARY);
    partial.resetCounters();
    // Sync 3 builds the working sheets: half of it runs, then a call Excel refuses out of focus fails, and the
    // other workbook stays in front while the refresh tries to remove what it built.
    partial.failOnSync(
      3,
      new SimExcelError(
        "GeneralException",
        "An internal error has occurred.",
        "WorksheetFreezePanes.freezeRows",
      ),
      { partway: 0.5 },
    );
    const stop = partial.onSync(({ count }) => {
      if (count === 4) partial.focusElsewhere = true;
    });
    const outcome = await gateway.refresh({ now: NOW });
    stop();
    partial.focusElsewhere = false;
    expect(outcome).toMatchObject({ ok: false, problem: "focus" });
    expect(outcome.message).toMatch(/Another workbook came to the front/);
    expect(outcome.message).toMatch(/The previous summary is unchanged/);
    const left = partial.sheetNames.filter((n) => n.startsWith(BUILDING_PREFIX));
    expect(left.length).toBeGreaterThan(0);
    for (const name of left) expect(outcome.message).toContain(`"${name}"`);
    expect(outcome.message).toMatch(/the next refresh removes them/);
    expect(outcome.message).not.toMatch(/could not check|without saving/);
    expect(partial.snapshot(SUMMARY)).toEqual(before);
    const next = await gateway.refresh({ now: NOW });
    expect(next).toMatchObject({ ok: true, keptSheet: null });
    expect(partial.sheetNames.filter((n) => n.startsWith("~PS"))).toEqual([]);
  });
});

describe("no message advises trying again when that cannot succeed", () => {
  const denied = () =>
    new SimExcelError("AccessDenied", "You cannot perform the requested operation.", "Workbook.settings.add");

  it.each([
    ["when the refresh takes its lease (sync 2)", 2],
    ["when the summary is put in place (sync 4)", 4],
  ])(
    "a change Excel refuses although the workbook did not say it was read-only, %s: says what must change first",
    async (_when, failing) => {
      const gateway = gatewayFor(sim);
      await gateway.refresh({ now: NOW });
      const before = sim.snapshot(SUMMARY);
      sim.resetCounters();
      sim.failOnSync(failing, denied());
      const outcome = await gateway.refresh({ now: NOW });
      expect(outcome).toMatchObject({ ok: false, problem: "readOnly" });
      expect(outcome.message).toMatch(/did not allow the add-in to change this workbook/);
      expect(outcome.message).toMatch(/Once you can edit it/);
      expect(outcome.message).not.toMatch(/try/i);
      expect(sim.snapshot(SUMMARY)).toEqual(before);
      expect(sim.sheetNames.filter((n) => n.startsWith("~PS"))).toEqual([]);
    },
  );

  it("errors in the tracker before any summary was written: fix them first, nothing changed, no advice to try again", async () => {
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("KPIs").getRange("C4").values = [[""]];
      await context.sync();
    });
    const outcome = await gatewayFor(sim).refresh({ now: NOW });
    expect(outcome).toMatchObject({ ok: false, problem: "tracker" });
    expect(outcome.message).toMatch(/must be fixed/);
    // There is no summary yet, so none to call unchanged.
    expect(outcome.message).toMatch(/Nothing was changed/);
    expect(outcome.message).not.toMatch(/previous summary/);
    expect(outcome.message).not.toMatch(/try/i);
  });
});

describe("a refresh that stops part-way in Excel, which keeps what ran of a failed batch", () => {
  // Sync 1 is the read-only walk over the sheets, which falls back to listing them on any failure
  // (tests/excel/gateway.test.ts); the others are where a refresh can stop half-way.
  it.each([2, 3, 4])(
    "stopped half-way through sync %i: says what it left, and the next refresh leaves the workbook as a clean one would",
    async (failing) => {
      const partial = await simWithTracker(generateTracker(1), new ExcelSim({ failedBatches: "partial" }));
      const clean = await simWithTracker(generateTracker(1));
      for (const sim of [partial, clean]) await gatewayFor(sim).refresh({ now: NOW });
      const gateway = gatewayFor(partial, {}, "again");
      partial.failOnSync(failing, undefined, { partway: 0.5 });
      const outcome = await gateway.refresh({ now: NOW });
      expect(outcome.ok).toBe(false);
      expect(outcome.message).not.toMatch(/without saving/);
      if (failing === 4)
        expect(outcome.message).toMatch(/only partly updated.*Choose Refresh summary to complete it/);
      else expect(outcome.message).toMatch(/unchanged|Nothing was changed/);
      const next = await gateway.refresh({ now: NOW });
      await gatewayFor(clean, {}, "again").refresh({ now: NOW });
      expect(next).toMatchObject({ ok: true, keptSheet: null });
      expect(partial.sheetNames).toEqual(clean.sheetNames);
      const content = (sim: ExcelSim, name: string) => ({ ...sim.snapshot(name), customProperties: {} });
      for (const name of [SUMMARY, DATA]) expect(content(partial, name)).toEqual(content(clean, name));
    },
  );
});

describe("the layout and the writer load with the first refresh", () => {
  it("a part of the add-in that cannot be downloaded is said to be that, with nothing changed", async () => {
    const before = sim.sheetNames;
    const offline = Object.assign(new Error("Loading chunk 248 failed."), { name: "ChunkLoadError" });
    const outcome = await gatewayFor(sim, { planSheets: () => Promise.reject(offline) }).refresh({
      now: NOW,
    });
    expect(outcome).toMatchObject({ ok: false, problem: "fault", failedStep: "computing" });
    expect(outcome.message).toMatch(/could not be downloaded .*Nothing was changed. Check the connection/);
    expect(sim.sheetNames).toEqual(before);
  });
});

describe("go to a cell on a hidden sheet", () => {
  it("reports the sheet as hidden (or missing) rather than failing", async () => {
    const gateway = gatewayFor(sim);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Risk Register").visibility = Excel.SheetVisibility.hidden;
      await context.sync();
    });
    expect(await gateway.selectRange("Risk Register", "G4")).toBe("hidden");
    expect(await gateway.selectRange("Old sheet", "A1")).toBe("missing");
    expect(await gateway.selectRange("KPIs", "B2")).toBe("selected");
    expect(sim.selection).toEqual({ sheet: "KPIs", address: "B2" });
  });
});

describe("the column mapping survives a loss of the workbook settings", () => {
  it("is kept on the summary sheet and put back from there", async () => {
    const months = new ExcelSim();
    await months.importXlsx(readFileSync(join(__dirname, "../fixtures/layouts/months-across.xlsx")));
    const gateway = gatewayFor(months);
    const mapping = suggestMapping(await gateway.readRaw()).mapping;
    await gateway.saveMapping(mapping);
    expect((await gateway.refresh({ now: NOW })).ok).toBe(true);
    expect(JSON.parse(months.snapshot(SUMMARY).customProperties[BACKUP_KEY])).toMatchObject({
      [SAVED_MAPPING_KEY]: mapping,
    });
    // The settings are lost (as reported on the web and on Mac).
    await months.run(async (context) => {
      context.workbook.settings.getItem(SAVED_MAPPING_KEY).delete();
      await context.sync();
    });
    expect(await gateway.loadMapping()).toEqual(mapping);
    const outcome = await gateway.refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/put back from the summary sheet/);
    expect(months.settings[SAVED_MAPPING_KEY]).toEqual(mapping);
    // Removing it on purpose removes the backup too, so the next refresh does not bring it back.
    await gateway.saveMapping(null);
    expect(await gateway.loadMapping()).toBeNull();
    expect((await gateway.refresh({ now: NOW })).ok).toBe(false);
    expect(SAVED_MAPPING_KEY in months.settings).toBe(false);
  });
});
