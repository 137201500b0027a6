// The Office.js gateway against the in-memory Excel: read the tracker, refresh the summary atomically,
// never touch the user's sheets, and leave the previous summary exactly as it was when anything fails.
import { runEngine } from "../../src/core/engine";
import type { PortfolioSummary } from "../../src/core/model";
import { SAVED_SETTINGS_KEY } from "../../src/core/engine-api";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { BUILDING_PREFIX, LAST_OUTCOME_KEY, NAME_KEY, OWNER_KEY } from "../../src/excel/ownership";
import { readWorkbookDetailed, SHEETS_PER_SYNC } from "../../src/excel/read";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { ExcelSim, MESSAGES, SimExcelError } from "../../src/excel-sim";
import { generateTracker, generateTrackerXlsx } from "../support/generate-tracker";
import { addUserSheet, simWithTracker } from "./sim-workbook";

const NOW = new Date("2025-01-08T09:30:00Z");
const SUMMARY = "Portfolio Summary";
const DATA = "Portfolio Summary Data";
/** The history sheet the first refresh adds (issue 13): appended to, never replaced. */
const HISTORY = "Portfolio Summary History";
const FIVE_MB = 5 * 1024 * 1024;

function gatewayFor(sim: ExcelSim, engine = runEngine) {
  let n = 0;
  return createWorkbookGateway(sim.run, { runEngine: engine, newRunId: () => `run${++n}` });
}

/** Every sheet's full snapshot, by name: values, formulas, formats, charts, properties, page setup. */
function snapshotAll(sim: ExcelSim) {
  return Object.fromEntries(sim.sheetNames.map((name) => [name, sim.snapshot(name)]));
}

let sample: ExcelSim;
beforeEach(async () => {
  sample = await simWithTracker(generateTracker(1));
});

