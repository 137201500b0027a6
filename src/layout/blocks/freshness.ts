// Data freshness: one line per source ("SEND data last refreshed: 07/01/2025", "3 days old at the reporting date
// (limit 45 days)."), a stale source on a warning fill; then "Not shown on this page": what could not be computed.
import { rangeAddress } from "../../core/a1";
import { formatDate } from "../../core/format";
import type { FreshnessLine, PortfolioSummary } from "../../core/model";
import { excelSerial } from "../../core/serial";
import { LAST_COL, TEXT_COL, type Page } from "../page";
import { tableCopy } from "../data-tables";
import { NUMBER_FORMATS, STYLES } from "../styles";

export function freshness(page: Page, summary: PortfolioSummary): void {
  if (summary.freshness.length > 0) page.startBlock();
  const top = page.row;
  const lines = summary.freshness.map((line) => freshnessLine(page, line));
  page.tableRegion("tblDataFreshness", top, 0, page.row - 1, LAST_COL);
  if (lines.length > 0)
    page.addDataTable(
      tableCopy(
        "tblDataFreshness",
        "Data freshness",
        [
          { header: "Source", value: (l: FreshnessCopy) => l.label },
          {
            header: "Reflects",
            value: (l: FreshnessCopy) => l.value,
            format: (l: FreshnessCopy) => l.format,
          },
          { header: "Age and limit", value: (l: FreshnessCopy) => l.note },
          { header: "Stale", value: (l: FreshnessCopy) => (l.stale ? "Yes" : "No") },
        ],
        lines,
      ),
    );
  if (summary.freshness.length > 0) page.gap();

  if (summary.notComputed.length > 0) {
    page.startBlock({ splittable: true });
    page.subheading("Not shown on this page");
    page.addDataTable(
      tableCopy(
        "tblNotShown",
        "Not shown on this page",
        [
          { header: "Section", value: (m: NotComputed) => m.section },
          { header: "Reason", value: (m: NotComputed) => m.reason },
        ],
        summary.notComputed,
      ),
    );
    const first = page.row;
    for (const missing of summary.notComputed) {
      page.sheet.cell(page.row, 0, TEXT_COL - 1, missing.section, STYLES.notComputedSection);
      page.sheet.cell(page.row, TEXT_COL, TEXT_COL, missing.reason, STYLES.notComputedReason);
      page.row++;
    }
    page.tableRegion("tblNotShown", first, 0, page.row - 1, LAST_COL);
    page.gap();
  }
}

/**
 * One freshness line: what the data reflects (a date, or a basis such as "Q2 Forecast"), then in words how old
 * it is: "as at 15/11/2024, 56 days old at the reporting date (limit 120 days)". Stale lines are a warning.
 */
interface FreshnessCopy {
  label: string;
  value: string | number;
  format: string | null;
  note: string;
  stale: boolean;
}

type NotComputed = PortfolioSummary["notComputed"][number];

function freshnessLine(page: Page, line: FreshnessLine): FreshnessCopy {
  const sheet = page.sheet;
  const row = page.row;
  sheet.cell(row, 0, 0, `${line.label}:`, STYLES.label, false);
  const serial = line.date ? excelSerial(line.date) : null;
  // The engine writes a basis and its date as one text ("Q2 Forecast, as at 15/11/2024"): the basis goes in
  // the value cell and the date into the note, so neither is lost and the date is not said twice.
  const basis = line.text.replace(/,?\s*as at\s+\d{1,2}\/\d{1,2}\/\d{4}\s*$/i, "").trim();
  const showsDate = serial !== null && (basis === "" || basis === formatDate(line.date ?? ""));
  sheet.cell(row, 1, 1, showsDate ? serial : basis || line.text, STYLES.freshnessValue, false);
  if (showsDate) sheet.format(rangeAddress(row, 1, row, 1), NUMBER_FORMATS.date);

  const parts: string[] = [];
  if (!showsDate && line.date) parts.push(`as at ${formatDate(line.date)}`);
  if (line.ageDays !== null) {
    const limit = line.limitDays !== null ? ` (limit ${line.limitDays} days)` : "";
    parts.push(`${line.ageDays} days old at the reporting date${limit}`);
  } else if (line.stale) {
    parts.push("its age is not known");
  }
  const value = showsDate ? serial : basis || line.text;
  const copy: FreshnessCopy = {
    label: line.label,
    value,
    format: showsDate ? NUMBER_FORMATS.date : null,
    note: parts.length ? `${parts.join(", ").charAt(0).toUpperCase()}${parts.join(", ").slice(1)}.` : "",
    stale: line.stale,
  };
  if (line.stale) {
    sheet.cell(
      row,
      2,
      LAST_COL,
      `⚠ Stale: ${parts.join(", ")}. Refresh this data before the page is shared.`,
      STYLES.warningIndented,
    );
  } else if (parts.length > 0) {
    const text = parts.join(", ");
    sheet.cell(row, 2, LAST_COL, `${text.charAt(0).toUpperCase()}${text.slice(1)}.`, STYLES.freshnessNote);
  }
  sheet.height(row, 16);
  page.row++;
  return copy;
}
