// Benchmark part: writing the sheet plan to .xlsx (styles, merges, print setup and native charts) for the sample
// tracker's plan and for plans whose data sheet holds 10x and 100x the rows, against a bare ExcelJS write of the
// same values (no styles, no charts). Growth should be close to linear: time(100x) / time(10x) near 10.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runEngine } from "../src/core/engine";
import { planSheets } from "../src/layout";
import type { PlannedSheet, SheetPlan } from "../src/layout/plan";
import { readXlsxFile } from "../src/xlsx/read";
import { writePlanXlsx } from "../src/xlsx/write";
import { generateTracker } from "../tests/support/generate-tracker";
import { medianOf } from "./util";

const NOW = new Date("2025-01-10T09:00:00Z");

/** The plan with its data sheet's rows repeated `times` over below the original block, formats carried along. */
function scaled(plan: SheetPlan, times: number): SheetPlan {
  return {
    sheets: plan.sheets.map((sheet): PlannedSheet => {
      if (sheet.key !== "data" || times === 1) return sheet;
      const rows = sheet.values.length;
      const values = Array.from({ length: rows * times }, (_, r) => [...sheet.values[r % rows]]);
      const numberFormats = Array.from({ length: times }, (_, k) =>
        sheet.numberFormats.map(({ range, format }) => ({
          range: range.replace(/(\d+)/g, (n) => String(Number(n) + k * rows)),
          format,
        })),
      ).flat();
      return { ...sheet, values, numberFormats };
    }),
  };
}

const cellCount = (plan: SheetPlan) =>
  plan.sheets.reduce(
    (n, s) => n + s.values.reduce((m, row) => m + row.filter((v) => v !== null).length, 0),
    0,
  );

/** The floor: ExcelJS writing the same values with no styles, formats, merges or charts. */
async function bareWrite(plan: SheetPlan): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) => {
      if (row.some((v) => v !== null))
        ws.getRow(r + 1).values = row.map((v) => v ?? undefined) as ExcelJS.CellValue[];
    });
  }
  await wb.xlsx.writeBuffer();
}

async function measure(plan: SheetPlan, runs: number) {
  const planned = await medianOf(runs, () => writePlanXlsx(plan));
  const bare = await medianOf(runs, () => bareWrite(plan));
  const bytes = (await writePlanXlsx(plan)).byteLength;
  return {
    cells: cellCount(plan),
    charts: plan.sheets.reduce((n, s) => n + s.charts.length, 0),
    writeMs: planned.medianMs,
    bareExcelJsMs: bare.medianMs,
    ratioToBare: Math.round((planned.medianMs / bare.medianMs) * 100) / 100,
    fileKb: Math.round(bytes / 1024),
  };
}

/** The summary of a generated tracker `factor` times the sample: sheet plan time and .xlsx write time. */
async function summaryOfTracker(factor: number, runs: number) {
  const summary = runEngine(generateTracker(factor), { now: NOW });
  const plan = planSheets(summary);
  const planTime = await medianOf(runs, () => planSheets(summary));
  return { factor, planMs: planTime.medianMs, ...(await measure(plan, runs)) };
}

export async function run(): Promise<Record<string, unknown>> {
  const raw = await readXlsxFile(join(__dirname, "..", "assets", "sample-tracker.xlsx"));
  const plan = planSheets(runEngine(raw, { now: NOW }));
  const sample = await measure(plan, 9);
  const x10 = await measure(scaled(plan, 10), 5);
  const x100 = await measure(scaled(plan, 100), 3);
  // The page of a bigger tracker: more workstreams, milestones, risks and issues on the page itself.
  const trackers = {
    x1: await summaryOfTracker(1, 7),
    x10: await summaryOfTracker(10, 5),
    x100: await summaryOfTracker(100, 3),
  };
  return {
    trackers,
    trackerPlanRatio100xTo10x: Math.round((trackers.x100.planMs / trackers.x10.planMs) * 100) / 100,
    trackerWriteRatio100xTo10x: Math.round((trackers.x100.writeMs / trackers.x10.writeMs) * 100) / 100,
    description:
      "writePlanXlsx(plan) median wall time in ms vs a bare ExcelJS write of the same values; x10/x100 repeat the data sheet's rows",
    sample,
    x10,
    x100,
    ratio100xTo10x: Math.round((x100.writeMs / x10.writeMs) * 100) / 100,
  };
}

if (require.main === module) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
