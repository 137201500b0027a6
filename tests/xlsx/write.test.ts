// The .xlsx renderer: what ExcelJS reads back from a written plan, and how the native charts are wired in the package.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { validateXML } from "xmllint-wasm";
import { PAGE_COLUMNS } from "../../src/layout/page";
import type { PlannedSheet, PlanValue, SheetPlan } from "../../src/layout/plan";
import { cellsOf } from "../../src/xlsx/chart-xml";
import { insertDrawingElement, sheetNamesFor, writePlanXlsx } from "../../src/xlsx/write";
import { cellAddress, find, parseRangeAddress, sheetOf } from "../layout/plan-reading";
import {
  DATA_SHEET_NAME,
  HISTORY_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  planFixture,
} from "../support/plan-fixture";

// The plan's cells are found by what they hold, so the page's layout may change without these tests.
const PLAN = planFixture();
const PAGE = sheetOf(PLAN, "summary");
const CHARTS = PAGE.charts;

/** Where the page holds `value` (the first such cell, row by row). */
function at(value: PlanValue, sheet: PlannedSheet = PAGE): string {
  const address = find(sheet, value);
  if (!address) throw new Error(`The plan's ${sheet.key} sheet holds no ${JSON.stringify(value)}`);
  return address;
}

/** Where the page holds a number within 0.00005 of `near` (a share shown to two decimals of a percent). */
function atNumber(near: number): string {
  for (let r = 0; r < PAGE.values.length; r++) {
    const c = PAGE.values[r].findIndex((v) => typeof v === "number" && Math.abs(v - near) < 0.00005);
    if (c >= 0) return cellAddress(r + 1, c);
  }
  throw new Error(`The plan's page holds no number near ${near}`);
}

/** Whether a range covers a cell. */
function covers(range: string, address: string): boolean {
  const r = parseRangeAddress(range);
  const a = parseRangeAddress(address);
  return a.row1 >= r.row1 && a.row1 <= r.row2 && a.col1 >= r.col1 && a.col1 <= r.col2;
}

/** The page's last row: the footer line, a cell any test may overwrite. */
const LAST = cellAddress(PAGE.values.length, 0);

