// Builds the summary model from a typed tracker: every figure, table, chart series and explanation the page shows.
// A missing section never throws; it leaves its figures empty and says why in `notComputed`.
import { reportingDateFromData, reportingDateFromDataIssue } from "./reporting-date";
import { formatDate, formatMonth } from "./format";
import { countIssues, makeIssue } from "./issues";
import { buildDefinitions } from "./definitions";
import { DEFAULT_FINANCE_STALENESS_DAYS } from "./settings";
import { computeKpis, explainVariance } from "./kpis";
import {
  RAG_SCALE,
  type ChartData,
  type ChartId,
  type EffectiveSettings,
  type Figure,
  type FlaggedVariance,
  type FreshnessLine,
  type Issue,
  type KpiUnit,
  type MetricTable,
  type PortfolioSummary,
  type Polarity,
  type ProgrammeSection,
  type SourceRef,
  type WorkstreamStatusRow,
} from "./model";
import { ceasedRollingSeries, latestCeasedRollingAverage } from "./metrics/ceased";
import { ehcpMonthRows, ehcpShareSeries, latestEhcpMonth } from "./metrics/ehcp";
import {
  averageCostPerEhcp,
  financePeriodsInOrder,
  hnbOverspend,
  inYearNetPosition,
  latestFinancePeriod,
} from "./metrics/finance";
import { inmssMonthRows, inmssShareSeries } from "./metrics/inmss";
import { emptyMilestoneCounts, milestoneCountsByProgramme } from "./metrics/milestones";
import { hasColumn, monthlyRowFor, monthlySeries, type MonthlyField } from "./metrics/monthly";
import { overallRagWithOverride } from "./metrics/overall-rag";
import { latestPlacesPosition, placesInOrder } from "./metrics/places";
import { keyRisks as selectKeyRisks } from "./metrics/risk";
import {
  daysBetween,
  latestMonth,
  mapSeries,
  monthIndex,
  monthFromIndex,
  rollingAverage,
  valueAt,
  type MonthlySeries,
} from "./metrics/series";
import { decisionsRateSeries, plansIssuedRateSeries } from "./metrics/timeliness";
import { assessVariance } from "./metrics/variance";
import { emptyRagCounts, ragCountsByProgramme } from "./metrics/workstreams";
import { programmeList } from "./programmes";
import type { Tracker } from "./tracker";

/** Monthly charts show at most this many months, ending at the latest: two years reads well on one page. */
export const CHART_MONTHS = 24;
/** The monthly tables show this many months, newest first, as the dashboard does. */
export const TABLE_MONTHS = 4;

type NotComputed = { section: string; reason: string }[];

const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Categories for a monthly chart: the last CHART_MONTHS calendar months ending at the latest month with a value. */
function chartMonths(series: MonthlySeries[], trimLeadingEmpty: boolean): string[] {
  const latestIdx = series
    .map((s) => latestMonth(s))
    .filter((m): m is string => m !== null)
    .map((m) => monthIndex(m) as number);
  if (latestIdx.length === 0) return [];
  const end = Math.max(...latestIdx);
  let months: string[] = [];
  for (let i = end - CHART_MONTHS + 1; i <= end; i++) months.push(monthFromIndex(i));
  const hasAny = (m: string) => series.some((s) => valueAt(s, m) !== null);
  // Drop months before the first value so a chart does not open on a run of empty months.
  const first = months.findIndex(hasAny);
  months = first < 0 ? [] : months.slice(first);
  if (trimLeadingEmpty) {
    const firstOfFirst = months.findIndex((m) => valueAt(series[0], m) !== null);
    months = firstOfFirst < 0 ? [] : months.slice(firstOfFirst);
  }
  return months;
}

function monthlyChart(
  base: Omit<ChartData, "categories" | "series" | "emptyReason">,
  series: { name: string; values: MonthlySeries }[],
  emptyReason: string,
  trimLeadingEmpty = false,
): ChartData {
  const months = chartMonths(
    series.map((s) => s.values),
    trimLeadingEmpty,
  );
  const chart: ChartData = {
    ...base,
    categories: months,
    series: series.map((s) => ({ name: s.name, values: months.map((m) => valueAt(s.values, m)) })),
  };
  if (months.length === 0) chart.emptyReason = emptyReason;
  return chart;
}

