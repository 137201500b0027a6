// The outlook sections end to end: the sample tracker file through the engine gives the EHCP outlook, the cost of
// the demand gap and the drafted narrative; taking away the forecast column or the finance sheet takes away only
// what depends on it, each with a one-line reason.
import { runEngine } from "../../../src/core/engine";
import { QUOTE_LIMIT, clip } from "../../../src/core/outlook";
import type { PortfolioSummary } from "../../../src/core/model";
import { resolveSettings } from "../../../src/core/settings";
import { summarise } from "../../../src/core/summarise";
import type { Tracker } from "../../../src/core/tracker";
import { readXlsxFile } from "../../../src/xlsx/read";
import { sampleTracker } from "../../support/tracker-builder";

const NOW = new Date("2025-01-10T09:30:00Z");

function run(tracker: Tracker): PortfolioSummary {
  const { settings, issues } = resolveSettings(tracker, undefined);
  return summarise(tracker, issues, settings, { now: NOW, workbookName: "SEND tracker.xlsx" });
}

const measure = (s: PortfolioSummary, id: string) => s.outlook?.measures.find((m) => m.id === id);
const outlookReasons = (s: PortfolioSummary) =>
  s.notComputed.filter((n) => n.section.startsWith("Outlook") || n.section === "Cost of the demand gap");

describe("the sample tracker file", () => {
  let s: PortfolioSummary;
  beforeAll(async () => {
    s = runEngine(await readXlsxFile("assets/sample-tracker.xlsx"), { now: NOW });
  });

  it("projects funded EHCPs to 6,592 by Mar-25 against a trajectory of 5,821, needing a fall of 177 a month", () => {
    expect(s.outlook).toMatchObject({
      yearEnd: "2025-03",
      yearEndBasis: "Financial year 2024/25 (Settings sheet)",
    });
    const ehcp = measure(s, "ehcp_count");
    expect(ehcp?.projection).toMatchObject({
      fromMonth: "2024-12",
      fromValue: 6353,
      averageMonthlyChange: 79.5,
      projected: 6592,
      low: 6497,
      high: 6677,
    });
    expect(ehcp?.trajectory).toMatchObject({ value: 5821, basis: "extended" });
    expect(ehcp?.gapAtYearEnd).toBe(771);
    expect(Math.round(ehcp?.neededMonthlyChange ?? 0)).toBe(-177);
    expect(ehcp?.sources).toEqual([
      { sheet: "SEND Monthly", cell: "B25:B37" },
      { sheet: "SEND Monthly", cell: "C37" },
    ]);
  });

  it("projects the INMSS share's rolling average to 5.72% by Mar-25, 1.20 pp below the KPI's forecast of 6.92%", () => {
    const inmss = measure(s, "inmss_share");
    expect(inmss?.projection?.fromValue).toBeCloseTo(0.0575, 4);
    expect(inmss?.projection?.projected).toBeCloseTo(0.0572, 4);
    expect(inmss?.trajectory).toMatchObject({
      value: 0.0692,
      basis: "kpi_target",
      sources: [{ sheet: "KPIs", cell: "C7" }],
    });
    expect(inmss?.status).toBe("favourable");
  });

  it("costs the 650 plans above the trajectory at about £15.0m, agreeing with the £14.99m overspend variance", () => {
    const cost = s.demandCost;
    const overspend = s.kpis.find((k) => k.id === "hnb_overspend");
    expect(cost?.plansAboveTrajectory).toBe(s.kpis.find((k) => k.id === "ehcp_count")?.variance);
    expect(cost?.overspendAboveGoal).toBe(overspend?.variance);
    expect(Math.round(cost?.averageCostPerEhcp ?? 0)).toBe(23_123);
    expect(cost).toMatchObject({ roundedCost: 15_000_000, agreesWithOverspend: true });
    expect(Math.round((overspend?.variance ?? 0) / 100_000)).toBe(Math.round((cost?.cost ?? 0) / 100_000));
  });

  it("drafts the narrative a council officer would write from the page's figures", () => {
    expect(s.draftNarrative?.paragraphs).toEqual([
      "Overall, SEND Transformation is Amber/Red. There are 6,357 EHCPs (as at 07/01/2025), 650 more than the forecast to date of 5,707, which is adverse. The High Needs Block is forecast to overspend by £43.20m in 2024/25 (Q2 Forecast), £14.99m more than the goal for this financial year of £28.21m, which is adverse. The share of children with an EHCP placed in independent or non-maintained special schools is 5.75% (12-month rolling average), 1.17 pp below the forecast of 6.92%, which is favourable.",
      "On the trend of the last six months, funded EHCPs would be about 6,592 by Mar-25 (range 6,497 to 6,677), 771 above the trajectory of 5,821 (carried on from Dec-24). To be back on trajectory by Mar-25 the count would have to fall by 177 a month; it has risen by 80 a month over the last six months. On its own six-month trend, the INMSS share (12-month rolling average) would be about 5.72% by Mar-25 (range 5.70% to 5.75%), 1.20 pp below the forecast of 6.92%.",
      "The 650 plans above the trajectory (as at 07/01/2025), at the average cost of £23,123 a plan (Q2 2024/25), come to about £15.0m a year, in line with the HNB overspend of £14.99m above the goal (Q2 Forecast). This is an indication: it assumes each extra plan costs the average.",
      "Two open risks score 15 or more: R01, “If growth is stronger than forecast, we will not meet our trajectory” (score 20); and R02, “There is a risk that the capital programme fails to generate a reduction in INMSS placements” (score 16).",
    ]);
    expect(s.draftNarrative?.text).toBe(s.draftNarrative?.paragraphs.join("\n\n"));
    // The lead's own narrative is untouched.
    expect(s.overallRag.narrative).toMatch(
      /^Overall, SEND Transformation is Amber\/Red - At Risk\. This is because/,
    );
  });

  it("is plain JSON and leaves nothing unexplained", () => {
    const json = JSON.stringify({ o: s.outlook, d: s.demandCost, n: s.draftNarrative });
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(json).o).toEqual(s.outlook);
    expect(outlookReasons(s)).toEqual([]);
  });
});

