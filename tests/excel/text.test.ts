// Text stays text: strings Excel would read as a formula, number, date or boolean get a leading apostrophe.
import { guardText, needsTextGuard } from "../../src/excel/text";

describe("text that Excel would not keep as text", () => {
  it.each([
    ['=HYPERLINK("http://example.invalid","x")', "a formula"],
    ["@SUM(A1)", "an implicit-intersection formula"],
    ["+44", "a number with a plus sign"],
    ["-x", "a formula with a minus sign"],
    ["00123", "a number with leading zeros"],
    ["07/01/2025", "a UK date"],
    ["Dec-24", "a month"],
    ["5.75%", "a percentage"],
    ["£43.20m", "money"],
    ["(1.20)", "an accounting negative"],
    ["TRUE", "a boolean"],
    ["#N/A", "an error literal"],
    ["'quoted", "text that already starts with an apostrophe"],
  ])("%s (%s) is written with a leading apostrophe", (text) => {
    expect(needsTextGuard(text)).toBe(true);
    expect(guardText(text)).toBe(`'${text}`);
  });

  it.each(["Portfolio Summary", "Number of EHCPs", "Amber / Green - Off Track", "Key risks (score 15+)", ""])(
    "ordinary text %j is written unchanged",
    (text) => {
      expect(needsTextGuard(text)).toBe(false);
      expect(guardText(text)).toBe(text);
    },
  );

  it("numbers and booleans are written as they are", () => {
    expect(guardText(6353)).toBe(6353);
    expect(guardText(false)).toBe(false);
  });
});
