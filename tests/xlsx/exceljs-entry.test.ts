// jest.config.js maps "exceljs" to tests/support/exceljs.js: it must give what the package's own entry gives.
import type ExcelJSModule from "exceljs";

// The package's main file by its path: the mapping matches only the bare name.
const entry = require("exceljs/excel.js") as typeof ExcelJSModule & Record<string, unknown>;
const mapped = require("exceljs") as typeof ExcelJSModule & Record<string, unknown>;

describe("exceljs as the tests load it", () => {
  it("is the mapped module, not the package's entry", () => {
    expect(mapped).not.toBe(entry);
  });

  it("exports the same names as the package's entry", () => {
    expect(Object.keys(mapped).sort()).toEqual(Object.keys(entry).sort());
  });

  it("gives the very Workbook class and the same enums", () => {
    expect(mapped.Workbook).toBe(entry.Workbook);
    for (const name of Object.keys(entry).filter(
      (k) => k !== "Workbook" && k !== "stream" && k !== "ModelContainer",
    )) {
      expect([name, mapped[name]]).toEqual([name, entry[name]]);
    }
  });

  it("loads the streaming reader and writer and the model container when read", () => {
    expect(mapped.stream.xlsx.WorkbookReader).toBe(entry.stream.xlsx.WorkbookReader);
    expect(mapped.stream.xlsx.WorkbookWriter).toBe(entry.stream.xlsx.WorkbookWriter);
    expect(mapped.ModelContainer).toBe(entry.ModelContainer);
  });

  it("writes and reads back a workbook", async () => {
    const book = new mapped.Workbook();
    book.addWorksheet("Data").getCell("B2").value = 42;
    const back = new mapped.Workbook();
    await back.xlsx.load(await book.xlsx.writeBuffer());
    expect(back.getWorksheet("Data")?.getCell("B2").value).toBe(42);
  });
});