describe("taking inputs away", () => {
  it("without the forecast column only the EHCP trajectory goes, with one reason; the cost stands on the KPI target", () => {
    const s = run(
      sampleTracker()
        .mapMonths((m) => ({ ...m, forecastEhcps: null }))
        .build(),
    );
    const ehcp = measure(s, "ehcp_count");
    expect(ehcp?.projection?.projected).toBe(6592);
    expect(ehcp).toMatchObject({ trajectory: null, gapAtYearEnd: null, neededText: "" });
    expect(outlookReasons(s)).toEqual([
      {
        section: "Outlook: Funded EHCPs",
        reason:
          "The SEND Monthly sheet has no 'Forecast EHCPs' figures, so the projection cannot be set beside a trajectory.",
      },
    ]);
    expect(measure(s, "inmss_share")?.trajectory?.value).toBe(0.0692);
    expect(s.demandCost?.plansAboveTrajectory).toBe(650);
    expect(s.draftNarrative?.text).toContain(
      "On the trend of the last six months, funded EHCPs would be about 6,592 by Mar-25 (range 6,497 to 6,677). On its own",
    );
    expect(s.draftNarrative?.text).not.toContain("back on trajectory");
  });

  it("without the forecast column and with no typed EHCP target, the cost goes too, with its reason", () => {
    const s = run(
      sampleTracker()
        .withKpi("ehcp_count", { target: null })
        .mapMonths((m) => ({ ...m, forecastEhcps: null }))
        .build(),
    );
    expect(s.demandCost).toBeNull();
    expect(outlookReasons(s).map((r) => r.section)).toEqual([
      "Outlook: Funded EHCPs",
      "Cost of the demand gap",
    ]);
  });

  it("without the finance sheet only the cost goes, with one reason; the outlook and the rest of the narrative stay", () => {
    const s = run(sampleTracker().withoutSheet("finance").build());
    expect(s.demandCost).toBeNull();
    expect(outlookReasons(s)).toEqual([
      {
        section: "Cost of the demand gap",
        reason:
          "The tracker has no HNB Finance periods, so there is no average cost per EHCP to cost the demand gap.",
      },
    ]);
    expect(measure(s, "ehcp_count")?.gapAtYearEnd).not.toBeNull();
    // Headline (without the HNB sentence), outlook, risks: the cost paragraph is gone.
    expect(s.draftNarrative?.paragraphs).toHaveLength(3);
    expect(s.draftNarrative?.text).not.toMatch(/High Needs Block|average cost/);
  });

  it("quotes other tracker text cut at a word too: a 32,767-character finance basis keeps the cost sentence short", () => {
    const basis = "Q2 forecast agreed with the Schools Forum ".repeat(800).slice(0, 32_767);
    const s = run(sampleTracker().withSettings({ financeBasis: basis }).build());
    expect(s.demandCost?.overspendBasis.endsWith("…")).toBe(true);
    expect(s.demandCost?.overspendBasis.length).toBeLessThanOrEqual(QUOTE_LIMIT);
    expect(s.demandCost?.sentence.length).toBeLessThan(600);
    expect(Math.max(...(s.draftNarrative?.paragraphs ?? []).map((p) => p.length))).toBeLessThan(32_767);
    expect(clip("Q2 Forecast")).toBe("Q2 Forecast");
    expect(clip("word, ".repeat(100))).toMatch(/^(word, )*word…$/);
  });

  it("with spend for the average cost missing, the reason names the column", () => {
    const t = sampleTracker().build();
    t.finance = t.finance.map((r) => ({
      ...r,
      spendForAverageCost: { ...r.spendForAverageCost, value: null },
    }));
    expect(run(t).notComputed).toContainEqual({
      section: "Cost of the demand gap",
      reason:
        "No HNB Finance period has both 'High needs spend for average cost' and a funded EHCP count for the month it ends, so there is no average cost per EHCP to cost the demand gap.",
    });
  });

  it("with no financial year set, the year end is the March after the latest month, and the basis says so", () => {
    const s = run(sampleTracker().withSettings({ financialYear: null }).build());
    expect(s.outlook).toMatchObject({
      yearEnd: "2025-03",
      yearEndBasis:
        "The Settings sheet has no financial year; the year ending Mar-25, which holds the latest month of data, is used.",
    });
  });

  it("with no months at all there is no year end and no measure, and one reason", () => {
    const s = run(sampleTracker().withSettings({ financialYear: null }).withoutSheet("monthly").build());
    expect(s.outlook?.measures).toEqual([]);
    expect(outlookReasons(s)[0]).toEqual({
      section: "Outlook to the year end",
      reason: "The Settings sheet has no financial year and there are no months of data to place one.",
    });
  });

  it("a draft without key risks, a lead RAG or some targets: the computed RAG, on target, no forecast set, no key risk", () => {
    const s = run(
      sampleTracker()
        .clearRisks()
        .clearWorkstreams()
        .withSettings({ overallRag: null })
        .withKpi("ehcp_count", { target: 6400 })
        .withKpi("hnb_overspend", { target: null })
        .withoutKpi("inmss_share")
        .withoutSheet("finance")
        .build(),
    );
    const p = s.draftNarrative?.paragraphs ?? [];
    expect(p[0]).toBe(
      "Overall, SEND Transformation is Green. There are 6,357 EHCPs (as at 07/01/2025), 43 fewer than the forecast to date of 6,400, within the tolerance of 50 and so on target. The share of children with an EHCP placed in independent or non-maintained special schools is 5.75% (12-month rolling average); no forecast is set.",
    );
    expect(p[p.length - 1]).toBe("No open risk scores 15 or more.");
  });
});

describe("tracker text in the drafted narrative", () => {
  it("a key risk with a 32,767-character title is quoted cut at a word with an ellipsis, so the draft fits a cell", () => {
    const words = "the capital programme may not deliver the places in time ";
    const title = words.repeat(Math.ceil(32_767 / words.length)).slice(0, 32_767);
    const s = run(
      sampleTracker().clearRisks().withRisk({ id: "R09", title, impact: 5, likelihood: 5 }).build(),
    );
    const last = s.draftNarrative?.paragraphs.at(-1) ?? "";
    const quote = /R09, “([^”]*)” \(score 25\)/.exec(last)?.[1] ?? "";
    expect(quote.endsWith("…")).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(201);
    expect(title.startsWith(quote.slice(0, -1))).toBe(true);
    expect(quote.slice(0, -1)).not.toMatch(/\s$/);
    expect(s.draftNarrative?.text.length).toBeLessThan(32_767);
  });
});
