// The "Portfolio Summary" sheet: its blocks in the order of the council's dashboard, then its print setup. Each block
// is a module of src/layout/blocks, a function of the page (src/layout/page.ts) and the summary; a new part of the
// page is a new block in PAGE_BLOCKS. Values stay numbers (formats do the display); tracker text is written unchanged.
import { cellAddress } from "../core/a1";
import type { PortfolioSummary } from "../core/model";
import { dataProblems } from "./blocks/data-problems";
import { definitions } from "./blocks/definitions";
import { footer, footerText } from "./blocks/footer";
import { freshness } from "./blocks/freshness";
import { keyRisks } from "./blocks/key-risks";
import { knownQueries } from "./blocks/known-queries";
import { kpiTiles } from "./blocks/kpi-tiles";
import { outlook } from "./blocks/outlook";
import { programmes } from "./blocks/programme";
import { sinceLastReport } from "./blocks/since-last-report";
import { title } from "./blocks/title";
import { variances } from "./blocks/variances";
import { overviewCharts, workstreamStatus } from "./blocks/workstream-status";
import type { ChartBlock, DrawableChart } from "./chart-data";
import { COLUMN_WIDTHS, LAST_COL, Page, REPEATED_TITLE_ROWS, TITLE_HEIGHTS, TITLE_ROWS } from "./page";
import { pageContentHeight, paginate } from "./pagination";
import type { PlannedSheet } from "./plan";
import { PALETTE, STYLES } from "./styles";

/** A block of the page: writes itself from the page's next free row on. */
export type PageBlock = (page: Page, summary: PortfolioSummary) => void;

/** The page, top to bottom. */
const PAGE_BLOCKS: readonly PageBlock[] = [
  title,
  kpiTiles,
  sinceLastReport,
  freshness,
  outlook,
  workstreamStatus,
  overviewCharts,
  keyRisks,
  programmes,
  variances,
  dataProblems,
  knownQueries,
  definitions,
  footer,
];

const MARGINS = { left: 0.4, right: 0.4, top: 0.45, bottom: 0.55, header: 0.25, footer: 0.25 };

/** Lays out the summary sheet's blocks; the page then holds its tables for the data sheet. */
export function layOutSummary(summary: PortfolioSummary, charts: Map<string, DrawableChart>): Page {
  const page = new Page(charts);
  for (const block of PAGE_BLOCKS) block(page, summary);
  return page;
}

/** Finishes the summary sheet: its charts read their tables on the data sheet; then its print setup. */
export function finishSummarySheet(
  page: Page,
  summary: PortfolioSummary,
  charts: Map<string, ChartBlock>,
): PlannedSheet {
  page.finishCharts(charts);

  const rowCount = page.row;
  const pageHeight = pageContentHeight({
    orientation: "landscape",
    columnWidths: [...COLUMN_WIDTHS],
    margins: MARGINS,
    repeatedRowsHeight: TITLE_HEIGHTS[0] + TITLE_HEIGHTS[1],
  });
  // Page breaks speak Excel's row numbers, as the print setup does.
  const breaks = paginate(page.printBlocks, rowCount, (n) => page.sheet.heightOf(n - 1), pageHeight);
  const sheet = page.sheet.build({
    freeze: { rows: TITLE_ROWS, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      printArea: `A1:${cellAddress(rowCount - 1, LAST_COL)}`,
      titleRows: `1:${REPEATED_TITLE_ROWS}`,
      rowBreaks: breaks,
      margins: MARGINS,
      centerHorizontally: true,
      footer: `Portfolio Summary — ${footerText(summary)}`,
    },
    tabColor: PALETTE.navy,
    showGridlines: false,
    baseStyle: STYLES.base,
  });
  return { ...sheet, links: page.links, tableRegions: page.tableRegions };
}
