/** @jest-environment jsdom */
// The pane through the real gateway, Microsoft's Office.js client and the in-memory Excel: what it reads, and when.
// Deciding whether the mapping step is needed must not cost a second read of the whole tracker.
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WorkbookGateway } from "../../../src/excel/api";
import { createWorkbookGateway } from "../../../src/excel/gateway";
import { App } from "../../../src/taskpane/App";
import { ExcelSim } from "../../../src/excel-sim";
import { generateTracker } from "../../support/generate-tracker";
import { simWithTracker } from "../../excel/sim-workbook";

const CHROMIUM =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
const STEP = { name: "Match your tracker’s layout" };

/** The last row each value read reached (GetRangeByIndexes paths loading values), from the requests sent. */
function rowsReached(sim: ExcelSim, from = 0): number[] {
  type Body = {
    ObjectPaths: Record<string, { Id: number; Name: string; ArgumentInfo?: { Arguments?: number[] } }>;
    Actions: { ActionType: number; ObjectPathId: number; QueryInfo?: { Select?: string[] } }[];
  };
  return sim.requestBodies.slice(from).flatMap((text) => {
    const body = JSON.parse(text) as Body;
    return body.Actions.filter((a) => a.ActionType === 2 && a.QueryInfo?.Select?.includes("values"))
      .map((a) => body.ObjectPaths[a.ObjectPathId])
      .filter((p) => p?.Name === "GetRangeByIndexes")
      .map((p) => (p.ArgumentInfo?.Arguments?.[0] ?? 0) + (p.ArgumentInfo?.Arguments?.[2] ?? 0));
  });
}

/** The gateway with every readRaw call recorded (headRows, or "full"). */
function counted(gateway: WorkbookGateway, reads: (number | "full")[]): WorkbookGateway {
  return {
    ...gateway,
    readRaw: (options) => {
      reads.push(options?.headRows ?? "full");
      return gateway.readRaw(options);
    },
  };
}

async function renderApp(gateway: WorkbookGateway) {
  render(<App gateway={gateway} userAgent={CHROMIUM} />);
  await act(async () => {});
}

test("opening the pane reads only the tops of the sheets; the refresh is the one full read", async () => {
  // Twenty times the sample: sheets of thousands of rows.
  const sim = await simWithTracker(generateTracker(20));
  sim.recordRequestBodies();
  const reads: (number | "full")[] = [];
  await renderApp(counted(createWorkbookGateway(sim.run), reads));
  await act(async () => new Promise((r) => setTimeout(r, 200)));
  expect(reads).toEqual([2000]);
  const onOpening = rowsReached(sim);
  expect(onOpening.length).toBeGreaterThan(0);
  expect(Math.max(...onOpening)).toBeLessThanOrEqual(2000);
  const before = sim.requestBodies.length;
  await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByRole("heading", { name: "Overall RAG" }, { timeout: 60_000 });
  expect(Math.max(...rowsReached(sim, before))).toBeGreaterThan(2000);
  expect(reads).toEqual([2000]);
}, 120_000);

test("a tracker laid out differently opens the mapping step with one full read", async () => {
  const sim = new ExcelSim();
  await sim.importXlsx(readFileSync(join(__dirname, "../../fixtures/layouts/months-across.xlsx")));
  const reads: (number | "full")[] = [];
  await renderApp(counted(createWorkbookGateway(sim.run), reads));
  await screen.findByRole("heading", STEP, { timeout: 30_000 });
  expect(reads).toEqual([2000, "full"]);
}, 60_000);

test("when a refresh fails for the layout, the mapping step opens on what the refresh read, not on another read", async () => {
  const sim = new ExcelSim();
  await sim.importXlsx(readFileSync(join(__dirname, "../../fixtures/layouts/months-across.xlsx")));
  const reads: (number | "full")[] = [];
  const gateway = counted(createWorkbookGateway(sim.run), reads);
  // The workbook as it looked when the pane opened: laid out as the template (it was changed since).
  const opened = counted(
    {
      ...gateway,
      readRaw: async (options) => (options?.headRows ? generateTracker(1) : gateway.readRaw(options)),
    },
    [],
  );
  await renderApp(opened);
  await act(async () => new Promise((r) => setTimeout(r, 100)));
  expect(screen.queryByRole("heading", STEP)).not.toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByRole("heading", STEP, { timeout: 30_000 });
  expect(reads).toEqual([]);
}, 60_000);
