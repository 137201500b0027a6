import { KPI_DEFINITIONS, computeKpis, explainVariance, kpiDefinition } from "../../../src/core/kpis";
import { resolveSettings } from "../../../src/core/settings";
import type { Tracker } from "../../../src/core/tracker";
import { sampleTracker } from "../../support/tracker-builder";

const kpisOf = (t: Tracker) => computeKpis(t, resolveSettings(t, undefined).settings);

describe("headline KPI table", () => {
  it("defines the three tiles, each with higher as the worse direction", () => {
    expect(
      KPI_DEFINITIONS.map((d) => [d.id, d.defaultLabel, d.defaultTargetLabel, d.unit, d.polarity]),
    ).toEqual([
      ["ehcp_count", "Number of EHCPs", "Forecast to date", "count", "higher_is_worse"],
      [
        "hnb_overspend",
        "HNB Overspend {fy} (£m)",
        "Goal for this financial year",
        "money",
        "higher_is_worse",
      ],
      ["inmss_share", "Children with EHCPs in INMSS", "Forecast", "share", "higher_is_worse"],
    ]);
  });
});

describe("EHCP count actual", () => {
  it("a typed count as at 07/01/2025 wins over the Dec-24 month end", () => {
    const { kpis } = kpisOf(sampleTracker().build());
    expect(kpis[0]).toMatchObject({ actual: 6357, asAt: "2025-01-07" });
  });

  it("a typed count no later than the data loses to the data, with an info issue naming both figures", () => {
    const { kpis, issues } = kpisOf(
      sampleTracker().withKpi("ehcp_count", { actualAsAt: "2024-12-31" }).build(),
    );
    expect(kpis[0]).toMatchObject({ actual: 6353, asAt: "2024-12-31", variance: 646 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "info", sheet: "KPIs", cell: "H2" });
    expect(issues[0].message).toMatch(/6,357.*6,353/);
  });

  it("a typed count without an as-at date is not used while the data give a count", () => {
    const { kpis } = kpisOf(sampleTracker().withKpi("ehcp_count", { actualAsAt: null }).build());
    expect(kpis[0].actual).toBe(6353);
  });

  it("a typed count is used when there is no monthly data at all", () => {
    const { kpis, issues } = kpisOf(sampleTracker().clearMonths().build());
    expect(kpis[0].actual).toBe(6357);
    expect(issues).toEqual([]);
  });

  it("no issue when typed and derived agree", () => {
    const { issues } = kpisOf(sampleTracker().withKpi("ehcp_count", { actual: 6353 }).build());
    expect(issues).toEqual([]);
  });
});

describe("overspend and INMSS actuals", () => {
  it("the overspend points at the outturn and budget cells it came from, then the target", () => {
    const { kpis } = kpisOf(sampleTracker().build());
    expect(kpis[1].sources).toEqual([
      { sheet: "HNB Finance", cell: "C3" },
      { sheet: "HNB Finance", cell: "B3" },
      { sheet: "KPIs", cell: "C3" },
    ]);
    expect(kpis[1].asAt).toBe("2024-09-30");
  });

  it("the label carries the financial year, or drops it when unknown", () => {
    expect(kpisOf(sampleTracker().withKpi("hnb_overspend", { label: null }).build()).kpis[1].label).toBe(
      "HNB Overspend 2024/25 (£m)",
    );
    expect(
      kpisOf(
        sampleTracker()
          .withKpi("hnb_overspend", { label: null })
          .withSettings({ financialYear: null })
          .build(),
      ).kpis[1].label,
    ).toBe("HNB Overspend (£m)");
  });

  it("the INMSS tile points at the twelve months it averages", () => {
    const { kpis } = kpisOf(sampleTracker().build());
    expect(kpis[2].sources[0]).toEqual({ sheet: "SEND Monthly", cell: "F14:F25" });
  });

  it("a tolerance wider than the variance makes the KPI on target and the words say so", () => {
    const { kpis } = kpisOf(sampleTracker().withKpi("ehcp_count", { tolerance: 700 }).build());
    expect(kpis[0].status).toBe("on_target");
    expect(kpis[0].explanation).toBe("650 more plans than forecast, within the tolerance of 700; on target");
  });

  it("a polarity typed on the KPIs sheet is respected", () => {
    const { kpis } = kpisOf(sampleTracker().withKpi("ehcp_count", { polarity: "higher_is_better" }).build());
    expect(kpis[0].status).toBe("favourable");
  });
});

describe("explanations", () => {
  it("reads naturally in each direction and unit", () => {
    expect(explainVariance(kpiDefinition("ehcp_count"), -12, "favourable", 0, "higher_is_worse")).toBe(
      "12 fewer plans than forecast; fewer is favourable",
    );
    expect(
      explainVariance(kpiDefinition("hnb_overspend"), -1_000_000, "favourable", 0, "higher_is_worse"),
    ).toBe("£1.00m less overspend than the goal; less is favourable");
    expect(explainVariance(kpiDefinition("inmss_share"), 0.005, "adverse", 0, "higher_is_worse")).toBe(
      "0.50 pp above forecast; higher is adverse",
    );
    expect(explainVariance(kpiDefinition("ehcp_count"), 0, "on_target", 0, "higher_is_worse")).toBe(
      "Exactly on forecast; on target",
    );
  });
});
