// The task pane in a real browser: the preview page (pane + in-memory Excel + sample tracker) driven by Chromium.
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT, ensureBuild, launchChromium, serve, type Browser, type StaticServer } from "./support";

const OUT = join(ROOT, "test-output");
let browser: Browser;
let server: StaticServer;
let page: Page;

type Selection = { sheet: string; address: string } | null;
/** Waits for a locator to be visible (Playwright's own expect is not installed; jest's does the rest). */
const visible = (locator: ReturnType<Page["locator"]>) =>
  locator.waitFor({ state: "visible", timeout: 10_000 });

async function until(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("Timed out waiting for the page.");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const selection = () =>
  page.evaluate(() => (window as unknown as { __preview: { selection: Selection } }).__preview.selection);

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const dist = ensureBuild("test-output/browser-dist");
  server = await serve(dist);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(`${server.url}preview.html`);
  await page.getByRole("button", { name: "Refresh summary" }).waitFor({ timeout: 30_000 });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the preview says plainly that it is not connected to Excel", async () => {
  await visible(page.getByText("Preview — not connected to Excel"));
});

test("Refresh summary on the sample tracker shows the dashboard's three headline figures", async () => {
  await page.getByRole("button", { name: "Refresh summary" }).click();
  await page.getByRole("heading", { name: "Overall RAG" }).waitFor({ timeout: 30_000 });
  const kpis = page.getByRole("list", { name: "Headline KPIs" });
  await visible(kpis.getByText("6,357", { exact: true }));
  await visible(kpis.getByText("£43.20m", { exact: true }));
  await visible(kpis.getByText("5.75%", { exact: true }));
  expect(await page.getByTestId("last-run").innerText()).toMatch(
    /^Last refreshed \d\d\/\d\d\/\d{4}, \d\d:\d\d \(run .+\)\.$/,
  );
});

test("the EHCP and overspend variances are flagged with their reasoning", async () => {
  const heading = page.getByRole("heading", { name: /^Flagged variances \(\d+\)$/ });
  await visible(heading);
  expect(await page.locator("[data-variance=ehcp_count]").innerText()).toContain("Variance +650");
  expect(await page.locator("[data-variance=hnb_overspend]").innerText()).toContain("Variance +£14.99m");
});

test("the data problems section is there with its count", async () => {
  await visible(page.getByRole("heading", { name: /^Data problems \(\d[\d,]*\)$/ }));
});

test("Show source and Go to cell move the workbook's selection to the cell named", async () => {
  const show = page
    .locator("[data-variance=ehcp_count]")
    .getByRole("button", { name: /^Show source / })
    .first();
  const ref = ((await show.textContent()) ?? "").replace(/^Show source /, "");
  await show.click();
  await until(async () => JSON.stringify(await selection()) !== "null");
  expect(await selection()).toEqual({ sheet: ref.split("!")[0], address: ref.split("!")[1] });
  await until(async () => (await page.getByTestId("name-box").innerText()) === `Selected: ${ref}`);
  await visible(page.locator("td[data-selected]").first());

  const goTo = page.getByRole("button", { name: /^Go to cell / }).first();
  if ((await goTo.count()) > 0) {
    const target = ((await goTo.textContent()) ?? "").replace(/^Go to cell\s*/, "");
    const [sheet, address] = [
      target.slice(0, target.lastIndexOf("!")),
      target.slice(target.lastIndexOf("!") + 1),
    ];
    await goTo.click();
    await until(async () => (await selection())?.address === address);
    expect(await selection()).toEqual({ sheet, address });
  }
});

test("raising the risk threshold to 20 leaves one key risk instead of two", async () => {
  await visible(page.getByRole("heading", { name: "Key risks scoring 15 or more (2)" }));
  const threshold = page.getByLabel("Risk threshold (score 1 to 25)");
  await threshold.fill("20");
  await page.getByRole("button", { name: "Save settings and refresh" }).click();
  await page.getByRole("heading", { name: "Key risks scoring 20 or more (1)" }).waitFor({ timeout: 30_000 });
  expect(await page.locator("[data-risk]").count()).toBe(1);
  // Saved in the workbook, so the next person to open it gets the same threshold.
  const saved = await page.evaluate(
    () =>
      (window as unknown as { __preview: { sim: { settings: Record<string, unknown> } } }).__preview.sim
        .settings,
  );
  expect(saved["portfolioSummary.settings"]).toEqual({ riskThreshold: 20 });
  await threshold.fill("");
  await page.getByRole("button", { name: "Save settings and refresh" }).click();
  await page.getByRole("heading", { name: "Key risks scoring 15 or more (2)" }).waitFor({ timeout: 30_000 });
});

test("the pane has no serious or critical accessibility violations (axe-core)", async () => {
  const results = await new AxeBuilder({ page }).include("[data-testid=pane]").analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("the whole pane can be worked from the keyboard: Tab reaches Refresh summary with a visible focus ring", async () => {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator("[data-testid=pane]").evaluate((el) => el.scrollIntoView());
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.textContent === "Refresh summary");
  }
  expect(reached).toBe(true);
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const after = getComputedStyle(el, "::after");
    const own = getComputedStyle(el);
    return `${own.outlineStyle}/${own.outlineWidth} ${after.borderStyle}/${after.borderWidth}`;
  });
  // Fluent draws its focus ring as an ::after border (or an outline); either way something is drawn.
  expect(outline).not.toBe("none/0px none/0px");
});

test.each([320, 450])(
  "at %i px wide the pane fits without sideways scrolling (screenshot saved)",
  async (width) => {
    await page.setViewportSize({ width, height: 1400 });
    const pane = page.getByTestId("pane");
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await pane.screenshot({ path: join(OUT, `pane-${width}.png`) });
  },
);
