// The Portfolio Summary page planned from the sample tracker's summary (the summary fixture), the seed dashboard's figures.
import { DATA_SHEET_NAME, planSheets, SUMMARY_SHEET_NAME } from "../../src/layout";
import type { PlannedSheet } from "../../src/layout/plan";
import { NUMBER_FORMATS, PALETTE, RAG_COLOURS } from "../../src/layout/styles";
import { heightForLines } from "../../src/layout/sheet-builder";
import { pageContentHeight } from "../../src/layout/pagination";
import { RAG_SCALE } from "../../src/core/model";
import { makeSummaryFixture } from "../support/summary-fixture";
import { breakProblems, planProblems, printedPages, rowsHeight } from "./plan-checks";
import {
  cellAddress,
  describeSheet,
  filledCells,
  find,
  formatAt,
  parseRangeAddress,
  sheetOf,
  styleAt,
  valueAt,
} from "./plan-reading";

const plan = planSheets(makeSummaryFixture());
const page = sheetOf(plan, "summary");
const data = sheetOf(plan, "data");

/** Points of rows an A4 landscape page holds for this sheet below its repeated title rows. */
function summaryPageHeight(sheet: PlannedSheet): number {
  const [a, b] = (sheet.print?.titleRows ?? "1:0").split(":").map(Number);
  return pageContentHeight({
    orientation: "landscape",
    columnWidths: sheet.columnWidths.map((w) => w.width),
    margins: sheet.print?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 },
    repeatedRowsHeight: rowsHeight(sheet, a, b),
  });
}

/** The cell `down` rows below and `right` columns right of an address. */
function offset(address: string, down: number, right = 0): string {
  const r = parseRangeAddress(address);
  return cellAddress(r.row1 + down, r.col1 + right);
}

/** The last cell holding `text` (programme names appear in the status table before their headings). */
function lastAt(sheet: PlannedSheet, text: string): string {
  const rows = sheet.values.flatMap((row, r) => (row[0] === text ? [r + 1] : []));
  if (rows.length === 0) throw new Error(`"${text}" is not in column A`);
  return cellAddress(rows[rows.length - 1], 0);
}

function at(sheet: PlannedSheet, text: string): string {
  const address = find(sheet, text);
  if (!address) throw new Error(`"${text}" is not on the ${sheet.key} sheet`);
  return address;
}

describe("the plan for the dashboard's figures", () => {
  it("has the summary sheet first and its chart-data sheet second, and keeps every promise to the renderers", () => {
    expect(plan.sheets.map((s) => [s.key, s.name])).toEqual([
      ["summary", SUMMARY_SHEET_NAME],
      ["data", DATA_SHEET_NAME],
    ]);
    expect(planProblems(plan)).toEqual([]);
  });

  it("matches the reviewed page", () => {
    expect(describeSheet(page)).toMatchSnapshot("summary values");
    expect(page.charts.map((c) => ({ id: c.id, type: c.type, at: c.position }))).toMatchSnapshot(
      "chart places",
    );
    expect(page.print).toMatchSnapshot("print setup");
    expect(describeSheet(data)).toMatchSnapshot("chart data");
  });

  it("is the same plan every time for the same summary, and leaves the summary untouched", () => {
    const summary = makeSummaryFixture();
    const before = JSON.stringify(summary);
    expect(planSheets(summary)).toEqual(planSheets(summary));
    expect(JSON.stringify(summary)).toBe(before);
  });
});

