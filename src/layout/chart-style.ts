// The visible choices about a chart that are not its data: which colour each series takes, and the order its
// categories run in. Decided here, in the plan, so the live workbook (src/excel/render.ts) and the .xlsx file
// (src/xlsx/chart-xml.ts) draw the same chart.
import type { ChartType } from "./plan";
import { RAG_COLOURS } from "./styles";

/** Colours a board reader already knows: RAG series take the page's RAG fills, milestone series their meaning's. */
const NAMED_SERIES_COLOURS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(RAG_COLOURS).map(([grade, c]) => [grade.toLowerCase(), c.fill])),
  complete: "#1F4E79",
  "on track": "#00875A",
  on_track: "#00875A",
  "at risk": "#F2A900",
  at_risk: "#F2A900",
  overdue: "#C00000",
};

/** Distinct, print-safe colours for other series (navy, orange, teal, grey, purple, olive). */
const SERIES_PALETTE = ["#1F4E79", "#C55A11", "#2E8B8B", "#7F7F7F", "#7030A0", "#8A8A00"];

/** The colour of a series ("#RRGGBB"): its meaning's when its name has one, else the palette's in turn. */
export function seriesColour(name: string, index: number): string {
  return NAMED_SERIES_COLOURS[name.trim().toLowerCase()] ?? SERIES_PALETTE[index % SERIES_PALETTE.length];
}

/**
 * Whether categories run last to first along their axis. Horizontal bars are read from the top, so there the
 * first category (programme 1) must be drawn at the top, which in Excel means the reversed order.
 */
export function reversedCategories(type: ChartType): boolean {
  return type === "barStacked";
}
