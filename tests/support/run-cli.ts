// Runs the real command line (src/cli/main.ts through tsx) as a child process, as a finance officer or a scheduled
// job would, and hands back its exit status and output for the CLI tests to judge.
import { execFile } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const SAMPLE = join(ROOT, "assets", "sample-tracker.xlsx");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = join(ROOT, "src", "cli", "main.ts");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI with these arguments, run from the project root; a crash or time-out reports exit code -1. */
export function runCli(args: string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((done) => {
    execFile(TSX, [MAIN, ...args], { cwd: ROOT, timeout: timeoutMs }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}
