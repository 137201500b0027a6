// The history sheet's look: the columns of src/core/history/record.ts with their widths and number formats, a bold
// header row kept in view, no merges and no styles on the records, so a person can sort and filter it freely and
// a refresh only ever adds rows below the last one.
import { rangeAddress } from "../core/a1";
import { HISTORY_COLUMNS, HISTORY_SHEET_NAME, historyHeader, historyRows } from "../core/history";
import type { HistoryColumnKey } from "../core/history/record";
import type { HistorySnapshot, PortfolioSummary } from "../core/model";
import type { PlannedHistory, PlannedHistorySheet, PlanValue, PrintSetup } from "./plan";
import { NUMBER_FORMATS, PALETTE, STYLES } from "./styles";

const WIDTHS: Record<HistoryColumnKey, number> = {
  refresh: 9,
  refreshedAt: 17,
  reportingDate: 13,
  sendDataAsAt: 13,
  financeDataAsAt: 13,
  kind: 13,
  programme: 11,
  id: 22,
  label: 48,
  value: 16,
  target: 16,
  variance: 14,
  status: 13,
  rag: 12,
  detail: 28,
};

/** A figure's format by the row's unit: plans as counts, money in whole pounds, shares as percentages. */
const FIGURE_FORMATS: Record<string, string> = {
  count: NUMBER_FORMATS.count,
  money: NUMBER_FORMATS.financePounds,
  share: NUMBER_FORMATS.share,
  score: NUMBER_FORMATS.integer,
};

const DATE_TIME = "dd/mm/yyyy hh:mm";
const GENERAL = "General";

function formatFor(key: HistoryColumnKey, unit: string | null, value: PlanValue): string {
  if (typeof value !== "number") return GENERAL;
  switch (key) {
    case "refresh":
    case "programme":
      return NUMBER_FORMATS.integer;
    case "refreshedAt":
      return DATE_TIME;
    case "reportingDate":
    case "sendDataAsAt":
    case "financeDataAsAt":
      return NUMBER_FORMATS.date;
    case "value":
    case "target":
    case "variance":
      return (unit && FIGURE_FORMATS[unit]) || GENERAL;
    default:
      return GENERAL;
  }
}

function block(snapshots: readonly HistorySnapshot[]): PlannedHistory["block"] {
  const values: PlanValue[][] = [];
  const numberFormats: string[][] = [];
  for (const snapshot of snapshots)
    for (const row of historyRows(snapshot)) {
      const cells = row.cells.map((v): PlanValue => (v === "" ? null : v));
      values.push(cells);
      numberFormats.push(cells.map((v, c) => formatFor(HISTORY_COLUMNS[c].key, row.unit, v)));
    }
  return { values, numberFormats };
}

/** Number formats as ranges: one per run of equal formats down a column (most columns are one run). */
function formatRanges(formats: string[][], firstRow: number): { range: string; format: string }[] {
  const out: { range: string; format: string }[] = [];
  HISTORY_COLUMNS.forEach((_, c) => {
    let start = 0;
    for (let r = 1; r <= formats.length; r++) {
      if (r < formats.length && formats[r][c] === formats[start][c]) continue;
      if (formats[start][c] !== GENERAL)
        out.push({
          range: rangeAddress(firstRow + start, c, firstRow + r - 1, c),
          format: formats[start][c],
        });
      start = r;
    }
  });
  return out;
}

function sheetOf(rows: PlannedHistory["block"]): PlannedHistorySheet {
  const last = HISTORY_COLUMNS.length - 1;
  return {
    key: "history",
    name: HISTORY_SHEET_NAME,
    values: [historyHeader(), ...rows.values],
    numberFormats: formatRanges(rows.numberFormats, 1),
    styles: [{ range: rangeAddress(0, 0, 0, last), style: STYLES.tableHeader }],
    merges: [],
    columnWidths: HISTORY_COLUMNS.map((c, column) => ({ column, width: WIDTHS[c.key] })),
    rowHeights: [{ row: 1, height: 30 }],
    print: historyPrint(rows.values.length),
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 1, columns: 0 },
    tabColor: PALETTE.border,
    showGridlines: true,
  };
}

/**
 * The AutoFilter on the header row (0-based `headerRow`), over whole columns down to Excel's last row, so every
 * block appended later is in its range: both renderers apply it.
 */
export function historyFilterRange(headerRow: number): string {
  return `${rangeAddress(headerRow, 0, headerRow, HISTORY_COLUMNS.length - 1).replace(/\d+$/, "")}1048576`;
}

/** Landscape, one page wide, the header on every page; the print area covers the records (`rows` of them). */
export function historyPrint(rows: number): PrintSetup {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToPagesWide: 1,
    printArea: rangeAddress(0, 0, rows, HISTORY_COLUMNS.length - 1),
    titleRows: "1:1",
    rowBreaks: [],
    footer: `${HISTORY_SHEET_NAME} — one block of rows per refresh, oldest first`,
  };
}

/**
 * The history sheet for this summary: `recorded` are the refreshes already kept (a file is written whole), and this
 * refresh's block comes last, unless the summary has errors (a refresh that stops records nothing).
 */
export function planHistory(
  summary: PortfolioSummary,
  recorded: readonly HistorySnapshot[] = [],
): PlannedHistory | undefined {
  const current = summary.history?.current;
  if (!current) return undefined;
  // Nothing is recorded for a refresh with errors, or when the block no longer fits on the sheet.
  const mine = summary.issueCounts.error > 0 || summary.history?.full ? [] : [current];
  const before = block(recorded);
  const added = block(mine);
  return {
    sheet: sheetOf({
      values: [...before.values, ...added.values],
      numberFormats: [...before.numberFormats, ...added.numberFormats],
    }),
    header: sheetOf({ values: [], numberFormats: [] }),
    block: added,
  };
}
