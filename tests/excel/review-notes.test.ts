// The notes sheet on the in-memory Excel (issue 18, under issue 12's rules): notes saved from the pane survive any
// number of refreshes without being lost or duplicated, a person's edit in Excel wins and is never overwritten, the
// next report carries last month's explanations as unexplained, read-only and protected workbooks are refused, and
// tracker text and typed notes never become formulas.
import type { PortfolioSummary, ReviewNote } from "../../src/core/model";
import {
  NOTES_SHEET_NAME,
  NOTES_TABLE_NAME,
  queryNote,
  queryNoteId,
  varianceNote,
} from "../../src/core/review";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { LEASE_KEY } from "../../src/excel/lease";
import type { GatewayDeps } from "../../src/excel/workbook-gateway";
import { ExcelSim, installExcelGlobals } from "../../src/excel-sim";
import { generateTracker } from "../support/generate-tracker";
import { addUserSheet, simWithTracker } from "./sim-workbook";

beforeAll(() => installExcelGlobals());

// Several refreshes a test: room on a busy machine (speed is measured by npm run bench, not here).
jest.setTimeout(120_000);

const NOW = new Date("2025-01-09T10:15:00Z");

function gatewayFor(sim: ExcelSim, deps: Partial<GatewayDeps> = {}) {
  let n = 0;
  return createWorkbookGateway(sim.run, { newRunId: () => `run${++n}`, clock: () => NOW, ...deps });
}

async function refreshed(gateway: ReturnType<typeof gatewayFor>): Promise<PortfolioSummary> {
  const outcome = await gateway.refresh({ now: NOW });
  expect(outcome.message).toMatch(/refreshed|written/i);
  expect(outcome.ok).toBe(true);
  return outcome.summary as PortfolioSummary;
}

/** Every value on the summary sheet, as one string per row, for looking for a sentence. */
function pageText(sim: ExcelSim): string {
  return sim
    .snapshot("Portfolio Summary")
    .values.map((row) => row.join(" | "))
    .join("\n");
}

function noteRows(sim: ExcelSim): unknown[][] {
  return sim.snapshot(NOTES_SHEET_NAME).values.filter((row) => row.some((c) => c !== ""));
}

const OVERSPEND = {
  text: "Independent placements rose 12% on last year; a sufficiency plan goes to Schools Forum in February.",
  owner: "Head of SEND Finance",
  due: "2025-02-28",
  by: "Head of SEND Finance",
};
const EHCPS = {
  text: "Requests for assessment up 18%; extra panel capacity from January.",
  owner: "",
  due: "",
  by: "SEND Service Manager",
};
const QUERY_REASON = {
  text: "The dashboard rounded 5.845% up; the counts are right and the summary uses them.",
  by: "Data Officer",
};

async function explainAndAcknowledge(sim: ExcelSim) {
  const gateway = gatewayFor(sim);
  const summary = await refreshed(gateway);
  const overspend = summary.variances.find((v) => v.id === "hnb_overspend")!;
  const ehcps = summary.variances.find((v) => v.id === "ehcp_count")!;
  const warning = summary.issues.find((i) => i.code === "typed_value_mismatch")!;
  const saved = [
    await gateway.saveReviewNote(varianceNote(summary, overspend, OVERSPEND, NOW), null),
    await gateway.saveReviewNote(varianceNote(summary, ehcps, EHCPS, NOW), null),
    await gateway.saveReviewNote(queryNote(summary, warning, QUERY_REASON, NOW), null),
  ];
  for (const result of saved) expect(result).toMatchObject({ ok: true, sheet: NOTES_SHEET_NAME });
  expect(saved.map((r) => r.ok && r.created)).toEqual([true, false, false]);
  return { gateway, summary };
}

