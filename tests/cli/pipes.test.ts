// The real command line piped into a reader that stops early (`| head`): it must stop printing quietly, with
// no EPIPE stack trace, and still finish its work (the --json file is written).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBundle, ROOT, SAMPLE } from "../support/run-cli";

jest.setTimeout(120_000);

it("stops quietly when its output pipe closes, and still writes the JSON", async () => {
  const json = join(mkdtempSync(join(tmpdir(), "ps-pipe-")), "summary.json");
  const child = spawn(process.execPath, [cliBundle(), SAMPLE, "--json", json], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  // Like `head -1`: read the first piece of output, then close the pipe.
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
  expect(stderr).not.toMatch(/EPIPE|Error|at .*:\d+:\d+/);
  expect(code).toBe(0);
  expect(existsSync(json)).toBe(true);
});
