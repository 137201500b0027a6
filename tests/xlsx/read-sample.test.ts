// Reading the committed sample tracker gives exactly the raw workbook the generator describes, cell by cell:
// a check on the reader against a realistic tracker (titles, merges, dates, shares, money, an Excel table).
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { readXlsxBuffer, readXlsxFile } from "../../src/xlsx/read";
import { generateTracker, generateTrackerXlsx } from "../support/generate-tracker";
import { sampleTrackerBuffer } from "../../scripts/make-sample-tracker";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-tracker.xlsx");

describe("the sample tracker read from its .xlsx file", () => {
  it("matches the generator's description of every sheet, value and number format", async () => {
    const raw = await readXlsxFile(SAMPLE);
    expect(raw).toEqual(generateTracker(1));
  });

  it("is what the committed generator writes today (the asset is not stale)", async () => {
    const fresh = await sampleTrackerBuffer();
    expect(Buffer.compare(fresh, readFileSync(SAMPLE))).toBe(0);
  });
});

describe("a scaled tracker written to .xlsx and read back", () => {
  it("round-trips the longer history, extra workstreams, milestones and risks unchanged", async () => {
    const raw = await readXlsxBuffer(await generateTrackerXlsx(2), "tracker-2x.xlsx");
    expect(raw).toEqual(generateTracker(2));
  });
});
