// The style steps of one planned sheet: each distinct style property value once over a multi-area range, border
// lines once per look and edge, and every part over the same areas sent through one range. A new sheet's
// defaults (not bold, no fill, bottom aligned, ...) are not set again; the font name, size and colour always are.
import type { BorderSide, CellStyle, PlannedSheet } from "../layout/plan";
import { MAX_COLS, parseRange, type Rect } from "../core/a1";
import {
  INSTANTIATE_BYTES,
  jsonBytes,
  navigationBytes,
  pathBytes,
  setBytes,
  untrackedRangeBytes,
  utf8Bytes,
} from "./request-size";
import { areaLists, areasStep, cellKey, joinAreas, regionsByValue, type WriteStep } from "./write-areas";

const H_ALIGN = {
  left: "Left",
  center: "Center",
  right: "Right",
  centerAcrossSelection: "CenterAcrossSelection",
} as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

const BORDER: Record<BorderSide["style"], { style: Excel.BorderLineStyle; weight: Excel.BorderWeight }> = {
  thin: { style: "Continuous" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  medium: { style: "Continuous" as Excel.BorderLineStyle, weight: "Medium" as Excel.BorderWeight },
  thick: { style: "Continuous" as Excel.BorderLineStyle, weight: "Thick" as Excel.BorderWeight },
  dashed: { style: "Dash" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  dotted: { style: "Dot" as Excel.BorderLineStyle, weight: "Thin" as Excel.BorderWeight },
  double: { style: "Double" as Excel.BorderLineStyle, weight: "Thick" as Excel.BorderWeight },
};

// ---------------------------------------------------------------------------------------------------------------
// Styles

/** One property of a cell's style: its value in the plan (undefined: not given), and how to set it. */
interface StyleProperty {
  name: string;
  value(style: CellStyle): string | number | boolean | undefined;
  /** The set, and the objects reached on the way (format.font, format.fill). */
  apply(format: Excel.RangeFormat, value: string | number | boolean): void;
  via: string[];
  setName: string;
  /** A new sheet's own value: not set again unless asked to keep defaults. */
  fallback?: string | number | boolean;
}

/** A cell's value of a property, or undefined when it is not given or is the new sheet's own and need not be set. */
function valueToSet(
  property: StyleProperty,
  style: CellStyle,
  keepDefaults: boolean,
): string | number | boolean | undefined {
  const value = property.value(style);
  return !keepDefaults && value === property.fallback ? undefined : value;
}

const STYLE_PROPERTIES: StyleProperty[] = [
  {
    // The page's font is always set: a workbook's own default font may be another.
    name: "font",
    value: (s) => s.font?.name,
    apply: (f, v) => (f.font.name = String(v)),
    via: ["Font"],
    setName: "Name",
  },
  {
    name: "font size",
    value: (s) => s.font?.size,
    apply: (f, v) => (f.font.size = Number(v)),
    via: ["Font"],
    setName: "Size",
  },
  {
    name: "font colour",
    value: (s) => s.font?.color,
    apply: (f, v) => (f.font.color = String(v)),
    via: ["Font"],
    setName: "Color",
  },
  {
    name: "bold",
    fallback: false,
    value: (s) => s.font?.bold,
    apply: (f, v) => (f.font.bold = Boolean(v)),
    via: ["Font"],
    setName: "Bold",
  },
  {
    name: "italic",
    fallback: false,
    value: (s) => s.font?.italic,
    apply: (f, v) => (f.font.italic = Boolean(v)),
    via: ["Font"],
    setName: "Italic",
  },
  {
    name: "underline",
    fallback: false,
    value: (s) => s.font?.underline,
    apply: (f, v) => (f.font.underline = (v ? "Single" : "None") as Excel.RangeUnderlineStyle),
    via: ["Font"],
    setName: "Underline",
  },
  {
    name: "fill",
    value: (s) => s.fill,
    apply: (f, v) => (f.fill.color = String(v)),
    via: ["Fill"],
    setName: "Color",
  },
  {
    name: "horizontal alignment",
    value: (s) => (s.horizontalAlignment ? H_ALIGN[s.horizontalAlignment] : undefined),
    apply: (f, v) => (f.horizontalAlignment = v as Excel.HorizontalAlignment),
    via: [],
    setName: "HorizontalAlignment",
  },
  {
    name: "vertical alignment",
    fallback: "Bottom",
    value: (s) => (s.verticalAlignment ? V_ALIGN[s.verticalAlignment] : undefined),
    apply: (f, v) => (f.verticalAlignment = v as Excel.VerticalAlignment),
    via: [],
    setName: "VerticalAlignment",
  },
  {
    name: "wrapping",
    fallback: false,
    value: (s) => s.wrapText,
    apply: (f, v) => (f.wrapText = Boolean(v)),
    via: [],
    setName: "WrapText",
  },
  {
    name: "indent",
    fallback: 0,
    value: (s) => s.indent,
    apply: (f, v) => (f.indentLevel = Number(v)),
    via: [],
    setName: "IndentLevel",
  },
];

function mergeStyle(a: CellStyle, b: CellStyle): CellStyle {
  return {
    ...a,
    ...b,
    ...(a.font || b.font ? { font: { ...a.font, ...b.font } } : {}),
    ...(a.borders || b.borders ? { borders: { ...a.borders, ...b.borders } } : {}),
  };
}

/** Entries over more cells than this (whole rows or columns) are applied as they are, first, as backgrounds. */
const MAX_RESOLVED_CELLS = 1_000_000;

/** Each cell's final style (entries in order, later properties winning), and the entries too big to resolve. */
function resolveStyles(styles: PlannedSheet["styles"]): {
  cells: Map<number, CellStyle>;
  backgrounds: PlannedSheet["styles"];
} {
  const cells = new Map<number, CellStyle>();
  const backgrounds: PlannedSheet["styles"] = [];
  for (const entry of styles) {
    const rect = parseRange(entry.range);
    if (!rect || rect.rows * rect.cols > MAX_RESOLVED_CELLS) {
      backgrounds.push(entry);
      continue;
    }
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const key = cellKey(r, c);
        const prior = cells.get(key);
        cells.set(key, prior ? mergeStyle(prior, entry.style) : entry.style);
      }
    }
  }
  return { cells, backgrounds };
}

