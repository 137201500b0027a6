// Formatting, merges, conditional formats and charts are recorded faithfully enough to assert a rendered page.
import { ExcelSim, installExcelGlobals } from "../../src/excel-sim";

beforeAll(() => installExcelGlobals());

describe("cell formatting", () => {
  it("applies fonts, fills, alignment and borders to every cell of a range", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const header = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      header.values = [["Project", "Budget", "RAG"]];
      header.format.font.bold = true;
      header.format.font.color = "#ffffff";
      header.format.font.size = 12;
      header.format.fill.color = "#1F4E79";
      header.format.horizontalAlignment = Excel.HorizontalAlignment.center;
      header.format.wrapText = true;
      const bottom = header.format.borders.getItem(Excel.BorderIndex.edgeBottom);
      bottom.style = Excel.BorderLineStyle.continuous;
      bottom.weight = Excel.BorderWeight.medium;
      bottom.color = "#000000";
      await context.sync();
      header.load("format/font/bold, format/fill/color, format/horizontalAlignment");
      const mixed = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").load("format/fill/color");
      await context.sync();
      expect([header.format.font.bold, header.format.fill.color, header.format.horizontalAlignment]).toEqual([
        true,
        "#1F4E79",
        "Center",
      ]);
      // Mixed formats read as null, as in Office.js.
      expect(mixed.format.fill.color).toBeNull();
    });
    const style = sim.snapshot("Sheet1").styles.B1;
    expect(style.font).toMatchObject({ bold: true, color: "#FFFFFF", size: 12 });
    expect(style.fill).toBe("#1F4E79");
    expect(style.borders.EdgeBottom).toEqual({ style: "Continuous", weight: "Medium", color: "#000000" });
  });

  it("refuses a colour Excel does not understand", async () => {
    const sim = new ExcelSim();
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "amber-ish";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("sets column widths and row heights in points", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A:A").format.columnWidth = 120;
      sheet.getRange("2:2").format.rowHeight = 30;
      const width = sheet.getRange("A1").load("format/columnWidth");
      const other = sheet.getRange("B1").load("format/columnWidth, format/rowHeight");
      await context.sync();
      expect(width.format.columnWidth).toBe(120);
      // Excel's default column is 8.43 characters = 48 points; default row 15 points.
      expect([other.format.columnWidth, other.format.rowHeight]).toEqual([48, 15]);
    });
    const snap = sim.snapshot("Sheet1");
    expect(snap.columnWidths).toEqual({ A: 120 });
    expect(snap.rowHeights).toEqual({ 2: 30 });
  });

  it("merges keeping only the top-left value, and unmerges", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C1").values = [["Portfolio Summary", "lost", "lost"]];
      sheet.getRange("A1:C1").merge();
      sheet.getRange("A3:B4").merge(true);
      await context.sync();
    });
    expect(sim.snapshot("Sheet1").merges).toEqual(["A1:C1", "A3:B3", "A4:B4"]);
    expect(sim.snapshot("Sheet1").values[0]).toEqual(["Portfolio Summary"]);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C4").unmerge();
    });
    expect(sim.snapshot("Sheet1").merges).toEqual([]);
  });

  it("clears contents, formats or both", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["keep format", "keep value"]];
      sheet.getRange("A1:B1").format.font.bold = true;
      sheet.getRange("C1").values = [["gone"]];
      await context.sync();
      sheet.getRange("A1").clear(Excel.ClearApplyTo.contents);
      sheet.getRange("B1").clear(Excel.ClearApplyTo.formats);
      sheet.getRange("C1").clear();
      await context.sync();
    });
    const snap = sim.snapshot("Sheet1");
    expect(snap.values).toEqual([["", "keep value"]]);
    expect(Object.keys(snap.styles)).toEqual(["A1"]);
    expect(snap.usedRange).toBe("A1:B1");
  });
});

