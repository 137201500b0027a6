/** @jest-environment jsdom */
// The mapping step in the pane, over the committed council layouts through a scripted gateway: it opens instead of a
// dead end, pre-fills the engine's guesses, says in words what needs a person, previews the rows, saves, refreshes.
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { join } from "node:path";
import type { TrackerMapping } from "../../../src/core/mapping";
import type { RawWorkbook } from "../../../src/core/raw";
import { App } from "../../../src/taskpane/App";
import { readXlsxFile } from "../../../src/xlsx/read";
import { failedOutcome, fakeGateway, okOutcome } from "../support/fakeGateway";
import { makeSummaryFixture } from "../../support/summary-fixture";

const CHROMIUM =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
const LAYOUTS = join(__dirname, "../../fixtures/layouts");
const STEP = { name: "Match your tracker’s layout" };

let monthsAcross: RawWorkbook;
let riskTable: RawWorkbook;
beforeAll(async () => {
  [monthsAcross, riskTable] = await Promise.all(
    ["months-across", "risk-table"].map((n) => readXlsxFile(join(LAYOUTS, `${n}.xlsx`))),
  );
});

async function openPane(gateway: ReturnType<typeof fakeGateway>) {
  render(<App gateway={gateway} userAgent={CHROMIUM} />);
  await act(async () => {});
}

const section = (id: string) => document.querySelector(`[data-section=${id}]`) as HTMLElement;

