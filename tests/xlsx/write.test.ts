// The .xlsx renderer: what ExcelJS reads back from a written plan, and how the native charts are wired in the package.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { validateXML } from "xmllint-wasm";
import type { SheetPlan } from "../../src/layout/plan";
import { cellsOf } from "../../src/xlsx/chart-xml";
import { insertDrawingElement, sheetNamesFor, writePlanXlsx } from "../../src/xlsx/write";
import {
  DATA_SHEET_NAME,
  FIXTURE_CHARTS,
  MONEY_MILLIONS,
  SHARE,
  SUMMARY_SHEET_NAME,
  planFixture,
} from "../support/plan-fixture";

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
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME, DATA_SHEET_NAME]);
    expect(wb.creator).toBe("Finance team");
  });

  it("keeps headline figures as numbers with their Excel formats: 6,357, £43.20m and 5.75%", () => {
    expect(summary.getCell("A10").value).toBe(6357);
    expect(summary.getCell("A10").numFmt).toBe("#,##0");
    expect(summary.getCell("E10").value).toBe(43200000);
    expect(summary.getCell("E10").numFmt).toBe(MONEY_MILLIONS);
    expect(summary.getCell("I10").value).toBe(0.0575);
    expect(summary.getCell("I10").numFmt).toBe(SHARE);
  });

  it("writes section titles and the RAG word as text", () => {
    expect(summary.getCell("A1").value).toBe("Portfolio Summary: SEND Transformation");
    expect(summary.getCell("A14").value).toBe("Key Programme Risks (15+)");
    expect(summary.getCell("C4").value).toBe("Amber/Red");
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
    expect(summary.getCell("A1").font).toMatchObject({
      name: "Calibri",
      size: 18,
      bold: true,
      color: { argb: "FFFFFFFF" },
    });
  });

  it("layers styles: a later entry overrides an earlier one property by property", () => {
    // A9 gets the tile fill and centring from one entry and bold navy from a later one.
    expect(summary.getCell("A9").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(summary.getCell("A9").font).toMatchObject({ bold: true, color: { argb: "FF1F4E79" } });
    expect(summary.getCell("A9").alignment).toMatchObject({ horizontal: "center" });
    expect(summary.getCell("A1").alignment).toMatchObject({ vertical: "middle", indent: 1 });
    expect(summary.getCell("B16").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(summary.getCell("A16").border.bottom).toMatchObject({
      style: "thin",
      color: { argb: "FFBFBFBF" },
    });
    expect(summary.getCell("A14").border.bottom).toMatchObject({ style: "medium" });
  });

  it("merges the title, the RAG block and the KPI tiles", () => {
    const merges = (summary.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(
      expect.arrayContaining(["A1:L1", "C4:D6", "E4:L6", "A10:D10", "E10:H10", "I10:L10"]),
    );
    expect(summary.getCell("L1").isMerged).toBe(true);
    expect(summary.getCell("L1").master.address).toBe("A1");
  });

  it("sets column widths and row heights as planned", () => {
    expect(summary.getColumn(1).width).toBe(8);
    expect(summary.getColumn(12).width).toBe(13);
    expect(data.getColumn(5).width).toBe(30);
    expect(summary.getRow(1).height).toBe(32);
    expect(summary.getRow(16).height).toBe(45);
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
    expect(ps.printArea).toMatch(/A1:L57|\$A\$1:\$L\$57/);
    expect(ps.margins).toMatchObject({
      left: 0.5,
      right: 0.5,
      top: 0.6,
      bottom: 0.6,
      header: 0.3,
      footer: 0.3,
    });
    // Plain "&" is doubled, else Excel would read "& C" as a footer code.
    expect(summary.headerFooter.oddFooter).toBe(
      "&CPortfolio Summary · Sample && Co tracker · generated 07/01/2025",
    );
  });

  it("freezes the title rows, hides gridlines on the summary and colours the tabs", () => {
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 2, showGridLines: false });
    expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: 1, showGridLines: true });
    expect(summary.properties.tabColor).toEqual({ argb: "FF1F4E79" });
  });

  it("writes the conditional formats: key-risk scores of 15 or more, and RAG text", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(
      /<conditionalFormatting sqref="J16:J17"><cfRule type="cellIs"[^>]*operator="greaterThanOrEqual"/,
    );
    expect(sheetXml).toContain("<formula>15</formula>");
    expect(sheetXml).toMatch(
      /<conditionalFormatting sqref="C4"><cfRule type="expression"[^>]*><formula>NOT\(ISERROR\(SEARCH\(&quot;Red&quot;,C4\)\)\)<\/formula>/,
    );
  });

  it("writes a row page break after row 19", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(/<rowBreaks count="1"[^>]*><brk id="19"/);
  });
});

