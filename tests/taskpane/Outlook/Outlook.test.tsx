/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PortfolioSummary } from "../../../src/core/model";
import { resolveSettings } from "../../../src/core/settings";
import { summarise } from "../../../src/core/summarise";
import { Outlook } from "../../../src/taskpane/Outlook/Outlook";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { sampleTracker } from "../../support/tracker-builder";
import { renderInPane } from "../support/render";

/** The seed dashboard's tracker through the engine's summary step. */
function sampleSummary(): PortfolioSummary {
  const tracker = sampleTracker().build();
  const { settings, issues } = resolveSettings(tracker, undefined);
  return summarise(tracker, issues, settings, {
    now: new Date("2025-01-10T09:30:00Z"),
    workbookName: "x.xlsx",
  });
}

describe("the outlook in the pane", () => {
  test("shows the EHCP projection, its trajectory and the change a month needed", async () => {
    renderInPane(<Outlook summary={sampleSummary()} />);
    // The section is loaded on demand, so it arrives a moment after the summary.
    expect(await screen.findByRole("heading", { level: 2 })).toHaveTextContent("Outlook to Mar-25");
    const ehcp = screen.getByRole("heading", { level: 3, name: "Funded EHCPs" }).closest("li") as HTMLElement;
    expect(within(ehcp).getByText("Projected Mar-25: 6,592 (low 6,497, high 6,677)")).toBeInTheDocument();
    expect(
      within(ehcp).getByText(/^Trajectory Mar-25: 5,827; gap at the year end \+765$/),
    ).toBeInTheDocument();
    expect(within(ehcp).getByText("! Adverse")).toBeInTheDocument();
    expect(
      within(ehcp).getByText(
        "To be back on trajectory by Mar-25 the count would have to fall by 175 a month; it has risen by 80 a month over the last six months.",
      ),
    ).toBeInTheDocument();
  });

  test("gives the cost of the demand gap as an indication beside the overspend above the goal", async () => {
    renderInPane(<Outlook summary={sampleSummary()} />);
    const cost = (await screen.findByRole("heading", { name: "Cost of the demand gap (an indication)" }))
      .parentElement as HTMLElement;
    expect(
      within(cost).getByText(
        "The 650 plans above the trajectory (as at 07/01/2025), at the average cost of £23,123 a plan (Q2 2024/25), come to about £15.0m a year, in line with the HNB overspend of £14.99m above the goal (Q2 Forecast).",
      ),
    ).toBeInTheDocument();
    expect(within(cost).getByText(/^An indication:/)).toBeInTheDocument();
  });

  test("offers the draft narrative read-only and copies it with the Copy button", async () => {
    const summary = sampleSummary();
    const copied: string[] = [];
    renderInPane(<Outlook summary={summary} copyText={async (t) => void copied.push(t)} />);
    const draft = await screen.findByRole("textbox", { name: "Draft narrative" });
    expect(draft).toHaveValue(summary.draftNarrative?.text);
    expect(draft).toHaveAttribute("readonly");
    await userEvent.click(screen.getByRole("button", { name: "Copy draft" }));
    expect(copied).toEqual([summary.draftNarrative?.text]);
    expect(screen.getByTestId("copy-result")).toHaveTextContent(
      "Copied. Paste it into the tracker's narrative",
    );
  });

  test("where the clipboard is refused it copies the selection, or says how to copy by hand", async () => {
    const refuse = async () => {
      throw new Error("NotAllowedError");
    };
    const execCommand = jest.fn(() => true);
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    renderInPane(<Outlook summary={sampleSummary()} copyText={refuse} />);
    await userEvent.click(await screen.findByRole("button", { name: "Copy draft" }));
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(screen.getByTestId("copy-result")).toHaveTextContent("Copied.");

    execCommand.mockReturnValue(false);
    await userEvent.click(screen.getByRole("button", { name: "Copy draft" }));
    expect(screen.getByTestId("copy-result")).toHaveTextContent(
      "Copy did not work here: select the text above and press Ctrl+C (Cmd+C on a Mac).",
    );
  });

  test("without the finance sheet the cost says why, and the outlook and the draft stay", async () => {
    const tracker = sampleTracker().withoutSheet("finance").build();
    const { settings, issues } = resolveSettings(tracker, undefined);
    const summary = summarise(tracker, issues, settings, { now: new Date("2025-01-10"), workbookName: "x" });
    renderInPane(<Outlook summary={summary} />);
    expect(
      await screen.findByText(
        "The tracker has no HNB Finance periods, so there is no average cost per EHCP to cost the demand gap.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Draft narrative" })).toBeInTheDocument();
    expect(screen.getByText(/^Projected Mar-25: 6,592/)).toBeInTheDocument();
  });

  test("a summary from before the outlook existed shows nothing", () => {
    // A stored run's summary carries no outlook section at all.
    const before = makeSummaryFixture();
    delete before.outlook;
    const { container } = renderInPane(<Outlook summary={before} />);
    expect(container.querySelector("section")).toBeNull();
  });
});
