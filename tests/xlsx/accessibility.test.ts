// The workbook the CLI writes for the sample, checked against the Accessibility Checker's rules a file lets us
// evaluate and the Analysis Function's checklist items that apply (tests/support/accessibility-check.ts); the same
// check on a workbook built to break each rule finds every break. docs/accessibility.md lists the rules.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runEngine } from "../../src/core/engine";
import { planSheets } from "../../src/layout";
import type { SheetPlan } from "../../src/layout/plan";
import { readXlsxFile } from "../../src/xlsx/read";
import { writePlanXlsx } from "../../src/xlsx/write";
import { checkAccessibility, type RuleResult } from "../support/accessibility-check";
import { ROOT, SAMPLE, runCli } from "../support/run-cli";

let results: RuleResult[];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ps-a11y-"));
  const out = join(dir, "summary.xlsx");
  const run = await runCli([SAMPLE, "--out", out, "--quiet"]);
  if (run.code !== 0) throw new Error(`The CLI failed: ${run.stderr}`);
  results = await checkAccessibility(new Uint8Array(readFileSync(out)));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const of = (id: string) => {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(`No rule ${id}`);
  return r;
};

describe("the sample's workbook, as the CLI writes it", () => {
  it("has no checker error: every chart has alt text saying what it shows, every table a header row, a title", () => {
    const errors = results.filter((r) => r.severity === "error");
    expect(errors.map((r) => r.id).sort()).toEqual(
      ["alt-text", "alt-text-describes", "table-headers", "workbook-title"].sort(),
    );
    expect(errors.flatMap((r) => r.findings)).toEqual([]);
    expect(of("alt-text").checked).toBe(9);
    expect(of("table-headers").checked).toBeGreaterThan(20);
  });

  it("has no warning either: no merged cell inside a table, meaningful sheet and table names, contrast, titles, links", () => {
    const warnings = results.filter((r) => r.severity === "warning");
    expect(warnings.length).toBeGreaterThanOrEqual(7);
    expect(warnings.filter((r) => r.findings.length > 0)).toEqual([]);
    expect(of("contrast").checked).toBeGreaterThan(1000);
    // A link from each contents row to its table (not to the contents itself), and one from the page to the sheet.
    expect(of("link-text").checked).toBe(of("table-headers").checked - 1 + 1);
  });

  it("docs/accessibility.md lists every rule the check runs", () => {
    const doc = readFileSync(join(ROOT, "docs", "accessibility.md"), "utf8");
    for (const r of results) expect(doc).toContain(`\`${r.id}\``);
  });
});

describe("the check finds each break", () => {
  it("in a workbook with bare chart alt text, a merge in a table, a default sheet name, low contrast and a bad link", async () => {
    const raw = await readXlsxFile(SAMPLE);
    const plan: SheetPlan = planSheets(runEngine(raw, { now: new Date("2025-01-08T09:30:00Z") }));
    const [page, data] = plan.sheets;
    page.charts[0].altText = page.charts[0].title;
    page.charts[1].altText = "chart2.png";
    const table = data.tables![1];
    const top = table.range.split(":")[0].replace(/\d+/, (n) => String(Number(n) + 1));
    const next = top.replace(/^A/, "B");
    data.merges.push(`${top}:${next}`);
    data.tables![2].name = "Table1";
    data.styles.push({ range: top, style: { font: { color: "#AAAAAA" }, fill: "#FFFFFF" } });
    data.links![0].target = { sheet: "summary", cell: "A1" };
    data.values[Number(/\d+/.exec(data.links![1].cell)![0]) - 1][0] = "'Portfolio Summary Data'!A1";
    page.name = "Sheet1";
    delete plan.properties;
    const found = await checkAccessibility(await writePlanXlsx(plan));
    const ids = (severity: string) =>
      found
        .filter((r) => r.severity === severity && r.findings.length > 0)
        .map((r) => r.id)
        .sort();
    expect(ids("error")).toEqual(["alt-text", "alt-text-describes", "workbook-title"]);
    expect(ids("warning")).toEqual([
      "contrast",
      "link-text",
      "merged-cells-in-tables",
      "sheet-names",
      "table-names",
    ]);
    expect(found.find((r) => r.id === "merged-cells-in-tables")?.findings).toEqual([
      `Portfolio Summary Data: ${table.name} ${top}:${next}`,
    ]);
  });
});