describe("reading the tracker", () => {
  it("gives the same sheets and values as reading the same tracker from its .xlsx file", async () => {
    const fromFile = await readXlsxBuffer(await generateTrackerXlsx(1), "sample-tracker.xlsx", {
      usedRange: "valuesOnly",
    });
    const { raw } = await sample.run((context) => readWorkbookDetailed(context));
    const shape = (sheets: typeof raw.sheets) =>
      sheets.map((s) => ({ name: s.name, originRow: s.originRow, originCol: s.originCol, values: s.values }));
    expect(shape(raw.sheets)).toEqual(shape(fromFile.sheets));
    expect(raw.tables).toEqual(fromFile.tables);
  });

  it("takes two syncs for the sample tracker: sheets with their used ranges, then values", async () => {
    const { syncs } = await sample.run((context) => readWorkbookDetailed(context));
    expect(syncs).toBe(2);
    expect(sample.syncCount).toBe(2);
  });

  it("still reads the tracker on a host that refuses calls on the null object past the last sheet", async () => {
    // Excel's documentation does not say what a call on a null object does; the read must work either way.
    const strict = await simWithTracker(generateTracker(1), new ExcelSim({ nullObjectCalls: "strict" }));
    strict.resetCounters();
    const { raw, syncs } = await strict.run((context) => readWorkbookDetailed(context));
    const { raw: lenientRaw } = await sample.run((context) => readWorkbookDetailed(context));
    expect(raw).toEqual(lenientRaw);
    // The refused walk, then the sheet list, the used ranges and the values.
    expect(syncs).toBe(4);
    const outcome = await gatewayFor(strict).refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    expect(outcome.summary?.kpis.map((k) => k.actual)).toEqual([6357, 43_200_000, expect.closeTo(0.0575, 3)]);
  });

  it("learns every sheet in tab order, the add-in's own included with its marks, and reads only the user's", async () => {
    await gatewayFor(sample).refresh({ now: NOW });
    await addUserSheet(sample, "Notes", [["Board paper due", 3]]);
    sample.resetCounters();
    const { raw, inventory, syncs } = await sample.run((context) => readWorkbookDetailed(context));
    expect(syncs).toBe(2);
    expect(inventory.map((s) => s.name)).toEqual(sample.sheetNames);
    expect(inventory.map((s) => s.position)).toEqual(sample.sheetNames.map((_, i) => i));
    const summary = inventory.find((s) => s.name === SUMMARY);
    expect(summary?.properties).toMatchObject({ [OWNER_KEY]: "portfolio-summary", [NAME_KEY]: SUMMARY });
    expect(inventory.find((s) => s.name === "Notes")?.properties).toEqual({});
    // The add-in's sheets are not part of the tracker; the user's sheet is.
    expect(raw.sheets.map((s) => s.name)).not.toContain(SUMMARY);
    expect(raw.sheets.find((s) => s.name === "Notes")?.values).toEqual([["Board paper due", 3]]);
  });

  it(`reads a workbook of more sheets than one walk asks for (${SHEETS_PER_SYNC}) with one more sync`, async () => {
    const many = Array.from({ length: SHEETS_PER_SYNC + 5 }, (_, i) => ({
      name: `Area ${i + 1}`,
      originRow: 0,
      originCol: 0,
      values: [["Spend"], [i * 1000]],
      ...(i === SHEETS_PER_SYNC ? { visibility: "hidden" as const } : {}),
    }));
    const sim = await simWithTracker({ name: "many.xlsx", sheets: many });
    const { raw, syncs } = await sim.run((context) => readWorkbookDetailed(context));
    expect(syncs).toBe(3);
    expect(raw.sheets.map((s) => s.name)).toEqual(many.map((s) => s.name));
    expect(raw.sheets[SHEETS_PER_SYNC]).toMatchObject({
      visibility: "hidden",
      values: [["Spend"], [SHEETS_PER_SYNC * 1000]],
    });
  });

  it("takes two syncs for a workbook of exactly one walk's worth of sheets", async () => {
    const sheets = Array.from({ length: SHEETS_PER_SYNC }, (_, i) => ({
      name: `Area ${i + 1}`,
      originRow: 0,
      originCol: 0,
      values: [["Spend"], [i]],
    }));
    const sim = await simWithTracker({ name: "forty.xlsx", sheets });
    const { raw, syncs } = await sim.run((context) => readWorkbookDetailed(context));
    expect(syncs).toBe(2);
    expect(raw.sheets).toHaveLength(SHEETS_PER_SYNC);
  });

  it("a sheet with one value in column XFD is read up to its real columns, and the stray cell is reported", async () => {
    await addUserSheet(sample, "Lookups", [
      ["Code", "Meaning"],
      ["R", "Red"],
    ]);
    await sample.run(async (context) => {
      context.workbook.worksheets.getItem("Lookups").getRange("XFD1").values = [["stray"]];
      await context.sync();
    });
    sample.resetCounters();
    const { raw, syncs } = await sample.run((context) => readWorkbookDetailed(context));
    expect(syncs).toBeLessThanOrEqual(10);
    const lookups = raw.sheets.find((s) => s.name === "Lookups");
    expect(lookups?.values).toEqual([
      ["Code", "Meaning"],
      ["R", "Red"],
    ]);
    expect(raw.unread).toEqual([{ sheet: "Lookups", range: "XFD1", reason: "far-columns" }]);
    const outcome = await gatewayFor(sample).refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    expect(outcome.syncs - 2).toBeLessThanOrEqual(10);
    expect(outcome.summary?.issues.find((i) => i.code === "not_read")).toMatchObject({
      sheet: "Lookups",
      cell: "XFD1",
    });
  });

  it("reads only the tops of the sheets when asked (the pane's look at the headers)", async () => {
    const full = await sample.run((context) => readWorkbookDetailed(context));
    const head = await sample.run((context) => readWorkbookDetailed(context, { headRows: 10 }));
    expect(head.raw.sheets.map((s) => s.name)).toEqual(full.raw.sheets.map((s) => s.name));
    // The sample's monthly and milestone sheets run past ten rows: their tops are all that is read.
    expect(full.raw.sheets.filter((s) => s.values.length > 10).length).toBeGreaterThan(1);
    for (const [i, sheet] of head.raw.sheets.entries()) {
      expect(sheet.values).toEqual(full.raw.sheets[i].values.slice(0, 10));
    }
    expect(head.raw.unread).toBeUndefined();
    expect(head.syncs).toBe(2);
  });

  it("passes settings saved in the workbook to the engine", async () => {
    await gatewayFor(sample).saveSettings({ riskThreshold: 12 });
    const { raw } = await sample.run((context) => readWorkbookDetailed(context));
    expect(raw.savedSettings?.[SAVED_SETTINGS_KEY]).toEqual({ riskThreshold: 12 });
  });
});

