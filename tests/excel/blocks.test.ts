// Read batching: each sync's response stays under Excel's 5 MB and 5,000,000-cell limits.
import {
  BYTES_PER_CELL,
  DEFAULT_READ_LIMITS,
  estimateBytes,
  planReadBatches,
  rowsPerBlock,
} from "../../src/excel/blocks";

describe("planning the tracker read", () => {
  it("a normal tracker of a dozen small sheets is read in one sync", () => {
    const sheets = Array.from({ length: 12 }, (_, sheet) => ({ sheet, rowCount: 120, columnCount: 14 }));
    const batches = planReadBatches(sheets);
    expect(batches).toHaveLength(1);
    expect(batches[0].map((b) => b.sheet)).toEqual(sheets.map((s) => s.sheet));
  });

  it("a 200,000-row sheet is cut into row blocks that together cover every row once", () => {
    const batches = planReadBatches([{ sheet: 0, rowCount: 200_000, columnCount: 10 }]);
    const blocks = batches.flat();
    expect(batches.length).toBeGreaterThan(1);
    let next = 0;
    for (const block of blocks) {
      expect(block.rowOffset).toBe(next);
      next += block.rowCount;
    }
    expect(next).toBe(200_000);
    for (const batch of batches) {
      const bytes = batch.reduce((sum, b) => sum + estimateBytes(b.rowCount, b.columnCount), 0);
      expect(bytes).toBeLessThanOrEqual(DEFAULT_READ_LIMITS.budgetBytes);
    }
  });

  it("the number of syncs grows only with the data's size, not with the number of sheets", () => {
    const cells = 2_000_000;
    const oneSheet = planReadBatches([{ sheet: 0, rowCount: cells / 10, columnCount: 10 }]).length;
    const tenSheets = planReadBatches(
      Array.from({ length: 10 }, (_, sheet) => ({ sheet, rowCount: cells / 100, columnCount: 10 })),
    ).length;
    const minimum = Math.ceil((cells * BYTES_PER_CELL) / DEFAULT_READ_LIMITS.budgetBytes);
    expect(oneSheet).toBe(minimum);
    expect(tenSheets).toBeLessThanOrEqual(minimum + 1);
  });

  it("a very wide sheet still gets at least one row per block", () => {
    expect(rowsPerBlock(16_384, { bytesPerCell: 1000, budgetBytes: 1000, maxCells: 10 })).toBe(1);
  });

  it("empty sheets are not read at all", () => {
    expect(planReadBatches([{ sheet: 0, rowCount: 0, columnCount: 0 }])).toEqual([]);
  });
});
