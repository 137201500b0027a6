// Files that are not trackers, and a few hostile trackers run as a finance officer would run them (a real process):
// exit 2 with one plain sentence for a file that cannot be read, 0 or 1 with the listed problems otherwise.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BAD_TRACKERS, badTrackerBuffer, NOT_TRACKERS, compoundFile } from "../../scripts/make-bad-trackers";
import { EXIT_UNREADABLE, runCli } from "../../src/cli/main";
import { readXlsxBuffer, TrackerFileError } from "../../src/xlsx/read";
import { runCli as spawnCli } from "../support/run-cli";

const STACK_TRACE = /\n\s+at .*:\d+:\d+|node:internal|\.ts:\d+/;
const dir = mkdtempSync(join(tmpdir(), "ps-not-tracker-"));
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

jest.setTimeout(120_000);

async function pathFor(id: string): Promise<string> {
  const n = NOT_TRACKERS.find((x) => x.id === id)!;
  const path = join(dir, n.fileName);
  const bytes = await n.bytes();
  if (bytes !== null) writeFileSync(path, bytes);
  return path;
}

describe.each(NOT_TRACKERS.map((n) => [n.id, n] as const))("%s", (_id, n) => {
  it(`exits 2 with one clear sentence (${n.story})`, async () => {
    const path = await pathFor(n.id);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([path], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(EXIT_UNREADABLE);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    const sentence = err[0];
    expect(sentence).toMatch(n.message);
    // One sentence: a single line, ending in a full stop, naming the file the officer chose.
    expect(sentence).not.toContain("\n");
    expect(sentence).toMatch(/\.$/);
    expect(sentence).toContain(n.fileName);
    expect(sentence).not.toMatch(STACK_TRACE);
  });
});

describe("the password-protected and .xls stand-ins are real compound files", () => {
  it("carry the OLE signature and a directory naming their streams", () => {
    const bytes = compoundFile(["EncryptionInfo", "EncryptedPackage"]);
    expect([...bytes.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(Buffer.from(bytes).includes(Buffer.from("EncryptedPackage", "utf16le"))).toBe(true);
  });

  it("are told apart by the reader: a password, not an old format", async () => {
    await expect(readXlsxBuffer(compoundFile(["EncryptedPackage"]), "a.xlsx")).rejects.toThrow(
      /password-protected/,
    );
    await expect(readXlsxBuffer(compoundFile(["Workbook"]), "b.xls")).rejects.toBeInstanceOf(
      TrackerFileError,
    );
  });
});

describe("--quiet, as a scheduled job runs it", () => {
  it("prints nothing at all for a tracker with warnings but no errors", async () => {
    const t = BAD_TRACKERS.find((c) => c.id === "text-in-numbers")!;
    const path = join(dir, "quiet.xlsx");
    writeFileSync(path, await badTrackerBuffer(t));
    const lines: string[] = [];
    const code = await runCli([path, "--quiet"], { out: (x) => lines.push(x), err: (x) => lines.push(x) });
    expect(code).toBe(0);
    expect(lines).toEqual([]);
  });

  it("prints only the errors, with their cells, for a tracker that has them", async () => {
    const t = BAD_TRACKERS.find((c) => c.id === "required-column-missing")!;
    const path = join(dir, "quiet-errors.xlsx");
    writeFileSync(path, await badTrackerBuffer(t));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([path, "-q"], { out: (x) => out.push(x), err: (x) => err.push(x) });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join("\n")).toMatch(/Risk Register.*A1:I1|A1:I1.*Likelihood/s);
  });
});

describe("spawned, as a finance officer runs it", () => {
  const run = (args: string[]) => spawnCli(args, 90_000);

  it("a truncated file: exit 2, one sentence on stderr, nothing on stdout", async () => {
    const r = await run([await pathFor("truncated-xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it("a missing sheet: exit 1 with the problem listed, the tracker unchanged", async () => {
    const t = BAD_TRACKERS.find((c) => c.id === "missing-risk-register")!;
    const path = join(dir, "no risks.xlsx");
    writeFileSync(path, await badTrackerBuffer(t));
    const before = sha(path);
    const r = await run([path]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/Risk Register/);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(sha(path)).toBe(before);
  });

  it("Excel errors in every numeric column: exit 0 with the cells named, and a summary workbook written", async () => {
    const t = BAD_TRACKERS.find((c) => c.id === "excel-errors-in-numbers")!;
    const path = join(dir, "errors.xlsx");
    const out = join(dir, "errors-summary.xlsx");
    writeFileSync(path, await badTrackerBuffer(t));
    const before = sha(path);
    const r = await run([path, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/#N\/A/);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(sha(path)).toBe(before);
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
