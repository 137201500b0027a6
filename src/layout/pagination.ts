// Printed pages of a planned sheet: how many points of rows an A4 page holds at the fit-to-width scale, and where
// to break so no table or chart is cut, no heading is left alone at a page foot, and pages are filled before a break.
import { MAX_ROW_HEIGHT } from "./sheet-builder";

/** A4 in points. */
const A4 = { long: 841.89, short: 595.28 } as const;
/** A host draws row heights in whole pixels (0.75 pt at 96 dpi); rounding up every row keeps the sum honest. */
const PIXEL = 0.75;
/**
 * Slack left at the foot of every page. LibreOffice fits the same columns at a smaller scale than Excel (its
 * columns come out about 6% wider), so it always has room to spare; the slack covers Excel's own rounding.
 */
const PAGE_SLACK = 0.98;

export interface PageGeometry {
  orientation: "landscape" | "portrait";
  /** Column widths in Excel character units, left to right across the print area. */
  columnWidths: number[];
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number };
  /** Points of the rows repeated at the top of every page. */
  repeatedRowsHeight: number;
}

/** Excel's pixel width of a column `width` characters wide (Calibri 11: a 7-pixel digit, padding included). */
function columnPixels(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
}

/** The whole-percent scale Excel uses to fit the columns to one page wide (never above 100%). */
export function fitToWidthScale(geometry: PageGeometry): number {
  const paperWidth = geometry.orientation === "landscape" ? A4.long : A4.short;
  const printable = paperWidth - (geometry.margins.left + geometry.margins.right) * 72;
  const sheetWidth = geometry.columnWidths.reduce((sum, w) => sum + columnPixels(w) * PIXEL, 0);
  if (sheetWidth <= printable) return 1;
  return Math.floor((printable / sheetWidth) * 100) / 100;
}

/** Points of sheet rows one printed page holds below the repeated rows, at the fit-to-width scale. */
export function pageContentHeight(geometry: PageGeometry): number {
  const paperHeight = geometry.orientation === "landscape" ? A4.short : A4.long;
  const printable = paperHeight - (geometry.margins.top + geometry.margins.bottom) * 72;
  return (printable / fitToWidthScale(geometry)) * PAGE_SLACK - geometry.repeatedRowsHeight;
}

/** Height of a row as a host prints it: whole pixels, within Excel's limit. */
function printedRowHeight(points: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(points / PIXEL) * PIXEL);
}

/**
 * A run of rows printed together, from `first` to the row before the next block. A heading keeps with the block
 * after it; a splittable block (a long table or list) may break between its rows, but only when it cannot fit on
 * a page of its own, so a table that fits a page is never cut.
 */
export interface PrintBlock {
  first: number;
  keepWithNext?: boolean;
  splittable?: boolean;
}

/**
 * Row breaks (the 1-based rows after which a page ends) for blocks packed in order onto pages holding
 * `pageHeight` points. `rowHeight` gives a row's height in points; rows from `lastRow` on are not printed.
 */
export function paginate(
  blocks: readonly PrintBlock[],
  lastRow: number,
  rowHeight: (row: number) => number,
  pageHeight: number,
): number[] {
  const sorted = [...blocks].filter((b) => b.first <= lastRow).sort((a, b) => a.first - b.first);
  const spans = sorted.map((b, i) => ({
    ...b,
    last: i + 1 < sorted.length ? sorted[i + 1].first - 1 : lastRow,
  }));
  const heightOf = (first: number, last: number) => {
    let h = 0;
    for (let r = first; r <= last; r++) h += printedRowHeight(rowHeight(r));
    return h;
  };
  const breaks: number[] = [];
  let used = 0;
  /** Index of the first block on the current page. */
  let pageStart = 0;

  const splitRows = (first: number, last: number) => {
    for (let r = first; r <= last; r++) {
      const h = printedRowHeight(rowHeight(r));
      if (used > 0 && used + h > pageHeight) {
        breaks.push(r - 1);
        used = 0;
      }
      used += h;
    }
  };

  spans.forEach((block, i) => {
    const height = heightOf(block.first, block.last);
    if (used + height <= pageHeight) {
      used += height;
      return;
    }
    if (used === 0 || (block.splittable && height > pageHeight)) {
      // Too tall for any page: it flows on, broken between rows where the page is full.
      splitRows(block.first, block.last);
      return;
    }
    // A new page, taking along the headings at the foot of this one that belong to this block.
    let start = i;
    while (start - 1 >= pageStart && spans[start - 1].keepWithNext) start--;
    if (start === pageStart) {
      // The page holds only this block's headings: moving them would leave an empty page, so the block flows on.
      if (block.splittable) splitRows(block.first, block.last);
      else used = (used + height) % pageHeight;
      return;
    }
    breaks.push(spans[start].first - 1);
    pageStart = start;
    used = heightOf(spans[start].first, block.first - 1);
    if (used + height <= pageHeight || !block.splittable) used += height;
    else splitRows(block.first, block.last);
  });
  return breaks.filter((b) => b >= 1 && b < lastRow);
}
