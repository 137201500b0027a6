import type { KpiStatus, RagGrade } from "../../../src/core/model";
import { computeOverallRag, overallRagWithOverride } from "../../../src/core/metrics/overall-rag";
import { TrackerBuilder, rag } from "../../support/tracker-builder";

const workstreams = (...grades: RagGrade[]) => {
  const b = new TrackerBuilder();
  grades.forEach((g, i) => b.withWorkstream(2, `W${i}`, rag(g, "on")));
  return b.build().workstreams;
};
const kpi = (label: string, status: KpiStatus | null) => ({
  label,
  status,
  explanation: `${label} explained`,
});

describe("computed overall RAG", () => {
  it("on the sample: Green workstreams, two adverse KPIs and a risk scoring 20 give Amber/Red, as the lead says", () => {
    const ws = workstreams(...Array<RagGrade>(15).fill("Green"), "Amber/Green");
    const result = computeOverallRag(
      ws,
      [kpi("Number of EHCPs", "adverse"), kpi("HNB Overspend", "adverse"), kpi("INMSS", "favourable")],
      [
        { id: "R01", score: 20 },
        { id: "R02", score: 16 },
      ],
    );
    expect(result.computed).toBe("Amber/Red");
    expect(result.reasons[0]).toMatch(/^Start at Green/);
    expect(result.reasons).toContain(
      "An open key risk scores 20 or more (R01 scores 20): raised to Amber/Red.",
    );
  });

  it("a key risk scoring 16 does not raise the grade; only 20 or more does", () => {
    expect(computeOverallRag(workstreams("Green"), [], [{ id: "R02", score: 16 }]).computed).toBe("Green");
    expect(computeOverallRag(workstreams("Green"), [], [{ id: "R01", score: 20 }]).computed).toBe(
      "Amber/Green",
    );
  });

  it("favourable and on-target KPIs leave the grade alone", () => {
    expect(
      computeOverallRag(workstreams("Amber"), [kpi("A", "favourable"), kpi("B", "on_target")], []).computed,
    ).toBe("Amber");
  });

  it("never goes beyond Red", () => {
    const result = computeOverallRag(
      workstreams("Amber/Red"),
      [kpi("A", "adverse"), kpi("B", "adverse")],
      [{ id: "R1", score: 25 }],
    );
    expect(result.computed).toBe("Red");
    expect(result.reasons.some((r) => r.includes("already at Red"))).toBe(true);
  });

  it("starts at Green when no workstream has a RAG but the KPIs can be judged", () => {
    expect(computeOverallRag([], [kpi("A", "adverse")], []).computed).toBe("Amber/Green");
  });

  it("computes nothing with neither workstream RAGs nor assessed KPIs", () => {
    expect(computeOverallRag([], [kpi("A", null)], []).computed).toBeNull();
  });
});

describe("the lead's RAG beside the computed one", () => {
  it("shows the lead's RAG and flags that it differs", () => {
    const t = new TrackerBuilder()
      .withSettings({ overallRag: rag("Red", null, "Red - Critical"), ragNarrative: "  Narrative. " })
      .withWorkstream(2, "A", rag("Green", "on"))
      .build();
    const r = overallRagWithOverride(t, [], []);
    expect(r).toMatchObject({
      value: "Red",
      computed: "Green",
      override: "Red",
      overrideText: "Red - Critical",
      differs: true,
      narrative: "Narrative.",
    });
  });

  it("shows the computed RAG when the lead has not set one", () => {
    const t = new TrackerBuilder().withWorkstream(2, "A", rag("Amber", "on")).build();
    expect(overallRagWithOverride(t, [], [])).toMatchObject({
      value: "Amber",
      override: null,
      differs: false,
    });
  });
});