/** "A1:B2" as an absolute reference, "$A$1:$B$2". */
const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function xmlProblems(name: string, xml: string): Promise<string> {
  const r = await validateXML({ xml: { fileName: "part.xml", contents: xml }, normalization: "format" });
  return r.valid && !/error/i.test(r.rawOutput) ? "" : `${name}: ${r.rawOutput}`;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

describe("writePlanXlsx, read back with ExcelJS", () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  let summary: ExcelJS.Worksheet;
  let data: ExcelJS.Worksheet;

  beforeAll(async () => {
    bytes = await writePlanXlsx(planFixture(), { creator: "Finance team" });
    wb = await readBack(bytes);
    summary = wb.getWorksheet(SUMMARY_SHEET_NAME)!;
    data = wb.getWorksheet(DATA_SHEET_NAME)!;
  });

  it("writes the summary first and its chart data second, with the creator given", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SUMMARY_SHEET_NAME,
      DATA_SHEET_NAME,
      HISTORY_SHEET_NAME,
    ]);
    expect(wb.creator).toBe("Finance team");
  });

  it("keeps headline figures as numbers with their Excel formats: 6,357, £43.20m and 5.75%", () => {
    expect(summary.getCell(at(6357)).value).toBe(6357);
    expect(summary.getCell(at(6357)).numFmt).toBe("#,##0");
    expect(summary.getCell(at(43200000)).value).toBe(43200000);
    expect(summary.getCell(at(43200000)).numFmt).toBe('"£"#,##0.00,,"m"');
    expect(summary.getCell(atNumber(0.0575)).value).toBeCloseTo(0.0575, 4);
    expect(summary.getCell(atNumber(0.0575)).numFmt).toBe("0.00%");
  });

  it("writes section titles and the RAG word as text", () => {
    for (const text of [
      "SEND Transformation — Wiltshire Council",
      "Key programme risks (score 15+)",
      "Amber/Red",
    ]) {
      expect(summary.getCell(at(text)).type).toBe(ExcelJS.ValueType.String);
      expect(summary.getCell(at(text)).value).toBe(text);
    }
  });

  it("names a font on every written cell, Calibri unless the plan says otherwise", () => {
    let cells = 0;
    for (const ws of [summary, data]) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.font?.name).toBe("Calibri");
        }),
      );
    }
    expect(cells).toBeGreaterThan(100);
    // The title: white bold Calibri 16 on navy.
    expect(summary.getCell(at("SEND Transformation — Wiltshire Council")).font).toMatchObject({
      name: "Calibri",
      size: 16,
      bold: true,
      color: { argb: "FFFFFFFF" },
    });
  });

  it("layers styles: a later entry overrides an earlier one property by property", () => {
    // The EHCP tile's figure: the page's Calibri 10 overridden by the figure's bold navy 22 on grey, and the
    // tile's side borders from a later entry beside them.
    const figure = at(6357);
    expect(PAGE.styles.filter((s) => covers(s.range, figure)).length).toBeGreaterThanOrEqual(3);
    expect(summary.getCell(figure).fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFF2F2F2" },
    });
    expect(summary.getCell(figure).font).toMatchObject({ size: 22, bold: true, color: { argb: "FF1F3864" } });
    expect(summary.getCell(figure).alignment).toMatchObject({
      horizontal: "left",
      vertical: "middle",
      indent: 1,
    });
    expect(summary.getCell(figure).border.left).toMatchObject({ style: "thin", color: { argb: "FFBFBFBF" } });
    const title = at("SEND Transformation — Wiltshire Council");
    expect(summary.getCell(title).alignment).toMatchObject({ vertical: "middle", indent: 1 });
    const risk = at("If growth is stronger than forecast, we will not meet our trajectory.");
    expect(summary.getCell(risk).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(summary.getCell(risk).border.bottom).toMatchObject({ style: "thin", color: { argb: "FFBFBFBF" } });
  });

  it("merges as the plan merges: the KPI tiles' labels and figures among them", () => {
    const merges = (summary.model as unknown as { merges: string[] }).merges;
    expect(PAGE.merges.length).toBeGreaterThan(0);
    expect(merges).toEqual(expect.arrayContaining(PAGE.merges));
    // The middle tile's large figure is merged across its left part (the first tile's parts are single columns).
    const tile = PAGE.merges.find((m) => covers(m, at(43200000)));
    expect(tile).toBeDefined();
    const corner = parseRangeAddress(tile!);
    const farCorner = cellAddress(corner.row2, corner.col2);
    expect(summary.getCell(farCorner).isMerged).toBe(true);
    expect(summary.getCell(farCorner).master.address).toBe(at(43200000));
  });

  it("sets column widths and row heights as planned", () => {
    const dataPlan = sheetOf(PLAN, "data");
    expect(PAGE.columnWidths.length).toBe(PAGE_COLUMNS);
    for (const [sheet, planned] of [
      [summary, PAGE],
      [data, dataPlan],
    ] as const) {
      for (const { column, width } of planned.columnWidths)
        expect([column, sheet.getColumn(column + 1).width]).toEqual([column, width]);
      for (const { row, height } of planned.rowHeights)
        expect([row, sheet.getRow(row).height]).toEqual([row, height]);
    }
  });

  it("sets A4 landscape printing, one page wide, with print area, title rows, breaks, margins and footer", () => {
    const ps = summary.pageSetup;
    expect(ps).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "1:2",
    });
    const area = PAGE.print!.printArea;
    expect([area, absolute(area)]).toContain(ps.printArea);
    expect(ps.margins).toMatchObject({
      left: 0.4,
      right: 0.4,
      top: 0.45,
      bottom: 0.55,
      header: 0.25,
      footer: 0.25,
    });
    // Plain "&" is doubled, else Excel would read "& C" as a footer code.
    expect(summary.headerFooter.oddFooter).toBe(
      "&CPortfolio Summary — Generated 10/01/2025 09:30 (UK time) from Sample && Co tracker.xlsx.",
    );
  });

  it("freezes the title rows, hides gridlines on the summary and colours the tabs", () => {
    expect(PAGE.freeze?.rows).toBeGreaterThan(0);
    expect(summary.views[0]).toMatchObject({
      state: "frozen",
      ySplit: PAGE.freeze?.rows,
      showGridLines: false,
    });
    // The data sheet keeps its first column (what each row is) in view.
    expect(data.views[0]).toMatchObject({ state: "frozen", xSplit: 1, showGridLines: true });
    expect(summary.properties.tabColor).toEqual({ argb: "FF1F3864" });
  });

  it("writes the conditional formats: key-risk scores of 20 or more, and RAG text", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const scores = PAGE.conditionalFormats.find(
      (f) => f.rule.type === "cellValue" && f.rule.operator === "greaterThanOrEqual",
    );
    expect(scores).toBeDefined();
    expect(sheetXml).toMatch(
      new RegExp(
        `<conditionalFormatting sqref="${scores!.range}"><cfRule type="cellIs"[^>]*operator="greaterThanOrEqual"`,
      ),
    );
    expect(sheetXml).toContain("<formula>20</formula>");
    const rag = at("Amber/Red");
    expect(sheetXml).toContain(`<conditionalFormatting sqref="${rag}"><cfRule type="expression"`);
    expect(sheetXml).toContain(`<formula>NOT(ISERROR(SEARCH(&quot;Red&quot;,${rag})))</formula>`);
  });

  it("writes the row page breaks the plan sets, after the rows it names", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const breaks = PAGE.print!.rowBreaks;
    expect(breaks.length).toBeGreaterThan(1);
    expect(sheetXml).toMatch(new RegExp(`<rowBreaks count="${breaks.length}"`));
    expect([...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(breaks);
  });
});

