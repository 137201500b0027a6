// Summaries the tracker does not always give us: missing sections, hostile text, thousands of problems.
import { planSheets } from "../../src/layout";
import { MAX_ISSUES_ON_PAGE } from "../../src/layout/blocks/data-problems";
import type { Issue, PortfolioSummary } from "../../src/core/model";
import { makeSummaryFixture } from "../support/summary-fixture";
import { planProblems } from "./plan-checks";
import { filledCells, find, sheetOf, valueAt } from "./plan-reading";

const textsOf = (summary: PortfolioSummary) => {
  const page = sheetOf(planSheets(summary), "summary");
  return {
    page,
    texts: filledCells(page)
      .map((a) => valueAt(page, a))
      .filter((v) => typeof v === "string"),
  };
};

/** A summary where little could be computed: no KPIs figures, no risks, no chart data, an empty programme. */
function sparseSummary(): PortfolioSummary {
  const summary = makeSummaryFixture();
  summary.programme.reportingDate = null;
  summary.overallRag = {
    value: null,
    computed: null,
    override: null,
    overrideText: "",
    differs: false,
    reasons: [],
    narrative: "",
  };
  summary.kpis = summary.kpis.map((k) => ({ ...k, actual: null, variance: null, status: null, asAt: null }));
  summary.keyRisks = [];
  summary.variances = [];
  summary.workstreamStatus = [];
  summary.charts = summary.charts.map((c) =>
    c.id === "ehcp_trajectory"
      ? {
          ...c,
          categories: [],
          series: [],
          emptyReason: "The SEND Monthly sheet is missing from the tracker.",
        }
      : c.id === "inmss_share"
        ? { ...c, series: c.series.map((s) => ({ ...s, values: s.values.map(() => null) })) }
        : c,
  );
  summary.charts = summary.charts.filter((c) => c.id !== "ceased_plans");
  summary.programmes[1].tables = [];
  summary.notComputed = [
    {
      section: "EHCP figures",
      reason: "The SEND Monthly sheet is missing. Add it from the template, then refresh.",
    },
    {
      section: "Key risks",
      reason: "The Risk Register has no Impact (1-5) column. Add the column, then refresh.",
    },
  ];
  summary.issues = [];
  summary.issueCounts = { error: 0, warning: 0, info: 0 };
  if (summary.review)
    summary.review = { ...summary.review, flagged: 0, openIssueCounts: summary.issueCounts };
  return summary;
}

describe("a summary with missing sections", () => {
  const plan = planSheets(sparseSummary());
  const page = sheetOf(plan, "summary");

  it("still plans a valid page: no overlapping merges, every chart range filled, print area whole", () => {
    expect(planProblems(plan)).toEqual([]);
  });

  it("says what is missing and why, near the top of the page", () => {
    const heading = find(page, "Not shown on this page");
    expect(heading).not.toBeNull();
    expect(find(page, "EHCP figures")).not.toBeNull();
    expect(
      find(page, "The Risk Register has no Impact (1-5) column. Add the column, then refresh."),
    ).not.toBeNull();
    expect(Number(heading?.slice(1))).toBeLessThan(
      Number(find(page, "Workstream status by programme")?.slice(1)),
    );
  });

  it("shows a KPI it could not compute as 'Not available' and 'Not assessed', never as zero", () => {
    const tile = find(page, "Number of EHCPs") ?? "A1";
    const row = Number(tile.slice(1));
    expect(valueAt(page, `A${row + 1}`)).toBe("Not available");
    expect(valueAt(page, `B${row + 1}`)).toBe("Not assessed");
    expect(valueAt(page, `B${row + 3}`)).toBe("–");
  });

  it("says the overall RAG is not set, in words, and that the reporting date is missing", () => {
    expect(valueAt(page, "B3")).toBe("Not set");
    expect(String(valueAt(page, "D3"))).toContain("could not be computed");
    expect(valueAt(page, "K2")).toBe("Not set in the tracker");
  });

  it("draws no chart without data, and says why in its place", () => {
    const ids = page.charts.map((c) => c.id);
    expect(ids).not.toContain("PS_ehcp_trajectory");
    expect(ids).not.toContain("PS_inmss_share");
    expect(ids).toContain("PS_special_school_places");
    const texts = filledCells(page).map((a) => String(valueAt(page, a)));
    expect(texts).toContain(
      "Chart not drawn — Funded EHCPs against the forecast trajectory: The SEND Monthly sheet is missing from the tracker.",
    );
    expect(texts.some((t) => t.startsWith("Chart not drawn — Children with an EHCP in independent"))).toBe(
      true,
    );
    expect(texts.some((t) => t.startsWith("Chart not drawn — ceased_plans: The summary holds no data"))).toBe(
      true,
    );
  });

  it("says there are no key risks, no flagged variances and no data problems rather than leaving gaps", () => {
    const texts = filledCells(page).map((a) => valueAt(page, a));
    expect(texts).toEqual(
      expect.arrayContaining([
        "No open risk scores 15 or more.",
        "No variances are flagged.",
        "No problems were found in the tracker.",
        "No workstreams were found in the tracker.",
      ]),
    );
  });

  it("plans a page even from an empty summary (no programmes, charts, KPIs or definitions)", () => {
    const empty = sparseSummary();
    Object.assign(empty, { programmes: [], charts: [], kpis: [], freshness: [], definitions: [] });
    const emptyPlan = planSheets(empty);
    expect(planProblems(emptyPlan)).toEqual([]);
    const dataSheet = sheetOf(emptyPlan, "data");
    expect(dataSheet.values.map((row) => row[0])).toContain("No chart has data at this refresh.");
  });
});

