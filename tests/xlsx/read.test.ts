// The .xlsx reader gives, cell by cell, what Office.js would give for the same workbook.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxBuffer, readXlsxFile, TrackerFileError, columnLetters } from "../../src/xlsx/read";
import { dateToSerial } from "../../src/core/serial";
import type { RawSheet } from "../../src/core/raw";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function readBack(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return readXlsxBuffer(await bytesOf(wb), "test.xlsx");
}

function sheet(raw: { sheets: RawSheet[] }, name: string): RawSheet {
  const s = raw.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("used range", () => {
  it("starts at the first used row and column and fills gaps with empty strings", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("KPIs");
      ws.getCell("B3").value = "KPI";
      ws.getCell("D3").value = "Target";
      ws.getCell("B5").value = "ehcp_count";
      ws.getCell("D5").value = 5707;
    });
    const s = sheet(raw, "KPIs");
    expect(s.originRow).toBe(2);
    expect(s.originCol).toBe(1);
    expect(s.values).toEqual([
      ["KPI", "", "Target"],
      ["", "", ""],
      ["ehcp_count", "", 5707],
    ]);
    expect(s.numberFormats).toEqual([
      ["General", "General", "General"],
      ["General", "General", "General"],
      ["General", "General", "General"],
    ]);
  });

  it("counts only cells with values by default, as the add-in's gateway does, and formatted cells when asked", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Risks");
    ws.getCell("A1").value = "ID";
    ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    const bytes = await bytesOf(wb);
    const formatted = sheet(await readXlsxBuffer(bytes, "t.xlsx", { usedRange: "formatted" }), "Risks");
    expect(formatted.values).toHaveLength(4);
    expect(formatted.values[0]).toEqual(["ID", "", ""]);
    const valuesOnly = sheet(await readXlsxBuffer(bytes, "t.xlsx"), "Risks");
    expect(valuesOnly.values).toEqual([["ID"]]);
  });

  it("gives a sheet without values no rows, at A1", async () => {
    const raw = await readBack((wb) => {
      wb.addWorksheet("Blank");
    });
    expect(sheet(raw, "Blank")).toMatchObject({ values: [], numberFormats: [], originRow: 0, originCol: 0 });
  });

  it("keeps a merged title's text in its first cell and leaves the rest of the merge empty", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("SEND Monthly");
      ws.getCell("A1").value = "SEND monthly data";
      ws.mergeCells("A1:C1");
      ws.getCell("A2").value = "Month";
      ws.getCell("B2").value = "Funded EHCPs";
      ws.getCell("C2").value = "Population 0-25";
    });
    expect(sheet(raw, "SEND Monthly").values).toEqual([
      ["SEND monthly data", "", ""],
      ["Month", "Funded EHCPs", "Population 0-25"],
    ]);
  });
});

