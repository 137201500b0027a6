// Writing a sheet plan into the live workbook: what the plan says is what Excel holds, in two syncs.
import type { PlannedSheet, SheetPlan } from "../../src/layout/plan";
import { applyPlan } from "../../src/excel/apply-plan";
import { coalesceStyles, widthCharsToPoints } from "../../src/excel/render";
import { parseRange } from "../../src/core/a1";
import { ExcelSim } from "../support/excel-sim";
import { planFixture } from "../support/plan-fixture";

function sheet(partial: Partial<PlannedSheet> & Pick<PlannedSheet, "key" | "name">): PlannedSheet {
  return {
    values: [],
    numberFormats: [],
    styles: [],
    merges: [],
    columnWidths: [],
    rowHeights: [],
    conditionalFormats: [],
    charts: [],
    showGridlines: false,
    ...partial,
  };
}

const RISKY_TEXT = [
  '=HYPERLINK("http://example.invalid","x")',
  "@SUM(A1)",
  "+44",
  "-x",
  "00123",
  "07/01/2025",
];

describe("applying a sheet plan", () => {
  it("text that looks like a formula, number or date stays exactly that text", async () => {
    const sim = new ExcelSim();
    const plan: SheetPlan = {
      sheets: [sheet({ key: "summary", name: "Portfolio Summary", values: RISKY_TEXT.map((t) => [t]) })],
    };
    const result = await sim.run((context) => applyPlan(context, plan));
    expect(result.ok).toBe(true);
    const snap = sim.snapshot("Portfolio Summary");
    expect(snap.values.map((row) => row[0])).toEqual(RISKY_TEXT);
    expect(snap.formulas).toEqual({});
    expect(RISKY_TEXT.map((_, r) => snap.cells[`A${r + 1}`].valueType)).toEqual(
      RISKY_TEXT.map(() => "String"),
    );
  });

  it("writes the sample plan in two syncs, every request under 5 MB", async () => {
    const sim = new ExcelSim();
    // The refresh passes the sheets its read found; here the workbook holds only Excel's own Sheet1.
    const inventory = [{ name: "Sheet1", position: 0, properties: {} }];
    const result = await sim.run((context) => applyPlan(context, planFixture(), { inventory }));
    expect(result).toMatchObject({ ok: true, syncs: 2 });
    expect(sim.syncCount).toBe(2);
    // Without them, the writer first lists the sheets and their marks: two syncs more.
    const again = await sim.run((context) => applyPlan(context, planFixture()));
    expect(again).toMatchObject({ ok: true, syncs: 4 });
    for (const r of sim.requests) expect(r.requestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("values, number formats, merges, widths, freeze panes and print setup follow the plan", async () => {
    const sim = new ExcelSim();
    const plan = planFixture();
    await sim.run((context) => applyPlan(context, plan));
    const planned = plan.sheets[0];
    const snap = sim.snapshot(planned.name);
    planned.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") expect([r, c, snap.values[r][c]]).toEqual([r, c, v]);
      }),
    );
    const lastFormat = planned.numberFormats[planned.numberFormats.length - 1];
    const firstCell = lastFormat.range.split(":")[0];
    expect(snap.cells[firstCell]?.numberFormat).toBe(lastFormat.format);
    expect(snap.merges).toEqual(expect.arrayContaining(planned.merges));
    const width = planned.columnWidths[0];
    expect(Object.values(snap.columnWidths)).toContain(widthCharsToPoints(width.width));
    if (planned.freeze) expect(snap.freeze).toEqual(planned.freeze);
    expect(snap.showGridlines).toBe(planned.showGridlines);
    const print = planned.print!;
    expect(snap.pageLayout).toMatchObject({
      orientation: print.orientation === "landscape" ? "Landscape" : "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: print.fitToPagesWide },
    });
    expect(snap.pageLayout.printArea).toContain(print.printArea.replace(/\$/g, "").split(":")[0]);
    expect(snap.horizontalPageBreaks).toEqual(print.rowBreaks.map((r) => r + 1));
  });

  it("draws each planned chart natively, with its type, titles, axis format and series on the data sheet", async () => {
    const sim = new ExcelSim();
    const plan = planFixture();
    await sim.run((context) => applyPlan(context, plan));
    const planned = plan.sheets[0];
    const charts = sim.snapshot(planned.name).charts;
    expect(charts.map((c) => c.name)).toEqual(planned.charts.map((c) => c.id));
    planned.charts.forEach((spec, i) => {
      const chart = charts[i];
      expect(chart.seriesBy).toBe("Columns");
      expect(chart.title).toBe(spec.title);
      expect(chart.categoryAxisTitle).toBe(spec.categoryAxisTitle);
      expect(chart.valueAxisTitle).toBe(spec.valueAxisTitle);
      if (spec.valueAxisNumberFormat) expect(chart.valueAxisNumberFormat).toBe(spec.valueAxisNumberFormat);
      expect(chart.series.map((s) => s.name)).toEqual(spec.series.map((s) => s.name));
      const dataName = plan.sheets.find((p) => p.key === spec.series[0].values.sheet)!.name;
      expect(chart.series[0].values).toBe(`'${dataName}'!${spec.series[0].values.range}`);
      expect(chart.startCell).toBe(spec.position.from);
      expect(chart.endCell).toBe(spec.position.to);
    });
  });

  it("conditional formats are Excel's own rules, ranked as the plan ranks them, so the page recolours when figures change", async () => {
    const sim = new ExcelSim();
    const plan = planFixture();
    await sim.run((context) => applyPlan(context, plan));
    const planned = plan.sheets[0];
    // Priority 0 is Excel's top rule: it must be the plan's first.
    const formats = [...sim.snapshot(planned.name).conditionalFormats].sort(
      (a, b) => a.priority - b.priority,
    );
    expect(formats).toHaveLength(planned.conditionalFormats.length);
    planned.conditionalFormats.forEach((spec, i) => {
      expect(formats[i].range).toBe(spec.range);
      expect(formats[i].type).toBe(spec.rule.type === "cellValue" ? "CellValue" : "ContainsText");
      if (spec.style.fill) expect(formats[i].format.fillColor).toBe(spec.style.fill);
    });
  });

  it("a plan whose chart names a sheet the plan lacks fails cleanly and leaves no sheet behind", async () => {
    const sim = new ExcelSim();
    const plan = planFixture();
    plan.sheets = plan.sheets.filter((s) => s.key === "summary");
    const before = sim.sheetNames;
    const result = await sim.run((context) => applyPlan(context, plan));
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/does not have/);
    expect(sim.sheetNames).toEqual(before);
  });
});

