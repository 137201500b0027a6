// `npm test` and `npm run test:fast`: the type-check, the lint and jest, run side by side.
//
// tsc and eslint each use one core; run one after the other before jest they leave the second core idle for most
// of a minute. Started together with jest, the three share the machine's cores. Each check's output is printed
// whole when it ends (jest streams its own), and the run fails if any of them fails.
//
// jest (and its workers, which inherit the flag) runs with V8's garbage collector on the thread it collects for
// (--single-threaded-gc): with every core already busy, the collector's helper threads only add CPU (about a tenth
// of what the gateway and pane suites use). For eslint the flag made no difference that could be measured.
//
// jest's young generation may also grow to 32 MB a half (--max-semi-space-size=32, V8's default is 16 MB): the
// in-memory Excel builds whole workbooks that live a few syncs, and in a young generation of 16 MB much of that was
// copied by every scavenge before it died or was promoted. Measured on the corpus, shared-workbook and history
// suites run in one process: 42.6 s of CPU with the default, 36.0 s at 32 MB, 37.8 s at 64 MB. Not for eslint
// (no difference measured).
//
//   node scripts/check.mjs [--fast] [jest arguments ...]
//     --fast   jest.fast.config.js: every suite but the slow ones listed in jest.config.js
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** A package's script, run by this node with the flags given. */
const node = (script, ...flags) => ({
  command: process.execPath,
  prefix: [...flags, join(root, "node_modules", script)],
});
// TypeScript 7's native compiler, installed as the package typescript-7 (its bin is also named tsc, so it is called
// by its path). tsc 6 stays the "typescript" package that typescript-eslint and knip use through its API.
const tsc7 = node(join("typescript-7", "bin", "tsc"));
const eslint = node(join("eslint", "bin", "eslint.js"));
const jest = node(join("jest", "bin", "jest.js"), "--single-threaded-gc", "--max-semi-space-size=32");

const args = process.argv.slice(2);
const fast = args.includes("--fast");
const jestArgs = args.filter((a) => a !== "--fast");

const checks = [
  { name: "typecheck", ...tsc7, args: ["--noEmit", "-p", "tsconfig.json"], buffered: true },
  {
    name: "lint",
    ...eslint,
    args: ["--cache", "--cache-location", "node_modules/.cache/eslint/", "."],
    buffered: true,
  },
  {
    name: fast ? "jest (fast tier)" : "jest",
    ...jest,
    args: [...(fast ? ["-c", "jest.fast.config.js"] : []), ...jestArgs],
    buffered: false,
  },
];

function run(check) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(check.command, [...check.prefix, ...check.args], {
      cwd: root,
      stdio: check.buffered ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    const output = [];
    if (check.buffered) {
      child.stdout.on("data", (d) => output.push(d));
      child.stderr.on("data", (d) => output.push(d));
    }
    const finish = (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString().trimEnd();
      const verdict = code === 0 ? "passed" : `FAILED (exit ${code})`;
      process.stdout.write(`\n== ${check.name} ${verdict} in ${seconds} s\n${text ? `${text}\n` : ""}`);
      resolve({ name: check.name, ok: code === 0 });
    };
    child.on("error", (error) => {
      output.push(Buffer.from(String(error)));
      finish(127);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

const results = await Promise.all(checks.map(run));
const failed = results.filter((r) => !r.ok).map((r) => r.name);
process.stdout.write(failed.length ? `\nFailed: ${failed.join(", ")}\n` : "\nAll checks passed.\n");
process.exitCode = failed.length ? 1 : 0;