describe("cell values", () => {
  it("gives the reporting date 10/01/2025 as Excel serial 45667 with its dd/mm/yyyy format", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("Settings");
      ws.getCell("A1").value = "Reporting date";
      ws.getCell("B1").value = utc(2025, 1, 10);
      ws.getCell("B1").numFmt = "dd/mm/yyyy";
    });
    const s = sheet(raw, "Settings");
    expect(s.values).toEqual([["Reporting date", 45667]]);
    expect(s.numberFormats).toEqual([["General", "dd/mm/yyyy"]]);
  });

  it("keeps Excel's 1900 leap-year quirk: serials 59, 60 and 61 come back unchanged", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("Dates");
      [59, 60, 61].forEach((serial, i) => {
        const cell = ws.getCell(1, i + 1);
        cell.value = serial;
        cell.numFmt = "dd/mm/yyyy";
      });
    });
    expect(sheet(raw, "Dates").values).toEqual([[59, 60, 61]]);
  });

  it("gives dates in a 1904 date-system workbook as 1900-system serials, so 10/01/2025 is 45667 in both", async () => {
    const raw = await readBack((wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
      const ws = wb.addWorksheet("Settings");
      ws.getCell("A1").value = utc(2025, 1, 10);
      ws.getCell("A1").numFmt = "dd/mm/yyyy";
    });
    expect(sheet(raw, "Settings").values).toEqual([[45667]]);
  });

  it("keeps the time of day as the serial's fraction", () => {
    expect(dateToSerial(new Date(Date.UTC(2025, 0, 7, 18, 0, 0)))).toBe(45664.75);
  });

  it("gives formulas as their cached results: numbers, text, booleans, errors and dates", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("Risk Register");
      ws.getCell("A1").value = { formula: "5*4", result: 20 } as ExcelJS.CellFormulaValue;
      ws.getCell("B1").value = { formula: 'IF(A1>=15,"Key","")', result: "Key" } as ExcelJS.CellFormulaValue;
      ws.getCell("C1").value = { formula: "A1>=15", result: true } as ExcelJS.CellFormulaValue;
      ws.getCell("D1").value = {
        formula: "VLOOKUP(9,E:E,1,FALSE)",
        result: { error: "#N/A" },
      } as ExcelJS.CellFormulaValue;
      ws.getCell("E1").value = {
        formula: "DATE(2025,1,31)",
        result: utc(2025, 1, 31),
      } as ExcelJS.CellFormulaValue;
      ws.getCell("E1").numFmt = "dd/mm/yyyy";
      ws.getCell("F1").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
    });
    expect(sheet(raw, "Risk Register").values).toEqual([[20, "Key", true, "#N/A", 45688, ""]]);
  });

  it("gives every cell of a shared formula its own cached result", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("Risk Register");
      ws.getCell("A1").value = 5;
      ws.getCell("B1").value = 4;
      ws.getCell("C1").value = {
        formula: "A1*B1",
        result: 20,
        shareType: "shared",
        ref: "C1:C2",
      } as ExcelJS.CellValue;
      ws.getCell("A2").value = 4;
      ws.getCell("B2").value = 4;
      ws.getCell("C2").value = { sharedFormula: "C1", result: 16 } as ExcelJS.CellValue;
    });
    expect(sheet(raw, "Risk Register").values).toEqual([
      [5, 4, 20],
      [4, 4, 16],
    ]);
  });

  it("flattens rich text, gives hyperlinks as their text and keeps booleans and typed errors", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("Workstreams");
      ws.getCell("A1").value = {
        richText: [{ text: "Amber / Green" }, { text: " - Off Track", font: { bold: true } }],
      };
      ws.getCell("B1").value = { text: "SEND Strategy", hyperlink: "https://example.org/send" };
      ws.getCell("C1").value = false;
      ws.getCell("D1").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    });
    expect(sheet(raw, "Workstreams").values).toEqual([
      ["Amber / Green - Off Track", "SEND Strategy", false, "#REF!"],
    ]);
  });

  it("reports each cell's number format: shares, money, dates, and General where none is set", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("KPIs");
      ws.getRow(1).values = [0.0692, 28210000, 45667, 5707];
      ws.getCell("A1").numFmt = "0.00%";
      ws.getCell("B1").numFmt = "£#,##0";
      ws.getCell("C1").numFmt = "dd/mm/yyyy";
    });
    const s = sheet(raw, "KPIs");
    expect(s.values).toEqual([[0.0692, 28210000, 45667, 5707]]);
    expect(s.numberFormats).toEqual([["0.00%", "£#,##0", "dd/mm/yyyy", "General"]]);
  });
});

