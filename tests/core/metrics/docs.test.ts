// docs/metrics.md is written by hand; these checks keep it in step with the tables the code uses.
import { readFileSync } from "node:fs";
import { METRIC_DEFINITIONS } from "../../../src/core/definitions";
import { KPI_DEFINITIONS } from "../../../src/core/kpis";
import { SEVERE_RISK_SCORE } from "../../../src/core/metrics/overall-rag";
import { DEFAULT_RISK_THRESHOLD } from "../../../src/core/metrics/risk";

const metricsDoc = readFileSync("docs/metrics.md", "utf8");
const jsonDoc = readFileSync("docs/summary-json.md", "utf8");

describe("docs/metrics.md", () => {
  it.each(METRIC_DEFINITIONS.map((d) => d.term))("defines '%s'", (term) => {
    expect(metricsDoc).toContain(`**${term}**`);
  });

  it.each(KPI_DEFINITIONS.map((k) => [k.id, k.defaultTargetLabel]))(
    "lists KPI %s with target label '%s'",
    (id, label) => {
      expect(metricsDoc).toContain(`\`${id}\``);
      expect(metricsDoc).toContain(label);
    },
  );

  it("states the thresholds the code uses", () => {
    expect(metricsDoc).toContain(`**${SEVERE_RISK_SCORE} or more**`);
    expect(metricsDoc).toContain(`(default ${DEFAULT_RISK_THRESHOLD})`);
  });
});

describe("docs/summary-json.md", () => {
  it.each([
    "overallRag",
    "kpis",
    "keyRisks",
    "ehcpMonthly",
    "inmssMonthly",
    "specialSchoolPlaces",
    "issues",
    "notComputed",
  ])("documents '%s'", (field) => {
    expect(jsonDoc).toContain(`\`${field}\``);
  });
});
