// Scaled trackers for tests and the benchmark: factor 1 is the sample; 100x holds over 50,000 rows.
import { runEngine } from "../../src/core/engine";
import { generateTracker, rowCount } from "../support/generate-tracker";

const rowsOf = (factor: number, sheet: string) =>
  generateTracker(factor).sheets.find((s) => s.name === sheet)?.values.length ?? 0;

describe("generateTracker", () => {
  it("at factor 1 is the sample tracker", () => {
    expect(generateTracker(1).name).toBe("sample-tracker.xlsx");
    expect(rowsOf(1, "Workstreams")).toBe(17);
  });

  it("gives the same tracker every time", () => {
    expect(generateTracker(3)).toEqual(generateTracker(3));
  });

  it("at 100x holds at least 50,000 rows across its sheets", () => {
    expect(rowCount(generateTracker(100))).toBeGreaterThanOrEqual(50_000);
  });

  it("grows workstreams, milestones and risks with the factor, while months stay real calendar months", () => {
    expect(rowsOf(10, "Workstreams") - 1).toBe(160);
    expect(rowsOf(10, "Risk Register") - 1).toBe(9 + 900);
    // Sep-14 .. Dec-24 after the 3-row preamble and the header.
    expect(rowsOf(10, "SEND Monthly") - 4).toBe(124);
    expect(rowsOf(100, "SEND Monthly")).toBe(rowsOf(10, "SEND Monthly"));
  });

  it("still gives the sample's headline figures when scaled, since the added rows are older or elsewhere", () => {
    const summary = runEngine(generateTracker(10), { now: new Date("2025-01-10T09:00:00Z") });
    expect(summary.issueCounts.error).toBe(0);
    expect(summary.kpis.map((k) => k.actual)).toEqual([6357, 43_200_000, expect.closeTo(0.0575, 4)]);
    expect(summary.workstreamStatus.reduce((n, w) => n + w.total, 0)).toBe(160);
  });
});
