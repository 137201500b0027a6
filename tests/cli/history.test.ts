// The history through the command line, as a real process: the sample, then a copy moved on one month, compared
// with the first through the workbook the first run wrote (--history) or its JSON (--previous).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readHistorySheet } from "../../src/core/history";
import type { PortfolioSummary } from "../../src/core/model";
import { readXlsxFile } from "../../src/xlsx/read";
import { MOVED_ON, movedOnOneMonth, rawToXlsx } from "../support/moved-on";
import { runCli as cli, SAMPLE } from "../support/run-cli";

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), "ps-cli-history-"));
const first = { json: join(dir, "january.json"), out: join(dir, "january.xlsx") };
const next = join(dir, "tracker-february.xlsx");
const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as PortfolioSummary;

/** What the moved-on month changed, in the words of the summary. */
function changes(s: PortfolioSummary) {
  const since = s.sinceLastReport;
  return {
    heading: since?.heading,
    overall: since?.overallRag?.text,
    kpis: since?.kpis.map((k) => `${k.arrow} ${k.text}`),
    workstreams: since?.workstreams.map((w) => [w.name, w.text]),
    risks: since?.keyRisks.map((r) => [r.id, r.text]),
    milestones: since?.milestones.map((m) => [m.name, m.change]),
    issues: since?.issues.map((i) => [i.change, `${i.sheet}!${i.cell}`]),
  };
}

const EXPECTED = {
  heading: "Since the report of 10/01/2025",
  overall: "Amber/Red then and now",
  kpis: ["↑ +43 plans, worse", "→ no change", "↓ -0.01 pp, better"],
  workstreams: [[MOVED_ON.workstream, "Green - On Track -> Amber - Off Track, worse"]],
  risks: [["R01", "Rescored 20 -> 16, better"]],
  milestones: [[MOVED_ON.milestone, "completed"]],
  issues: [["new", `SEND Monthly!${MOVED_ON.newProblemCell}`]],
};

beforeAll(async () => {
  const run = await cli([SAMPLE, "--json", first.json, "--out", first.out]);
  expect(run.code).toBe(0);
  writeFileSync(next, await rawToXlsx(movedOnOneMonth(await readXlsxFile(SAMPLE))));
});

describe("the CLI's history", () => {
  it("a first run says there is nothing to compare with, and starts the history in its workbook", async () => {
    expect(json(first.json).sinceLastReport?.baseline).toBeNull();
    const book = await readXlsxFile(first.out);
    const sheet = book.sheets.find((s) => s.name === "Portfolio Summary History");
    expect(readHistorySheet(sheet).snapshots.map((s) => s.refresh)).toEqual([1]);
  });

  it("--history <workbook.xlsx>: lists exactly the month's changes, and keeps both refreshes in --out", async () => {
    const out = join(dir, "february.xlsx");
    const out2 = join(dir, "february.json");
    const run = await cli([next, "--history", first.out, "--out", out, "--json", out2]);
    expect(run.code).toBe(0);
    expect(changes(json(out2))).toEqual(EXPECTED);
    expect(run.stdout).toContain("Since the report of 10/01/2025");
    expect(run.stdout).toContain("↑ +43 plans, worse");
    const book = await readXlsxFile(out);
    const kept = readHistorySheet(book.sheets.find((s) => s.name === "Portfolio Summary History"));
    expect(kept.snapshots.map((s) => [s.refresh, s.reportingDate])).toEqual([
      [1, "2025-01-10"],
      [2, "2025-02-10"],
    ]);
  });

  it("--previous <summary.json>: the same changes from the first run's JSON", async () => {
    const out = join(dir, "february-previous.json");
    const run = await cli([next, "--previous", first.json, "--json", out]);
    expect(run.code).toBe(0);
    expect(changes(json(out))).toEqual(EXPECTED);
  });

  it("refuses a --previous that is not a summary, in one sentence", async () => {
    const bad = join(dir, "not-a-summary.json");
    writeFileSync(bad, JSON.stringify({ hello: 1 }));
    const run = await cli([next, "--previous", bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/is not a Portfolio Summary written with --json/);
  });

  it("--baseline chooses the report compared with: a date in the history, the last refresh, or none recorded", async () => {
    const both = join(dir, "february-kept.xlsx");
    expect((await cli([next, "--history", first.out, "--out", both])).code).toBe(0);
    // February again, against a history holding January and February: by default still January's report.
    const byDefault = join(dir, "again-default.json");
    expect((await cli([next, "--history", both, "--json", byDefault])).code).toBe(0);
    expect(changes(json(byDefault))).toEqual(EXPECTED);
    const byDate = join(dir, "again-date.json");
    expect((await cli([next, "--history", both, "--baseline", "10/01/2025", "--json", byDate])).code).toBe(0);
    expect(changes(json(byDate))).toEqual(EXPECTED);
    // The last refresh is February's own: nothing moved since.
    const byRefresh = join(dir, "again-refresh.json");
    const run = await cli([next, "--history", both, "--baseline=last-refresh", "--json", byRefresh]);
    expect(run.code).toBe(0);
    const since = json(byRefresh).sinceLastReport;
    expect(since?.heading).toBe("Since the report of 10/02/2025");
    expect(since?.workstreams).toEqual([]);
    expect(since?.keyRisks).toEqual([]);
    expect(since?.kpis.map((k) => k.text)).toEqual(["no change", "no change", "no change"]);
    const missing = join(dir, "again-missing.json");
    expect((await cli([next, "--history", both, "--baseline", "2024-12-10", "--json", missing])).code).toBe(
      0,
    );
    expect(json(missing).sinceLastReport?.baseline).toBeNull();
    expect(json(missing).sinceLastReport?.message).toMatch(/No report of 10\/12\/2024 is recorded/);
  });

  it("a --history workbook that does not exist yet starts the history, with a note", async () => {
    const run = await cli([SAMPLE, "--history", join(dir, "none.xlsx"), "--json", join(dir, "x.json")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/starts the history/);
  });
});