describe("workbook structure", () => {
  it("lists sheets in tab order with their visibility", async () => {
    const raw = await readBack((wb) => {
      wb.addWorksheet("Settings").getCell("A1").value = "Field";
      wb.addWorksheet("Lookups", { state: "hidden" }).getCell("A1").value = "Green";
      wb.addWorksheet("Internal", { state: "veryHidden" }).getCell("A1").value = 1;
    });
    expect(raw.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Settings", "visible"],
      ["Lookups", "hidden"],
      ["Internal", "veryHidden"],
    ]);
    expect(raw.name).toBe("test.xlsx");
  });

  it("lists Excel tables with their sheet and range", async () => {
    const raw = await readBack((wb) => {
      const ws = wb.addWorksheet("Risk Register");
      ws.getCell("A1").value = "Risk register";
      ws.addTable({
        name: "RiskRegister",
        ref: "A3",
        headerRow: true,
        columns: [{ name: "ID" }, { name: "Impact (1-5)" }, { name: "Likelihood (1-5)" }],
        rows: [
          ["R01", 5, 4],
          ["R02", 4, 4],
        ],
      });
    });
    expect(raw.tables).toEqual([{ name: "RiskRegister", sheet: "Risk Register", range: "A3:C5" }]);
    expect(sheet(raw, "Risk Register").values.slice(2)).toEqual([
      ["ID", "Impact (1-5)", "Likelihood (1-5)"],
      ["R01", 5, 4],
      ["R02", 4, 4],
    ]);
  });

  it("names columns beyond Z as Excel does", () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});

describe("files that cannot be read", () => {
  const dir = mkdtempSync(join(tmpdir(), "ps-read-"));
  const write = (name: string, data: Uint8Array | string) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  async function failure(p: Promise<unknown>): Promise<TrackerFileError> {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(TrackerFileError);
      return e as TrackerFileError;
    }
    throw new Error("expected the read to fail");
  }

  it("says when there is no file at the path", async () => {
    const e = await failure(readXlsxFile(join(dir, "missing tracker.xlsx")));
    expect(e.message).toMatch(/There is no file at ".*missing tracker\.xlsx"/);
  });

  it("says when a text file has been named .xlsx", async () => {
    const e = await failure(readXlsxFile(write("notes.xlsx", "Month,Funded EHCPs\nDec-24,6353\n")));
    expect(e.message).toMatch(/is not an Excel workbook \(\.xlsx\)/);
  });

  it("says when the file is empty", async () => {
    const e = await failure(readXlsxFile(write("empty.xlsx", new Uint8Array())));
    expect(e.message).toMatch(/is empty/);
  });

  it("says when a workbook was cut short while copying", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Settings").getCell("A1").value = "Field";
    const full = await bytesOf(wb);
    const e = await failure(
      readXlsxFile(write("truncated.xlsx", full.slice(0, Math.floor(full.length / 2)))),
    );
    expect(e.message).toMatch(/damaged or incomplete/);
  });

  it("says when a workbook is password-protected (an encrypted package in an OLE file)", async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from("EncryptedPackage", "utf16le"), 1024);
    const e = await failure(readXlsxFile(write("protected.xlsx", ole)));
    expect(e.message).toMatch(/password-protected/);
  });

  it("says when the file is an old .xls workbook", async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from("Workbook", "utf16le"), 1024);
    const e = await failure(readXlsxFile(write("old.xls", ole)));
    expect(e.message).toMatch(/Excel 97-2003 \(\.xls\)/);
  });

  it("says when a zip is some other Office document", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const e = await failure(
      readXlsxFile(write("report.xlsx", await zip.generateAsync({ type: "uint8array" }))),
    );
    expect(e.message).toMatch(/not an Excel workbook/);
  });

  it("says when the path is a folder", async () => {
    const folder = join(dir, "a folder.xlsx");
    mkdirSync(folder);
    const e = await failure(readXlsxFile(folder));
    expect(e.message).toMatch(/is a folder/);
  });

  it("keeps each message to one sentence", async () => {
    const e = await failure(readXlsxFile(write("plain.xlsx", "hello")));
    expect(e.message.split(/\.\s/).length).toBe(1);
    expect(e.message.endsWith(".")).toBe(true);
  });
});
