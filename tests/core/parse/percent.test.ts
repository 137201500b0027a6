import { parseShare, shownPercentDecimals } from "../../../src/core/parse";

const share = (...args: Parameters<typeof parseShare>): number | undefined => {
  const r = parseShare(...args);
  return r.ok ? r.value : undefined;
};

describe("percentages", () => {
  it("a number in a 0.00% cell is the fraction Excel stores: 0.0382 is 3.82%", () => {
    expect(share(0.0382, { numberFormat: "0.00%" })).toBe(0.0382);
  });

  it('text ending in % is a percentage: "3.82%" is 0.0382', () => {
    expect(share("3.82%")).toBe(0.0382);
    expect(share(" 5.85 % ")).toBe(0.0585);
  });

  it("a plain number above 1 is a percentage: 3.82 is 0.0382", () => {
    expect(share(3.82)).toBe(0.0382);
    expect(share("3.82")).toBe(0.0382);
  });

  it("a plain number from 0 to 1 without a % format is a fraction: 0.0382 is 3.82%", () => {
    const r = parseShare(0.0382);
    expect(r).toMatchObject({ ok: true, value: 0.0382 });
    expect(r.ok && r.flag).toBeFalsy();
  });

  it("0.5 in a column typed as percentages above 1 reads as 0.5% and is flagged ambiguous", () => {
    const r = parseShare(0.5, { columnTypedAsPercentNumbers: true });
    expect(r).toMatchObject({ ok: true, value: 0.005, flag: "ambiguous_percentage" });
    expect(r.ok && r.note).toContain("if you meant 50%");
  });

  it("exactly 1 could be 1% or 100%: read as 100% and flagged", () => {
    expect(parseShare(1)).toMatchObject({ ok: true, value: 1, flag: "ambiguous_percentage" });
  });

  it("a % format settles it: no ambiguity even in a column of percentages", () => {
    expect(parseShare(0.5, { numberFormat: "0%", columnTypedAsPercentNumbers: true })).toEqual({
      ok: true,
      value: 0.5,
    });
  });

  it("zero is zero however it is read", () => {
    expect(share(0, { columnTypedAsPercentNumbers: true })).toBe(0);
  });

  it.each(["TBC", "n/a", "%", "high%"])("%p is not a percentage", (text) => {
    expect(parseShare(text).ok).toBe(false);
  });

  it("values out of 0-100% still parse (the reader range-checks them)", () => {
    expect(share("120%")).toBe(1.2);
    expect(share(-3)).toBe(-0.03);
  });
});

describe("decimals a share cell shows", () => {
  it.each([
    [0.0585, "0.00%", 2],
    [0.0585, "0.0%", 1],
    [0.0585, "0%", 0],
    ["5.85%", undefined, 2],
    [5.85, "General", 2],
    [0.0585, "General", 2],
    ["0.05842", undefined, 3],
  ])("%p formatted %p shows %p percent decimals", (v, fmt, d) => {
    expect(shownPercentDecimals(v, fmt)).toBe(d);
  });
});
