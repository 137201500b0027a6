// The page's palette, number formats, addresses and text sizing.
import { excelSerial } from "../../src/core/serial";
import { parseRangeAddress, rangeAddress } from "./plan-reading";
import { heightForLines, SheetBuilder, wrappedLineCount } from "../../src/layout/sheet-builder";
import { formatForUnit, NUMBER_FORMATS, RAG_COLOURS } from "../../src/layout/styles";
import { ukDateTime } from "../../src/layout/blocks/footer";
import { issueLocation } from "../../src/core/wording";
import { RAG_SCALE } from "../../src/core/model";

/** WCAG relative luminance of "#RRGGBB". */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe("RAG colours", () => {
  it("print as five distinct greys: Amber lightest, then Amber/Green, Amber/Red, Green, Red darkest", () => {
    const order = ["Amber", "Amber/Green", "Amber/Red", "Green", "Red"] as const;
    const lums = order.map((g) => luminance(RAG_COLOURS[g].fill));
    for (let i = 1; i < lums.length; i++) {
      expect(lums[i]).toBeLessThan(lums[i - 1]);
      expect((lums[i - 1] + 0.05) / (lums[i] + 0.05)).toBeGreaterThan(1.4);
    }
  });

  it("carry their word in a text colour with at least 4.5:1 contrast", () => {
    for (const grade of RAG_SCALE) {
      expect(contrast(RAG_COLOURS[grade].fill, RAG_COLOURS[grade].text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("number formats", () => {
  it("show money in £m once figures reach £100,000, in whole pounds below, negatives in brackets", () => {
    expect(formatForUnit("money", [2239960])).toBe('"£"#,##0.00,,"m";("£"#,##0.00,,"m");"£"0.00"m"');
    expect(formatForUnit("money", [24650, 23910])).toBe('"£"#,##0;("£"#,##0);"£"0');
  });

  it("show counts with thousands separators, with one decimal for rolling averages", () => {
    expect(formatForUnit("count", [6353, 6274])).toBe("#,##0");
    expect(formatForUnit("count", [41.2, 47.5])).toBe("#,##0.0");
  });

  it("sign changes and share gaps, and leave text alone", () => {
    expect(formatForUnit("signed_count", [872])).toBe("+#,##0;-#,##0;0");
    expect(formatForUnit("pp", [0.0063])).toBe(NUMBER_FORMATS.pp);
    expect(formatForUnit("text", ["Q2 Forecast"])).toBeNull();
  });
});

describe("dates and addresses", () => {
  it("turn UK reporting dates and months into Excel serials", () => {
    expect(excelSerial("2025-01-07")).toBe(45664);
    expect(excelSerial("2024-12")).toBe(45627);
    expect(excelSerial("1900-03-01")).toBe(61);
    expect(excelSerial("2025-02-31")).toBeNull();
    expect(excelSerial("Dec-24")).toBeNull();
  });

  it("read and write A1 ranges beyond column Z", () => {
    expect(rangeAddress(3, 26, 5, 27)).toBe("AA3:AB5");
    expect(parseRangeAddress("AB5:AA3")).toEqual({ row1: 3, col1: 26, row2: 5, col2: 27 });
    expect(rangeAddress(4, 2)).toBe("C4");
  });

  it("name a tracker cell as Excel would: quoted when the sheet name has spaces", () => {
    const sheetRef = (sheet: string, cell: string) => issueLocation({ sheet, cell }, "reference");
    expect(sheetRef("Risk Register", "H5")).toBe("'Risk Register'!H5");
    expect(sheetRef("KPIs", "C2")).toBe("KPIs!C2");
    expect(sheetRef("", "")).toBe("Whole workbook");
    expect(sheetRef("Milestones", "")).toBe("Milestones (whole sheet)");
  });

  it("give the generated time in UK time, GMT in winter and BST in summer", () => {
    expect(ukDateTime("2025-01-10T09:30:00Z")).toBe("10/01/2025 09:30");
    expect(ukDateTime("2025-07-01T23:30:00Z")).toBe("02/07/2025 00:30");
    expect(ukDateTime("not a date")).toBe("not a date");
  });
});

describe("sizing wrapped text", () => {
  it("keeps a short text on one line and wraps a long one over several", () => {
    expect(wrappedLineCount("All six advisers in post.", 50, 10)).toBe(1);
    expect(wrappedLineCount("word ".repeat(100), 50, 10)).toBeGreaterThanOrEqual(9);
    expect(wrappedLineCount("one\ntwo\nthree", 50, 10)).toBe(3);
  });

  it("never makes a row taller than Excel allows", () => {
    expect(heightForLines(1000, 10)).toBe(409);
    expect(heightForLines(1, 10)).toBe(16);
  });

  it("refuses overlapping merges, which would corrupt the file", () => {
    const sheet = new SheetBuilder("summary", "S", [10, 10, 10]);
    sheet.merge(1, 0, 2, 1);
    expect(() => sheet.merge(2, 1, 3, 2)).toThrow("overlaps");
  });
});