describe("refreshing the summary", () => {
  it("writes the summary and its chart data in at most five syncs, and stores the outcome", async () => {
    const outcome = await gatewayFor(sample).refresh({ now: NOW });
    expect(outcome.message).toMatch(/refreshed/);
    expect(outcome.ok).toBe(true);
    expect(outcome.sheetName).toBe(SUMMARY);
    expect(outcome.syncs).toBeLessThanOrEqual(5);
    expect(sample.syncCount).toBe(outcome.syncs);
    expect(sample.sheetNames.slice(-3)).toEqual([SUMMARY, DATA, HISTORY]);
    expect(sample.activeSheet).toBe(SUMMARY);
    expect(sample.snapshot(SUMMARY).charts.length).toBeGreaterThan(0);
    expect(sample.snapshot(SUMMARY).customProperties[OWNER_KEY]).toBe("portfolio-summary");
    const stored = sample.settings[LAST_OUTCOME_KEY] as Record<string, unknown>;
    expect(stored).toMatchObject({
      ok: true,
      sheetName: SUMMARY,
      runId: outcome.runId,
      message: outcome.message,
    });
    for (const r of sample.requests) expect(Math.max(r.requestBytes, r.responseBytes)).toBeLessThan(FIVE_MB);
  });

  it("leaves every tracker sheet identical: values, formulas, formats", async () => {
    const before = snapshotAll(sample);
    await gatewayFor(sample).refresh({ now: NOW });
    for (const [name, snapshot] of Object.entries(before)) expect(sample.snapshot(name)).toEqual(snapshot);
  });

  it("a second refresh replaces the first in place and gives the same sheets", async () => {
    const gateway = gatewayFor(sample);
    await gateway.refresh({ now: NOW });
    const first = snapshotAll(sample);
    const second = await gateway.refresh({ now: NOW });
    expect(second.ok).toBe(true);
    expect(sample.sheetNames).toEqual(Object.keys(first));
    const withoutRun = (s: ReturnType<ExcelSim["snapshot"]>) => ({ ...s, customProperties: {} });
    expect(withoutRun(sample.snapshot(SUMMARY))).toEqual(withoutRun(first[SUMMARY]));
    expect(withoutRun(sample.snapshot(DATA))).toEqual(withoutRun(first[DATA]));
  });

  it("keeps the summary and its data sheet where the user moved them among the tabs", async () => {
    const gateway = gatewayFor(sample);
    await gateway.refresh({ now: NOW });
    await sample.run(async (context) => {
      context.workbook.worksheets.getItem(SUMMARY).position = 0;
      await context.sync();
    });
    const order = sample.sheetNames;
    await gateway.refresh({ now: NOW });
    // Both are updated in place: each keeps the tab the user gave it (the data sheet stayed last but the history).
    expect(sample.sheetNames).toEqual(order);
    expect(sample.sheetNames[0]).toBe(SUMMARY);
    expect(sample.sheetNames.slice(-2)).toEqual([DATA, HISTORY]);
  });

  // A refresh of the sample makes four syncs: two to read, two to write. The first is the walk over the sheets,
  // which falls back to listing them on any failure (below); a failure of any other leaves everything as it was.
  it.each([2, 3, 4])(
    "a failure at sync %i leaves the previous summary exactly as it was and no extra sheet",
    async (failing) => {
      const gateway = gatewayFor(sample);
      await gateway.refresh({ now: new Date("2025-01-01T09:00:00Z") });
      const before = snapshotAll(sample);
      sample.failOnSync(failing);
      const outcome = await gateway.refresh({ now: NOW });
      expect(outcome.ok).toBe(false);
      expect(outcome.message).toMatch(/unchanged|Nothing was changed/);
      expect(sample.sheetNames).toEqual(Object.keys(before));
      expect(snapshotAll(sample)).toEqual(before);
      expect(sample.settings[LAST_OUTCOME_KEY]).toMatchObject({ ok: false, runId: outcome.runId });
    },
  );

  it("any failure of the walk over the sheets falls back to listing them, and the stored outcome says which ran", async () => {
    const gateway = gatewayFor(sample);
    const chained = await gateway.refresh({ now: NOW });
    expect(chained.sheetWalk).toEqual({ path: "chain" });
    expect(sample.settings[LAST_OUTCOME_KEY]).toMatchObject({ sheetWalk: { path: "chain" } });
    // Not one of the codes a refused null-object call is known to give: any error of that read-only sync will do.
    sample.failOnSync(1, new SimExcelError("GeneralException", "An internal error has occurred."));
    const listed = await gateway.refresh({ now: NOW });
    expect(listed.ok).toBe(true);
    const walk = { path: "list", refusal: "GeneralException: An internal error has occurred." };
    expect(listed.sheetWalk).toEqual(walk);
    expect(sample.settings[LAST_OUTCOME_KEY]).toMatchObject({ ok: true, sheetWalk: walk });
    // When the listing fails too, the refresh fails and the previous summary stays.
    const before = snapshotAll(sample);
    sample.failOnSync(1);
    sample.failOnSync(2);
    const failed = await gateway.refresh({ now: NOW });
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/Nothing was changed/);
    expect(snapshotAll(sample)).toEqual(before);
  });

  const tooLarge = () =>
    new SimExcelError("RequestPayloadSizeLimitExceeded", MESSAGES.requestTooLarge, undefined, 400);

  it("a build request Excel refuses for its size is cut in two and sent again, and the summary is written", async () => {
    const reference = await simWithTracker(generateTracker(1));
    await gatewayFor(reference).refresh({ now: NOW });
    // Syncs 1 and 2 read the tracker; sync 3 is the build, refused as Excel on the web refuses one over 5 MB.
    sample.failOnSync(3, tooLarge());
    const outcome = await gatewayFor(sample).refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/refreshed/);
    // The refused build, then the same steps in smaller requests, then the swap.
    const syncs = sample.requests.filter((r) => !r.cleanup);
    expect(syncs).toHaveLength(outcome.syncs);
    expect(outcome.syncs).toBeGreaterThan(5);
    const refused = syncs[2].requestBytes;
    for (const r of syncs.slice(3, -1)) expect(r.requestBytes).toBeLessThan(refused * 0.6);
    expect(sample.sheetNames).toEqual(reference.sheetNames);
    const withoutRun = (s: ReturnType<ExcelSim["snapshot"]>) => ({ ...s, customProperties: {} });
    expect(withoutRun(sample.snapshot(SUMMARY))).toEqual(withoutRun(reference.snapshot(SUMMARY)));
    expect(withoutRun(sample.snapshot(DATA))).toEqual(withoutRun(reference.snapshot(DATA)));
  });

  it("a second refresh whose build request is refused for its size updates the summary in place all the same", async () => {
    const reference = await simWithTracker(generateTracker(1));
    const first = new Date("2025-01-01T09:00:00Z");
    await gatewayFor(reference).refresh({ now: first });
    await gatewayFor(reference).refresh({ now: NOW });
    await gatewayFor(sample).refresh({ now: first });
    sample.resetCounters();
    // The build's first request also carries the lease check, the settings put back and the edit check: sent
    // again with the first part, they still decide the swap.
    sample.failOnSync(3, tooLarge());
    const outcome = await gatewayFor(sample).refresh({ now: NOW });
    expect(outcome).toMatchObject({ ok: true, keptSheet: null });
    expect(outcome.syncs).toBeGreaterThan(5);
    expect(sample.sheetNames).toEqual(reference.sheetNames);
    const withoutRun = (s: ReturnType<ExcelSim["snapshot"]>) => ({ ...s, customProperties: {} });
    expect(withoutRun(sample.snapshot(SUMMARY))).toEqual(withoutRun(reference.snapshot(SUMMARY)));
    expect(withoutRun(sample.snapshot(DATA))).toEqual(withoutRun(reference.snapshot(DATA)));
    expect(sample.settings[LAST_OUTCOME_KEY]).toMatchObject({ ok: true, runId: outcome.runId });
  });

  it("refused for its size however small the parts, the previous summary is unchanged and no retry is advised", async () => {
    const gateway = gatewayFor(sample);
    await gateway.refresh({ now: new Date("2025-01-01T09:00:00Z") });
    const before = snapshotAll(sample);
    // Every request that builds the new sheets (they have working names) is refused, whatever its size.
    sample.refuseRequests((_body, text) => (text.includes(BUILDING_PREFIX) ? tooLarge() : null));
    const outcome = await gateway.refresh({ now: NOW });
    sample.refuseRequests(null);
    expect(outcome.ok).toBe(false);
    expect(outcome.failedStep).toBe("writing");
    expect(outcome.message).toMatch(/previous summary is unchanged/);
    expect(outcome.message).not.toMatch(/try|again/i);
    expect(sample.sheetNames).toEqual(Object.keys(before));
    expect(snapshotAll(sample)).toEqual(before);
    expect(sample.settings[LAST_OUTCOME_KEY]).toMatchObject({ ok: false, message: outcome.message });
  });

  it("refuses to replace the summary when the tracker has errors, and says where the first one is", async () => {
    const gateway = gatewayFor(sample);
    await gateway.refresh({ now: NOW });
    const before = snapshotAll(sample);
    const withError = (raw: Parameters<typeof runEngine>[0], options?: Parameters<typeof runEngine>[1]) => {
      const summary: PortfolioSummary = runEngine(raw, options);
      const issue = {
        severity: "error" as const,
        code: "missing_column",
        sheet: "KPIs",
        cell: "B1",
        message: 'The "Target" column is missing: add it back.',
      };
      return {
        ...summary,
        issues: [issue, ...summary.issues],
        issueCounts: { ...summary.issueCounts, error: 1 },
      };
    };
    const outcome = await createWorkbookGateway(sample.run, { runEngine: withError }).refresh({ now: NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.failedStep).toBe("checking");
    expect(outcome.message).toContain("KPIs!B1");
    expect(outcome.message).toContain("previous summary is unchanged");
    expect(snapshotAll(sample)).toEqual(before);
    expect(await gateway.loadLastOutcome()).toMatchObject({ ok: false, issueCounts: { error: 1 } });
  });
});