describe("long summaries", () => {
  it("a summary too long for one request is built in several, each under the limit, and still swapped in whole", async () => {
    const limit = 60_000;
    const sim = new ExcelSim({ maxPayloadBytes: limit });
    const rows = Array.from({ length: 1_500 }, (_, r) => [`Workstream ${r + 1}`, r + 1, "On track"]);
    const plan: SheetPlan = {
      sheets: [
        sheet({
          key: "summary",
          name: "Portfolio Summary",
          values: rows,
          numberFormats: [{ range: `B1:B${rows.length}`, format: "#,##0" }],
          styles: [{ range: `A1:C${rows.length}`, style: { font: { name: "Arial", size: 10 } } }],
        }),
      ],
    };
    const inventory = [{ name: "Sheet1", position: 0, properties: {} }];
    const result = await sim.run((context) =>
      applyPlan(context, plan, { inventory, writeBudgetBytes: limit * 0.9 }),
    );
    expect(result.ok).toBe(true);
    expect(result.syncs).toBeGreaterThan(2);
    for (const r of sim.requests) expect(r.requestBytes).toBeLessThan(limit);
    expect(sim.snapshot("Portfolio Summary").values[1_499]).toEqual(["Workstream 1500", 1500, "On track"]);
  });

  it("thousands of style entries collapse into a few rectangles with the same cell-by-cell result", () => {
    const plan = planFixture();
    const styles = plan.sheets[0].styles;
    const coalesced = coalesceStyles(styles);
    expect(coalesced.length).toBeLessThan(styles.length);
    expect(resolveStyles(coalesced)).toEqual(resolveStyles(styles));
  });
});

/** Final style of every cell a list of entries touches (later entries win property by property). */
function resolveStyles(styles: PlannedSheet["styles"]): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const { range, style } of styles) {
    const rect = parseRange(range)!;
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const prior = out[`${r},${c}`] ?? {};
        out[`${r},${c}`] = {
          ...prior,
          ...style,
          font: { ...(prior.font as object), ...style.font },
          borders: { ...(prior.borders as object), ...style.borders },
        };
      }
    }
  }
  return out;
}
