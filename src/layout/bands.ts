// Charts and half-page tables side by side, in bands no page break may cut: charts in pairs, each half the page
// wide; an odd chart beside a section's tables; tables two by two, each to the shorter side.
import type { PortfolioSummary } from "../core/model";
import { undrawableReason, type DrawableChart } from "./chart-data";
import { FULL, GAP, LEFT, RIGHT, type Page, type Slot } from "./page";
import { DEFAULT_ROW_HEIGHT } from "./sheet-builder";
import { STYLES } from "./styles";

/** Least height of a chart in points: legible at A4 with two side by side, each half the page wide. */
const CHART_HEIGHT = 170;
/** A chart beside a taller stack of tables grows with it up to this height, then stays at CHART_HEIGHT. */
const CHART_MAX_HEIGHT = 260;

/** Writes one table or list into a slot from a row; returns the next free row. */
export type SlotWriter = (top: number, slot: Slot) => number;

/** Writes writers one under another in a slot from `top`, a small gap between them; returns the next row. */
function stack(page: Page, writers: SlotWriter[], top: number, slot: Slot): number {
  let row = top;
  writers.forEach((write, i) => {
    if (i > 0) {
      page.sheet.height(row, GAP);
      row++;
    }
    row = write(row, slot);
  });
  return row;
}

/**
 * Lays out a section's half-page tables and its charts as bands, each a block no page break may cut: with an
 * odd number of charts the first sits on the right of the tables; the tables otherwise share a band two by two
 * (each to the shorter side); the remaining charts go in pairs, half the page wide each. A chart that cannot be
 * drawn says why in its place.
 */
export function arrange(
  page: Page,
  summary: PortfolioSummary,
  halves: SlotWriter[],
  chartIds: readonly string[],
): void {
  const drawable: DrawableChart[] = [];
  for (const id of chartIds) {
    const block = page.charts.get(id);
    if (block) {
      drawable.push(block);
      continue;
    }
    const chart = summary.charts.find((c) => c.id === id);
    const reason = chart ? undrawableReason(chart) : "The summary holds no data for this chart.";
    page.startBlock();
    page.note(`Chart not drawn — ${chart?.title ?? id}: ${reason}`, STYLES.chartNotDrawn);
  }

  let charts = drawable;
  if (halves.length > 0 && charts.length % 2 === 1) {
    page.startBlock();
    const top = page.row;
    const end = stack(page, halves, top, LEFT);
    chartBand(page, top, end, [[charts[0], RIGHT]]);
    charts = charts.slice(1);
  } else if (halves.length > 0) {
    page.startBlock();
    const top = page.row;
    const ends = { left: top, right: top };
    for (const write of halves) {
      // The next table goes to the shorter side so the band stays even.
      const side =
        page.heightBetween(top, ends.left - 1) <= page.heightBetween(top, ends.right - 1) ? "left" : "right";
      let row = ends[side];
      if (row > top) {
        page.sheet.height(row, GAP);
        row++;
      }
      ends[side] = write(row, side === "left" ? LEFT : RIGHT);
    }
    page.row = Math.max(ends.left, ends.right);
    page.gap();
  }
  for (let i = 0; i < charts.length; i += 2) {
    page.startBlock();
    const pair = charts.slice(i, i + 2);
    chartBand(
      page,
      page.row,
      page.row,
      pair.length === 2
        ? [
            [pair[0], LEFT],
            [pair[1], RIGHT],
          ]
        : [[pair[0], FULL]],
    );
  }
}

/**
 * Charts drawn from `top` beside rows already written up to `end` (exclusive): empty rows are added until the
 * band is CHART_HEIGHT tall; a chart beside a taller stack grows with it up to CHART_MAX_HEIGHT.
 */
function chartBand(page: Page, top: number, end: number, charts: [DrawableChart, Slot][]): void {
  let row = end;
  while (page.heightBetween(top, row - 1) < CHART_HEIGHT) {
    page.sheet.height(row, DEFAULT_ROW_HEIGHT);
    row++;
  }
  let bottom = row - 1;
  if (page.heightBetween(top, bottom) > CHART_MAX_HEIGHT) {
    bottom = top;
    while (page.heightBetween(top, bottom) < CHART_HEIGHT) bottom++;
  }
  for (const [block, slot] of charts)
    page.drawChart(block, { row: top, col: slot.c1 }, { row: bottom, col: slot.c2 });
  page.row = row;
  page.gap();
}