describe("conditional formats", () => {
  it("records cell-value and text rules with their formats, and clears them", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const variance = context.workbook.worksheets.getItem("Sheet1").getRange("E5:E20");
      const over = variance.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      over.cellValue.format.fill.color = "#FFC7CE";
      over.cellValue.format.font.color = "#9C0006";
      over.cellValue.rule = { formula1: "0.1", operator: Excel.ConditionalCellValueOperator.greaterThan };
      const rag = context.workbook.worksheets.getItem("Sheet1").getRange("F5:F20");
      const red = rag.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
      red.textComparison.format.font.bold = true;
      red.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text: "Red" };
      const count = variance.conditionalFormats.getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by sync, not load
      expect(count.value).toBe(1);
    });
    expect(sim.snapshot("Sheet1").conditionalFormats).toEqual([
      {
        type: "CellValue",
        range: "E5:E20",
        priority: 1,
        stopIfTrue: false,
        rule: { operator: "GreaterThan", formula1: "0.1" },
        format: { fillColor: "#FFC7CE", fontColor: "#9C0006", bold: null },
      },
      {
        type: "ContainsText",
        range: "F5:F20",
        priority: 0,
        stopIfTrue: false,
        rule: { operator: "Contains", text: "Red" },
        format: { fillColor: null, fontColor: null, bold: true },
      },
    ]);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:Z100").conditionalFormats.clearAll();
    });
    expect(sim.snapshot("Sheet1").conditionalFormats).toEqual([]);
  });

  it("refuses a between rule without its second formula", async () => {
    const sim = new ExcelSim();
    await expect(
      sim.run(async (context) => {
        const cf = context.workbook.worksheets
          .getItem("Sheet1")
          .getRange("A1:A5")
          .conditionalFormats.add("CellValue");
        cf.cellValue.rule = { formula1: "1", operator: "Between" };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(sim.snapshot("Sheet1").conditionalFormats).toEqual([]);
  });
});

describe("charts", () => {
  async function withTrajectory(): Promise<ExcelSim> {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const data = context.workbook.worksheets.add("Summary data");
      data.getRange("A1:C4").values = [
        ["Month", "Actual", "Target"],
        ["Apr", 3100, 3000],
        ["May", 3180, 3020],
        ["Jun", 3240, 3040],
      ];
      await context.sync();
    });
    return sim;
  }

  it("creates series from a block by columns, naming them from the header row", async () => {
    const sim = await withTrajectory();
    await sim.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Summary data");
      const chart = data.charts.add(
        Excel.ChartType.line,
        data.getRange("A1:C4"),
        Excel.ChartSeriesBy.columns,
      );
      chart.name = "PS_ehcp_trajectory";
      chart.title.text = "EHCPs: actual against target";
      chart.axes.categoryAxis.title.text = "Month";
      chart.axes.valueAxis.title.text = "EHCPs";
      chart.axes.valueAxis.numberFormat = "#,##0";
      chart.legend.position = Excel.ChartLegendPosition.bottom;
      chart.setPosition("E2", "L20");
      await context.sync();
    });
    const [chart] = sim.snapshot("Summary data").charts;
    expect(chart).toMatchObject({
      name: "PS_ehcp_trajectory",
      chartType: "Line",
      title: "EHCPs: actual against target",
      categoryAxisTitle: "Month",
      valueAxisTitle: "EHCPs",
      valueAxisNumberFormat: "#,##0",
      legendVisible: true,
      legendPosition: "Bottom",
      startCell: "E2",
      endCell: "L20",
      // Four default columns (4 x 48 points) to the left, one default row above; 8 columns by 19 rows.
      left: 192,
      top: 15,
      width: 384,
      height: 285,
    });
    expect(chart.series).toEqual([
      { name: "Actual", values: "'Summary data'!B2:B4", xValues: "'Summary data'!A2:A4" },
      { name: "Target", values: "'Summary data'!C2:C4", xValues: "'Summary data'!A2:A4" },
    ]);
  });

  it("adds series by hand, finds charts by name and deletes them", async () => {
    const sim = await withTrajectory();
    await sim.run(async (context) => {
      const data = context.workbook.worksheets.getItem("Summary data");
      const chart = data.charts.add("ColumnClustered", data.getRange("B2:B4"), "Columns");
      chart.name = "PS_spend";
      const target = chart.series.add("Target");
      target.setValues(data.getRange("C2:C4"));
      target.setXAxisValues(data.getRange("A2:A4"));
      const count = chart.series.getCount();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by sync, not load
      expect(count.value).toBe(2);
      const found = data.charts.getItemOrNullObject("PS_spend");
      const missing = data.charts.getItemOrNullObject("PS_missing");
      await context.sync();
      expect([found.isNullObject, missing.isNullObject]).toEqual([false, true]);
      expect(sim.snapshot("Summary data").charts[0].series[1]).toEqual({
        name: "Target",
        values: "'Summary data'!C2:C4",
        xValues: "'Summary data'!A2:A4",
      });
      found.delete();
      await context.sync();
    });
    expect(sim.snapshot("Summary data").charts).toEqual([]);
  });
});
