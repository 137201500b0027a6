// Writing a sheet plan into the live workbook: what the plan says is what Excel holds, in two syncs.
import type { CellStyle, PlannedSheet, SheetPlan } from "../../src/layout/plan";
import { applyPlan, estimateBuildBytes } from "../../src/excel/apply-plan";
import { MAX_AREAS_ADDRESS } from "../../src/excel/write-content";
import { widthCharsToPoints } from "../../src/excel/render";
import { cellAddress, parseRange } from "../../src/core/a1";
import { ExcelSim } from "../../src/excel-sim";
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
    // Without them, the writer first lists the sheets and their marks: two syncs more. (The refresh names the
    // live sheets' Excel tables, as it read them, so that the new ones can take their names.)
    const plan = planFixture();
    const liveTables = Object.fromEntries(
      plan.sheets.map((p) => [p.key, (p.tables ?? []).map((t) => t.name)]),
    );
    expect(liveTables.data.length).toBeGreaterThan(0);
    const again = await sim.run((context) => applyPlan(context, plan, { swap: { liveTables } }));
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
    // Row heights are set once per distinct height over all its rows (1-based, as the plan numbers them).
    expect(planned.rowHeights.length).toBeGreaterThan(0);
    for (const { row, height } of planned.rowHeights)
      expect([row, snap.rowHeights[row]]).toEqual([row, height]);
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

  it("plans its requests from an estimate a little over the bytes Office.js really sends, never under", async () => {
    const sim = new ExcelSim();
    const inventory = [{ name: "Sheet1", position: 0, properties: {} }];
    const plan = planFixture();
    const result = await sim.run((context) => applyPlan(context, plan, { inventory, runId: "run1" }));
    expect(result).toMatchObject({ ok: true, syncs: 2 });
    const build = sim.requests[0].requestBytes;
    const estimate = estimateBuildBytes(plan, "run1");
    expect(estimate).toBeGreaterThanOrEqual(build);
    expect(estimate).toBeLessThan(build * 1.35);
  });

  it("styles scattered over thousands of areas go in several multi-area ranges, each address under 8,192 characters", async () => {
    const sim = new ExcelSim();
    sim.recordRequestBodies();
    // A chequerboard of 400 rows filled alike: 2,400 areas that no rectangle joins.
    const rows = 400;
    const cells = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: 6 }, (_, i) => `${String.fromCharCode(65 + 2 * i + (r % 2))}${r + 1}`),
    ).flat();
    const plan: SheetPlan = {
      sheets: [
        sheet({
          key: "summary",
          name: "Portfolio Summary",
          values: [["x"]],
          styles: cells.map((range) => ({ range, style: { fill: "#FFEB9C" } })),
        }),
      ],
    };
    const result = await sim.run((context) => applyPlan(context, plan, { inventory: [] }));
    expect(result.ok).toBe(true);
    const snap = sim.snapshot("Portfolio Summary");
    expect(cells.every((a) => snap.cells[a]?.style.fill === "#FFEB9C")).toBe(true);
    expect(snap.cells.B1?.style.fill ?? null).toBeNull();
    const addresses = sim.requestBodies.flatMap((text) =>
      Object.values(
        (
          JSON.parse(text) as {
            ObjectPaths: Record<string, { Name: string; ArgumentInfo?: { Arguments?: unknown[] } }>;
          }
        ).ObjectPaths,
      )
        .filter((p) => p.Name === "GetRanges")
        .map((p) => String(p.ArgumentInfo?.Arguments?.[0])),
    );
    expect(addresses.length).toBeGreaterThan(1);
    for (const address of addresses) expect(address.length).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
  });

  it("thousands of style entries become a few multi-area writes with the same cell-by-cell result", async () => {
    const sim = new ExcelSim();
    const plan = planFixture();
    const planned = plan.sheets[0];
    await sim.run((context) => applyPlan(context, plan));
    const cells = sim.snapshot(planned.name).cells;
    // Every cell the plan styles has the style the entries give it, property by property (where the plan says
    // nothing, a new sheet's own value).
    const expected = resolveStyles(planned.styles);
    expect(Object.keys(expected).length).toBeGreaterThan(100);
    for (const [key, style] of Object.entries(expected) as [string, CellStyle][]) {
      const [r, c] = key.split(",").map(Number);
      const cell = cells[cellAddress(r, c)];
      const got = cell?.style;
      const want = {
        name: style.font?.name ?? "Calibri",
        size: style.font?.size ?? 11,
        bold: style.font?.bold ?? false,
        italic: style.font?.italic ?? false,
        color: style.font?.color ?? "#000000",
        fill: style.fill ?? null,
        wrap: style.wrapText ?? false,
        indent: style.indent ?? 0,
      };
      expect([
        key,
        got && { ...got.font, fill: got.fill, wrap: got.wrapText, indent: got.indentLevel },
      ]).toEqual([key, expect.objectContaining(want)]);
    }
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

describe("border lines", () => {
  const grey = { style: "thin" as const, color: "#BFBFBF" };
  const navy = { style: "medium" as const, color: "#1F3864" };
  const box: CellStyle["borders"] = { top: grey, bottom: grey, left: grey, right: grey };

  /** Lines on the grid as a person sees them: "h B7" along the top of B7 (the bottom of B6), "v B7" its left. */
  function drawn(
    cells: Record<
      string,
      { style: { borders: Record<string, { style: string; color: string; weight: string }> } }
    >,
  ) {
    const lines: Record<string, string[]> = {};
    const add = (key: string, look: string) => {
      lines[key] = [...new Set([...(lines[key] ?? []), look])].sort();
    };
    for (const [address, cell] of Object.entries(cells)) {
      const at = parseRange(address)!;
      for (const [edge, b] of Object.entries(cell.style.borders)) {
        if (!b || b.style === "None") continue;
        const look = `${b.weight} ${b.color}`;
        if (edge === "EdgeTop") add(`h ${cellAddress(at.row, at.col)}`, look);
        if (edge === "EdgeBottom") add(`h ${cellAddress(at.row + 1, at.col)}`, look);
        if (edge === "EdgeLeft") add(`v ${cellAddress(at.row, at.col)}`, look);
        if (edge === "EdgeRight") add(`v ${cellAddress(at.row, at.col + 1)}`, look);
      }
    }
    return lines;
  }

  it("draws every line the plan asks for, once per look and edge, and both sides where two cells disagree", async () => {
    // Ten tables boxed alike, at different places and of different shapes, a heading underlined in navy over a
    // grey-topped row (a clash: both are set), and a single cell with only a left border.
    const styles: PlannedSheet["styles"] = [];
    for (let t = 0; t < 10; t++) {
      const row = 3 + t * 6;
      styles.push({ range: `B${row}:${"CDEFG"[t % 5]}${row + (t % 3)}`, style: { borders: box } });
    }
    styles.push({ range: "J2:L2", style: { borders: { bottom: navy } } });
    styles.push({ range: "J3:L3", style: { borders: { top: grey } } });
    styles.push({ range: "N5", style: { borders: { left: grey } } });
    const sim = new ExcelSim();
    sim.recordRequestBodies();
    const plan: SheetPlan = { sheets: [sheet({ key: "summary", name: "Portfolio Summary", styles })] };
    expect((await sim.run((context) => applyPlan(context, plan))).ok).toBe(true);

    // What the plan asks for, cell side by cell side, as lines.
    const want: Record<string, string[]> = {};
    const weight = { thin: "Thin", medium: "Medium" } as Record<string, string>;
    const planned: Record<
      string,
      { style: { borders: Record<string, { style: string; color: string; weight: string }> } }
    > = {};
    for (const [key, style] of Object.entries(resolveStyles(styles)) as [string, CellStyle][]) {
      const [r, c] = key.split(",").map(Number);
      const borders: Record<string, { style: string; color: string; weight: string }> = {};
      const sides = { top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight" } as const;
      for (const [side, edge] of Object.entries(sides)) {
        const b = style.borders?.[side as keyof typeof sides];
        if (b) borders[edge] = { style: "Continuous", color: b.color, weight: weight[b.style] };
      }
      planned[cellAddress(r, c)] = { style: { borders } };
    }
    Object.assign(want, drawn(planned));
    expect(Object.keys(want).length).toBeGreaterThan(100);
    expect(drawn(sim.snapshot("Portfolio Summary").cells as never)).toEqual(want);
    expect(want["h J3"]).toEqual(["Medium #1F3864", "Thin #BFBFBF"]);

    // Border sets (one per edge item reached through a range's borders): a few per look and edge, however many
    // tables there are, where one set per region of cells bordered alike took one per table shape.
    const borderItems = sim.requestBodies.flatMap((text) => {
      const body = JSON.parse(text) as {
        ObjectPaths?: Record<string, { Name?: string; ParentObjectPathId?: number }>;
      };
      const paths = body.ObjectPaths ?? {};
      return Object.values(paths).filter(
        (p) => p.ParentObjectPathId !== undefined && paths[p.ParentObjectPathId]?.Name === "Borders",
      );
    });
    expect(borderItems.length).toBeGreaterThan(0);
    expect(borderItems.length).toBeLessThanOrEqual(12);
  });
});
