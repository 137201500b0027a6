/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RefreshPanel, failureText, progressLabel } from "../../../src/taskpane/RefreshPanel/RefreshPanel";
import { messages } from "../../../src/excel/messages";
import { failedOutcome } from "../support/fakeGateway";
import { renderInPane } from "../support/render";

describe("refresh panel", () => {
  test("Refresh summary is the primary action and starts a run", async () => {
    let runs = 0;
    renderInPane(
      <RefreshPanel running={false} step={null} failure={null} notice={null} onRefresh={() => runs++} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
    expect(runs).toBe(1);
  });

  test("while running, the button is disabled and the progress bar names the step", () => {
    renderInPane(<RefreshPanel running step="computing" failure={null} notice={null} onRefresh={() => {}} />);
    expect(screen.getByRole("button", { name: "Refreshing…" })).toBeDisabled();
    const bar = screen.getByRole("progressbar", { name: "Step 3 of 5: Computing the figures" });
    expect((bar as HTMLProgressElement).value).toBeCloseTo(0.5);
  });

  test("each step has its own label, in order", () => {
    expect(
      (["reading", "checking", "computing", "writing", "charts"] as const).map((s) => progressLabel(s)),
    ).toEqual([
      "Step 1 of 5: Reading the tracker",
      "Step 2 of 5: Checking it",
      "Step 3 of 5: Computing the figures",
      "Step 4 of 5: Writing the sheet",
      "Step 5 of 5: Drawing charts",
    ]);
  });

  test("a failed run explains what happened, what to do, and that the previous summary is unchanged", () => {
    const failure = failedOutcome(
      "writing",
      "Excel would not let the add-in write the sheet because the workbook is protected. Unprotect it and refresh again.",
    );
    renderInPane(
      <RefreshPanel running={false} step={null} failure={failure} notice={null} onRefresh={() => {}} />,
    );
    expect(screen.getByText("The summary was not refreshed")).toBeInTheDocument();
    expect(
      screen.getByText(/Unprotect it and refresh again\. Stopped at step 4 of 5: writing the sheet\./),
    ).toBeInTheDocument();
    expect(screen.getByText(/The previous Portfolio Summary is unchanged\.$/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh summary" })).toBeEnabled();
  });

  test("a failure without a step still says the previous summary is unchanged", () => {
    const failure = { ...failedOutcome("reading", "The tracker could not be read."), failedStep: null };
    expect(failureText(failure)).toBe(
      "The tracker could not be read. The previous Portfolio Summary is unchanged.",
    );
  });

  test("a message that already says the summary is unchanged is not repeated", () => {
    const failure = failedOutcome("charts", "Drawing failed. The previous summary is unchanged. Try again.");
    expect(failureText(failure)).toBe(
      "Drawing failed. The previous summary is unchanged. Try again. Stopped at step 5 of 5: drawing charts.",
    );
  });

  test("when a refresh stopped part-way through the summary, or could not check what it left, the pane does not claim it is unchanged", () => {
    for (const message of [
      messages.writeFailed("GeneralException", "writing", "incomplete", []),
      messages.writeFailed("GeneralException", "writing", "unknown", ["~PS new summary r1"]),
      messages.focus("incomplete", []),
      messages.refused("AccessDenied", "incomplete", []),
    ]) {
      const text = failureText(failedOutcome("writing", message));
      expect(text).toContain(message);
      expect(text).not.toMatch(/is unchanged/);
    }
  });

  test("when the previous summary could not be put back, the pane does not claim it is unchanged", () => {
    const failure = failedOutcome(
      "writing",
      "Something went wrong, and the previous summary could not be fully put back. Close the workbook without saving.",
    );
    expect(failureText(failure)).not.toMatch(/is unchanged/);
  });
});
