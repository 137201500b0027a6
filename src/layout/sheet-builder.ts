// Accumulates one planned sheet cell by cell: values, merges, styles, formats, heights, charts.
// Guards the plan's invariants as it goes (merges never overlap, rows fit Excel's limits) so renderers can trust it.
import { cellAddress, rangeAddress } from "./a1";
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

/** Estimated lines a text takes when wrapped in `widthChars` (Excel width units) at `fontSize` points. */
export function wrappedLineCount(text: string, widthChars: number, fontSize: number): number {
  // Column widths count the digit "0" of an 11-point font; prose at the same size is a little narrower, so
  // counting every character as one unit slightly overestimates the lines and never cuts text off.
  const perLine = Math.max(1, Math.floor((widthChars * 11) / fontSize) - 1);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) {
        used = len;
      } else if (used + 1 + len <= perLine) {
        used += 1 + len;
      } else {
        lines += 1;
        used = len;
      }
      // A word longer than a line breaks across lines.
      while (used > perLine) {
        lines += 1;
        used -= perLine;
      }
    }
  }
  return lines;
}

/** Row height in points for `lines` lines at `fontSize`, with a little air, within Excel's limit. */
export function heightForLines(lines: number, fontSize: number): number {
  const lineHeight = Math.ceil(fontSize * 1.4);
  return Math.min(MAX_ROW_HEIGHT, Math.max(DEFAULT_ROW_HEIGHT, lines * lineHeight + 4));
}

export class SheetBuilder {
  private readonly rows: PlanValue[][] = [];
  private readonly merged = new Set<string>();
  private readonly merges: string[] = [];
  private readonly styles: { range: string; style: CellStyle }[] = [];
  private readonly numberFormats: { range: string; format: string }[] = [];
  private readonly heights = new Map<number, number>();
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

  /** Rows written so far (the last row holding a value, style, height or merge). */
  get lastRow(): number {
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
    while (this.rows.length < row) this.rows.push([]);
    while (this.widths.length <= col) this.widths.push(8.43);
    return this.rows[row - 1];
  }

  /** Writes a value as is: tracker text stays a plain string (renderers keep "=..." from becoming a formula). */
  set(row: number, col: number, value: PlanValue): void {
    const cells = this.touch(row, col);
    while (cells.length <= col) cells.push(null);
    cells[col] = value;
  }

  get(row: number, col: number): PlanValue {
    return this.rows[row - 1]?.[col] ?? null;
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
          wrappedLineCount(value, this.width(col1, col2) - (style.indent ?? 0) * 1.5, size),
          size,
        ),
      );
    }
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
    const lastRow = Math.max(1, values.length);
    const styles = options.baseStyle
      ? [{ range: `A1:${cellAddress(lastRow, width - 1)}`, style: options.baseStyle }, ...this.styles]
      : this.styles;
    const rowHeights: { row: number; height: number }[] = [];
    for (let r = 1; r <= values.length; r++)
      rowHeights.push({ row: r, height: this.heights.get(r) ?? DEFAULT_ROW_HEIGHT });
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
