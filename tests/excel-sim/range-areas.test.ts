// RangeAreas through Office.js (worksheet.getRanges, ExcelApi 1.9): one address of several areas, formatted at once.
import { ExcelSim } from "../../src/excel-sim";

describe("worksheet.getRanges", () => {
  it("sets a format on every area, as if on each area's range, and nothing outside them", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("Sheet1").getRanges("A1:B2, D4:E9");
      areas.format.font.bold = true;
      areas.format.fill.color = "#FFEB9C";
      await context.sync();
    });
    const cells = sim.snapshot("Sheet1").cells;
    for (const address of ["A1", "B2", "D4", "E9"]) {
      expect([address, cells[address]?.style.font.bold, cells[address]?.style.fill]).toEqual([
        address,
        true,
        "#FFEB9C",
      ]);
    }
    expect(cells.C3).toBeUndefined();
    expect(cells.F10).toBeUndefined();
  });

  it("gives each area its own edges: a bottom edge is under each area, inside lines only within areas", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("Sheet1").getRanges("A1:A2,C1:C3");
      const bottom = areas.format.borders.getItem("EdgeBottom");
      bottom.style = "Continuous";
      bottom.color = "#1F3864";
      areas.format.borders.getItem("InsideHorizontal").style = "Continuous";
      await context.sync();
    });
    const cells = sim.snapshot("Sheet1").cells;
    const bottomOf = (a: string) => cells[a]?.style.borders.EdgeBottom?.style ?? null;
    expect(["A1", "A2", "C1", "C2", "C3", "B2"].map(bottomOf)).toEqual([
      "Continuous",
      "Continuous",
      "Continuous",
      "Continuous",
      "Continuous",
      null,
    ]);
    expect(cells.A2?.style.borders.EdgeBottom?.color).toBe("#1F3864");
  });

  it("takes whole rows and columns, as for row heights and column widths", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRanges("2:3,6:6").format.rowHeight = 30;
      sheet.getRanges("B:B,D:E").format.columnWidth = 60;
      await context.sync();
    });
    const snap = sim.snapshot("Sheet1");
    expect(snap.rowHeights).toEqual({ 2: 30, 3: 30, 6: 30 });
    expect(snap.columnWidths).toEqual({ B: 60, D: 60, E: 60 });
  });

  it("reports its address and number of areas when loaded", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const areas = context.workbook.worksheets
        .getItem("Sheet1")
        .getRanges("A1:B2,D4")
        .load("address,areaCount");
      await context.sync();
      expect([areas.address, areas.areaCount]).toEqual(["Sheet1!A1:B2,Sheet1!D4", 2]);
    });
  });

  it("refuses an address over Excel's 8,192 characters, or one that is not an address, at sync", async () => {
    const sim = new ExcelSim();
    const long = Array.from({ length: 1200 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`).join(",");
    expect(long.length).toBeGreaterThan(8192);
    for (const address of [long, "A1,nonsense"]) {
      await expect(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRanges(address).format.font.bold = true;
          // One refused address per run.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    expect(sim.snapshot("Sheet1").cells).toEqual({});
  });
});
