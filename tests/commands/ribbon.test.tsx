/** @jest-environment jsdom */
// The ribbon's "Refresh summary" on the in-memory Excel (issue 12): a refresh that cannot be made shows why in a
// dialog, with the tracker's errors and their cells, without the pane open; an open pane follows the refresh.
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { makeRefreshCommand } from "../../src/commands/refresh-command";
import { DIALOG_CLOSE, DIALOG_READY, showReport, type DialogUi } from "../../src/commands/dialog";
import { reportFor } from "../../src/commands/report";
import { renderReport } from "../../src/commands/report-view";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { officeRunner } from "../../src/excel/runner";
import { App } from "../../src/taskpane/App";
import { ExcelSim, installExcelGlobals } from "../../src/excel-sim";
import { generateTracker } from "../support/generate-tracker";
import { simWithTracker } from "../excel/sim-workbook";

beforeAll(() => installExcelGlobals());

const NOW = new Date("2025-01-08T09:30:00Z");
const CHROMIUM =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

/**
 * Office's dialog as the ribbon's runtime sees it, with the dialog page (src/commands/report-page.ts) played in
 * this document: the page says it is ready, receives the report, draws it, and asks to close from its button.
 */
function dialogHost(): DialogUi & { opened: string[]; closed: number } {
  const host = {
    opened: [] as string[],
    closed: 0,
    displayDialogAsync(
      url: string,
      _options: unknown,
      callback: (r: Office.AsyncResult<Office.Dialog>) => void,
    ) {
      host.opened.push(url);
      const handlers = new Map<string, (arg: { message?: string }) => void>();
      const page = document.createElement("div");
      page.id = "dialog-page";
      document.body.append(page);
      const toOpener = (message: string) => handlers.get("dialogMessageReceived")?.({ message });
      const dialog = {
        addEventHandler: (type: string, handler: (arg: { message?: string }) => void) =>
          handlers.set(type, handler),
        messageChild: (message: string) =>
          renderReport(page, JSON.parse(message), () => toOpener(DIALOG_CLOSE)),
        close: () => {
          host.closed++;
          page.remove();
        },
      } as unknown as Office.Dialog;
      callback({ status: "succeeded", value: dialog } as unknown as Office.AsyncResult<Office.Dialog>);
      setTimeout(() => toOpener(DIALOG_READY), 0);
    },
  };
  return host;
}

/** The sample tracker with the KPIs sheet's Target heading gone: a problem the refresh must stop on. */
async function trackerWithErrors(): Promise<ExcelSim> {
  const sim = await simWithTracker(generateTracker(1));
  await sim.run(async (context) => {
    context.workbook.worksheets.getItem("KPIs").getRange("C4").values = [[""]];
    await context.sync();
  });
  return sim;
}

