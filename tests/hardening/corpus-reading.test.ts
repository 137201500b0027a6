// The committed reading corpus (tests/hardening/corpus/, made by scripts/make-reading-corpus.ts) through the CLI,
// and the column mapping the add-in saves in the workbook read back by the CLI.
import { join } from "node:path";
import { CORPUS_DIR } from "../../scripts/make-reading-corpus";
import { cli, figures, readingCorpusSuite } from "./corpus-support";

jest.setTimeout(120_000);

readingCorpusSuite(false);

it("a stale saved mapping without --mapping is reported, not silently used", async () => {
  const run = await cli([join(CORPUS_DIR, "months-across-with-stale-mapping.xlsx")]);
  expect(run.code).toBe(1);
  expect(
    run.summary!.issues.some((i) => i.severity === "error" && /Monthly Data \(old\)/.test(i.message)),
  ).toBe(true);
});

it("the mapping saved in the workbook gives the same summary as the same mapping passed with --mapping", async () => {
  const saved = await cli([join(CORPUS_DIR, "months-across-with-saved-mapping.xlsx")]);
  const passed = await cli([
    join(CORPUS_DIR, "months-across-with-saved-mapping.xlsx"),
    "--mapping",
    join(CORPUS_DIR, "months-across.mapping.json"),
  ]);
  expect(saved.code).toBe(0);
  expect(figures(saved.summary!)).toEqual(figures(passed.summary!));
  expect(saved.summary!.issues).toEqual(passed.summary!.issues);
});