function formatBytes(via: string[]): number {
  return navigationBytes("Format") + via.reduce((n, name) => n + navigationBytes(name), 0);
}

function setBorder(format: Excel.RangeFormat, edge: string, side: BorderSide): void {
  const border = format.borders.getItem(edge as Excel.BorderIndex);
  border.style = BORDER[side.style].style;
  border.weight = BORDER[side.style].weight;
  border.color = side.color;
}

function borderBytes(edge: string, side: BorderSide): number {
  return (
    pathBytes(5, "", [edge]) +
    INSTANTIATE_BYTES +
    setBytes("Style", jsonBytes(BORDER[side.style].style)) +
    setBytes("Weight", jsonBytes(BORDER[side.style].weight)) +
    setBytes("Color", jsonBytes(side.color))
  );
}

type Borders = NonNullable<CellStyle["borders"]>;

/** The edges to set on areas bordered alike: each side, and inside lines where the areas have several rows/columns. */
function borderEdges(borders: Borders, rows: boolean, cols: boolean): [string, BorderSide][] {
  const edges: [string, BorderSide | undefined][] = [
    ["EdgeTop", borders.top],
    ["EdgeBottom", borders.bottom],
    ["EdgeLeft", borders.left],
    ["EdgeRight", borders.right],
    // The plan styles every cell alike, so a bottom border on a block of rows is a line under each row.
    ["InsideHorizontal", rows ? (borders.bottom ?? borders.top) : undefined],
    ["InsideVertical", cols ? (borders.right ?? borders.left) : undefined],
  ];
  return edges.filter((e): e is [string, BorderSide] => e[1] !== undefined);
}

