// The CLI on council layouts: --mapping reads a workbook laid out differently from the template and gives the
// sample's figures; --suggest-mapping prints a mapping that does the same; bad mapping files get one plain sentence.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "../../src/cli/args";
import type { PortfolioSummary } from "../../src/core/model";
import { ROOT, runCli as cli, SAMPLE } from "../support/run-cli";

const LAYOUTS = join(ROOT, "tests", "fixtures", "layouts");

const dir = mkdtempSync(join(tmpdir(), "ps-mapping-"));
const summaryOf = (path: string) => JSON.parse(readFileSync(path, "utf8")) as PortfolioSummary;
/** The headline figures and tables, which must not depend on the layout. */
const figures = (s: PortfolioSummary) => ({
  kpis: s.kpis.map((k) => [k.id, k.actual, k.target, k.variance, k.status]),
  keyRisks: s.keyRisks.map((r) => [r.id, r.score]),
  ehcpMonthly: s.ehcpMonthly,
  inmssMonthly: s.inmssMonthly,
  workstreams: s.workstreamStatus.map((w) => [w.programme, w.counts]),
});

jest.setTimeout(180_000);

let sample: PortfolioSummary;
beforeAll(async () => {
  const run = await cli([SAMPLE, "--json", join(dir, "sample.json"), "-q"]);
  expect(run.code).toBe(0);
  sample = summaryOf(join(dir, "sample.json"));
});

describe("--mapping", () => {
  it.each(["months-across", "per-programme", "risk-table"])(
    "%s.xlsx with its mapping file gives the sample's figures, exit 0",
    async (name) => {
      const json = join(dir, `${name}.json`);
      const run = await cli([
        join(LAYOUTS, `${name}.xlsx`),
        "--mapping",
        join(LAYOUTS, `${name}.mapping.json`),
        "--json",
        json,
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("6,357");
      expect(figures(summaryOf(json))).toEqual(figures(sample));
    },
  );

  it("without its mapping the months-across workbook stops with errors (exit 1) naming the missing sheet", async () => {
    const run = await cli([join(LAYOUTS, "months-across.xlsx"), "-q"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no "SEND Monthly" sheet');
  });

  it("a mapping file that is not JSON, or is missing, gets one sentence and exit 2", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ version: 1, ");
    const notJson = await cli([SAMPLE, "--mapping", bad]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr.trim()).toBe(
      `The mapping file "${bad}" is not valid JSON: check its brackets, quotes and commas (docs/mapping.md shows the format).`,
    );
    const missing = await cli([SAMPLE, "--mapping", join(dir, "nowhere.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("make one with --suggest-mapping");
  });

  it("a mapping from a newer release is refused plainly, exit 2", async () => {
    const newer = join(dir, "newer.json");
    writeFileSync(newer, JSON.stringify({ version: 2, sections: {} }));
    const run = await cli([SAMPLE, "--mapping", newer]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("saved by a newer release of Portfolio Summary (mapping version 2");
  });
});

describe("--suggest-mapping", () => {
  it("prints a mapping as JSON that, passed back with --mapping, gives the sample's figures", async () => {
    const run = await cli([join(LAYOUTS, "risk-table.xlsx"), "--suggest-mapping"]);
    expect(run.code).toBe(0);
    const mapping = JSON.parse(run.stdout) as { version: number; sections: Record<string, unknown> };
    expect(mapping.version).toBe(1);
    expect(Object.keys(mapping.sections).sort()).toEqual(["programmes", "risks"]);
    // What a person should check goes to the error stream, so stdout stays pure JSON.
    expect(run.stderr).toContain('"Status" is guessed as "Open/closed"');
    const file = join(dir, "suggested.json");
    writeFileSync(file, run.stdout);
    const json = join(dir, "suggested-summary.json");
    const again = await cli([join(LAYOUTS, "risk-table.xlsx"), "--mapping", file, "--json", json, "-q"]);
    expect(again.code).toBe(0);
    expect(figures(summaryOf(json))).toEqual(figures(sample));
  });

  it("on the template sample prints an empty mapping and says none is needed", async () => {
    const run = await cli([SAMPLE, "--suggest-mapping"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ version: 1, sections: {} });
    expect(run.stderr).toContain("needs no mapping");
  });
});

describe("arguments", () => {
  it("--mapping takes a file name; --suggest-mapping does not mix with outputs", () => {
    expect(parseArgs(["t.xlsx", "--mapping", "m.json"])).toMatchObject({
      kind: "run",
      options: { mappingPath: "m.json" },
    });
    expect(parseArgs(["t.xlsx", "--mapping"])).toEqual({
      kind: "error",
      message: "--mapping needs a file name after it. Run with --help to see how to use it.",
    });
    expect(parseArgs(["t.xlsx", "--suggest-mapping", "--json", "s.json"])).toMatchObject({ kind: "error" });
  });
});