/** A series restricted to the months where a rolling average exists (null until 12 consecutive months). */
function rolling(series: MonthlySeries): Map<string, number | null> {
  return mapSeries(series, (_v, m) => rollingAverage(series, m, 12));
}

/**
 * The two freshness lines. validateTracker already reports stale Settings dates when a reporting date is given,
 * so an issue is raised here only where it could not: no reporting date (today is used) or a finance date taken
 * from the latest finance period because the Settings sheet has none.
 */
function freshnessLines(tracker: Tracker, settings: EffectiveSettings, reportingDate: string) {
  const s = tracker.settings;
  const issues: Issue[] = [];
  const notComputed: NotComputed = [];
  const settingsSheet = tracker.sheetNames.settings ?? "Settings";
  const line = (
    id: string,
    label: string,
    date: string | null,
    text: string,
    limit: number,
    source: SourceRef | null,
    what: string,
    fix: string,
    reportedByValidation: boolean,
  ): FreshnessLine => {
    const ageDays = date === null ? null : daysBetween(date, reportingDate);
    const stale = ageDays !== null && ageDays > limit;
    if (stale && source && !reportedByValidation)
      issues.push(
        makeIssue(
          "stale_data",
          source,
          `${what} are dated ${formatDate(date as string)}, ${ageDays} days before the reporting date ${formatDate(reportingDate)}, which is beyond the limit of ${limit} days. ${fix}`,
          { advice: false },
        ),
      );
    return { id, label, date, text, ageDays, limitDays: limit, stale, source };
  };
  const validated = s.reportingDate.value !== null;
  const sendDate = s.sendDataRefreshed.value;
  if (sendDate === null)
    notComputed.push({
      section: "SEND data freshness",
      reason: `The ${settingsSheet} sheet has no 'SEND data last refreshed' date, so the page cannot say how current the SEND figures are.`,
    });
  const send = line(
    "send_data",
    "SEND data last refreshed",
    sendDate,
    sendDate ? formatDate(sendDate) : "not recorded",
    settings.stalenessLimitDays,
    s.sendDataRefreshed.ref,
    "The SEND data",
    "Refresh the SEND Monthly sheet and update 'SEND data last refreshed', or raise the staleness limit on the Settings sheet if a longer gap is expected.",
    validated,
  );
  const latestFinance = latestFinancePeriod(tracker.finance);
  const financeDate = s.financeDataAsAt.value ?? latestFinance?.periodEnd.value ?? null;
  const financeSource =
    s.financeDataAsAt.value !== null ? s.financeDataAsAt.ref : (latestFinance?.periodEnd.ref ?? null);
  const basis = s.financeBasis.value?.trim() ?? "";
  if (!basis)
    notComputed.push({
      section: "Finance data basis",
      reason: `The ${settingsSheet} sheet has no 'Finance data basis' (e.g. "Q2 Forecast"), so the page cannot say which forecast the finance figures reflect.`,
    });
  const financeText = [basis || "basis not recorded", financeDate ? `as at ${formatDate(financeDate)}` : ""]
    .filter(Boolean)
    .join(", ");
  const finance = line(
    "finance_data",
    "Finance data reflects",
    financeDate,
    financeText,
    settings.financeStalenessLimitDays ?? DEFAULT_FINANCE_STALENESS_DAYS,
    financeSource,
    "The finance figures",
    "Bring the HNB Finance sheet up to the latest forecast and update 'Finance data as at', or raise the finance staleness limit on the Settings sheet.",
    validated && s.financeDataAsAt.value !== null,
  );
  return { lines: [send, finance], issues, notComputed };
}

const ragTable = (
  tracker: Tracker,
  programmes: { number: number; name: string }[],
): WorkstreamStatusRow[] => {
  const counts = ragCountsByProgramme(tracker.workstreams);
  return programmes.map((p) => {
    const c = counts.get(p.number);
    return {
      programme: p.number,
      programmeName: p.name,
      counts: c ? { ...c.counts } : emptyRagCounts(),
      unknown: c?.unknown ?? 0,
      total: c?.total ?? 0,
    };
  });
};

