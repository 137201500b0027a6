// docs/metrics.md is written by hand; these checks keep it in step with the tables the code uses.
import { readFileSync } from "node:fs";
import { METRIC_DEFINITIONS } from "../../../src/core/definitions";
import { KPI_DEFINITIONS } from "../../../src/core/kpis";
import { SEVERE_RISK_SCORE } from "../../../src/core/metrics/overall-rag";
import { DEFAULT_RISK_THRESHOLD } from "../../../src/core/metrics/risk";
import { DEMAND_COST_ROUNDING } from "../../../src/core/outlook/demand-cost";
import { RANGE_MONTHS, TREND_MONTHS } from "../../../src/core/outlook/projection";
import { DEFAULT_PROGRAMMES } from "../../../src/core/programmes";
import { PROGRAMME_CONTENT } from "../../../src/core/summary/programmes";

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

  it.each(DEFAULT_PROGRAMMES.map((p) => p.number))(
    "lists programme %i's key figures, tables and charts as the code builds them",
    (n) => {
      const row = metricsDoc.split("\n").find((line) => line.startsWith(`| ${n} |`));
      expect(row).toBeDefined();
      const cells = (row ?? "")
        .split("|")
        .slice(2, 5)
        .map((cell) => [...cell.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]));
      const content = PROGRAMME_CONTENT[n] ?? { figures: [], tables: [], charts: [] };
      expect(cells).toEqual([[...content.figures], [...content.tables], [...content.charts]]);
    },
  );

  it("states the thresholds the code uses", () => {
    expect(metricsDoc).toContain(`**${SEVERE_RISK_SCORE} or more**`);
    expect(metricsDoc).toContain(`(default ${DEFAULT_RISK_THRESHOLD})`);
  });
});

describe("docs/metrics.md on the outlook", () => {
  it("states the projection's windows and the cost's rounding the code uses", () => {
    expect(metricsDoc).toContain(`mean of the last **${TREND_MONTHS}** monthly changes`);
    expect(metricsDoc).toContain(`change of the last **${RANGE_MONTHS}** months`);
    expect(DEMAND_COST_ROUNDING).toBe(100_000);
    expect(metricsDoc).toContain("(`roundingStep` 100,000)");
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
    "outlook",
    "demandCost",
    "draftNarrative",
  ])("documents '%s'", (field) => {
    expect(jsonDoc).toContain(`\`${field}\``);
  });
});