describe("title rows", () => {
  it("names the programme and council, the page and the reporting date as a UK date", () => {
    expect(valueAt(page, "A1")).toBe("SEND Transformation — Wiltshire Council");
    expect(valueAt(page, "A2")).toBe("Portfolio Summary");
    // "Reporting date:" is right-aligned in the second of its two columns, the date left-aligned beside it.
    const date = offset(at(page, "Reporting date:"), 0, 1);
    expect(valueAt(page, date)).toBe(45667); // 10/01/2025 as an Excel serial
    expect(formatAt(page, date)).toBe("dd/mm/yyyy");
  });

  it("shows the overall RAG as a filled cell with its word, and says who set it", () => {
    expect(valueAt(page, "B3")).toBe("Amber/Red");
    expect(styleAt(page, "B3").fill).toBe(RAG_COLOURS["Amber/Red"].fill);
    expect(valueAt(page, "D3")).toBe("Set by the programme lead: Amber/Red - At Risk");
  });

  it("writes the lead's narrative a paragraph a row, wrapped, each row tall enough for its text", () => {
    const first = at(page, makeSummaryFixture().overallRag.narrative.split("\n\n")[0]);
    expect(page.merges).toContain(`${first}:${offset(first, 0, 10)}`);
    expect(styleAt(page, first).wrapText).toBe(true);
    const height = page.rowHeights.find((h) => h.row === parseRangeAddress(first).row1)?.height ?? 0;
    // 340 characters are about 1,360 points of Calibri 10 and a line across the page holds about 880: two lines.
    expect(height).toBeGreaterThanOrEqual(heightForLines(2, 10));
  });

  it("says when the computed RAG differs from the lead's, with the computed RAG and how it was reached", () => {
    const label = at(page, "Computed RAG");
    const cell = offset(label, 0, 1);
    expect(valueAt(page, cell)).toBe("Red");
    expect(styleAt(page, cell).fill).toBe(RAG_COLOURS.Red.fill);
    expect(String(valueAt(page, offset(label, 0, 3)))).toContain("differs from the programme lead's");
    expect(find(page, "• Two open risks score 15 or more: raised to Red.")).not.toBeNull();
  });

  it("freezes the title rows, and repeats the programme, page name and date (not the RAG) on every printed page", () => {
    expect(page.freeze).toEqual({ rows: 3, columns: 0 });
    expect(page.print?.titleRows).toBe("1:2");
    expect(valueAt(page, "A3")).toBe("Overall RAG");
  });
});

describe("KPI tiles", () => {
  // A tile's right part (its status, target and variance) starts `right` columns from its left edge: tiles sit on
  // the page's columns 1-2, 3-8 and 9-11, split after the first, third and second of them.
  const RIGHT_PART: Record<string, number> = {
    "Number of EHCPs": 1,
    "HNB Overspend 2024/25": 3,
    "Children with EHCPs in INMSS": 2,
  };
  const tile = (title: string) => {
    const top = at(page, title);
    const right = RIGHT_PART[title];
    return {
      top,
      value: offset(top, 1),
      flag: offset(top, 1, right),
      targetLabel: offset(top, 2),
      target: offset(top, 2, right),
      variance: offset(top, 3, right),
    };
  };

  it("stand side by side on one row", () => {
    const rows = ["Number of EHCPs", "HNB Overspend 2024/25", "Children with EHCPs in INMSS"].map(
      (t) => parseRangeAddress(at(page, t)).row1,
    );
    expect(new Set(rows).size).toBe(1);
  });

  it("show 6,357 EHCPs against a forecast to date of 5,707: +650, adverse", () => {
    const t = tile("Number of EHCPs");
    expect([valueAt(page, t.value), formatAt(page, t.value)]).toEqual([6357, "#,##0"]);
    expect(valueAt(page, t.flag)).toBe("! Adverse");
    expect(styleAt(page, t.flag).font?.color).toBe(PALETTE.adverse);
    expect(valueAt(page, t.targetLabel)).toBe("Forecast to date:");
    expect([valueAt(page, t.target), formatAt(page, t.target)]).toEqual([5707, "#,##0"]);
    expect([valueAt(page, t.variance), formatAt(page, t.variance)]).toEqual([650, "+#,##0;-#,##0;0"]);
  });

  it("show the HNB overspend in pounds displayed as £43.20m against a goal of £28.21m: +£14.99m, adverse", () => {
    const t = tile("HNB Overspend 2024/25");
    expect([valueAt(page, t.value), formatAt(page, t.value)]).toEqual([43200000, '"£"#,##0.00,,"m"']);
    expect(valueAt(page, t.flag)).toBe("! Adverse");
    expect(valueAt(page, t.targetLabel)).toBe("Goal for this financial year:");
    expect(valueAt(page, t.target)).toBe(28210000);
    expect([valueAt(page, t.variance), formatAt(page, t.variance)]).toEqual([
      14990000,
      NUMBER_FORMATS.signedMoneyMillions,
    ]);
  });

  it("show the INMSS share as 5.75% against 6.92%: -1.17 pp stored as points, favourable with a tick", () => {
    const t = tile("Children with EHCPs in INMSS");
    // The 12-month rolling average as computed (0.057486…), shown to two decimals of a percent.
    expect(valueAt(page, t.value)).toBeCloseTo(0.0575, 4);
    expect(formatAt(page, t.value)).toBe("0.00%");
    expect(valueAt(page, t.flag)).toBe("✓ Favourable");
    expect(styleAt(page, t.flag).font?.color).toBe(PALETTE.favourable);
    expect(valueAt(page, t.variance)).toBeCloseTo(-1.17, 2);
    expect(formatAt(page, t.variance)).toBe('+0.00" pp";-0.00" pp";0.00" pp"');
  });
});