function flagged(
  id: string,
  label: string,
  actual: number | null,
  target: number | null,
  unit: KpiUnit,
  polarity: Polarity,
  tolerance: number,
  words: { quantity: string; target: string },
  sources: SourceRef[],
): FlaggedVariance | null {
  const { variance, status } = assessVariance(actual, target, polarity, tolerance);
  if (status === null || status === "on_target") return null;
  return {
    id,
    label,
    actual,
    target,
    variance,
    unit,
    status,
    explanation: explainVariance({ unit, words }, variance, status, tolerance, polarity),
    sources,
  };
}

export function summarise(
  tracker: Tracker,
  issues: Issue[],
  settings: EffectiveSettings,
  options: { now: Date; workbookName: string },
): PortfolioSummary {
  const allIssues: Issue[] = [...issues];
  const notComputed: NotComputed = [];
  const s = tracker.settings;
  const reportingDate = s.reportingDate.value;
  // No usable reporting date: the latest date in the data, with a warning; today only when the data have none.
  const fromData = reportingDate === null ? reportingDateFromData(tracker) : null;
  if (fromData) allIssues.push(reportingDateFromDataIssue(tracker, fromData));
  const asOf = reportingDate ?? fromData?.date ?? todayOf(options.now);
  const monthlySheet = tracker.sheetNames.monthly ?? "SEND Monthly";
  const financeSheet = tracker.sheetNames.finance ?? "HNB Finance";
  const placesSheet = tracker.sheetNames.places ?? "Special School Places";
  if (reportingDate === null && !fromData)
    notComputed.push({
      section: "Reporting date",
      reason: `The ${tracker.sheetNames.settings ?? "Settings"} sheet has no reporting date, so today's date (${formatDate(asOf)}) was used for staleness and overdue milestones.`,
    });

  // Headline KPIs, key risks and the overall RAG.
  const kpiResult = computeKpis(tracker, settings);
  allIssues.push(...kpiResult.issues);
  notComputed.push(...kpiResult.notComputed);
  const keyRisks = selectKeyRisks(tracker.risks, settings.riskThreshold, settings.riskBands);
  if (!tracker.found.risks)
    notComputed.push({
      section: "Key risks",
      reason: "The tracker has no Risk Register sheet, so no key risks are shown.",
    });
  const overallRag = overallRagWithOverride(tracker, kpiResult.kpis, keyRisks);

  const fresh = freshnessLines(tracker, settings, asOf);
  allIssues.push(...fresh.issues);
  notComputed.push(...fresh.notComputed);

  const programmes = programmeList(tracker.programmes);
  const workstreamStatus = ragTable(tracker, programmes);
  const milestoneCounts = milestoneCountsByProgramme(tracker.milestones, asOf);

  // Monthly SEND figures.
  const monthly = tracker.monthly;
  const missingColumn = (field: MonthlyField, header: string, section: string) => {
    if (tracker.found.monthly && monthly.length > 0 && !hasColumn(monthly, field))
      notComputed.push({ section, reason: `The ${monthlySheet} sheet has no '${header}' figures.` });
  };
  if (!tracker.found.monthly || monthly.length === 0)
    notComputed.push({
      section: "SEND monthly figures",
      reason: `The ${monthlySheet} sheet is missing or has no months, so EHCP and INMSS figures cannot be shown.`,
    });
  missingColumn("population0to25", "Population 0-25", "% 0-25 with EHCP");
  missingColumn("statNeighbourEhcpShare", "Stat neighbours % 0-25 with EHCP", "EHCP % v Stat Neigh");
  missingColumn("placedInInmss", "Placed in INMSS", "INMSS share");
  missingColumn("statNeighbourInmssShare", "Stat neighbours % in INMSS", "INMSS vs Stat Neighbour");
  missingColumn("plansCeased", "Plans ceased", "EHCPs ceased");
  missingColumn("decisionsTotal", "Decisions total", "20-week decisions rate");
  missingColumn("plansIssuedTotal", "Plans issued total", "20-week plans issued rate");

  const ehcpMonthly = ehcpMonthRows(monthly, TABLE_MONTHS);
  const inmssMonthly = hasColumn(monthly, "placedInInmss") ? inmssMonthRows(monthly, TABLE_MONTHS) : [];
  const ageBand = s.populationAgeBand.value?.trim() || "0-25";

  const ehcpTable: MetricTable = {
    id: "ehcp_monthly",
    title: "EHCPs by month",
    columns: [
      { key: "month", label: "Date", unit: "month" },
      { key: "fundedEhcps", label: "# funded EHCPs", unit: "count" },
      { key: "changeVsLastYear", label: "EHCP v last year", unit: "signed_count" },
      { key: "shareOf0to25", label: `% ${ageBand} with EHCP`, unit: "share" },
      { key: "gapToStatNeighbours", label: "EHCP % v Stat Neigh", unit: "pp" },
    ],
    rows: ehcpMonthly.map((r) => ({ ...r })),
    note: `Last ${TABLE_MONTHS} months, newest first. Source: ${monthlySheet} sheet.`,
  };
  const inmssTable: MetricTable = {
    id: "inmss_monthly",
    title: "Children with an EHCP in independent and non-maintained special schools",
    columns: [
      { key: "month", label: "Date", unit: "month" },
      { key: "share", label: "% placed in INMSS", unit: "share" },
      { key: "gapToStatNeighbours", label: "vs Stat Neighbour", unit: "pp" },
      { key: "placed", label: "# placed in INMSS", unit: "count" },
      { key: "changeVsLastYear", label: "vs last year", unit: "signed_count" },
    ],
    rows: inmssMonthly.map((r) => ({ ...r })),
    note: `Last ${TABLE_MONTHS} months, newest first; monthly shares (the headline tile is the 12-month rolling average).`,
  };

  // Special school places.
  const places = latestPlacesPosition(tracker.places);
  if (places === null)
    notComputed.push({
      section: "Special school places",
      reason: tracker.found.places
        ? `The ${placesSheet} sheet has no month with places delivered.`
        : "The tracker has no Special School Places sheet, so the shortfall and its cost are not shown.",
    });
  else if (places.shortfallCost === null)
    notComputed.push({
      section: "Estimated cost of shortfall",
      reason:
        places.shortfall === null
          ? `The latest row of the ${placesSheet} sheet has no 'Places required', so the shortfall cannot be worked out.`
          : `The latest row of the ${placesSheet} sheet has no 'Cost per shortfall place'.`,
    });

  // Finance.
  const financeRows = financePeriodsInOrder(tracker.finance);
  const latestFinance = latestFinancePeriod(tracker.finance);
  const periodLabel = (i: number) =>
    financeRows[i].period.value ?? financeRows[i].periodEnd.value ?? `Period ${i + 1}`;
  const netPositions = financeRows.map((r) => inYearNetPosition(r).value);
  const averageCosts = financeRows.map((r) => averageCostPerEhcp(r, monthly));
  if (financeRows.length > 0 && averageCosts.every((v) => v === null))
    notComputed.push({
      section: "Average cost per EHCP",
      reason: financeRows.some((r) => r.spendForAverageCost.value !== null)
        ? `No finance period ends in a month that has a funded EHCP count on the ${monthlySheet} sheet.`
        : `The ${financeSheet} sheet has no 'High needs spend for average cost' figures.`,
    });
  if (financeRows.length === 0)
    notComputed.push({
      section: "HNB finance",
      reason: `The ${financeSheet} sheet is missing or has no periods, so the overspend, net position and average cost are not shown.`,
    });

  // Charts.
  const funded = monthlySeries(monthly, "fundedEhcps");
  const variantText =
    settings.twentyWeekVariant === "including_exceptions" ? "including exceptions" : "excluding exceptions";
  const periodCats = financeRows.map((_r, i) => periodLabel(i));
  const placesRows = placesInOrder(tracker.places).filter((r) => r.month.value !== null);
  const programmeCats = programmes.map((p) => `${p.number} - ${p.name}`);
  const charts: ChartData[] = [
    {
      id: "workstream_rag",
      title: "Workstream status by programme",
      kind: "stacked_bar",
      categoryAxisTitle: "Programme",
      valueAxisTitle: "Workstreams",
      valueUnit: "count",
      categories: programmeCats,
      series: [
        ...RAG_SCALE.map((g) => ({ name: g, values: workstreamStatus.map((w) => w.counts[g]) })),
        ...(workstreamStatus.some((w) => w.unknown > 0)
          ? [{ name: "RAG not recognised", values: workstreamStatus.map((w) => w.unknown) }]
          : []),
      ],
      ...(tracker.workstreams.length === 0 ? { emptyReason: "The tracker lists no workstreams." } : {}),
    },
    monthlyChart(
      {
        id: "ehcp_trajectory",
        title: "Funded EHCPs against the forecast trajectory",
        kind: "line",
        categoryAxisTitle: "Month",
        valueAxisTitle: "Funded EHCPs",
        valueUnit: "count",
      },
      [
        { name: "Funded EHCPs", values: funded },
        { name: "Forecast trajectory", values: monthlySeries(monthly, "forecastEhcps") },
      ],
      `The ${monthlySheet} sheet has no funded EHCP counts.`,
    ),
    monthlyChart(
      {
        id: "inmss_share",
        title: "Children with an EHCP in independent special schools (12-month rolling average)",
        kind: "line",
        categoryAxisTitle: "Month",
        valueAxisTitle: "Share of funded EHCPs",
        valueUnit: "share",
      },
      [
        { name: "INMSS share (12-month rolling average)", values: rolling(inmssShareSeries(monthly)) },
        { name: "Statistical neighbours", values: monthlySeries(monthly, "statNeighbourInmssShare") },
      ],
      `The 12-month rolling average needs 12 consecutive months of 'Placed in INMSS' and funded EHCPs on the ${monthlySheet} sheet.`,
      true,
    ),
    {
      id: "special_school_places",
      title: "New special school places (running total)",
      kind: "column",
      categoryAxisTitle: "Month",
      valueAxisTitle: "Places",
      valueUnit: "count",
      categories: placesRows.map((r) => r.month.value as string),
      series: [
        { name: "Places delivered", values: placesRows.map((r) => r.delivered.value) },
        { name: "Places filled", values: placesRows.map((r) => r.filled.value) },
      ],
      ...(placesRows.length === 0
        ? { emptyReason: "The tracker has no special school places by month." }
        : {}),
    },
    monthlyChart(
      {
        id: "ceased_plans",
        title: `EHCPs ceased (12-month rolling average, transfers ${settings.ceasedIncludeTransfers ? "included" : "excluded"})`,
        kind: "line",
        categoryAxisTitle: "Month",
        valueAxisTitle: "Plans ceased a month",
        valueUnit: "count",
      },
      [{ name: "Plans ceased (12-month rolling average)", values: ceasedRollingSeries(monthly) }],
      `The 12-month rolling average needs 12 consecutive months of 'Plans ceased' on the ${monthlySheet} sheet.`,
      true,
    ),
    {
      id: "hnb_net_position",
      title: "In-year net position, High Needs Block",
      kind: "column",
      categoryAxisTitle: "Finance period",
      valueAxisTitle: "Net position (£)",
      valueUnit: "money",
      categories: periodCats,
      series: [{ name: "In-year net position", values: netPositions }],
      ...(netPositions.every((v) => v === null)
        ? {
            emptyReason: `The ${financeSheet} sheet has no periods with a net position or a budget and outturn.`,
          }
        : {}),
    },
    {
      id: "average_cost_per_ehcp",
      title: "Average cost per EHCP",
      kind: "column",
      categoryAxisTitle: "Finance period",
      valueAxisTitle: "Cost per EHCP (£)",
      valueUnit: "money",
      categories: periodCats,
      series: [{ name: "Average cost per EHCP", values: averageCosts }],
      ...(averageCosts.every((v) => v === null)
        ? {
            emptyReason:
              "No finance period has both spend on plans and a funded EHCP count for its last month.",
          }
        : {}),
    },
    monthlyChart(
      {
        id: "twenty_week_rates",
        title: `EHCNA 20-week rates (${variantText})`,
        kind: "line",
        categoryAxisTitle: "Month",
        valueAxisTitle: "Made within 20 weeks",
        valueUnit: "share",
      },
      [
        { name: "Decisions made on time", values: decisionsRateSeries(monthly) },
        { name: "EHC plans issued on time", values: plansIssuedRateSeries(monthly) },
      ],
      `The ${monthlySheet} sheet has no 20-week decision or plan counts.`,
    ),
    {
      id: "milestone_status",
      title: "Status of milestones due",
      kind: "stacked_bar",
      categoryAxisTitle: "Programme",
      valueAxisTitle: "Milestones",
      valueUnit: "count",
      categories: programmeCats,
      series: (
        [
          ["complete", "Complete"],
          ["on_track", "On track"],
          ["at_risk", "At risk"],
          ["overdue", "Overdue"],
        ] as const
      ).map(([k, name]) => ({
        name,
        values: programmes.map((p) => (milestoneCounts.get(p.number) ?? emptyMilestoneCounts())[k]),
      })),
      ...(tracker.milestones.length === 0 ? { emptyReason: "The tracker lists no milestones." } : {}),
    },
  ];

  // Programme sections, laid out as the seed dashboard has them.
  const latestCeased = latestCeasedRollingAverage(monthly);
  const latestDecisions = latestMonth(decisionsRateSeries(monthly));
  const latestIssued = latestMonth(plansIssuedRateSeries(monthly));
  const overspend = latestFinance ? hnbOverspend(latestFinance) : null;
  const net = latestFinance ? inYearNetPosition(latestFinance) : null;
  const latestAverageCost = [...averageCosts].reverse().find((v) => v !== null) ?? null;
  const extras: Record<number, { figures: Figure[]; tables: MetricTable[]; chartIds: ChartId[] }> = {
    2: { figures: [], tables: [ehcpTable], chartIds: ["ehcp_trajectory"] },
    3: {
      figures: [
        {
          id: "places_delivered",
          label: "New Special School Places (running total)",
          value: places?.delivered ?? null,
          unit: "count",
        },
        {
          id: "places_filled",
          label: "Special School Places Filled",
          value: places?.filled ?? null,
          unit: "count",
        },
        {
          id: "places_shortfall",
          label: "Special School Places Shortfall",
          value: places?.shortfall ?? null,
          unit: "count",
        },
        {
          id: "shortfall_cost",
          label: "Estimated Cost of Shortfall",
          value: places?.shortfallCost ?? null,
          unit: "money",
          ...(places?.costPerPlace
            ? {
                note: `${places.shortfall ?? 0} places at £${places.costPerPlace.toLocaleString("en-GB")} a place.`,
              }
            : {}),
        },
      ],
      tables: [inmssTable],
      chartIds: ["inmss_share", "special_school_places"],
    },
    4: {
      figures: [
        {
          id: "ceased_rolling_average",
          label: "EHCPs ceased a month (12-month rolling average)",
          value: latestCeased.value,
          unit: "count",
          ...(latestCeased.month ? { note: `12 months to ${latestCeased.month}` } : {}),
        },
      ],
      tables: [],
      chartIds: ["ceased_plans"],
    },
    5: {
      figures: [
        {
          id: "hnb_overspend",
          label: "HNB overspend (forecast outturn - budget)",
          value: overspend,
          unit: "money",
        },
        {
          id: "in_year_net_position",
          label: "In-year net position HNB",
          value: net?.value ?? null,
          unit: "money",
          ...(net && !net.typed && net.value !== null
            ? { note: "Budget minus forecast outturn (no net position typed)" }
            : {}),
        },
        {
          id: "average_cost_per_ehcp",
          label: "Average cost per EHCP",
          value: latestAverageCost,
          unit: "money",
        },
      ],
      tables: [],
      chartIds: ["hnb_net_position", "average_cost_per_ehcp"],
    },
    6: {
      figures: [
        {
          id: "decisions_within_20_weeks",
          label: `Decisions made within 20 weeks (${variantText})`,
          value: valueAt(decisionsRateSeries(monthly), latestDecisions),
          unit: "share",
          ...(latestDecisions ? { note: `Month ${formatMonth(latestDecisions)}` } : {}),
        },
        {
          id: "plans_issued_within_20_weeks",
          label: `EHC plans issued within 20 weeks (${variantText})`,
          value: valueAt(plansIssuedRateSeries(monthly), latestIssued),
          unit: "share",
          ...(latestIssued ? { note: `Month ${formatMonth(latestIssued)}` } : {}),
        },
      ],
      tables: [],
      chartIds: ["twenty_week_rates"],
    },
  };
  const sections: ProgrammeSection[] = programmes.map((p) => {
    const workstreams = tracker.workstreams
      .filter((w) => w.programme.value === p.number)
      .map((w) => ({
        programme: p.number,
        name: w.name.value ?? "",
        rag: w.rag.value ?? { grade: null, track: null, text: "" },
        lead: w.lead.value ?? "",
        commentary: w.commentary.value ?? "",
        source: w.rag.ref,
      }));
    const extra = extras[p.number] ?? { figures: [], tables: [], chartIds: [] };
    const note =
      p.note ||
      (workstreams.length === 0 && extra.tables.length === 0 && extra.chartIds.length === 0
        ? "No workstreams or data have been entered for this programme yet."
        : "");
    return {
      number: p.number,
      name: p.name,
      note,
      workstreams,
      milestones: { ...(milestoneCounts.get(p.number) ?? emptyMilestoneCounts()) },
      figures: extra.figures,
      tables: extra.tables,
      chartIds: extra.chartIds,
    };
  });

  // Variances: every KPI off target, then the monthly comparisons a board would want flagged.
  const variances: FlaggedVariance[] = [];
  for (const k of kpiResult.kpis) {
    if (k.status === "adverse" || k.status === "favourable")
      variances.push({
        id: k.id,
        label: k.label,
        actual: k.actual,
        target: k.target,
        variance: k.variance,
        unit: k.unit,
        status: k.status,
        explanation: k.explanation,
        sources: k.sources,
      });
  }
  const latestEhcp = latestEhcpMonth(monthly);
  const ehcpRow = monthlyRowFor(monthly, latestEhcp);
  const ehcpShareVsNeighbours = flagged(
    "ehcp_share_vs_stat_neighbours",
    `% ${ageBand} with EHCP against statistical neighbours${latestEhcp ? ` (${formatMonth(latestEhcp)})` : ""}`,
    valueAt(ehcpShareSeries(monthly), latestEhcp),
    ehcpRow?.statNeighbourEhcpShare.value ?? null,
    "share",
    "higher_is_worse",
    0,
    { quantity: "", target: "statistical neighbours" },
    ehcpRow ? [ehcpRow.fundedEhcps.ref, ehcpRow.population0to25.ref, ehcpRow.statNeighbourEhcpShare.ref] : [],
  );
  const inmssLatest = inmssMonthly[0]?.month ?? null;
  const inmssRow = monthlyRowFor(monthly, inmssLatest);
  const inmssVsNeighbours = flagged(
    "inmss_share_vs_stat_neighbours",
    `% placed in INMSS against statistical neighbours${inmssLatest ? ` (${formatMonth(inmssLatest)})` : ""}`,
    inmssMonthly[0]?.share ?? null,
    inmssRow?.statNeighbourInmssShare.value ?? null,
    "share",
    "higher_is_worse",
    0,
    { quantity: "", target: "statistical neighbours" },
    inmssRow
      ? [inmssRow.placedInInmss.ref, inmssRow.fundedEhcps.ref, inmssRow.statNeighbourInmssShare.ref]
      : [],
  );
  const placesRow = placesInOrder(tracker.places)
    .filter((r) => r.delivered.value !== null)
    .pop();
  const placesVsRequired = flagged(
    "special_school_places",
    "New special school places delivered against places required",
    places?.delivered ?? null,
    places?.required ?? null,
    "count",
    "higher_is_better",
    0,
    { quantity: "places", target: "required" },
    placesRow ? [placesRow.delivered.ref, placesRow.required.ref] : [],
  );
  for (const v of [ehcpShareVsNeighbours, inmssVsNeighbours, placesVsRequired]) if (v) variances.push(v);

  const issueCounts = countIssues(allIssues);

  return {
    schemaVersion: 1,
    generatedAt: options.now.toISOString(),
    source: { workbookName: options.workbookName },
    programme: {
      name: s.programmeName.value?.trim() || "SEND Transformation",
      council: s.council.value?.trim() ?? "",
      reportingDate: reportingDate ?? fromData?.date ?? null,
      ...(fromData ? { reportingDateSource: "data" as const } : {}),
      financialYear: s.financialYear.value?.trim() ?? "",
      financeBasis: s.financeBasis.value?.trim() ?? "",
    },
    overallRag,
    kpis: kpiResult.kpis,
    freshness: fresh.lines,
    workstreamStatus,
    riskThreshold: settings.riskThreshold,
    keyRisks,
    programmes: sections,
    ehcpMonthly,
    inmssMonthly,
    specialSchoolPlaces: {
      shortfall: places?.shortfall ?? null,
      shortfallCost: places?.shortfallCost ?? null,
      delivered: places?.delivered ?? null,
      filled: places?.filled ?? null,
      required: places?.required ?? null,
      costPerPlace: places?.costPerPlace ?? null,
    },
    charts,
    variances,
    settings,
    definitions: buildDefinitions({ settings, ageBand }),
    notComputed,
    issues: allIssues,
    issueCounts,
  };
}
