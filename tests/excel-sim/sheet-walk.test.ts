// Walking the sheets in tab order (getFirst, getNext, getNextOrNullObject), including past the last sheet,
// as the gateway does to learn every sheet in one round trip.
import { ExcelSim, installExcelGlobals } from "../../src/excel-sim";

beforeAll(() => installExcelGlobals());

/** A workbook with Sheet1, then "Tracker" (hidden), then "Notes", in that tab order. */
async function threeSheets(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.run(async (context) => {
    const tracker = context.workbook.worksheets.add("Tracker");
    context.workbook.worksheets.add("Notes");
    tracker.visibility = Excel.SheetVisibility.hidden;
    await context.sync();
  });
  return sim;
}

describe("walking the sheets in tab order", () => {
  it("visits every sheet in tab order, hidden ones included, and then gives a null object", async () => {
    const sim = await threeSheets();
    await sim.run(async (context) => {
      const chain: Excel.Worksheet[] = [context.workbook.worksheets.getFirst()];
      for (let i = 0; i < 4; i++) chain.push(chain[chain.length - 1].getNextOrNullObject());
      chain.forEach((sheet) => sheet.load("name,visibility"));
      await context.sync();
      expect(chain.slice(0, 3).map((s) => [s.name, s.visibility, s.isNullObject])).toEqual([
        ["Sheet1", "Visible", false],
        ["Tracker", "Hidden", false],
        ["Notes", "Visible", false],
      ]);
      // Past the last sheet, and past that null object again: null objects, not errors.
      expect(chain.slice(3).map((s) => s.isNullObject)).toEqual([true, true]);
    });
    expect(sim.syncCount).toBe(2);
  });

  it("follows the order after a sheet is moved", async () => {
    const sim = await threeSheets();
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").position = 0;
      const first = context.workbook.worksheets.getFirst().load("name");
      const second = first.getNext().load("name");
      await context.sync();
      expect([first.name, second.name]).toEqual(["Notes", "Sheet1"]);
    });
  });

  it("skips hidden sheets when asked for visible ones only", async () => {
    const sim = await threeSheets();
    await sim.run(async (context) => {
      const next = context.workbook.worksheets.getFirst(true).getNextOrNullObject(true).load("name");
      await context.sync();
      expect(next.name).toBe("Notes");
    });
  });

  it("refuses getNext on the last sheet with ItemNotFound, as Excel does", async () => {
    const sim = await threeSheets();
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").getNext();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("gives null objects for the used range and custom properties of a sheet past the end", async () => {
    const sim = await threeSheets();
    await sim.run(async (context) => {
      const past = context.workbook.worksheets.getItem("Notes").getNextOrNullObject();
      const used = past.getUsedRangeOrNullObject(true).load("address");
      const owner = past.customProperties.getItemOrNullObject("owner").load("value");
      await context.sync();
      expect([past.isNullObject, used.isNullObject, owner.isNullObject]).toEqual([true, true, true]);
    });
  });

  it("walks backwards with getPrevious and getPreviousOrNullObject", async () => {
    const sim = await threeSheets();
    await sim.run(async (context) => {
      const last = context.workbook.worksheets.getLast().load("name");
      const before = last.getPrevious().load("name");
      const beforeFirst = context.workbook.worksheets.getFirst().getPreviousOrNullObject();
      beforeFirst.load("name");
      await context.sync();
      expect([last.name, before.name, beforeFirst.isNullObject]).toEqual(["Notes", "Tracker", true]);
    });
  });
});

describe("a strict simulator (calls on a null object refused)", () => {
  it("fails the whole sync when the walk goes on from the null object past the last sheet", async () => {
    const sim = new ExcelSim({ nullObjectCalls: "strict" });
    await sim.run(async (context) => {
      const first = context.workbook.worksheets.getFirst();
      const past = first.getNextOrNullObject();
      past.getNextOrNullObject().load("name");
      first.load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    });
  });

  it("still gives a null object one step past the last sheet", async () => {
    const sim = new ExcelSim({ nullObjectCalls: "strict" });
    await sim.run(async (context) => {
      const past = context.workbook.worksheets.getFirst().getNextOrNullObject();
      await context.sync();
      expect(past.isNullObject).toBe(true);
    });
  });
});
