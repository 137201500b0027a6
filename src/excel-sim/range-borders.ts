// range.format.borders: the eight edges, where each edge of a range is stored on its cells (inside edges on each
// cell's bottom or right side), and what a border reads back when the range's cells differ.
import type { Rect } from "./address";
import { SimPartCollection, type Reader, type SimContext } from "./context";
import { cellAt, checkCellLimit, ensureCell, normaliseColour, pruneCell } from "./helpers";
import type { BorderEdge } from "./state";
import type { RangeRef, SimRange } from "./range";
import { oneOf, RangePart } from "./range-part";
import { EXCEL_ENUMS } from "./globals";

// Excel's own lists (the enums the simulator gives the client), in their order.
const EDGES = Object.values(EXCEL_ENUMS.BorderIndex) as BorderEdge[];
const LINE_STYLES = Object.values(EXCEL_ENUMS.BorderLineStyle);
const WEIGHTS = Object.values(EXCEL_ENUMS.BorderWeight);

/** The cells an edge of a range touches, and which side of each cell it is stored on. */
function edgeCells(rect: Rect, edge: BorderEdge): { cells: [number, number][]; side: BorderEdge } {
  const cells: [number, number][] = [];
  const all = (keep: (r: number, c: number) => boolean): void => {
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) if (keep(r, c)) cells.push([r, c]);
  };
  switch (edge) {
    case "EdgeTop":
      all((r) => r === rect.row);
      return { cells, side: "EdgeTop" };
    case "EdgeBottom":
      all((r) => r === rect.row + rect.rows - 1);
      return { cells, side: "EdgeBottom" };
    case "EdgeLeft":
      all((_r, c) => c === rect.col);
      return { cells, side: "EdgeLeft" };
    case "EdgeRight":
      all((_r, c) => c === rect.col + rect.cols - 1);
      return { cells, side: "EdgeRight" };
    case "InsideHorizontal":
      all((r) => r < rect.row + rect.rows - 1);
      return { cells, side: "EdgeBottom" };
    case "InsideVertical":
      all((_r, c) => c < rect.col + rect.cols - 1);
      return { cells, side: "EdgeRight" };
    default:
      all(() => true);
      return { cells, side: edge };
  }
}

export class SimRangeBorderCollection extends SimPartCollection<SimRangeBorder, RangeRef, SimRange> {
  protected readonly _entity = "RangeBorderCollection";
  protected _members(): SimRangeBorder[] {
    return EDGES.slice(0, 6).map((edge) => new SimRangeBorder(this.context, this._owner, edge));
  }
  getItem(index: string): SimRangeBorder {
    const edge = oneOf(index, EDGES, "RangeBorderCollection.getItem") as BorderEdge;
    return new SimRangeBorder(this.context, this._owner, edge);
  }
}

export class SimRangeBorder extends RangePart {
  protected readonly _entity = "RangeBorder";
  constructor(
    context: SimContext,
    range: SimRange,
    private readonly _edge: BorderEdge,
  ) {
    super(context, range);
  }
  private _readEdge(field: "style" | "color" | "weight", fallback: string): Reader<RangeRef> {
    return (tx) => {
      const { sheet, rect } = this._cells(tx);
      const { cells, side } = edgeCells(rect, this._edge);
      const seen = new Set(
        cells.map(([r, c]) => cellAt(sheet, r, c)?.style.borders[side]?.[field] ?? fallback),
      );
      if (cells.length === 0) return fallback;
      return seen.size === 1 ? [...seen][0] : null;
    };
  }
  protected _readers(): Record<string, Reader<RangeRef>> {
    return {
      sideIndex: () => this._edge,
      style: this._readEdge("style", "None"),
      color: this._readEdge("color", "#000000"),
      weight: this._readEdge("weight", "Thin"),
    };
  }
  private _writeEdge(name: "style" | "color" | "weight", value: string): void {
    this._set(name, value, (tx) => {
      const { sheet, rect } = this._cells(tx);
      checkCellLimit(tx, rect);
      const { cells, side } = edgeCells(rect, this._edge);
      for (const [r, c] of cells) {
        const cell = ensureCell(sheet, r, c);
        const current = cell.style.borders[side] ?? { style: "Continuous", color: "#000000", weight: "Thin" };
        const next = { ...current, [name]: value };
        if (next.style === "None") delete cell.style.borders[side];
        else cell.style.borders[side] = next;
        pruneCell(sheet, r, c);
      }
    });
  }
  get sideIndex(): string {
    return this._edge;
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._writeEdge("style", oneOf(v, LINE_STYLES, "RangeBorder.style"));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._writeEdge("color", normaliseColour(v, "RangeBorder.color"));
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._writeEdge("weight", oneOf(v, WEIGHTS, "RangeBorder.weight"));
  }
}
