// A failing sync applies nothing of its batch: injected failures, failing operations and Excel's size limits.
import { ExcelSim } from "../../src/excel-sim";

async function withSummarySheet(options?: ConstructorParameters<typeof ExcelSim>[0]): Promise<ExcelSim> {
  const sim = new ExcelSim(options);
  await sim.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["Tracker"]];
    await context.sync();
  });
  sim.resetCounters();
  return sim;
}

describe("failOnSync", () => {
  it("fails the n-th sync from now with an Excel-like error and applies none of that batch", async () => {
    const sim = await withSummarySheet();
    sim.failOnSync(2);
    await expect(
      sim.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("B1").values = [["first batch"]];
        await context.sync();
        context.workbook.worksheets.add("Portfolio Summary");
        sheet.getRange("C1").values = [["second batch"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException", name: "RichApi.Error" });
    expect(sim.snapshot("Sheet1").values[0]).toEqual(["Tracker", "first batch"]);
    expect(sim.sheetNames).toEqual(["Sheet1"]);
    expect(sim.syncCount).toBe(2);
  });

  it("fails with the code and message it was given, as the client's own error", async () => {
    const sim = await withSummarySheet();
    const lost = Object.assign(new Error("The connection was lost."), { code: "RequestAborted" });
    sim.failOnSync(1, lost);
    await expect(sim.run((context) => context.sync())).rejects.toMatchObject({
      name: "RichApi.Error",
      code: "RequestAborted",
      message: "The connection was lost.",
    });
    // Only that sync fails.
    await expect(sim.run((context) => context.sync("ok"))).resolves.toBe("ok");
  });

  it("leaves proxies of a failed batch unresolved, so loads from it stay unavailable", async () => {
    const sim = await withSummarySheet();
    sim.failOnSync(1);
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      expect(() => range.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });
});

describe("a failing operation inside a batch", () => {
  it("rolls back the writes queued before it", async () => {
    const sim = await withSummarySheet();
    await expect(
      sim.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.add("Portfolio Summary");
        sheets.getItem("Sheet1").getRange("A2").values = [["written before the failure"]];
        sheets.add("Portfolio Summary");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(sim.sheetNames).toEqual(["Sheet1"]);
    expect(sim.snapshot("Sheet1").values).toEqual([["Tracker"]]);
  });

  it("discards the queue, so the next sync starts clean", async () => {
    const sim = await withSummarySheet();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["only one value"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      sheet.getRange("B1").values = [["fine"]];
      await context.sync();
    });
    expect(sim.snapshot("Sheet1").values).toEqual([["Tracker", "fine"]]);
  });
});

describe("payload limits", () => {
  it("measures each sync's request and response: the bytes of the JSON the client sends and gets", async () => {
    const sim = await withSummarySheet();
    sim.recordRequestBodies();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A100").values = Array.from({ length: 100 }, (_, i) => [`Project ${i + 1}`]);
      await context.sync();
      sheet.getRange("A1:A100").load("values");
      await context.sync();
    });
    const [write, read] = sim.requests;
    const [writeBody, readBody] = sim.requestBodies;
    expect(write.requestBytes).toBe(new TextEncoder().encode(writeBody).length);
    expect(writeBody).toContain(JSON.stringify(Array.from({ length: 100 }, (_, i) => [`Project ${i + 1}`])));
    expect(write.responseBytes).toBeLessThan(200);
    expect(read.requestBytes).toBe(new TextEncoder().encode(readBody).length);
    expect(read.responseBytes).toBeGreaterThan(JSON.stringify([["Project 1"]]).length * 100);
  });

  it("rejects a request over the limit with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const sim = await withSummarySheet({ maxPayloadBytes: 10_000 });
    const rows = Array.from({ length: 1000 }, (_, i) => [`Row ${i + 1}`, i]);
    await expect(
      sim.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("B1").values = [["small write"]];
        sheet.getRange("A2:B1001").values = rows;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(sim.snapshot("Sheet1").values).toEqual([["Tracker"]]);
  });

  it("rejects a response over the limit with ResponsePayloadSizeLimitExceeded and applies nothing", async () => {
    const sim = await withSummarySheet({ maxPayloadBytes: 10_000 });
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      // Two syncs of half each stay under the limit...
      sheet.getRange("A1:A500").values = Array.from({ length: 500 }, () => ["x".repeat(10)]);
      await context.sync();
      sheet.getRange("B1:B500").values = Array.from({ length: 500 }, () => ["y".repeat(10)]);
      await context.sync();
      // ...but reading both columns back in one sync does not.
      sheet.getRange("C1").values = [["queued with the big read"]];
      sheet.getRange("A1:B500").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
    expect(sim.snapshot("Sheet1").values[0]).toEqual(["x".repeat(10), "y".repeat(10)]);
  });

  it("rejects reading or writing a range over the cell limit with RangeExceedsLimit", async () => {
    const sim = await withSummarySheet({ maxCells: 1000 });
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:J101").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
      sheet.getRange("A1:J100").load("values");
      await context.sync();
    });
  });

  it("uses Excel on the web's limits by default: 5 MB and 5,000,000 cells", async () => {
    const sim = new ExcelSim();
    expect(sim.limits).toEqual({ maxPayloadBytes: 5 * 1024 * 1024, maxCells: 5_000_000 });
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });
});