describe("text that looks like a formula stays text", () => {
  const risky = ['=HYPERLINK("http://example.invalid","x")', "@SUM(A1)", "+44", "-x", "=1+1"];

  it.each(risky)("%s comes back as a plain string, not a formula", async (text) => {
    const plan = planFixture();
    plan.sheets[0].values[56][0] = text;
    const wb = await readBack(await writePlanXlsx(plan));
    const { type, value, formula } = wb.getWorksheet(SUMMARY_SHEET_NAME)!.getCell("A57");
    expect(type).toBe(ExcelJS.ValueType.String);
    expect(value).toBe(text);
    expect(formula).toBeUndefined();
  });

  it("writes no formula anywhere in the package", async () => {
    const plan = planFixture();
    risky.forEach((t, i) => (plan.sheets[1].values[i + 1][21] = t));
    const zip = await JSZip.loadAsync(await writePlanXlsx(plan));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      expect(await zip.file(name)!.async("string")).not.toContain("<f>");
    }
  });

  it("drops control characters that XML cannot carry instead of writing a broken file", async () => {
    const plan = planFixture();
    plan.sheets[0].values[56][0] = "Line\u0007 one";
    const wb = await readBack(await writePlanXlsx(plan));
    expect(wb.getWorksheet(SUMMARY_SHEET_NAME)!.getCell("A57").value).toBe("Line one");
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
    expect(charts).toHaveLength(FIXTURE_CHARTS.length);
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
    expect(chartRelIds).toHaveLength(FIXTURE_CHARTS.length);
    const targets = chartRelIds.map((id) => {
      const rel = [...drawingRels.matchAll(/<Relationship [^>]*>/g)].find((m) => attr(m[0], "Id") === id);
      return rel && attr(rel[0], "Target");
    });
    expect(targets.sort()).toEqual(FIXTURE_CHARTS.map((_, i) => `../charts/chart${i + 1}.xml`).sort());
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
    FIXTURE_CHARTS.forEach((_, i) =>
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
    for (let i = 1; i <= FIXTURE_CHARTS.length; i++) {
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
    expect(formulas).toBe(FIXTURE_CHARTS.reduce((n, c) => n + c.series.length * 3, 0));
  });

  it("generates only well-formed XML (charts, drawing, rels, content types and the edited sheet)", async () => {
    const generated = Object.keys(zip.files).filter(
      (n) =>
        /^xl\/(charts|drawings)\//.test(n) ||
        /\.rels$/.test(n) ||
        n === "[Content_Types].xml" ||
        n.startsWith("xl/worksheets/"),
    );
    expect(generated.length).toBeGreaterThanOrEqual(FIXTURE_CHARTS.length + 5);
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
    plan.sheets[1].name = "Children's data";
    const zip = await JSZip.loadAsync(await writePlanXlsx(plan));
    expect(await zip.file("xl/charts/chart1.xml")!.async("string")).toContain(
      "<c:f>'Children''s data'!$B$2:$B$13</c:f>",
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
