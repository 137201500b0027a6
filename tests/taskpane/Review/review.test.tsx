/** @jest-environment jsdom */
// The review in the pane (issue 18) against a scripted gateway: explain a variance, acknowledge a warning, a save
// refused because someone changed the note in Excel, last report's explanation carried, and errors never offered.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { runEngine } from "../../../src/core/engine";
import type { PortfolioSummary, ReviewNote } from "../../../src/core/model";
import { applyReview } from "../../../src/core/review";
import { App } from "../../../src/taskpane/App";
import { generateTracker } from "../../support/generate-tracker";
import { fakeGateway, okOutcome, type FakeGatewayOptions } from "../support/fakeGateway";
import { renderInPane } from "../support/render";

jest.setTimeout(60_000);

const NOW = new Date("2025-01-09T10:15:00Z");
const sample = (): PortfolioSummary => runEngine(generateTracker(1), { now: NOW });

async function openPane(summary: PortfolioSummary, options: FakeGatewayOptions = {}) {
  const gateway = fakeGateway({ outcomes: [okOutcome(summary)], ...options });
  renderInPane(<App gateway={gateway} userAgent="Mozilla/5.0 Chrome/120" />);
  await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByRole("heading", { name: "Overall RAG" });
  return gateway;
}

const card = (id: string) => within(document.querySelector(`[data-variance=${id}]`) as HTMLElement);

