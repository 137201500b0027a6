// Accumulates one planned sheet cell by cell: values, merges, styles, formats, heights, charts.
// Guards the plan's invariants as it goes (merges never overlap, rows fit Excel's limits) so renderers can trust it.
// Rows and columns are 0-based indexes, as everywhere in src (src/core/a1.ts); the plan it builds numbers its
// rows as Excel does only where the plan says so (rowHeights, print rows).
import { cellAddress, rangeAddress } from "../core/a1";
import type {
  CellStyle,
  ChartSpec,
  ConditionalFormatSpec,
  PlannedSheet,
  PlanValue,
  PrintSetup,
  SheetKey,
} from "./plan";

/** Excel refuses row heights above 409 points. */
export const MAX_ROW_HEIGHT = 409;
export const DEFAULT_ROW_HEIGHT = 15;

/**
 * Advance widths of Calibri's characters " " to "~" in thousandths of an em (Carlito, the font LibreOffice uses in
 * its place, has the same metrics). Measuring text this way sizes rows to the lines a host really wraps, where a
 * character count left rows half empty and spread the page over twice the paper.
 */
const CALIBRI_WIDTHS = {
  regular: [
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507,
    507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252,
    319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498,
    498, 291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391,
    335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498,
  ],
  bold: [
    226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507,
    507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267,
    331, 547, 423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498,
    498, 300, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399,
    347, 537, 473, 745, 459, 474, 397, 344, 475, 344, 498,
  ],
} as const;
const OTHER_WIDTHS: Record<string, number> = { "£": 507, "–": 498, "—": 905, "•": 498, "…": 711, "×": 498 };
/** Symbols such as ✓ and ⚠ come from a fallback font; an em is a safe guess. */
const UNKNOWN_WIDTH = 1000;
/** Points of one Excel column-width unit: Calibri 11's digit is 7 pixels at 96 dpi (0.75 pt a pixel). */
const POINTS_PER_WIDTH_UNIT = 5.25;
/** Excel leaves about three pixels either side of a cell's text. */
const CELL_PADDING_POINTS = 4.5;
/**
 * Screen fonts are hinted to whole pixels, so Excel draws text up to a few per cent wider than its metrics say;
 * the margin keeps a line from wrapping where the estimate said it would not.
 */
const WIDTH_SAFETY = 1.05;

/** Width in points of `text` set in Calibri at `fontSize`. */
function textWidthPoints(text: string, fontSize: number, bold = false): number {
  const table = bold ? CALIBRI_WIDTHS.bold : CALIBRI_WIDTHS.regular;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? table[code - 32] : (OTHER_WIDTHS[ch] ?? UNKNOWN_WIDTH);
  }
  return (units / 1000) * fontSize;
}

/** Estimated lines a text takes when wrapped in `widthChars` (Excel width units) at `fontSize` points. */
export function wrappedLineCount(text: string, widthChars: number, fontSize: number, bold = false): number {
  const room = Math.max(1, (widthChars * POINTS_PER_WIDTH_UNIT - CELL_PADDING_POINTS) / WIDTH_SAFETY);
  const space = textWidthPoints(" ", fontSize, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = textWidthPoints(word, fontSize, bold);
      if (used === 0) {
        used = len;
      } else if (used + space + len <= room) {
        used += space + len;
      } else {
        lines += 1;
        used = len;
      }
      // A word longer than a line breaks across lines.
      while (used > room) {
        lines += 1;
        used -= room;
      }
    }
  }
  return lines;
}

/** Row height in points for `lines` lines at `fontSize` (Calibri's line is 1.22 em; Excel adds a little), capped. */
export function heightForLines(lines: number, fontSize: number): number {
  const lineHeight = fontSize * 1.3;
  return Math.min(MAX_ROW_HEIGHT, Math.max(DEFAULT_ROW_HEIGHT, Math.ceil(lines * lineHeight + 3)));
}