describe("data freshness", () => {
  it("states when the SEND data were refreshed and which forecast the finance figures reflect", () => {
    const send = offset(at(page, "SEND data last refreshed:"), 0, 1);
    expect([valueAt(page, send), formatAt(page, send)]).toEqual([45664, "dd/mm/yyyy"]);
    const finance = at(page, "Finance data reflects:");
    expect(valueAt(page, offset(finance, 0, 1))).toBe("Q2 Forecast");
    expect(valueAt(page, offset(finance, 0, 2))).toBe(
      "As at 15/11/2024, 56 days old at the reporting date (limit 120 days).",
    );
    expect(filledCells(page).some((a) => String(valueAt(page, a)).includes("Stale"))).toBe(false);
  });

  it("shows a finance basis with no date as the basis alone, saying nothing about its age", () => {
    const summary = makeSummaryFixture();
    Object.assign(summary.freshness[1], { date: null, text: "Q2 Forecast", ageDays: null, limitDays: null });
    const plain = sheetOf(planSheets(summary), "summary");
    const finance = at(plain, "Finance data reflects:");
    expect(valueAt(plain, offset(finance, 0, 1))).toBe("Q2 Forecast");
    expect(valueAt(plain, offset(finance, 0, 2))).toBeNull();
  });

  it("warns visibly, in words and on a warning fill, when a data source is older than its limit", () => {
    const summary = makeSummaryFixture();
    Object.assign(summary.freshness[0], { ageDays: 52, stale: true });
    const stale = sheetOf(planSheets(summary), "summary");
    const warning = offset(find(stale, "SEND data last refreshed:") ?? "A1", 0, 2);
    expect(valueAt(stale, warning)).toBe(
      "⚠ Stale: 52 days old at the reporting date (limit 45 days). Refresh this data before the page is shared.",
    );
    expect(styleAt(stale, warning).fill).toBe(PALETTE.warningFill);
  });
});

describe("workstream status and key risks", () => {
  it("counts workstreams by programme and RAG grade, 16 in all, with the grades as coloured headers", () => {
    const header = at(page, "Programme");
    RAG_SCALE.forEach((grade, i) => {
      const cell = offset(header, 0, 2 + i);
      expect(valueAt(page, cell)).toBe(grade);
      expect(styleAt(page, cell).fill).toBe(RAG_COLOURS[grade].fill);
    });
    const programme2 = at(page, "2 - Improving support, skills and practice");
    expect([2, 3, 9].map((c) => valueAt(page, offset(programme2, 0, c)))).toEqual([3, 1, 4]);
    expect(valueAt(page, offset(at(page, "All programmes"), 0, 9))).toBe(16);
  });

  it("lists the two risks scoring 15 or more with the register's columns, the actions wrapped", () => {
    const heading = at(page, "Key programme risks (score 15+)");
    const header = offset(heading, 1);
    expect([0, 1, 2, 3, 5, 7, 10].map((c) => valueAt(page, offset(header, 0, c)))).toEqual([
      "Risk",
      "Impact",
      "Risk owner",
      "Impact (1-5)",
      "Likelihood (1-5)",
      "Risk score",
      "Action required",
    ]);
    const first = offset(header, 1);
    expect([3, 5, 7].map((c) => valueAt(page, offset(first, 0, c)))).toEqual([5, 4, 20]);
    expect([3, 5, 7].map((c) => valueAt(page, offset(first, 1, c)))).toEqual([4, 4, 16]);
    expect(styleAt(page, offset(first, 0, 10)).wrapText).toBe(true);
  });

  it("has the spreadsheet colour the risk scores: the top band darkest, the rest from the threshold", () => {
    const rules = page.conditionalFormats.map((c) => c.rule);
    expect(rules).toContainEqual({ type: "cellValue", operator: "greaterThanOrEqual", formula1: "20" });
    expect(rules).toContainEqual({ type: "cellValue", operator: "between", formula1: "15", formula2: "19" });
  });
});

