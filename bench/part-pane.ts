// Benchmark of the task pane: production JavaScript size (gzip), first render in headless Chromium, and
// click-Refresh-to-results time on the sample tracker in the browser preview. Medians of several runs.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuild, launchChromium, serve } from "../tests/browser/support";

const RUNS = 5;
/** The task pane's JavaScript budget, gzip. */
export const BUDGET_GZIP_BYTES = 160 * 1024;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Local scripts taskpane.html loads (office.js comes from Microsoft's CDN and is not ours to count). */
function paneScripts(dist: string): string[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const local = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const present = new Set(readdirSync(dist));
  return local.filter((src) => present.has(src));
}

export async function run(): Promise<Record<string, unknown>> {
  const dist = ensureBuild("test-output/browser-dist");
  const scripts = paneScripts(dist);
  const gzipBytes = scripts.reduce(
    (n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length,
    0,
  );
  const rawBytes = scripts.reduce((n, f) => n + readFileSync(join(dist, f)).length, 0);
  // Chunks loaded on demand (the mapping step, the layout and writer at the first refresh): not in the pane's first
  // load, but part of what it may fetch. The other pages (the ribbon's, its report dialog, the preview) are not.
  const lazyChunks = readdirSync(dist).filter(
    (f) => f.endsWith(".js") && !/^(taskpane|commands|report|preview)\./.test(f),
  );
  const lazyGzipBytes = lazyChunks.reduce(
    (n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length,
    0,
  );

  const server = await serve(dist);
  const browser = await launchChromium();
  const firstRender: number[] = [];
  const refresh: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}preview.html`);
      const button = page.getByRole("button", { name: "Refresh summary" });
      await button.waitFor({ timeout: 60_000 });
      // Milliseconds from navigation start to the pane's first useful paint (sample loaded, pane rendered).
      firstRender.push(await page.evaluate(() => performance.now()));
      const started = Date.now();
      await button.click();
      await page.getByRole("heading", { name: "Overall RAG" }).waitFor({ timeout: 60_000 });
      refresh.push(Date.now() - started);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    description:
      "production task pane JavaScript (gzip) from dist/, and in headless Chromium on the preview: first render and click Refresh summary -> results on the sample, medians",
    taskpaneScripts: scripts,
    taskpaneJsBytes: rawBytes,
    taskpaneJsGzipBytes: gzipBytes,
    taskpaneJsGzipKB: Number((gzipBytes / 1024).toFixed(1)),
    budgetGzipKB: BUDGET_GZIP_BYTES / 1024,
    withinBudget: gzipBytes <= BUDGET_GZIP_BYTES,
    lazyChunks,
    lazyChunksGzipKB: Number((lazyGzipBytes / 1024).toFixed(1)),
    runs: RUNS,
    previewFirstRenderMsMedian: Math.round(median(firstRender)),
    refreshToResultsMsMedian: Math.round(median(refresh)),
    previewFirstRenderMs: firstRender.map(Math.round),
    refreshToResultsMs: refresh,
  };
}

if (require.main === module) {
  run().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
