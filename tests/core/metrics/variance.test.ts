import { assessVariance, varianceStatus } from "../../../src/core/metrics/variance";

describe("variance against target", () => {
  it("6357 EHCPs against a forecast of 5707 is +650 and adverse, since more plans is worse", () => {
    expect(assessVariance(6357, 5707, "higher_is_worse", 0)).toEqual({ variance: 650, status: "adverse" });
  });

  it("an INMSS share of 5.75% against 6.92% is 1.17 pp below and favourable", () => {
    const { variance, status } = assessVariance(0.0575, 0.0692, "higher_is_worse", 0);
    expect(variance).toBeCloseTo(-0.0117, 10);
    expect(status).toBe("favourable");
  });

  it("compares share tolerances in percentage points: 1.17 pp is within a 1.17 pp tolerance", () => {
    expect(assessVariance(0.0575, 0.0692, "higher_is_worse", 0.0117).status).toBe("on_target");
    expect(assessVariance(0.0575, 0.0692, "higher_is_worse", 0.0116).status).toBe("favourable");
  });

  it("a variance exactly equal to the tolerance is on target", () => {
    expect(varianceStatus(50, "higher_is_worse", 50)).toBe("on_target");
    expect(varianceStatus(-50, "higher_is_better", 50)).toBe("on_target");
  });

  it("with polarity 'higher is better', above target is favourable and below is adverse", () => {
    expect(varianceStatus(5, "higher_is_better", 0)).toBe("favourable");
    expect(varianceStatus(-5, "higher_is_better", 0)).toBe("adverse");
  });

  it("has no status when the actual or the target is missing", () => {
    expect(assessVariance(null, 5707, "higher_is_worse", 0)).toEqual({ variance: null, status: null });
    expect(assessVariance(6357, null, "higher_is_worse", 0)).toEqual({ variance: null, status: null });
  });
});
