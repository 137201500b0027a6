// The load/sync contract: nothing is read or written until context.sync(), as in Office.js.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read unloaded properties on purpose, to check the simulator refuses them as Excel does. */
import { ExcelSim, installExcelGlobals } from "../../src/excel-sim";

// Office.js is not loaded under Node: the simulator supplies the Excel enums.
beforeAll(() => installExcelGlobals());

async function trackerSim(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.name = "Tracker";
    sheet.getRange("A1:C3").values = [
      ["Project", "Budget", "Spend"],
      ["Early help hubs", 120000, 95000],
      ["Transport review", 80000, 91000],
    ];
    await context.sync();
  });
  sim.resetCounters();
  return sim;
}

describe("reading properties", () => {
  it("refuses to give values that were not loaded, with Excel's PropertyNotLoaded error", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tracker").getRange("A1:C3");
      expect(() => range.values).toThrow(
        expect.objectContaining({
          code: "PropertyNotLoaded",
          message:
            "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        }),
      );
      range.load("values");
      // Loaded but not yet synced: still not available.
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values[2]).toEqual(["Transport review", 80000, 91000]);
    });
  });

  it("accepts the comma list, array and select/expand forms of load", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      const a = sheet.getRange("B2").load("values, address");
      const b = sheet.getRange("B2:C2").load(["rowCount", "columnCount"]);
      const c = sheet.getRange("A1").load({ select: "text", expand: "format/font" });
      await context.sync();
      expect(a.address).toBe("Tracker!B2");
      expect(a.values).toEqual([[120000]]);
      expect([b.rowCount, b.columnCount]).toEqual([1, 2]);
      expect(c.text).toEqual([["Project"]]);
      expect(c.format.font.name).toBe("Calibri");
      expect(() => b.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("follows navigation paths such as format/font/bold and items/name", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add("Portfolio Summary");
      const header = sheets.getItem("Tracker").getRange("A1:C1");
      header.format.font.bold = true;
      await context.sync();
      header.load("format/font/bold, format/fill/color");
      sheets.load("items/name");
      await context.sync();
      expect(header.format.font.bold).toBe(true);
      expect(header.format.fill.color).toBe("#FFFFFF");
      expect(sheets.items.map((s) => s.name)).toEqual(["Tracker", "Portfolio Summary"]);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("lets a property that was set be read back before any sync, as Office.js does", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Tracker").getRange("D1");
      cell.values = [["Variance"]];
      expect(cell.values).toEqual([["Variance"]]);
      expect(sim.snapshot("Tracker").values[0]).toEqual(["Project", "Budget", "Spend"]);
      await context.sync();
      expect(sim.snapshot("Tracker").values[0]).toEqual(["Project", "Budget", "Spend", "Variance"]);
    });
  });

  it("reports a loaded object's values in toJSON", async () => {
    const sim = await trackerSim();
    const json = await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tracker").getRange("B2").load("values");
      await context.sync();
      return range.toJSON();
    });
    expect(json).toEqual({ values: [[120000]] });
  });
});

describe("missing items and null objects", () => {
  it("fails getItem on a missing sheet at sync with ItemNotFound, not when it is called", async () => {
    const sim = await trackerSim();
    await expect(
      sim.run(async (context) => {
        const missing = context.workbook.worksheets.getItem("SEND Tracker 2024");
        missing.getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
  });

  it("fails getItem at sync even when the proxy is never used", async () => {
    const sim = await trackerSim();
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Nowhere");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("gives a null object for a missing sheet, known only after sync", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Portfolio Summary");
      const present = context.workbook.worksheets.getItemOrNullObject("tracker");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      missing.load("name");
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Tracker");
    });
  });

  it("refuses writes through a null object at sync", async () => {
    const sim = await trackerSim();
    await expect(
      sim.run(async (context) => {
        const missing = context.workbook.worksheets.getItemOrNullObject("Portfolio Summary");
        missing.getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("gives a null used range for an empty sheet, and A1 from getUsedRange", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      const blank = context.workbook.worksheets.add("Blank");
      const orNull = blank.getUsedRangeOrNullObject(true);
      const used = blank.getUsedRange().load("address");
      await context.sync();
      expect(orNull.isNullObject).toBe(true);
      expect(used.address).toBe("Blank!A1");
    });
  });
});

describe("counting syncs", () => {
  it("counts the client's round trips: none for an empty sync, one for Excel.run's closing sync with work queued", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tracker").getRange("A1").load("values");
      await context.sync();
      // Nothing queued: Office.js makes no round trip.
      await context.sync();
      void range;
    });
    expect(sim.syncCount).toBe(1);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange("E1").values = [["Notes"]];
    });
    expect(sim.syncCount).toBe(2);
    expect(sim.snapshot("Tracker").values[0][4]).toBe("Notes");
    // A new context's first request always carries the workbook's instantiation, so even an empty run sends one.
    await sim.run(async () => undefined);
    expect(sim.syncCount).toBe(3);
    // Each run that kept ranges also releases them afterwards: a round trip that is not a sync.
    expect(sim.requests.filter((r) => r.cleanup)).toHaveLength(2);
    expect(sim.requests).toHaveLength(5);
    sim.resetCounters();
    expect(sim.syncCount).toBe(0);
    expect(sim.requests).toHaveLength(0);
  });

  it("returns method results such as getCount through ClientResult after sync", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await context.sync();
      expect(count.value).toBe(1);
    });
  });

  it("passes sync's argument through, like context.sync(passThroughValue)", async () => {
    const sim = await trackerSim();
    await expect(sim.run((context) => context.sync(42))).resolves.toBe(42);
  });
});

describe("the application", () => {
  it("records calculation and screen-updating suspensions and the calculation mode", async () => {
    const sim = await trackerSim();
    await sim.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      context.application.calculationMode = Excel.CalculationMode.manual;
      await context.sync();
      context.application.load("calculationMode");
      await context.sync();
      expect(context.application.calculationMode).toBe("Manual");
    });
    expect(sim.callCount("suspendApiCalculationUntilNextSync")).toBe(1);
    expect(sim.callCount("suspendScreenUpdatingUntilNextSync")).toBe(1);
    expect(sim.calculationMode).toBe("Manual");
  });
});