describe("the notes sheet", () => {
  it("keeps two explanations and an acknowledged query across four refreshes, on the page and in the summary, once each", async () => {
    const sim = await simWithTracker(generateTracker(1));
    const { gateway } = await explainAndAcknowledge(sim);
    const before = noteRows(sim);
    expect(before).toHaveLength(4); // the header and three notes
    for (let i = 0; i < 4; i++) {
      const summary = await refreshed(gateway);
      expect(summary.review).toMatchObject({
        flagged: 6,
        explained: 2,
        carried: 0,
        acknowledged: 1,
        notesSheet: NOTES_SHEET_NAME,
      });
      expect(summary.review?.openIssueCounts.warning).toBe(0);
      expect(summary.variances.find((v) => v.id === "hnb_overspend")?.review).toMatchObject({
        state: "explained",
        note: { text: OVERSPEND.text, owner: OVERSPEND.owner, due: "2025-02-28", by: OVERSPEND.by },
      });
      expect(summary.issues.find((i) => i.code === "typed_value_mismatch")?.acknowledged?.text).toBe(
        QUERY_REASON.text,
      );
      const page = pageText(sim);
      expect(page).toContain("2 of 6 flagged variances explained.");
      expect(page).toContain(
        `Explained by Head of SEND Finance, 09/01/2025: ${OVERSPEND.text} Owner: Head of SEND Finance. Due 28/02/2025.`,
      );
      expect(page).toContain(`Explained by SEND Service Manager, 09/01/2025: ${EHCPS.text}`);
      expect(page).toContain("Known and explained");
      expect(page).toContain(`Known and explained by Data Officer, 09/01/2025: ${QUERY_REASON.text}`);
      expect(page).toContain("1 problem found: 0 errors, 0 warnings, 1 for information.");
      expect(page).toContain("1 warning known and explained (below).");
      expect(noteRows(sim)).toEqual(before);
    }
    // The notes sheet is an Excel table, the add-in's own (marked), a person can sort and filter.
    const notes = sim.snapshot(NOTES_SHEET_NAME);
    expect(notes.customProperties).toEqual({
      "PortfolioSummary.owner": "portfolio-summary",
      "PortfolioSummary.role": "notes",
      "PortfolioSummary.name": NOTES_SHEET_NAME,
    });
    const table = await sim.run(async (context) => {
      const t = context.workbook.tables.getItem(NOTES_TABLE_NAME).getRange().load("address");
      await context.sync();
      return t.address;
    });
    expect(table).toBe(`'${NOTES_SHEET_NAME}'!A1:I4`);
  });

  it("a note a person edits in Excel wins: the refresh shows theirs, and a save from a stale pane is refused, not written", async () => {
    const sim = await simWithTracker(generateTracker(1));
    const { gateway, summary } = await explainAndAcknowledge(sim);
    // The Explanation column (E) of the first note, edited by a person in Excel.
    const edited =
      "Placements up 12%; the plan goes to Schools Forum on 20 February (moved from 6 February).";
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem(NOTES_SHEET_NAME).getRange("E2").values = [[edited]];
      await context.sync();
    });
    const after = await refreshed(gateway);
    expect(after.variances.find((v) => v.id === "hnb_overspend")?.review?.note.text).toBe(edited);
    expect(pageText(sim)).toContain(edited);

    // A pane that still shows the old text tries to save a change over it.
    const overspend = summary.variances.find((v) => v.id === "hnb_overspend")!;
    const shown = varianceNote(summary, overspend, OVERSPEND, NOW);
    const result = await gateway.saveReviewNote(
      varianceNote(summary, overspend, { ...OVERSPEND, text: "Something else" }, NOW),
      shown,
    );
    expect(result).toMatchObject({ ok: false, problem: "conflict", current: { text: edited } });
    expect(!result.ok && result.message).toMatch(
      /changed on the "Portfolio Summary Notes" sheet since the pane showed it/,
    );
    expect(sim.snapshot(NOTES_SHEET_NAME).values[1][4]).toBe(edited);

    // Saved again from what the sheet now says, it updates the row in place.
    const current = (result.ok ? null : result.current) as ReviewNote;
    const again = await gateway.saveReviewNote({ ...current, text: `${edited} Confirmed.` }, current);
    expect(again.ok).toBe(true);
    expect(noteRows(sim)).toHaveLength(4);
    expect(sim.snapshot(NOTES_SHEET_NAME).values[1][4]).toBe(`${edited} Confirmed.`);
  });

  it("a row a person adds in Excel is read as a note, and the add-in's own rows around it are left as they are", async () => {
    const sim = await simWithTracker(generateTracker(1));
    const { gateway } = await explainAndAcknowledge(sim);
    await sim.run(async (context) => {
      const table = context.workbook.tables.getItem(NOTES_TABLE_NAME);
      table.rows.add(undefined, [
        [
          "10/01/2025",
          "Variance",
          "inmss_share",
          "",
          "Fewer placements than planned.",
          "",
          "",
          "Finance BP",
          "",
        ],
      ]);
      await context.sync();
    });
    const summary = await refreshed(gateway);
    expect(summary.variances.find((v) => v.id === "inmss_share")?.review).toMatchObject({
      state: "explained",
      note: { text: "Fewer placements than planned.", by: "Finance BP", at: "" },
    });
    expect(summary.review?.explained).toBe(3);
  });

  it("next month, still-flagged variances carry last month's explanations, counted as unexplained until confirmed", async () => {
    const sim = await simWithTracker(generateTracker(1));
    const { gateway } = await explainAndAcknowledge(sim);
    // The next reporting date typed on the Settings sheet.
    const cell = await sim.run(async (context) => {
      const used = context.workbook.worksheets
        .getItem("Settings")
        .getUsedRange()
        .load("values,rowIndex,columnIndex");
      await context.sync();
      const r = used.values.findIndex((row) => String(row[0]).toLowerCase().startsWith("reporting date"));
      return { row: used.rowIndex + r, col: used.columnIndex + 1 };
    });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Settings").getRangeByIndexes(cell.row, cell.col, 1, 1).values = [
        ["2025-02-07"],
      ];
      await context.sync();
    });
    const next = await refreshed(gateway);
    expect(next.programme.reportingDate).toBe("2025-02-07");
    expect(next.review).toMatchObject({ flagged: 6, explained: 0, carried: 2 });
    const overspend = next.variances.find((v) => v.id === "hnb_overspend")!;
    expect(overspend.review).toMatchObject({
      state: "carried",
      note: { reportingDate: "2025-01-10", text: OVERSPEND.text },
    });
    const page = pageText(sim);
    expect(page).toContain(
      "0 of 6 flagged variances explained; 2 carried from an earlier report, to update or confirm.",
    );
    expect(page).toContain(`Carried from 10/01/2025 (Head of SEND Finance): ${OVERSPEND.text}`);
    // The query's value has not changed: it stays acknowledged.
    expect(next.review?.acknowledged).toBe(1);

    // Confirmed for this report: a new row for the new date, last month's kept as it was.
    const confirmed = await gateway.saveReviewNote(varianceNote(next, overspend, OVERSPEND, NOW), null);
    expect(confirmed.ok).toBe(true);
    expect(noteRows(sim)).toHaveLength(5);
    expect((await refreshed(gateway)).review).toMatchObject({ explained: 1, carried: 1 });
  });

  it("an acknowledged query comes back when its figure changes", async () => {
    const sim = await simWithTracker(generateTracker(1));
    const { gateway } = await explainAndAcknowledge(sim);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("SEND Monthly").getRange("O34").values = [[0.0586]];
      await context.sync();
    });
    const summary = await refreshed(gateway);
    const warning = summary.issues.find((i) => queryNoteId(i) === "typed_value_mismatch@SEND Monthly!O34");
    expect(warning?.message).toContain("5.86%");
    expect(warning?.acknowledged).toBeUndefined();
    expect(summary.review?.acknowledged).toBe(0);
    expect(pageText(sim)).not.toContain("Known and explained by");
  });

  it("refuses a read-only workbook, a protected structure before the sheet exists, a protected notes sheet and a refresh under way", async () => {
    const sim = await simWithTracker(generateTracker(1));
    const gateway = gatewayFor(sim);
    const summary = await refreshed(gateway);
    const note = varianceNote(summary, summary.variances[0], EHCPS, NOW);
    sim.readOnly = true;
    expect(await gateway.saveReviewNote(note, null)).toMatchObject({ ok: false, problem: "readOnly" });
    sim.readOnly = false;
    sim.protectStructure();
    const refused = await gateway.saveReviewNote(note, null);
    expect(refused).toMatchObject({ ok: false, problem: "protected" });
    expect(!refused.ok && refused.message).not.toMatch(/try again/i);
    sim.protectStructure(false);
    const fresh = await simWithTracker(generateTracker(1));
    const gw = gatewayFor(fresh);
    const s = await refreshed(gw);
    expect((await gw.saveReviewNote(varianceNote(s, s.variances[0], EHCPS, NOW), null)).ok).toBe(true);
    fresh.protectSheet(NOTES_SHEET_NAME);
    expect(await gw.saveReviewNote(varianceNote(s, s.variances[1], EHCPS, NOW), null)).toMatchObject({
      ok: false,
      problem: "sheetProtected",
    });
    expect(fresh.sheetNames).toContain(NOTES_SHEET_NAME);

    // Another runtime's live lease: the save waits for that refresh.
    const busy = await simWithTracker(generateTracker(1));
    await busy.run(async (context) => {
      context.workbook.settings.add(LEASE_KEY, {
        runId: "other",
        source: "ribbon",
        runtime: "elsewhere",
        startedAt: NOW.toISOString(),
        renewedAt: NOW.toISOString(),
      });
      await context.sync();
    });
    const waiting = await gatewayFor(busy).saveReviewNote(note, null);
    expect(waiting).toMatchObject({ ok: false, problem: "busy" });
    expect(!waiting.ok && waiting.message).toMatch(
      /Refresh summary button.*Save the note again when it has finished/,
    );
    expect(busy.sheetNames).not.toContain(NOTES_SHEET_NAME);
  });

  it("a sheet of the user's called Portfolio Summary Notes is left alone: the notes go on a sheet of their own", async () => {
    const sim = await simWithTracker(generateTracker(1));
    await addUserSheet(sim, NOTES_SHEET_NAME, [["My own notes"], ["Id"], ["Explanation"]]);
    const gateway = gatewayFor(sim);
    const summary = await refreshed(gateway);
    const result = await gateway.saveReviewNote(
      varianceNote(summary, summary.variances[0], EHCPS, NOW),
      null,
    );
    expect(result).toMatchObject({ ok: true, sheet: `${NOTES_SHEET_NAME} (2)` });
    expect(sim.snapshot(NOTES_SHEET_NAME).values).toEqual([["My own notes"], ["Id"], ["Explanation"]]);
    expect((await refreshed(gateway)).review).toMatchObject({
      explained: 1,
      notesSheet: `${NOTES_SHEET_NAME} (2)`,
    });
  });
});

