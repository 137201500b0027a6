// The page planned from the real sample tracker, end to end: file -> engine -> plan.
import { runEngine } from "../../src/core/engine";
import { planSheets } from "../../src/layout";
import { readXlsxFile } from "../../src/xlsx/read";
import type { SheetPlan } from "../../src/layout/plan";
import { planProblems } from "./plan-checks";
import { describeSheet, find, formatAt, sheetOf, valueAt } from "./plan-reading";

let plan: SheetPlan;

beforeAll(async () => {
  const raw = await readXlsxFile("assets/sample-tracker.xlsx");
  plan = planSheets(runEngine(raw, { now: new Date("2025-01-10T09:30:00Z") }));
});

describe("the plan built from the sample tracker", () => {
  it("keeps every promise to the renderers and draws all nine charts", () => {
    expect(planProblems(plan)).toEqual([]);
    expect(sheetOf(plan, "summary").charts).toHaveLength(9);
  });

  it("reproduces the dashboard's tiles: 6,357 EHCPs (+650), £43.20m overspend (+£14.99m), 5.75% in INMSS", () => {
    const page = sheetOf(plan, "summary");
    const row = Number(find(page, "Number of EHCPs")?.slice(1));
    expect([valueAt(page, `A${row + 1}`), valueAt(page, `C${row + 3}`)]).toEqual([6357, 650]);
    expect([valueAt(page, `E${row + 1}`), valueAt(page, `G${row + 3}`)]).toEqual([43200000, 14990000]);
    expect(formatAt(page, `I${row + 1}`)).toBe("0.00%");
    expect(Number(valueAt(page, `I${row + 1}`)).toFixed(4)).toBe("0.0575");
    expect(Number(valueAt(page, `K${row + 3}`)).toFixed(2)).toBe("-1.17");
  });

  it("matches the reviewed page", () => {
    expect(describeSheet(sheetOf(plan, "summary"))).toMatchSnapshot();
  });
});
