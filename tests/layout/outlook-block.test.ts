// The outlook block on the page, planned from the sample tracker: the projection table with the page's formats,
// the cost of the demand gap with both inputs and their dates, and the "Figures in words" box, which stands apart
// from the lead's narrative at the top of the page. Parts without their inputs show one line saying why.
import { runEngine } from "../../src/core/engine";
import type { PortfolioSummary } from "../../src/core/model";
import { planSheets } from "../../src/layout";
import type { PlannedSheet } from "../../src/layout/plan";
import { readXlsxFile } from "../../src/xlsx/read";
import { planProblems } from "./plan-checks";
import { filledCells, find, formatAt, sheetOf, styleAt, valueAt } from "./plan-reading";

let summary: PortfolioSummary;
const NOW = new Date("2025-01-10T09:30:00Z");

beforeAll(async () => {
  summary = runEngine(await readXlsxFile("assets/sample-tracker.xlsx"), { now: NOW });
});

const pageOf = (s: PortfolioSummary) => sheetOf(planSheets(s), "summary");
const rowOf = (address: string | null) => Number(address?.replace(/^[A-Z]+/, ""));
const textsOf = (page: PlannedSheet) =>
  filledCells(page)
    .map((a) => valueAt(page, a))
    .filter((v): v is string => typeof v === "string");

describe("the outlook block on the sample's page", () => {
  it("follows the KPI tiles and data freshness, and keeps the plan's promises", () => {
    const plan = planSheets(summary);
    expect(planProblems(plan)).toEqual([]);
    const page = sheetOf(plan, "summary");
    const heading = rowOf(find(page, "Outlook to the year end (Mar-25)"));
    expect(heading).toBeGreaterThan(rowOf(find(page, "Finance data reflects:")));
    expect(heading).toBeLessThan(rowOf(find(page, "Workstream status by programme")));
  });

  it("shows the EHCP projection as numbers in the page's formats: 6,353 at Dec-24, +80 a month, 6,592 against 5,821", () => {
    const page = pageOf(summary);
    const r = rowOf(find(page, "Funded EHCPs"));
    expect([
      valueAt(page, `C${r}`),
      valueAt(page, `E${r}`),
      valueAt(page, `F${r}`),
      valueAt(page, `G${r}`),
    ]).toEqual([6353, 6592, 6497, 6677]);
    expect([valueAt(page, `H${r}`), valueAt(page, `I${r}`), valueAt(page, `K${r}`)]).toEqual([
      5821,
      771,
      "! Adverse",
    ]);
    expect(valueAt(page, `D${r}`)).toBe(79.5);
    expect(Math.round(Number(valueAt(page, `J${r}`)))).toBe(-177);
    expect(formatAt(page, `B${r}`)).toBe("mmm-yy");
    expect(formatAt(page, `E${r}`)).toBe("#,##0");
    expect(formatAt(page, `D${r}`)).toBe("+#,##0;-#,##0;0");
    expect(formatAt(page, `J${r}`)).toBe("+#,##0;-#,##0;0");
    expect(textsOf(page)).toContain(
      "To be back on trajectory by Mar-25 the count would have to fall by 177 a month; it has risen by 80 a month over the last six months.",
    );
  });

  it("shows INMSS shares as percentages and its changes in percentage points", () => {
    const page = pageOf(summary);
    const r = rowOf(find(page, "INMSS share (12-month rolling average)"));
    expect(formatAt(page, `E${r}`)).toBe("0.00%");
    expect(Number(valueAt(page, `E${r}`)).toFixed(4)).toBe("0.0572");
    expect(formatAt(page, `I${r}`)).toBe('+0.00" pp";-0.00" pp";0.00" pp"');
    expect(Number(valueAt(page, `I${r}`)).toFixed(2)).toBe("-1.20");
  });

  it("costs the gap with both inputs and their dates, labelled an indication, beside the overspend above the goal", () => {
    const page = pageOf(summary);
    const label = find(page, "Plans above the trajectory");
    const r = rowOf(label);
    // The amount (two columns, right-aligned) sits in the second of them; no merge.
    expect(valueAt(page, `C${r}`)).toBe(650);
    expect(valueAt(page, `D${r}`)).toBe(
      "6,357 EHCPs against the forecast to date of 5,707, as at 07/01/2025",
    );
    expect(Math.round(Number(valueAt(page, `C${r + 1}`)))).toBe(23_123);
    expect(formatAt(page, `C${r + 1}`)).toBe('"£"#,##0;("£"#,##0);"£"0');
    expect(valueAt(page, `D${r + 1}`)).toBe("Q2 2024/25, period ending 30/09/2024");
    expect(Math.round(Number(valueAt(page, `C${r + 2}`)))).toBe(15_029_708);
    expect(formatAt(page, `C${r + 2}`)).toBe('"£"#,##0.00,,"m";("£"#,##0.00,,"m");"£"0.00"m"');
    expect(valueAt(page, `C${r + 3}`)).toBe(14_990_000);
    expect(valueAt(page, `D${r + 3}`)).toBe("Q2 Forecast, as at 30/09/2024");
    expect(find(page, "Cost of the demand gap: an indication")).not.toBeNull();
    expect(String(valueAt(page, `A${r + 4}`))).toMatch(
      /^An indication: .* The two agree to the nearest £0\.1m\.$/,
    );
  });

  it("puts the draft in a labelled 'Figures in words' box, apart from the lead's narrative, which stays word for word", () => {
    const page = pageOf(summary);
    const box = rowOf(find(page, "Figures in words"));
    expect(valueAt(page, `A${box + 1}`)).toBe(summary.draftNarrative?.note);
    summary.draftNarrative?.paragraphs.forEach((p, i) => {
      expect(valueAt(page, `A${box + 2 + i}`)).toBe(p);
      expect(styleAt(page, `A${box + 2 + i}`).fill).toBe("#F2F2F2");
    });
    const lead = summary.overallRag.narrative.split(/\n\s*\n/)[0];
    expect(rowOf(find(page, lead))).toBeLessThan(rowOf(find(page, "Number of EHCPs")));
    expect(rowOf(find(page, lead))).toBeLessThan(box);
  });
});

