// Summary model -> sheet plan: the one place that decides what the Portfolio Summary page looks like.
// Pure and deterministic (the only clock is summary.generatedAt), so both renderers draw exactly the same page.
import { DATA_SHEET_NAME, dataSheetPrint, drawableCharts } from "./chart-data";
import { buildDataSheet } from "./data-sheet";
import { planHistory } from "./history-sheet";
import type { SheetPlan, WorkbookProperties } from "./plan";
import { finishSummarySheet, layOutSummary } from "./summary-sheet";
import { PALETTE } from "./styles";
import type { HistorySnapshot, PortfolioSummary } from "../core/model";

/** Title, subject and keywords of a workbook written from the plan (File > Info; read out by screen readers). */
function workbookProperties(summary: PortfolioSummary): WorkbookProperties {
  const who = [summary.programme.name, summary.programme.council].filter((s) => s && s.trim()).join(", ");
  return {
    title: `Portfolio Summary${who ? ` — ${who}` : ""}`,
    subject: `Board summary of the SEND transformation programme at ${summary.programme.reportingDate}: KPIs, variances, risks and the figures behind its charts`,
    keywords: "SEND, EHCP, high needs block, portfolio summary",
  };
}

/**
 * Plans the "Portfolio Summary" sheet and its data sheet ("Portfolio Summary Data") from a summary, and the history
 * sheet's rows ("Portfolio Summary History": `recorded` are the refreshes kept before, for a file written whole).
 */
export function planSheets(
  summary: PortfolioSummary,
  options: { recorded?: readonly HistorySnapshot[] } = {},
): SheetPlan {
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
  const history = planHistory(summary, options.recorded);
  const sheets = [summarySheet, dataSheet];
  return history
    ? { sheets, history, properties: workbookProperties(summary) }
    : { sheets, properties: workbookProperties(summary) };
}

export { DATA_SHEET_NAME } from "./chart-data";
export { HISTORY_SHEET_NAME } from "../core/history";
export { SUMMARY_SHEET_NAME } from "./page";
export { RAG_COLOURS } from "./styles";