describe("ownership: only the add-in's own sheets are ever replaced", () => {
  it("a user's own sheet called Portfolio Summary is left alone; the summary takes a free name and says so", async () => {
    await addUserSheet(sample, SUMMARY, [["My own notes"], [42]]);
    const mine = sample.snapshot(SUMMARY);
    const gateway = gatewayFor(sample);
    const outcome = await gateway.refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    expect(outcome.nameTakenByUserSheet).toBe(true);
    expect(outcome.sheetName).toBe("Portfolio Summary (2)");
    expect(outcome.message).toContain("already called");
    expect(sample.snapshot(SUMMARY)).toEqual(mine);
    // The next refresh reuses its own sheet rather than making a third.
    const again = await gateway.refresh({ now: NOW });
    expect(again.sheetName).toBe("Portfolio Summary (2)");
    expect(sample.sheetNames.filter((n) => n.startsWith(SUMMARY) && n !== HISTORY)).toHaveLength(3);
    expect(sample.snapshot(SUMMARY)).toEqual(mine);
  });

  it("a copy of the summary the user kept (renamed) survives the next refresh", async () => {
    const gateway = gatewayFor(sample);
    await gateway.refresh({ now: NOW });
    await sample.run(async (context) => {
      context.workbook.worksheets.getItem(SUMMARY).name = "Board pack January";
      await context.sync();
    });
    const kept = sample.snapshot("Board pack January");
    await gateway.refresh({ now: NOW });
    expect(sample.sheetNames).toContain(SUMMARY);
    expect(sample.snapshot("Board pack January").values).toEqual(kept.values);
  });

  it("the add-in's own sheets are not read back as tracker sheets", async () => {
    await gatewayFor(sample).refresh({ now: NOW });
    const { raw } = await sample.run((context) => readWorkbookDetailed(context));
    expect(raw.sheets.map((s) => s.name)).not.toContain(SUMMARY);
    expect(raw.sheets.map((s) => s.name)).not.toContain(DATA);
  });
});

describe("pane helpers", () => {
  it("selectRange activates the sheet and selects the cell a problem points at", async () => {
    await gatewayFor(sample).selectRange("Risk Register", "G4");
    expect(sample.selection).toEqual({ sheet: "Risk Register", address: "G4" });
  });

  it("settings saved from the pane come back as saved; none saved gives an empty object", async () => {
    const gateway = gatewayFor(sample);
    expect(await gateway.loadSettings()).toEqual({});
    await gateway.saveSettings({ riskThreshold: 16, kpiTolerances: { ehcp_count: 50 } });
    expect(await gateway.loadSettings()).toEqual({ riskThreshold: 16, kpiTolerances: { ehcp_count: 50 } });
  });

  it("loadLastOutcome is null before the first refresh", async () => {
    expect(await gatewayFor(sample).loadLastOutcome()).toBeNull();
  });
});
