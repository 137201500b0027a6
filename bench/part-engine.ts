// Benchmark part: engine time (raw workbook -> summary) on the sample tracker and on generated 10x and 100x trackers.
// Targets: the 100x tracker in under 1 s, and time(100x) / time(10x) at most 12 (close to linear growth).
import { join } from "node:path";
import { runEngine } from "../src/core/engine";
import type { RawWorkbook } from "../src/core/raw";
import { readXlsxFile } from "../src/xlsx/read";
import { generateTracker, rowCount } from "../tests/support/generate-tracker";
import { medianOf } from "./util";

export const TARGET_100X_MS = 1000;
export const TARGET_RATIO_100X_TO_10X = 12;

// A fixed clock keeps every run doing identical work.
const NOW = new Date("2025-01-10T09:00:00Z");

async function timeEngine(raw: RawWorkbook, runs: number) {
  const timing = await medianOf(runs, () => runEngine(raw, { now: NOW }));
  const summary = runEngine(raw, { now: NOW });
  return {
    rows: rowCount(raw),
    ...timing,
    keyRisks: summary.keyRisks.length,
    issues: summary.issues.length,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const sample = await readXlsxFile(join(__dirname, "..", "assets", "sample-tracker.xlsx"));
  const results = {
    sample: await timeEngine(sample, 15),
    x10: await timeEngine(generateTracker(10), 15),
    x100: await timeEngine(generateTracker(100), 7),
  };
  const ratio = Math.round((results.x100.medianMs / results.x10.medianMs) * 100) / 100;
  return {
    description: "runEngine(raw) median wall time in ms; rows = rows of all sheets' used ranges",
    ...results,
    ratio100xTo10x: ratio,
    targets: {
      x100UnderMs: TARGET_100X_MS,
      x100Met: results.x100.medianMs < TARGET_100X_MS,
      ratioAtMost: TARGET_RATIO_100X_TO_10X,
      ratioMet: ratio <= TARGET_RATIO_100X_TO_10X,
    },
  };
}
