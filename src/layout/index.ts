// Summary model -> sheet plan: the one place that decides what the Portfolio Summary page looks like.
// Pure and deterministic (the only clock is summary.generatedAt), so both renderers draw exactly the same page.
import { buildChartData, dataSheetPrint } from "./chart-data";
import { planHistory } from "./history-sheet";
import type { SheetPlan } from "./plan";
import { buildSummarySheet } from "./summary-sheet";
import { PALETTE } from "./styles";
import type { HistorySnapshot, PortfolioSummary } from "../core/model";

/**
 * Plans the "Portfolio Summary" sheet and its chart-data sheet ("Portfolio Summary Data") from a summary, and the
 * history sheet's rows ("Portfolio Summary History": `recorded` are the refreshes kept before, for a file written
 * whole).
 */
export function planSheets(
  summary: PortfolioSummary,
  options: { recorded?: readonly HistorySnapshot[] } = {},
): SheetPlan {
  // The data sheet is laid out first so every chart on the page can point at its finished ranges.
  const data = buildChartData(summary.charts);
  const page = buildSummarySheet(summary, data.blocks);
  const dataSheet = data.sheet.build({
    showGridlines: true,
    tabColor: PALETTE.border,
    freeze: { rows: 0, columns: 1 },
    print: dataSheetPrint(data.sheet, data.printBlocks),
  });
  const history = planHistory(summary, options.recorded);
  return history ? { sheets: [page, dataSheet], history } : { sheets: [page, dataSheet] };
}

export { DATA_SHEET_NAME } from "./chart-data";
export { HISTORY_SHEET_NAME } from "../core/history";
export { SUMMARY_SHEET_NAME } from "./page";
export { RAG_COLOURS } from "./styles";