describe("text that looks like a formula stays text", () => {
  const risky = ['=HYPERLINK("http://example.invalid","x")', "@SUM(A1)", "+44", "-x", "=1+1"];

  it.each(risky)("%s comes back as a plain string, not a formula", async (text) => {
    const plan = planFixture();
    sheetOf(plan, "summary").values[PAGE.values.length - 1][0] = text;
    const wb = await readBack(await writePlanXlsx(plan));
    const { type, value, formula } = wb.getWorksheet(SUMMARY_SHEET_NAME)!.getCell(LAST);
    expect(type).toBe(ExcelJS.ValueType.String);
    expect(value).toBe(text);
    expect(formula).toBeUndefined();
  });

  it("writes no formula anywhere in the package", async () => {
    const plan = planFixture();
    const dataPlan = sheetOf(plan, "data");
    risky.forEach((t, i) => (dataPlan.values[i + 1][dataPlan.values[i + 1].length - 1] = t));
    const zip = await JSZip.loadAsync(await writePlanXlsx(plan));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      expect(await zip.file(name)!.async("string")).not.toContain("<f>");
    }
  });

  it("drops control characters that XML cannot carry instead of writing a broken file", async () => {
    const plan = planFixture();
    sheetOf(plan, "summary").values[PAGE.values.length - 1][0] = "Line\u0007 one";
    const wb = await readBack(await writePlanXlsx(plan));
    expect(wb.getWorksheet(SUMMARY_SHEET_NAME)!.getCell(LAST).value).toBe("Line one");
  });
});

