import type { Cell } from "../../src/core/tracker";
import { readTracker } from "../../src/core/read";
import { checkMonthSeries, checkTypedShare, validateTracker } from "../../src/core/validate";
import { cleanTracker, SAMPLE_SETTINGS, setCell, sheetOf } from "./parse/tracker-fixture";

const cell = <T>(value: T | null, address: string, displayDecimals?: number): Cell<T> => ({
  value,
  ref: { sheet: "SEND Monthly", cell: address },
  ...(displayDecimals === undefined ? {} : { displayDecimals }),
});

function validate(
  spoil: (raw: ReturnType<typeof cleanTracker>) => void = () => {},
  settings = SAMPLE_SETTINGS,
) {
  const raw = cleanTracker();
  spoil(raw);
  return validateTracker(readTracker(raw).tracker, settings);
}

describe("typed shares against our recomputation, at the precision the cell shows", () => {
  it("the dashboard's Sep-24 5.85% disagrees with 354 / 6,059 = 5.84%", () => {
    const issue = checkTypedShare(
      cell(0.0585, "I2", 2),
      cell(354, "F2"),
      cell(6059, "B2"),
      "% placed in INMSS",
      "placed / funded",
    );
    expect(issue).toMatchObject({ code: "typed_value_mismatch", cell: "I2" });
  });

  it("Dec-24 5.64% agrees with 358 / 6,353 = 5.635...% rounded to two decimals", () => {
    expect(checkTypedShare(cell(0.0564, "I5", 2), cell(358, "F5"), cell(6353, "B5"), "x", "y")).toBeNull();
  });

  it("a cell showing one decimal is compared at one decimal: 5.8% agrees with 5.84%", () => {
    expect(checkTypedShare(cell(0.058, "I2", 1), cell(354, "F2"), cell(6059, "B2"), "x", "y")).toBeNull();
  });

  it("with no known display, two decimals are used", () => {
    expect(checkTypedShare(cell(0.0585, "I2"), cell(354, "F2"), cell(6059, "B2"), "x", "y")).not.toBeNull();
  });

  it("nothing to compare when a count is missing or the denominator is zero", () => {
    expect(
      checkTypedShare(cell(0.0585, "I2", 2), cell<number>(null, "F2"), cell(6059, "B2"), "x", "y"),
    ).toBeNull();
    expect(checkTypedShare(cell(0.0585, "I2", 2), cell(354, "F2"), cell(0, "B2"), "x", "y")).toBeNull();
  });

  it("a 0.00% number format on the typed cell sets the precision", () => {
    const issues = validate((raw) => {
      const monthly = sheetOf(raw, "SEND Monthly");
      setCell(raw, "SEND Monthly", "I2", 0.0585);
      monthly.numberFormats = monthly.values.map((row) => row.map(() => "General"));
      monthly.numberFormats[1][8] = "0.0%";
    });
    // 5.85% shown as 5.9% (one decimal) vs 5.84% shown as 5.8%: they differ at the precision shown.
    expect(issues).toMatchObject([
      { code: "typed_value_mismatch", cell: "I2", message: expect.stringContaining("5.9%") },
    ]);
  });
});

describe("month series", () => {
  const months = (...ms: string[]) => ms.map((m, i) => cell(m, `A${i + 2}`));

  it("a sheet running newest first, as the dashboard does, is in order", () => {
    expect(checkMonthSeries(months("2024-12", "2024-11", "2024-10"), "SEND Monthly")).toEqual([]);
  });

  it("a gap of two months names both, pointing at the month after the gap", () => {
    const issues = checkMonthSeries(months("2024-08", "2024-11", "2024-12"), "SEND Monthly");
    expect(issues).toMatchObject([{ code: "missing_month", cell: "A3" }]);
    expect(issues[0].message).toContain("no row for Sep-24 to Oct-24");
  });

  it("a gap across the year end is found", () => {
    const issues = checkMonthSeries(months("2024-11", "2025-02"), "SEND Monthly");
    expect(issues[0].message).toContain("Dec-24 to Jan-25");
  });

  it("empty months are left to the reader", () => {
    expect(checkMonthSeries([cell<string>(null, "A2"), ...months("2024-12")], "SEND Monthly")).toEqual([]);
  });

  it("places months are checked too", () => {
    const issues = validate((raw) => setCell(raw, "Special School Places", "A3", "Feb-25"));
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["missing_month", "Special School Places", "A3"],
      ["date_after_reporting_date", "Special School Places", "A3"],
    ]);
  });
});

