// Title rows (frozen, the first two repeated on every printed page): programme and council; "Portfolio Summary" and
// the reporting date; the overall RAG as a filled cell with its word and who set it. Then the lead's narrative and,
// where the figures give another RAG, that RAG with its reasons.
import type { PortfolioSummary } from "../../core/model";
import { excelSerial } from "../../core/serial";
import { LAST_COL, TITLE_HEIGHTS, TITLE_ROWS, type Page } from "../page";
import { FONT_SIZE, NUMBER_FORMATS, STYLES } from "../styles";
import { rangeAddress } from "../../core/a1";

export function title(page: Page, summary: PortfolioSummary): void {
  const { programme, overallRag } = summary;
  const sheet = page.sheet;
  const name = [programme.name, programme.council].filter((t) => t.trim() !== "").join(" — ");
  sheet.cell(0, 0, LAST_COL, name || "SEND transformation programme", STYLES.title, false);
  sheet.height(0, TITLE_HEIGHTS[0]);

  sheet.cell(1, 0, 6, "Portfolio Summary", STYLES.pageName, false);
  sheet.cell(1, 7, 9, "Reporting date:", STYLES.labelRight, false);
  const reporting = programme.reportingDate ? excelSerial(programme.reportingDate) : null;
  sheet.cell(1, 10, 10, reporting ?? "Not set in the tracker", STYLES.labelLeft, false);
  if (reporting !== null) sheet.format(rangeAddress(1, 10, 1, 10), NUMBER_FORMATS.date);
  sheet.height(1, TITLE_HEIGHTS[1]);

  sheet.cell(2, 0, 0, "Overall RAG", STYLES.label, false);
  page.ragCell(2, 1, 2, overallRag.value, overallRag.value ?? "Not set", FONT_SIZE.subheading);
  const basis = overallRag.override
    ? `Set by the programme lead: ${overallRag.overrideText || overallRag.override}`
    : overallRag.computed
      ? "Computed from the tracker: the programme lead has not set an overall RAG."
      : "No overall RAG: the programme lead has not set one and it could not be computed from the tracker.";
  sheet.cell(2, 3, LAST_COL, basis, STYLES.ragBasis);
  sheet.height(2, 24);
  // The overall RAG and the lead's narrative print together at the top of the first page.
  page.row = TITLE_ROWS - 1;
  page.startBlock({ splittable: true });
  page.row = TITLE_ROWS;
  page.gap();

  for (const paragraph of overallRag.narrative
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    page.note(paragraph, STYLES.wrapped);
  }

  const showReasons = overallRag.differs || (!overallRag.override && overallRag.computed !== null);
  if (overallRag.differs && overallRag.computed) {
    page.gap();
    sheet.cell(page.row, 0, 0, "Computed RAG", STYLES.label, false);
    page.ragCell(page.row, 1, 2, overallRag.computed, overallRag.computed);
    sheet.cell(
      page.row,
      3,
      LAST_COL,
      `The RAG computed from the tracker (${overallRag.computed}) differs from the programme lead's ` +
        `(${overallRag.overrideText || overallRag.override || "not set"}). How it was reached:`,
      STYLES.warningIndented,
    );
    page.row++;
  }
  if (showReasons) {
    for (const reason of overallRag.reasons) {
      sheet.cell(page.row, 3, LAST_COL, `• ${reason}`, STYLES.reason);
      page.row++;
    }
  }
  page.gap();
}