describe("explaining a flagged variance in the pane", () => {
  test("Add explanation saves a note for this report, shows it on the card and counts it in the header", async () => {
    const gateway = await openPane(sample());
    expect(screen.getByTestId("review-count")).toHaveTextContent("0 of 6 flagged variances explained");
    await userEvent.click(screen.getByRole("button", { name: "Add explanation for HNB Overspend 2024/25" }));
    const form = within(await screen.findByRole("form", { name: "Explanation of HNB Overspend 2024/25" }));
    await userEvent.type(form.getByLabelText(/^Explanation/), "Placements up 12%.");
    await userEvent.type(form.getByLabelText(/^Owner/), "Head of SEND Finance");
    await userEvent.type(form.getByLabelText("Your name or role"), "Head of SEND Finance");
    await userEvent.click(form.getByRole("button", { name: "Save explanation" }));
    await waitFor(() =>
      expect(card("hnb_overspend").getByText(/^Explained by Head of SEND Finance/)).toBeInTheDocument(),
    );
    expect(gateway.savedNotes).toHaveLength(1);
    expect(gateway.savedNotes[0]).toMatchObject({
      expected: null,
      note: {
        kind: "variance",
        id: "hnb_overspend",
        reportingDate: "2025-01-10",
        label: "HNB Overspend 2024/25: +£14.99m",
        text: "Placements up 12%.",
        owner: "Head of SEND Finance",
        by: "Head of SEND Finance",
      },
    });
    expect(screen.getByTestId("review-count")).toHaveTextContent("1 of 6 flagged variances explained");
    // Edit passes the note shown, so a change made in Excel since is not overwritten.
    await userEvent.click(screen.getByRole("button", { name: "Edit explanation for HNB Overspend 2024/25" }));
    const again = within(await screen.findByRole("form", { name: "Explanation of HNB Overspend 2024/25" }));
    expect(again.getByLabelText(/^Explanation/)).toHaveValue("Placements up 12%.");
    await userEvent.click(again.getByRole("button", { name: "Save explanation" }));
    await waitFor(() => expect(gateway.savedNotes).toHaveLength(2));
    expect(gateway.savedNotes[1].expected?.text).toBe("Placements up 12%.");
  });

  test("without an explanation or a name nothing is saved and the form says why", async () => {
    const gateway = await openPane(sample());
    await userEvent.click(screen.getByRole("button", { name: "Add explanation for Number of EHCPs" }));
    const form = within(await screen.findByRole("form", { name: "Explanation of Number of EHCPs" }));
    await userEvent.click(form.getByRole("button", { name: "Save explanation" }));
    expect(form.getByRole("alert")).toHaveTextContent(
      "Write the explanation: what caused it and what is being done.",
    );
    expect(form.getByLabelText(/^Explanation/)).toHaveAttribute("aria-invalid", "true");
    await userEvent.type(form.getByLabelText(/^Explanation/), "Demand up.");
    await userEvent.click(form.getByRole("button", { name: "Save explanation" }));
    expect(form.getByRole("alert")).toHaveTextContent("Give your name or role");
    expect(gateway.savedNotes).toHaveLength(0);
  });

  test("a note someone changed in Excel since is not saved over: the form says so and the card shows theirs", async () => {
    const summary = sample();
    const theirs: ReviewNote = {
      kind: "variance",
      id: "hnb_overspend",
      reportingDate: "2025-01-10",
      label: "",
      text: "Their version, typed in Excel.",
      owner: "",
      due: "",
      by: "A colleague",
      at: "",
    };
    await openPane(summary, {
      noteResult: () => ({
        ok: false,
        problem: "conflict",
        message:
          'This note was changed on the "Portfolio Summary Notes" sheet since the pane showed it, so your version was not saved over it.',
        current: theirs,
        notes: [theirs],
      }),
    });
    await userEvent.click(screen.getByRole("button", { name: "Add explanation for HNB Overspend 2024/25" }));
    const form = within(await screen.findByRole("form", { name: "Explanation of HNB Overspend 2024/25" }));
    await userEvent.type(form.getByLabelText(/^Explanation/), "Mine.");
    await userEvent.type(form.getByLabelText("Your name or role"), "Me");
    await userEvent.click(form.getByRole("button", { name: "Save explanation" }));
    expect(await form.findByRole("alert")).toHaveTextContent("was not saved over it");
    expect(card("hnb_overspend").getByText(/Their version, typed in Excel\./)).toBeInTheDocument();
  });

  test("last report's explanation is carried: Update or confirm opens it to save for this report", async () => {
    const carried: ReviewNote = {
      kind: "variance",
      id: "ehcp_count",
      reportingDate: "2024-12-10",
      label: "",
      text: "Demand up in December.",
      owner: "",
      due: "",
      by: "SEND Service Manager",
      at: "2024-12-11T09:00:00.000Z",
    };
    const gateway = await openPane(applyReview(sample(), [carried], "Portfolio Summary Notes"));
    expect(
      card("ehcp_count").getByText(
        /^Carried from 10\/12\/2024 \(SEND Service Manager\): Demand up in December\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId("review-count")).toHaveTextContent(
      "0 of 6 flagged variances explained; 1 carried from an earlier report, to update or confirm",
    );
    await userEvent.click(screen.getByRole("button", { name: "Update or confirm for Number of EHCPs" }));
    const form = within(await screen.findByRole("form", { name: "Explanation of Number of EHCPs" }));
    expect(form.getByLabelText(/^Explanation/)).toHaveValue("Demand up in December.");
    expect(form.getByLabelText("Your name or role")).toHaveValue("SEND Service Manager");
    await userEvent.click(form.getByRole("button", { name: "Save explanation" }));
    await waitFor(() => expect(gateway.savedNotes).toHaveLength(1));
    expect(gateway.savedNotes[0]).toMatchObject({
      expected: null,
      note: { reportingDate: "2025-01-10", text: "Demand up in December." },
    });
  });
});

describe("acknowledging a data query in the pane", () => {
  test("a warning is acknowledged with a reason and moves to Known and explained; only warnings offer it", async () => {
    const gateway = await openPane(sample());
    const problems = screen.getByRole("heading", { name: /^Data problems \(\d+\)$/ });
    const before = Number(/\((\d+)\)/.exec(problems.textContent ?? "")?.[1]);
    const buttons = screen.getAllByRole("button", { name: /^Acknowledge the query at / });
    expect(buttons.map((b) => b.textContent)).toEqual(["Acknowledge the query at SEND Monthly!O34"]);
    await userEvent.click(buttons[0]);
    const form = within(
      await screen.findByRole("form", { name: "Acknowledge the query at SEND Monthly!O34" }),
    );
    await userEvent.type(form.getByLabelText(/^Why the figure stands/), "Rounding on the dashboard.");
    await userEvent.type(form.getByLabelText("Your name or role"), "Data Officer");
    await userEvent.click(form.getByRole("button", { name: "Save as known" }));
    const known = await screen.findByRole("region", { name: "Known and explained (1)" });
    expect(within(known).getByText(/^Known and explained by Data Officer/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: `Data problems (${before - 1})` })).toBeInTheDocument();
    expect(gateway.savedNotes[0].note).toMatchObject({
      kind: "query",
      id: "typed_value_mismatch@SEND Monthly!O34",
      text: "Rounding on the dashboard.",
    });
    expect(screen.getByTestId("review-count")).toHaveTextContent("1 known data query");
  });
});
