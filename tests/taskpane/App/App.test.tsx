/** @jest-environment jsdom */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import type { PortfolioSummary } from "../../../src/core/model";
import type { RefreshOptions, WorkbookGateway } from "../../../src/excel/api";
import { App } from "../../../src/taskpane/App";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { failedOutcome, fakeGateway, okOutcome, type FakeGateway } from "../support/fakeGateway";

const CHROMIUM =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

async function renderApp(gateway: WorkbookGateway) {
  render(<App gateway={gateway} userAgent={CHROMIUM} />);
  await act(async () => {});
}

async function refresh() {
  await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByRole("heading", { name: "Overall RAG" });
}

/** A summary as the engine would give it with these risk-threshold overrides. */
function withThreshold(options: RefreshOptions): PortfolioSummary {
  const summary = makeSummaryFixture();
  const threshold = options.settingsOverrides?.riskThreshold ?? 15;
  return {
    ...summary,
    riskThreshold: threshold,
    keyRisks: summary.keyRisks.filter((r) => r.score >= threshold),
  };
}

describe("the task pane", () => {
  test("before a refresh it shows the stored last run and the Refresh summary button", async () => {
    const gateway = fakeGateway({ lastOutcome: okOutcome(makeSummaryFixture(), "run-42") });
    await renderApp(gateway);
    expect(screen.getByTestId("last-run")).toHaveTextContent(
      /Last refreshed 10\/01\/2025, .* \(run run-42\)/,
    );
    expect(screen.queryByRole("heading", { name: "Overall RAG" })).not.toBeInTheDocument();
  });

  test("a refresh shows the RAG, the three KPI cards, variances, problems and key risks", async () => {
    await renderApp(fakeGateway());
    await refresh();
    expect(screen.getByText("Amber/Red")).toBeInTheDocument();
    const kpis = within(screen.getByRole("list", { name: "Headline KPIs" }));
    expect(kpis.getByText("6,357")).toBeInTheDocument();
    expect(kpis.getByText("£43.20m")).toBeInTheDocument();
    expect(kpis.getByText("5.75%")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Flagged variances (6)" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Data problems (3)" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Key risks scoring 15 or more (2)" })).toBeInTheDocument();
    expect(screen.getByTestId("last-run")).toHaveTextContent("(run run-0001)");
    expect(screen.getByRole("status")).toHaveTextContent(
      "Summary refreshed: 6 flagged variances, 3 data problems.",
    );
  });

  test("the programme lead's narrative is folded, so the figures stay in view, and opens from the keyboard", async () => {
    await renderApp(fakeGateway());
    await refresh();
    const toggle = screen.getByText("Programme lead’s narrative");
    const details = toggle.closest("details")!;
    expect(details.open).toBe(false);
    await userEvent.click(toggle);
    expect(details.open).toBe(true);
    expect(within(details).getByText(/Overall, SEND Transformation is Amber\/Red - At Risk\./)).toBeVisible();
  });

  test("the progress bar follows the gateway's steps and the button is disabled meanwhile", async () => {
    const gateway: FakeGateway = fakeGateway();
    await renderApp(gateway);
    const held = gateway.hold(["reading", "checking"]);
    await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
    expect(await screen.findByRole("progressbar", { name: "Step 2 of 5: Checking it" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refreshing…" })).toBeDisabled();
    await act(async () => held.release());
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh summary" })).toBeEnabled();
  });

  test("a failed refresh keeps the previous results on screen and says the summary is unchanged", async () => {
    const gateway = fakeGateway({
      outcomes: [
        okOutcome(),
        failedOutcome("writing", "The workbook is protected. Unprotect it and refresh again."),
      ],
    });
    await renderApp(gateway);
    await refresh();
    await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
    expect(await screen.findByText("The summary was not refreshed")).toBeInTheDocument();
    expect(screen.getByText(/The previous Portfolio Summary is unchanged/)).toBeInTheDocument();
    expect(screen.getByText("£43.20m")).toBeInTheDocument();
  });

  test("a run stopped by errors in the tracker lists them with Go to cell, above the last good results", async () => {
    const broken = makeSummaryFixture();
    broken.issues = [
      {
        severity: "error",
        code: "missing_column",
        sheet: "SEND Monthly",
        cell: "A1",
        message: "The SEND Monthly sheet has no Funded EHCPs column. Add it back with its heading in row 1.",
      },
    ];
    broken.issueCounts = { error: 1, warning: 0, info: 0 };
    const stopped = {
      ...failedOutcome(
        "checking",
        "The tracker has 1 problem that must be fixed. The previous summary is unchanged.",
      ),
      summary: broken,
    };
    const gateway = fakeGateway({ outcomes: [okOutcome(), stopped] });
    await renderApp(gateway);
    await refresh();
    await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
    // A missing column is a layout problem, so the mapping step is offered first; closing it shows the problems.
    await screen.findByRole("heading", { name: "Match your tracker’s layout" });
    await userEvent.click(screen.getByRole("button", { name: /^Close/ }));
    await screen.findByText("The summary was not refreshed");
    expect(screen.getAllByRole("heading", { name: /^Data problems/ })).toHaveLength(1);
    expect(screen.getByRole("heading", { name: "Data problems (1)" })).toBeInTheDocument();
    expect(screen.getByText("The results below are from the last successful refresh.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Go to cell SEND Monthly!A1" }));
    expect(gateway.selections).toEqual([{ sheet: "SEND Monthly", address: "A1" }]);
  });

  test("a gateway that throws is still reported as a failed run with advice", async () => {
    const gateway = fakeGateway();
    gateway.refresh = async () => {
      throw new Error("context lost");
    };
    await renderApp(gateway);
    await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
    expect(
      await screen.findByText(/Something went wrong inside the add-in \(context lost\)/),
    ).toBeInTheDocument();
    expect(screen.getByText(/The previous Portfolio Summary is unchanged/)).toBeInTheDocument();
  });

  test("Show source on a variance selects its sheet and cell in the workbook", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await refresh();
    await userEvent.click(screen.getByRole("button", { name: "Show source KPIs!H5" }));
    expect(gateway.selections).toEqual([{ sheet: "KPIs", address: "H5" }]);
  });

  test("Go to cell on a data problem selects that cell", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await refresh();
    await userEvent.click(screen.getByRole("button", { name: "Go to cell Milestones!E23" }));
    expect(gateway.selections).toEqual([{ sheet: "Milestones", address: "E23" }]);
  });

  test("saving a risk threshold of 20 stores it in the workbook, refreshes, and leaves one key risk", async () => {
    const gateway = fakeGateway({ outcomes: [(o) => okOutcome(withThreshold(o))] });
    await renderApp(gateway);
    await refresh();
    expect(screen.getByRole("heading", { name: "Key risks scoring 15 or more (2)" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Risk threshold (score 1 to 25)"), "20");
    await userEvent.click(screen.getByRole("button", { name: "Save settings and refresh" }));
    await screen.findByRole("heading", { name: "Key risks scoring 20 or more (1)" });
    expect(gateway.saved).toEqual([{ riskThreshold: 20 }]);
    expect(gateway.refreshCalls.at(-1)?.settingsOverrides).toEqual({ riskThreshold: 20 });
  });

  test("settings saved in the workbook are shown when the pane opens", async () => {
    await renderApp(fakeGateway({ settings: { riskThreshold: 12 } }));
    expect(screen.getByLabelText("Risk threshold (score 1 to 25)")).toHaveValue("12");
  });

  test("settings that cannot be saved are reported and no refresh starts", async () => {
    const gateway = fakeGateway();
    gateway.saveSettings = async () => {
      throw new Error("read-only");
    };
    await renderApp(gateway);
    await userEvent.type(screen.getByLabelText("Risk threshold (score 1 to 25)"), "20");
    await userEvent.click(screen.getByRole("button", { name: "Save settings and refresh" }));
    expect(await screen.findByText(/could not be saved in this workbook/)).toBeInTheDocument();
    expect(gateway.refreshCalls).toHaveLength(0);
  });

  test("when the summary went to another sheet because the user owns 'Portfolio Summary', the pane says where", async () => {
    const outcome = { ...okOutcome(), nameTakenByUserSheet: true, sheetName: "Portfolio Summary (2)" };
    await renderApp(fakeGateway({ outcomes: [outcome] }));
    await refresh();
    expect(screen.getByText(/written to "Portfolio Summary \(2\)"/)).toBeInTheDocument();
  });

  test("Go to cell on a deleted sheet explains what to do", async () => {
    const gateway = fakeGateway();
    gateway.selectRange = async () => {
      throw new Error("ItemNotFound");
    };
    await renderApp(gateway);
    await refresh();
    await userEvent.click(screen.getByRole("button", { name: "Show source KPIs!H5" }));
    await waitFor(() => expect(screen.getByText(/Could not go to KPIs!H5/)).toBeInTheDocument());
  });

  test("Go to cell on a hidden sheet says it is hidden and how to unhide it, not that it was deleted", async () => {
    await renderApp(fakeGateway({ select: "hidden" }));
    await refresh();
    await userEvent.click(screen.getByRole("button", { name: "Show source KPIs!H5" }));
    const message = await screen.findByText(/The sheet "KPIs" is hidden/);
    expect(message).toHaveTextContent(/Unhide/);
    expect(message).not.toHaveTextContent(/renamed or deleted/);
  });

  test("Go to cell on a sheet that is gone says it was renamed or deleted", async () => {
    await renderApp(fakeGateway({ select: "missing" }));
    await refresh();
    await userEvent.click(screen.getByRole("button", { name: "Show source KPIs!H5" }));
    expect(await screen.findByText(/no sheet called "KPIs" any more/)).toBeInTheDocument();
  });

  test("when the previous summary had been edited, the pane names the sheet it was kept in", async () => {
    const outcome = { ...okOutcome(), keptSheet: "Summary (edited 10-01-2025)" };
    const gateway = fakeGateway({ outcomes: [outcome] });
    await renderApp(gateway);
    await refresh();
    expect(screen.getByText(/kept as your own sheet "Summary \(edited 10-01-2025\)"/)).toBeInTheDocument();
    expect(screen.getByTestId("last-run")).toHaveTextContent(/kept as "Summary \(edited 10-01-2025\)"/);
  });

  test("a refresh made elsewhere (the ribbon) updates the open pane: its figures and where it came from", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    expect(gateway.listeners).toBe(1);
    expect(screen.queryByRole("heading", { name: "Overall RAG" })).not.toBeInTheDocument();
    await act(async () =>
      gateway.emitChange({
        outcome: { ...okOutcome(makeSummaryFixture(), "ribbon-7"), source: "ribbon" },
        refreshing: null,
      }),
    );
    expect(await screen.findByRole("heading", { name: "Overall RAG" })).toBeInTheDocument();
    expect(gateway.readSummaryCalls).toBe(1);
    expect(screen.getAllByText(/refreshed from the Refresh summary button at 10\/01\/2025/)).toHaveLength(2);
    expect(
      screen
        .getAllByRole("status")
        .some((s) => /refreshed from the Refresh summary button/.test(s.textContent ?? "")),
    ).toBe(true);
    expect(screen.getByTestId("last-run")).toHaveTextContent("(run ribbon-7)");
    // The same outcome heard again is not followed twice.
    await act(async () =>
      gateway.emitChange({
        outcome: { ...okOutcome(makeSummaryFixture(), "ribbon-7"), source: "ribbon" },
        refreshing: null,
      }),
    );
    expect(gateway.readSummaryCalls).toBe(1);
  });

  test("while another runtime is refreshing, the pane says so", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await act(async () =>
      gateway.emitChange({
        outcome: null,
        refreshing: { source: "ribbon", startedAt: "2025-01-10T09:30:00.000Z", here: false },
      }),
    );
    expect(await screen.findByText(/being refreshed from the Refresh summary button/)).toBeInTheDocument();
  });
});
