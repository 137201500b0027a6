import {
  addMonths,
  daysBetween,
  lastMonths,
  monthEnd,
  monthRange,
  ratio,
  rollingAverage,
  seriesFrom,
  yearOnYearChange,
} from "../../../src/core/metrics/series";

const monthsOf = (start: string, values: (number | null)[]) =>
  seriesFrom(values.map((value, i) => ({ month: addMonths(start, i), value })));

describe("month arithmetic", () => {
  it("steps across year ends", () => {
    expect(addMonths("2024-12", 1)).toBe("2025-01");
    expect(addMonths("2024-01", -12)).toBe("2023-01");
    expect(addMonths("not a month", 1)).toBeNull();
  });

  it("knows the last day of February in a leap year", () => {
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2023-02")).toBe("2023-02-28");
  });

  it("counts days between UK refresh date and reporting date", () => {
    expect(daysBetween("2025-01-07", "2025-01-10")).toBe(3);
    expect(daysBetween("garbage", "2025-01-10")).toBeNull();
  });

  it("lists the last four months newest first, even across a gap", () => {
    expect(lastMonths("2024-12", 4)).toEqual(["2024-12", "2024-11", "2024-10", "2024-09"]);
  });

  it("fills gaps when listing the months a series spans", () => {
    const s = seriesFrom([
      { month: "2024-01", value: 1 },
      { month: "2024-03", value: 3 },
    ]);
    expect(monthRange(s)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(monthRange(new Map())).toEqual([]);
  });
});

describe("ratio", () => {
  it("gives null, never NaN or Infinity, for a zero or missing denominator", () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, null)).toBeNull();
    expect(ratio(null, 5)).toBeNull();
    expect(ratio(6353, 166_500)).toBeCloseTo(0.038156, 6);
  });
});

describe("year-on-year change", () => {
  it("compares with the same month a year earlier: Dec-24 6353 against Dec-23 5481 is +872", () => {
    const s = seriesFrom([
      { month: "2023-12", value: 5481 },
      { month: "2024-12", value: 6353 },
    ]);
    expect(yearOnYearChange(s, "2024-12")).toBe(872);
  });

  it("is null when that month is missing, rather than using the nearest month", () => {
    const s = seriesFrom([
      { month: "2023-11", value: 5418 },
      { month: "2024-01", value: 5547 },
      { month: "2024-12", value: 6353 },
    ]);
    expect(yearOnYearChange(s, "2024-12")).toBeNull();
  });

  it("is null with a single month of data", () => {
    expect(yearOnYearChange(monthsOf("2024-12", [6353]), "2024-12")).toBeNull();
  });
});

describe("12-month rolling average", () => {
  it("is the mean of the 12 months ending at the month", () => {
    const s = monthsOf("2024-01", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(rollingAverage(s, "2024-12")).toBeCloseTo(6.5);
    expect(rollingAverage(s, "2025-01")).toBeCloseTo(7.5);
  });

  it("is null until 12 months exist", () => {
    const s = monthsOf("2024-01", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rollingAverage(s, "2024-11")).toBeNull();
  });

  it("is null when a gap falls inside the window, and resumes once 12 consecutive months follow it", () => {
    const values: (number | null)[] = Array.from({ length: 26 }, () => 10);
    const s = monthsOf("2023-01", values);
    s.delete("2023-06");
    expect(rollingAverage(s, "2023-12")).toBeNull();
    expect(rollingAverage(s, "2024-05")).toBeNull();
    expect(rollingAverage(s, "2024-06")).toBe(10);
  });

  it("treats an empty value in the window as a gap", () => {
    const s = monthsOf("2024-01", [1, 2, 3, null, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rollingAverage(s, "2024-12")).toBeNull();
  });

  it("is null for empty input", () => {
    expect(rollingAverage(new Map(), "2024-12")).toBeNull();
  });
});