describe("programmes", () => {
  it("gives each programme 1-6 its own navy heading, in order, after the overview", () => {
    const overview = parseRangeAddress(at(page, "Key programme risks (score 15+)")).row1;
    const headings = makeSummaryFixture().programmes.map((p) => lastAt(page, `${p.number} - ${p.name}`));
    const rows = headings.map((h) => parseRangeAddress(h).row1);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows[0]).toBeGreaterThan(overview);
    for (const h of headings) expect(styleAt(page, h).fill).toBe(PALETTE.navy);
  });

  it("says what programme 1 still needs rather than leaving it blank", () => {
    expect(find(page, makeSummaryFixture().programmes[0].note)).not.toBeNull();
  });

  it("shows each workstream's RAG as the council wrote it, on the fill of its grade", () => {
    const name = at(page, "Multi-agency approach to supporting schools before an EHCP is issued");
    const ragCell = offset(name, 0, 1);
    expect(valueAt(page, ragCell)).toBe("Amber / Green - Off Track");
    expect(styleAt(page, ragCell).fill).toBe(RAG_COLOURS["Amber/Green"].fill);
  });

  it("never uses a RAG fill without the grade's word in the cell", () => {
    const ragFills = new Map(Object.entries(RAG_COLOURS).map(([grade, c]) => [c.fill, grade]));
    const squash = (t: string) => t.toLowerCase().replace(/\s+/g, "");
    const checked = page.styles.filter((s) => s.style.fill && ragFills.has(s.style.fill));
    expect(checked.length).toBeGreaterThan(16);
    for (const s of checked) {
      const topLeft = s.range.split(":")[0];
      const grade = ragFills.get(s.style.fill as string) as string;
      expect(squash(String(valueAt(page, topLeft)))).toMatch(
        new RegExp(`^${squash(grade).replace("/", "\\/")}`),
      );
    }
  });

  it("counts the milestones due for programme 3: 7 complete and 3 on track", () => {
    const heading = lastAt(page, "3 - Right support at the right time");
    const rowOf = (a: string) => parseRangeAddress(a).row1;
    const statusHeader =
      page.values.findIndex((row, r) => r + 1 > rowOf(heading) && row[0] === "Complete") + 1;
    // Half the page wide, beside the programme's other tables: one column a count.
    expect([0, 1, 2, 3, 4].map((c) => valueAt(page, cellAddress(statusHeader + 1, c)))).toEqual([
      7, 3, 0, 0, 10,
    ]);
  });

  it("shows the special school places shortfall of 58 costing £2.24m, stored in pounds", () => {
    // A key figure is right-aligned in the last of its two columns (a half page: label 4, value 2).
    expect(valueAt(page, offset(at(page, "Special School Places Shortfall"), 0, 5))).toBe(58);
    const cost = offset(at(page, "Estimated Cost of Shortfall"), 0, 5);
    expect([valueAt(page, cost), formatAt(page, cost)]).toEqual([2239960, NUMBER_FORMATS.financeMillions]);
  });

  it("writes the EHCP table newest first with months as dates, counts, shares and share gaps in points", () => {
    const header = at(page, "# funded EHCPs");
    // Half the page wide, beside the EHCP chart: one page column a table column.
    const dec = offset(header, 1, -1);
    expect([valueAt(page, dec), formatAt(page, dec)]).toEqual([45627, "mmm-yy"]); // 01/12/2024
    expect(valueAt(page, offset(dec, 3))).toBe(45536); // Sep-24 last
    expect([valueAt(page, offset(dec, 0, 1)), formatAt(page, offset(dec, 0, 1))]).toEqual([6353, "#,##0"]);
    expect([valueAt(page, offset(dec, 0, 2)), formatAt(page, offset(dec, 0, 2))]).toEqual([
      872,
      "+#,##0;-#,##0;0",
    ]);
    expect(valueAt(page, offset(dec, 0, 3))).toBeCloseTo(0.0382, 4); // 6,353 / 166,500
    expect(formatAt(page, offset(dec, 0, 3))).toBe("0.00%");
    expect(valueAt(page, offset(dec, 0, 4))).toBeCloseTo(0.63, 2);
  });

  it("puts negatives in brackets in finance figures", () => {
    const net = offset(at(page, "In-year net position HNB"), 0, 5);
    expect(valueAt(page, net)).toBe(-43200000);
    expect(formatAt(page, net)).toBe('"£"#,##0.00,,"m";("£"#,##0.00,,"m");"£"0.00"m"');
  });
});