/** Every property of a style, defaults included, on one range (the rare whole-row or whole-column entry). */
function backgroundStep(range: string, style: CellStyle): WriteStep {
  const properties = STYLE_PROPERTIES.map((p) => [p, valueToSet(p, style, true)] as const).filter(
    ([, v]) => v !== undefined,
  );
  const rect = parseRange(range);
  const edges = style.borders ? borderEdges(style.borders, (rect?.rows ?? 1) > 1, (rect?.cols ?? 1) > 1) : [];
  return {
    what: `style of ${range}`,
    bytes:
      untrackedRangeBytes("GetRange", [range]) +
      formatBytes(["Font", "Fill", "Borders"]) +
      properties.reduce((n, [p, v]) => n + setBytes(p.setName, jsonBytes(v)), 0) +
      edges.reduce((n, [edge, side]) => n + borderBytes(edge, side), 0),
    queue: (sheet) => {
      const format = sheet.getRange(range).untrack().format;
      for (const [p, v] of properties) p.apply(format, v as string | number | boolean);
      for (const [edge, side] of edges) setBorder(format, edge, side);
    },
    split: () => null,
  };
}

/** The style steps: backgrounds first, then each property value once over its areas, then border lines by look and edge. */
export function styleSteps(styles: PlannedSheet["styles"]): WriteStep[] {
  const { cells, backgrounds } = resolveStyles(styles);
  // Over a background a default may not be the cell's state, so then every value is set.
  const keepDefaults = backgrounds.length > 0;
  const steps: WriteStep[] = backgrounds.map((b) => backgroundStep(b.range, b.style));
  // Each property value's areas, then every part over the same areas sent through one range (one getRanges, one
  // format, one font): a header row styled bold, filled and coloured is one range, not three.
  const parts: StylePart[] = [];
  // Parts laid first, under every other: a property's value over the whole block of styled cells.
  const underParts: StylePart[] = [];
  const block = fullBlock(cells);
  for (const property of STYLE_PROPERTIES) {
    const values = new Map<number, string>();
    for (const [key, style] of cells) {
      const v = valueToSet(property, style, keepDefaults);
      if (v !== undefined) values.set(key, JSON.stringify(v));
    }
    const part = (json: string, rects: Rect[]): StylePart => {
      const value = JSON.parse(json) as string | number | boolean;
      return {
        what: property.name,
        rects,
        via: property.via,
        bytes: setBytes(property.setName, utf8Bytes(json)),
        apply: (format) => property.apply(format, value),
      };
    };
    const fallback =
      keepDefaults || property.fallback === undefined ? undefined : JSON.stringify(property.fallback);
    const under = underValue(values, fallback, block);
    if (under) {
      // One value goes over the whole block first (one area, sent with the font name's) and every other value
      // over it, a new sheet's own included: the page's body text (10 pt, #1A1A1A) and its many bold cells are
      // then not lists of hundreds of areas.
      underParts.push(part(under.json, [block as Rect]));
    }
    for (const [json, rects] of under ? under.over : regionsByValue(values)) {
      for (const list of areaLists(rects)) parts.push(part(json, list));
    }
  }
  parts.push(...borderParts(cells));
  // The common values first, so that every other value lands over them. A part over the whole block too (the
  // page's one font name) joins them: its property has that one value, so no other part of it must land after it,
  // and the order of the other parts among themselves is free (each property's values cover cells of their own).
  const byAddress = new Map<string, StylePart[]>();
  for (const part of [...underParts, ...parts]) {
    const address = joinAreas(part.rects);
    const list = byAddress.get(address) ?? [];
    list.push(part);
    byAddress.set(address, list);
  }
  for (const group of byAddress.values()) steps.push(sharedStep(group[0].rects, group));
  return steps;
}

