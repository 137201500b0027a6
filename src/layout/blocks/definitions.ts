// Definitions of every metric on the page: reference text, read when needed, so set a size smaller.
import type { PortfolioSummary } from "../../core/model";
import { LAST_COL, type Page } from "../page";
import { tableCopy } from "../data-tables";
import { STYLES } from "../styles";

type Definition = PortfolioSummary["definitions"][number];

export function definitions(page: Page, summary: PortfolioSummary): void {
  if (summary.definitions.length === 0) return;
  page.startBlock({ keepWithNext: true });
  page.subheading("Definitions");
  page.addDataTable(
    tableCopy(
      "tblDefinitions",
      "Definitions",
      [
        { header: "Term", value: (d: Definition) => d.term },
        { header: "Definition", value: (d: Definition) => d.definition },
      ],
      summary.definitions,
    ),
  );
  page.startBlock({ splittable: true });
  const top = page.row;
  for (const d of summary.definitions) {
    page.sheet.cell(page.row, 0, 1, d.term, STYLES.definitionTerm);
    page.sheet.cell(page.row, 2, LAST_COL, d.definition, STYLES.definitionText);
    page.row++;
  }
  page.tableRegion("tblDefinitions", top, 0, page.row - 1, LAST_COL);
  page.gap();
}