describe("when parts are missing", () => {
  it("a summary from before the outlook existed has no outlook block at all", () => {
    const older: PortfolioSummary = { ...summary };
    delete older.outlook;
    delete older.demandCost;
    delete older.draftNarrative;
    const texts = textsOf(pageOf(older));
    expect(texts.some((t) => t.startsWith("Outlook to the year end"))).toBe(false);
    expect(texts).not.toContain("Figures in words");
  });

  it("without the cost, its place says why in one line and the rest of the block stands", () => {
    const reason =
      "The tracker has no HNB Finance periods, so there is no average cost per EHCP to cost the demand gap.";
    const page = pageOf({
      ...summary,
      demandCost: null,
      notComputed: [...summary.notComputed, { section: "Cost of the demand gap", reason }],
    });
    const r = rowOf(find(page, "Cost of the demand gap: an indication"));
    expect(valueAt(page, `A${r + 1}`)).toBe(reason);
    expect(find(page, "Plans above the trajectory")).toBeNull();
    expect(find(page, "Funded EHCPs")).not.toBeNull();
    expect(find(page, "Figures in words")).not.toBeNull();
  });

  it("a measure without a projection keeps its row, empty figures shown as dashes, and its reason below", () => {
    const ehcp = summary.outlook!.measures[0];
    const reason =
      "The projection needs the last 6 monthly changes, so 7 consecutive month-ends of funded EHCPs on the SEND Monthly sheet up to Dec-24; there are 3.";
    const page = pageOf({
      ...summary,
      outlook: {
        ...summary.outlook!,
        measures: [
          {
            ...ehcp,
            projection: null,
            gapAtYearEnd: null,
            status: null,
            neededMonthlyChange: null,
            neededText: "",
            reasons: [reason],
          },
        ],
      },
    });
    const r = rowOf(find(page, "Funded EHCPs"));
    expect(valueAt(page, `E${r}`)).toBe("–");
    expect(valueAt(page, `H${r}`)).toBe(5821);
    expect(textsOf(page)).toContain(`Funded EHCPs: ${reason}`);
  });
});
