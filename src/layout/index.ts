// Summary model -> sheet plan: the one place that decides what the Portfolio Summary page looks like.
// Pure and deterministic (the only clock is summary.generatedAt), so both renderers draw exactly the same page.
import { DATA_SHEET_NAME, dataSheetPrint, drawableCharts } from "./chart-data";
import { buildDataSheet } from "./data-sheet";
import type { SheetPlan, WorkbookProperties } from "./plan";
import { finishSummarySheet, layOutSummary } from "./summary-sheet";
import { PALETTE } from "./styles";
import type { PortfolioSummary } from "../core/model";

/** Title, subject and keywords of a workbook written from the plan (File > Info; read out by screen readers). */
function workbookProperties(summary: PortfolioSummary): WorkbookProperties {
  const who = [summary.programme.name, summary.programme.council].filter((s) => s && s.trim()).join(", ");
  return {
    title: `Portfolio Summary${who ? ` — ${who}` : ""}`,
    subject: `Board summary of the SEND transformation programme at ${summary.programme.reportingDate}: KPIs, variances, risks and the figures behind its charts`,
    keywords: "SEND, EHCP, high needs block, portfolio summary",
  };
}

/** Plans the "Portfolio Summary" sheet and its data sheet ("Portfolio Summary Data") from a summary. */
export function planSheets(summary: PortfolioSummary): SheetPlan {
  // The page is laid out first, collecting its tables; the data sheet then writes them and the charts' figures, and
  // the page's charts point at the finished ranges.
  const charts = drawableCharts(summary.charts);
  const page = layOutSummary(summary, charts);
  const data = buildDataSheet(DATA_SHEET_NAME, page.tables, charts);
  const summarySheet = finishSummarySheet(page, summary, data.blocks);
  const dataSheet = {
    ...data.sheet.build({
      showGridlines: true,
      tabColor: PALETTE.border,
      freeze: { rows: 0, columns: 1 },
      print: dataSheetPrint(data.sheet, data.printBlocks),
    }),
    tables: data.tables,
    links: data.links,
  };
  return { sheets: [summarySheet, dataSheet], properties: workbookProperties(summary) };
}

export { DATA_SHEET_NAME } from "./chart-data";
export { SUMMARY_SHEET_NAME } from "./page";
export { RAG_COLOURS } from "./styles";
