// Builds the summary model from a typed tracker: every figure, table, chart series and explanation the page shows.
// A missing section never throws; it leaves its figures empty and says why in `notComputed`. The parts are built in
// src/core/summary: the charts (charts.ts), each programme's content (programmes.ts, figures.ts, tables.ts), the
// freshness lines, the flagged variances, and what could not be computed (not-computed.ts).
import { buildDefinitions } from "./definitions";
import { countIssues } from "./issues";
import { computeKpis } from "./kpis";
import { overallRagWithOverride } from "./metrics/overall-rag";
import { keyRisks as selectKeyRisks } from "./metrics/risk";
import { reportingDateFromDataIssue } from "./reporting-date";
import { buildHistorySections, historyFull } from "./history";
import type { BaselineChoice, EffectiveSettings, HistorySnapshot, Issue, PortfolioSummary } from "./model";
import { buildOutlookSections } from "./outlook";
import { buildCharts } from "./summary/charts";
import { summaryContext } from "./summary/context";
import { freshnessLines } from "./summary/freshness";
import { notComputed } from "./summary/not-computed";
import { programmeSections } from "./summary/programmes";
import { flaggedVariances } from "./summary/variances";
import type { Tracker } from "./tracker";

export function summarise(
  tracker: Tracker,
  issues: Issue[],
  settings: EffectiveSettings,
  options: {
    now: Date;
    workbookName: string;
    /** Refreshes recorded before this one, and which of them to compare with. */
    history?: {
      recorded: readonly HistorySnapshot[];
      choice?: BaselineChoice;
      lastRefresh?: number;
      /** The history sheet as read: its name and the rows it uses, header included (none: a new sheet). */
      sheet?: { name: string; usedRows: number; originCol?: number };
    };
  },
): PortfolioSummary {
  const ctx = summaryContext(tracker, settings, options.now);
  const s = tracker.settings;
  const kpis = computeKpis(tracker, settings);
  const keyRisks = selectKeyRisks(tracker.risks, settings.riskThreshold, settings.riskBands);
  const overallRag = overallRagWithOverride(tracker, kpis.kpis, keyRisks);
  const fresh = freshnessLines(ctx);
  // No usable reporting date: the summary is as at the latest date in the data, and a warning says so.
  const fromData = ctx.reportingDateFromData;
  const dateIssues = fromData ? [reportingDateFromDataIssue(tracker, fromData)] : [];
  const allIssues: Issue[] = [...issues, ...dateIssues, ...kpis.issues, ...fresh.issues];
  const places = ctx.places;
  const programmeName = s.programmeName.value?.trim() || "SEND Transformation";
  const reportingDate = ctx.reportingDate ?? fromData?.date ?? null;
  // This refresh's record, the baseline it is compared with, what changed and the trend (src/core/history).
  const since = buildHistorySections({
    recorded: options.history?.recorded ?? [],
    lastRefresh: options.history?.lastRefresh,
    choice: options.history?.choice,
    generatedAt: options.now.toISOString(),
    reportingDate,
    overallRag,
    kpis: kpis.kpis,
    keyRisks,
    issues: allIssues,
    tracker,
    riskThreshold: settings.riskThreshold,
  });

  // A block that no longer fits on the history sheet is not recorded, and a warning says what to do.
  const full = historyFull(since.history.current, options.history?.sheet);
  if (full) allIssues.push(full.issue);
  const history = full ? { ...since.history, full: full.full } : since.history;

  // The outlook to the year end, the cost of the demand gap and the drafted narrative (src/core/outlook).
  const outlook = buildOutlookSections({
    tracker,
    kpis: kpis.kpis,
    keyRisks,
    riskThreshold: settings.riskThreshold,
    overallRag: overallRag.value,
    programmeName,
    sinceLastReport: since.sinceLastReport,
  });

  return {
    schemaVersion: 1,
    generatedAt: options.now.toISOString(),
    source: { workbookName: options.workbookName },
    programme: {
      name: programmeName,
      council: s.council.value?.trim() ?? "",
      reportingDate,
      ...(fromData ? { reportingDateSource: "data" as const } : {}),
      financialYear: s.financialYear.value?.trim() ?? "",
      financeBasis: s.financeBasis.value?.trim() ?? "",
    },
    overallRag,
    kpis: kpis.kpis,
    freshness: fresh.lines,
    workstreamStatus: ctx.workstreamStatus,
    riskThreshold: settings.riskThreshold,
    keyRisks,
    programmes: programmeSections(ctx),
    ehcpMonthly: ctx.ehcpMonthly,
    inmssMonthly: ctx.inmssMonthly,
    specialSchoolPlaces: {
      shortfall: places?.shortfall ?? null,
      shortfallCost: places?.shortfallCost ?? null,
      delivered: places?.delivered ?? null,
      filled: places?.filled ?? null,
      required: places?.required ?? null,
      costPerPlace: places?.costPerPlace ?? null,
    },
    charts: buildCharts(ctx),
    variances: flaggedVariances(ctx, kpis.kpis),
    outlook: outlook.outlook,
    demandCost: outlook.demandCost,
    draftNarrative: outlook.draftNarrative,
    sinceLastReport: since.sinceLastReport,
    history,
    settings,
    definitions: buildDefinitions({ settings, ageBand: ctx.ageBand }),
    notComputed: [...notComputed(ctx, kpis.notComputed), ...outlook.notComputed],
    issues: allIssues,
    issueCounts: countIssues(allIssues),
  };
}
