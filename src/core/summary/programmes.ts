// What each programme's section shows beyond its workstreams and milestones: one typed table, programme by
// programme (docs/metrics.md lists the same and a test keeps the two in step), and the sections built from it.
import type { ChartId, ProgrammeSection } from "../model";
import { emptyMilestoneCounts } from "../metrics/milestones";
import type { SummaryContext } from "./context";
import { FIGURES, type FigureId } from "./figures";
import { METRIC_TABLES, type MetricTableId } from "./tables";

export interface ProgrammeContent {
  figures: readonly FigureId[];
  tables: readonly MetricTableId[];
  charts: readonly ChartId[];
}

/** Programme number -> its key figures, metric tables and charts, as the seed dashboard has them. */
export const PROGRAMME_CONTENT: Readonly<Record<number, ProgrammeContent>> = {
  2: { figures: [], tables: ["ehcp_monthly"], charts: ["ehcp_trajectory"] },
  3: {
    figures: ["places_delivered", "places_filled", "places_shortfall", "shortfall_cost"],
    tables: ["inmss_monthly"],
    charts: ["inmss_share", "special_school_places"],
  },
  4: { figures: ["ceased_rolling_average"], tables: [], charts: ["ceased_plans"] },
  5: {
    figures: ["hnb_overspend", "in_year_net_position", "average_cost_per_ehcp"],
    tables: [],
    charts: ["hnb_net_position", "average_cost_per_ehcp"],
  },
  6: {
    figures: ["decisions_within_20_weeks", "plans_issued_within_20_weeks"],
    tables: [],
    charts: ["twenty_week_rates"],
  },
};

const NOTHING: ProgrammeContent = { figures: [], tables: [], charts: [] };

/** Every programme's section: its workstreams, milestone counts and the content PROGRAMME_CONTENT gives it. */
export function programmeSections(ctx: SummaryContext): ProgrammeSection[] {
  return ctx.programmes.map((p) => {
    const workstreams = ctx.tracker.workstreams
      .filter((w) => w.programme.value === p.number)
      .map((w) => ({
        programme: p.number,
        name: w.name.value ?? "",
        rag: w.rag.value ?? { grade: null, track: null, text: "" },
        lead: w.lead.value ?? "",
        commentary: w.commentary.value ?? "",
        source: w.rag.ref,
      }));
    const content = PROGRAMME_CONTENT[p.number] ?? NOTHING;
    const note =
      p.note ||
      (workstreams.length === 0 && content.tables.length === 0 && content.charts.length === 0
        ? "No workstreams or data have been entered for this programme yet."
        : "");
    return {
      number: p.number,
      name: p.name,
      note,
      workstreams,
      milestones: { ...(ctx.milestoneCounts.get(p.number) ?? emptyMilestoneCounts()) },
      figures: content.figures.map((id) => FIGURES[id](ctx)),
      tables: content.tables.map((id) => METRIC_TABLES[id](ctx)),
      chartIds: [...content.charts],
    };
  });
}
