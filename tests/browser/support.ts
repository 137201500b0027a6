// Shared by the browser test and the pane benchmark: build the pages once, serve them on 127.0.0.1, start Chromium.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const ROOT = resolve(__dirname, "../..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Newest modification time under a path (file or folder), in ms. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

/**
 * A production build of the pages in `outDir` (relative to the repository), rebuilt only when a source,
 * the sample tracker or the webpack config is newer than the build.
 */
export function ensureBuild(outDir: string): string {
  const dir = join(ROOT, outDir);
  const built = existsSync(join(dir, "preview.html")) ? statSync(join(dir, "preview.html")).mtimeMs : 0;
  const inputs = ["src", "tests/support/excel-sim", "assets", "webpack.config.js", "manifest.xml"].map((p) =>
    newest(join(ROOT, p)),
  );
  if (built > Math.max(...inputs)) return dir;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outDir=${outDir}`],
    { cwd: ROOT, stdio: "pipe", timeout: 600_000 },
  );
  if (!existsSync(join(dir, "preview.html")))
    throw new Error(`The build did not produce ${outDir}/preview.html.`);
  return dir;
}

export { serve, type StaticServer } from "../../scripts/static-server";

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
