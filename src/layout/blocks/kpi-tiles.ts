// The headline KPI tiles, three side by side (columns 1-2, 3-8, 9-11 of the grid): title; big value with its status
// mark and word; target with its label; variance; the engine's explanation; the date the figure is as at.
import { rangeAddress } from "../../core/a1";
import type { Kpi, PortfolioSummary } from "../../core/model";
import { excelSerial } from "../../core/serial";
import type { Page } from "../page";
import {
  NUMBER_FORMATS,
  PALETTE,
  STYLES,
  kpiValueFormat,
  kpiVarianceFormat,
  statusFlag,
  tileStatusStyle,
} from "../styles";
import { tableCopy } from "../data-tables";
import { kpiCellVariance } from "../values";

/**
 * Where each tile of a row goes on the page's grid: its columns c1..c2, about a third of the page each, and the
 * first column of its right part (status, target, variance, date), `split`; the left part holds the large figure
 * and the labels.
 */
const TILE_SLOTS: readonly { c1: number; split: number; c2: number }[] = [
  { c1: 0, split: 1, c2: 1 },
  { c1: 2, split: 5, c2: 7 },
  { c1: 8, split: 10, c2: 10 },
];
const TILES_A_ROW = TILE_SLOTS.length;
const TILE_ROWS = 6;

export function kpiTiles(page: Page, summary: PortfolioSummary): void {
  page.startBlock();
  const kpis = summary.kpis;
  if (kpis.length === 0) {
    page.note("The headline KPIs could not be computed; see the notes below.", STYLES.warning);
    page.gap();
    return;
  }
  page.addDataTable(
    tableCopy(
      "tblKpis",
      "Headline KPIs",
      [
        { header: "KPI", value: (k: Kpi) => k.label },
        { header: "Value", value: (k: Kpi) => k.actual, format: (k: Kpi) => kpiValueFormat(k.unit) },
        { header: "Status", value: (k: Kpi) => statusFlag(k.status).text },
        { header: "Target", value: (k: Kpi) => k.target, format: (k: Kpi) => kpiValueFormat(k.unit) },
        { header: "Target is", value: (k: Kpi) => k.targetLabel || "Target" },
        {
          header: "Variance",
          value: (k: Kpi) => kpiCellVariance(k.variance, k.unit),
          format: (k: Kpi) => kpiVarianceFormat(k.unit),
        },
        { header: "Explanation", value: (k: Kpi) => k.explanation },
        {
          header: "As at",
          value: (k: Kpi) => (k.asAt ? excelSerial(k.asAt) : null),
          format: NUMBER_FORMATS.date,
        },
      ],
      kpis,
    ),
  );
  for (let start = 0; start < kpis.length; start += TILES_A_ROW) {
    page.startBlock();
    const top = page.row;
    kpis.slice(start, start + TILES_A_ROW).forEach((kpi, i) => kpiTile(page, kpi, top, TILE_SLOTS[i]));
    page.row = top + TILE_ROWS;
    page.gap();
  }
}

function kpiTile(page: Page, kpi: Kpi, top: number, slot: (typeof TILE_SLOTS)[number]): void {
  const s = page.sheet;
  const { c1: col, split, c2: end } = slot;
  const formatted = (row: number, format: string) => s.format(rangeAddress(row, split, row, end), format);
  s.text(top, col, end, kpi.label, STYLES.tileTitle);
  s.height(top, 22);

  const flag = statusFlag(kpi.status);
  s.text(
    top + 1,
    col,
    split - 1,
    kpi.actual ?? "Not available",
    kpi.actual === null ? STYLES.tileValueMissing : STYLES.tileValue,
    false,
  );
  if (kpi.actual !== null) s.format(rangeAddress(top + 1, col, top + 1, split - 1), kpiValueFormat(kpi.unit));
  s.text(top + 1, split, end, flag.text, tileStatusStyle(flag.color), false);
  s.height(top + 1, 36);

  s.text(top + 2, col, split - 1, `${kpi.targetLabel || "Target"}:`, STYLES.tileLabel, false);
  s.text(top + 2, split, end, kpi.target ?? "Not set", STYLES.tileFigure, false);
  if (kpi.target !== null) formatted(top + 2, kpiValueFormat(kpi.unit));

  s.text(top + 3, col, split - 1, "Variance:", STYLES.tileLabel, false);
  s.text(top + 3, split, end, kpiCellVariance(kpi.variance, kpi.unit) ?? "–", STYLES.tileFigure, false);
  if (kpi.variance !== null) formatted(top + 3, kpiVarianceFormat(kpi.unit));

  s.text(top + 4, col, end, kpi.explanation, STYLES.tileNote);

  s.text(top + 5, col, split - 1, "As at:", STYLES.tileLabel, false);
  const asAt = kpi.asAt ? excelSerial(kpi.asAt) : null;
  s.text(top + 5, split, end, asAt ?? "Not recorded", STYLES.tileFigure, false);
  if (asAt !== null) formatted(top + 5, NUMBER_FORMATS.date);
  s.style(rangeAddress(top, col, top + 5, end), {
    borders: {
      left: { style: "thin", color: PALETTE.border },
      right: { style: "thin", color: PALETTE.border },
    },
  });
  s.style(rangeAddress(top + 5, col, top + 5, end), {
    borders: { bottom: { style: "thin", color: PALETTE.border } },
  });
}
