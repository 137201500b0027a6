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
import { cellAddress as cellAddressOf, parseRangeAddress } from "../../src/core/a1";
import {
  cellTexts,
  checkAccessibility,
  type RuleResult,
  type TableRegion,
} from "../support/accessibility-check";
import { ROOT, SAMPLE, runCli } from "../support/run-cli";

let results: RuleResult[];
let dir: string;
/** The sample's plan, made here as the CLI makes it: it says where the page draws its tables. */
let samplePlan: SheetPlan;
let regions: TableRegion[];
let texts: Map<string, Map<string, string>>;

/** The page's table regions, on their sheets' names. */
const regionsOf = (p: SheetPlan): TableRegion[] =>
  p.sheets.flatMap((s) => (s.tableRegions ?? []).map((r) => ({ sheet: s.name, name: r.name, ref: r.range })));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ps-a11y-"));
  const out = join(dir, "summary.xlsx");
  const run = await runCli([SAMPLE, "--out", out, "--quiet"]);
  if (run.code !== 0) throw new Error(`The CLI failed: ${run.stderr}`);
  const raw = await readXlsxFile(SAMPLE);
  samplePlan = planSheets(runEngine(raw, { now: new Date("2025-01-08T09:30:00Z") }));
  regions = regionsOf(samplePlan);
  const bytes = new Uint8Array(readFileSync(out));
  texts = await cellTexts(bytes);
  results = await checkAccessibility(bytes, regions);
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

  it("knows where the page draws its tables: every table region's cells hold, in the CLI's file, the plan's text", () => {
    const page = samplePlan.sheets[0];
    expect(regions.length).toBeGreaterThan(20);
    for (const region of regions) {
      const r = parseRangeAddress(region.ref)!;
      const shown = texts.get(region.sheet)!;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const v = page.values[row]?.[col];
          if (typeof v === "string")
            expect([region.name, shown.get(cellAddressOf(row, col))]).toEqual([region.name, v]);
        }
    }
  });

  it("has no merged cell inside a table on either sheet", () => {
    const merged = of("merged-cells-in-tables");
    expect(merged.checked).toBe(of("table-headers").checked + regions.length);
    // The page's tables put their wrapping text in single wide columns of the page's grid
    // (docs/page-layout.md#merged-cells): of the 218 merges the sample's page tables once had, none is left.
    expect(merged.findings).toEqual([]);
    // And the page still merges elsewhere only where it says why (tiles, paragraphs across the page, the link).
    expect(samplePlan.sheets[0].merges.length).toBeLessThanOrEqual(32);
  });

  it("has no other warning: meaningful sheet and table names, contrast, titles, links", () => {
    const warnings = results.filter((r) => r.severity === "warning" && r.id !== "merged-cells-in-tables");
    expect(warnings.length).toBeGreaterThanOrEqual(6);
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
    // And on the page: the workstream status table's first header, now one cell running on into two, merged.
    const status = page.tableRegions!.find((r) => r.name === "tblWorkstreamStatus")!;
    const header = parseRangeAddress(status.range)!;
    const pageMerge = `${cellAddressOf(header.top, 0)}:${cellAddressOf(header.top, 2)}`;
    page.merges.push(pageMerge);
    data.tables![2].name = "Table1";
    data.styles.push({ range: top, style: { font: { color: "#AAAAAA" }, fill: "#FFFFFF" } });
    data.links![0].target = { sheet: "summary", cell: "A1" };
    data.values[Number(/\d+/.exec(data.links![1].cell)![0]) - 1][0] = "'Portfolio Summary Data'!A1";
    page.name = "Sheet1";
    delete plan.properties;
    const found = await checkAccessibility(await writePlanXlsx(plan), regionsOf(plan));
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
    const merged = found.find((r) => r.id === "merged-cells-in-tables")?.findings ?? [];
    expect(merged).toContain(`Portfolio Summary Data: ${table.name} ${top}:${next}`);
    expect(merged).toContain(`Sheet1: tblWorkstreamStatus ${pageMerge}`);
  });
});
