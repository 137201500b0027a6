// What Excel does in a workbook people share and build on: references between sheets (kept on rename, #REF! on
// delete), defined names, hyperlinks, copies of sheets, read-only and protected workbooks, another workbook in
// front, a cell being edited, two runtimes at once, settings events and batches that fail part-way.
import { ExcelSim, installExcelGlobals } from "../../src/excel-sim";

beforeAll(() => installExcelGlobals());

/** A summary with a headline figure and a data block, and a cover sheet that refers to both. */
async function coverOverSummary(sim: ExcelSim): Promise<void> {
  await sim.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const summary = sheets.add("Portfolio Summary");
    summary.getRange("A5:C5").values = [["EHCPs", "", 6357]];
    const data = sheets.add("Portfolio Summary Data");
    data.getRange("A1:B4").values = [
      ["Month", "EHCPs"],
      ["2024-10-01", 6059],
      ["2024-11-01", 6274],
      ["2024-12-01", 6353],
    ];
    const cover = sheets.add("Cover");
    cover.getRange("A1:B1").formulas = [["='Portfolio Summary'!C5", "=SUM('Portfolio Summary Data'!B2:B4)"]];
    context.workbook.names.add("HeadlineEHCP", summary.getRange("C5"), "Number of EHCPs on the summary");
    cover.getRange("A2").formulas = [["=HeadlineEHCP"]];
    const chart = cover.charts.add(Excel.ChartType.line, data.getRange("B2:B4"), Excel.ChartSeriesBy.columns);
    chart.name = "My trend";
    chart.series.getItemAt(0).setXAxisValues(data.getRange("A2:A4"));
    cover.getRange("A3").hyperlink = {
      documentReference: "'Portfolio Summary'!C5",
      textToDisplay: "Go to the headline",
    };
    await context.sync();
  });
}

async function deleteSheet(sim: ExcelSim, name: string): Promise<void> {
  await sim.run(async (context) => {
    context.workbook.worksheets.getItem(name).delete();
    await context.sync();
  });
}

describe("references between sheets", () => {
  it("a formula that is one reference, directly or through a defined name, shows the cell it points at", async () => {
    const sim = new ExcelSim();
    await coverOverSummary(sim);
    expect(sim.valueAt("Cover", "A1")).toBe(6357);
    expect(sim.valueAt("Cover", "A2")).toBe(6357);
    // Nothing else is calculated: a SUM keeps the value it was given ("" when written through the API).
    expect(sim.valueAt("Cover", "B1")).toBe("");
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Portfolio Summary").getRange("C5").values = [[6400]];
      await context.sync();
    });
    const values = await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Cover").getRange("A1:A2").load("values,text");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([[6400], [6400]]);
  });

  it("deleting a sheet turns every formula, defined name and chart series that read from it into #REF!", async () => {
    const sim = new ExcelSim();
    await coverOverSummary(sim);
    await deleteSheet(sim, "Portfolio Summary");
    await deleteSheet(sim, "Portfolio Summary Data");
    const cover = sim.snapshot("Cover");
    expect(cover.formulas).toEqual({ A1: "=#REF!C5", A2: "=HeadlineEHCP", B1: "=SUM(#REF!B2:B4)" });
    expect(cover.values[0]).toEqual(["#REF!", "#REF!"]);
    expect(cover.values[1][0]).toBe("#REF!");
    expect(cover.cells.A1.valueType).toBe("Error");
    expect(sim.definedNames).toEqual({ HeadlineEHCP: "=#REF!$C$5" });
    expect(cover.charts[0].series[0]).toMatchObject({ values: "#REF!B2:B4", xValues: "#REF!A2:A4" });
    const name = await sim.run(async (context) => {
      const item = context.workbook.names.getItem("HeadlineEHCP").load("value,type");
      const range = item.getRangeOrNullObject();
      await context.sync();
      return { value: item.value, type: item.type, isNull: range.isNullObject };
    });
    expect(name).toEqual({ value: "#REF!", type: "Error", isNull: true });
    await expect(
      sim.run(async (context) => {
        context.workbook.names.getItem("HeadlineEHCP").getRange().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidReference" });
  });

  it("renaming a sheet rewrites formulas and defined names that name it; a hyperlink keeps its text", async () => {
    const sim = new ExcelSim();
    await coverOverSummary(sim);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Portfolio Summary").name = "Board pack January";
      await context.sync();
    });
    const cover = sim.snapshot("Cover");
    expect(cover.formulas.A1).toBe("='Board pack January'!C5");
    expect(sim.definedNames.HeadlineEHCP).toBe("='Board pack January'!$C$5");
    expect(sim.valueAt("Cover", "A1")).toBe(6357);
    // Excel stores a hyperlink's place as a fixed address: it still names the old sheet.
    expect(cover.hyperlinks.A3).toEqual({
      documentReference: "'Portfolio Summary'!C5",
      textToDisplay: "Go to the headline",
    });
    expect(cover.values[2][0]).toBe("Go to the headline");
  });

  it("references inside string literals are text, not references", async () => {
    const sim = new ExcelSim();
    await coverOverSummary(sim);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Cover").getRange("C1").formulas = [
        ["=\"See Portfolio Summary!C5\" & 'Portfolio Summary'!C5"],
      ];
      await context.sync();
    });
    await deleteSheet(sim, "Portfolio Summary");
    expect(sim.snapshot("Cover").formulas.C1).toBe('="See Portfolio Summary!C5" & #REF!C5');
  });
});

