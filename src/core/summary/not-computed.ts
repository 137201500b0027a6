// What the summary could not compute, and why, in one place: each entry is a part of the page and the reason it is
// missing, in the order the page lists them ("Not shown on this page").
import { formatDate } from "../format";
import { hasColumn, type MonthlyField } from "../metrics/monthly";
import type { SummaryContext } from "./context";

export type NotComputed = { section: string; reason: string }[];

type Gap = (ctx: SummaryContext) => { section: string; reason: string } | null;

/** A monthly column the SEND Monthly sheet lacks: the figure it feeds is not shown. */
const monthlyColumn =
  (field: MonthlyField, header: string, section: string): Gap =>
  (ctx) =>
    ctx.tracker.found.monthly && ctx.monthly.length > 0 && !hasColumn(ctx.monthly, field)
      ? { section, reason: `The ${ctx.sheets.monthly} sheet has no '${header}' figures.` }
      : null;

/** Gaps after the headline KPIs' own, in order. */
const GAPS: readonly Gap[] = [
  (ctx) =>
    ctx.tracker.found.risks
      ? null
      : {
          section: "Key risks",
          reason: "The tracker has no Risk Register sheet, so no key risks are shown.",
        },
  (ctx) =>
    ctx.tracker.settings.sendDataRefreshed.value === null
      ? {
          section: "SEND data freshness",
          reason: `The ${ctx.sheets.settings} sheet has no 'SEND data last refreshed' date, so the page cannot say how current the SEND figures are.`,
        }
      : null,
  (ctx) =>
    ctx.tracker.settings.financeBasis.value?.trim()
      ? null
      : {
          section: "Finance data basis",
          reason: `The ${ctx.sheets.settings} sheet has no 'Finance data basis' (e.g. "Q2 Forecast"), so the page cannot say which forecast the finance figures reflect.`,
        },
  (ctx) =>
    ctx.tracker.found.monthly && ctx.monthly.length > 0
      ? null
      : {
          section: "SEND monthly figures",
          reason: `The ${ctx.sheets.monthly} sheet is missing or has no months, so EHCP and INMSS figures cannot be shown.`,
        },
  monthlyColumn("population0to25", "Population 0-25", "% 0-25 with EHCP"),
  monthlyColumn("statNeighbourEhcpShare", "Stat neighbours % 0-25 with EHCP", "EHCP % v Stat Neigh"),
  monthlyColumn("placedInInmss", "Placed in INMSS", "INMSS share"),
  monthlyColumn("statNeighbourInmssShare", "Stat neighbours % in INMSS", "INMSS vs Stat Neighbour"),
  monthlyColumn("plansCeased", "Plans ceased", "EHCPs ceased"),
  monthlyColumn("decisionsTotal", "Decisions total", "20-week decisions rate"),
  monthlyColumn("plansIssuedTotal", "Plans issued total", "20-week plans issued rate"),
  (ctx) => {
    const places = ctx.places;
    if (places === null)
      return {
        section: "Special school places",
        reason: ctx.tracker.found.places
          ? `The ${ctx.sheets.places} sheet has no month with places delivered.`
          : "The tracker has no Special School Places sheet, so the shortfall and its cost are not shown.",
      };
    if (places.shortfallCost !== null) return null;
    return {
      section: "Estimated cost of shortfall",
      reason:
        places.shortfall === null
          ? `The latest row of the ${ctx.sheets.places} sheet has no 'Places required', so the shortfall cannot be worked out.`
          : `The latest row of the ${ctx.sheets.places} sheet has no 'Cost per shortfall place'.`,
    };
  },
  (ctx) =>
    ctx.finance.rows.length > 0 && ctx.finance.averageCosts.every((v) => v === null)
      ? {
          section: "Average cost per EHCP",
          reason: ctx.finance.rows.some((r) => r.spendForAverageCost.value !== null)
            ? `No finance period ends in a month that has a funded EHCP count on the ${ctx.sheets.monthly} sheet.`
            : `The ${ctx.sheets.finance} sheet has no 'High needs spend for average cost' figures.`,
        }
      : null,
  (ctx) =>
    ctx.finance.rows.length === 0
      ? {
          section: "HNB finance",
          reason: `The ${ctx.sheets.finance} sheet is missing or has no periods, so the overspend, net position and average cost are not shown.`,
        }
      : null,
];

/** Everything not computed: no reporting date first, then the KPIs' own gaps, then the data's, in page order. */
export function notComputed(ctx: SummaryContext, kpiGaps: NotComputed): NotComputed {
  const out: NotComputed = [];
  if (ctx.reportingDate === null && ctx.reportingDateFromData === null)
    out.push({
      section: "Reporting date",
      reason: `The ${ctx.sheets.settings} sheet has no reporting date, so today's date (${formatDate(ctx.asOf)}) was used for staleness and overdue milestones.`,
    });
  out.push(...kpiGaps);
  for (const gap of GAPS) {
    const g = gap(ctx);
    if (g) out.push(g);
  }
  return out;
}
