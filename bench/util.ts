// Timing helpers shared by the benchmark parts: medians after warm-up, so one slow run (GC, JIT) does not decide.
import { performance } from "node:perf_hooks";

export interface Timing {
  /** Median wall time of the measured runs, in milliseconds. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Measured runs (warm-up runs excluded). */
  runs: number;
}

export interface MedianOptions {
  /** Unmeasured runs first, so the JIT has compiled the hot paths. Default 2. */
  warmup?: number;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured, and returns the median and range. */
export async function medianOf(
  runs: number,
  fn: () => unknown | Promise<unknown>,
  options: MedianOptions = {},
): Promise<Timing> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`medianOf needs at least one run (got ${runs})`);
  for (let i = 0; i < (options.warmup ?? 2); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { medianMs: round(median), minMs: round(times[0]), maxMs: round(times[times.length - 1]), runs };
}
