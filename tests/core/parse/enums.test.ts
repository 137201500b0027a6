import {
  parseBoolean,
  parseKpiId,
  parseMilestoneStatus,
  parsePolarity,
  parseRiskBands,
  parseRiskStatus,
  parseTwentyWeekVariant,
  parseUnit,
} from "../../../src/core/parse";

const v = <T>(r: { ok: boolean; value?: T }): T | undefined => (r.ok ? r.value : undefined);

describe("KPI ids", () => {
  it.each([
    ["ehcp_count", "ehcp_count"],
    ["Number of EHCPs", "ehcp_count"],
    ["hnb_overspend", "hnb_overspend"],
    ["HNB Overspend 2024/25 (£m)", "hnb_overspend"],
    ["Children with EHCPs in INMSS", "inmss_share"],
    ["inmss_share", "inmss_share"],
  ])("%p is %p", (text, id) => expect(v(parseKpiId(text))).toBe(id));

  it("an unrelated measure is not a KPI", () => expect(parseKpiId("Staff turnover").ok).toBe(false));
});

describe("polarity", () => {
  it.each([
    ["Higher is better", "higher_is_better"],
    ["Higher is worse", "higher_is_worse"],
    ["higher_is_worse", "higher_is_worse"],
    ["Lower is better", "higher_is_worse"],
    ["lower is worse", "higher_is_better"],
  ])("%p is %p", (text, p) => expect(v(parsePolarity(text))).toBe(p));

  it.each(["Better", "Higher", "Higher or lower is better"])("%p is not a polarity", (t) =>
    expect(parsePolarity(t).ok).toBe(false),
  );
});

describe("unit", () => {
  it.each([
    ["count", "count"],
    ["Number", "count"],
    ["money", "money"],
    ["£m", "money"],
    ["Pounds", "money"],
    ["share", "share"],
    ["%", "share"],
    ["Percentage", "share"],
  ])("%p is %p", (text, u) => expect(v(parseUnit(text))).toBe(u));

  it("a made-up unit fails", () => expect(parseUnit("furlongs").ok).toBe(false));
});

describe("milestone status", () => {
  it.each([
    ["Complete", "complete"],
    ["Completed", "complete"],
    ["Done", "complete"],
    ["On track", "on_track"],
    ["On-Track", "on_track"],
    ["At risk", "at_risk"],
    ["Overdue", "overdue"],
    ["Late", "overdue"],
  ])("%p is %p", (text, s) => expect(v(parseMilestoneStatus(text))).toBe(s));

  it("an unknown status fails, naming the accepted ones", () => {
    const r = parseMilestoneStatus("Parked");
    expect(r.ok ? "" : r.reason).toContain("Complete, On track, At risk or Overdue");
  });
});

describe("risk status", () => {
  it.each([
    ["Open", "open"],
    ["", "open"],
    ["Live", "open"],
    ["Closed", "closed"],
    ["CLOSED", "closed"],
  ])("%p is %p", (text, s) => expect(v(parseRiskStatus(text))).toBe(s));

  it("'Maybe' is not a risk status", () => expect(parseRiskStatus("Maybe").ok).toBe(false));
});

describe("yes/no", () => {
  it.each([
    ["yes", true],
    ["Y", true],
    ["TRUE", true],
    [true, true],
    [1, true],
    ["no", false],
    ["n", false],
    ["False", false],
    [false, false],
    [0, false],
  ])("%p is %p", (x, b) => expect(v(parseBoolean(x))).toBe(b));

  it("'perhaps' is neither", () => expect(parseBoolean("perhaps").ok).toBe(false));
});

describe("20-week variant and risk bands", () => {
  it("reads excluding and including exceptions", () => {
    expect(v(parseTwentyWeekVariant("Excluding exceptions"))).toBe("excluding_exceptions");
    expect(v(parseTwentyWeekVariant("incl. exceptions"))).toBe("including_exceptions");
    expect(parseTwentyWeekVariant("both").ok).toBe(false);
  });

  it("reads bands highest first whatever order they are typed in", () => {
    expect(v(parseRiskBands("Low 1; High 15; Very high 20; Medium 8"))).toEqual([
      { name: "Very high", min: 20 },
      { name: "High", min: 15 },
      { name: "Medium", min: 8 },
      { name: "Low", min: 1 },
    ]);
    expect(v(parseRiskBands("Critical: 20+\nHigh >= 12"))).toEqual([
      { name: "Critical", min: 20 },
      { name: "High", min: 12 },
    ]);
  });

  it("a band without a minimum, or beyond 25, fails", () => {
    expect(parseRiskBands("High; Low 1").ok).toBe(false);
    expect(parseRiskBands("Extreme 30").ok).toBe(false);
  });
});
