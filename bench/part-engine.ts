// Benchmark part: engine time (raw workbook -> summary) on the sample tracker and on generated 10x and 100x trackers.
// Targets: the 100x tracker in under 1 s, and time(100x) / time(10x) at most 12 (close to linear growth); reading
// a 50,000-row monthly sheet in under 0.5 s; laying out 2,000 workstreams and 5,000 problems in under 1 s.
import { join } from "node:path";
import { runEngine } from "../src/core/engine";
import type { Issue } from "../src/core/model";
import type { RawCell, RawWorkbook } from "../src/core/raw";
import { readTracker } from "../src/core/read";
import { planSheets } from "../src/layout";
import { readXlsxFile } from "../src/xlsx/read";
import { generateTracker, rowCount } from "../tests/support/generate-tracker";
import { medianOf } from "./util";

export const TARGET_100X_MS = 1000;
export const TARGET_RATIO_100X_TO_10X = 12;
export const TARGET_READ_50K_ROWS_MS = 500;
export const TARGET_PLAN_LARGE_MS = 1000;

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

/** The sample with 50,000 more months on its SEND Monthly sheet, each a copy of its last month moved on a day. */
function withLongMonthlySheet(sample: RawWorkbook): RawWorkbook {
  const sheets = sample.sheets.map((sheet) => {
    if (sheet.name !== "SEND Monthly") return sheet;
    const last = sheet.values[sheet.values.length - 1];
    const month = Number(last[0]);
    const more = Array.from({ length: 50_000 }, (_, i): RawCell[] => [month + i + 1, ...last.slice(1)]);
    return { ...sheet, values: [...sheet.values, ...more], numberFormats: undefined };
  });
  return { ...sample, sheets };
}

/** The sample's summary with 2,000 workstreams in its second programme and 5,000 problems. */
function largeSummary(sample: RawWorkbook) {
  const summary = runEngine(sample, { now: NOW });
  const template = summary.programmes[1].workstreams[0];
  summary.programmes[1].workstreams = Array.from({ length: 2000 }, (_, i) => ({
    ...template,
    name: `Workstream ${i}`,
  }));
  summary.issues = Array.from({ length: 5000 }, (_, i): Issue => ({
    severity: i % 10 === 0 ? "error" : "warning",
    code: "bad_value",
    sheet: "SEND Monthly",
    cell: `B${i + 2}`,
    message: `The value in row ${i + 2} is not a number. Type a whole number.`,
  }));
  summary.issueCounts = { error: 500, warning: 4500, info: 0 };
  return summary;
}

export async function run(): Promise<Record<string, unknown>> {
  const sample = await readXlsxFile(join(__dirname, "..", "assets", "sample-tracker.xlsx"));
  const longMonthly = withLongMonthlySheet(sample);
  const large = largeSummary(sample);
  const results = {
    sample: await timeEngine(sample, 15),
    x10: await timeEngine(generateTracker(10), 15),
    x100: await timeEngine(generateTracker(100), 7),
  };
  const longRead = readTracker(longMonthly).tracker.monthly.length;
  if (longRead < 50_000) throw new Error(`the long monthly sheet read only ${longRead} months`);
  const read50k = await medianOf(7, () => readTracker(longMonthly));
  const planLarge = await medianOf(7, () => planSheets(large));
  const ratio = Math.round((results.x100.medianMs / results.x10.medianMs) * 100) / 100;
  return {
    description: "runEngine(raw) median wall time in ms; rows = rows of all sheets' used ranges",
    ...results,
    ratio100xTo10x: ratio,
    read50kMonthlyRows: {
      description: "readTracker on the sample with 50,000 more SEND Monthly rows",
      months: longRead,
      ...read50k,
    },
    planLarge: { description: "planSheets with 2,000 workstreams and 5,000 problems", ...planLarge },
    targets: {
      read50kUnderMs: TARGET_READ_50K_ROWS_MS,
      read50kMet: read50k.medianMs < TARGET_READ_50K_ROWS_MS,
      planLargeUnderMs: TARGET_PLAN_LARGE_MS,
      planLargeMet: planLarge.medianMs < TARGET_PLAN_LARGE_MS,
      x100UnderMs: TARGET_100X_MS,
      x100Met: results.x100.medianMs < TARGET_100X_MS,
      ratioAtMost: TARGET_RATIO_100X_TO_10X,
      ratioMet: ratio <= TARGET_RATIO_100X_TO_10X,
    },
  };
}
