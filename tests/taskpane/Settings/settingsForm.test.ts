import {
  formFromOverrides,
  overridesFromForm,
  type SettingsForm,
} from "../../../src/taskpane/Settings/settingsForm";

const blank: SettingsForm = formFromOverrides({});

describe("settings form", () => {
  test("empty boxes mean the tracker's own values: no overrides at all", () => {
    expect(overridesFromForm(blank)).toEqual({ overrides: {}, errors: {} });
  });

  test("a £0.5m overspend tolerance is saved as 500,000 pounds and 0.1 pp as a fraction of 0.001", () => {
    const { overrides } = overridesFromForm({
      ...blank,
      hnbToleranceMillions: "0.5",
      inmssTolerancePp: "0.1",
    });
    expect(overrides.kpiTolerances).toEqual({ hnb_overspend: 500000, inmss_share: 0.001 });
  });

  test("saved overrides come back in the units a finance officer typed", () => {
    const form = formFromOverrides({
      riskThreshold: 20,
      sendStalenessDays: 45,
      kpiTolerances: { ehcp_count: 50, hnb_overspend: 500000, inmss_share: 0.001 },
    });
    expect(form).toEqual({
      riskThreshold: "20",
      sendStalenessDays: "45",
      financeStalenessDays: "",
      ehcpTolerance: "50",
      hnbToleranceMillions: "0.5",
      inmssTolerancePp: "0.1",
    });
    expect(overridesFromForm(form).overrides).toEqual({
      riskThreshold: 20,
      sendStalenessDays: 45,
      kpiTolerances: { ehcp_count: 50, hnb_overspend: 500000, inmss_share: 0.001 },
    });
  });

  test("a risk threshold of 30 is refused: scores run from 1 to 25", () => {
    const { errors, overrides } = overridesFromForm({ ...blank, riskThreshold: "30" });
    expect(errors.riskThreshold).toBe("The risk threshold must be between 1 and 25.");
    expect(overrides.riskThreshold).toBeUndefined();
  });

  test("a staleness limit of 4.5 days is refused as not whole, and words are refused as not numbers", () => {
    const { errors } = overridesFromForm({
      ...blank,
      sendStalenessDays: "4.5",
      financeStalenessDays: "three",
    });
    expect(errors.sendStalenessDays).toBe("The SEND data limit must be a whole number.");
    expect(errors.financeStalenessDays).toMatch(/must be a number/);
  });

  test("thousands separators are accepted", () => {
    expect(overridesFromForm({ ...blank, ehcpTolerance: "1,000" }).overrides).toEqual({
      kpiTolerances: { ehcp_count: 1000 },
    });
  });
});
