// What a write means: formulas versus text, numbers typed as text, dates, "@" cells, and the shape of the input.
import { ExcelSim } from "../../src/excel-sim";

async function write(
  values: (string | number | boolean | null)[][],
  numberFormat?: string[][],
): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.run(async (context) => {
    const range = context.workbook.worksheets
      .getItem("Sheet1")
      .getRangeByIndexes(0, 0, values.length, values[0].length);
    if (numberFormat) range.numberFormat = numberFormat;
    range.values = values;
    await context.sync();
  });
  return sim;
}

describe("formulas and text", () => {
  it("stores a string starting with = as a formula and computes nothing", async () => {
    const sim = await write([[10, 20, "=A1+B1"]]);
    const snap = sim.snapshot("Sheet1");
    expect(snap.formulas).toEqual({ C1: "=A1+B1" });
    expect(snap.cells.C1.value).toBe("");
    await sim.run(async (context) => {
      const c1 = context.workbook.worksheets.getItem("Sheet1").getRange("C1").load("formulas, values");
      await context.sync();
      expect(c1.formulas).toEqual([["=A1+B1"]]);
    });
  });

  it("keeps a leading apostrophe's text as text, without the apostrophe", async () => {
    const sim = await write([["'=SUM(A1:A3)", "'00123"]]);
    const snap = sim.snapshot("Sheet1");
    expect(snap.formulas).toEqual({});
    expect(snap.values[0]).toEqual(["=SUM(A1:A3)", "00123"]);
  });

  it("turns a note starting with a minus sign into a formula, as typing it into Excel would", async () => {
    const sim = await write([["- awaiting sign-off"]]);
    expect(sim.snapshot("Sheet1").formulas).toEqual({ A1: "=- awaiting sign-off" });
  });

  it("keeps everything as text in a cell formatted as text (@)", async () => {
    const sim = await write([["00123", "=A1", "TRUE"]], [["@", "@", "@"]]);
    const snap = sim.snapshot("Sheet1");
    expect(snap.values[0]).toEqual(["00123", "=A1", "TRUE"]);
    expect(snap.formulas).toEqual({});
  });
});

describe("strings Excel converts", () => {
  it("converts plain numeric strings to numbers", async () => {
    const sim = await write([["00123", "1e3", "-4.5", "1,250,000", "12,34"]]);
    expect(sim.snapshot("Sheet1").values[0]).toEqual([123, 1000, -4.5, 1250000, "12,34"]);
  });

  // Range.values in @types/office-js: "Locale-shaped strings ... are stored as text instead of as dates. To
  // ensure dates are stored as dates, use ... a locale-neutral format like ISO (YYYY-MM-DD) or a numeric date
  // serial." The grid parses what a UK user types; the API does not.
  it("keeps a UK-shaped date string written through values as text, and reads an ISO date as a date", async () => {
    const sim = await write([["07/01/2025", "2025-03-31", "31/02/2025", 45664]]);
    const snap = sim.snapshot("Sheet1");
    // 31 March 2025 is serial 45747 in Excel's 1900 date system.
    expect(snap.values[0]).toEqual(["07/01/2025", 45747, "31/02/2025", 45664]);
    expect(snap.cells.A1.valueType).toBe("String");
    expect(snap.numberFormats).toEqual({ B1: "dd/mm/yyyy" });
    expect(snap.cells.B1.text).toBe("31/03/2025");
  });

  it("converts percentages and booleans", async () => {
    const sim = await write([["12%", "true", "FALSE"]]);
    const snap = sim.snapshot("Sheet1");
    expect(snap.values[0]).toEqual([0.12, true, false]);
    expect(snap.numberFormats).toEqual({ A1: "0%" });
  });

  it("reports value types, with Excel error strings as errors", async () => {
    const sim = await write([["#N/A", 3, "text", true, ""]]);
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1").load("valueTypes");
      await context.sync();
      expect(range.valueTypes).toEqual([["Error", "Double", "String", "Boolean", "Empty"]]);
    });
  });
});

describe("the shape of the input", () => {
  it("fails with InvalidArgument when a 2-D block does not match the range", async () => {
    const sim = new ExcelSim();
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2").values = [[1, 2, 3]];
        await context.sync();
      }),
    ).rejects.toMatchObject({
      code: "InvalidArgument",
      message:
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    });
  });

  it("spreads a single value over every cell, as Excel's runtime does although the typings ask for 2-D", async () => {
    const sim = new ExcelSim();
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      (range as unknown as { numberFormat: string }).numberFormat = "0.0%";
      (range as unknown as { values: number }).values = 0.25;
      await context.sync();
    });
    const snap = sim.snapshot("Sheet1");
    expect(snap.values).toEqual([
      [0.25, 0.25],
      [0.25, 0.25],
    ]);
    expect(snap.cells.B2.text).toBe("25.0%");
  });

  it("leaves a cell unchanged where the input holds null", async () => {
    const sim = await write([["Budget", 100]]);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [
        [null as unknown as string, 200],
      ];
      await context.sync();
    });
    expect(sim.snapshot("Sheet1").values[0]).toEqual(["Budget", 200]);
  });
});

describe("display text", () => {
  it("shows numbers through their number formats", async () => {
    const formats = [
      ["#,##0", "£#,##0.00", "0.0%", "0.00", "#,##0;(#,##0)", "General", "d mmm yyyy", "mmm-yy"],
    ];
    const sim = await write([[1234567.891, 1234.5, 0.4567, 2, -1500, 1 / 3, 45664, 45664]], formats);
    await sim.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1:H1")
        .load("text, numberFormat");
      await context.sync();
      expect(range.text[0]).toEqual([
        "1,234,568",
        "£1,234.50",
        "45.7%",
        "2.00",
        "(1,500)",
        "0.333333333",
        "7 Jan 2025",
        "Jan-25",
      ]);
      expect(range.numberFormat).toEqual(formats);
    });
  });
});

describe("scaled number formats", () => {
  it("shows pounds in millions under the page's £m format, commas after the decimals scaling by 1,000 each", async () => {
    const formats = [['"£"#,##0.00,,"m"', '+"£"#,##0.00,,"m";-"£"#,##0.00,,"m";"£"0.00"m"', "#,##0,"]];
    const sim = await write([[43_200_000, -14_990_000, 2_239_960]], formats);
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").load("text");
      await context.sync();
      expect(range.text[0]).toEqual(["£43.20m", "-£14.99m", "2,240"]);
    });
  });
});