describe("deleting and copying sheets", () => {
  it("a very hidden sheet cannot be deleted", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const hidden = context.workbook.worksheets.add("Lookups");
      hidden.visibility = Excel.SheetVisibility.veryHidden;
      await context.sync();
      hidden.delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(sim.sheetNames).toEqual(["Sheet1", "Lookups"]);
  });

  it("a copy carries content, charts and page setup but not the custom properties, and goes where it is asked", async () => {
    const sim = new ExcelSim();
    await coverOverSummary(sim);
    await sim.run(async (context) => {
      const summary = context.workbook.worksheets.getItem("Portfolio Summary");
      summary.customProperties.add("PortfolioSummary.owner", "portfolio-summary");
      summary.getRange("A1:C1").merge();
      summary.getRange("A1").format.columnWidth = 90;
      summary.pageLayout.orientation = Excel.PageOrientation.landscape;
      const own = summary.charts.add(
        Excel.ChartType.columnClustered,
        summary.getRange("C5"),
        Excel.ChartSeriesBy.columns,
      );
      own.name = "Own data";
      const other = summary.charts.add(
        Excel.ChartType.line,
        context.workbook.worksheets.getItem("Portfolio Summary Data").getRange("B2:B4"),
        Excel.ChartSeriesBy.columns,
      );
      other.name = "Data sheet";
      await context.sync();
      const copy = summary.copy(Excel.WorksheetPositionType.after, summary);
      copy.load("name,position");
      await context.sync();
      expect([copy.name, copy.position]).toEqual(["Portfolio Summary (2)", 2]);
    });
    const original = sim.snapshot("Portfolio Summary");
    const copy = sim.snapshot("Portfolio Summary (2)");
    expect(copy.customProperties).toEqual({});
    expect(original.customProperties).toEqual({ "PortfolioSummary.owner": "portfolio-summary" });
    expect(copy.values).toEqual(original.values);
    expect(copy.merges).toEqual(["A1:C1"]);
    expect(copy.columnWidths).toEqual(original.columnWidths);
    expect(copy.pageLayout.orientation).toBe("Landscape");
    // A chart over the sheet itself reads the copy; one over another sheet still reads that sheet.
    expect(copy.charts.map((c) => [c.name, c.series[0].values])).toEqual([
      ["Own data", "'Portfolio Summary (2)'!C5"],
      ["Data sheet", "'Portfolio Summary Data'!B2:B4"],
    ]);
    // Without a position, the copy goes first, as the documentation says.
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Cover").copy();
      await context.sync();
    });
    expect(sim.sheetNames[0]).toBe("Cover (2)");
  });
});