describe("Refresh summary from the ribbon", () => {
  it("on a tracker with errors, shows the errors with their cells in a dialog, and completes once it is closed", async () => {
    const sim = await trackerWithErrors();
    const ribbon = createWorkbookGateway(officeRunner(sim), { source: "ribbon" });
    const dialogs = dialogHost();
    const completed = jest.fn();
    const handler = makeRefreshCommand(ribbon, {
      now: () => NOW,
      showReport: (report) => showReport(dialogs, "https://localhost:3000/report.html", report),
    });
    const running = handler({ completed });
    const dialog = await screen.findByRole("main", {}, { timeout: 20_000 });
    expect(dialogs.opened).toEqual(["https://localhost:3000/report.html"]);
    expect(within(dialog).getByRole("heading")).toHaveTextContent(/The tracker has \d+ problems? to fix/);
    const problems = within(dialog).getByRole("list", { name: "Problems in the tracker" });
    expect(within(problems).getAllByRole("listitem")[0]).toHaveTextContent(/^KPIs!/);
    expect(dialog).toHaveTextContent(/Choose Review on the Home tab to see every problem/);
    expect(completed).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await running;
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs.closed).toBe(1);
    expect(sim.sheetNames).not.toContain("Portfolio Summary");
  }, 60_000);

  it("on a read-only workbook, says so and nothing else happens", async () => {
    const sim = await simWithTracker(generateTracker(1));
    sim.readOnly = true;
    const reports: string[] = [];
    const handler = makeRefreshCommand(createWorkbookGateway(officeRunner(sim), { source: "ribbon" }), {
      showReport: async (report) => void reports.push(`${report.title}: ${report.message}`),
    });
    await handler({ completed: () => {} });
    expect(reports).toEqual([
      expect.stringMatching(/^The summary was not refreshed: This workbook is open read-only/),
    ]);
  });

  it("a refresh that kept a typed-on summary as the user's sheet says so in the dialog, naming the sheet", async () => {
    const sim = await simWithTracker(generateTracker(1));
    await createWorkbookGateway(sim.run).refresh({ now: NOW });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Portfolio Summary").getRange("M2").values = [["Board note"]];
      await context.sync();
    });
    const reports: { title: string; message: string }[] = [];
    await makeRefreshCommand(createWorkbookGateway(officeRunner(sim), { source: "ribbon" }), {
      now: () => NOW,
      showReport: async (report) => void reports.push(report),
    })({ completed: () => {} });
    expect(reports).toHaveLength(1);
    expect(reports[0].title).toBe("The summary was refreshed");
    const name = /"(Summary \(edited [^"]+\))"/.exec(reports[0].message)?.[1] ?? "";
    expect(name).not.toBe("");
    expect(sim.snapshot(name).cells.M2.value).toBe("Board note");
  }, 60_000);

  it("a plain success opens no dialog", async () => {
    const sim = await simWithTracker(generateTracker(1));
    const shown = jest.fn(async () => {});
    await makeRefreshCommand(createWorkbookGateway(officeRunner(sim), { source: "ribbon" }), {
      now: () => NOW,
      showReport: shown,
    })({ completed: () => {} });
    expect(shown).not.toHaveBeenCalled();
    expect(sim.sheetNames).toContain("Portfolio Summary");
  }, 60_000);

  it("an open pane updates after a ribbon refresh, saying where it came from", async () => {
    const sim = await simWithTracker(generateTracker(1));
    const pane = createWorkbookGateway(officeRunner(sim), { source: "pane" });
    render(<App gateway={pane} userAgent={CHROMIUM} />);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByRole("heading", { name: "Overall RAG" })).not.toBeInTheDocument();
    await act(async () => {
      await makeRefreshCommand(createWorkbookGateway(officeRunner(sim), { source: "ribbon" }), {
        now: () => NOW,
      })({ completed: () => {} });
    });
    expect(
      await screen.findByRole("heading", { name: "Overall RAG" }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen
          .getAllByRole("status")
          .some((s) => /refreshed from the Refresh summary button/.test(s.textContent ?? "")),
      ).toBe(true),
    );
    expect(screen.getByTestId("last-run")).toHaveTextContent(/from the Refresh summary button/);
  }, 60_000);
});

describe("the pane on the in-memory Excel", () => {
  it("a note typed on the summary survives the pane's refresh in a kept sheet, which the pane names", async () => {
    const sim = await simWithTracker(generateTracker(1));
    await createWorkbookGateway(sim.run).refresh({ now: NOW });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Portfolio Summary").getRange("M2").values = [
        ["Ask about INMSS costs"],
      ];
      await context.sync();
    });
    render(
      <App gateway={createWorkbookGateway(officeRunner(sim), { source: "pane" })} userAgent={CHROMIUM} />,
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
    const kept = await screen.findByText(
      /kept as your own sheet "Summary \(edited \d\d-\d\d-\d{4}\)"/,
      {},
      { timeout: 20_000 },
    );
    const name = /"(Summary \(edited [^"]+\))"/.exec(kept.textContent ?? "")?.[1] ?? "";
    expect(sim.snapshot(name).cells.M2.value).toBe("Ask about INMSS costs");
    expect(screen.getByTestId("last-run")).toHaveTextContent(`kept as "${name}"`);
  }, 60_000);
});

describe("the report", () => {
  it("is null for a plain success, lists at most eight errors and says how many more", async () => {
    const fine = await simWithTracker(generateTracker(1));
    expect(reportFor(await createWorkbookGateway(fine.run).refresh({ now: NOW }))).toBeNull();
    const sim = await trackerWithErrors();
    const outcome = await createWorkbookGateway(sim.run).refresh({ now: NOW });
    const report = reportFor(outcome);
    expect(report?.problems.length).toBeLessThanOrEqual(8);
    expect(report?.message).toBe(outcome.message);
    const many = {
      ...outcome,
      summary: outcome.summary && {
        ...outcome.summary,
        issues: Array.from({ length: 11 }, (_, i) => ({
          severity: "error" as const,
          code: "x",
          sheet: "Risk Register",
          cell: `G${i + 2}`,
          message: `Problem ${i + 1}.`,
        })),
      },
    };
    expect(reportFor(many)).toMatchObject({
      more: 3,
      problems: expect.arrayContaining([{ where: "Risk Register!G2", message: "Problem 1." }]),
    });
  }, 60_000);
});