export class SheetBuilder {
  private readonly rows: PlanValue[][] = [];
  private readonly merged = new Set<string>();
  private readonly merges: string[] = [];
  private readonly styles: { range: string; style: CellStyle }[] = [];
  private readonly numberFormats: { range: string; format: string }[] = [];
  private readonly heights = new Map<number, number>();
  /** Heights of texts already measured by fitText, by column, font and text (repeated texts are common). */
  private readonly fitted = new Map<string, number>();
  private readonly widths: number[];
  readonly conditionalFormats: ConditionalFormatSpec[] = [];
  readonly charts: ChartSpec[] = [];

  constructor(
    readonly key: SheetKey,
    readonly name: string,
    columnWidths: number[],
  ) {
    this.widths = [...columnWidths];
  }

  /** Columns the sheet is laid out on. */
  get columnCount(): number {
    return this.widths.length;
  }

  /** Rows written so far (up to the last row holding a value, style, height or merge). */
  get rowCount(): number {
    return this.rows.length;
  }

  /** Width in Excel character units of columns col1..col2. */
  width(col1: number, col2 = col1): number {
    let total = 0;
    for (let c = col1; c <= col2; c++) total += this.widths[c] ?? 8.43;
    return total;
  }

  setColumnWidth(col: number, width: number): void {
    while (this.widths.length <= col) this.widths.push(8.43);
    this.widths[col] = width;
  }

  private touch(row: number, col = 0): PlanValue[] {
    while (this.rows.length <= row) this.rows.push([]);
    while (this.widths.length <= col) this.widths.push(8.43);
    return this.rows[row];
  }

  /** Writes a value as is: tracker text stays a plain string (renderers keep "=..." from becoming a formula). */
  set(row: number, col: number, value: PlanValue): void {
    const cells = this.touch(row, col);
    while (cells.length <= col) cells.push(null);
    cells[col] = value;
  }

  get(row: number, col: number): PlanValue {
    return this.rows[row]?.[col] ?? null;
  }

  /** Merges a rectangle; overlapping another merge is a fault in the layout code, so it throws. */
  merge(row1: number, col1: number, row2: number, col2: number): void {
    if (row1 === row2 && col1 === col2) return;
    for (let r = row1; r <= row2; r++) {
      for (let c = col1; c <= col2; c++) {
        const key = `${r},${c}`;
        if (this.merged.has(key))
          throw new Error(`Merge ${rangeAddress(row1, col1, row2, col2)} overlaps another`);
        this.merged.add(key);
      }
    }
    this.touch(row2, col2);
    this.merges.push(rangeAddress(row1, col1, row2, col2));
  }

