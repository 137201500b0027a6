// A chart's alternative text: what it shows, in words generated from the figures it draws, so a reader who cannot see
// the chart hears the same message ("Funded EHCPs rose from 4,790 in January 2023 to 6,353 in December 2024, 646
// above the forecast trajectory of 5,707 ..."). Written as the drawing's description in the .xlsx and as the note
// under the chart's table on the data sheet, so both renderers carry it.
import { formatByUnit, formatPounds } from "../core/format";
import type { ChartData, DisplayUnit } from "../core/model";
import { MONTH_NAMES } from "../core/months";

/** A category as said aloud: "2024-12" -> "December 2024", "2025-01-07" -> "7 January 2025", others unchanged. */
function spokenCategory(category: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(category);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return category;
  const month = `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  return m[3] ? `${Number(m[3])} ${month}` : month;
}

/** A figure as said aloud, in the chart's unit (small sums of money in whole pounds, as the page shows them). */
function spoken(value: number, unit: DisplayUnit): string {
  if (unit === "money" && Math.abs(value) < 100_000) return formatPounds(value);
  return formatByUnit(value, unit === "signed_count" ? "count" : unit);
}

/** The distance between two figures, without sign ("646", "1.17 percentage points", "£14.99m"). */
function distance(a: number, b: number, unit: DisplayUnit): string {
  const gap = Math.abs(a - b);
  if (unit === "share" || unit === "pp") return `${(gap * 100).toFixed(2)} percentage points`;
  return spoken(gap, unit);
}

const isFigure = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

interface Series {
  name: string;
  values: (number | null)[];
}

/** Index of a series' first and last figure. */
function ends(series: Series): { first: number; last: number } | null {
  const first = series.values.findIndex(isFigure);
  if (first < 0) return null;
  let last = series.values.length - 1;
  while (!isFigure(series.values[last])) last--;
  return { first, last };
}

/** A series the first is measured against (a trajectory, a target, a comparator), rather than a figure of its own. */
const BENCHMARK =
  /trajectory|forecast|target|goal|budget|plan\b|neighbour|england|national|average|benchmark|comparator/i;

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** A trend over time: the first series from its first to its last figure, then each other series at that point. */
function overTime(chart: ChartData, series: Series[]): string {
  const [lead, ...others] = series;
  const span = ends(lead);
  if (!span) return "";
  const unit = chart.valueUnit;
  const from = lead.values[span.first] as number;
  const to = lead.values[span.last] as number;
  const at = chart.categories[span.last];
  const verb = to > from ? "rose" : to < from ? "fell" : "stayed";
  const sentences: string[] = [
    verb === "stayed"
      ? `${lead.name} stayed at ${spoken(to, unit)} from ${spokenCategory(chart.categories[span.first])} to ${spokenCategory(at)}`
      : `${lead.name} ${verb} from ${spoken(from, unit)} in ${spokenCategory(chart.categories[span.first])} to ${spoken(to, unit)} in ${spokenCategory(at)}`,
  ];
  const compared: string[] = [];
  for (const other of others) {
    const there = other.values[span.last];
    if (isFigure(there) && BENCHMARK.test(other.name)) {
      const side = to > there ? "above" : to < there ? "below" : "level with";
      compared.push(
        side === "level with"
          ? `level with the ${lowerFirst(other.name)} of ${spoken(there, unit)}`
          : `${distance(to, there, unit)} ${side} the ${lowerFirst(other.name)} of ${spoken(there, unit)}`,
      );
      continue;
    }
    const own = ends(other);
    if (own)
      compared.push(
        `with ${lowerFirst(other.name)} at ${spoken(other.values[own.last] as number, unit)}${own.last === span.last ? "" : ` in ${spokenCategory(chart.categories[own.last])}`}`,
      );
  }
  return `${sentences[0]}${compared.length ? `, ${compared.join("; ")}` : ""}.`;
}

/** Figures by category ("Programme 1: Green 2, Amber 3; Programme 2: ..."), at most `limit` categories named. */
function byCategory(chart: ChartData, series: Series[], limit = 12): string {
  const unit = chart.valueUnit;
  const parts: string[] = [];
  chart.categories.slice(0, limit).forEach((category, k) => {
    const figures = series
      .map((s) => ({ name: s.name, value: s.values[k] }))
      .filter((f): f is { name: string; value: number } => isFigure(f.value));
    if (figures.length === 0) return;
    const stacked = chart.kind === "stacked_bar";
    const shown = stacked ? figures.filter((f) => f.value !== 0) : figures;
    const words =
      series.length === 1
        ? spoken(figures[0].value, unit)
        : shown.map((f) => `${f.name} ${spoken(f.value, unit)}`).join(", ") || "none";
    parts.push(`${spokenCategory(category)}: ${words}`);
  });
  const more = chart.categories.length > limit ? ` and ${chart.categories.length - limit} more` : "";
  return parts.length ? `${parts.join("; ")}${more}.` : "";
}

const TIME = /^\d{4}-\d{2}(-\d{2})?$/;

/**
 * The alternative text of a drawable chart: its kind and title, then its message from the series drawn (those with
 * at least one figure). Over months or dates, the first series' trend and where the others stand at its last point;
 * over other categories, each category's figures.
 */
export function chartAltText(chart: ChartData, drawn: readonly Series[] = chart.series): string {
  const series = drawn.filter((s) => s.values.some(isFigure));
  const kind =
    chart.kind === "line" ? "Line chart" : chart.kind === "column" ? "Column chart" : "Stacked bar chart";
  const head = `${kind}: ${chart.title}.`;
  if (series.length === 0) return `${head} No figures.`;
  const overMonths = chart.categories.length > 1 && chart.categories.every((c) => TIME.test(c));
  const message = overMonths ? overTime(chart, series) : byCategory(chart, series);
  return message ? `${head} ${message}` : head;
}