describe("read-only and protected workbooks", () => {
  it("a read-only workbook says so and refuses every write, settings included, while reads work", async () => {
    const sim = new ExcelSim();
    sim.readOnly = true;
    const readOnly = await sim.run(async (context) => {
      const wb = context.workbook.load("readOnly");
      const a1 = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      return { readOnly: wb.readOnly, a1: a1.values };
    });
    expect(readOnly).toEqual({ readOnly: true, a1: [[""]] });
    for (const write of [
      (c: Excel.RequestContext) =>
        void (c.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]]),
      (c: Excel.RequestContext) => void c.workbook.worksheets.add("More"),
      (c: Excel.RequestContext) => void c.workbook.settings.add("key", 1),
    ]) {
      await expect(
        sim.run(async (context) => {
          write(context);
          // Each attempt is a run of its own, as a user would try them one by one.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
    }
    expect(sim.sheetNames).toEqual(["Sheet1"]);
  });

  it("a protected structure refuses adding, deleting, renaming and moving sheets, but not writing cells", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => void context.workbook.worksheets.add("Notes"));
    sim.protectStructure();
    const state = await sim.run(async (context) => {
      const protection = context.workbook.protection.load("protected");
      context.workbook.worksheets.getItem("Notes").getRange("A1").values = [["allowed"]];
      await context.sync();
      return protection.protected;
    });
    expect(state).toBe(true);
    const attempts: ((c: Excel.RequestContext) => void)[] = [
      (c) => void c.workbook.worksheets.add("More"),
      (c) => c.workbook.worksheets.getItem("Notes").delete(),
      (c) => void (c.workbook.worksheets.getItem("Notes").name = "Renamed"),
      (c) => void (c.workbook.worksheets.getItem("Notes").position = 0),
      (c) => void c.workbook.worksheets.getItem("Notes").copy(),
    ];
    for (const attempt of attempts) {
      await expect(
        sim.run(async (context) => {
          attempt(context);
          // Each attempt is a run of its own, as a user would try them one by one.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
    }
    expect(sim.sheetNames).toEqual(["Sheet1", "Notes"]);
    expect(sim.snapshot("Notes").values).toEqual([["allowed"]]);
  });

  it("a protected sheet refuses changes to its cells, formats and charts, but can be selected and renamed", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => void context.workbook.worksheets.add("Summary"));
    sim.protectSheet("Summary");
    const isProtected = await sim.run(async (context) => {
      const p = context.workbook.worksheets.getItem("Summary").protection.load("protected");
      await context.sync();
      return p.protected;
    });
    expect(isProtected).toBe(true);
    const writes: ((s: Excel.Worksheet) => void)[] = [
      (s) => void (s.getRange("A1").values = [[1]]),
      (s) => void (s.getRange("A1").format.fill.color = "#FF0000"),
      (s) => s.getRange("A1:B1").merge(),
      (s) => void s.charts.add(Excel.ChartType.line, s.getRange("A1"), Excel.ChartSeriesBy.columns),
    ];
    for (const write of writes) {
      await expect(
        sim.run(async (context) => {
          write(context.workbook.worksheets.getItem("Summary"));
          // Each attempt is a run of its own, as a user would try them one by one.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
    }
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Summary");
      sheet.getRange("B2").select();
      sheet.name = "Summary (locked)";
      await context.sync();
    });
    expect(sim.selection).toEqual({ sheet: "Summary (locked)", address: "B2" });
  });
});

describe("another workbook in front (Windows, Mac)", () => {
  // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting: "API limitations when the active
  // workbook switches".
  it.each([
    [
      "WorksheetCollection.add",
      "GeneralException",
      (c: Excel.RequestContext) => void c.workbook.worksheets.add("New"),
    ],
    [
      "Worksheet.delete",
      "InvalidSelection",
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Old").delete(),
    ],
    [
      "Worksheet.activate",
      "GeneralException",
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Old").activate(),
    ],
    [
      "Worksheet.showGridlines",
      "GeneralException",
      (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("Old").showGridlines = false),
    ],
    [
      "WorksheetFreezePanes.freezeRows",
      "GeneralException",
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Old").freezePanes.freezeRows(2),
    ],
    [
      "Range.select",
      "GeneralException",
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Old").getRange("A1").select(),
    ],
  ])("%s fails with %s", async (api, code, call) => {
    const sim = new ExcelSim();
    await sim.run(async (context) => void context.workbook.worksheets.add("Old"));
    sim.focusElsewhere = true;
    await expect(
      sim.run(async (context) => {
        call(context);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code, debugInfo: { errorLocation: api } });
  });

  it("writing cells, renaming and copying sheets still work", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => void context.workbook.worksheets.add("Old"));
    sim.focusElsewhere = true;
    await sim.run(async (context) => {
      const old = context.workbook.worksheets.getItem("Old");
      old.getRange("A1").values = [["still fine"]];
      old.name = "Renamed";
      old.copy(Excel.WorksheetPositionType.end);
      await context.sync();
    });
    expect(sim.sheetNames).toEqual(["Sheet1", "Renamed", "Renamed (2)"]);
  });
});

describe("a cell being edited", () => {
  it("fails every sync with InvalidOperationInCellEditMode, unless the run asked to wait (delayForCellEdit)", async () => {
    const sim = new ExcelSim();
    sim.cellEditMode = true;
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    let done = false;
    const waiting = sim
      .run({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
        await context.sync();
      })
      .then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    sim.cellEditMode = false;
    await waiting;
    expect(sim.snapshot("Sheet1").values).toEqual([[2]]);
  });
});