  /** The height a row will have in the plan. */
  heightOf(row: number): number {
    return this.heights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  style(range: string, style: CellStyle): void {
    this.styles.push({ range, style });
  }

  format(range: string, format: string): void {
    this.numberFormats.push({ range, format });
  }

  /** Sets a row's height (the taller wins when two cells ask). */
  height(row: number, points: number): void {
    this.touch(row);
    const h = Math.min(MAX_ROW_HEIGHT, Math.max(points, 1));
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, h));
  }

  /** Writes text into a rectangle (merged when wider than a cell), styled, and sizes the row to fit it. */
  text(row: number, col1: number, col2: number, value: PlanValue, style: CellStyle, wrap = true): void {
    // An empty text is an empty cell, not a zero-length string Excel would count as filled.
    this.set(row, col1, value === "" ? null : value);
    this.merge(row, col1, row, col2);
    this.style(rangeAddress(row, col1, row, col2), wrap ? { ...style, wrapText: true } : style);
    if (wrap && typeof value === "string" && value.length > 0) {
      const size = style.font?.size ?? 10;
      this.height(
        row,
        heightForLines(
          wrappedLineCount(
            value,
            this.width(col1, col2) - (style.indent ?? 0) * 1.5,
            size,
            style.font?.bold ?? false,
          ),
          size,
        ),
      );
    }
  }

  /**
   * Writes a table's value into cells col1..col2 of a row without merging them, so a screen reader meets one cell a
   * column: text in the first cell, running on into the empty cells to its right (it fits on one line of them); a
   * number, or a right-aligned value, in the last cell; a centred value centred across the cells. The cells share
   * the style, boxed as one: no border between them. Text too long for one line of the cells has to wrap across
   * them, which only a merge does: it is merged, as `text`. A table's text that may wrap is therefore written in one
   * wide column of the page's grid (src/layout/page.ts), where it wraps in its own cell.
   */
  cell(row: number, col1: number, col2: number, value: PlanValue, style: CellStyle, wrap = true): void {
    const indent = (style.indent ?? 0) * 1.5;
    if (
      col1 === col2 ||
      (wrap &&
        typeof value === "string" &&
        wrappedLineCount(value, this.width(col1, col2) - indent, style.font?.size ?? 10, style.font?.bold) >
          1)
    ) {
      this.text(row, col1, col2, value, style, wrap);
      return;
    }
    const align = style.horizontalAlignment ?? (typeof value === "string" ? "left" : "right");
    this.set(row, align === "right" ? col2 : col1, value === "" ? null : value);
    this.touch(row, col2);
    const { left, right, ...sides } = style.borders ?? {};
    this.style(rangeAddress(row, col1, row, col2), {
      ...style,
      ...(align === "center" ? { horizontalAlignment: "centerAcrossSelection" } : {}),
      wrapText: false,
      ...(style.borders ? { borders: sides } : {}),
    });
    if (left) this.style(rangeAddress(row, col1, row, col1), { borders: { left } });
    if (right) this.style(rangeAddress(row, col2, row, col2), { borders: { right } });
    // Sized as the one line it would have wrapped to.
    if (wrap && typeof value === "string" && value.length > 0)
      this.height(row, heightForLines(1, style.font?.size ?? 10));
  }

  /** Sizes a row to hold `text` wrapped in one cell at `col` in `style`'s font. */
  fitText(row: number, col: number, text: string, style: CellStyle): void {
    const size = style.font?.size ?? 10;
    const key = `${col}|${size}|${style.font?.bold ? 1 : 0}|${text}`;
    const known = this.fitted.get(key);
    if (known !== undefined) {
      this.height(row, known);
      return;
    }
    const lines = wrappedLineCount(
      text,
      this.width(col) - (style.indent ?? 0) * 1.5,
      size,
      style.font?.bold ?? false,
    );
    const height = heightForLines(lines, size);
    this.fitted.set(key, height);
    this.height(row, height);
  }

  build(options: {
    freeze?: PlannedSheet["freeze"];
    print?: PrintSetup;
    tabColor?: string;
    showGridlines: boolean;
    baseStyle?: CellStyle;
  }): PlannedSheet {
    const width = this.widths.length;
    const values = this.rows.map((cells) => {
      const full = cells.slice();
      while (full.length < width) full.push(null);
      return full;
    });
    const lastRow = Math.max(1, values.length) - 1;
    const styles = options.baseStyle
      ? [{ range: `A1:${cellAddress(lastRow, width - 1)}`, style: options.baseStyle }, ...this.styles]
      : this.styles;
    // The plan numbers rows as Excel does (row 1 first).
    const rowHeights: { row: number; height: number }[] = [];
    for (let r = 0; r < values.length; r++)
      rowHeights.push({ row: r + 1, height: this.heights.get(r) ?? DEFAULT_ROW_HEIGHT });
    return {
      key: this.key,
      name: this.name,
      values,
      numberFormats: this.numberFormats,
      styles,
      merges: this.merges,
      columnWidths: this.widths.map((w, column) => ({ column, width: w })),
      rowHeights,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      freeze: options.freeze,
      print: options.print,
      tabColor: options.tabColor,
      showGridlines: options.showGridlines,
    };
  }
}
