// The task pane in a real browser: the preview page (pane + in-memory Excel + sample tracker) driven by Chromium.
import { AxeBuilder } from "@axe-core/playwright";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { OUT, ROOT, openPreview, until, type Browser, type Preview, type StaticServer } from "./support";

let preview: Preview;
let browser: Browser;
let server: StaticServer;
let page: Page;

type Selection = { sheet: string; address: string } | null;
/** Waits for a locator to be visible (Playwright's own expect is not installed; jest's does the rest). */
const visible = (locator: ReturnType<Page["locator"]>) =>
  locator.waitFor({ state: "visible", timeout: 10_000 });

const selection = () =>
  page.evaluate(() => (window as unknown as { __preview: { selection: Selection } }).__preview.selection);

beforeAll(async () => {
  preview = await openPreview();
  ({ browser, server, page } = preview);
}, 600_000);

afterAll(async () => {
  await preview?.close();
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

test("the pane reaches the in-memory Excel through Microsoft's Office.js client, as JSON requests", async () => {
  const seen = await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Office.js client"]');
    const client = (frame?.contentWindow as { Excel?: { RequestContext?: unknown } } | null)?.Excel;
    type Sim = { requests: { requestBytes: number; actions: number }[] };
    const sim = (window as unknown as { __preview: { sim: Sim } }).__preview.sim;
    return {
      client: typeof client?.RequestContext,
      requests: sim.requests.length,
      measured: sim.requests.every((r) => r.requestBytes > 0 && r.actions > 0),
    };
  });
  expect(seen).toEqual({ client: "function", requests: expect.any(Number), measured: true });
  expect(seen.requests).toBeGreaterThan(2);
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

test("the outlook shows where EHCPs end the year and what the gap costs, and Copy draft copies the draft (screenshot saved)", async () => {
  const outlook = page.getByRole("region", { name: "Outlook to Mar-25" });
  await visible(outlook);
  const ehcp = outlook.locator("[data-outlook=ehcp_count]");
  expect(await ehcp.innerText()).toContain("Projected Mar-25: 6,592 (low 6,497, high 6,677)");
  expect(await ehcp.innerText()).toContain("Trajectory Mar-25: 5,821; gap at the year end +771");
  expect(await ehcp.innerText()).toContain(
    "To be back on trajectory by Mar-25 the count would have to fall by 177 a month; it has risen by 80 a month over the last six months.",
  );
  expect(await outlook.locator("[data-outlook=demand_cost]").innerText()).toContain(
    "come to about £15.0m a year, in line with the HNB overspend of £14.99m above the goal (Q2 Forecast).",
  );
  const draft = outlook.getByRole("textbox", { name: "Draft narrative" });
  const text = await draft.inputValue();
  expect(text).toMatch(/^Overall, SEND Transformation is Amber\/Red\. There are 6,357 EHCPs/);
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await outlook.getByRole("button", { name: "Copy draft" }).click();
  await visible(outlook.getByText("Copied. Paste it into the tracker's narrative and edit it there."));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await page.setViewportSize({ width: 450, height: 1400 });
  await outlook.screenshot({ path: join(OUT, "pane-outlook-450.png") });
  await page.setViewportSize({ width: 1100, height: 900 });
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

// ---------------------------------------------------------------- a council's own layout: the mapping step
// A page of its own over the same build and browser: open a layout fixture with the preview's file input, check
// and complete the suggested mapping, save, refresh, and read the KPI cards.
describe("a council's own tracker layout, through the mapping step", () => {
  const LAYOUTS = join(ROOT, "tests/fixtures/layouts");
  const STEP = { name: "Match your tracker’s layout" };
  let own: Page;

  beforeAll(async () => {
    own = await preview.openPage({ width: 1100, height: 900 });
  });
  afterAll(async () => {
    await own?.close();
  });

  async function openTracker(name: string): Promise<void> {
    await own.locator("input[type=file]").setInputFiles(join(LAYOUTS, `${name}.xlsx`));
    await own.getByText(`${name}.xlsx`, { exact: true }).waitFor({ timeout: 10_000 });
  }

  async function saveAndReadKpis(): Promise<void> {
    await own.getByRole("button", { name: "Save mapping and refresh" }).click();
    await own.getByRole("heading", { name: "Overall RAG" }).waitFor({ timeout: 30_000 });
    const kpis = own.getByRole("list", { name: "Headline KPIs" });
    await visible(kpis.getByText("6,357", { exact: true }));
    await visible(kpis.getByText("£43.20m", { exact: true }));
    await visible(kpis.getByText("5.75%", { exact: true }));
    expect(await own.getByRole("heading", STEP).count()).toBe(0);
  }

  test("the sample tracker goes straight to results: no mapping step on opening or after a refresh", async () => {
    // Give the opening check (read the workbook, look for missing sheets) time to finish before looking.
    await own.waitForTimeout(1500);
    expect(await own.getByRole("heading", STEP).count()).toBe(0);
    await own.getByRole("button", { name: "Refresh summary" }).click();
    await own.getByRole("heading", { name: "Overall RAG" }).waitFor({ timeout: 30_000 });
    expect(await own.getByRole("heading", STEP).count()).toBe(0);
  });

  test("months across: the step opens by itself, the weak guess is checked, and the KPIs match the dashboard", async () => {
    await openTracker("months-across");
    const heading = own.getByRole("heading", STEP);
    await heading.waitFor({ timeout: 15_000 });
    await visible(own.getByText(/The workbook has no "SEND Monthly" sheet/));
    const where = own.getByLabel("Where SEND Monthly is");
    expect(await where.locator("option:checked").innerText()).toMatch(
      /^the "Monthly Dashboard Data" sheet, months across row 3 \(\d+% match\)$/,
    );
    expect(await own.getByLabel("Funded EHCPs (required)").inputValue()).toBe("EHCPs (funded)");
    const inmss = own.getByLabel("Placed in INMSS (optional)", { exact: true });
    expect(await own.locator(`[data-field=placedInInmss]`).innerText()).toContain("Check this");
    // Screenshots while the weak guess still shows its "Check" mark.
    for (const width of [320, 450]) {
      await own.setViewportSize({ width, height: 1600 });
      const pane = own.getByTestId("pane");
      expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      await own.getByTestId("mapping-step").screenshot({ path: join(OUT, `mapping-step-${width}.png`) });
    }
    await own.setViewportSize({ width: 1100, height: 900 });
    // A person confirms the guess from the keyboard: move off it and back with the arrow keys.
    await inmss.focus();
    await own.keyboard.press("ArrowDown");
    await own.keyboard.press("ArrowUp");
    expect(await inmss.inputValue()).toBe("Children in independent special schools");
    expect(await own.locator(`[data-field=placedInInmss]`).innerText()).toContain("Your choice.");
    await visible(
      own.getByRole("region", { name: /^SEND Monthly: the first 5 of 33 rows as they will be read$/ }),
    );
    await visible(own.getByText(/^Read this way: 0 errors,/));

    const results = await new AxeBuilder({ page: own }).include("[data-testid=mapping-step]").analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

    await saveAndReadKpis();
    // Saved in the workbook, so the next person to open the file reads it the same way.
    const saved = await own.evaluate(
      () =>
        (window as unknown as { __preview: { sim: { settings: Record<string, unknown> } } }).__preview.sim
          .settings["portfolioSummary.mapping"],
    );
    expect(saved).toMatchObject({
      version: 1,
      sections: { monthly: { source: { sheet: "Monthly Dashboard Data" }, layout: "months_across" } },
    });
  });

  test("one sheet per programme: the suggested sheets are accepted and the workstreams are all read", async () => {
    await openTracker("per-programme");
    await own.getByRole("heading", STEP).waitFor({ timeout: 15_000 });
    expect(await own.getByLabel("Where Workstreams is").locator("option:checked").innerText()).toMatch(
      /^one sheet per programme \("P2 Workstreams", "P3 Workstreams", "Adulthood", "P5 Workstreams", "P6 Workstreams"\)/,
    );
    expect(await own.getByLabel("Workstream (required)").inputValue()).toBe("Project");
    await saveAndReadKpis();
  });

  test("a risk register in an Excel table: the two key risks come through the mapping", async () => {
    await openTracker("risk-table");
    await own.getByRole("heading", STEP).waitFor({ timeout: 15_000 });
    expect(await own.getByLabel("Where Risk Register is").locator("option:checked").innerText()).toMatch(
      /^the table "tblSENDRisks" on the "Governance" sheet/,
    );
    expect(await own.getByLabel("Likelihood (1-5) (required)").inputValue()).toBe("Probability");
    await saveAndReadKpis();
    await visible(own.getByRole("heading", { name: "Key risks scoring 15 or more (2)" }));
  });
});
