// The projection rule: the latest value carried on at the average monthly change of the last 6 months, low and
// high from the smallest and largest monthly change of the last 12, and no projection on too little data.
import { addMonths, seriesFrom } from "../../../src/core/metrics/series";
import {
  financialYearEnd,
  monthsBetween,
  projectToYearEnd,
  yearEndOfMonth,
} from "../../../src/core/outlook/projection";

/** A monthly series starting at `first`, one value a month (null for an empty cell). */
const monthly = (first: string, values: (number | null)[]) =>
  seriesFrom(values.map((value, i) => ({ month: addMonths(first, i), value })));

const projected = (r: ReturnType<typeof projectToYearEnd>) => {
  if (!r.ok) throw new Error(`expected a projection, got: ${r.reason}`);
  return r.projection;
};

describe("the financial year end", () => {
  it.each([
    ["2024/25", "2025-03"],
    ["2024-25", "2025-03"],
    ["2024/2025", "2025-03"],
    ["FY 2024/25", "2025-03"],
    ["1999/00", "2000-03"],
  ])("'%s' ends in %s", (fy, end) => {
    expect(financialYearEnd(fy)).toBe(end);
  });

  it.each(["", "2024", "2024/26", "next year", null])("'%s' is not a financial year", (fy) => {
    expect(financialYearEnd(fy)).toBeNull();
  });

  it("places a month in the April-to-March year it belongs to", () => {
    expect(yearEndOfMonth("2024-04")).toBe("2025-03");
    expect(yearEndOfMonth("2024-12")).toBe("2025-03");
    expect(yearEndOfMonth("2025-03")).toBe("2025-03");
    expect(yearEndOfMonth("2025-01")).toBe("2025-03");
    expect(monthsBetween("2024-12", "2025-03")).toBe(3);
  });
});

describe("projecting a series to the year end", () => {
  it("carries the sample's funded EHCPs on from Dec-24 at +79.5 a month: 6,592 by Mar-25, 6,497 to 6,677", () => {
    // Dec-23 .. Dec-24, the sample tracker's month-end counts.
    const funded = monthly(
      "2023-12",
      [5481, 5547, 5612, 5680, 5741, 5808, 5876, 5942, 5990, 6059, 6166, 6274, 6353],
    );
    const p = projected(projectToYearEnd(funded, "2025-03", "funded EHCPs"));
    expect(p).toMatchObject({
      fromMonth: "2024-12",
      fromValue: 6353,
      monthsToYearEnd: 3,
      averageMonthlyChange: 79.5, // (6353 - 5876) / 6
      rangeMonths: 12,
      lowestMonthlyChange: 48, // Jul-24 -> Aug-24
      highestMonthlyChange: 108, // Oct-24 -> Nov-24
    });
    expect(p.projected).toBeCloseTo(6591.5, 6);
    expect([p.low, p.high]).toEqual([6497, 6677]);
  });

  it("keeps a flat series flat, with no spread", () => {
    const p = projected(projectToYearEnd(monthly("2024-01", Array(12).fill(400)), "2025-03", "x"));
    expect(p).toMatchObject({ averageMonthlyChange: 0, projected: 400, low: 400, high: 400 });
    expect(p.monthsToYearEnd).toBe(3);
  });

  it("projects a falling series downwards, the low below the high", () => {
    const p = projected(projectToYearEnd(monthly("2024-06", [100, 98, 95, 94, 90, 88, 87]), "2025-03", "x"));
    expect(p.averageMonthlyChange).toBeCloseTo(-13 / 6, 10);
    expect(p.rangeMonths).toBe(6);
    expect(p.low).toBe(87 - 4 * 3);
    expect(p.high).toBe(87 - 1 * 3);
  });

  it("needs the last six monthly changes: seven consecutive month-ends", () => {
    expect(projectToYearEnd(monthly("2024-06", [1, 2, 3, 4, 5, 6, 7]), "2025-03", "x").ok).toBe(true);
    const six = projectToYearEnd(monthly("2024-07", [1, 2, 3, 4, 5, 6]), "2025-03", "funded EHCPs");
    expect(six).toEqual({
      ok: false,
      reason:
        "The projection needs the last 6 monthly changes, so 7 consecutive month-ends of funded EHCPs up to Dec-24; there are 6.",
    });
  });

  it("does not bridge a gap in the last six months, however long the history before it", () => {
    const values: (number | null)[] = [...Array(20).keys()].map((i) => 100 + i);
    values[16] = null; // Sep-24, three months before the latest (Dec-24)
    const r = projectToYearEnd(monthly("2023-05", values), "2025-03", "x");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("there are 3.");
  });

  it("takes the range from the monthly changes the last 12 months have, skipping a gap", () => {
    const values: (number | null)[] = [10, 11, 15, null, 16, 17, 18, 19, 20, 21, 22, 23, 24];
    const p = projected(projectToYearEnd(monthly("2024-01", values), "2025-03", "x"));
    // Changes to Jan-25: Feb +1, Mar +4, Apr and May missing, then +1 for Jun to Jan: 10 changes.
    expect(p.rangeMonths).toBe(10);
    expect([p.lowestMonthlyChange, p.highestMonthlyChange]).toEqual([1, 4]);
  });

  it("ignores empty trailing months: the projection starts at the latest month with a value", () => {
    const p = projected(
      projectToYearEnd(monthly("2024-01", [1, 2, 3, 4, 5, 6, 7, null, null]), "2025-03", "x"),
    );
    expect(p.fromMonth).toBe("2024-07");
  });

  it("at the year end itself gives the actual with nothing to add", () => {
    const p = projected(projectToYearEnd(monthly("2024-09", [1, 2, 3, 4, 5, 6, 8]), "2025-03", "x"));
    expect(p).toMatchObject({ monthsToYearEnd: 0, projected: 8, low: 8, high: 8 });
  });

  it("refuses a year end already past, and says to set the current financial year", () => {
    const r = projectToYearEnd(monthly("2024-10", [1, 2, 3, 4, 5, 6, 7]), "2025-03", "funded EHCPs");
    expect(r).toEqual({
      ok: false,
      reason:
        "The financial year ended in Mar-25, before the latest month of funded EHCPs (Apr-25), so there is nothing left to project; set the current financial year on the Settings sheet.",
    });
  });

  it("says so when the series is empty", () => {
    expect(projectToYearEnd(new Map(), "2025-03", "funded EHCPs")).toEqual({
      ok: false,
      reason: "There are no funded EHCPs.",
    });
  });
});
