// `npm run bench`: runs every bench/part-*.ts module (each exports `run()`), then writes bench/results.json with
// the machine, the date and each part's results. A part that fails is recorded with its error; the others still run.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeReports } from "./report";

interface BenchPart {
  run: () => Promise<Record<string, unknown>>;
}

export function partFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^part-[\w-]+\.ts$/.test(f))
    .sort();
}

export function machine() {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    // A busy machine slows every part; the load at the start says how far to trust the figures.
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

async function main(): Promise<void> {
  const dir = __dirname;
  const only = process.argv.slice(2);
  const files = partFiles(dir).filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
  const out = join(dir, "results.json");
  // `npm run bench -- engine` reruns one part; the other parts keep their previous results.
  const previous =
    only.length > 0 && existsSync(out)
      ? ((JSON.parse(readFileSync(out, "utf8")) as { parts?: Record<string, unknown> }).parts ?? {})
      : {};
  const parts: Record<string, unknown> = { ...previous };
  // The machine as the run starts: its load average is the one the parts met, not what they left behind.
  const atStart = machine();
  let failed = 0;
  for (const file of files) {
    const name = file.replace(/^part-/, "").replace(/\.ts$/, "");
    process.stdout.write(`bench: ${name} ... `);
    const started = Date.now();
    try {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as Partial<BenchPart> & {
        default?: BenchPart;
      };
      const runPart = mod.run ?? mod.default?.run;
      if (typeof runPart !== "function") throw new Error(`${file} does not export run()`);
      parts[name] = await runPart();
      process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (e) {
      failed++;
      parts[name] = { error: e instanceof Error ? e.message : String(e) };
      process.stdout.write(`FAILED: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  const results = { machine: atStart, date: new Date().toISOString(), parts };
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(parts, null, 2));
  writeReports(join(dir, ".."));
  console.log(`Wrote ${out}, docs/benchmarks.md and the README's table`);
  if (failed > 0) process.exitCode = 1;
}

if (process.argv[1] && /bench[\\/]run\.[cm]?[tj]s$/.test(process.argv[1])) void main();
