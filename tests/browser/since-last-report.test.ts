// "Since last report" in the pane, in Chromium over the browser preview: the sample refreshed, then moved on a month
// in the in-memory workbook (the cells a finance officer would type), then refreshed again. Screenshot saved.
import { AxeBuilder } from "@axe-core/playwright";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { OUT, openPreview, type Preview } from "./support";

let preview: Preview;
let page: Page;

beforeAll(async () => {
  preview = await openPreview({ width: 450, height: 900 });
  ({ page } = preview);
}, 600_000);

afterAll(async () => {
  await preview?.close();
});

/** The month's edits, cell by cell (tests/support/moved-on.ts says why each). */
const EDITS: [string, string, (string | number)[][], string[][]?][] = [
  ["Settings", "B7:B8", [[45698], [45695]]],
  ["KPIs", "H5:I5", [[6400, 45695]]],
  [
    "SEND Monthly",
    "A38:O38",
    [[45658, 6396, 5745, 166500, 0.0319, 360, 0.0572, 34, 130, 80, 118, 55, 95, 0.0384, 0.06]],
    [
      [
        "mmm-yy",
        "#,##0",
        "#,##0",
        "#,##0",
        "0.00%",
        "General",
        "0.00%",
        "General",
        "General",
        "General",
        "General",
        "General",
        "General",
        "0.00%",
        "0.00%",
      ],
    ],
  ],
  ["Workstreams", "C2", [["Amber - Off Track"]]],
  ["Milestones", "E8:F8", [["Complete", 45691]]],
  ["Risk Register", "E2:G2", [[4, 4, 16]]],
];

test("the first refresh says in one line that there is nothing to compare with", async () => {
  await page.getByRole("button", { name: "Refresh summary" }).click();
  const section = page.locator("[data-section=since-last-report]");
  await section.waitFor({ timeout: 60_000 });
  expect(await section.innerText()).toContain("This is the first report recorded in this workbook");
});

test("a month on, it lists what changed, each a click from its cell (screenshot saved)", async () => {
  await page.evaluate(async (edits) => {
    type Ctx = {
      workbook: {
        worksheets: {
          getItem(n: string): { getRange(a: string): { values: unknown; numberFormat: unknown } };
        };
      };
      sync(): Promise<void>;
    };
    const sim = (
      window as unknown as { __preview: { sim: { run(f: (c: Ctx) => Promise<void>): Promise<void> } } }
    ).__preview.sim;
    await sim.run(async (context) => {
      for (const [sheet, address, values, formats] of edits) {
        const range = context.workbook.worksheets.getItem(sheet).getRange(address);
        if (formats) range.numberFormat = formats;
        range.values = values;
      }
      await context.sync();
    });
  }, EDITS);
  await page.getByRole("button", { name: "Refresh summary" }).click();
  const section = page.locator("[data-section=since-last-report]");
  await page.getByRole("heading", { name: "Since the report of 10/01/2025" }).waitFor({ timeout: 60_000 });
  const text = await section.innerText();
  expect(text).toContain("+43 plans, worse");
  expect(text).toContain("-0.01 pp, better");
  expect(text).toContain("Green - On Track -> Amber - Off Track, worse");
  expect(text).toContain("Rescored 20 -> 16, better");
  expect(text).toContain("Completed (was on track)");
  expect(text).toContain("New data problem");
  await section.getByRole("button", { name: "Go to Workstreams!C2" }).click();
  const selection = () =>
    page.evaluate(() => (window as unknown as { __preview: { selection: unknown } }).__preview.selection);
  for (let i = 0; i < 100 && JSON.stringify(await selection()) === "null"; i++)
    await page.waitForTimeout(100);
  expect(await selection()).toEqual({ sheet: "Workstreams", address: "C2" });
  await section.screenshot({ path: join(OUT, "pane-since-last-report-450.png") });
  const axe = await new AxeBuilder({ page }).include("[data-section=since-last-report]").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("Settings' Compare with: the last refresh instead of the last report, saved and refreshed (screenshot saved)", async () => {
  const settings = page.locator("form", { has: page.getByLabel("Compare with") });
  await page.getByLabel("Compare with").scrollIntoViewIfNeeded();
  expect(await page.getByLabel("Compare with").inputValue()).toBe("previous_report");
  await page
    .getByLabel("Compare with")
    .selectOption({ label: "The last refresh, whatever its reporting date" });
  await settings.screenshot({ path: join(OUT, "pane-settings-compare-with-450.png") });
  await page.getByRole("button", { name: "Save settings and refresh" }).click();
  // The last refresh is this month's own: the same report, nothing moved since.
  await page.getByRole("heading", { name: "Since the report of 10/02/2025" }).waitFor({ timeout: 60_000 });
  const text = await page.locator("[data-section=since-last-report]").innerText();
  expect(text).not.toContain("+43 plans, worse");
  expect(text).not.toContain("Rescored 20 -> 16");
  expect(await page.getByLabel("Compare with").inputValue()).toBe("previous_refresh");
  const axe = await new AxeBuilder({ page }).include("form").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});