/** The rectangle the styled cells fill, when they fill one (a page's print area); otherwise null. */
function fullBlock(cells: Map<number, CellStyle>): Rect | null {
  if (cells.size < 2) return null;
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const key of cells.keys()) {
    const row = Math.floor(key / MAX_COLS);
    const col = key % MAX_COLS;
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    left = Math.min(left, col);
    right = Math.max(right, col);
  }
  const block = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  return block.rows * block.cols === cells.size ? block : null;
}

/** Bytes a multi-area range costs besides its address (its path, the client's two instantiations, its format). */
const RANGE_BYTES = 300;

/**
 * The value to lay over the whole block first, when that sends fewer bytes: every cell of the block then gets each
 * other value set over it (a new sheet's own value too, where the block's is another), so this is chosen only
 * where every cell has a value or a new sheet's one. The value laid first is the one whose own areas cost most.
 * With it come the areas of every other value (`over`): the block's cells grouped by value, that one left out
 * (leaving a value's cells out does not change how another value's cells are grouped).
 */
function underValue(
  values: Map<number, string>,
  fallback: string | undefined,
  block: Rect | null,
): { json: string; over: Map<string, Rect[]> } | null {
  if (!block) return null;
  const painted = new Map<number, string>();
  for (let r = block.row; r < block.row + block.rows; r++) {
    for (let c = block.col; c < block.col + block.cols; c++) {
      const key = cellKey(r, c);
      const json = values.get(key) ?? fallback;
      if (json === undefined) return null;
      painted.set(key, json);
    }
  }
  const regions = regionsByValue(painted);
  const cost = new Map<string, number>();
  for (const [json, rects] of regions) {
    cost.set(
      json,
      areaLists(rects).reduce((n, list) => n + RANGE_BYTES + joinAreas(list).length, 0),
    );
  }
  // Laying a value first saves its own areas and costs one over the block: the costliest value saves most (the
  // first of equals, in the order the values come).
  let total = 0;
  let best: string | null = null;
  for (const [json, bytes] of cost) {
    total += bytes;
    if (json !== fallback && (best === null || bytes > (cost.get(best) as number))) best = json;
  }
  const plain = total - (fallback !== undefined ? (cost.get(fallback) ?? 0) : 0);
  if (best === null || RANGE_BYTES + joinAreas([block]).length + total - (cost.get(best) as number) >= plain)
    return null;
  regions.delete(best);
  return { json: best, over: regions };
}

/**
 * The border lines of the resolved cells, by look and edge rather than by cell: each cell's side is set as the
 * edge it is in the plan (a table's last line stays the bottom of its last row, so it prints on that row's page),
 * but a cell's bottom border and the top border of the cell below are one line on the grid, so a top (left) side
 * the cell above (to the left) already draws alike is not set again. The lines of one look and edge then go out as
 * one multi-area range, a block of rows of them as one area's edge and its inside lines: the sample's page needs
 * nine border sets where a set per region of cells bordered alike took 52. Where two cells disagree
 * about the line between them, both are set, as the plan asks, and Excel shows its choice.
 */