describe("the mapping step", () => {
  test("opening the pane on a months-across tracker goes straight to the step, pre-filled with the best guess", async () => {
    await openPane(fakeGateway({ raw: monthsAcross }));
    const heading = await screen.findByRole("heading", STEP);
    expect(heading).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Refresh summary" })).not.toBeInTheDocument();
    // Why: the template's sheet is not there.
    expect(screen.getByText(/The workbook has no "SEND Monthly" sheet/)).toBeInTheDocument();
    const monthly = within(section("monthly"));
    expect(monthly.getByLabelText("Where SEND Monthly is")).toHaveDisplayValue(
      /^the "Monthly Dashboard Data" sheet, months across row 3 \(98% match\)$/,
    );
    expect(monthly.getByLabelText("Funded EHCPs (required)")).toHaveDisplayValue("EHCPs (funded)");
  });

  test("a weak guess is marked Check in words, and tied to its select for screen readers", async () => {
    await openPane(fakeGateway({ raw: monthsAcross }));
    await screen.findByRole("heading", STEP);
    const select = screen.getByLabelText("Placed in INMSS (optional)");
    expect(select).toHaveAccessibleDescription("Check this: a best guess, only 52% sure.");
    expect(screen.getByLabelText("Funded EHCPs (required)")).toHaveAccessibleDescription(
      /^Best guess, 94% sure\.$/,
    );
  });

  test("the preview shows the first months as they will be read, and the totals of problems", async () => {
    await openPane(fakeGateway({ raw: monthsAcross }));
    await screen.findByRole("heading", STEP);
    const preview = screen.getByRole("region", {
      name: /^SEND Monthly: the first 5 of 33 rows as they will be read$/,
    });
    const table = within(preview).getByRole("table");
    expect(within(table).getByRole("columnheader", { name: "Funded EHCPs" })).toBeInTheDocument();
    expect(within(table).getAllByRole("row")).toHaveLength(6);
    expect(preview).toHaveAttribute("tabindex", "0");
    expect(screen.getByText(/^Read this way: 0 errors, \d+ warnings?, \d+ notes?\.$/)).toBeInTheDocument();
  });

  test("choosing a different row updates the preview at once; Leave it out is always offered", async () => {
    await openPane(fakeGateway({ raw: monthsAcross }));
    await screen.findByRole("heading", STEP);
    const funded = screen.getByLabelText("Funded EHCPs (required)");
    await userEvent.selectOptions(funded, "Leave it out");
    expect(funded).toHaveAccessibleDescription(
      "Left out: the summary will say what it cannot work out without it.",
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: /^SEND Monthly: the first/ })).queryByRole("columnheader", {
          name: "Funded EHCPs",
        }),
      ).not.toBeInTheDocument(),
    );
    await userEvent.selectOptions(funded, "EHCPs (funded)");
    expect(funded).toHaveAccessibleDescription("Your choice.");
  });

  test("Save stores the mapping in the workbook, then refreshes", async () => {
    const gateway = fakeGateway({ raw: monthsAcross });
    await openPane(gateway);
    await screen.findByRole("heading", STEP);
    await userEvent.selectOptions(
      screen.getByLabelText("Placed in INMSS (optional)"),
      "Children in independent special schools",
    );
    await userEvent.click(screen.getByRole("button", { name: "Save mapping and refresh" }));
    await screen.findByRole("heading", { name: "Overall RAG" });
    expect(gateway.savedMappings).toHaveLength(1);
    const saved = gateway.savedMappings[0] as TrackerMapping;
    expect(saved.sections.monthly).toMatchObject({
      source: { sheet: "Monthly Dashboard Data" },
      layout: "months_across",
      headerRow: 3,
      labelColumn: "A",
      columns: { fundedEhcps: "EHCPs (funded)", placedInInmss: "Children in independent special schools" },
    });
    expect(gateway.refreshCalls).toHaveLength(1);
    expect(screen.queryByRole("heading", STEP)).not.toBeInTheDocument();
  });

  test("the step is worked from the keyboard: Tab goes from its heading to each select in turn, Enter saves", async () => {
    const gateway = fakeGateway({ raw: riskTable });
    await openPane(gateway);
    expect(await screen.findByRole("heading", STEP)).toHaveFocus();
    await userEvent.tab();
    expect(document.activeElement).toBe(within(section("programmes")).getByLabelText("Where Programmes is"));
    await userEvent.tab();
    expect(document.activeElement).toBe(within(section("programmes")).getByLabelText("Programme (required)"));
    screen.getByRole("button", { name: "Save mapping and refresh" }).focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(gateway.savedMappings).toHaveLength(1));
    expect((gateway.savedMappings[0] as TrackerMapping).sections.risks?.source).toEqual({
      table: "tblSENDRisks",
    });
  });

  test("a tracker laid out as the template never shows the step", async () => {
    const gateway = fakeGateway();
    await openPane(gateway);
    await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
    await screen.findByRole("heading", { name: "Overall RAG" });
    expect(screen.queryByRole("heading", STEP)).not.toBeInTheDocument();
  });

  test("a saved mapping that went stale re-opens the step with its issue, pre-filled with a fresh guess", async () => {
    const stale: TrackerMapping = {
      version: 1,
      sections: {
        monthly: { source: { sheet: "Data" }, layout: "months_across", columns: { fundedEhcps: "Funded" } },
      },
    };
    const gateway = fakeGateway({ raw: monthsAcross, mapping: stale });
    await openPane(gateway);
    await screen.findByRole("heading", STEP);
    expect(
      screen.getByText(/SEND Monthly \(.*\) was mapped to the sheet "Data", which no longer exists\./),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Where SEND Monthly is")).toHaveAccessibleDescription(
      /^It was mapped to the "Data" sheet, months across, which is no longer in the workbook\. Best guess, 98% sure\.$/,
    );
    expect(screen.getByRole("button", { name: "Remove the saved mapping" })).toBeInTheDocument();
  });

  test("a refresh stopped by a missing sheet opens the step; closing it shows the problems as before", async () => {
    const broken = makeSummaryFixture();
    broken.issues = [
      {
        severity: "error",
        code: "missing_sheet",
        sheet: "",
        cell: "",
        message: 'The workbook has no "Risk Register" sheet.',
      },
    ];
    broken.issueCounts = { error: 1, warning: 0, info: 0 };
    const stopped = { ...failedOutcome("checking", "The tracker has 1 problem."), summary: broken };
    // The workbook reads as the template on opening (so no step yet); the refresh then finds the sheet gone.
    const gateway = fakeGateway({ outcomes: [stopped, okOutcome()] });
    await openPane(gateway);
    expect(screen.queryByRole("heading", STEP)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
    await screen.findByRole("heading", STEP);
    expect(screen.getByText('The workbook has no "Risk Register" sheet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /^Close/ }));
    expect(await screen.findByText("The summary was not refreshed")).toBeInTheDocument();
  });

  test("asked for on a template tracker, the step says no mapping is needed", async () => {
    await openPane(fakeGateway());
    await userEvent.click(screen.getByRole("button", { name: "Match your tracker’s layout" }));
    await screen.findByRole("heading", STEP);
    expect(
      screen.getByText(
        "Every part of this tracker is where the template expects it, so no mapping is needed.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save mapping and refresh" })).not.toBeInTheDocument();
  });

  test("a mapping that cannot be saved (read-only workbook) says so and keeps the step open", async () => {
    const gateway = fakeGateway({ raw: monthsAcross });
    gateway.saveMapping = async () => {
      throw new Error("read-only");
    };
    await openPane(gateway);
    await screen.findByRole("heading", STEP);
    await userEvent.click(screen.getByRole("button", { name: "Save mapping and refresh" }));
    expect(
      await screen.findByText(
        "The mapping could not be saved in this workbook. Check that it is not read-only, then save it again.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", STEP)).toBeInTheDocument();
    expect(gateway.refreshCalls).toHaveLength(0);
  });
});
