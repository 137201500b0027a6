// The command line as a finance officer or a scheduled job uses it: spawned for real, judged by exit status and output.
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxFile } from "../../src/xlsx/read";
import { generateTrackerSheets } from "../support/generate-tracker";
import { buildTrackerWorkbook } from "../../scripts/make-sample-tracker";
import type { PortfolioSummary } from "../../src/core/model";
import { runCli as cli, runNpmSummary, SAMPLE, type CliRun as Run } from "../support/run-cli";

const noStackTrace = (r: Run) => {
  expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  expect(r.stderr + r.stdout).not.toMatch(/node:internal|\.ts:\d+/);
};

const dir = mkdtempSync(join(tmpdir(), "ps-cli-"));
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

jest.setTimeout(120_000);

describe("summarising the sample tracker", () => {
  const tracker = join(dir, "SEND tracker.xlsx");
  const json = join(dir, "out", "summary.json");
  const out = join(dir, "out", "summary.xlsx");
  let run: Run;
  let before: { hash: string; mtimeMs: number; size: number };

  beforeAll(async () => {
    copyFileSync(SAMPLE, tracker);
    const s = statSync(tracker);
    before = { hash: sha(tracker), mtimeMs: s.mtimeMs, size: s.size };
    run = await cli([tracker, "--json", json, "--out", out]);
  });

  it("exits 0: the summary was produced, with one warning allowed", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("prints the three headline KPIs with target, variance and whether it is adverse", () => {
    expect(run.stdout).toMatch(
      /Number of EHCPs\s+6,357\s+target 5,707 \(Forecast to date\), variance \+650: Adverse/,
    );
    expect(run.stdout).toMatch(
      /HNB Overspend 2024\/25\s+£43\.20m\s+target £28\.21m .*variance \+£14\.99m: Adverse/,
    );
    expect(run.stdout).toMatch(
      /Children with EHCPs in INMSS\s+5\.75%\s+target 6\.92% .*variance -1\.17 pp: Favourable/,
    );
  });

  it("prints the programme, the lead's overall RAG, both key risks and the data dates", () => {
    expect(run.stdout).toContain("Portfolio Summary: SEND Transformation, Wiltshire Council");
    expect(run.stdout).toContain('Overall RAG: Amber/Red ("Amber/Red - At Risk"), set by the programme lead');
    expect(run.stdout).toMatch(/R01\s+5 x 4 = 20\s+If growth is stronger than forecast/);
    expect(run.stdout).toMatch(/R02\s+4 x 4 = 16\s+There is a risk that the capital programme/);
    expect(run.stdout).not.toContain("R09");
    expect(run.stdout).toContain("SEND data last refreshed: 07/01/2025");
    expect(run.stdout).toContain("Q2 Forecast");
  });

  it("points the dashboard's own rounding slip (5.85% typed for Sep-24) at its cell", () => {
    expect(run.stdout).toMatch(/Problems found: 0 errors, 1 warning/);
    expect(run.stdout).toMatch(/warning\s+SEND Monthly!O34: .*5\.85%.*5\.84%/);
  });

  it("writes the summary as JSON with the engine's figures", () => {
    const summary = JSON.parse(readFileSync(json, "utf8")) as PortfolioSummary;
    expect(summary.kpis.map((k) => [k.id, k.actual, k.variance])).toEqual([
      ["ehcp_count", 6357, 650],
      ["hnb_overspend", 43_200_000, 14_990_000],
      ["inmss_share", expect.closeTo(0.0575, 4), expect.closeTo(-0.0117, 4)],
    ]);
    expect(run.stdout).toContain(`Wrote ${json}`);
  });

  it("writes a Portfolio Summary workbook that opens as .xlsx", async () => {
    const written = await readXlsxFile(out);
    expect(written.sheets[0].name).toBe("Portfolio Summary");
    expect(JSON.stringify(written.sheets[0].values)).toContain("SEND Transformation");
    expect(run.stdout).toContain(`Wrote ${out}`);
  });

  it("never changes the tracker: same bytes, same size, same modification time", () => {
    const s = statSync(tracker);
    expect(sha(tracker)).toBe(before.hash);
    expect(s.size).toBe(before.size);
    expect(s.mtimeMs).toBe(before.mtimeMs);
  });
});

describe("a tracker with errors", () => {
  it("exits 1 and lists each error with its sheet and cell", async () => {
    const sheets = generateTrackerSheets(1);
    const monthly = sheets.find((s) => s.section === "monthly")!;
    // A council renames a required column to something the template does not know.
    monthly.headers = monthly.headers.map((h) => (h === "Funded EHCPs" ? "Plans this month" : h));
    const path = join(dir, "renamed column.xlsx");
    writeFileSync(path, new Uint8Array(await buildTrackerWorkbook(sheets).xlsx.writeBuffer()));
    const run = await cli([path, "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/The tracker has \d+ errors?:/);
    expect(run.stderr).toMatch(/error\s+SEND Monthly!\S+: .*Funded EHCPs/);
    noStackTrace(run);
  });
});

describe("files that cannot be read and wrong arguments (exit 2, one plain sentence, no stack trace)", () => {
  it("a missing file", async () => {
    const run = await cli([join(dir, "no such tracker.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/There is no file at ".*no such tracker\.xlsx"/);
    expect(run.stdout).toBe("");
    noStackTrace(run);
  });

  it("a text file named .xlsx", async () => {
    const path = join(dir, "export.xlsx");
    writeFileSync(path, "Month,Funded EHCPs\nDec-24,6353\n");
    const run = await cli([path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"export\.xlsx" is not an Excel workbook \(\.xlsx\)/);
    noStackTrace(run);
  });

  it("no tracker given", async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Give the tracker \.xlsx file to summarise/);
    noStackTrace(run);
  });

  it("an unknown option", async () => {
    const run = await cli([SAMPLE, "--pdf", "x.pdf"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option "--pdf"/);
  });

  it("--out that would overwrite the tracker, which stays unchanged", async () => {
    const tracker = join(dir, "keep me.xlsx");
    copyFileSync(SAMPLE, tracker);
    const hash = sha(tracker);
    const run = await cli([tracker, "--out", tracker]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/would overwrite the tracker itself/);
    expect(sha(tracker)).toBe(hash);
  });
});

describe("help", () => {
  it("prints usage, options and exit codes and exits 0", async () => {
    const run = await cli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run summary -- <tracker\.xlsx>/);
    for (const option of ["--json <file>", "--out <file.xlsx>", "--quiet", "--help"])
      expect(run.stdout).toContain(option);
  });
});

describe("npm run summary, as the README gives it (through tsx)", () => {
  it("prints the sample's headline report and exits 0", async () => {
    const run = await runNpmSummary([SAMPLE, "--json", join(dir, "npm-run.json")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Overall RAG: Amber/Red");
    expect(run.stdout).toMatch(/Number of EHCPs\s+6,357\s+target 5,707/);
    const summary = JSON.parse(readFileSync(join(dir, "npm-run.json"), "utf8")) as PortfolioSummary;
    expect(summary.kpis.map((k) => k.id)).toEqual(expect.arrayContaining(["ehcp_count"]));
  });
});
