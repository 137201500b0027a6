// Key programme risks (score at the threshold or above): the register's columns a board reads, the score coloured
// by the spreadsheet itself so an edited score recolours: the top band darkest.
import type { KeyRisk, PortfolioSummary } from "../../core/model";
import { rangeAddress } from "../../core/a1";
import type { Page } from "../page";
import { NUMBER_FORMATS, RAG_COLOURS, STYLES } from "../styles";
import { columnSpan, writeTable, type TableColumn } from "../table";

const COLUMNS: TableColumn<KeyRisk>[] = [
  { header: "Risk", span: 1, style: STYLES.tableCell, value: (r) => r.title },
  { header: "Impact", span: 1, style: STYLES.tableCell, value: (r) => r.consequence },
  { header: "Risk owner", span: 1, style: STYLES.tableCell, value: (r) => r.owner },
  {
    header: "Impact (1-5)",
    span: 2,
    style: STYLES.tableScore,
    format: NUMBER_FORMATS.integer,
    value: (r) => r.impact,
  },
  {
    header: "Likelihood (1-5)",
    span: 2,
    style: STYLES.tableScore,
    format: NUMBER_FORMATS.integer,
    value: (r) => r.likelihood,
  },
  {
    header: "Risk score",
    span: 3,
    style: STYLES.tableScoreBold,
    format: NUMBER_FORMATS.integer,
    value: (r) => r.score,
  },
  { header: "Action required", span: 1, style: STYLES.tableCell, value: (r) => r.action },
];
/** The columns of the score (centred across them), for its conditional formats. */
const SCORE = columnSpan(COLUMNS, "Risk score");

export function keyRisks(page: Page, summary: PortfolioSummary): void {
  const threshold = summary.riskThreshold;
  page.heading(`Key programme risks (score ${threshold}+)`);
  page.startBlock({ splittable: true });
  const risks = summary.keyRisks;
  if (risks.length === 0) {
    page.note(`No open risk scores ${threshold} or more.`, STYLES.body);
    page.gap();
    return;
  }
  const first = page.row + 1;
  page.row = writeTable(page, COLUMNS, risks, {
    copy: { name: "tblKeyRisks", title: `Key programme risks (score ${threshold}+)` },
  });
  const scores = rangeAddress(first, SCORE.first, page.row - 1, SCORE.last);
  const bands = summary.settings.riskBands.filter((b) => b.min >= threshold);
  const top = bands[0]?.min ?? threshold;
  page.sheet.conditionalFormats.push(
    {
      range: scores,
      rule: { type: "cellValue", operator: "greaterThanOrEqual", formula1: String(top) },
      style: { fill: RAG_COLOURS.Red.fill, fontColor: RAG_COLOURS.Red.text, bold: true },
    },
    {
      range: scores,
      rule: {
        type: "cellValue",
        operator: "between",
        formula1: String(threshold),
        formula2: String(Math.max(threshold, top - 1)),
      },
      style: { fill: RAG_COLOURS["Amber/Red"].fill, fontColor: RAG_COLOURS["Amber/Red"].text, bold: true },
    },
  );
  page.gap();
}
