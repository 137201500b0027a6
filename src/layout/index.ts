// Summary model -> sheet plan: the one place that decides what the Portfolio Summary page looks like.
// Pure and deterministic (the only clock is summary.generatedAt), so both renderers draw exactly the same page.
import { buildChartData, dataSheetPrint } from "./chart-data";
import type { SheetPlan } from "./plan";
import { buildSummarySheet } from "./summary-sheet";
import { PALETTE } from "./styles";
import type { PortfolioSummary } from "../core/model";

/** Plans the "Portfolio Summary" sheet and its chart-data sheet ("Portfolio Summary Data") from a summary. */
export function planSheets(summary: PortfolioSummary): SheetPlan {
  // The data sheet is laid out first so every chart on the page can point at its finished ranges.
  const data = buildChartData(summary.charts);
  const page = buildSummarySheet(summary, data.blocks);
  const dataSheet = data.sheet.build({
    showGridlines: true,
    tabColor: PALETTE.border,
    freeze: { rows: 0, columns: 1 },
    print: dataSheetPrint(data.sheet, data.printBlocks),
  });
  return { sheets: [page, dataSheet] };
}

export { DATA_SHEET_NAME } from "./chart-data";
export { SUMMARY_SHEET_NAME } from "./page";
export { RAG_COLOURS } from "./styles";
