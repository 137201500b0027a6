// The committed reading corpus (tests/hardening/corpus/, made by scripts/make-reading-corpus.ts) through the CLI,
// and the column mapping the add-in saves in the workbook read back by the CLI.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BAD_TRACKERS, badTrackerBuffer } from "../../scripts/make-bad-trackers";
import { CORPUS_DIR } from "../../scripts/make-reading-corpus";
import { runCli } from "../../src/cli/main";
import type { PortfolioSummary } from "../../src/core/model";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { ExcelSim } from "../../src/excel-sim";
import { runCli as spawnCli } from "../support/run-cli";
import { cli, figures, readingCorpusSuite } from "./corpus-support";

jest.setTimeout(120_000);

readingCorpusSuite(false);

it("a stale saved mapping without --mapping is reported, not silently used", async () => {
  const run = await cli([join(CORPUS_DIR, "months-across-with-stale-mapping.xlsx")]);
  expect(run.code).toBe(1);
  expect(
    run.summary!.issues.some((i) => i.severity === "error" && /Monthly Data \(old\)/.test(i.message)),
  ).toBe(true);
});

it("the mapping saved in the workbook gives the same summary as the same mapping passed with --mapping", async () => {
  const saved = await cli([join(CORPUS_DIR, "months-across-with-saved-mapping.xlsx")]);
  const passed = await cli([
    join(CORPUS_DIR, "months-across-with-saved-mapping.xlsx"),
    "--mapping",
    join(CORPUS_DIR, "months-across.mapping.json"),
  ]);
  expect(saved.code).toBe(0);
  expect(figures(saved.summary!)).toEqual(figures(passed.summary!));
  expect(saved.summary!.issues).toEqual(passed.summary!.issues);
});

it("a real process reads the 1904 workbook and refuses the .ods as a user would run them", async () => {
  const mac = await spawnCli([join(CORPUS_DIR, "date-1904.xlsx")]);
  expect(mac.code).toBe(0);
  expect(mac.stdout).toMatch(/Reporting date: 10\/01\/2025/);
  expect(mac.stdout).toMatch(/Number of EHCPs\s+6,357/);
  const ods = await spawnCli([join(CORPUS_DIR, "sample-tracker.ods")]);
  expect(ods.code).toBe(2);
  expect(ods.stdout).toBe("");
  expect(ods.stderr.trim()).toMatch(/^"sample-tracker\.ods" is an OpenDocument spreadsheet/);
});

describe("no reporting date on the Settings sheet", () => {
  const NOW_HERE = new Date("2026-11-28T09:30:00Z");

  it("both doors use the latest date in the data, with the same warning, and judge freshness at it", async () => {
    const t = BAD_TRACKERS.find((x) => x.id === "reporting-date-missing")!;
    const bytes = await badTrackerBuffer(t);
    const path = join(mkdtempSync(join(tmpdir(), "ps-no-date-")), "no-reporting-date.xlsx");
    writeFileSync(path, bytes);
    const json = `${path}.json`;
    const out: string[] = [];
    expect(
      await runCli([path, "--json", json], { out: (x) => out.push(x), err: () => {} }, { now: NOW_HERE }),
    ).toBe(0);
    const fromCli = JSON.parse(readFileSync(json, "utf8")) as PortfolioSummary;

    const sim = new ExcelSim();
    await sim.importXlsx(bytes);
    let n = 0;
    const outcome = await createWorkbookGateway(sim.run, { newRunId: () => `run${++n}` }).refresh({
      now: NOW_HERE,
    });
    const fromAddin = outcome.summary!;

    for (const s of [fromCli, fromAddin]) {
      // 07/01/2025 is 'SEND data last refreshed', later than the last month (Dec-24) and the finance date.
      expect(s.programme).toMatchObject({ reportingDate: "2025-01-07", reportingDateSource: "data" });
      const warning = s.issues.find((i) => i.code === "reporting_date_from_data");
      expect(warning?.severity).toBe("warning");
      expect(warning?.message).toMatch(
        /summary is as at 07\/01\/2025, the latest date in the tracker's data/,
      );
      // Not two years stale against today: the SEND data are 0 days old, the finance data 53.
      expect(s.freshness.map((f) => f.ageDays)).toEqual([0, 53]);
    }
    expect(fromAddin.issues.find((i) => i.code === "reporting_date_from_data")).toEqual(
      fromCli.issues.find((i) => i.code === "reporting_date_from_data"),
    );
    expect(out.join("\n")).toMatch(/Reporting date: 07\/01\/2025 \(from the data: Settings has none\)/);
  });
});
