import { ehcpMonthRows, ehcpShareOfPopulation } from "../../../src/core/metrics/ehcp";
import { TrackerBuilder, sampleTracker } from "../../support/tracker-builder";

describe("EHCP monthly table", () => {
  it("reproduces the dashboard's Dec-24 row: 6353 plans, +872 on last year, 3.82% of 0-25s, 0.63 pp above neighbours", () => {
    const [dec] = ehcpMonthRows(sampleTracker().build().monthly);
    expect(dec.month).toBe("2024-12");
    expect(dec.fundedEhcps).toBe(6353);
    expect(dec.changeVsLastYear).toBe(872);
    expect(dec.shareOf0to25).toBeCloseTo(0.038156, 6);
    expect(dec.gapToStatNeighbours).toBeCloseTo(0.0063, 4);
  });

  it("shows the last four months newest first, with the dashboard's changes on last year", () => {
    const rows = ehcpMonthRows(sampleTracker().build().monthly);
    expect(rows.map((r) => [r.month, r.fundedEhcps, r.changeVsLastYear])).toEqual([
      ["2024-12", 6353, 872],
      ["2024-11", 6274, 856],
      ["2024-10", 6166, 823],
      ["2024-09", 6059, 758],
    ]);
    expect(rows.map((r) => Number(((r.shareOf0to25 as number) * 100).toFixed(2)))).toEqual([
      3.82, 3.77, 3.7, 3.64,
    ]);
  });

  it("keeps a missing month as an empty row instead of sliding the next one up", () => {
    const monthly = sampleTracker()
      .mapMonths((m) => (m.month === "2024-11" ? null : m))
      .build().monthly;
    const rows = ehcpMonthRows(monthly);
    expect(rows.map((r) => r.month)).toEqual(["2024-12", "2024-11", "2024-10", "2024-09"]);
    expect(rows[1]).toEqual({
      month: "2024-11",
      fundedEhcps: null,
      changeVsLastYear: null,
      shareOf0to25: null,
      gapToStatNeighbours: null,
    });
  });

  it("gives no share (not Infinity) when the population is zero", () => {
    expect(ehcpShareOfPopulation(6353, 0)).toBeNull();
    const monthly = new TrackerBuilder()
      .withMonths({ month: "2024-12", fundedEhcps: 6353, population0to25: 0, statNeighbourEhcpShare: 0.0319 })
      .build().monthly;
    const [row] = ehcpMonthRows(monthly);
    expect(row.shareOf0to25).toBeNull();
    expect(row.gapToStatNeighbours).toBeNull();
  });

  it("with a single month has a count but no change on last year", () => {
    const monthly = new TrackerBuilder()
      .withMonths({ month: "2024-12", fundedEhcps: 6353, population0to25: 166_500 })
      .build().monthly;
    const rows = ehcpMonthRows(monthly);
    expect(rows[0].fundedEhcps).toBe(6353);
    expect(rows[0].changeVsLastYear).toBeNull();
    expect(rows[0].gapToStatNeighbours).toBeNull();
  });

  it("is empty when there are no months", () => {
    expect(ehcpMonthRows([])).toEqual([]);
  });
});
