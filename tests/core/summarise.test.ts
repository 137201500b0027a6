import { resolveSettings } from "../../src/core/settings";
import { summarise } from "../../src/core/summarise";
import type { PortfolioSummary } from "../../src/core/model";
import type { Tracker } from "../../src/core/tracker";
import { TrackerBuilder, rag, sampleTracker } from "../support/tracker-builder";

const NOW = new Date("2025-01-10T09:00:00Z");

function run(tracker: Tracker): PortfolioSummary {
  const { settings, issues } = resolveSettings(tracker, undefined);
  return summarise(tracker, issues, settings, { now: NOW, workbookName: "SEND tracker.xlsx" });
}

const kpi = (s: PortfolioSummary, id: string) => s.kpis.find((k) => k.id === id)!;

describe("summarise on the seed dashboard's tracker", () => {
  const s = run(sampleTracker().build());

  it("gives the three headline KPIs with the dashboard's figures and plain-words explanations", () => {
    expect(kpi(s, "ehcp_count")).toMatchObject({
      actual: 6357,
      target: 5707,
      variance: 650,
      status: "adverse",
      explanation: "650 more plans than forecast; more is adverse",
      asAt: "2025-01-07",
    });
    expect(kpi(s, "hnb_overspend")).toMatchObject({
      label: "HNB Overspend 2024/25 (£m)",
      targetLabel: "Goal for this financial year",
      target: 28_210_000,
      status: "adverse",
      explanation: "£14.99m more overspend than the goal; more is adverse",
    });
    expect(kpi(s, "hnb_overspend").actual).toBeCloseTo(43_200_000, 0);
    expect(kpi(s, "hnb_overspend").variance).toBeCloseTo(14_990_000, 0);
    expect(kpi(s, "inmss_share").actual).toBeCloseTo(0.0575, 4);
    expect(kpi(s, "inmss_share").variance).toBeCloseTo(-0.0117, 4);
    expect(kpi(s, "inmss_share")).toMatchObject({
      status: "favourable",
      explanation: "1.17 pp below forecast; lower is favourable",
    });
  });

  it("uses the live typed count 6357 over the Dec-24 month end 6353, and says so in an info issue at the typed cell", () => {
    const info = s.issues.find((i) => i.code === "typed_value_mismatch" && i.sheet === "KPIs");
    expect(info).toMatchObject({ severity: "info", cell: "H2" });
    expect(info?.message).toContain("6,357");
    expect(info?.message).toContain("6,353");
    expect(kpi(s, "ehcp_count").sources).toContainEqual({ sheet: "KPIs", cell: "H2" });
  });

  it("computes Amber/Red, matching the programme lead, and explains each step", () => {
    expect(s.overallRag).toMatchObject({
      value: "Amber/Red",
      computed: "Amber/Red",
      override: "Amber/Red",
      differs: false,
    });
    expect(s.overallRag.reasons).toHaveLength(5);
  });

  it("lists the two key risks scoring 15 or more, highest first; the closed 15 is left out", () => {
    expect(s.keyRisks.map((r) => [r.id, r.score, r.band])).toEqual([
      ["R01", 20, "Very high"],
      ["R02", 16, "High"],
    ]);
    expect(s.riskThreshold).toBe(15);
  });

  it("fills the EHCP and INMSS tables with the dashboard's Dec-24 rows", () => {
    expect(s.ehcpMonthly[0]).toMatchObject({ month: "2024-12", fundedEhcps: 6353, changeVsLastYear: 872 });
    expect(s.ehcpMonthly[0].shareOf0to25).toBeCloseTo(0.0382, 4);
    expect(s.ehcpMonthly[0].gapToStatNeighbours).toBeCloseTo(0.0063, 4);
    expect(s.inmssMonthly[0]).toMatchObject({ month: "2024-12", placed: 358, changeVsLastYear: 41 });
    expect(s.inmssMonthly[0].share).toBeCloseTo(0.0564, 4);
    expect(s.inmssMonthly[0].gapToStatNeighbours).toBeCloseTo(-0.0008, 4);
  });

  it("gives the special school places shortfall of 58 costing £2.24m, in programme 3", () => {
    expect(s.specialSchoolPlaces).toEqual({
      shortfall: 58,
      shortfallCost: 2_239_960,
      delivered: 342,
      filled: 318,
      required: 400,
      costPerPlace: 38_620,
    });
    const p3 = s.programmes.find((p) => p.number === 3)!;
    expect(p3.figures.find((f) => f.id === "places_shortfall")?.value).toBe(58);
    expect(p3.chartIds).toEqual(["inmss_share", "special_school_places"]);
    expect(p3.tables[0].rows[0]).toMatchObject({ month: "2024-12", placed: 358 });
  });

  it("lays out programmes 1-6 with the dashboard's names, workstreams, milestones and charts", () => {
    expect(s.programmes.map((p) => [p.number, p.workstreams.length, p.chartIds])).toEqual([
      [1, 0, []],
      [2, 4, ["ehcp_trajectory"]],
      [3, 3, ["inmss_share", "special_school_places"]],
      [4, 3, ["ceased_plans"]],
      [5, 2, ["hnb_net_position", "average_cost_per_ehcp"]],
      [6, 4, ["twenty_week_rates"]],
    ]);
    expect(s.programmes[0].note).toMatch(/^Further work to be done/);
    expect(s.programmes[5].name).toBe("Improving communication, process and systems");
    expect(s.programmes[2].milestones).toEqual({ complete: 7, on_track: 3, at_risk: 0, overdue: 0 });
    expect(s.programmes[5].milestones).toEqual({ complete: 12, on_track: 5, at_risk: 0, overdue: 0 });
    expect(s.workstreamStatus[1].counts).toMatchObject({ Green: 3, "Amber/Green": 1 });
  });

  it("draws every chart the page shows, with the 20-week variant stated", () => {
    expect(s.charts.map((c) => c.id).sort()).toEqual(
      [
        "average_cost_per_ehcp",
        "ceased_plans",
        "ehcp_trajectory",
        "hnb_net_position",
        "inmss_share",
        "milestone_status",
        "special_school_places",
        "twenty_week_rates",
        "workstream_rag",
      ].sort(),
    );
    for (const c of s.charts) expect(c.emptyReason).toBeUndefined();
    expect(s.charts.find((c) => c.id === "twenty_week_rates")?.title).toContain("excluding exceptions");
    const inmss = s.charts.find((c) => c.id === "inmss_share")!;
    expect(inmss.categories.at(-1)).toBe("2024-12");
    expect(inmss.series[0].values.at(-1)).toBeCloseTo(0.0575, 4);
    expect(inmss.series[0].values.every((v) => v !== null)).toBe(true);
  });

  it("states when each data source was refreshed", () => {
    expect(s.freshness).toEqual([
      expect.objectContaining({
        id: "send_data",
        date: "2025-01-07",
        text: "07/01/2025",
        ageDays: 3,
        stale: false,
      }),
      expect.objectContaining({
        id: "finance_data",
        text: "Q2 Forecast, as at 15/11/2024",
        ageDays: 56,
        stale: false,
      }),
    ]);
  });

  it("flags the KPIs off target and the comparisons a board would want to see", () => {
    expect(s.variances.map((v) => [v.id, v.status])).toEqual([
      ["ehcp_count", "adverse"],
      ["hnb_overspend", "adverse"],
      ["inmss_share", "favourable"],
      ["ehcp_share_vs_stat_neighbours", "adverse"],
      ["inmss_share_vs_stat_neighbours", "favourable"],
      ["special_school_places", "adverse"],
    ]);
    expect(s.variances.find((v) => v.id === "special_school_places")?.explanation).toBe(
      "58 fewer places than required; fewer is adverse",
    );
  });

  it("defines every metric on the page and has nothing left uncomputed", () => {
    expect(s.definitions.map((d) => d.term)).toEqual(
      expect.arrayContaining([
        "Number of EHCPs",
        "% 0-25 with EHCP",
        "20-week rates",
        "Computed overall RAG",
      ]),
    );
    expect(s.notComputed).toEqual([]);
    expect(s.issueCounts).toEqual({ error: 0, warning: 0, info: 1 });
    expect(s.generatedAt).toBe("2025-01-10T09:00:00.000Z");
    expect(s.source.workbookName).toBe("SEND tracker.xlsx");
  });

  it("is plain JSON: it survives a round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe("summarise on awkward trackers", () => {
  it("a tracker with only one month gives the counts but no year-on-year, rolling figures or INMSS tile", () => {
    const t = sampleTracker()
      .mapMonths((m) => (m.month === "2024-12" ? m : null))
      .build();
    const s = run(t);
    expect(s.ehcpMonthly[0]).toMatchObject({ month: "2024-12", fundedEhcps: 6353, changeVsLastYear: null });
    expect(s.ehcpMonthly.slice(1).every((r) => r.fundedEhcps === null)).toBe(true);
    expect(kpi(s, "inmss_share")).toMatchObject({
      actual: null,
      variance: null,
      status: null,
      explanation: "",
    });
    expect(s.notComputed.map((n) => n.section)).toContain("Children with EHCPs in INMSS: actual");
    expect(s.charts.find((c) => c.id === "inmss_share")?.emptyReason).toMatch(/12 consecutive months/);
    expect(s.charts.find((c) => c.id === "ceased_plans")?.emptyReason).toMatch(/12 consecutive months/);
    expect(s.charts.find((c) => c.id === "ehcp_trajectory")?.categories).toEqual(["2024-12"]);
  });

  it("a gap in the months leaves that month's figures empty and never borrows a neighbour", () => {
    const s = run(
      sampleTracker()
        .mapMonths((m) => (m.month === "2023-11" || m.month === "2024-06" ? null : m))
        .build(),
    );
    expect(s.ehcpMonthly[1]).toMatchObject({ month: "2024-11", fundedEhcps: 6274, changeVsLastYear: null });
    expect(kpi(s, "inmss_share").actual).toBeNull();
    const trajectory = s.charts.find((c) => c.id === "ehcp_trajectory")!;
    expect(trajectory.series[0].values[trajectory.categories.indexOf("2024-06")]).toBeNull();
  });

  it("a zero population gives empty shares, not Infinity, and the rest of the page still works", () => {
    const s = run(
      sampleTracker()
        .mapMonths((m) => ({ ...m, population0to25: 0 }))
        .build(),
    );
    expect(s.ehcpMonthly[0].shareOf0to25).toBeNull();
    expect(s.ehcpMonthly[0].gapToStatNeighbours).toBeNull();
    expect(s.variances.some((v) => v.id === "ehcp_share_vs_stat_neighbours")).toBe(false);
    expect(JSON.stringify(s)).not.toMatch(/Infinity|NaN/);
    expect(kpi(s, "ehcp_count").actual).toBe(6357);
  });

  it("zero funded EHCPs give no INMSS shares rather than a division by zero", () => {
    const s = run(
      sampleTracker()
        .mapMonths((m) => ({ ...m, fundedEhcps: 0 }))
        .build(),
    );
    expect(s.inmssMonthly[0].share).toBeNull();
    expect(kpi(s, "inmss_share").actual).toBeNull();
    expect(JSON.stringify(s)).not.toMatch(/Infinity|NaN/);
  });

  it("an empty tracker never throws; every part says what is missing", () => {
    const t = new TrackerBuilder()
      .withoutSheet("monthly")
      .withoutSheet("finance")
      .withoutSheet("places")
      .withoutSheet("risks")
      .withoutSheet("kpis")
      .build();
    const s = run(t);
    expect(s.kpis.map((k) => k.actual)).toEqual([null, null, null]);
    expect(s.overallRag.computed).toBeNull();
    expect(s.programmes).toHaveLength(6);
    expect(s.programmes[0].name).toBe("Voice of the child and their family");
    const sections = s.notComputed.map((n) => n.section);
    expect(sections).toEqual(
      expect.arrayContaining([
        "Reporting date",
        "SEND monthly figures",
        "HNB finance",
        "Special school places",
        "Key risks",
        "SEND data freshness",
        "Number of EHCPs: target",
      ]),
    );
    expect(s.charts.find((c) => c.id === "ehcp_trajectory")?.emptyReason).toBeTruthy();
    expect(s.freshness[0]).toMatchObject({ date: null, text: "not recorded", stale: false });
  });

  it("names the missing INMSS column in 'not computed'", () => {
    const s = run(
      sampleTracker()
        .mapMonths((m) => ({ ...m, placedInInmss: null }))
        .build(),
    );
    expect(s.notComputed).toContainEqual({
      section: "INMSS share",
      reason: "The SEND Monthly sheet has no 'Placed in INMSS' figures.",
    });
    expect(s.inmssMonthly).toEqual([]);
  });

  it("marks SEND data older than the limit as stale", () => {
    const s = run(sampleTracker().withSettings({ sendDataRefreshed: "2024-11-01" }).build());
    expect(s.freshness[0]).toMatchObject({ ageDays: 70, limitDays: 45, stale: true });
  });

  it("raises a stale-data issue itself when the finance date comes from the latest finance period", () => {
    const s = run(sampleTracker().withSettings({ financeDataAsAt: null, financeStalenessDays: 60 }).build());
    expect(s.freshness[1]).toMatchObject({ date: "2024-09-30", ageDays: 102, stale: true });
    expect(s.issues).toContainEqual(
      expect.objectContaining({ code: "stale_data", sheet: "HNB Finance", cell: "A3" }),
    );
  });

  it("counts an on-track milestone past its due date as overdue", () => {
    const s = run(
      sampleTracker()
        .withMilestone({ programme: 2, milestone: "Pathway live", dueDate: "2024-12-01", status: "on_track" })
        .build(),
    );
    expect(s.programmes[1].milestones.overdue).toBe(1);
  });

  it("shows the lead's RAG but keeps the computed one beside it when they differ", () => {
    const s = run(
      sampleTracker()
        .withSettings({ overallRag: rag("Green", "on", "Green - On Track") })
        .build(),
    );
    expect(s.overallRag).toMatchObject({ value: "Green", computed: "Amber/Red", differs: true });
  });

  it("takes targets from the month's forecast and the period's goal when the KPIs sheet is missing", () => {
    const s = run(sampleTracker().withoutSheet("kpis").build());
    expect(kpi(s, "ehcp_count")).toMatchObject({ actual: 6353, target: 5707, variance: 646 });
    expect(kpi(s, "hnb_overspend").target).toBeCloseTo(28_210_000, 0);
    expect(kpi(s, "inmss_share").target).toBeNull();
  });
});
