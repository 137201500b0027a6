import { inmssMonthRows, inmssRollingShare, inmssShare } from "../../../src/core/metrics/inmss";
import { TrackerBuilder, sampleTracker } from "../../support/tracker-builder";

describe("INMSS share", () => {
  it("is placements over funded EHCPs: 358 of 6353 is 5.64%", () => {
    expect(inmssShare(358, 6353)).toBeCloseTo(0.05635, 5);
  });

  it("is null, not Infinity, when there are no funded EHCPs", () => {
    expect(inmssShare(10, 0)).toBeNull();
  });

  it("reproduces the dashboard's table: Dec-24 5.64%, -0.08 pp against neighbours, 358 placed, +41", () => {
    const rows = inmssMonthRows(sampleTracker().build().monthly);
    expect(rows[0].month).toBe("2024-12");
    expect(rows[0].share).toBeCloseTo(0.0564, 4);
    expect(rows[0].gapToStatNeighbours).toBeCloseTo(-0.0008, 4);
    expect(rows.map((r) => [r.placed, r.changeVsLastYear])).toEqual([
      [358, 41],
      [359, 40],
      [359, 41],
      [354, 44],
    ]);
  });

  it("recomputes Sep-24 as 354 / 6059 = 5.84%, not the dashboard's typed 5.85%", () => {
    const sep = inmssMonthRows(sampleTracker().build().monthly)[3];
    expect(Number(((sep.share as number) * 100).toFixed(2))).toBe(5.84);
    expect(Number(((sep.gapToStatNeighbours as number) * 100).toFixed(2))).toBe(0.12);
  });

  it("the headline 12-month rolling average ending Dec-24 is 5.75%", () => {
    expect(inmssRollingShare(sampleTracker().build().monthly, "2024-12")).toBeCloseTo(0.0575, 4);
  });

  it("has no rolling average when a month inside the window is missing", () => {
    const monthly = sampleTracker()
      .mapMonths((m) => (m.month === "2024-05" ? null : m))
      .build().monthly;
    expect(inmssRollingShare(monthly, "2024-12")).toBeNull();
  });

  it("has no rolling average with a single month", () => {
    const monthly = new TrackerBuilder()
      .withMonths({ month: "2024-12", fundedEhcps: 6353, placedInInmss: 358 })
      .build().monthly;
    expect(inmssRollingShare(monthly, "2024-12")).toBeNull();
    expect(inmssMonthRows(monthly)[0].changeVsLastYear).toBeNull();
  });
});
