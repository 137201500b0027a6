// The data sheet's Excel tables in the live workbook: added with their planned names, kept apart from the tracker's
// own tables (names are unique across a workbook), and replaced, not doubled, by the next refresh.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { ExcelSim } from "../../src/excel-sim";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-tracker.xlsx");
const NOW = new Date("2025-01-08T09:30:00Z");

async function tablesOf(sim: ExcelSim): Promise<{ name: string; sheet: string }[]> {
  return sim.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const sheets = tables.items.map((t) => t.worksheet.load("name"));
    await context.sync();
    return tables.items.map((t, i) => ({ name: t.name, sheet: sheets[i].name }));
  });
}

describe("the data sheet's tables in the live workbook", () => {
  it("take a free name where the tracker already has one, and a second refresh replaces them", async () => {
    const sim = new ExcelSim();
    await sim.importXlsx(await readFile(SAMPLE), { name: "sample-tracker.xlsx" });
    // The tracker's own register table happens to bear the name the summary gives its key risks.
    await sim.run(async (context) => {
      context.workbook.tables.getItem("RiskRegister").name = "tblKeyRisks";
      await context.sync();
    });
    let run = 0;
    const gateway = createWorkbookGateway(sim.run, { newRunId: () => `t${++run}` });
    const first = await gateway.refresh({ now: NOW });
    expect(first).toMatchObject({ ok: true });
    const after = await tablesOf(sim);
    const ours = after.filter((t) => t.sheet === "Portfolio Summary Data").map((t) => t.name);
    expect(after.filter((t) => t.sheet === "Risk Register").map((t) => t.name)).toEqual(["tblKeyRisks"]);
    expect(ours).toContain("tblKeyRisks_2");
    expect(ours).toContain("tblContents");
    expect(ours.length).toBeGreaterThan(20);

    const second = await gateway.refresh({ now: NOW });
    expect(second).toMatchObject({ ok: true });
    const again = await tablesOf(sim);
    expect(
      again
        .filter((t) => t.sheet === "Portfolio Summary Data")
        .map((t) => t.name)
        .sort(),
    ).toEqual([...ours].sort());
    expect(again).toHaveLength(after.length);
  });
});
