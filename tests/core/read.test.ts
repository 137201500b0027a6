import type { RawCell, RawWorkbook } from "../../src/core/raw";
import { findSheet, readTracker } from "../../src/core/read";
import { sheetSpec } from "../../src/core/template";
import { cleanTracker, setCell, sheetOf } from "./parse/tracker-fixture";

describe("reading the clean tracker", () => {
  const { tracker, issues } = readTracker(cleanTracker());

  it("finds every section and no problem", () => {
    expect(issues).toEqual([]);
    expect(Object.values(tracker.found).every(Boolean)).toBe(true);
    expect(tracker.sheetNames.monthly).toBe("SEND Monthly");
  });

  it("reads Dec-24: 6,353 funded EHCPs in B5, 3.82% typed in H5", () => {
    const dec = tracker.monthly[3];
    expect(dec.month).toEqual({ value: "2024-12", ref: { sheet: "SEND Monthly", cell: "A5" } });
    expect(dec.fundedEhcps).toEqual({ value: 6353, ref: { sheet: "SEND Monthly", cell: "B5" } });
    expect(dec.typedEhcpShare).toEqual({
      value: 0.0382,
      ref: { sheet: "SEND Monthly", cell: "H5" },
      displayDecimals: 2,
    });
    expect(dec.row).toBe(5);
  });

  it("reads the settings as typed values with their cells", () => {
    expect(tracker.settings.reportingDate).toEqual({
      value: "2025-01-10",
      ref: { sheet: "Settings", cell: "B4" },
    });
    expect(tracker.settings.overallRag.value).toEqual({
      grade: "Amber/Red",
      track: "off",
      text: "Amber/Red - At Risk",
    });
    expect(tracker.settings.riskThreshold.value).toBe(15);
    expect(tracker.settings.financeStalenessDays.value).toBeNull();
  });

  it("reads KPI targets in their own unit: a count, pounds, a fraction", () => {
    expect(tracker.kpis.map((k) => [k.id, k.target.value, k.unit.value])).toEqual([
      ["ehcp_count", 5707, "count"],
      ["hnb_overspend", 28210000, "money"],
      ["inmss_share", 0.0692, "share"],
    ]);
    expect(tracker.kpis[1].actual.value).toBe(43200000);
  });

  it("reads money with brackets as negative, and the quarter's last day", () => {
    const q2 = tracker.finance[0];
    expect(q2.inYearNetPosition.value).toBe(-43200000);
    expect(q2.period.value).toBe("Q2 2024/25");
    expect(q2.periodEnd.value).toBe("2024-09-30");
  });

  it("reads risks: a blank status would be open, Closed is closed", () => {
    expect(
      tracker.risks.map((r) => [r.id.value, r.impact.value, r.likelihood.value, r.status.value]),
    ).toEqual([
      ["R01", 5, 4, "open"],
      ["R02", 4, 4, "open"],
      ["R03", 2, 3, "closed"],
    ]);
  });

  it("reads workstream RAGs and milestone statuses", () => {
    expect(tracker.workstreams[1].rag.value?.grade).toBe("Amber/Green");
    expect(tracker.milestones.map((m) => m.status.value)).toEqual(["on_track", "complete"]);
  });
});

describe("finding sheets", () => {
  it("matches the template name ignoring case and spacing, then aliases", () => {
    const raw: RawWorkbook = {
      sheets: [
        { name: "send  MONTHLY", values: [[""]], originRow: 0, originCol: 0 },
        { name: "Risks", values: [[""]], originRow: 0, originCol: 0 },
      ],
    };
    expect(findSheet(raw, sheetSpec("monthly"))?.name).toBe("send  MONTHLY");
    expect(findSheet(raw, sheetSpec("risks"))?.name).toBe("Risks");
    expect(findSheet(raw, sheetSpec("finance"))).toBeNull();
  });

  it("a missing optional sheet leaves its section empty and the rest read", () => {
    const raw = cleanTracker();
    raw.sheets = raw.sheets.filter((s) => s.name !== "Milestones");
    const { tracker, issues } = readTracker(raw);
    expect(tracker.found.milestones).toBe(false);
    expect(tracker.milestones).toEqual([]);
    expect(tracker.risks).toHaveLength(3);
    expect(issues).toMatchObject([{ code: "missing_sheet", severity: "info" }]);
  });

  it("an empty workbook gives an empty tracker and one issue per sheet, never an exception", () => {
    const { tracker, issues } = readTracker({ sheets: [] });
    expect(tracker.monthly).toEqual([]);
    expect(tracker.settings.reportingDate.value).toBeNull();
    expect(issues.filter((i) => i.code === "missing_sheet")).toHaveLength(9);
  });
});

