// Sheets, settings, custom properties and tables behave as Excel's do, including the operations Excel refuses.
import { ExcelSim, installExcelGlobals } from "../../src/excel-sim";

beforeAll(() => installExcelGlobals());

describe("worksheets", () => {
  it("refuses a second sheet with the same name, ignoring case", async () => {
    const sim = new ExcelSim();
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.add("Portfolio Summary");
        await context.sync();
        context.workbook.worksheets.add("portfolio summary");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(sim.sheetNames).toEqual(["Sheet1", "Portfolio Summary"]);
  });

  it("renames a sheet, refusing a name another sheet has or Excel does not allow", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const summary = context.workbook.worksheets.add("Summary");
      await context.sync();
      summary.name = "Sheet1";
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      summary.name = "Q3: Summary";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      summary.name = "Portfolio Summary";
      await context.sync();
    });
    expect(sim.sheetNames).toEqual(["Sheet1", "Portfolio Summary"]);
  });

  it("refuses to delete or hide the only visible sheet", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const only = context.workbook.worksheets.getItem("Sheet1");
      only.delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      only.visibility = Excel.SheetVisibility.hidden;
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      const other = context.workbook.worksheets.add("Old summary");
      other.activate();
      await context.sync();
      other.delete();
      await context.sync();
    });
    expect(sim.sheetNames).toEqual(["Sheet1"]);
    expect(sim.activeSheet).toBe("Sheet1");
  });

  it("moves sheets by position and reports their order", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add("Tracker");
      const summary = sheets.add("Portfolio Summary");
      summary.position = 0;
      sheets.load("items/name,items/position");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ["Portfolio Summary", 0],
        ["Sheet1", 1],
        ["Tracker", 2],
      ]);
    });
    expect(sim.snapshot("Portfolio Summary").position).toBe(0);
  });

  it("activates, selects and reports the active sheet", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const tracker = context.workbook.worksheets.add("Tracker");
      tracker.activate();
      tracker.getRange("C7").select();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("Tracker");
    });
    expect(sim.selection).toEqual({ sheet: "Tracker", address: "C7" });
    sim.selection = { sheet: "Sheet1", address: "B2:C3" };
    expect(sim.activeSheet).toBe("Sheet1");
  });

  it("quotes sheet names in addresses when Excel would", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const summary = context.workbook.worksheets.add("Portfolio Summary");
      const odd = context.workbook.worksheets.add("Bob's data");
      const a = summary.getRange("A1:L3").load("address");
      const b = odd.getRangeByIndexes(1, 1, 2, 2).load("address");
      const c = context.workbook.worksheets.getItem("Sheet1").getRange("B2").load("address");
      await context.sync();
      expect([a.address, b.address, c.address]).toEqual([
        "'Portfolio Summary'!A1:L3",
        "'Bob''s data'!B2:C3",
        "Sheet1!B2",
      ]);
    });
  });

  it("finds the used range, with or without cells that only carry formatting", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B3:D5").values = [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ];
      sheet.getRange("F10").format.fill.color = "#FFC7CE";
      const all = sheet.getUsedRange().load("address, rowIndex, columnIndex");
      const valuesOnly = sheet.getUsedRange(true).load("address");
      await context.sync();
      expect(all.address).toBe("Sheet1!B3:F10");
      expect([all.rowIndex, all.columnIndex]).toEqual([2, 1]);
      expect(valuesOnly.address).toBe("Sheet1!B3:D5");
    });
  });

  it("derives ranges: cells, offsets, resizes and intersections", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const block = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
      const cell = block.getCell(1, 2).load("address");
      const moved = block.getOffsetRange(1, 1).load("address");
      const grown = block.getResizedRange(2, -1).load("address");
      const overlap = block.getIntersection("C1:C3").load("address");
      await context.sync();
      expect([cell.address, moved.address, grown.address, overlap.address]).toEqual([
        "Sheet1!D3",
        "Sheet1!C3:E6",
        "Sheet1!B2:C7",
        "Sheet1!C2:C3",
      ]);
    });
  });

  it("rejects a malformed address at sync", async () => {
    const sim = new ExcelSim();
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A0:B").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("records freeze panes, page layout, page breaks, tab colour and gridlines", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Portfolio Summary");
      sheet.freezePanes.freezeRows(3);
      sheet.tabColor = "#1f4e79";
      sheet.showGridlines = false;
      const layout = sheet.pageLayout;
      layout.orientation = Excel.PageOrientation.landscape;
      layout.paperSize = Excel.PaperType.a4;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintArea("A1:L180");
      layout.setPrintTitleRows("$1:$3");
      layout.centerHorizontally = true;
      layout.leftMargin = 36;
      layout.headersFooters.defaultForAllPages.centerFooter = "SEND transformation - page &P of &N";
      sheet.horizontalPageBreaks.add("A41");
      await context.sync();
    });
    const snap = sim.snapshot("Portfolio Summary");
    expect(snap.freeze).toEqual({ rows: 3, columns: 0 });
    expect(snap.tabColor).toBe("#1F4E79");
    expect(snap.showGridlines).toBe(false);
    expect(snap.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:L180",
      printTitleRows: "$1:$3",
      centerHorizontally: true,
      leftMargin: 36,
      centerFooter: "SEND transformation - page &P of &N",
    });
    expect(snap.horizontalPageBreaks).toEqual([41]);
  });
});

describe("settings, custom properties and tables", () => {
  it("stores document settings as JSON and finds them by key", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      context.workbook.settings.add("portfolioSummary.thresholds", { variancePct: 0.1, keyRiskScore: 15 });
      const missing = context.workbook.settings.getItemOrNullObject("portfolioSummary.lastOutcome");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      const saved = context.workbook.settings
        .getItemOrNullObject("portfolioSummary.thresholds")
        .load("value");
      await context.sync();
      expect(saved.value).toEqual({ variancePct: 0.1, keyRiskScore: 15 });
    });
    expect(sim.settings).toEqual({ "portfolioSummary.thresholds": { variancePct: 0.1, keyRiskScore: 15 } });
  });

  it("marks a sheet with a custom property, replacing the value under the same key", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Portfolio Summary");
      sheet.customProperties.add("PortfolioSummary", "run-1");
      sheet.customProperties.add("portfoliosummary", "run-2");
      await context.sync();
      const mark = sheet.customProperties.getItemOrNullObject("PortfolioSummary").load("key,value");
      const none = context.workbook.worksheets
        .getItem("Sheet1")
        .customProperties.getItemOrNullObject("PortfolioSummary");
      sheet.customProperties.load("items/key");
      await context.sync();
      expect([mark.isNullObject, mark.key, mark.value]).toEqual([false, "PortfolioSummary", "run-2"]);
      expect(none.isNullObject).toBe(true);
      expect(sheet.customProperties.items).toHaveLength(1);
    });
    expect(sim.snapshot("Portfolio Summary").customProperties).toEqual({ PortfolioSummary: "run-2" });
  });

  it("lists tables with their sheet and range", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B4:D6").values = [
        ["Project", "Budget", "Spend"],
        ["Hubs", 1, 2],
        ["Transport", 3, 4],
      ];
      context.workbook.tables.add("Sheet1!B4:D6", true);
      await context.sync();
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      const first = tables.items[0];
      const range = first.getRange().load("address");
      const sheet = first.worksheet.load("name");
      await context.sync();
      expect([first.name, sheet.name, range.address]).toEqual(["Table1", "Sheet1", "Sheet1!B4:D6"]);
    });
    expect(sim.tables).toEqual([{ name: "Table1", sheet: "Sheet1", range: "B4:D6" }]);
  });
});
