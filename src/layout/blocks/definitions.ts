// Definitions of every metric on the page: reference text, read when needed, so set a size smaller. On the page they
// are a glossary, each term on a line of its own with its definition under it as a paragraph across the page; their
// table (term, definition) is tblDefinitions on the data sheet.
import type { PortfolioSummary } from "../../core/model";
import { LAST_COL, type Page } from "../page";
import { tableCopy } from "../data-tables";
import { STYLES } from "../styles";

type Definition = PortfolioSummary["definitions"][number];

/** Points of a term's line: one line of 9 pt, close above its definition. */
const TERM_HEIGHT = 13;

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
  // A paragraph across the page is one cell, merged only where it wraps (docs/page-layout.md#merged-cells): a
  // table's text column would be the page's last, 44 wide, and the definitions would take three times the paper.
  for (const d of summary.definitions) {
    // A page may break between two definitions, never between a term and its definition.
    page.startBlock();
    page.sheet.cell(page.row, 0, LAST_COL, d.term, STYLES.definitionTerm, false);
    page.sheet.height(page.row++, TERM_HEIGHT);
    page.sheet.cell(page.row++, 0, LAST_COL, d.definition, STYLES.definitionText);
  }
  page.gap();
}