function borderParts(cells: Map<number, CellStyle>): StylePart[] {
  // Each edge's lines: the cell whose side it is, and its look.
  const lines = new Map<Edge, Map<number, string>>();
  const draw = (edge: Edge, key: number, side: BorderSide): void => {
    const byEdge = lines.get(edge) ?? new Map<number, string>();
    lines.set(edge, byEdge);
    byEdge.set(key, JSON.stringify(side));
  };
  const same = (a: BorderSide | undefined, b: BorderSide) =>
    !!a && a.style === b.style && a.color === b.color;
  for (const [key, style] of cells) {
    const b = style.borders;
    if (!b) continue;
    const row = Math.floor(key / MAX_COLS);
    const col = key % MAX_COLS;
    if (b.top && !(row > 0 && same(cells.get(cellKey(row - 1, col))?.borders?.bottom, b.top))) {
      draw("EdgeTop", key, b.top);
    }
    if (b.left && !(col > 0 && same(cells.get(cellKey(row, col - 1))?.borders?.right, b.left))) {
      draw("EdgeLeft", key, b.left);
    }
    if (b.bottom) draw("EdgeBottom", key, b.bottom);
    if (b.right) draw("EdgeRight", key, b.right);
  }
  // Lines of one look as areas and the edges set on each: bottom (right) lines first, so that where a top (left)
  // line is the top (left) edge of every one of their areas, as a bordered table's first row (column) is, it is
  // set on those areas too rather than through a range of its own.
  const sets: { rects: Rect[]; json: string; edges: [string, BorderSide][] }[] = [];
  const group = (edge: Edge, byEdge: Map<number, string>) => {
    // A block of several rows of top (bottom) lines is one area's top (bottom) edge and its inside horizontal
    // lines; several columns of left (right) lines, its inside vertical lines.
    const inside = edge === "EdgeTop" || edge === "EdgeBottom" ? "InsideHorizontal" : "InsideVertical";
    for (const [json, rects] of regionsByValue(byEdge)) {
      const side = JSON.parse(json) as BorderSide;
      for (const blocks of [false, true]) {
        const alike = rects.filter((r) => (inside === "InsideHorizontal" ? r.rows : r.cols) > 1 === blocks);
        const edges: [string, BorderSide][] = blocks
          ? [
              [edge, side],
              [inside, side],
            ]
          : [[edge, side]];
        for (const list of areaLists(alike)) sets.push({ rects: list, json, edges: [...edges] });
      }
    }
  };
  for (const edge of ["EdgeBottom", "EdgeRight"] as const) {
    const byEdge = lines.get(edge);
    if (byEdge) group(edge, byEdge);
  }
  for (const [edge, partner] of [
    ["EdgeTop", "EdgeBottom"],
    ["EdgeLeft", "EdgeRight"],
  ] as const) {
    const byEdge = lines.get(edge);
    if (!byEdge) continue;
    for (const set of sets) {
      if (set.edges[0][0] !== partner) continue;
      // The cells whose top (left) side is each area's top (left) edge.
      const keys = set.rects.flatMap((r) =>
        edge === "EdgeTop"
          ? Array.from({ length: r.cols }, (_, c) => cellKey(r.row, r.col + c))
          : Array.from({ length: r.rows }, (_, i) => cellKey(r.row + i, r.col)),
      );
      if (!keys.every((key) => byEdge.get(key) === set.json)) continue;
      set.edges.push([edge, set.edges[0][1]]);
      for (const key of keys) byEdge.delete(key);
    }
    group(edge, byEdge);
  }
  return sets.map(({ rects, edges }) => ({
    what: "borders",
    rects,
    via: ["Borders"],
    bytes: edges.reduce((n, [e, side]) => n + borderBytes(e, side), 0),
    apply: (format) => {
      for (const [e, side] of edges) setBorder(format, e, side);
    },
  }));
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

/** One property value (or one set of border lines) over its areas. */
interface StylePart {
  what: string;
  rects: Rect[];
  /** The objects reached on the way from the range's format (Font, Fill, Borders). */
  via: string[];
  /** The sets themselves. */
  bytes: number;
  apply(format: Excel.RangeFormat): void;
}

/** Parts over the same areas through one range and its format; halves its areas when it must be cut. */
function sharedStep(rects: Rect[], parts: StylePart[]): WriteStep {
  const via = [...new Set(parts.flatMap((p) => p.via))];
  const extra = formatBytes(via) + parts.reduce((n, p) => n + p.bytes, 0);
  return areasStep(
    [...new Set(parts.map((p) => p.what))].join(", "),
    rects,
    extra,
    (areas) => {
      const format = areas.format;
      for (const part of parts) part.apply(format);
    },
    (half) => sharedStep(half, parts),
  );
}
