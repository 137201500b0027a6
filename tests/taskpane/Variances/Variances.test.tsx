/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SourceRef } from "../../../src/core/model";
import { Variances } from "../../../src/taskpane/Variances/Variances";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { renderInPane } from "../support/render";

function setup() {
  const shown: SourceRef[] = [];
  const variances = makeSummaryFixture().variances;
  renderInPane(<Variances variances={variances} onShowSource={(s) => shown.push(s)} />);
  return { shown, variances };
}

describe("flagged variances", () => {
  test("the section header counts the flagged variances", () => {
    const { variances } = setup();
    expect(
      screen.getByRole("heading", { name: `Flagged variances (${variances.length})` }),
    ).toBeInTheDocument();
  });

  test("the EHCP variance shows its amount and the reasoning in plain words", () => {
    setup();
    const item = within(screen.getByRole("heading", { name: "Number of EHCPs" }).closest("li")!);
    expect(item.getByText("Variance +650")).toBeInTheDocument();
    expect(item.getByText("6,357 against 5,707")).toBeInTheDocument();
    expect(item.getByText("650 more plans than forecast; more is adverse")).toBeInTheDocument();
    expect(item.getByText("Adverse")).toBeInTheDocument();
  });

  test("Show source on the overspend selects HNB Finance!C7", async () => {
    const { shown } = setup();
    await userEvent.click(screen.getByRole("button", { name: "Show source HNB Finance!C7" }));
    expect(shown).toEqual([{ sheet: "HNB Finance", cell: "C7" }]);
  });

  test("Show source works from the keyboard", async () => {
    const { shown } = setup();
    const button = screen.getByRole("button", { name: "Show source SEND Monthly!F26:F37" });
    button.focus();
    await userEvent.keyboard("{Enter}");
    expect(shown).toEqual([{ sheet: "SEND Monthly", cell: "F26:F37" }]);
  });

  test("with nothing flagged it says every variance is within tolerance", () => {
    renderInPane(<Variances variances={[]} onShowSource={() => {}} />);
    expect(screen.getByText("No variance is outside its tolerance.")).toBeInTheDocument();
  });
});
