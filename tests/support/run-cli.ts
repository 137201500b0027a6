// Runs the real command line (src/cli/main.ts) as a child process, as a finance officer or a scheduled job would,
// and hands back its exit status and output for the CLI tests to judge. The CLI is bundled once per run with
// esbuild (the transformer tsx uses), its packages included, and run by plain node: the same code as
// `npm run summary`, without tsx compiling every module again in each of the tests' spawns, and without node
// resolving and compiling ExcelJS's few hundred files in each (a spawn takes about half the CPU it did).
// One test (tests/cli/cli.test.ts) runs `npm run summary` itself, through tsx, as the README says.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const SAMPLE = join(ROOT, "assets", "sample-tracker.xlsx");
const MAIN = join(ROOT, "src", "cli", "main.ts");
const BUNDLE_DIR = join(ROOT, "test-output", "cli");
const BUNDLE = join(BUNDLE_DIR, "main.cjs");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Newest modification time of the TypeScript under `dir`, in ms. */
function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((m, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(m, newestSource(path));
    return /\.tsx?$/.test(entry.name) ? Math.max(m, statSync(path).mtimeMs) : m;
  }, 0);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The bundled CLI, rebuilt when a source under src/ or the lock file is newer; one builder at a time. */
export function cliBundle(): string {
  const fresh = () =>
    existsSync(BUNDLE) &&
    statSync(BUNDLE).mtimeMs >
      Math.max(newestSource(join(ROOT, "src")), statSync(join(ROOT, "package-lock.json")).mtimeMs);
  if (fresh()) return BUNDLE;
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  const lock = `${BUNDLE_DIR}.lock`;
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true }); // its builder died
      sleep(100);
    }
  }
  try {
    if (!fresh()) {
      execFileSync(
        join(ROOT, "node_modules", ".bin", "esbuild"),
        [
          MAIN,
          "--bundle",
          "--platform=node",
          "--target=node20",
          "--log-level=warning",
          `--outfile=${BUNDLE}`,
        ],
        { cwd: ROOT, stdio: "pipe" },
      );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return BUNDLE;
}

/** The CLI with these arguments, run from the project root; a crash or time-out reports exit code -1. */
export function runCli(args: string[], timeoutMs = 60_000): Promise<CliRun> {
  const bundle = cliBundle();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bundle, ...args],
      { cwd: ROOT, timeout: timeoutMs },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

/** `npm run summary -- <args>` exactly as the README gives it (through tsx). */
export function runNpmSummary(args: string[], timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      "npm",
      ["run", "-s", "summary", "--", ...args],
      { cwd: ROOT, timeout: timeoutMs },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}
