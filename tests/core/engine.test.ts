// End to end: the sample tracker file through the ExcelJS reader and the engine, against the seed dashboard.
import { SAVED_SETTINGS_KEY } from "../../src/core/engine-api";
import { runEngine } from "../../src/core/engine";
import type { PortfolioSummary } from "../../src/core/model";
import type { RawWorkbook } from "../../src/core/raw";
import { readXlsxFile } from "../../src/xlsx/read";

const NOW = new Date("2025-01-10T09:00:00Z");
let raw: RawWorkbook;
let summary: PortfolioSummary;

beforeAll(async () => {
  raw = await readXlsxFile("assets/sample-tracker.xlsx");
  summary = runEngine(raw, { now: NOW, workbookName: "sample-tracker.xlsx" });
});

const kpi = (id: string) => summary.kpis.find((k) => k.id === id)!;

describe("the sample tracker reproduces the dashboard", () => {
  it("headline KPIs: 6357 vs 5707, £43.20m vs £28.21m, 5.75% vs 6.92%", () => {
    expect(kpi("ehcp_count")).toMatchObject({ actual: 6357, target: 5707, variance: 650, status: "adverse" });
    expect(kpi("hnb_overspend").actual).toBeCloseTo(43_200_000, 0);
    expect(kpi("hnb_overspend").variance).toBeCloseTo(14_990_000, 0);
    expect(kpi("hnb_overspend").status).toBe("adverse");
    expect(kpi("inmss_share").actual).toBeCloseTo(0.0575, 4);
    expect(kpi("inmss_share").variance).toBeCloseTo(-0.0117, 4);
    expect(kpi("inmss_share").explanation).toBe("1.17 pp below forecast; lower is favourable");
  });

  it("overall RAG Amber/Red, computed and the lead's alike", () => {
    expect(summary.overallRag).toMatchObject({ value: "Amber/Red", computed: "Amber/Red", differs: false });
    expect(summary.overallRag.narrative).toMatch(/^Overall, SEND Transformation is Amber\/Red/);
  });

  it("monthly tables: Dec-24 6353, +872, 3.82%, +0.63 pp; INMSS 5.64%, -0.08 pp, 358, +41", () => {
    const [e] = summary.ehcpMonthly;
    expect([e.month, e.fundedEhcps, e.changeVsLastYear]).toEqual(["2024-12", 6353, 872]);
    expect(e.shareOf0to25).toBeCloseTo(0.0382, 4);
    expect(e.gapToStatNeighbours).toBeCloseTo(0.0063, 4);
    const [i] = summary.inmssMonthly;
    expect([i.month, i.placed, i.changeVsLastYear]).toEqual(["2024-12", 358, 41]);
    expect(i.share).toBeCloseTo(0.0564, 4);
    expect(i.gapToStatNeighbours).toBeCloseTo(-0.0008, 4);
  });

  it("key risks 20 and 16; shortfall 58 places costing £2.24m", () => {
    expect(summary.keyRisks.map((r) => r.score)).toEqual([20, 16]);
    expect(summary.specialSchoolPlaces.shortfall).toBe(58);
    expect(Number(((summary.specialSchoolPlaces.shortfallCost as number) / 1e6).toFixed(2))).toBe(2.24);
  });

  it("points out the dashboard's own slip: Sep-24 typed 5.85% against 354 / 6059 = 5.84%", () => {
    const slip = summary.issues.find((x) => x.code === "typed_value_mismatch" && x.sheet === "SEND Monthly");
    expect(slip?.message).toContain("5.85%");
    expect(slip?.message).toContain("5.84%");
    expect(summary.notComputed).toEqual([]);
    expect(summary.issueCounts.error).toBe(0);
  });
});

describe("settings saved in the workbook", () => {
  it("a threshold of 20 saved by the task pane leaves only the risk scoring 20", () => {
    const s = runEngine(
      { ...raw, savedSettings: { [SAVED_SETTINGS_KEY]: { riskThreshold: 20 } } },
      { now: NOW },
    );
    expect(s.keyRisks.map((r) => r.id)).toEqual(["R01"]);
    expect(s.riskThreshold).toBe(20);
  });

  it("the caller's overrides win over the saved settings", () => {
    const s = runEngine(
      { ...raw, savedSettings: { [SAVED_SETTINGS_KEY]: { riskThreshold: 20 } } },
      { now: NOW, settingsOverrides: { riskThreshold: 12 } },
    );
    expect(s.keyRisks.length).toBeGreaterThan(2);
  });

  it("falls back to the workbook's own name for the footer", () => {
    expect(runEngine({ ...raw, name: "Tracker.xlsx" }, { now: NOW }).source.workbookName).toBe(
      "Tracker.xlsx",
    );
  });
});

describe("a workbook that is not a tracker", () => {
  it("gives a summary that lists what is missing instead of throwing", () => {
    const s = runEngine(
      { sheets: [{ name: "Sheet1", values: [["hello"]], originRow: 0, originCol: 0 }] },
      { now: NOW },
    );
    expect(s.issueCounts.error).toBeGreaterThan(0);
    expect(s.kpis.every((k) => k.actual === null)).toBe(true);
    expect(s.notComputed.length).toBeGreaterThan(0);
  });
});
