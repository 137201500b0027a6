// Benchmark part: the CLI end to end on the sample tracker (process start, read, check, compute, JSON, page with
// charts), as a ratio to a bare ExcelJS read + write of the same file started the same way (tsx, new process).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { medianOf } from "./util";

const ROOT = join(__dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const SAMPLE = join(ROOT, "assets", "sample-tracker.xlsx");

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "ps-bench-cli-"));
  try {
    const cli = await medianOf(
      7,
      () =>
        execFileSync(
          TSX,
          ["src/cli/main.ts", SAMPLE, "--quiet", "--json", join(dir, "s.json"), "--out", join(dir, "s.xlsx")],
          { cwd: ROOT, stdio: "ignore" },
        ),
      { warmup: 1 },
    );
    const bare = await medianOf(
      7,
      () =>
        execFileSync(TSX, ["bench/bare-readwrite.ts", SAMPLE, join(dir, "bare.xlsx")], {
          cwd: ROOT,
          stdio: "ignore",
        }),
      { warmup: 1 },
    );
    return {
      description:
        "CLI on the sample (--json and --out) vs a bare ExcelJS read + write of the same file, each a new tsx process; median wall ms",
      cliMs: cli.medianMs,
      bareReadWriteMs: bare.medianMs,
      ratioToBare: Math.round((cli.medianMs / bare.medianMs) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
