// Planning the tracker read: each sync's response under Excel's 5 MB and 5,000,000-cell limits, and bounded however
// large Excel says a sheet is (formulas filled to row 1,048,576, a stray value in column XFD).
import type { RawCell } from "../../src/core/raw";
import {
  BLANK_ROWS_TO_STOP,
  DEFAULT_READ_LIMITS,
  MAX_READ_COLUMNS,
  ReadPlan,
  type ReadBlock,
  type SheetExtent,
} from "../../src/excel/blocks";

/** Runs a plan to the end against sheets whose cells come from `cell`; returns the requests it made. */
function drive(
  extents: SheetExtent[],
  cell: (sheet: number, row: number, col: number) => RawCell,
  bytesPerCell = 12,
  limits = DEFAULT_READ_LIMITS,
): { plan: ReadPlan; requests: ReadBlock[][] } {
  const plan = new ReadPlan(extents, limits);
  const requests: ReadBlock[][] = [];
  while (!plan.done) {
    const blocks = plan.next();
    expect(blocks.length).toBeGreaterThan(0);
    requests.push(blocks);
    for (const b of blocks) {
      const values = Array.from({ length: b.rowCount }, (_, r) =>
        Array.from({ length: b.columnCount }, (_, c) => cell(b.sheet, b.rowOffset + r, c)),
      );
      const formats = values.map((row) => row.map(() => "General"));
      plan.took(b, values, formats, b.rowCount * b.columnCount * bytesPerCell);
    }
    if (requests.length > 1000) throw new Error("The plan does not end.");
  }
  return { plan, requests };
}

describe("planning the tracker read", () => {
  it("a normal tracker of a dozen small sheets is read in one sync", () => {
    const sheets = Array.from({ length: 12 }, (_, sheet) => ({ sheet, rowCount: 120, columnCount: 14 }));
    const { plan, requests } = drive(sheets, (s, r, c) => `${s}:${r}:${c}`);
    expect(requests).toHaveLength(1);
    expect(requests[0].map((b) => b.sheet)).toEqual(sheets.map((s) => s.sheet));
    expect(plan.result(3).values).toHaveLength(120);
    expect(plan.result(3).unread).toEqual([]);
  });

  it("a 200,000-row sheet is cut into row blocks that together cover every row once, each sync within budget", () => {
    const { plan, requests } = drive([{ sheet: 0, rowCount: 200_000, columnCount: 10 }], (_, r) => r + 1);
    expect(requests.length).toBeGreaterThan(1);
    let next = 0;
    for (const [block] of requests) {
      expect(block.rowOffset).toBe(next);
      next += block.rowCount;
      expect(block.rowCount * block.columnCount).toBeLessThanOrEqual(DEFAULT_READ_LIMITS.maxCells);
    }
    expect(next).toBe(200_000);
    expect(plan.result(0).values.every((row, r) => row[0] === r + 1)).toBe(true);
  });

  it("sizes each block after the first from the bytes the last one really took", () => {
    // The first block is sized from a guess of 64 bytes a cell; these cells take 10, so the next is far larger.
    const { requests } = drive([{ sheet: 0, rowCount: 200_000, columnCount: 10 }], (_, r) => r, 10);
    const [first, second] = requests.map(([b]) => b.rowCount);
    const guessRows = Math.floor(DEFAULT_READ_LIMITS.budgetBytes / (10 * DEFAULT_READ_LIMITS.bytesPerCell));
    expect(first).toBe(guessRows);
    expect(second).toBeGreaterThan(first * 4);
    expect(requests.length).toBe(1 + Math.ceil((200_000 - first) / second));
  });

  it("formulas filled to row 1,048,576: the read stops after a long run of blank rows and says what it left", () => {
    const rows = 1_048_576;
    const { plan, requests } = drive([{ sheet: 0, rowCount: rows, columnCount: 13 }], (_, r, c) =>
      r < 200 && c < 12 ? `cell ${r}` : "",
    );
    expect(requests.length).toBeLessThanOrEqual(3);
    const read = plan.result(0);
    // Trailing blank rows and the blank formula column are trimmed.
    expect(read.values).toHaveLength(200);
    expect(read.values[0]).toHaveLength(12);
    expect(read.unread).toHaveLength(1);
    const [left] = read.unread;
    expect(left).toMatchObject({ reason: "blank-rows", colOffset: 0, colCount: 13 });
    expect(left.rowOffset).toBeGreaterThanOrEqual(200 + BLANK_ROWS_TO_STOP);
    expect(left.rowOffset + left.rowCount).toBe(rows);
  });

  it("one value in column XFD: only the first columns are read, and the rest is reported", () => {
    const { plan, requests } = drive([{ sheet: 0, rowCount: 200, columnCount: 16_384 }], (_, r, c) =>
      c < 12 ? r : "",
    );
    expect(requests.length).toBeLessThanOrEqual(2);
    for (const [block] of requests) expect(block.columnCount).toBe(MAX_READ_COLUMNS);
    const read = plan.result(0);
    expect(read.values).toHaveLength(200);
    expect(read.values[0]).toHaveLength(12);
    expect(read.unread).toEqual([
      {
        sheet: 0,
        rowOffset: 0,
        rowCount: 200,
        colOffset: MAX_READ_COLUMNS,
        colCount: 16_384 - MAX_READ_COLUMNS,
        reason: "far-columns",
      },
    ]);
  });

  it("reading only the tops of the sheets leaves nothing to report", () => {
    const { plan, requests } = drive(
      [{ sheet: 0, rowCount: 50_000, columnCount: 10, headRows: 500 }],
      (_, r) => r,
    );
    expect(requests).toHaveLength(1);
    expect(plan.result(0).values).toHaveLength(500);
    expect(plan.result(0).unread).toEqual([]);
  });

  it("a request refused for its size comes back in smaller blocks, down to one row", () => {
    const plan = new ReadPlan([{ sheet: 0, rowCount: 10_000, columnCount: 10 }]);
    const first = plan.next();
    expect(plan.refused(first)).toBe(true);
    const [again] = plan.next();
    expect(again.rowOffset).toBe(0);
    expect(again.rowCount).toBeLessThanOrEqual(Math.ceil(first[0].rowCount / 2));
    const single = new ReadPlan([{ sheet: 0, rowCount: 1, columnCount: 16_384 }]);
    expect(single.refused(single.next())).toBe(false);
  });

  it("a very wide sheet still gets at least one row per block", () => {
    const plan = new ReadPlan([{ sheet: 0, rowCount: 10, columnCount: 200 }], {
      bytesPerCell: 1000,
      budgetBytes: 1000,
      maxCells: 10,
    });
    expect(plan.next()[0].rowCount).toBe(1);
  });

  it("empty sheets are not read at all", () => {
    const plan = new ReadPlan([{ sheet: 0, rowCount: 0, columnCount: 0 }]);
    expect(plan.done).toBe(true);
    expect(plan.result(0).values).toEqual([]);
  });
});