describe("finding the header row and columns", () => {
  function risksSheet(values: RawCell[][]): RawWorkbook {
    return { sheets: [{ name: "Risk Register", values, originRow: 0, originCol: 0 }] };
  }

  it("finds the header under a title and notes, with columns in any order and extra columns ignored", () => {
    const raw = risksSheet([
      ["SEND programme risk register", "", "", "", "", "", ""],
      ["Reviewed monthly by the board", "", "", "", "", "", ""],
      ["", "", "", "", "", "", ""],
      ["Likelihood (1-5)", "Risk ref", "Internal note", "Impact (1-5)", "Description", "Owner", "Score"],
      [4, "R01", "ignore me", 5, "Growth above forecast", "Director", 20],
    ]);
    const { tracker, issues } = readTracker(raw);
    expect(issues.filter((i) => i.sheet === "Risk Register")).toEqual([]);
    const r = tracker.risks[0];
    expect([r.id.value, r.title.value, r.impact.value, r.likelihood.value, r.owner.value]).toEqual([
      "R01",
      "Growth above forecast",
      5,
      4,
      "Director",
    ]);
    expect(r.impact.ref.cell).toBe("D5");
    expect(r.row).toBe(5);
  });

  it("takes a header merged down from the row above (blank in the header row itself)", () => {
    const raw = risksSheet([
      ["ID", "Scores", "", "Risk", "Risk owner"],
      ["", "Impact (1-5)", "Likelihood (1-5)", "", ""],
      ["R01", 5, 4, "Growth above forecast", "Director"],
    ]);
    const { tracker, issues } = readTracker(raw);
    expect(issues.filter((i) => i.sheet === "Risk Register")).toEqual([]);
    expect(tracker.risks[0].id.value).toBe("R01");
    expect(tracker.risks[0].title.value).toBe("Growth above forecast");
  });

  it("prefers the template header to an alias: RAG over Status on the workstream sheet", () => {
    const raw: RawWorkbook = {
      sheets: [
        {
          name: "Workstreams",
          values: [
            ["Programme", "Workstream", "Status", "RAG"],
            [2, "Early support", "In progress", "Green"],
          ],
          originRow: 0,
          originCol: 0,
        },
      ],
    };
    const { tracker, issues } = readTracker(raw);
    expect(tracker.workstreams[0].rag.value?.grade).toBe("Green");
    expect(issues.filter((i) => i.sheet === "Workstreams")).toEqual([]);
  });
});

describe("data rows", () => {
  it("skips blank rows and a trailing totals row", () => {
    const raw = cleanTracker();
    const places = sheetOf(raw, "Special School Places");
    places.values.splice(2, 0, ["", "", "", "", ""], ["  ", "", "", "", ""]);
    places.values.push(["Total", 672, 618, 800, ""]);
    const { tracker, issues } = readTracker(raw);
    expect(tracker.places.map((p) => p.month.value)).toEqual(["2024-11", "2024-12"]);
    expect(tracker.places[1].row).toBe(5);
    expect(issues).toEqual([]);
  });

  it("a future month with only a forecast is not missing its actuals", () => {
    const raw = cleanTracker();
    setCell(raw, "SEND Monthly", "A6", "Jan-25");
    setCell(raw, "SEND Monthly", "C6", 5780);
    const { tracker, issues } = readTracker(raw);
    expect(tracker.monthly[4].forecastEhcps.value).toBe(5780);
    expect(tracker.monthly[4].fundedEhcps.value).toBeNull();
    expect(issues).toEqual([]);
  });

  it("an Excel error reads as empty and the rest of the row is kept", () => {
    const raw = cleanTracker();
    setCell(raw, "SEND Monthly", "D5", "#REF!");
    const { tracker } = readTracker(raw);
    expect(tracker.monthly[3].population0to25.value).toBeNull();
    expect(tracker.monthly[3].fundedEhcps.value).toBe(6353);
  });

  it("shares in a 0.00% format keep the decimals the cell shows", () => {
    const raw = cleanTracker();
    const monthly = sheetOf(raw, "SEND Monthly");
    setCell(raw, "SEND Monthly", "I2", 0.0584);
    monthly.numberFormats = monthly.values.map((row) => row.map(() => "General"));
    monthly.numberFormats[1][8] = "0.000%";
    const { tracker } = readTracker(raw);
    expect(tracker.monthly[0].typedInmssShare).toMatchObject({ value: 0.0584, displayDecimals: 3 });
  });

  it("settings without a Field/Value header are read from the first two columns", () => {
    const raw = cleanTracker();
    sheetOf(raw, "Settings").values.shift();
    const { tracker, issues } = readTracker(raw);
    expect(tracker.settings.council.value).toBe("Wiltshire Council");
    expect(tracker.settings.council.ref.cell).toBe("B2");
    expect(issues).toEqual([]);
  });

  it("a programme number like '2 - Improving support' also gives the programme's name", () => {
    const raw = cleanTracker();
    setCell(raw, "Programmes", "A3", "2 - Improving support, skills and practice");
    setCell(raw, "Programmes", "B3", "");
    const { tracker, issues } = readTracker(raw);
    expect(tracker.programmes[1].number.value).toBe(2);
    expect(tracker.programmes[1].name.value).toBe("Improving support, skills and practice");
    expect(issues).toEqual([]);
  });
});

describe("speed", () => {
  it("reads 1,000 empty rows after the data without noticing them", () => {
    const raw = cleanTracker();
    const monthly = sheetOf(raw, "SEND Monthly");
    for (let i = 0; i < 1000; i++) monthly.values.push(new Array<RawCell>(9).fill(""));
    const { tracker, issues } = readTracker(raw);
    expect(tracker.monthly).toHaveLength(4);
    expect(issues).toEqual([]);
  });

  it("reads a 50,000-row monthly sheet, every row with its cell (its speed: npm run bench -- engine)", () => {
    const raw = cleanTracker();
    const monthly = sheetOf(raw, "SEND Monthly");
    const header = monthly.values[0];
    const rows: RawCell[][] = [header];
    for (let i = 0; i < 50_000; i++) {
      rows.push([45000 + i, 6000 + (i % 400), 5600, 166500, "3.19%", 350, "5.72%", "3.64%", "5.84%"]);
    }
    monthly.values = rows;
    const { tracker } = readTracker(raw);
    expect(tracker.monthly).toHaveLength(50_000);
    expect(tracker.monthly[49_999].fundedEhcps.ref.cell).toBe("B50001");
  });
});
