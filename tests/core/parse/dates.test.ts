import {
  addMonths,
  daysBetween,
  lastDayOfMonth,
  monthsBetween,
  parseDate,
  parseMonth,
  parsePeriodEnd,
  previousMonth,
  serialToIso,
} from "../../../src/core/parse";
import { isoToSerial } from "../../../src/core/serial";

const value = <T>(r: { ok: boolean; value?: T }): T | undefined => (r.ok ? r.value : undefined);

describe("dates", () => {
  it("07/01/2025 is 7 January 2025 (UK order), not 1 July", () => {
    expect(value(parseDate("07/01/2025"))).toBe("2025-01-07");
  });

  it.each([
    ["2025-01-07", "2025-01-07"],
    ["2025-01-07T00:00:00Z", "2025-01-07"],
    ["7/1/2025", "2025-01-07"],
    ["7/1/25", "2025-01-07"],
    ["07-01-2025", "2025-01-07"],
    ["07.01.2025", "2025-01-07"],
    ["7 Jan 2025", "2025-01-07"],
    ["7 January 2025", "2025-01-07"],
    ["7th January 2025", "2025-01-07"],
    ["Tuesday 7 January 2025", "2025-01-07"],
    ["January 7, 2025", "2025-01-07"],
    ["  10/01/2025 ", "2025-01-10"],
  ])("%s is %s", (text, iso) => {
    expect(value(parseDate(text))).toBe(iso);
  });

  it("the sample's reporting date, serial 45667, is 10 January 2025", () => {
    expect(value(parseDate(45667))).toBe("2025-01-10");
    expect(isoToSerial("2025-01-10")).toBe(45667);
  });

  it("a serial with a time of day gives its date", () => {
    expect(value(parseDate(45667.75))).toBe("2025-01-10");
  });

  it("serial 60 is Excel's fictitious 29/02/1900 and is rejected with a reason", () => {
    const r = parseDate(60);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/29\/02\/1900.*never existed/);
  });

  it("serials before 61 are one day off those after (Excel's leap-year bug)", () => {
    expect(value(serialToIso(1))).toBe("1900-01-01");
    expect(value(serialToIso(59))).toBe("1900-02-28");
    expect(value(serialToIso(61))).toBe("1900-03-01");
    expect(isoToSerial("1900-02-28")).toBe(59);
    expect(isoToSerial("1900-03-01")).toBe(61);
  });

  it.each([[0], [-5], [3e6]])("serial %p is not a date", (n) => {
    expect(parseDate(n).ok).toBe(false);
  });

  it.each(["31/02/2025", "13/13/2025", "TBC", "", "next week", "2025-02-30"])("%p is not a date", (text) => {
    expect(parseDate(text).ok).toBe(false);
  });

  it("a reason names the value and the expected form", () => {
    const r = parseDate("soon");
    expect(r.ok ? "" : r.reason).toBe(
      '"soon" is not a date in a form we recognise (use dd/mm/yyyy, e.g. 07/01/2025)',
    );
  });
});

describe("months", () => {
  it.each([
    ["Dec-24", "2024-12"],
    ["Dec 24", "2024-12"],
    ["dec-2024", "2024-12"],
    ["December 2024", "2024-12"],
    ["Sept-24", "2024-09"],
    ["2024-12", "2024-12"],
    ["12/2024", "2024-12"],
    ["31/12/2024", "2024-12"],
    ["2024-12-31", "2024-12"],
  ])("%s is %s", (text, month) => {
    expect(value(parseMonth(text))).toBe(month);
  });

  it("a date cell gives its month", () => {
    expect(value(parseMonth(isoToSerial("2024-12-01")))).toBe("2024-12");
  });

  it.each(["Dec", "Month 13", "2024-13", "13/2024", "", "Q2 2024/25"])("%p is not a month", (text) => {
    expect(parseMonth(text).ok).toBe(false);
  });
});

describe("finance periods", () => {
  it.each([
    ["Q1 2024/25", "2024-06-30"],
    ["Q2 2024/25", "2024-09-30"],
    ["Q3 2024/25", "2024-12-31"],
    ["Q4 2024/25", "2025-03-31"],
    ["Q2 24/25", "2024-09-30"],
    ["2024/25 Q2", "2024-09-30"],
    ["Quarter 2 2024-25", "2024-09-30"],
    ["2024/25", "2025-03-31"],
    ["Sep-24", "2024-09-30"],
    ["30/09/2024", "2024-09-30"],
  ])("%s ends on %s", (text, end) => {
    expect(value(parsePeriodEnd(text))).toBe(end);
  });

  it("a month typed in Excel (1 Sep 2024 shown as mmm-yy) stands for the whole month", () => {
    expect(value(parsePeriodEnd(isoToSerial("2024-09-01"), "mmm-yy"))).toBe("2024-09-30");
    expect(value(parsePeriodEnd(isoToSerial("2024-09-01"), "dd/mm/yyyy"))).toBe("2024-09-01");
  });

  it("a financial year must run into the next year", () => {
    expect(parsePeriodEnd("Q2 2024/26").ok).toBe(false);
  });
});

describe("date arithmetic", () => {
  it("the SEND refresh on 07/01/2025 is 3 days old on 10/01/2025", () => {
    expect(daysBetween("2025-01-07", "2025-01-10")).toBe(3);
    expect(daysBetween("2025-01-10", "2025-01-07")).toBe(-3);
  });

  it("2024 is a leap year", () => {
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2025-02")).toBe("2025-02-28");
  });

  it("months step across the year end", () => {
    expect(previousMonth("2025-01")).toBe("2024-12");
    expect(addMonths("2024-12", 1)).toBe("2025-01");
    expect(addMonths("2024-12", -12)).toBe("2023-12");
    expect(monthsBetween("2024-09", "2024-12")).toBe(3);
    expect(monthsBetween("2023-12", "2024-12")).toBe(12);
  });
});
