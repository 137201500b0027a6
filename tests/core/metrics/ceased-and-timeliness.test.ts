import { ceasedRollingSeries, latestCeasedRollingAverage } from "../../../src/core/metrics/ceased";
import {
  decisionsRateSeries,
  plansIssuedRateSeries,
  twentyWeekRate,
} from "../../../src/core/metrics/timeliness";
import { TrackerBuilder, type MonthInput } from "../../support/tracker-builder";

const months = (count: number, fill: (i: number) => Omit<MonthInput, "month">): MonthInput[] =>
  Array.from({ length: count }, (_, i) => ({
    month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
    ...fill(i),
  }));

describe("ceased plans, 12-month rolling average", () => {
  it("averages the 12 months ending at each month and is empty before that", () => {
    const monthly = new TrackerBuilder()
      .withMonths(...months(13, (i) => ({ plansCeased: i === 12 ? 36 : 24 })))
      .build().monthly;
    const series = ceasedRollingSeries(monthly);
    expect(series.get("2023-11")).toBeNull();
    expect(series.get("2023-12")).toBe(24);
    expect(series.get("2024-01")).toBe(25);
    expect(latestCeasedRollingAverage(monthly)).toEqual({ month: "2024-01", value: 25 });
  });

  it("has no latest value when the months have a gap in the last twelve", () => {
    const monthly = new TrackerBuilder()
      .withMonths(...months(14, () => ({ plansCeased: 24 })).filter((m) => m.month !== "2023-07"))
      .build().monthly;
    expect(latestCeasedRollingAverage(monthly)).toEqual({ month: "2024-02", value: null });
  });

  it("has nothing to show for empty input", () => {
    expect(latestCeasedRollingAverage([])).toEqual({ month: null, value: null });
  });
});

describe("20-week rates", () => {
  it("is decisions within 20 weeks over all decisions", () => {
    expect(twentyWeekRate(64, 100)).toBe(0.64);
  });

  it("is empty, not 0% or NaN, in a month with no decisions", () => {
    expect(twentyWeekRate(0, 0)).toBeNull();
    const monthly = new TrackerBuilder()
      .withMonths(
        {
          month: "2024-11",
          decisionsWithin20Weeks: 0,
          decisionsTotal: 0,
          plansIssuedWithin20Weeks: 45,
          plansIssuedTotal: 90,
        },
        {
          month: "2024-12",
          decisionsWithin20Weeks: 30,
          decisionsTotal: 40,
          plansIssuedWithin20Weeks: null,
          plansIssuedTotal: 50,
        },
      )
      .build().monthly;
    expect([...decisionsRateSeries(monthly)]).toEqual([
      ["2024-11", null],
      ["2024-12", 0.75],
    ]);
    expect([...plansIssuedRateSeries(monthly)]).toEqual([
      ["2024-11", 0.5],
      ["2024-12", null],
    ]);
  });
});