describe("charts", () => {
  it("draws all nine charts with explicit types, series by columns, and a legend only when there are several series", () => {
    expect(page.charts.map((c) => c.id).sort()).toEqual(
      [
        "average_cost_per_ehcp",
        "ceased_plans",
        "ehcp_trajectory",
        "hnb_net_position",
        "inmss_share",
        "milestone_status",
        "special_school_places",
        "twenty_week_rates",
        "workstream_rag",
      ].map((id) => `PS_${id}`),
    );
    const byId = new Map(page.charts.map((c) => [c.id, c]));
    expect(byId.get("PS_workstream_rag")?.type).toBe("barStacked");
    expect(byId.get("PS_ehcp_trajectory")?.type).toBe("line");
    expect(byId.get("PS_special_school_places")?.type).toBe("columnClustered");
    for (const c of page.charts) {
      expect(c.seriesBy).toBe("columns");
      expect(c.showLegend).toBe(c.series.length > 1);
      expect(c.title && c.categoryAxisTitle && c.valueAxisTitle).toBeTruthy();
    }
  });

  it("places each programme's charts inside that programme's section", () => {
    const headingRow = (n: number) => {
      const p = makeSummaryFixture().programmes[n - 1];
      return parseRangeAddress(lastAt(page, `${n} - ${p.name}`)).row1;
    };
    const chartRow = (id: string) =>
      parseRangeAddress(page.charts.find((c) => c.id === `PS_${id}`)?.position.from ?? "A1").row1;
    expect(chartRow("ehcp_trajectory")).toBeGreaterThan(headingRow(2));
    expect(chartRow("ehcp_trajectory")).toBeLessThan(headingRow(3));
    expect(chartRow("twenty_week_rates")).toBeGreaterThan(headingRow(6));
    expect(chartRow("workstream_rag")).toBeLessThan(headingRow(1));
  });

  it("reads the EHCP trajectory from 24 months of data (Jan-23 to Dec-24), months as dated serials", () => {
    const chart = page.charts.find((c) => c.id === "PS_ehcp_trajectory");
    const [actual, forecast] = chart?.series ?? [];
    const cats = parseRangeAddress(actual.categories.range);
    expect(cats.row2 - cats.row1 + 1).toBe(24);
    expect(formatAt(data, actual.categories.range.split(":")[0])).toBe("mmm-yy");
    expect(valueAt(data, actual.values.range.split(":")[1])).toBe(6353);
    expect(valueAt(data, forecast.values.range.split(":")[1])).toBe(5707);
    expect(chart?.valueAxisNumberFormat).toBe("#,##0");
  });

  it("leaves a month with no forecast blank in the chart's data, rather than zero", () => {
    // The sample's forecast covers every month: here it starts a year later than the counts.
    const summary = makeSummaryFixture();
    const trajectory = summary.charts.find((c) => c.id === "ehcp_trajectory");
    trajectory?.series[1].values.fill(null, 0, 12);
    const later = planSheets(summary);
    const chart = sheetOf(later, "summary").charts.find((c) => c.id === "PS_ehcp_trajectory");
    const forecast = chart?.series[1];
    expect(forecast).toBeDefined();
    const values = forecast!.values.range.split(":");
    expect(valueAt(sheetOf(later, "data"), values[0])).toBeNull();
    expect(valueAt(sheetOf(later, "data"), values[1])).toBe(5707);
  });

  it("shows money axes in £m when the figures are millions and in whole pounds when they are not", () => {
    const axis = (id: string) => page.charts.find((c) => c.id === `PS_${id}`)?.valueAxisNumberFormat;
    expect(axis("hnb_net_position")).toBe('"£"#,##0.0,,"m";-"£"#,##0.0,,"m"');
    expect(axis("average_cost_per_ehcp")).toBe('"£"#,##0');
    expect(axis("inmss_share")).toBe("0.0%");
  });
});

