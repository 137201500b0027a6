// One .xlsx read in a fresh process, for bench/part-read.ts: prints the read's wall and CPU time, the process's
// peak memory (maxRSS, which includes Node itself) and what was read, or the refusal.
import { readXlsxFile, TrackerFileError } from "../src/xlsx/read";

async function main(): Promise<void> {
  const path = process.argv[2];
  const start = performance.now();
  const cpu = process.cpuUsage();
  let filledCells = 0;
  let usedRangeCells = 0;
  let refused: string | null = null;
  try {
    const raw = await readXlsxFile(path);
    for (const s of raw.sheets) {
      usedRangeCells += s.values.length * (s.values[0]?.length ?? 0);
      for (const row of s.values) for (const v of row) if (v !== "") filledCells++;
    }
  } catch (e) {
    if (!(e instanceof TrackerFileError)) throw e;
    refused = e.message;
  }
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((used.user + used.system) / 1000),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      filledCells,
      usedRangeCells,
      refused,
    }),
  );
}

void main();