describe("two runtimes on one workbook", () => {
  it("interleave at their syncs, each seeing what the other committed", async () => {
    const sim = new ExcelSim();
    const order: number[] = [];
    sim.onSync(({ run }) => void order.push(run));
    const runtime = (name: string) =>
      sim.run(async (context) => {
        const settings = context.workbook.settings;
        const seen = settings.getItemOrNullObject("owner").load("value");
        await context.sync();
        if (seen.isNullObject) settings.add("owner", name);
        await context.sync();
        return seen.isNullObject ? null : seen.value;
      });
    const [pane, ribbon] = await Promise.all([runtime("pane"), runtime("ribbon")]);
    // Both looked before either wrote: without a compare-and-swap, both believe they were first.
    expect([pane, ribbon]).toEqual([null, null]);
    // The first sim.run (the pane) and the second (the ribbon), sync by sync.
    expect(order).toEqual([1, 2, 1, 2]);
    expect(sim.settings.owner).toBe("ribbon");
  });

  it("tells every runtime that registered for it when a batch changes the settings", async () => {
    const sim = new ExcelSim();
    const heard: string[] = [];
    await sim.run(async (context) => {
      context.workbook.settings.onSettingsChanged.add(async () => void heard.push("changed"));
      await context.sync();
    });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).toEqual([]);
    await sim.run(async (context) => {
      context.workbook.settings.add("portfolioSummary.lastOutcome", { ok: true });
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).toEqual(["changed"]);
  });
});

describe("a batch that fails part-way", () => {
  it("applies nothing by default; with failedBatches 'partial' keeps what ran before the failure, as Excel does", async () => {
    for (const mode of ["atomic", "partial"] as const) {
      const sim = new ExcelSim({ failedBatches: mode });
      await sim.run(async (context) => void context.workbook.worksheets.add("Old"));
      await expect(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("Old").name = "Renamed";
          context.workbook.worksheets.getItem("Missing").delete();
          // Each attempt is a run of its own, as a user would try them one by one.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }),
      ).rejects.toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
      expect([mode, sim.sheetNames]).toEqual([
        mode,
        mode === "atomic" ? ["Sheet1", "Old"] : ["Sheet1", "Renamed"],
      ]);
    }
  });
});

describe("copying a range", () => {
  it("pastes values, formats, merges and conditional formats, but not widths, at the destination's top-left", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const from = context.workbook.worksheets.getItem("Sheet1");
      from.getRange("A1:B2").values = [
        ["Title", ""],
        [1, 2],
      ];
      from.getRange("A1:B1").merge();
      from.getRange("A2:B2").numberFormat = [["0.0", "0.0"]];
      from.getRange("A2").format.font.bold = true;
      from.getRange("A1").format.columnWidth = 120;
      const cf = from.getRange("A2:B2").conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      cf.cellValue.rule = { formula1: "=1", operator: Excel.ConditionalCellValueOperator.greaterThan };
      const to = context.workbook.worksheets.add("Copy");
      to.getRange("D4").values = [["old"]];
      to.getRange().clear(Excel.ClearApplyTo.all);
      to.getRange("A1:B2").copyFrom(from.getRange("A1:B2"), Excel.RangeCopyType.all);
      await context.sync();
    });
    const copy = sim.snapshot("Copy");
    expect(copy.values).toEqual([
      ["Title", ""],
      [1, 2],
    ]);
    expect(copy.merges).toEqual(["A1:B1"]);
    expect(copy.numberFormats).toEqual({ A2: "0.0", B2: "0.0" });
    expect(copy.styles.A2.font.bold).toBe(true);
    expect(copy.conditionalFormats.map((c) => c.range)).toEqual(["A2:B2"]);
    expect(copy.columnWidths).toEqual({});
  });
});

describe("chart styling", () => {
  it("records series colours, marker colours and the category axis order and crossing", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B3").values = [
        ["Programme", "Green"],
        ["P1", 2],
        ["P2", 3],
      ];
      const chart = sheet.charts.add(
        Excel.ChartType.barStacked,
        sheet.getRange("A1:B3"),
        Excel.ChartSeriesBy.columns,
      );
      const series = chart.series.getItemAt(0);
      series.format.fill.setSolidColor("#00875a");
      series.format.line.color = "#FFFFFF";
      series.markerBackgroundColor = "#00875A";
      series.markerForegroundColor = "#00875A";
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.axes.categoryAxis.position = Excel.ChartAxisPosition.maximum;
      await context.sync();
    });
    const [chart] = sim.snapshot("Sheet1").charts;
    expect(chart.series[0]).toMatchObject({
      fillColor: "#00875A",
      lineColor: "#FFFFFF",
      markerBackgroundColor: "#00875A",
      markerForegroundColor: "#00875A",
    });
    expect([chart.categoryAxisReversed, chart.categoryAxisPosition]).toEqual([true, "Maximum"]);
  });
});