describe("native charts in the package", () => {
  let zip: JSZip;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const bytes = await writePlanXlsx(planFixture());
    zip = await JSZip.loadAsync(bytes);
    wb = await readBack(bytes);
  });

  const text = (name: string) => zip.file(name)!.async("string");

  it("has one chart part per ChartSpec and one drawing for the summary sheet", () => {
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    const drawings = Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(charts).toHaveLength(CHARTS.length);
    expect(drawings).toEqual(["xl/drawings/drawing1.xml"]);
  });

  it("wires sheet -> drawing -> every chart through relationships", async () => {
    const sheetXml = await text("xl/worksheets/sheet1.xml");
    const drawingTag = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml);
    expect(drawingTag).not.toBeNull();
    const sheetRels = await text("xl/worksheets/_rels/sheet1.xml.rels");
    const toDrawing = [...sheetRels.matchAll(/<Relationship [^>]*>/g)].find(
      (m) => attr(m[0], "Id") === drawingTag![1],
    );
    expect(toDrawing && attr(toDrawing[0], "Target")).toBe("../drawings/drawing1.xml");

    const drawing = await text("xl/drawings/drawing1.xml");
    const drawingRels = await text("xl/drawings/_rels/drawing1.xml.rels");
    const chartRelIds = [...drawing.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(chartRelIds).toHaveLength(CHARTS.length);
    const targets = chartRelIds.map((id) => {
      const rel = [...drawingRels.matchAll(/<Relationship [^>]*>/g)].find((m) => attr(m[0], "Id") === id);
      return rel && attr(rel[0], "Target");
    });
    expect(targets.sort()).toEqual(CHARTS.map((_, i) => `../charts/chart${i + 1}.xml`).sort());
    // The data sheet carries no drawing.
    expect(await text("xl/worksheets/sheet2.xml")).not.toContain("<drawing");
  });

  it("places <drawing> after the print elements, as the worksheet schema orders them", async () => {
    const sheetXml = await text("xl/worksheets/sheet1.xml");
    const at = (tag: string) => sheetXml.indexOf(tag);
    for (const before of ["<pageMargins", "<pageSetup", "<headerFooter", "<rowBreaks"]) {
      expect(at(before)).toBeGreaterThan(-1);
      expect(at(before)).toBeLessThan(at("<drawing "));
    }
  });

  it("declares the content types of charts and drawings", async () => {
    const types = await text("[Content_Types].xml");
    CHARTS.forEach((_, i) =>
      expect(types).toContain(
        `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      ),
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  it("points every series formula at an existing, non-empty range of the written workbook", async () => {
    let formulas = 0;
    for (let i = 1; i <= CHARTS.length; i++) {
      const xml = await text(`xl/charts/chart${i}.xml`);
      for (const m of xml.matchAll(/<c:f>'((?:[^']|'')+)'!([^<]+)<\/c:f>/g)) {
        formulas++;
        const ws = wb.getWorksheet(m[1].replace(/''/g, "'"));
        expect(ws).toBeDefined();
        const values = cellsOf(m[2].replace(/\$/g, "")).map(
          ({ col, row }) => ws!.getCell(row + 1, col + 1).value,
        );
        expect(values.some((v) => v !== null && v !== "")).toBe(true);
      }
    }
    // Per series: a name, categories and values.
    expect(formulas).toBe(CHARTS.reduce((n, c) => n + c.series.length * 3, 0));
  });

  it("generates only well-formed XML (charts, drawing, rels, content types and the edited sheet)", async () => {
    const generated = Object.keys(zip.files).filter(
      (n) =>
        /^xl\/(charts|drawings)\//.test(n) ||
        /\.rels$/.test(n) ||
        n === "[Content_Types].xml" ||
        n.startsWith("xl/worksheets/"),
    );
    expect(generated.length).toBeGreaterThanOrEqual(CHARTS.length + 5);
    for (const name of generated) {
      if (zip.files[name].dir) continue;
      expect(await xmlProblems(name, await text(name))).toBe("");
    }
  });

  it("writes no drawing parts when the plan has no charts", async () => {
    const plan: SheetPlan = planFixture();
    plan.sheets.forEach((s) => (s.charts = []));
    const plain = await JSZip.loadAsync(await writePlanXlsx(plan));
    expect(Object.keys(plain.files).some((n) => n.includes("drawing") || n.includes("chart"))).toBe(false);
  });
});

describe("sheet names", () => {
  it("makes the plan's names safe for Excel and unique", () => {
    const plan = planFixture();
    plan.sheets[0].name = "Summary: SEND [2024/25] and a very long name besides";
    plan.sheets[1].name = plan.sheets[0].name;
    const names = sheetNamesFor(plan);
    expect(names.summary).toBe("Summary  SEND  2024 25  and a v");
    expect(names.summary.length).toBeLessThanOrEqual(31);
    expect(names.data).toBe("Summary  SEND  2024 25  and (2)");
  });

  it("points chart formulas at the name the data sheet was actually written under", async () => {
    const plan = planFixture();
    sheetOf(plan, "data").name = "Children's data";
    const zip = await JSZip.loadAsync(await writePlanXlsx(plan));
    const values = CHARTS[0].series[0].values.range;
    expect(await zip.file("xl/charts/chart1.xml")!.async("string")).toContain(
      `<c:f>'Children''s data'!${absolute(values)}</c:f>`,
    );
  });
});

describe("insertDrawingElement", () => {
  const head = '<worksheet xmlns="x" xmlns:r="r"><sheetData/>';

  it("goes after rowBreaks and before tableParts and extLst", () => {
    const xml = `${head}<pageSetup/><headerFooter/><rowBreaks count="1"/><tableParts count="0"/><extLst/></worksheet>`;
    expect(insertDrawingElement(xml, "rId3")).toBe(
      `${head}<pageSetup/><headerFooter/><rowBreaks count="1"/><drawing r:id="rId3"/><tableParts count="0"/><extLst/></worksheet>`,
    );
  });

  it("goes last when nothing must follow it, and declares the r prefix if the sheet lacks it", () => {
    const out = insertDrawingElement('<worksheet xmlns="x"><sheetData/></worksheet>', "rId1");
    expect(out).toMatch(
      /^<worksheet xmlns:r="[^"]+" xmlns="x"><sheetData\/><drawing r:id="rId1"\/><\/worksheet>$/,
    );
  });
});

describe("merges", () => {
  it("refuses a plan whose merges overlap, as that is a fault in the plan", async () => {
    const plan = planFixture();
    plan.sheets[0].merges = [...plan.sheets[0].merges, "X200:Z201", "Y201:Y205"];
    await expect(writePlanXlsx(plan)).rejects.toThrow("Y201:Y205");
  });
});

describe("the history sheet in the written file", () => {
  it("has an AutoFilter on its header row over whole columns, as the add-in applies it", async () => {
    const { readXlsxFile } = await import("../../src/xlsx/read");
    const { runEngine } = await import("../../src/core/engine");
    const { planSheets } = await import("../../src/layout");
    const summary = runEngine(await readXlsxFile("assets/sample-tracker.xlsx"), {
      now: new Date("2025-01-10T09:00:00Z"),
    });
    const plan = await planSheets(summary);
    expect(plan.history).toBeDefined();
    const zip = await JSZip.loadAsync(await writePlanXlsx(plan));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const at = sheets.indexOf(plan.history!.sheet.name) + 1;
    const xml = await zip.file(`xl/worksheets/sheet${at}.xml`)!.async("string");
    expect(xml).toMatch(/<autoFilter ref="A1:O1048576"\s*\/>/);
  });
});
