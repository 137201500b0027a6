// The CLI and the notes sheet (issue 18): a tracker whose Portfolio Summary Notes sheet holds explanations and an
// acknowledged query (saved through the add-in on the in-memory Excel, then exported as a file) gives them in the
// JSON and on the page it writes; --notes adds or overrides notes for automated runs; a bad notes file gets one
// plain sentence and exit status 2.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { PortfolioSummary } from "../../src/core/model";
import { queryNote, varianceNote } from "../../src/core/review";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { simWithTracker } from "../excel/sim-workbook";
import { installExcelGlobals } from "../../src/excel-sim";
import { generateTracker } from "../support/generate-tracker";
import { runCli as cli } from "../support/run-cli";

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), "ps-notes-"));
const NOW = new Date("2025-01-09T10:15:00Z");
const summaryOf = (path: string) => JSON.parse(readFileSync(path, "utf8")) as PortfolioSummary;
const tracker = join(dir, "tracker-with-notes.xlsx");

beforeAll(async () => {
  installExcelGlobals();
  const sim = await simWithTracker(generateTracker(1));
  sim.workbookName = "tracker-with-notes.xlsx";
  const gateway = createWorkbookGateway(sim.run, { clock: () => NOW });
  const summary = (await gateway.refresh({ now: NOW })).summary as PortfolioSummary;
  const overspend = summary.variances.find((v) => v.id === "hnb_overspend")!;
  const warning = summary.issues.find((i) => i.code === "typed_value_mismatch")!;
  const fields = {
    text: "Placements up 12%; sufficiency plan in February.",
    owner: "",
    due: "",
    by: "Head of SEND Finance",
  };
  expect((await gateway.saveReviewNote(varianceNote(summary, overspend, fields, NOW), null)).ok).toBe(true);
  const ack = queryNote(summary, warning, { text: "Rounding on the dashboard.", by: "Data Officer" }, NOW);
  expect((await gateway.saveReviewNote(ack, null)).ok).toBe(true);
  writeFileSync(tracker, await sim.exportXlsx());
});

it("reads the notes sheet of the tracker it is given: explanations and the known query in the JSON and on the page", async () => {
  const json = join(dir, "a.json");
  const out = join(dir, "a.xlsx");
  const run = await cli([tracker, "--json", json, "--out", out, "-q"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const summary = summaryOf(json);
  expect(summary.review).toMatchObject({
    flagged: 6,
    explained: 1,
    acknowledged: 1,
    notesSheet: "Portfolio Summary Notes",
  });
  expect(summary.variances.find((v) => v.id === "hnb_overspend")?.review).toMatchObject({
    state: "explained",
    note: {
      text: "Placements up 12%; sufficiency plan in February.",
      by: "Head of SEND Finance",
      reportingDate: "2025-01-10",
    },
  });
  // The notes sheet is not read as part of the tracker: no issue names it.
  expect(summary.issues.filter((i) => i.sheet === "Portfolio Summary Notes")).toEqual([]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const text: string[] = [];
  book
    .getWorksheet("Portfolio Summary")!
    .eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
  expect(text).toContain("1 of 6 flagged variances explained.");
  expect(text).toContain(
    "Explained by Head of SEND Finance, 09/01/2025: Placements up 12%; sufficiency plan in February.",
  );
  expect(text).toContain("Known and explained by Data Officer, 09/01/2025: Rounding on the dashboard.");
});

it("--notes adds and overrides notes for automated runs", async () => {
  const notes = join(dir, "notes.json");
  writeFileSync(
    notes,
    JSON.stringify({
      notes: [
        {
          kind: "variance",
          id: "hnb_overspend",
          reportingDate: "2025-01-10",
          text: "From the file.",
          by: "Scheduler",
        },
        {
          kind: "variance",
          id: "ehcp_count",
          reportingDate: "2025-01-10",
          text: "Demand up.",
          by: "Scheduler",
        },
      ],
    }),
  );
  const json = join(dir, "b.json");
  const run = await cli([tracker, "--notes", notes, "--json", json, "-q"]);
  expect(run.code).toBe(0);
  const summary = summaryOf(json);
  expect(summary.review).toMatchObject({ explained: 2, acknowledged: 1 });
  expect(summary.variances.find((v) => v.id === "hnb_overspend")?.review?.note.text).toBe("From the file.");
  expect(summary.variances.find((v) => v.id === "ehcp_count")?.review?.note.text).toBe("Demand up.");
});

it.each([
  ["missing.json", null, /There is no notes file at ".*missing\.json": check the path\./],
  ["broken.json", "{ not json", /is not valid JSON/],
  [
    "wrong.json",
    JSON.stringify([{ kind: "other", id: "x", text: "y" }]),
    /note 1 needs "kind": "variance" or "query"/,
  ],
])(
  "a notes file that cannot be used (%s) gets one sentence and exit status 2",
  async (name, content, message) => {
    const path = join(dir, name);
    if (content !== null) writeFileSync(path, content);
    const run = await cli([tracker, "--notes", path, "-q"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  },
);
