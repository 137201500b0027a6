/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SettingsOverrides } from "../../../src/core/engine-api";
import type { HistoryReport, HistorySnapshot, PortfolioSummary } from "../../../src/core/model";
import { Settings } from "../../../src/taskpane/Settings/Settings";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { renderInPane } from "../support/render";

function setup(saved: SettingsOverrides = {}, summary: PortfolioSummary = makeSummaryFixture()) {
  const saves: SettingsOverrides[] = [];
  renderInPane(<Settings saved={saved} summary={summary} busy={false} onSave={(o) => saves.push(o)} />);
  return { saves };
}

/** The fixture with three reports recorded before this one (10/11/2024 to 10/01/2025) and this one of 10/02/2025. */
function withHistory(): PortfolioSummary {
  const report = (refresh: number, reportingDate: string): HistoryReport => ({
    refresh,
    refreshedAt: `${reportingDate}T09:00:00.000Z`,
    reportingDate,
    overallRag: { grade: "Amber", text: "Amber" },
    kpis: [],
  });
  const current: HistorySnapshot = {
    ...report(4, "2025-02-10"),
    sendDataAsAt: null,
    financeDataAsAt: null,
    kpis: [],
    workstreams: [],
    milestones: [],
    keyRisks: [],
    issues: [],
  };
  const reports = [
    report(1, "2024-11-10"),
    report(2, "2024-12-10"),
    report(3, "2025-01-10"),
    report(4, "2025-02-10"),
  ];
  return {
    ...makeSummaryFixture(),
    history: { sheetName: "Portfolio Summary History", recordedRefreshes: 3, reports, current },
  };
}

describe("settings", () => {
  test("every box is labelled and says what is in force now", () => {
    setup();
    const threshold = screen.getByLabelText("Risk threshold (score 1 to 25)");
    expect(threshold).toHaveAccessibleDescription(expect.stringContaining("In force: 15."));
    expect(screen.getByLabelText("HNB overspend (£m)")).toHaveAccessibleDescription(
      expect.stringContaining("In force: £0.5m."),
    );
    expect(screen.getByLabelText("Share in INMSS (percentage points)")).toHaveAccessibleDescription(
      expect.stringContaining("In force: 0.25 pp."),
    );
  });

  test("raising the risk threshold to 20 saves it", async () => {
    const { saves } = setup();
    await userEvent.type(screen.getByLabelText("Risk threshold (score 1 to 25)"), "20");
    await userEvent.click(screen.getByRole("button", { name: "Save settings and refresh" }));
    expect(saves).toEqual([{ riskThreshold: 20 }]);
  });

  test("the form can be filled and saved from the keyboard alone", async () => {
    const { saves } = setup();
    await userEvent.tab();
    expect(screen.getByLabelText("Risk threshold (score 1 to 25)")).toHaveFocus();
    await userEvent.keyboard("12{Enter}");
    expect(saves).toEqual([{ riskThreshold: 12 }]);
  });

  test("a wrong value is explained beside its box and nothing is saved", async () => {
    const { saves } = setup();
    await userEvent.type(screen.getByLabelText("Risk threshold (score 1 to 25)"), "40");
    await userEvent.click(screen.getByRole("button", { name: "Save settings and refresh" }));
    expect(screen.getByText("The risk threshold must be between 1 and 25.")).toBeInTheDocument();
    expect(screen.getByLabelText("Risk threshold (score 1 to 25)")).toHaveAttribute("aria-invalid", "true");
    expect(saves).toEqual([]);
  });

  test("saved settings fill the boxes, and 'Use the tracker's values' clears them", async () => {
    const { saves } = setup({ riskThreshold: 20, kpiTolerances: { hnb_overspend: 1000000 } });
    expect(screen.getByLabelText("Risk threshold (score 1 to 25)")).toHaveValue("20");
    expect(screen.getByLabelText("HNB overspend (£m)")).toHaveValue("1");
    await userEvent.click(screen.getByRole("button", { name: "Use the tracker’s values" }));
    expect(screen.getByLabelText("Risk threshold (score 1 to 25)")).toHaveValue("");
    expect(saves).toEqual([{}]);
  });

  test("'Since last report' compares with the last report unless another is chosen, and the choice is saved", async () => {
    const { saves } = setup({}, withHistory());
    const list = screen.getByLabelText("Compare with");
    expect(list).toHaveValue("previous_report");
    expect(list).toHaveAccessibleDescription(
      expect.stringContaining("same month still compares with last month"),
    );
    // Earlier reports newest first; this report itself is not offered.
    expect([...(list as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "The last report before this one (usual)",
      "The last refresh, whatever its reporting date",
      "The report of 10/01/2025",
      "The report of 10/12/2024",
      "The report of 10/11/2024",
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Save settings and refresh" }));
    await userEvent.selectOptions(list, "The report of 10/12/2024");
    await userEvent.click(screen.getByRole("button", { name: "Save settings and refresh" }));
    expect(saves).toEqual([{}, { baseline: { kind: "report_of", reportingDate: "2024-12-10" } }]);
  });

  test("a saved report the trend no longer shows stays chosen; 'Use the tracker's values' goes back to the usual", async () => {
    const { saves } = setup({ baseline: { kind: "report_of", reportingDate: "2023-06-10" } }, withHistory());
    const list = screen.getByLabelText("Compare with");
    expect(list).toHaveDisplayValue("The report of 10/06/2023");
    await userEvent.click(screen.getByRole("button", { name: "Use the tracker’s values" }));
    expect(list).toHaveValue("previous_report");
    expect(saves).toEqual([{}]);
  });
});
