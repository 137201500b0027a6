// The metric tables programme sections show: the last months of the monthly data, newest first.
import type { MetricTable } from "../model";
import { TABLE_MONTHS, type SummaryContext } from "./context";

export type MetricTableId = "ehcp_monthly" | "inmss_monthly";

export const METRIC_TABLES: Record<MetricTableId, (ctx: SummaryContext) => MetricTable> = {
  ehcp_monthly: (ctx) => ({
    id: "ehcp_monthly",
    title: "EHCPs by month",
    columns: [
      { key: "month", label: "Date", unit: "month" },
      { key: "fundedEhcps", label: "# funded EHCPs", unit: "count" },
      { key: "changeVsLastYear", label: "EHCP v last year", unit: "signed_count" },
      { key: "shareOf0to25", label: `% ${ctx.ageBand} with EHCP`, unit: "share" },
      { key: "gapToStatNeighbours", label: "EHCP % v Stat Neigh", unit: "pp" },
    ],
    rows: ctx.ehcpMonthly.map((r) => ({ ...r })),
    note: `Last ${TABLE_MONTHS} months, newest first. Source: ${ctx.sheets.monthly} sheet.`,
  }),
  inmss_monthly: (ctx) => ({
    id: "inmss_monthly",
    title: "Children with an EHCP in independent and non-maintained special schools",
    columns: [
      { key: "month", label: "Date", unit: "month" },
      { key: "share", label: "% placed in INMSS", unit: "share" },
      { key: "gapToStatNeighbours", label: "vs Stat Neighbour", unit: "pp" },
      { key: "placed", label: "# placed in INMSS", unit: "count" },
      { key: "changeVsLastYear", label: "vs last year", unit: "signed_count" },
    ],
    rows: ctx.inmssMonthly.map((r) => ({ ...r })),
    note: `Last ${TABLE_MONTHS} months, newest first; monthly shares (the headline tile is the 12-month rolling average).`,
  }),
};
