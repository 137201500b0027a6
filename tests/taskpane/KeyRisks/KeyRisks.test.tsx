/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SourceRef } from "../../../src/core/model";
import { KeyRisks } from "../../../src/taskpane/KeyRisks/KeyRisks";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { renderInPane } from "../support/render";

describe("key risks", () => {
  test("at threshold 15 both the 20 and the 16 are key risks, highest first", () => {
    const s = makeSummaryFixture();
    renderInPane(<KeyRisks risks={[...s.keyRisks].reverse()} threshold={15} onShowSource={() => {}} />);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Key risks scoring 15 or more (2)");
    const items = screen.getAllByRole("listitem");
    expect(within(items[0]).getByText(/Score 20 \(Very high\): impact 5 × likelihood 4/)).toBeInTheDocument();
    expect(within(items[1]).getByText(/Score 16 \(High\): impact 4 × likelihood 4/)).toBeInTheDocument();
  });

  test("a risk with impact 4 and likelihood 4 scores 16 and is not a key risk at threshold 20", () => {
    const s = makeSummaryFixture();
    renderInPane(<KeyRisks risks={s.keyRisks} threshold={20} onShowSource={() => {}} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(1);
    expect(screen.queryByText(/Score 16/)).not.toBeInTheDocument();
  });

  test("Show in register selects the risk's row", async () => {
    const shown: SourceRef[] = [];
    renderInPane(
      <KeyRisks risks={makeSummaryFixture().keyRisks} threshold={15} onShowSource={(r) => shown.push(r)} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Show in register (risk R02)" }));
    expect(shown).toEqual([{ sheet: "Risk Register", cell: "B3" }]);
  });

  test("with no key risks it says none reaches the threshold", () => {
    renderInPane(<KeyRisks risks={[]} threshold={25} onShowSource={() => {}} />);
    expect(screen.getByText("No risk in the register scores 25 or more.")).toBeInTheDocument();
  });
});
