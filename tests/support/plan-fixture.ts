// The Portfolio Summary's sheet plan as the layout plans it from the summary fixture (the sample tracker through
// the engine), for renderer tests: the page, its chart data, the history sheet and every plan feature the real
// page uses (merges, KPI formats, layered styles, conditional formats, print setup, native charts). The layout runs
// once per test file; each call returns a fresh deep copy, so a test may change it freely.
//
// Renderer tests find a cell by what it holds (the KPI's value, a heading's text), not by its address, so the
// page's layout may change without them. On top of the layout's plan stand only the features a renderer test needs
// and the real page does not have, each a named override below that says which tests need it.
import type { PortfolioSummary } from "../../src/core/model";
import { planSheets } from "../../src/layout";
import type { PlannedSheet, SheetPlan } from "../../src/layout/plan";
import { find } from "../layout/plan-reading";
import { makeSummaryFixture } from "./summary-fixture";

export { DATA_SHEET_NAME, HISTORY_SHEET_NAME, SUMMARY_SHEET_NAME } from "../../src/layout";

/**
 * A workbook name with an ampersand, so the print footer (which names the workbook) carries one: Excel reads "&"
 * as a footer code unless it is doubled (tests/xlsx/write, tests/xlsx/libreoffice).
 */
export const FIXTURE_WORKBOOK_NAME = "Sample & Co tracker.xlsx";

let planned: { plan: SheetPlan; summary: PortfolioSummary } | undefined;

/** The layout's plan of the summary fixture, made on first use, with the summary it was planned from. */
function samplePlan(): { plan: SheetPlan; summary: PortfolioSummary } {
  if (!planned) {
    const summary = makeSummaryFixture();
    summary.source.workbookName = FIXTURE_WORKBOOK_NAME;
    planned = { plan: planSheets(summary), summary };
  }
  return planned;
}

/**
 * A text rule beside the page's number rules: the overall RAG cell turns its text white when its word says Red.
 * The real page colours RAG cells by fill alone; the renderers must still write Excel's "contains text" rule
 * (tests/xlsx/write, tests/excel/apply-plan).
 */
function ragTextRule(plan: SheetPlan, summary: PortfolioSummary): void {
  const page = plan.sheets.find((s) => s.key === "summary") as PlannedSheet;
  const rag = find(page, summary.overallRag.value);
  if (!rag) throw new Error("The planned page does not show the overall RAG");
  page.conditionalFormats.push({
    range: rag,
    rule: { type: "textContains", text: "Red" },
    style: { fontColor: "#FFFFFF" },
  });
}

/** The sample's plan with the overrides above, a fresh copy each call. */
export function planFixture(): SheetPlan {
  const { plan: sample, summary } = samplePlan();
  const plan = structuredClone(sample);
  ragTextRule(plan, summary);
  return plan;
}
