/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SettingsOverrides } from "../../../src/core/engine-api";
import { Settings } from "../../../src/taskpane/Settings/Settings";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { renderInPane } from "../support/render";

function setup(saved: SettingsOverrides = {}) {
  const saves: SettingsOverrides[] = [];
  renderInPane(
    <Settings saved={saved} summary={makeSummaryFixture()} busy={false} onSave={(o) => saves.push(o)} />,
  );
  return { saves };
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
      expect.stringContaining("In force: 0.1 pp."),
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
});
