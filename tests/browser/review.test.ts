// The review in a real browser (issue 18): in the preview (pane + in-memory Excel + sample tracker), explain two of
// the six flagged variances (one from the keyboard alone) and acknowledge the Sep-24 INMSS warning, refresh, and
// read the page back from the in-memory workbook and the pane; refresh three more times and nothing is lost or
// duplicated; a person's edit on the notes sheet survives and wins. Screenshots of the pane while explaining.
import { AxeBuilder } from "@axe-core/playwright";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { OUT, openPreview, until as untilWithin, type Preview } from "./support";

let preview: Preview;
let page: Page;

const OVERSPEND =
  "Independent placements rose 12% on last year; a sufficiency plan goes to Schools Forum in February.";
const EHCPS = "Requests for assessment up 18% on last year; an extra assessment panel sits from January.";
const QUERY = "The dashboard rounded 5.845% up; the counts are right and the summary uses them.";
const NOTES = "Portfolio Summary Notes";

type Sim = {
  snapshot(name: string): { values: unknown[][] };
  sheetNames: string[];
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  exportXlsx(): Promise<Uint8Array>;
};

/** The summary sheet's text as the in-memory workbook holds it, one line a row. */
const pageText = (sheet = "Portfolio Summary") =>
  page.evaluate((name) => {
    const sim = (window as unknown as { __preview: { sim: Sim } }).__preview.sim;
    return sim
      .snapshot(name)
      .values.map((row) => row.filter((c) => c !== "").join(" | "))
      .join("\n");
  }, sheet);

const noteRows = () =>
  page.evaluate((name) => {
    const sim = (window as unknown as { __preview: { sim: Sim } }).__preview.sim;
    return sim.snapshot(name).values.filter((row) => row.some((c) => c !== ""));
  }, NOTES);

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Waits up to 30 s: a refresh over the whole sample takes longest here. */
const until = (check: () => Promise<boolean>, timeout = 30_000) => untilWithin(check, timeout);

/** Refresh summary, then wait for the new run (its id is in the header's last-run line). */
async function refresh(): Promise<void> {
  const lastRun = page.getByTestId("last-run");
  const before = await lastRun.innerText();
  await page.getByRole("button", { name: "Refresh summary" }).click();
  await until(async () => {
    const now = await lastRun.innerText();
    return now !== before && now.startsWith("Last refreshed");
  });
}

/** Presses Tab until the focused element's accessible name matches, as a keyboard user would. */
async function tabTo(name: RegExp, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "") : "";
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

beforeAll(async () => {
  preview = await openPreview();
  ({ page } = preview);
  await page.getByRole("button", { name: "Refresh summary" }).click();
  await page.getByRole("heading", { name: "Overall RAG" }).waitFor({ timeout: 30_000 });
}, 600_000);

afterAll(async () => {
  await preview?.close();
});

test("the header counts the explained variances: none yet", async () => {
  expect(await page.getByTestId("review-count").innerText()).toBe("0 of 6 flagged variances explained");
});

test("from the keyboard alone: Add explanation on the overspend, type it, save", async () => {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabTo(/^Add explanation for HNB Overspend 2024\/25$/);
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Explanation of HNB Overspend 2024/25" });
  await form.waitFor({ timeout: 10_000 });
  // Focus is in the explanation box.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
  await page.keyboard.type(OVERSPEND);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Head of SEND Finance"); // Owner
  // Due is left empty: Tab goes through its day, month and year and on to "Your name or role".
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(
      () => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent,
    );
    if (label === "Your name or role") break;
  }
  expect(
    await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent),
  ).toBe("Your name or role");
  await page.keyboard.type("Head of SEND Finance"); // By
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Save explanation");
  await page.keyboard.press("Enter");
  await form.waitFor({ state: "detached", timeout: 10_000 });
  expect(await page.locator("[data-variance=hnb_overspend]").innerText()).toContain(
    `Explained by Head of SEND Finance, `,
  );
  expect(await page.getByTestId("review-count").innerText()).toBe("1 of 6 flagged variances explained");
});

test("a second explanation, with a due date; the pane while explaining at 320 and 450 px (screenshots saved)", async () => {
  const card = page.locator("[data-variance=ehcp_count]");
  await card.getByRole("button", { name: "Add explanation for Number of EHCPs" }).click();
  const form = page.getByRole("form", { name: "Explanation of Number of EHCPs" });
  await form.getByLabel(/^Explanation/).fill(EHCPS);
  await form.getByLabel(/^Owner/).fill("SEND Service Manager");
  await form.getByLabel(/^Due/).fill("2025-02-28");
  // The name given with the last note is filled in.
  expect(await form.getByLabel("Your name or role").inputValue()).toBe("Head of SEND Finance");
  await form.getByLabel("Your name or role").fill("SEND Service Manager");
  for (const width of [320, 450]) {
    await page.setViewportSize({ width, height: 1400 });
    await card.scrollIntoViewIfNeeded();
    const pane = page.getByTestId("pane");
    expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUT, `pane-explaining-${width}.png`) });
  }
  // axe with the form open.
  const results = await new AxeBuilder({ page }).include("[data-testid=pane]").analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await page.setViewportSize({ width: 1100, height: 900 });
  await form.getByRole("button", { name: "Save explanation" }).click();
  await form.waitFor({ state: "detached", timeout: 10_000 });
  expect(await card.innerText()).toContain(`Owner: SEND Service Manager. Due 28/02/2025.`);
});