describe("hostile text on the notes sheet", () => {
  const RISKY = [
    '=HYPERLINK("http://example.invalid","x")',
    "@SUM(A1)",
    "+44 20 7946 0000",
    "-x",
    "00123",
    "07/01/2025",
    "=cmd|' /C calc'!A0",
    "TRUE",
    "#N/A",
    "'quoted",
  ];

  it("typed notes and tracker text stay exactly that text: no formulas, every cell a string", async () => {
    const raw = generateTracker(1);
    // Tracker text that reaches the notes sheet: the variance labels come from the KPI sheet's labels.
    const kpis = raw.sheets.find((s) => s.name === "KPIs")!;
    const labelRow = kpis.values.findIndex((row) => row.some((c) => c === "HNB Overspend 2024/25"));
    const labelCol = kpis.values[labelRow].indexOf("HNB Overspend 2024/25");
    kpis.values[labelRow][labelCol] = '=HYPERLINK("http://example.invalid","Overspend")';
    const sim = await simWithTracker(raw);
    const gateway = gatewayFor(sim);
    const summary = await refreshed(gateway);
    const variance = summary.variances.find((v) => v.id === "hnb_overspend")!;
    expect(variance.label).toBe('=HYPERLINK("http://example.invalid","Overspend")');
    for (const [i, text] of RISKY.entries()) {
      const v = summary.variances[i % summary.variances.length];
      const note = varianceNote(
        { programme: { ...summary.programme, reportingDate: `2025-01-${String(10 + i).padStart(2, "0")}` } },
        v,
        { text, owner: text, due: "", by: text },
        NOW,
      );
      expect((await gateway.saveReviewNote(note, null)).ok).toBe(true);
    }
    expect(
      (await gateway.saveReviewNote(varianceNote(summary, variance, { ...EHCPS, text: "=1+1" }, NOW), null))
        .ok,
    ).toBe(true);
    const snap = sim.snapshot(NOTES_SHEET_NAME);
    expect(snap.formulas).toEqual({});
    const rows = snap.values.slice(1, RISKY.length + 1);
    expect(rows.map((r) => r[4])).toEqual(RISKY);
    expect(rows.map((r) => r[5])).toEqual(RISKY);
    expect(rows.map((r) => r[7])).toEqual(RISKY);
    for (let r = 2; r <= RISKY.length + 1; r++)
      for (const col of ["E", "F", "H"]) expect(snap.cells[`${col}${r}`].valueType).toBe("String");
    expect(snap.values[RISKY.length + 1][3]).toBe(
      '=HYPERLINK("http://example.invalid","Overspend"): +£14.99m',
    );
    expect(snap.values[RISKY.length + 1][4]).toBe("=1+1");
    // Read back, each note is the text typed.
    const after = await refreshed(gateway);
    expect(after.variances.find((v) => v.id === "hnb_overspend")?.review?.note.text).toBe("=1+1");
  });
});
