import { decimalsOf, parseInteger, parseMoney, parseNumber } from "../../../src/core/parse";

describe("plain numbers", () => {
  it("a number cell is taken as it is", () => {
    expect(parseNumber(6353)).toEqual({ ok: true, value: 6353 });
  });

  it('"6,353" is a number stored as text: accepted and flagged', () => {
    expect(parseNumber("6,353")).toEqual({
      ok: true,
      value: 6353,
      note: "number stored as text",
      flag: "text_number",
    });
  });

  it.each([
    [" 42 ", 42],
    ["1,234.5", 1234.5],
    ["-12", -12],
    ["(12)", -12],
    ["+7", 7],
    [".5", 0.5],
  ])("%p reads as %p", (text, n) => {
    const r = parseNumber(text);
    expect(r.ok && r.value).toBe(n);
  });

  it.each(["n/a", "N/A", "TBC", "-", "–", "?", "nil", "12 plans", "1,23", "1.2.3", "£5"])(
    "%p is not a number",
    (text) => {
      const r = parseNumber(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain("is not a number");
    },
  );

  it("TRUE is a yes/no value, not a number", () => {
    expect(parseNumber(true)).toEqual({ ok: false, reason: "TRUE is a yes/no value, not a number" });
  });

  it("a whole number is required for counts", () => {
    expect(parseInteger(6353).ok).toBe(true);
    expect(parseInteger(6353.5)).toEqual({ ok: false, reason: "6353.5 is not a whole number" });
  });
});

describe("money (a bare number is pounds)", () => {
  it.each([
    [43200000, 43200000],
    ["£43.2m", 43200000],
    ["£43,200,000", 43200000],
    ["43.2m", 43200000],
    ["£43.20M", 43200000],
    ["£2.24M", 2240000],
    ["£38.6k", 38600],
    ["£38,620", 38620],
    ["£1.2bn", 1200000000],
    ["43.2 million", 43200000],
    ["(1.2)", -1.2],
    ["(£1.2m)", -1200000],
    ["(43.20m)", -43200000],
    ["-£1.2m", -1200000],
    ["£-1.2m", -1200000],
    ["−£1.2m", -1200000],
    ["£0", 0],
  ])("%p is %p pounds", (text, pounds) => {
    const r = parseMoney(text);
    expect(r.ok && r.value).toBe(pounds);
  });

  it("a bare amount typed as text is flagged as stored as text", () => {
    expect(parseMoney("43200000")).toMatchObject({ ok: true, value: 43200000, flag: "text_number" });
    const withUnit = parseMoney("£43.2m");
    expect(withUnit.ok && withUnit.flag).toBeUndefined();
  });

  it.each(["TBC", "£", "m", "£43.2x", "forty million", "£1.2.3m"])("%p is not an amount", (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });
});

describe("decimals shown", () => {
  it.each([
    ["5.85", 2],
    [5.85, 2],
    [0.0585, 4],
    [6353, 0],
    ["3.820", 3],
    [1e-7, 7],
  ])("%p has %p decimals", (n, d) => {
    expect(decimalsOf(n)).toBe(d);
  });
});
