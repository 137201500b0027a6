// The footer: when the page was generated (UK time) and from which workbook; the same text is the printed footer.
import type { PortfolioSummary } from "../../core/model";
import { cellAddress } from "../../core/a1";
import { DATA_SHEET_NAME } from "../chart-data";
import { LAST_COL, type Page } from "../page";
import { STYLES } from "../styles";

/** "2025-01-10T09:30:00Z" -> "10/01/2025 09:30" in UK time; text that is not a date-time is returned unchanged. */
export function ukDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")} ${get("hour")}:${get("minute")}`;
}

/** "Generated 10/01/2025 09:30 (UK time) from sample-tracker.xlsx." */
export function footerText(summary: PortfolioSummary): string {
  const source = summary.source.workbookName || "the open workbook";
  return `Generated ${ukDateTime(summary.generatedAt)} (UK time) from ${source}.`;
}

export function footer(page: Page, summary: PortfolioSummary): void {
  // Where a screen reader finds the page's tables: the data sheet, each an Excel table under its title. Merged
  // across the page so the whole sentence is the link (text running on past its cell is not).
  page.sheet.text(
    page.row,
    0,
    LAST_COL,
    `Every table on this page, and the figures behind each chart, are also on the sheet "${DATA_SHEET_NAME}" as Excel tables, listed in its contents.`,
    STYLES.link,
    false,
  );
  page.links.push({ cell: cellAddress(page.row, 0), target: { sheet: "data", cell: "A1" } });
  page.row++;
  page.sheet.cell(page.row, 0, LAST_COL, footerText(summary), STYLES.footer, false);
  page.row++;
}
