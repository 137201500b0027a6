// Shared by the browser test and the pane benchmark: the shared production build, served on 127.0.0.1, and Chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ensureBuild } from "../support/production-build";
import { serve, type StaticServer } from "../../scripts/static-server";

export const ROOT = resolve(__dirname, "../..");
/** Where the browser tests keep their screenshots and reports. */
export const OUT = join(ROOT, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export { ensureBuild };

export { serve, type StaticServer };

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile; fails with a plain message when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH; ` +
        "the browser tests cannot run without it.",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "pane-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The browser preview (the pane, the in-memory Excel and the sample tracker), served from the shared build. */
export interface Preview {
  browser: Browser;
  server: StaticServer;
  /** The first page, its Refresh summary button ready. */
  page: Page;
  /** Another page of the preview (a workbook of its own), its Refresh summary button ready. */
  openPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds (once) and serves the preview, opens it in Chromium and waits for the pane. */
export async function openPreview(viewport?: { width: number; height: number }): Promise<Preview> {
  mkdirSync(OUT, { recursive: true });
  const dist = ensureBuild("test-output/browser-dist");
  const server = await serve(dist);
  const browser = await launchChromium();
  const openPage = async (size?: { width: number; height: number }): Promise<Page> => {
    const page = await browser.context.newPage();
    if (size) await page.setViewportSize(size);
    await page.goto(`${server.url}preview.html`);
    await page.getByRole("button", { name: "Refresh summary" }).waitFor({ timeout: 30_000 });
    return page;
  };
  const page = await openPage(viewport);
  return {
    browser,
    server,
    page,
    openPage,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Polls `check` every 50 ms until it holds; fails after `timeout` ms. */
export async function until(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("Timed out waiting for the page.");
    await new Promise((r) => setTimeout(r, 50));
  }
}
