// One production build of the add-in's pages per test run, shared by the build test, the browser tests and the
// pane benchmark. It is rebuilt only when a source is newer than it; a lock folder keeps two jest workers from
// building at once (the second waits for the first and then uses its build).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

/** Where the shared build goes, relative to the repository (ignored by git). */
const SHARED_BUILD = "test-output/browser-dist";

/** What a production build depends on: a change to any of these makes the next ensureBuild rebuild. */
const INPUTS = ["src", "assets", "webpack.config.js", "manifest.xml", "package-lock.json"];

/** The build's webpack output, kept beside it so a test can read what a cached build printed. */
const buildLogOf = (dir: string): string => `${dir}.log`;

/** Newest modification time under a path (file or folder), in ms. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Holds a lock folder while `work` runs; a lock older than `staleMs` is taken over (its builder died). */
function withLock<T>(lock: string, work: () => T, staleMs = 15 * 60_000): T {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > staleMs) rmSync(lock, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isFresh(dir: string): boolean {
  const marker = join(dir, "preview.html");
  if (!existsSync(marker) || !existsSync(buildLogOf(dir))) return false;
  const built = statSync(marker).mtimeMs;
  return built > Math.max(...INPUTS.map((p) => newest(join(ROOT, p))));
}

/**
 * A production build of the pages in `outDir` (relative to the repository), built once and reused while no
 * source, the sample tracker, the webpack config, the manifest or the lock file is newer than it.
 */
export function ensureBuild(outDir: string = SHARED_BUILD): string {
  const dir = join(ROOT, outDir);
  if (isFresh(dir)) return dir;
  return withLock(`${dir}.lock`, () => {
    if (isFresh(dir)) return dir; // another worker built it while this one waited
    rmSync(dir, { recursive: true, force: true });
    let output: string;
    try {
      output = execFileSync(
        process.execPath,
        [
          join(ROOT, "node_modules/webpack-cli/bin/cli.js"),
          "--mode",
          "production",
          "--env",
          `outDir=${outDir}`,
        ],
        { cwd: ROOT, stdio: "pipe", timeout: 600_000, encoding: "utf8" },
      );
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`The production build failed:\n${e.stdout ?? ""}${e.stderr ?? ""}${e.message}`);
    }
    if (!existsSync(join(dir, "preview.html")))
      throw new Error(`The build did not produce ${outDir}/preview.html.`);
    writeFileSync(buildLogOf(dir), output);
    return dir;
  });
}

/** What webpack printed for the build in `dir`. */
export const buildLog = (dir: string): string => readFileSync(buildLogOf(dir), "utf8");
