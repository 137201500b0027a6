import {
  averageCostPerEhcp,
  hnbOverspend,
  inYearNetPosition,
  latestFinancePeriod,
} from "../../../src/core/metrics/finance";
import { latestPlacesPosition, placesShortfall, shortfallCost } from "../../../src/core/metrics/places";
import { TrackerBuilder, sampleTracker } from "../../support/tracker-builder";

describe("HNB finance", () => {
  it("the Q2 forecast overspend is outturn £155.6m minus budget £112.4m = £43.2m", () => {
    const latest = latestFinancePeriod(sampleTracker().build().finance);
    expect(latest?.period.value).toBe("Q2 2024/25");
    expect(hnbOverspend(latest!)).toBeCloseTo(43_200_000, 0);
  });

  it("takes the latest period by its end date, not its place on the sheet", () => {
    const finance = new TrackerBuilder()
      .withFinance(
        { period: "Q2 2024/25", periodEnd: "2024-09-30", budget: 100, forecastOutturn: 130 },
        { period: "Q1 2024/25", periodEnd: "2024-06-30", budget: 100, forecastOutturn: 120 },
      )
      .build().finance;
    expect(latestFinancePeriod(finance)?.period.value).toBe("Q2 2024/25");
  });

  it("skips a period whose forecast has not been entered yet", () => {
    const finance = new TrackerBuilder()
      .withFinance(
        { period: "Q2 2024/25", periodEnd: "2024-09-30", budget: 100, forecastOutturn: 130 },
        { period: "Q3 2024/25", periodEnd: "2024-12-31", budget: 100, forecastOutturn: null },
      )
      .build().finance;
    expect(latestFinancePeriod(finance)?.period.value).toBe("Q2 2024/25");
    expect(latestFinancePeriod([])).toBeNull();
  });

  it("uses a typed in-year net position, else budget minus forecast outturn", () => {
    const [typed, derived] = new TrackerBuilder()
      .withFinance(
        { period: "Q1", budget: 100, forecastOutturn: 130, inYearNetPosition: -25 },
        { period: "Q2", budget: 100, forecastOutturn: 130 },
      )
      .build().finance;
    expect(inYearNetPosition(typed)).toEqual({ value: -25, typed: true });
    expect(inYearNetPosition(derived)).toEqual({ value: -30, typed: false });
  });

  it("divides spend by the funded EHCPs of the month the period ends, and gives nothing if that month is missing", () => {
    const t = new TrackerBuilder()
      .withMonths({ month: "2024-09", fundedEhcps: 6000 }, { month: "2024-10", fundedEhcps: 6100 })
      .withFinance(
        { period: "Q2 2024/25", periodEnd: "2024-09-30", spendForAverageCost: 120_000_000 },
        { period: "Q3 2024/25", periodEnd: "2024-12-31", spendForAverageCost: 130_000_000 },
      )
      .build();
    expect(averageCostPerEhcp(t.finance[0], t.monthly)).toBe(20_000);
    expect(averageCostPerEhcp(t.finance[1], t.monthly)).toBeNull();
  });

  it("gives no average cost when funded EHCPs are zero", () => {
    const t = new TrackerBuilder()
      .withMonths({ month: "2024-09", fundedEhcps: 0 })
      .withFinance({ period: "Q2", periodEnd: "2024-09-30", spendForAverageCost: 1 })
      .build();
    expect(averageCostPerEhcp(t.finance[0], t.monthly)).toBeNull();
  });
});

describe("special school places", () => {
  it("400 required and 342 delivered is a shortfall of 58, costing £2.24m at £38,620 a place", () => {
    const p = latestPlacesPosition(sampleTracker().build().places);
    expect(p?.shortfall).toBe(58);
    expect(p?.shortfallCost).toBe(2_239_960);
  });

  it("counts places delivered ahead of plan as no shortfall, not a negative one", () => {
    expect(placesShortfall(400, 420)).toBe(0);
  });

  it("has no cost without a cost per place, and no position without rows", () => {
    expect(shortfallCost(58, null)).toBeNull();
    expect(latestPlacesPosition([])).toBeNull();
  });

  it("reads the latest month, whatever the row order", () => {
    const places = new TrackerBuilder()
      .withPlaces(
        { month: "2024-12", delivered: 342, required: 400 },
        { month: "2024-11", delivered: 336, required: 397 },
      )
      .build().places;
    expect(latestPlacesPosition(places)?.month).toBe("2024-12");
  });
});
