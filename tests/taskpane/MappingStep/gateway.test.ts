// The gateway methods the mapping step uses, against the in-memory Excel holding a council's months-across tracker:
// read the workbook, save the mapping in its settings (so everyone who opens the file gets it), refresh through it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SAVED_MAPPING_KEY } from "../../../src/core/engine-api";
import { suggestMapping, type TrackerMapping } from "../../../src/core/mapping";
import type { PortfolioSummary } from "../../../src/core/model";
import { createWorkbookGateway } from "../../../src/excel/gateway";
import { ExcelSim } from "../../../src/excel-sim";

const NOW = new Date("2025-01-08T09:30:00Z");
const LAYOUTS = join(__dirname, "../../fixtures/layouts");

async function simOf(name: string): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.importXlsx(readFileSync(join(LAYOUTS, `${name}.xlsx`)));
  return sim;
}

const kpi = (summary: PortfolioSummary | null, id: string) => summary?.kpis.find((k) => k.id === id)?.actual;

describe("the gateway's mapping methods", () => {
  test("with no mapping saved, loadMapping gives null and the months-across tracker cannot be refreshed", async () => {
    const sim = await simOf("months-across");
    const gateway = createWorkbookGateway(sim.run);
    expect(await gateway.loadMapping()).toBeNull();
    const outcome = await gateway.refresh({ now: NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary?.issues.some((i) => i.code === "missing_sheet" && i.severity === "error")).toBe(
      true,
    );
  });

  test("readRaw gives the workbook the engine reads, and the suggestion from it is the committed mapping", async () => {
    const sim = await simOf("months-across");
    const raw = await createWorkbookGateway(sim.run).readRaw();
    expect(raw.sheets.map((s) => s.name)).toContain("Monthly Dashboard Data");
    const committed = JSON.parse(
      readFileSync(join(LAYOUTS, "months-across.mapping.json"), "utf8"),
    ) as TrackerMapping;
    expect(suggestMapping(raw).mapping.sections.monthly).toMatchObject(committed.sections.monthly!);
  });

  test("a saved mapping is kept in the workbook's settings and the refresh gives the dashboard's figures", async () => {
    const sim = await simOf("months-across");
    const gateway = createWorkbookGateway(sim.run);
    const mapping = suggestMapping(await gateway.readRaw()).mapping;
    await gateway.saveMapping(mapping);
    expect(sim.settings[SAVED_MAPPING_KEY]).toEqual(mapping);
    expect(await gateway.loadMapping()).toEqual(mapping);
    const outcome = await gateway.refresh({ now: NOW });
    expect(outcome.ok).toBe(true);
    expect(kpi(outcome.summary, "ehcp_count")).toBe(6357);
    expect(kpi(outcome.summary, "hnb_overspend")).toBeCloseTo(43.2e6, -3);
    expect(kpi(outcome.summary, "inmss_share")).toBeCloseTo(0.0575, 4);
    // The summary sheet the refresh wrote is the add-in's own, so a later read for the mapping step leaves it out.
    expect((await gateway.readRaw()).sheets.map((s) => s.name)).not.toContain(outcome.sheetName);
  });

  test("saveMapping(null) removes the saved mapping, and removing one that is not there is harmless", async () => {
    const sim = await simOf("months-across");
    const gateway = createWorkbookGateway(sim.run);
    await gateway.saveMapping(null);
    await gateway.saveMapping({ version: 1, sections: {} });
    await gateway.saveMapping(null);
    expect(SAVED_MAPPING_KEY in sim.settings).toBe(false);
    expect(await gateway.loadMapping()).toBeNull();
  });

  test("after the mapped sheet is renamed, the refresh stops with an issue naming what it pointed at", async () => {
    const sim = await simOf("months-across");
    const gateway = createWorkbookGateway(sim.run);
    await gateway.saveMapping(suggestMapping(await gateway.readRaw()).mapping);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Monthly Dashboard Data").name = "EHCP data 2024";
      await context.sync();
    });
    const outcome = await gateway.refresh({ now: NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary?.issues.map((i) => i.message)).toContainEqual(
      expect.stringMatching(
        /^SEND Monthly \(.+\) was mapped to the sheet "Monthly Dashboard Data", which no longer exists\./,
      ),
    );
  });
});
