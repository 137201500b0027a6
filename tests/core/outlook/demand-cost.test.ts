// The cost of the demand gap: plans above the trajectory x the average cost per EHCP, beside the overspend above
// its goal; an indication with both inputs and their dates, and nothing at all when an input is missing.
import type { Kpi } from "../../../src/core/model";
import { demandGapCost, type DemandCostInputs } from "../../../src/core/outlook/demand-cost";
import { makeSummaryFixture } from "../../support/summary-fixture";

/** The dashboard's headline KPI, as the summary fixture has it. */
const fixtureKpi = (id: Kpi["id"]): Kpi => {
  const kpi = makeSummaryFixture().kpis.find((k) => k.id === id);
  if (!kpi) throw new Error(`The summary fixture has no ${id} KPI.`);
  return kpi;
};

const ehcpKpi = (over: Partial<Kpi> = {}): Kpi => ({ ...fixtureKpi("ehcp_count"), ...over });

const overspendKpi = (variance: number | null): Kpi => ({
  ...fixtureKpi("hnb_overspend"),
  variance,
  sources: [{ sheet: "HNB Finance", cell: "C3" }],
});

/** The sample: Q2 2024/25 spend £140.1m / 6,059 funded EHCPs at Sep-24 = £23,122.63 a plan. */
const inputs = (over: Partial<DemandCostInputs> = {}): DemandCostInputs => ({
  ehcpKpi: ehcpKpi(),
  averageCost: {
    value: 140_100_000 / 6059,
    period: "Q2 2024/25",
    periodEnd: "2024-09-30",
    sources: [{ sheet: "HNB Finance", cell: "F3" }],
  },
  averageCostMissing: "The tracker has no HNB Finance periods, so there is no average cost per EHCP.",
  overspendKpi: overspendKpi(14_990_000),
  financeBasis: "Q2 Forecast",
  ...over,
});

const costOf = (i: DemandCostInputs) => {
  const r = demandGapCost(i);
  if (!r.demandCost) throw new Error(`expected a cost, got: ${r.reason}`);
  return r.demandCost;
};

describe("on the sample's figures", () => {
  const cost = costOf(inputs());

  it("650 plans at £23,123 a plan is £15.03m a year, about £15.0m, agreeing with the £14.99m overspend above the goal", () => {
    expect(cost.cost).toBeCloseTo(650 * (140_100_000 / 6059), 4);
    expect(Math.round(cost.cost)).toBe(15_029_708);
    expect(cost).toMatchObject({
      plansAboveTrajectory: 650,
      actual: 6357,
      trajectory: 5707,
      plansAsAt: "2025-01-07",
      averageCostPeriod: "Q2 2024/25",
      averageCostAsAt: "2024-09-30",
      roundedCost: 15_000_000,
      roundingStep: 100_000,
      overspendAboveGoal: 14_990_000,
      overspendBasis: "Q2 Forecast",
      overspendAsAt: "2024-09-30",
      agreesWithOverspend: true,
    });
    // The two agree within the stated rounding: both are £15.0m to the nearest £0.1m.
    expect(Math.abs(cost.cost - 14_990_000)).toBeLessThan(cost.roundingStep / 2);
    expect(cost.shareOfOverspend).toBeCloseTo(1.0026, 4);
  });

  it("is labelled an indication and states both inputs with their dates", () => {
    expect(cost.label).toMatch(/^An indication/);
    expect(cost.sentence).toBe(
      "The 650 plans above the trajectory (as at 07/01/2025), at the average cost of £23,123 a plan (Q2 2024/25), come to about £15.0m a year, in line with the HNB overspend of £14.99m above the goal (Q2 Forecast).",
    );
    expect(cost.sources).toEqual([
      { sheet: "KPIs", cell: "H5" },
      { sheet: "KPIs", cell: "C5" },
      { sheet: "HNB Finance", cell: "F3" },
      { sheet: "HNB Finance", cell: "C3" },
    ]);
  });
});

describe("when the figures differ or an input is missing", () => {
  it("gives the share of the overspend the cost explains when the two do not agree", () => {
    const cost = costOf(inputs({ ehcpKpi: ehcpKpi({ variance: 400, actual: 6107 }) }));
    expect(cost.agreesWithOverspend).toBe(false);
    expect(cost.sentence).toContain(
      "come to about £9.2m a year, about 62% of the HNB overspend of £14.99m above the goal (Q2 Forecast).",
    );
  });

  it("still costs the gap without the overspend, and says it cannot be set beside it", () => {
    const cost = costOf(inputs({ overspendKpi: undefined }));
    expect(cost).toMatchObject({
      overspendAboveGoal: null,
      agreesWithOverspend: null,
      shareOfOverspend: null,
    });
    expect(cost.sentence).toContain("£15.0m a year; the HNB overspend against its goal is not available.");
  });

  it("an overspend below its goal is said as such, with no share", () => {
    const cost = costOf(inputs({ overspendKpi: overspendKpi(-1_200_000) }));
    expect(cost.shareOfOverspend).toBeNull();
    expect(cost.sentence).toContain(
      "£15.0m a year; the HNB overspend is £1.20m below its goal (Q2 Forecast).",
    );
  });

  it.each([
    ["missing", null],
    ["zero", 0],
  ])("an average cost that is %s gives no cost and one reason", (_what, value) => {
    const missing = demandGapCost(
      inputs({
        averageCost:
          value === null ? null : { value, period: "Q2 2024/25", periodEnd: "2024-09-30", sources: [] },
      }),
    );
    expect(missing.demandCost).toBeNull();
    expect(missing.reason).toBe(
      value === null
        ? "The tracker has no HNB Finance periods, so there is no average cost per EHCP."
        : "The average cost per EHCP for Q2 2024/25 is £0, so the demand gap cannot be costed from it.",
    );
  });

  it("no EHCP variance (no forecast, or no actual) gives no cost and says why", () => {
    for (const kpi of [
      ehcpKpi({ target: null, variance: null }),
      ehcpKpi({ actual: null, variance: null }),
      undefined,
    ]) {
      const r = demandGapCost(inputs({ ehcpKpi: kpi }));
      expect(r.demandCost).toBeNull();
      expect(r.reason).toBe(
        "The number of EHCPs has no variance against its forecast (the actual or the forecast is missing), so there is no demand gap to cost.",
      );
    }
  });

  it("plans at or below the trajectory are no demand gap", () => {
    expect(demandGapCost(inputs({ ehcpKpi: ehcpKpi({ variance: -30 }) })).reason).toBe(
      "The number of EHCPs is 30 below its forecast, so there is no demand gap to cost.",
    );
    expect(demandGapCost(inputs({ ehcpKpi: ehcpKpi({ variance: 0 }) })).reason).toBe(
      "The number of EHCPs is exactly on its forecast, so there is no demand gap to cost.",
    );
  });
});
