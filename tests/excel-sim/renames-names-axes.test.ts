// Three behaviours of Excel the add-in relies on: charts follow a renamed sheet, the workbook reports the name of
// the file it opened, and a category axis can carry its labels at the chart's edge.
import ExcelJS from "exceljs";
import { ExcelSim, installExcelGlobals } from "../../src/excel-sim";

beforeAll(() => installExcelGlobals());

/** A summary sheet with a chart over a data sheet, as the add-in draws it before giving the sheets their names. */
async function chartOverDataSheet(sim: ExcelSim, dataSheet: string): Promise<void> {
  await sim.run(async (context) => {
    const data = context.workbook.worksheets.add(dataSheet);
    data.getRange("A1:B4").values = [
      ["Month", "EHCPs"],
      ["Oct-24", 6059],
      ["Nov-24", 6274],
      ["Dec-24", 6353],
    ];
    const summary = context.workbook.worksheets.getItem("Sheet1");
    const chart = summary.charts.add(
      Excel.ChartType.line,
      data.getRange("B2:B4"),
      Excel.ChartSeriesBy.columns,
    );
    chart.name = "PS_ehcp";
    chart.series.getItemAt(0).setXAxisValues(data.getRange("A2:A4"));
    await context.sync();
  });
}

describe("renaming a sheet", () => {
  it("rewrites every chart series that reads from it, on whichever sheet the chart sits", async () => {
    const sim = new ExcelSim();
    await chartOverDataSheet(sim, "~PS new data");
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("~PS new data").name = "Portfolio Summary Data";
      await context.sync();
    });
    const [chart] = sim.snapshot("Sheet1").charts;
    expect(chart.sourceData).toBe("'Portfolio Summary Data'!B2:B4");
    expect(chart.series).toEqual([
      {
        name: "Series1",
        values: "'Portfolio Summary Data'!B2:B4",
        xValues: "'Portfolio Summary Data'!A2:A4",
      },
    ]);
  });

  it("leaves series on other sheets alone, and a rename that fails changes no series", async () => {
    const sim = new ExcelSim();
    await chartOverDataSheet(sim, "Data");
    await sim.run(async (context) => context.workbook.worksheets.add("Other").load("name"));
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Data").name = "Data2";
        context.workbook.worksheets.getItem("Other").name = "Data2";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(sim.snapshot("Sheet1").charts[0].series[0].values).toBe("Data!B2:B4");
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Other").name = "Elsewhere";
      await context.sync();
    });
    expect(sim.snapshot("Sheet1").charts[0].series[0].values).toBe("Data!B2:B4");
  });
});

describe("the workbook's name", () => {
  async function tinyFile(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("KPIs").getCell("A1").value = "KPI";
    return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it("is the file name the workbook was opened from, readable after load and sync", async () => {
    const sim = new ExcelSim();
    await sim.importXlsx(await tinyFile(), { name: "SEND tracker.xlsx" });
    const name = await sim.run(async (context) => {
      context.workbook.load("name");
      await context.sync();
      return context.workbook.name;
    });
    expect(name).toBe("SEND tracker.xlsx");
  });

  it("is Excel's Book1.xlsx when no file name is given, and is not readable before it is loaded", async () => {
    const sim = new ExcelSim();
    await sim.importXlsx(await tinyFile());
    await sim.run(async (context) => {
      expect(() => context.workbook.name).toThrow(/not available/);
      context.workbook.load("name");
      await context.sync();
      expect(context.workbook.name).toBe("Book1.xlsx");
    });
  });
});

describe("axis tick labels", () => {
  it("start next to the axis and can be put low, at the chart's edge; an unknown position is refused", async () => {
    const sim = new ExcelSim();
    await chartOverDataSheet(sim, "Data");
    const positions = await sim.run(async (context) => {
      const chart = context.workbook.worksheets.getItem("Sheet1").charts.getItem("PS_ehcp");
      const before = chart.axes.categoryAxis.load("tickLabelPosition");
      await context.sync();
      const initial = before.tickLabelPosition;
      chart.axes.categoryAxis.tickLabelPosition = Excel.ChartAxisTickLabelPosition.low;
      await context.sync();
      const after = chart.axes.categoryAxis.load("tickLabelPosition");
      const value = chart.axes.valueAxis.load("tickLabelPosition");
      await context.sync();
      return [initial, after.tickLabelPosition, value.tickLabelPosition];
    });
    expect(positions).toEqual(["NextToAxis", "Low", "NextToAxis"]);
    expect(sim.snapshot("Sheet1").charts[0].categoryAxisTickLabelPosition).toBe("Low");
    await expect(
      sim.run(async (context) => {
        const chart = context.workbook.worksheets.getItem("Sheet1").charts.getItem("PS_ehcp");
        chart.axes.categoryAxis.tickLabelPosition = "Sideways" as Excel.ChartAxisTickLabelPosition;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("survive an export and import through the side channel", async () => {
    const sim = new ExcelSim();
    await chartOverDataSheet(sim, "Data");
    await sim.run(async (context) => {
      const chart = context.workbook.worksheets.getItem("Sheet1").charts.getItem("PS_ehcp");
      chart.axes.categoryAxis.tickLabelPosition = Excel.ChartAxisTickLabelPosition.low;
      await context.sync();
    });
    const bytes = await sim.exportXlsx();
    const again = new ExcelSim();
    await again.importXlsx(bytes, { sideChannel: sim.lastExportSideChannel ?? undefined, name: "copy.xlsx" });
    expect(again.snapshot("Sheet1").charts[0].categoryAxisTickLabelPosition).toBe("Low");
    expect(again.workbookName).toBe("copy.xlsx");
  });
});