describe("tracker text", () => {
  const hostile = ['=HYPERLINK("http://example.com","Click")', "@SUM(A1)", "+44 1225 713000", "-x", "=1+1"];

  it("is placed as plain string values, unchanged, wherever the page shows it", () => {
    const summary = makeSummaryFixture();
    summary.programmes[1].workstreams[0].name = hostile[0];
    summary.programmes[1].workstreams[1].lead = hostile[1];
    summary.keyRisks[0].owner = hostile[2];
    summary.keyRisks[1].action = hostile[3];
    summary.overallRag.narrative = hostile[4];
    summary.issues[0].message = hostile[0];
    summary.definitions[0].term = hostile[1];
    const { texts } = textsOf(summary);
    for (const text of hostile) expect(texts).toContain(text);
  });

  it("keeps a sheet name with spaces or quotes readable as an Excel reference", () => {
    const summary = makeSummaryFixture();
    summary.issues = [{ severity: "error", code: "x", sheet: "Bob's sheet", cell: "B2", message: "m" }];
    summary.issueCounts = { error: 1, warning: 0, info: 0 };
    expect(textsOf(summary).texts).toContain("'Bob''s sheet'!B2");
  });
});

describe("a tracker with thousands of problems", () => {
  const issues: Issue[] = Array.from({ length: 5000 }, (_, i) => ({
    severity: i % 10 === 0 ? "error" : "warning",
    code: "bad_value",
    sheet: "SEND Monthly",
    cell: `B${i + 2}`,
    message: `The value in row ${i + 2} is not a number. Type a whole number.`,
  }));

  it(`lists the first ${MAX_ISSUES_ON_PAGE}, errors first, and counts the rest`, () => {
    const summary = makeSummaryFixture();
    summary.issues = issues;
    summary.issueCounts = { error: 500, warning: 4500, info: 0 };
    if (summary.review) summary.review.openIssueCounts = summary.issueCounts;
    const { page, texts } = textsOf(summary);
    expect(texts.filter((t) => t === "Error" || t === "Warning")).toHaveLength(MAX_ISSUES_ON_PAGE);
    expect(texts.filter((t) => t === "Error")).toHaveLength(MAX_ISSUES_ON_PAGE);
    expect(texts).toContain("…and 4950 more — see the task pane or the CLI report for the full list.");
    expect(texts).toContain(
      "5000 problems found: 500 errors, 4500 warnings, 0 for information. Fix them in the tracker at the cell shown, then refresh.",
    );
    expect(page.values.length).toBeLessThan(400);
  });

  it("plans a summary with 2,000 workstreams and 5,000 problems (its speed: npm run bench -- engine)", () => {
    const summary = makeSummaryFixture();
    summary.issues = issues;
    const template = summary.programmes[1].workstreams[0];
    summary.programmes[1].workstreams = Array.from({ length: 2000 }, (_, i) => ({
      ...template,
      name: `Workstream ${i}`,
    }));
    const plan = planSheets(summary);
    expect(sheetOf(plan, "summary").values.length).toBeGreaterThan(2000);
  });
});
