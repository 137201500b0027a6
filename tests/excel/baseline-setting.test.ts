// The pane's "Compare with" setting, through the add-in's own path on the in-memory Excel: a choice saved in the
// workbook is what every later refresh compares with (whoever refreshes), until it is set back to the usual.
import { runEngine } from "../../src/core/engine";
import type { RawWorkbook } from "../../src/core/raw";
import { createWorkbookGateway } from "../../src/excel/gateway";
import type { ExcelSim } from "../../src/excel-sim";
import { readXlsxFile } from "../../src/xlsx/read";
import { movedOnOneMonth } from "../support/moved-on";
import { overwriteSheets, simWithTracker } from "./sim-workbook";

jest.setTimeout(600_000);

const JAN = new Date("2025-01-08T09:30:00Z");
const FEB = new Date("2025-02-10T09:30:00Z");
const FEB_AGAIN = new Date("2025-02-12T14:00:00Z");

let sample: RawWorkbook;
beforeAll(async () => {
  sample = await readXlsxFile("assets/sample-tracker.xlsx");
});

const gatewayFor = (sim: ExcelSim) => createWorkbookGateway(sim.run, { runEngine });

describe("the saved baseline choice", () => {
  it("is used by the next refreshes, also from another co-author's pane, and can be set back", async () => {
    const sim = await simWithTracker(sample);
    const mine = gatewayFor(sim);
    expect((await mine.refresh({ now: JAN })).ok).toBe(true);
    await overwriteSheets(sim, movedOnOneMonth(sample));
    expect((await mine.refresh({ now: FEB })).ok).toBe(true);

    // The usual baseline: February refreshed again still compares with January's report.
    const usual = await mine.refresh({ now: FEB_AGAIN });
    expect(usual.summary?.sinceLastReport?.heading).toBe("Since the report of 10/01/2025");
    expect(usual.summary?.sinceLastReport?.workstreams).toHaveLength(1);

    // Saved as the pane's Settings save it: compare with the last refresh (February's own, two days ago).
    await mine.saveSettings({ baseline: { kind: "previous_refresh" } });
    const theirs = gatewayFor(sim);
    expect(await theirs.loadSettings()).toEqual({ baseline: { kind: "previous_refresh" } });
    const byRefresh = await theirs.refresh({ now: new Date("2025-02-13T10:00:00Z") });
    const since = byRefresh.summary?.sinceLastReport;
    expect(since?.choice).toEqual({ kind: "previous_refresh" });
    expect(since?.baseline?.refreshedAt).toBe(FEB_AGAIN.toISOString());
    expect(since?.workstreams).toEqual([]);
    expect(since?.kpis.map((k) => k.text)).toEqual(["no change", "no change", "no change"]);

    // A report of a given date, then back to the usual.
    await theirs.saveSettings({ baseline: { kind: "report_of", reportingDate: "2025-01-10" } });
    const byDate = await mine.refresh({ now: new Date("2025-02-14T10:00:00Z") });
    expect(byDate.summary?.sinceLastReport?.baseline?.refreshedAt).toBe(JAN.toISOString());
    await mine.saveSettings({});
    const back = await mine.refresh({ now: new Date("2025-02-15T10:00:00Z") });
    expect(back.summary?.sinceLastReport?.choice).toEqual({ kind: "previous_report" });
    expect(back.summary?.sinceLastReport?.heading).toBe("Since the report of 10/01/2025");
  });
});