test("from the keyboard alone: the Sep-24 INMSS warning is acknowledged with a reason and moves to Known and explained", async () => {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabTo(/^Acknowledge the query at SEND Monthly!O34$/);
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Acknowledge the query at SEND Monthly!O34" });
  await form.waitFor({ timeout: 10_000 });
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
  await page.keyboard.type(QUERY);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Data Officer");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Save as known");
  await page.keyboard.press("Enter");
  await form.waitFor({ state: "detached", timeout: 10_000 });
  const known = page.getByRole("region", { name: "Known and explained (1)" });
  await known.waitFor({ timeout: 10_000 });
  expect(await known.innerText()).toContain(`Known and explained by Data Officer, `);
  expect(await known.innerText()).toContain("SEND Monthly!O34");
  // Errors cannot be acknowledged: only warnings carry the button.
  expect(await page.getByRole("button", { name: /^Acknowledge the query at / }).count()).toBe(0);
});

test("after a refresh the page, read back from the in-memory workbook, and the pane show both explanations and the known query", async () => {
  await refresh();
  const text = await pageText();
  expect(text).toContain("2 of 6 flagged variances explained.");
  expect(text).toMatch(
    new RegExp(
      `Explained by Head of SEND Finance, \\d\\d/\\d\\d/\\d{4}: ${OVERSPEND.replace(/[.%;]/g, "\\$&")} Owner: Head of SEND Finance\\.`,
    ),
  );
  expect(text).toContain(`: ${EHCPS} Owner: SEND Service Manager. Due 28/02/2025.`);
  expect(text).toContain("Known and explained");
  expect(text).toContain(`: ${QUERY}`);
  expect(text).toContain("1 warning known and explained (below).");
  expect(await page.getByTestId("review-count").innerText()).toBe(
    "2 of 6 flagged variances explained · 1 known data query",
  );
  expect(await page.locator("[data-variance=hnb_overspend]").innerText()).toContain(OVERSPEND);
  expect(await page.locator("[data-variance=ehcp_count]").innerText()).toContain(EHCPS);
  expect(await page.getByRole("region", { name: "Known and explained (1)" }).innerText()).toContain(QUERY);
  await page.setViewportSize({ width: 450, height: 900 });
  await page.getByTestId("pane").screenshot({ path: join(OUT, "pane-reviewed-450.png") });
  await page.setViewportSize({ width: 1100, height: 900 });
  // The workbook as a file, for LibreOffice to render and a person to look at.
  const bytes = await page.evaluate(async () => {
    const sim = (window as unknown as { __preview: { sim: Sim } }).__preview.sim;
    return Array.from(await sim.exportXlsx());
  });
  writeFileSync(join(OUT, "review-preview.xlsx"), Buffer.from(bytes));
});

test("three more refreshes: nothing lost, nothing duplicated", async () => {
  const before = await noteRows();
  expect(before).toHaveLength(4); // the header and three notes
  for (let i = 0; i < 3; i++) await refresh();
  expect(await noteRows()).toEqual(before);
  const text = await pageText();
  expect(occurrences(text, OVERSPEND)).toBe(1);
  expect(occurrences(text, EHCPS)).toBe(1);
  expect(occurrences(text, QUERY)).toBe(1);
  expect(await page.locator("[data-variance=hnb_overspend]").innerText()).toContain(OVERSPEND);
});

test("a person's edit to a note on the notes sheet survives and wins over a pane that had not seen it", async () => {
  const edited = "Placements up 12%; the plan goes to Schools Forum on 20 February (moved from 6 February).";
  // The person edits the overspend's explanation in Excel (the notes sheet's Explanation column).
  const row = (await noteRows()).findIndex((r) => r[2] === "hnb_overspend");
  expect(row).toBeGreaterThan(0);
  await page.evaluate(
    async ({ name, address, text }) => {
      const sim = (window as unknown as { __preview: { sim: Sim } }).__preview.sim;
      await sim.run(async (context) => {
        context.workbook.worksheets.getItem(name).getRange(address).values = [[text]];
        await context.sync();
      });
    },
    { name: NOTES, address: `E${row + 1}`, text: edited },
  );
  // The pane still shows the old text; an edit from it is refused and the person's text shown.
  const card = page.locator("[data-variance=hnb_overspend]");
  await card.getByRole("button", { name: "Edit explanation for HNB Overspend 2024/25" }).click();
  const form = page.getByRole("form", { name: "Explanation of HNB Overspend 2024/25" });
  await form.getByLabel(/^Explanation/).fill("A pane's stale version.");
  await form.getByRole("button", { name: "Save explanation" }).click();
  await form.getByRole("alert").waitFor({ timeout: 10_000 });
  expect(await form.getByRole("alert").innerText()).toContain(
    'This note was changed on the "Portfolio Summary Notes" sheet since the pane showed it',
  );
  await form.getByRole("button", { name: "Cancel" }).click();
  expect(await card.innerText()).toContain(edited);
  expect((await noteRows())[row][4]).toBe(edited);
  // And the refreshed page shows the person's text, once.
  await refresh();
  const text = await pageText();
  expect(occurrences(text, edited)).toBe(1);
  expect(text).not.toContain(OVERSPEND);
  expect(text).not.toContain("A pane's stale version.");
  expect(await noteRows()).toHaveLength(4);
});
