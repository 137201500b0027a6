import {
  formatByUnit,
  formatDate,
  formatKpiValue,
  formatKpiVariance,
  formatMoneyMillions,
  formatMonth,
  formatPp,
  formatShare,
  formatSignedCount,
} from "../../src/core/format";

describe("display text follows UK board-paper conventions", () => {
  test("months are written as the dashboard writes them: Dec-24", () => {
    expect(formatMonth("2024-12")).toBe("Dec-24");
    expect(formatMonth("2025-01")).toBe("Jan-25");
    expect(formatMonth("not a month")).toBe("not a month");
  });

  test("dates are day first: 07/01/2025 is 7 January", () => {
    expect(formatDate("2025-01-07")).toBe("07/01/2025");
  });

  test("headline money is in £m with two decimals", () => {
    expect(formatMoneyMillions(43_200_000)).toBe("£43.20m");
    expect(formatMoneyMillions(2_239_960)).toBe("£2.24m");
    expect(formatMoneyMillions(-1_200_000)).toBe("-£1.20m");
  });

  test("shares are percentages with two decimals and share gaps are percentage points", () => {
    expect(formatShare(0.0575)).toBe("5.75%");
    expect(formatShare(6353 / 166_500)).toBe("3.82%");
    expect(formatPp(-0.0117)).toBe("-1.17 pp");
    expect(formatPp(0.0063)).toBe("+0.63 pp");
    expect(formatPp(0.00001)).toBe("0.00 pp");
  });

  test("signed counts carry their sign", () => {
    expect(formatSignedCount(650)).toBe("+650");
    expect(formatSignedCount(-12)).toBe("-12");
    expect(formatSignedCount(0)).toBe("0");
    expect(formatSignedCount(1234)).toBe("+1,234");
  });

  test("KPI values and variances read like the dashboard tiles", () => {
    expect(formatKpiValue(6357, "count")).toBe("6,357");
    expect(formatKpiValue(43_200_000, "money")).toBe("£43.20m");
    expect(formatKpiValue(0.0575, "share")).toBe("5.75%");
    expect(formatKpiValue(null, "count")).toBe("–");
    expect(formatKpiVariance({ variance: 650, unit: "count" })).toBe("+650");
    expect(formatKpiVariance({ variance: 14_990_000, unit: "money" })).toBe("+£14.99m");
    expect(formatKpiVariance({ variance: 0.0575 - 0.0692, unit: "share" })).toBe("-1.17 pp");
    expect(formatKpiVariance({ variance: null, unit: "share" })).toBe("–");
  });

  test("table values are formatted by their display unit, and a missing value is a dash", () => {
    expect(formatByUnit(6353, "count")).toBe("6,353");
    expect(formatByUnit(872, "signed_count")).toBe("+872");
    expect(formatByUnit(0.0382, "share")).toBe("3.82%");
    expect(formatByUnit("2024-09", "month")).toBe("Sep-24");
    expect(formatByUnit("2025-01-07", "date")).toBe("07/01/2025");
    expect(formatByUnit(null, "share")).toBe("–");
    expect(formatByUnit("Green", "text")).toBe("Green");
  });
});
