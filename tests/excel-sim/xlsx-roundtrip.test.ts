// .xlsx in and out: a tracker built with ExcelJS comes in with its values, formulas, formats and layout, and the
// simulator's state goes back out so ExcelJS reads the same thing.
import ExcelJS from "exceljs";
import { ExcelSim } from "../../src/excel-sim";

async function smallTracker(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("SEND Tracker", { properties: { tabColor: { argb: "FF00B050" } } });
  ws.getCell("A1").value = "SEND transformation tracker";
  ws.getCell("A1").font = { name: "Arial", size: 14, bold: true, color: { argb: "FF1F4E79" } };
  ws.mergeCells("A1:D1");
  ws.getRow(3).values = ["Project", "Budget", "Spend", "Variance"];
  ws.getRow(4).values = ["Early help hubs", 120000, 95000];
  ws.getCell("D4").value = { formula: "C4-B4", result: -25000 };
  ws.getCell("E4").value = new Date(Date.UTC(2025, 0, 7));
  ws.getCell("E4").numFmt = "dd/mm/yyyy";
  ws.getCell("B4").numFmt = "£#,##0";
  ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  ws.getCell("A3").border = { bottom: { style: "medium", color: { argb: "FF000000" } } };
  ws.getColumn(1).width = 30;
  ws.getRow(3).height = 24;
  ws.views = [{ state: "frozen", ySplit: 3, xSplit: 0 }];
  book.addWorksheet("Archive", { state: "hidden" });
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("importing an .xlsx", () => {
  it("brings in values, formulas with their cached results, number formats, styles and layout", async () => {
    const sim = new ExcelSim();
    await sim.importXlsx(await smallTracker());
    expect(sim.sheetNames).toEqual(["SEND Tracker", "Archive"]);
    const snap = sim.snapshot("SEND Tracker");
    expect(snap.values[3]).toEqual(["Early help hubs", 120000, 95000, -25000, 45664]);
    expect(snap.formulas).toEqual({ D4: "=C4-B4" });
    expect(snap.numberFormats).toMatchObject({ B4: "£#,##0", E4: "dd/mm/yyyy" });
    expect(snap.cells.B4.text).toBe("£120,000");
    expect(snap.cells.E4.text).toBe("07/01/2025");
    expect(snap.styles.A1.font).toMatchObject({ name: "Arial", size: 14, bold: true, color: "#1F4E79" });
    expect(snap.styles.A3.fill).toBe("#D9E1F2");
    expect(snap.styles.A3.borders.EdgeBottom).toEqual({
      style: "Continuous",
      weight: "Medium",
      color: "#000000",
    });
    expect(snap.merges).toEqual(["A1:D1"]);
    // 30 characters of Calibri 11 = 215 pixels = 161.25 points.
    expect(snap.columnWidths.A).toBe(161.25);
    expect(snap.rowHeights[3]).toBe(24);
    expect(snap.freeze).toEqual({ rows: 3, columns: 0 });
    expect(snap.tabColor).toBe("#00B050");
    expect(sim.snapshot("Archive").visibility).toBe("Hidden");
  });

  it("reads the imported workbook through the API as Excel would", async () => {
    const sim = new ExcelSim();
    await sim.importXlsx(await smallTracker());
    await sim.run(async (context) => {
      const used = context.workbook.worksheets
        .getItem("SEND Tracker")
        .getUsedRange(true)
        .load("address, values, formulas");
      await context.sync();
      expect(used.address).toBe("'SEND Tracker'!A1:E4");
      expect(used.values[3][3]).toBe(-25000);
      expect(used.formulas[3][3]).toBe("=C4-B4");
    });
  });
});

describe("exporting to .xlsx", () => {
  it("writes what the API built, so ExcelJS reads back the same page", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Portfolio Summary");
      sheet.getRange("A1:C2").values = [
        ["Project", "Variance", "Total"],
        ["Hubs", 0.125, "=SUM(B2:B2)"],
      ];
      sheet.getRange("B2").numberFormat = [["0.0%"]];
      sheet.getRange("A1:C1").format.font.bold = true;
      sheet.getRange("A1:C1").format.fill.color = "#1F4E79";
      sheet.getRange("A4:C4").merge();
      sheet.getRange("A:A").format.columnWidth = 120;
      sheet.showGridlines = false;
      sheet.freezePanes.freezeRows(1);
      const cf = sheet.getRange("B2:B20").conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = "#FFC7CE";
      cf.cellValue.rule = { formula1: "0.1", operator: "GreaterThan" };
      sheet.pageLayout.orientation = "Landscape";
      sheet.pageLayout.paperSize = "A4";
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintArea("A1:L40");
      sheet.customProperties.add("PortfolioSummary", "run-7");
      const chart = sheet.charts.add("Line", sheet.getRange("A1:B2"), "Columns");
      chart.name = "PS_variance";
      context.workbook.settings.add("portfolioSummary.lastOutcome", { ok: true });
      await context.sync();
    });
    const bytes = await sim.exportXlsx();

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const ws = book.getWorksheet("Portfolio Summary")!;
    expect(ws.getCell("B2").value).toBe(0.125);
    expect(ws.getCell("B2").numFmt).toBe("0.0%");
    expect(ws.getCell("C2").formula).toBe("SUM(B2:B2)");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBeCloseTo(22.14, 2);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);

    // ExcelJS cannot write charts, sheet custom properties or document settings: they travel beside the file.
    const side = sim.lastExportSideChannel!;
    expect(side.charts["Portfolio Summary"].map((c) => c.name)).toEqual(["PS_variance"]);
    expect(side.customProperties["Portfolio Summary"]).toEqual([{ key: "PortfolioSummary", value: "run-7" }]);

    const again = new ExcelSim();
    await again.importXlsx(bytes, side);
    const before = sim.snapshot("Portfolio Summary");
    const after = again.snapshot("Portfolio Summary");
    for (const key of [
      "values",
      "formulas",
      "numberFormats",
      "styles",
      "merges",
      "columnWidths",
      "conditionalFormats",
      "customProperties",
      "charts",
      "freeze",
      "showGridlines",
    ] as const) {
      expect([key, after[key]]).toEqual([key, before[key]]);
    }
    expect(after.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printArea: "A1:L40",
    });
    expect(again.settings).toEqual({ "portfolioSummary.lastOutcome": { ok: true } });
  });
});