describe("dates and staleness", () => {
  it("a forecast for a month after the reporting date is fine; actuals for it are not", () => {
    const forecastOnly = validate((raw) => {
      setCell(raw, "SEND Monthly", "A6", "Jan-25");
      setCell(raw, "SEND Monthly", "A7", "Feb-25");
      setCell(raw, "SEND Monthly", "C7", 5850);
    });
    expect(forecastOnly).toEqual([]);
    const actuals = validate((raw) => {
      setCell(raw, "SEND Monthly", "A6", "Feb-25");
      setCell(raw, "SEND Monthly", "B6", 6400);
      setCell(raw, "SEND Monthly", "D6", 166500);
    });
    expect(actuals.map((i) => [i.code, i.cell])).toEqual([
      ["missing_month", "A6"],
      ["date_after_reporting_date", "A6"],
    ]);
  });

  it("finance data from 15/11/2024 are 56 days old on 10/01/2025: stale against a 30-day limit only", () => {
    expect(validate()).toEqual([]);
    const stale = validate(undefined, { ...SAMPLE_SETTINGS, financeStalenessLimitDays: 30 });
    expect(stale).toMatchObject([{ code: "stale_data", sheet: "Settings", cell: "B6" }]);
    expect(stale[0].message).toContain("56 days before");
  });

  it("without a finance limit in force, the tracker's own limit applies", () => {
    const noFinanceLimit = { ...SAMPLE_SETTINGS };
    delete noFinanceLimit.financeStalenessLimitDays;
    const issues = validate((raw) => {
      setCell(raw, "Settings", "A11", "Finance staleness limit (days)");
      setCell(raw, "Settings", "B11", 50);
    }, noFinanceLimit);
    expect(issues).toMatchObject([
      { code: "stale_data", cell: "B6", message: expect.stringContaining("50-day limit") },
    ]);
  });

  it("data exactly at the limit are not stale", () => {
    expect(validate((raw) => setCell(raw, "Settings", "B5", "26/11/2024"))).toEqual([]); // 45 days
    expect(validate((raw) => setCell(raw, "Settings", "B5", "25/11/2024"))).toMatchObject([
      { code: "stale_data" },
    ]);
  });

  it("a milestone completed after the reporting date is questioned", () => {
    const issues = validate((raw) => setCell(raw, "Milestones", "E3", "20/01/2025"));
    expect(issues).toMatchObject([{ code: "date_after_reporting_date", sheet: "Milestones", cell: "E3" }]);
  });

  it("with no reporting date, date checks are skipped (the reader reports the missing date)", () => {
    const raw = cleanTracker();
    setCell(raw, "Settings", "B5", "01/01/2020");
    setCell(raw, "Settings", "B4", "");
    const { tracker, issues } = readTracker(raw);
    expect(issues).toMatchObject([{ code: "missing_value", cell: "B4" }]);
    expect(validateTracker(tracker, SAMPLE_SETTINGS)).toEqual([]);
  });
});

describe("risk scores and recomputed shares", () => {
  it("a risk with impact 5 and likelihood 4 typed as 20 is consistent", () => {
    expect(validate()).toEqual([]);
  });

  it("a hand-typed 15 for 4 x 4 is flagged at the typed score", () => {
    const issues = validate((raw) => setCell(raw, "Risk Register", "G3", 15));
    expect(issues).toMatchObject([{ code: "score_mismatch", sheet: "Risk Register", cell: "G3" }]);
  });

  it("more INMSS placements than plans is a share above 100%, pointed at the placements", () => {
    const issues = validate((raw) => {
      setCell(raw, "SEND Monthly", "F5", 7000);
      setCell(raw, "SEND Monthly", "I5", "");
    });
    expect(issues).toMatchObject([{ code: "share_out_of_range", cell: "F5" }]);
  });
});
