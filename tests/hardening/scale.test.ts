// A tracker at Excel's scale: 200,000 milestone rows. The add-in reads it from the in-memory Excel in blocks under
// the 5 MB payload limit and refreshes the summary; the CLI summarises the same file. Peak memory and syncs are
// measured and printed (docs/hardening.md records a run).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { trackerWithManyMilestones } from "../../scripts/make-bad-trackers";
import type { Issue, PortfolioSummary } from "../../src/core/model";
import type { RefreshOutcome } from "../../src/excel/api";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { ExcelSim } from "../../src/excel-sim";
import { runCli } from "../support/run-cli";

const ROWS = 200_000;
const FIVE_MB = 5 * 1024 * 1024;
const NOW = new Date("2025-01-08T09:30:00Z");
const MB = 1024 * 1024;
const key = (i: Issue) => `${i.code} @ ${i.sheet}!${i.cell}`;

// Generous: the 200,000-row setup takes about a minute alone and several on a loaded machine (not a timed test).
jest.setTimeout(900_000);

/**
 * Peak memory while `work` runs: process.memoryUsage() sampled every 20 ms (timers run between the refresh's
 * syncs, which yield to the event loop), and the process's lifetime peak RSS from process.resourceUsage().
 */
async function measured<T>(work: () => Promise<T>) {
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await work();
    sample();
    return {
      result,
      ms: Math.round(performance.now() - started),
      heapPeakMb: Math.round(peakHeap / MB),
      heapAboveStartMb: Math.round((peakHeap - base.heapUsed) / MB),
      rssPeakMb: Math.round(peakRss / MB),
      processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    clearInterval(timer);
  }
}

const milestoneTotal = (s: PortfolioSummary) =>
  s.programmes.reduce(
    (n, p) => n + p.milestones.complete + p.milestones.on_track + p.milestones.at_risk + p.milestones.overdue,
    0,
  );

interface CliRun {
  code: number;
  stderr: string;
  ms: number;
}

/** The CLI as a separate process, so it runs on the other core while the add-in path runs here. */
async function spawnCli(args: string[]): Promise<CliRun> {
  const started = performance.now();
  const { code, stderr } = await runCli(args, 170_000);
  return { code, stderr, ms: Math.round(performance.now() - started) };
}

let bytes: Buffer;
let sim: ExcelSim;
let refresh: Awaited<ReturnType<typeof measured<RefreshOutcome>>>;
let cli: CliRun;
let cliSummary: PortfolioSummary;

beforeAll(async () => {
  bytes = await trackerWithManyMilestones(ROWS);
  const dir = mkdtempSync(join(tmpdir(), "ps-scale-"));
  const path = join(dir, "big tracker.xlsx");
  const json = join(dir, "summary.json");
  writeFileSync(path, bytes);
  const cliDone = spawnCli([path, "--json", json, "--quiet"]);
  sim = new ExcelSim();
  await sim.importXlsx(bytes);
  sim.resetCounters();
  refresh = await measured(() => createWorkbookGateway(sim.run).refresh({ now: NOW }));
  cli = await cliDone;
  cliSummary = JSON.parse(readFileSync(json, "utf8")) as PortfolioSummary;
});

describe(`a tracker whose milestone sheet has ${ROWS.toLocaleString("en-GB")} rows`, () => {
  it("the in-memory Excel enforces Excel's 5 MB payload limit", () => {
    expect(sim.limits.maxPayloadBytes).toBe(FIVE_MB);
  });

  it("the add-in reads it in blocks, every request and response under 5 MB, and writes the summary", () => {
    const outcome = refresh.result;
    expect(outcome.message).toMatch(/refreshed/);
    expect(outcome.ok).toBe(true);
    const largest = Math.max(...sim.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)));
    expect(largest).toBeLessThan(FIVE_MB);
    // Reading 200,000 rows in one response would be far over 5 MB: blocks there must have been.
    expect(outcome.syncs).toBeGreaterThan(5);
    expect(milestoneTotal(outcome.summary!)).toBe(ROWS);
    console.info(
      `Scale (${ROWS} milestone rows), add-in refresh on the in-memory Excel: ${refresh.ms} ms, ` +
        `${outcome.syncs} syncs, largest payload ${(largest / MB).toFixed(2)} MB, ` +
        `heap peak ${refresh.heapPeakMb} MB (+${refresh.heapAboveStartMb} MB), RSS peak ${refresh.rssPeakMb} MB, ` +
        `process max RSS ${refresh.processMaxRssMb} MB`,
    );
  });

  it("the CLI summarises the same file: exit 0, the same issues and the same milestone count", () => {
    expect(cli.stderr).toBe("");
    expect(cli.code).toBe(0);
    expect(milestoneTotal(cliSummary)).toBe(ROWS);
    expect(cliSummary.issues.map(key).sort()).toEqual(refresh.result.summary!.issues.map(key).sort());
    console.info(`Scale (${ROWS} milestone rows), CLI (spawned, end to end): ${cli.ms} ms`);
  });
});
