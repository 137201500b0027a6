import {
  cellAddress,
  columnIndex,
  columnLetters,
  parseCellAddress,
  MAX_COLS,
  MAX_ROWS,
  parseRangeAddress,
  parseRect,
  quoteSheetName,
  rangeAddress,
  rectAddress,
  sheetCellAddress,
  sheetRangeAddress,
  sheetRowNumber,
} from "../../src/core/a1";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("lower-case letters are accepted; anything else is not a column", () => {
    expect(columnIndex("xfd")).toBe(16383);
    expect(columnIndex("A1")).toBe(-1);
    expect(columnIndex("")).toBe(-1);
    expect(columnLetters(-1)).toBe("");
  });
});

describe("cell and range addresses", () => {
  it("0-based row 4, column 2 is C5", () => {
    expect(cellAddress(4, 2)).toBe("C5");
  });

  it("a range is written top-left to bottom-right whichever corners are given", () => {
    expect(rangeAddress(39, 7, 3, 1)).toBe("B4:H40");
    expect(rangeAddress(3, 1, 3, 1)).toBe("B4");
  });

  it("a value in a used range that starts at C5 points at its real cell", () => {
    const origin = { originRow: 4, originCol: 2 };
    expect(sheetCellAddress(origin, 0, 0)).toBe("C5");
    expect(sheetCellAddress(origin, 3, 1)).toBe("D8");
    expect(sheetRangeAddress(origin, 0, 0, 0, 3)).toBe("C5:F5");
    expect(sheetRowNumber(origin, 3)).toBe(8);
  });

  it("addresses parse back, absolute markers allowed", () => {
    expect(parseCellAddress("$C$5")).toEqual({ row: 4, col: 2 });
    expect(parseCellAddress("C0")).toBeNull();
    expect(parseCellAddress("5C")).toBeNull();
    expect(parseRangeAddress("H40:B4")).toEqual({ top: 3, left: 1, bottom: 39, right: 7 });
    expect(parseRangeAddress("B4")).toEqual({ top: 3, left: 1, bottom: 3, right: 1 });
    expect(parseRangeAddress("A1:B2:C3")).toBeNull();
  });
});

describe("rectangles for the range API", () => {
  it("B4:H40 is a block 37 rows by 7 columns starting at row 3, column 1, and writes back the same", () => {
    const rect = parseRect("H40:B4");
    expect(rect).toEqual({ row: 3, col: 1, rows: 37, cols: 7 });
    expect(rectAddress(rect!)).toBe("B4:H40");
    expect(rectAddress({ row: 3, col: 1, rows: 1, cols: 1 })).toBe("B4");
  });

  it("whole columns and whole rows span the grid", () => {
    expect(parseRect("C:E")).toEqual({ row: 0, col: 2, rows: MAX_ROWS, cols: 3 });
    expect(parseRect("3:5")).toEqual({ row: 2, col: 0, rows: 3, cols: MAX_COLS });
    expect(parseRect("$a$1")).toEqual({ row: 0, col: 0, rows: 1, cols: 1 });
  });

  it("addresses Excel would refuse are not rectangles", () => {
    for (const text of ["C", "3", "A0", "XFE1", "A1048577", "A1:B2:C3", "A:3", "A1:B", "", "Sheet1!A1"]) {
      expect(parseRect(text)).toBeNull();
    }
  });

  it("a sheet name is quoted with its apostrophes doubled", () => {
    expect(quoteSheetName("Portfolio Summary")).toBe("'Portfolio Summary'");
    expect(quoteSheetName("Officer's notes")).toBe("'Officer''s notes'");
  });
});
