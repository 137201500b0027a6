// The page planned from the real sample tracker, end to end: file -> engine -> plan.
import { runEngine } from "../../src/core/engine";
import { planSheets } from "../../src/layout";
import { readXlsxFile } from "../../src/xlsx/read";
import type { SheetPlan } from "../../src/layout/plan";
import { LEFT, RIGHT } from "../../src/layout/page";
import { pageContentHeight } from "../../src/layout/pagination";
import { breakProblems, planProblems, rowsHeight } from "./plan-checks";
import { describeSheet, find, formatAt, parseRangeAddress, sheetOf, valueAt } from "./plan-reading";

let plan: SheetPlan;

beforeAll(async () => {
  const raw = await readXlsxFile("assets/sample-tracker.xlsx");
  plan = planSheets(runEngine(raw, { now: new Date("2025-01-10T09:30:00Z") }));
});

describe("the plan built from the sample tracker", () => {
  it("keeps every promise to the renderers and draws all nine charts", () => {
    expect(planProblems(plan)).toEqual([]);
    expect(sheetOf(plan, "summary").charts).toHaveLength(9);
  });

  it("reproduces the dashboard's tiles: 6,357 EHCPs (+650), £43.20m overspend (+£14.99m), 5.75% in INMSS", () => {
    const page = sheetOf(plan, "summary");
    const row = Number(find(page, "Number of EHCPs")?.slice(1));
    expect([valueAt(page, `A${row + 1}`), valueAt(page, `B${row + 3}`)]).toEqual([6357, 650]);
    expect([valueAt(page, `C${row + 1}`), valueAt(page, `F${row + 3}`)]).toEqual([43200000, 14990000]);
    expect(formatAt(page, `I${row + 1}`)).toBe("0.00%");
    expect(Number(valueAt(page, `I${row + 1}`)).toFixed(4)).toBe("0.0575");
    expect(Number(valueAt(page, `K${row + 3}`)).toFixed(2)).toBe("-1.17");
  });

  it("shows the HNB in-year net position, a deficit, in brackets as the finance tables do", () => {
    const page = sheetOf(plan, "summary");
    const label = find(page, "In-year net position HNB");
    expect(label).toBeDefined();
    const row = Number(label?.replace(/^[A-Z]+/, ""));
    const labelColumn = (label as string).charCodeAt(0);
    // The value sits to the right of its label, on the same row.
    const cell = Array.from(
      { length: 76 - labelColumn },
      (_, i) => `${String.fromCharCode(labelColumn + 1 + i)}${row}`,
    ).find((a) => typeof valueAt(page, a) === "number");
    expect(cell).toBeDefined();
    expect(valueAt(page, cell as string)).toBe(-43_200_000);
    expect(formatAt(page, cell as string)).toBe('"£"#,##0.00,,"m";("£"#,##0.00,,"m");"£"0.00"m"');
  });

  it("matches the reviewed page", () => {
    expect(describeSheet(sheetOf(plan, "summary"))).toMatchSnapshot();
  });

  it("prints as a pack of at most nine A4 pages, no break cutting a chart, a table or a heading from its block", () => {
    const page = sheetOf(plan, "summary");
    // Seven pages until the outlook block (outlook, cost of the demand gap, figures in words) added about one; the
    // grid that keeps merges out of the tables (wrapped text in single columns, definitions as a glossary) one more.
    expect(page.print?.rowBreaks.length).toBeLessThanOrEqual(8);
    const room = pageContentHeight({
      orientation: "landscape",
      columnWidths: page.columnWidths.map((w) => w.width),
      margins: page.print?.margins ?? { left: 0, right: 0, top: 0, bottom: 0 },
      repeatedRowsHeight: rowsHeight(page, 1, 2),
    });
    expect(breakProblems(page, room)).toEqual([]);
    expect(page.print?.titleRows).toBe("1:2");
  });

  it("puts charts side by side in pairs, each half the page wide, on the same rows and never overlapping", () => {
    const page = sheetOf(plan, "summary");
    const boxes = page.charts.map((c) => ({
      id: c.id,
      ...parseRangeAddress(`${c.position.from}:${c.position.to}`),
    }));
    // The halves are the page's columns 1-5 and 6-11 (91 and 85 width units).
    const halves = [`${LEFT.c1}-${LEFT.c2}`, `${RIGHT.c1}-${RIGHT.c2}`];
    for (const a of boxes) {
      expect(halves).toContain(`${a.col1}-${a.col2}`);
      for (const b of boxes) {
        if (a === b) continue;
        const overlap = a.row1 <= b.row2 && b.row1 <= a.row2 && a.col1 <= b.col2 && b.col1 <= a.col2;
        expect(overlap ? `${a.id} overlaps ${b.id}` : "").toBe("");
      }
    }
    const inPairs = boxes.filter((a) => boxes.some((b) => b !== a && b.row1 === a.row1 && b.row2 === a.row2));
    // Programmes 3 and 5 have two charts each, and the overview two: six charts in pairs. The other three sit
    // beside their programme's tables.
    expect(inPairs.map((b) => b.id).sort()).toEqual(
      [
        "PS_workstream_rag",
        "PS_milestone_status",
        "PS_inmss_share",
        "PS_special_school_places",
        "PS_hnb_net_position",
        "PS_average_cost_per_ehcp",
      ].sort(),
    );
    const beside = (id: string) => {
      const chart = boxes.find((b) => b.id === id);
      const row = chart?.row1 ?? 0;
      return chart?.col1 === RIGHT.c1 && page.values[row - 1][0] !== null;
    };
    expect(["PS_ehcp_trajectory", "PS_ceased_plans", "PS_twenty_week_rates"].every(beside)).toBe(true);
  });

  it("says which forecast the finance figures reflect and how old it is, not the date alone", () => {
    const page = sheetOf(plan, "summary");
    const row = Number(find(page, "Finance data reflects:")?.slice(1));
    expect(valueAt(page, `B${row}`)).toBe("Q2 Forecast");
    expect(valueAt(page, `C${row}`)).toBe(
      "As at 15/11/2024, 56 days old at the reporting date (limit 120 days).",
    );
    const send = Number(find(page, "SEND data last refreshed:")?.slice(1));
    expect([valueAt(page, `B${send}`), formatAt(page, `B${send}`)]).toEqual([45664, "dd/mm/yyyy"]);
  });
});
