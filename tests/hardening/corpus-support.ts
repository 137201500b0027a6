// Shared by the two reading-corpus suites. The reading corpus (scripts/make-reading-corpus.ts) through the CLI: the sample tracker encoded every valid way
// programs write .xlsx must give the sample's summary exactly, or the issues a user would expect; files that are
// not .xlsx are refused in one sentence naming what they are. Big files (formatted to the last row or column,
// zip bombs) are built here at run time; the rest are committed in tests/hardening/corpus/.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CORPUS_DIR,
  READING_CASES,
  readingCases,
  SAMPLE_PATH,
  type ExpectedIssue,
  type ReadingCase,
} from "../../scripts/make-reading-corpus";
import { runCli } from "../../src/cli/main";
import type { Issue, PortfolioSummary } from "../../src/core/model";

const NOW = new Date("2025-01-08T09:30:00Z");
const STACK_TRACE = /\n\s+at .*:\d+:\d+|node:internal|\.ts:\d+/;
const dir = mkdtempSync(join(tmpdir(), "ps-reading-"));
const LAYOUTS = join(__dirname, "..", "fixtures", "layouts");

interface Run {
  code: number;
  out: string;
  err: string;
  summary: PortfolioSummary | null;
}

let runs = 0;
export async function cli(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const json = join(dir, `run-${++runs}.json`);
  const code = await runCli(
    [...args, "--json", json],
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    { now: NOW },
  );
  let summary: PortfolioSummary | null = null;
  try {
    summary = JSON.parse(readFileSync(json, "utf8")) as PortfolioSummary;
  } catch {
    summary = null;
  }
  return { code, out: out.join("\n"), err: err.join("\n"), summary };
}

/** Everything the summary says, less when and from which file it was made. */
export function figures(s: PortfolioSummary): Partial<PortfolioSummary> {
  const rest: Partial<PortfolioSummary> = { ...s };
  for (const k of ["generatedAt", "source", "issues", "issueCounts"] as const) delete rest[k];
  // What the history records of this refresh and the review's open counts follow the issues too.
  if (s.history) rest.history = { ...s.history, current: { ...s.history.current, issues: [] } };
  if (s.review) rest.review = { ...s.review, openIssueCounts: { error: 0, warning: 0, info: 0 } };
  return rest;
}

const key = (i: Pick<Issue, "code" | "sheet" | "cell">) => `${i.code} @ ${i.sheet}!${i.cell}`;

const references = new Map<string, Run>();
async function reference(mapping?: string): Promise<Run> {
  const id = mapping ?? "sample";
  if (!references.has(id))
    references.set(
      id,
      await cli(
        mapping
          ? [join(LAYOUTS, `${mapping}.xlsx`), "--mapping", join(LAYOUTS, `${mapping}.mapping.json`)]
          : [SAMPLE_PATH],
      ),
    );
  return references.get(id)!;
}

let cases: ReadingCase[] = [];

async function fileFor(c: ReadingCase): Promise<string> {
  if (!c.large) return join(CORPUS_DIR, c.file);
  const path = join(dir, c.file);
  writeFileSync(path, await c.build());
  return path;
}

// The list is static; one case's expected issues need the sample, so readingCases() completes it in beforeAll.
/** One describe per case: the committed ones (`large` false) or the ones built at run time (`large` true). */
export function readingCorpusSuite(large: boolean): void {
  describe.each(READING_CASES.filter((c) => Boolean(c.large) === large).map((c) => [c.id, c] as const))(
    "%s",
    (_id, listed) => {
      let c: ReadingCase;
      let path: string;
      let run: Run;
      let hashBefore: string;

      beforeAll(async () => {
        if (cases.length === 0) cases = await readingCases();
        c = cases.find((x) => x.id === listed.id)!;
        path = await fileFor(c);
        hashBefore = createHash("sha256").update(readFileSync(path)).digest("hex");
        const extra = (c.args ?? []).flatMap((a) => ["--mapping", join(CORPUS_DIR, a)]);
        run = await cli([path, ...extra]);
      });

      it(`gives what a user expects (${listed.story})`, async () => {
        const e = c.expect;
        expect(run.out + run.err).not.toMatch(STACK_TRACE);
        if (e.kind === "refused") {
          expect(run.code).toBe(2);
          expect(run.err).toMatch(e.message);
          expect(run.err.split("\n")).toHaveLength(1);
          expect(run.err).toContain(c.file);
          return;
        }
        expect(run.summary).not.toBeNull();
        const s = run.summary!;
        if (e.kind === "errors") {
          expect(run.code).toBe(1);
          const got = s.issues.map(key);
          for (const want of e.issues) expect(got).toContain(key(want));
          for (const want of e.issues.filter((i) => i.severity))
            expect(s.issues.find((i) => key(i) === key(want))?.severity).toBe(want.severity);
          return;
        }
        const ref = await reference(e.mapping);
        // Sources and issues name the sheet as this file names it.
        const rename = (x: unknown): unknown =>
          e.renamed
            ? (JSON.parse(
                Object.entries(e.renamed).reduce(
                  (text, [from, to]) =>
                    text.split(`"sheet":${JSON.stringify(from)}`).join(`"sheet":${JSON.stringify(to)}`),
                  JSON.stringify(x),
                ),
              ) as unknown)
            : x;
        expect(run.code).toBe(ref.code);
        expect(figures(s)).toEqual(rename(figures(ref.summary!)));
        if (e.issues === undefined) {
          expect(s.issues).toEqual(rename(ref.summary!.issues));
        } else {
          // The encoding changes the issues: exactly these, plus the sample's that do not concern those cells.
          const wanted: ExpectedIssue[] = e.issues;
          const got = s.issues.map(key).sort();
          const cells = new Set(wanted.map((w) => `${w.sheet}!${w.cell}`));
          const kept = ref.summary!.issues.filter((i) => !cells.has(`${i.sheet}!${i.cell}`)).map(key);
          expect(got).toEqual([...kept, ...wanted.map(key)].sort());
          for (const w of wanted) expect(s.issues.find((i) => key(i) === key(w))?.severity).toBe(w.severity);
        }
      });

      it("leaves the file as it was", () => {
        expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(hashBefore);
      });
    },
  );
}
