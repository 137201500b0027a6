// The sample tracker is the shared fixture: read from its .xlsx and run through the engine, it reproduces the
// council dashboard's figures (seed: send-portfolio-dashboard.txt, data refreshed 07/01/2025).
import { join } from "node:path";
import { runEngine } from "../../src/core/engine";
import {
  formatKpiValue,
  formatKpiVariance,
  formatMoneyMillions,
  formatPp,
  formatShare,
} from "../../src/core/format";
import type { KpiId, PortfolioSummary } from "../../src/core/model";
import type { RawWorkbook } from "../../src/core/raw";
import { TEMPLATE } from "../../src/core/template";
import { readXlsxFile } from "../../src/xlsx/read";
import { SAMPLE_WORKSTREAMS } from "../../scripts/make-sample-tracker";

let raw: RawWorkbook;
let summary: PortfolioSummary;

beforeAll(async () => {
  raw = await readXlsxFile(join(__dirname, "..", "..", "assets", "sample-tracker.xlsx"));
  summary = runEngine(raw, { now: new Date("2025-01-10T09:00:00Z") });
});

const kpi = (id: KpiId) => {
  const k = summary.kpis.find((x) => x.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return k;
};

describe("the sample tracker's layout", () => {
  it("has every template sheet, in template order, under its template name", () => {
    expect(raw.sheets.map((s) => s.name)).toEqual(TEMPLATE.map((s) => s.name));
  });

  it("is clean: no errors, only the dashboard's own 5.85% slip as a warning", () => {
    expect(summary.issueCounts.error).toBe(0);
    expect(summary.issues.filter((i) => i.severity === "warning").map((i) => `${i.sheet}!${i.cell}`)).toEqual(
      ["SEND Monthly!O34"],
    );
  });
});

describe("headline KPIs match the dashboard", () => {
  it("6357 EHCPs against 5707 forecast to date is +650, adverse", () => {
    const k = kpi("ehcp_count");
    expect([k.actual, k.target, k.variance, k.status]).toEqual([6357, 5707, 650, "adverse"]);
    expect(k.sources).toContainEqual({ sheet: "KPIs", cell: "H5" });
  });

  it("an HNB overspend of £43.20m against a goal of £28.21m is +£14.99m, adverse", () => {
    const k = kpi("hnb_overspend");
    expect(formatKpiValue(k.actual, k.unit)).toBe("£43.20m");
    expect(formatKpiValue(k.target, k.unit)).toBe("£28.21m");
    expect(formatKpiVariance(k)).toBe("+£14.99m");
    expect(k.status).toBe("adverse");
  });

  it("5.75% of children with EHCPs in INMSS against 6.92% forecast is -1.17 pp, favourable", () => {
    const k = kpi("inmss_share");
    expect(formatKpiValue(k.actual, k.unit)).toBe("5.75%");
    expect(formatKpiVariance(k)).toBe("-1.17 pp");
    expect(k.status).toBe("favourable");
  });
});

describe("monthly tables match the dashboard", () => {
  it("funded EHCPs, change on last year, % of 0-25s and gap to statistical neighbours, Dec-24 back to Sep-24", () => {
    const rows = summary.ehcpMonthly
      .slice(0, 4)
      .map((r) => [
        r.month,
        r.fundedEhcps,
        r.changeVsLastYear,
        formatShare(r.shareOf0to25 ?? NaN),
        formatPp(r.gapToStatNeighbours ?? NaN),
      ]);
    expect(rows).toEqual([
      ["2024-12", 6353, 872, "3.82%", "+0.63 pp"],
      ["2024-11", 6274, 856, "3.77%", "+0.58 pp"],
      ["2024-10", 6166, 823, "3.70%", "+0.51 pp"],
      ["2024-09", 6059, 758, "3.64%", "+0.45 pp"],
    ]);
  });

  it("children placed in INMSS and the change on last year, with shares recomputed from the counts", () => {
    const rows = summary.inmssMonthly
      .slice(0, 4)
      .map((r) => [r.month, r.placed, r.changeVsLastYear, formatShare(r.share ?? NaN)]);
    expect(rows).toEqual([
      ["2024-12", 358, 41, "5.64%"],
      ["2024-11", 359, 40, "5.72%"],
      ["2024-10", 359, 41, "5.82%"],
      // The dashboard shows 5.85%, but 354 / 6059 is 5.84%: the typed cell is flagged, the count wins.
      ["2024-09", 354, 44, "5.84%"],
    ]);
    expect(formatPp(summary.inmssMonthly[0].gapToStatNeighbours ?? NaN)).toBe("-0.08 pp");
  });
});

describe("programmes, risks and places match the dashboard", () => {
  it("a shortfall of 58 special school places at £38,620 each costs £2.24m", () => {
    const p = summary.specialSchoolPlaces;
    expect([p.required, p.delivered, p.shortfall, p.costPerPlace, p.shortfallCost]).toEqual([
      400, 342, 58, 38620, 2239960,
    ]);
    expect(formatMoneyMillions(p.shortfallCost ?? NaN)).toBe("£2.24m");
  });

  it("the key risks are exactly the dashboard's two: 5 x 4 = 20 and 4 x 4 = 16; the closed 15 is left out", () => {
    expect(summary.keyRisks.map((r) => [r.id, r.impact, r.likelihood, r.score, r.owner])).toEqual([
      ["R01", 5, 4, 20, "Director of Education and Skills"],
      ["R02", 4, 4, 16, "Director of Education and Skills"],
    ]);
  });

  it("programme 2 has three workstreams on track and one Amber/Green off track, as on the dashboard", () => {
    const p2 = summary.workstreamStatus.find((w) => w.programme === 2);
    expect(p2?.counts).toMatchObject({ Green: 3, "Amber/Green": 1 });
    expect(summary.workstreamStatus.reduce((n, w) => n + w.total, 0)).toBe(16);
  });

  it("milestone counts match the dashboard's 'Status of Milestones Due': P3 7 and 3, P4 10, P5 10, P6 12 and 5", () => {
    const counts = Object.fromEntries(
      summary.programmes.map((p) => [
        p.number,
        [p.milestones.complete, p.milestones.on_track, p.milestones.overdue],
      ]),
    );
    expect(counts).toMatchObject({ 3: [7, 3, 0], 4: [10, 0, 0], 5: [10, 0, 0], 6: [12, 5, 0] });
  });

  it("programme 1 carries its note, since it has no workstreams yet", () => {
    expect(summary.programmes[0].note).toMatch(
      /^Further work to be done as part of developing the SEND Strategy/,
    );
  });

  it("names leads and owners by role, never by person", () => {
    const people = [...SAMPLE_WORKSTREAMS.map((w) => w[3]), ...summary.keyRisks.map((r) => r.owner)];
    for (const who of people) expect(who).toMatch(/\b(Head|Director|Lead|Manager)\b/);
  });
});

describe("freshness", () => {
  it("SEND data refreshed 07/01/2025 are 3 days old at the reporting date 10/01/2025, within the 45-day limit", () => {
    const send = summary.freshness.find((f) => f.id === "send_data");
    expect(send).toMatchObject({ text: "07/01/2025", ageDays: 3, limitDays: 45, stale: false });
    expect(summary.programme.financeBasis).toBe("Q2 Forecast");
  });
});
