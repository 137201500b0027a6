import { DEFAULT_RISK_BANDS, keyRisks, riskBand, riskScore } from "../../../src/core/metrics/risk";
import { TrackerBuilder } from "../../support/tracker-builder";

const risks = (...rows: Parameters<TrackerBuilder["withRisk"]>) =>
  new TrackerBuilder().withRisk(...rows).build().risks;

describe("risk scores", () => {
  it("a risk with impact 5 and likelihood 4 scores 20 and is a key risk", () => {
    expect(riskScore(5, 4)).toBe(20);
    const key = keyRisks(risks({ id: "R01", impact: 5, likelihood: 4 }), 15, DEFAULT_RISK_BANDS);
    expect(key.map((r) => [r.id, r.score, r.band])).toEqual([["R01", 20, "Very high"]]);
  });

  it("an unscored risk has no score rather than 0", () => {
    expect(riskScore(null, 4)).toBeNull();
    expect(keyRisks(risks({ id: "R01", impact: null, likelihood: 4 }), 1, DEFAULT_RISK_BANDS)).toEqual([]);
  });

  it("a risk scoring exactly the threshold (15) is a key risk; 12 is not", () => {
    const key = keyRisks(
      risks({ id: "R01", impact: 5, likelihood: 3 }, { id: "R02", impact: 4, likelihood: 3 }),
      15,
      DEFAULT_RISK_BANDS,
    );
    expect(key.map((r) => r.id)).toEqual(["R01"]);
  });

  it("a closed risk is never a key risk, however high it scores; a blank status counts as open", () => {
    const key = keyRisks(
      risks(
        { id: "R01", impact: 5, likelihood: 5, status: "closed" },
        { id: "R02", impact: 4, likelihood: 4, status: null },
      ),
      15,
      DEFAULT_RISK_BANDS,
    );
    expect(key.map((r) => r.id)).toEqual(["R02"]);
  });

  it("orders by score, then by impact, then by risk ID", () => {
    const key = keyRisks(
      risks(
        { id: "R10", impact: 4, likelihood: 4 },
        { id: "R03", impact: 4, likelihood: 5 },
        { id: "R02", impact: 5, likelihood: 4 },
        { id: "R2a", impact: 4, likelihood: 4 },
        { id: "R9", impact: 4, likelihood: 4 },
      ),
      15,
      DEFAULT_RISK_BANDS,
    );
    expect(key.map((r) => r.id)).toEqual(["R02", "R03", "R2a", "R9", "R10"]);
  });

  it("points each key risk at its register row", () => {
    const [r] = keyRisks(risks({ id: "R01", impact: 5, likelihood: 4 }), 15, DEFAULT_RISK_BANDS);
    expect(r.source).toEqual({ sheet: "Risk Register", cell: "B2" });
  });

  it("is empty for an empty register", () => {
    expect(keyRisks([], 15, DEFAULT_RISK_BANDS)).toEqual([]);
  });
});

describe("score bands", () => {
  it("uses the configured bands, whatever order they are given in", () => {
    const bands = [
      { name: "Low", min: 1 },
      { name: "Severe", min: 16 },
      { name: "Moderate", min: 6 },
    ];
    expect(riskBand(16, bands)).toBe("Severe");
    expect(riskBand(15, bands)).toBe("Moderate");
    expect(riskBand(5, bands)).toBe("Low");
  });

  it("names a score below every band as unbanded", () => {
    expect(riskBand(2, [{ name: "High", min: 15 }])).toBe("Unbanded");
  });
});
