import { SAVED_SETTINGS_KEY } from "../../../src/core/engine-api";
import { defaultSettings, resolveSettings } from "../../../src/core/settings";
import { TrackerBuilder, sampleTracker } from "../../support/tracker-builder";

describe("settings in force", () => {
  it("defaults: key risks at 15, SEND data stale after 45 days, finance after 120, zero tolerances", () => {
    const { settings, issues } = resolveSettings(new TrackerBuilder().build(), undefined);
    expect(settings).toEqual(defaultSettings());
    expect(settings).toMatchObject({
      riskThreshold: 15,
      stalenessLimitDays: 45,
      financeStalenessLimitDays: 120,
      kpiTolerances: { ehcp_count: 0, hnb_overspend: 0, inmss_share: 0 },
      twentyWeekVariant: "excluding_exceptions",
      ceasedIncludeTransfers: false,
    });
    expect(issues).toEqual([]);
  });

  it("takes thresholds from the Settings sheet and tolerances from the KPIs sheet", () => {
    const t = sampleTracker()
      .withSettings({ riskThreshold: 12, sendStalenessDays: 30, twentyWeekVariant: "including_exceptions" })
      .build();
    const { settings } = resolveSettings(t, undefined);
    expect(settings).toMatchObject({
      riskThreshold: 12,
      stalenessLimitDays: 30,
      twentyWeekVariant: "including_exceptions",
      kpiTolerances: { ehcp_count: 50, hnb_overspend: 500_000, inmss_share: 0.0025 },
    });
  });

  it("settings saved by the task pane override the sheet, and the caller's overrides override both", () => {
    const t = sampleTracker().build();
    const saved = { riskThreshold: 16, kpiTolerances: { ehcp_count: 100 } };
    const { settings } = resolveSettings(t, saved, { riskThreshold: 20, financeStalenessDays: 90 });
    expect(settings.riskThreshold).toBe(20);
    expect(settings.kpiTolerances.ehcp_count).toBe(100);
    expect(settings.kpiTolerances.hnb_overspend).toBe(500_000);
    expect(settings.financeStalenessLimitDays).toBe(90);
  });

  it("ignores bad saved values and says which, keeping the tracker's own", () => {
    const t = sampleTracker().build();
    const { settings, issues } = resolveSettings(t, {
      riskThreshold: 40,
      sendStalenessDays: "soon",
      kpiTolerances: { ehcp_count: -5, budget: 1 },
    });
    expect(settings.riskThreshold).toBe(15);
    expect(settings.stalenessLimitDays).toBe(45);
    expect(settings.kpiTolerances.ehcp_count).toBe(50);
    expect(issues).toHaveLength(4);
    expect(issues.every((i) => i.severity === "warning" && i.code === "unrecognised_value")).toBe(true);
    expect(issues[0].message).toContain("risk threshold of 40");
  });

  it("a saved value that is not an object is reported, not thrown", () => {
    const { issues } = resolveSettings(sampleTracker().build(), "threshold=12");
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/could not be read/);
  });

  it("uses the documented key for saved settings", () => {
    expect(SAVED_SETTINGS_KEY).toBe("portfolioSummary.settings");
  });
});
