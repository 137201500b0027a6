// Hostile trackers through both doors: the CLI (in-process) and the add-in (the same file opened in the in-memory
// Excel, then Refresh summary). Each must give its expected issues at their cells, the same issues by both doors,
// a summary or a clear refusal, no stack trace, and leave the tracker exactly as it was.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BAD_TRACKERS,
  badTrackerBuffer,
  type BadTracker,
  type ExpectedIssue,
} from "../../scripts/make-bad-trackers";
import type { Issue, PortfolioSummary } from "../../src/core/model";
import { runCli } from "../../src/cli/main";
import { createWorkbookGateway } from "../../src/excel/gateway";
import type { RefreshOutcome } from "../../src/excel/api";
import { ExcelSim } from "../../src/excel-sim";

const NOW = new Date("2025-01-08T09:30:00Z");
const STACK_TRACE = /\n\s+at .*:\d+:\d+|node:internal|\.ts:\d+/;
const dir = mkdtempSync(join(tmpdir(), "ps-hostile-"));
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const key = (i: Pick<Issue, "code" | "sheet" | "cell">) => `${i.code} @ ${i.sheet}!${i.cell}`;

jest.setTimeout(60_000);

interface CliRun {
  code: number;
  out: string;
  err: string;
  summary: PortfolioSummary | null;
}

async function cliOn(path: string, jsonPath: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [path, "--json", jsonPath],
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    { now: NOW },
  );
  let summary: PortfolioSummary | null = null;
  try {
    summary = JSON.parse(readFileSync(jsonPath, "utf8")) as PortfolioSummary;
  } catch {
    summary = null;
  }
  return { code, out: out.join("\n"), err: err.join("\n"), summary };
}

/** Every sheet of the workbook, fully (values, formulas, formats, merges, visibility), by name. */
const snapshots = (sim: ExcelSim, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, sim.snapshot(n)]));

/** The expected issues missing from `issues`, and the errors in `issues` nobody expected. */
function compare(issues: readonly Issue[], expected: readonly ExpectedIssue[]) {
  const got = issues.map(key);
  const wanted = expected.map(key);
  return {
    missing: wanted.filter((k) => !got.includes(k)),
    unexpectedErrors: issues.filter((i) => i.severity === "error" && !wanted.includes(key(i))).map(key),
  };
}

const everyDayCases = BAD_TRACKERS.filter((t) => !t.large);

it("the corpus holds at least 30 hostile trackers, each with a story and something to check", () => {
  expect(BAD_TRACKERS.length).toBeGreaterThanOrEqual(30);
  expect(new Set(BAD_TRACKERS.map((t) => t.id)).size).toBe(BAD_TRACKERS.length);
  for (const t of everyDayCases) expect(t.story.length).toBeGreaterThan(10);
});

describe.each(everyDayCases.map((t) => [t.id, t] as [string, BadTracker]))("%s", (_id, t) => {
  let bytes: Buffer;
  let path: string;
  let cli: CliRun;
  let fileBefore: { hash: string; mtimeMs: number };

  beforeAll(async () => {
    bytes = await badTrackerBuffer(t);
    path = join(dir, `${t.id}.xlsx`);
    writeFileSync(path, bytes);
    fileBefore = { hash: sha(readFileSync(path)), mtimeMs: statSync(path).mtimeMs };
    cli = await cliOn(path, join(dir, `${t.id}.json`));
  });

  it(`the CLI exits ${t.exit} with the expected issues at their cells, and no stack trace (${t.story})`, () => {
    expect(cli.code).toBe(t.exit);
    expect(cli.summary).not.toBeNull();
    const { missing, unexpectedErrors } = compare(cli.summary!.issues, t.build().expect);
    expect(missing).toEqual([]);
    expect(unexpectedErrors).toEqual([]);
    expect(cli.out + cli.err).not.toMatch(STACK_TRACE);
    // Every issue says what is wrong in words, not just a code.
    for (const i of cli.summary!.issues) expect(i.message.length).toBeGreaterThan(20);
  });

  it("the CLI leaves the tracker file byte for byte as it was", () => {
    expect(sha(readFileSync(path))).toBe(fileBefore.hash);
    expect(statSync(path).mtimeMs).toBe(fileBefore.mtimeMs);
  });

  describe("in the add-in", () => {
    let sim: ExcelSim;
    let outcome: RefreshOutcome;
    let trackerSheets: string[];
    let before: ReturnType<typeof snapshots>;

    beforeAll(async () => {
      sim = new ExcelSim();
      await sim.importXlsx(bytes);
      sim.workbookName = `${t.id}.xlsx`;
      trackerSheets = sim.sheetNames;
      before = snapshots(sim, trackerSheets);
      let n = 0;
      outcome = await createWorkbookGateway(sim.run, { newRunId: () => `run${++n}` }).refresh({ now: NOW });
    });

    it("finds the same issues, at the same cells, as the CLI", () => {
      expect(outcome.summary).not.toBeNull();
      const fromAddin = outcome.summary!.issues.map(key).sort();
      expect(fromAddin).toEqual(cli.summary!.issues.map(key).sort());
    });

    if (t.exit === 0) {
      it("writes the summary sheet", () => {
        expect(outcome.message).toMatch(/refreshed/);
        expect(outcome.ok).toBe(true);
        expect(sim.sheetNames).toContain("Portfolio Summary");
      });
    } else {
      it("refuses clearly, naming the first problem, and writes no summary", () => {
        expect(outcome.ok).toBe(false);
        expect(outcome.message).toMatch(/must be fixed before the summary can be refreshed/);
        expect(sim.sheetNames).not.toContain("Portfolio Summary");
      });
    }

    it("leaves every tracker sheet exactly as it was", () => {
      expect(snapshots(sim, trackerSheets)).toEqual(before);
    });
  });
});

describe("what reaches the page", () => {
  async function refreshed(id: string): Promise<ExcelSim> {
    const t = BAD_TRACKERS.find((c) => c.id === id)!;
    const sim = new ExcelSim();
    await sim.importXlsx(await badTrackerBuffer(t));
    const outcome = await createWorkbookGateway(sim.run).refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    return sim;
  }
  const cellsOf = (sim: ExcelSim) => sim.snapshot("Portfolio Summary").values.flat();

  it("a risk titled like a formula stays text on the summary sheet, not a live formula", async () => {
    const sim = await refreshed("formula-like-text");
    const page = sim.snapshot("Portfolio Summary");
    expect(Object.values(page.formulas).join(" ")).not.toMatch(/HYPERLINK/);
    expect(cellsOf(sim)).toContain('=HYPERLINK("http://example.invalid","click")');
  });

  it("Arabic, Welsh and emoji text reaches the key risks unchanged", async () => {
    const cells = cellsOf(await refreshed("unicode-and-rtl"));
    expect(cells).toContain("خطر: الطلب على خطط EHCP أعلى من المتوقع");
    expect(cells).toContain("Cyfarwyddwr Addysg a Sgiliau – ŵ ŷ");
  });

  it("a 32,767-character risk title is written whole, within Excel's cell limit", async () => {
    const cells = cellsOf(await refreshed("very-long-text"));
    const longest = Math.max(...cells.map((v) => (typeof v === "string" ? v.length : 0)));
    expect(longest).toBe(32_767);
  });
});