describe("closing sections", () => {
  it("lists the flagged variances with values, status words and explanations", () => {
    const ehcp = page.values.findIndex((row, r) => row[0] === "Number of EHCPs" && r > 30) + 1;
    expect([1, 2, 4, 5].map((c) => valueAt(page, cellAddress(ehcp, c)))).toEqual([
      6357,
      5707,
      650,
      "! Adverse",
    ]);
  });

  it("lists each data problem with its severity, tracker sheet!cell and message", () => {
    const where = at(page, "'Risk Register'!G9");
    expect(valueAt(page, offset(where, 0, -1))).toBe("Warning");
    expect(String(valueAt(page, offset(where, 0, 9)))).toContain("impact 4 × likelihood 4 is 16");
    expect(find(page, "Milestones!E23")).not.toBeNull();
    expect(String(valueAt(page, offset(at(page, "Data problems in the tracker"), 1)))).toBe(
      "3 problems found: 0 errors, 2 warnings, 1 for information. Fix them in the tracker at the cell shown, then refresh.",
    );
  });

  it("defines every metric on the page", () => {
    for (const d of makeSummaryFixture().definitions) {
      // The definitions close the page: a term that also names a KPI tile is found there, in column A; its
      // definition is the line under it.
      expect(valueAt(page, offset(lastAt(page, d.term), 1, 0))).toBe(d.definition);
    }
  });

  it("ends with when it was generated (UK date and time) and from which workbook", () => {
    const footer = "Generated 10/01/2025 09:30 (UK time) from sample-tracker.xlsx.";
    expect(valueAt(page, cellAddress(page.values.length, 0))).toBe(footer);
    expect(page.print?.footer).toBe(`Portfolio Summary — ${footer}`);
  });

  it("gives the generated time in UK summer time when the clock has gone forward", () => {
    const summary = makeSummaryFixture();
    summary.generatedAt = "2025-07-01T09:30:00.000Z";
    const summer = sheetOf(planSheets(summary), "summary");
    expect(String(valueAt(summer, cellAddress(summer.values.length, 0)))).toMatch(
      /^Generated 01\/07\/2025 10:30/,
    );
  });
});

describe("print and look", () => {
  it("prints the summary alone on A4 landscape, one page wide, breaking only between blocks", () => {
    const print = page.print;
    expect(print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToPagesWide: 1 });
    expect(print?.printArea).toBe(`A1:K${page.values.length}`);
    expect(print?.rowBreaks).toEqual([...(print?.rowBreaks ?? [])].sort((a, b) => a - b));
    expect(breakProblems(page, summaryPageHeight(page))).toEqual([]);
  });

  it("fills each printed page before breaking: every page holds its rows, and the next block would not fit", () => {
    const room = summaryPageHeight(page);
    // The title rows are counted apart: they head every page.
    const pages = printedPages(page).map(([first, last]) => [Math.max(first, 3), last] as const);
    for (const [first, last] of pages) expect(rowsHeight(page, first, last)).toBeLessThanOrEqual(room);
    // No page is left half empty when the next page's first block (up to the next break) would have fitted.
    for (let i = 0; i + 1 < pages.length; i++) {
      const [first, last] = pages[i];
      const [nextFirst] = pages[i + 1];
      expect(rowsHeight(page, first, last) + rowsHeight(page, nextFirst, nextFirst)).toBeGreaterThan(
        room * 0.5,
      );
    }
  });

  it("sets up the chart-data sheet to print: landscape, one page wide, with a heading saying what it holds", () => {
    expect(data.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToPagesWide: 1 });
    expect(data.print?.printArea).toBe(`A1:${cellAddress(data.values.length, data.values[0].length - 1)}`);
    expect(valueAt(data, "A1")).toBe("Portfolio Summary: its tables and the figures behind its charts");
    expect(String(valueAt(data, "A2"))).toContain(
      "The accessible version of the Portfolio Summary sheet: each of its tables, and the figures of each chart",
    );
    // The data sheet's tables (its contents among them) may be taller than a page: only those are cut.
    expect(breakProblems(data, summaryPageHeight(data))).toEqual([]);
  });

  it("hides gridlines on the page and sets Calibri on every cell that holds something", () => {
    expect(page.showGridlines).toBe(false);
    const notCalibri = filledCells(page).filter((a) => styleAt(page, a).font?.name !== "Calibri");
    expect(notCalibri).toEqual([]);
    const size = Math.min(...filledCells(page).map((a) => styleAt(page, a).font?.size ?? 0));
    expect(size).toBeGreaterThanOrEqual(9);
  });

  it("gives every row of the page an explicit height and every column a width", () => {
    expect(page.rowHeights.map((h) => h.row)).toEqual(page.values.map((_, i) => i + 1));
    expect(page.columnWidths.map((w) => w.column)).toEqual([...Array(11).keys()]);
  });
});
