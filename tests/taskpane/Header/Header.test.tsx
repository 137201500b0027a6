/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { Header, lastRunText } from "../../../src/taskpane/Header/Header";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { okOutcome } from "../support/fakeGateway";
import { renderInPane } from "../support/render";

describe("pane header", () => {
  test("names the programme, the council and the reporting date", () => {
    renderInPane(<Header summary={makeSummaryFixture()} lastRun={null} />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("SEND Transformation");
    expect(screen.getByText("Wiltshire Council")).toBeInTheDocument();
    expect(screen.getByText(/Reporting date: 10\/01\/2025/)).toBeInTheDocument();
  });

  test("says when the summary was last refreshed and by which run", () => {
    const run = okOutcome(makeSummaryFixture(), "run-7f3a");
    renderInPane(<Header summary={null} lastRun={run} />);
    expect(screen.getByTestId("last-run")).toHaveTextContent(
      /^Last refreshed 10\/01\/2025, \d\d:\d\d \(run run-7f3a\)\.$/,
    );
  });

  test("before any refresh it says so", () => {
    expect(lastRunText(null)).toBe("Not refreshed yet in this workbook.");
  });

  test("a stored failed run is not passed off as a refresh", () => {
    const run = { ...okOutcome(), ok: false, runId: "run-9" };
    expect(lastRunText(run)).toMatch(
      /^The last refresh, 10\/01\/2025, \d\d:\d\d \(run run-9\), did not finish\.$/,
    );
  });
});
