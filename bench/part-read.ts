// Benchmark part: reading .xlsx files (src/xlsx/read.ts), each in a fresh process so its peak memory is its own:
// the sample, the 100x tracker, a tracker of about 1,000,000 filled cells (the stated limit), the sample with
// every sheet formatted to row 1,048,576, the sample with every row styled to column XFD, and a 1 GB zip bomb
// (time to refuse it). Figures: median wall time of the read, its CPU time, and the process's peak RSS.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formattedToLastColumn, formattedToLastRow, zipBomb } from "../scripts/make-reading-corpus";
import { MAX_FILLED_CELLS, MAX_PART_BYTES } from "../src/xlsx/limits";
import { generateTrackerXlsx } from "../tests/support/generate-tracker";

const ROOT = join(__dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const SAMPLE = join(ROOT, "assets", "sample-tracker.xlsx");

interface ReadFigures {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  filledCells: number;
  usedRangeCells: number;
  refused: string | null;
}

function readOnce(path: string): ReadFigures {
  const out = execFileSync(TSX, ["bench/read-one.ts", path], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as ReadFigures;
}

/** Median of `runs` fresh-process reads (by wall time), with the largest peak memory seen. */
function measure(
  path: string,
  runs: number,
): ReadFigures & { runs: number; fileKB: number; minWallMs: number } {
  const all = Array.from({ length: runs }, () => readOnce(path)).sort((a, b) => a.wallMs - b.wallMs);
  const mid = all[Math.floor(all.length / 2)];
  return {
    ...mid,
    peakRssMb: Math.max(...all.map((r) => r.peakRssMb)),
    minWallMs: all[0].wallMs,
    runs,
    fileKB: Math.round(statSync(path).size / 1024),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "ps-bench-read-"));
  try {
    const file = async (name: string, bytes: Promise<Uint8Array>) => {
      const path = join(dir, name);
      writeFileSync(path, await bytes);
      return path;
    };
    const x100 = await file("tracker-100x.xlsx", generateTrackerXlsx(100));
    const x400 = await file("tracker-400x.xlsx", generateTrackerXlsx(400));
    const rows = await file("formatted-to-last-row.xlsx", formattedToLastRow());
    const cols = await file("formatted-to-last-column.xlsx", formattedToLastColumn());
    const bomb = await file("zip-bomb.xlsx", zipBomb(1, false));
    const lyingBomb = await file("zip-bomb-lying.xlsx", zipBomb(1, true));
    return {
      description:
        "reading .xlsx (src/xlsx/read.ts) in a fresh process per read: the sample, the 100x and 400x trackers, the sample formatted to row 1,048,576 on every sheet, styled to column XFD on every row, and 1 GB zip bombs (honest and lying sizes); median wall ms of the read, CPU ms, peak RSS of the process (MB)",
      limits: { maxFilledCells: MAX_FILLED_CELLS, maxPartBytes: MAX_PART_BYTES },
      sample: measure(SAMPLE, 5),
      x100: measure(x100, 3),
      x400: measure(x400, 3),
      formattedToLastRow: measure(rows, 3),
      formattedToLastColumn: measure(cols, 3),
      zipBomb: measure(bomb, 3),
      zipBombLying: measure(lyingBomb, 3),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /part-read\.[cm]?[tj]s$/.test(process.argv[1]))
  void run().then((r) => console.log(JSON.stringify(r, null, 2)));
