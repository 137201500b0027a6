// The outlook, after the data freshness lines: each trajectory measure projected to the financial year end beside
// its trajectory, with the change a month that would put it on trajectory; the cost of the demand gap beside the
// overspend above its goal (labelled an indication, both inputs and their dates stated); and the "Figures in words"
// box holding the drafted narrative, apart from the lead's own narrative at the top of the page. A part without
// its inputs shows its one-line reason. Nothing for a summary from before the outlook existed.
import { rangeAddress } from "../../core/a1";
import { formatDate, formatMonth } from "../../core/format";
import type { DemandCost, OutlookMeasure, PortfolioSummary } from "../../core/model";
import { excelSerial } from "../../core/serial";
import { LAST_COL, type Page } from "../page";
import type { CellStyle } from "../plan";
import {
  BOX_BORDERS,
  NUMBER_FORMATS,
  STYLES,
  kpiValueFormat,
  kpiVarianceFormat,
  statusFlag,
  tableStatusStyle,
} from "../styles";
import { tableCopy } from "../data-tables";
import { writeTable, type TableColumn } from "../table";
import { points } from "../values";

/** The notComputed section whose reason stands in for the cost when it is missing. */
const COST_SECTION = "Cost of the demand gap";

/** A level or a change of a measure: the number with its format, or a dash (unformatted) where there is none. */
const figure = (
  value: (m: OutlookMeasure) => number | null,
  format: (m: OutlookMeasure) => string,
  style: CellStyle = STYLES.tableNumber,
): Pick<TableColumn<OutlookMeasure>, "style" | "value" | "format"> => ({
  style,
  value: (m) => value(m) ?? "–",
  format: (m) => (value(m) === null ? null : format(m)),
});

/** Changes and gaps in the cell: counts as they are, share changes in percentage points (as the KPI tiles). */
const change = (v: number | null | undefined, m: OutlookMeasure) =>
  v === null || v === undefined ? null : m.unit === "share" ? points(v) : v;
const level = (m: OutlookMeasure) => kpiValueFormat(m.unit);
const changeFormat = (m: OutlookMeasure) => kpiVarianceFormat(m.unit);

function measureColumns(by: string): TableColumn<OutlookMeasure>[] {
  return [
    { header: "Measure", span: 1, style: STYLES.tableCellBold, value: (m) => m.label },
    {
      header: "Latest month",
      span: 1,
      ...figure(
        (m) => (m.projection ? excelSerial(m.projection.fromMonth) : null),
        () => NUMBER_FORMATS.month,
        STYLES.tableDate,
      ),
    },
    { header: "Latest", span: 1, ...figure((m) => m.projection?.fromValue ?? null, level) },
    {
      header: "Change a month (last 6 months)",
      span: 1,
      ...figure((m) => change(m.projection?.averageMonthlyChange, m), changeFormat),
    },
    {
      header: `Projected ${by}`,
      span: 1,
      ...figure((m) => m.projection?.projected ?? null, level, STYLES.tableNumberBold),
    },
    { header: "Low", span: 1, ...figure((m) => m.projection?.low ?? null, level) },
    { header: "High", span: 1, ...figure((m) => m.projection?.high ?? null, level) },
    { header: `Trajectory ${by}`, span: 1, ...figure((m) => m.trajectory?.value ?? null, level) },
    { header: "Gap at year end", span: 1, ...figure((m) => change(m.gapAtYearEnd, m), changeFormat) },
    {
      header: "Status",
      span: 1,
      style: (m) => tableStatusStyle(statusFlag(m.status).color),
      value: (m) => (m.status ? statusFlag(m.status).text : "–"),
    },
    {
      header: "Change a month to be on trajectory",
      span: 1,
      ...figure((m) => change(m.neededMonthlyChange, m), changeFormat),
    },
  ];
}

/** One row of the cost table: what the figure is, the figure, and where and when it is from. */
interface CostRow {
  label: string;
  value: number | null;
  format: string;
  basis: string;
}

const COST_COLUMNS: TableColumn<CostRow>[] = [
  { header: "Figure", span: 1, style: STYLES.tableCellBold, value: (r) => r.label },
  {
    header: "Amount",
    span: 2,
    style: STYLES.keyFigure,
    value: (r) => r.value ?? "Not available",
    format: (r) => (r.value === null ? null : r.format),
  },
  { header: "Input and date", span: 8, style: STYLES.tableNote, value: (r) => r.basis },
];

/** Money in the finance format, in millions from £100,000 and in pounds below. */
const moneyFormat = (pounds: number) =>
  Math.abs(pounds) >= 100_000 ? NUMBER_FORMATS.financeMillions : NUMBER_FORMATS.financePounds;

function costRows(cost: DemandCost): CostRow[] {
  const asAt = (date: string | null) => (date ? `, as at ${formatDate(date)}` : "");
  const count = (n: number) => n.toLocaleString("en-GB");
  return [
    {
      label: "Plans above the trajectory",
      value: cost.plansAboveTrajectory,
      format: NUMBER_FORMATS.count,
      basis: `${count(cost.actual)} EHCPs against the ${cost.trajectoryLabel.toLowerCase()} of ${count(cost.trajectory)}${asAt(cost.plansAsAt)}`,
    },
    {
      label: "Average cost per EHCP",
      value: cost.averageCostPerEhcp,
      format: NUMBER_FORMATS.financePounds,
      basis: `${cost.averageCostPeriod || "Latest finance period"}${cost.averageCostAsAt ? `, period ending ${formatDate(cost.averageCostAsAt)}` : ""}`,
    },
    {
      label: "Indicated cost of the gap a year",
      value: cost.cost,
      format: moneyFormat(cost.cost),
      basis: `${count(cost.plansAboveTrajectory)} x the average cost per EHCP; about £${(cost.roundedCost / 1e6).toFixed(1)}m to the nearest £0.1m`,
    },
    {
      label: "HNB overspend above the goal",
      value: cost.overspendAboveGoal,
      format: moneyFormat(cost.overspendAboveGoal ?? 0),
      basis:
        cost.overspendAboveGoal === null
          ? "Not available: the HNB overspend or its goal is missing"
          : `${cost.overspendBasis || "Finance basis not recorded"}${asAt(cost.overspendAsAt)}`,
    },
  ];
}

function measures(page: Page, list: OutlookMeasure[], yearEnd: string): void {
  page.startBlock({ splittable: true });
  const columns = measureColumns(formatMonth(yearEnd));
  // On the page the status (a mark and a word) takes the wide last column and the change needed, a number, the
  // narrow one before it; the data sheet keeps the order of the figures.
  const status = columns.findIndex((c) => c.header === "Status");
  const onPage = [...columns.slice(0, status), ...columns.slice(status + 1), columns[status]];
  page.row = writeTable(page, onPage, list, { region: "tblOutlook" });
  // The data sheet's copy carries the notes under the page's table in columns of its own.
  page.addDataTable(
    tableCopy(
      "tblOutlook",
      `Outlook to the year end (${formatMonth(yearEnd)})`,
      [
        ...columns,
        { header: "Change needed", value: (m: OutlookMeasure) => m.neededText ?? "" },
        { header: "How the trajectory was found", value: (m: OutlookMeasure) => m.trajectory?.note ?? "" },
        { header: "Not available", value: (m: OutlookMeasure) => m.reasons.join(" ") },
      ],
      list,
    ),
  );
  // The change needed in words (the whole outlook is in words in the box below), how each trajectory figure
  // was found, and what is missing.
  for (const m of list) {
    if (m.neededText) {
      page.sheet.cell(page.row, 0, 0, m.label, STYLES.wrappedBold);
      page.sheet.cell(page.row, 1, LAST_COL, m.neededText, STYLES.wrapped);
      page.row++;
    }
    if (m.trajectory) page.sheet.cell(page.row++, 1, LAST_COL, m.trajectory.note, STYLES.note);
    for (const reason of m.reasons) page.note(`${m.label}: ${reason}`, STYLES.missingReason);
  }
}

function demandCost(page: Page, summary: PortfolioSummary): void {
  page.startBlock({ keepWithNext: true });
  page.subheading("Cost of the demand gap: an indication");
  page.startBlock();
  const cost = summary.demandCost;
  if (!cost) {
    const reason = summary.notComputed.find((n) => n.section === COST_SECTION)?.reason;
    page.note(reason ?? "The cost of the demand gap could not be worked out.", STYLES.missingReason);
    return;
  }
  page.row = writeTable(page, COST_COLUMNS, costRows(cost), {
    copy: { name: "tblDemandGapCost", title: "Cost of the demand gap: an indication" },
  });
  page.note(`${cost.label}${cost.agreesWithOverspend ? " The two agree to the nearest £0.1m." : ""}`);
}

function figuresInWords(page: Page, summary: PortfolioSummary): void {
  const draft = summary.draftNarrative;
  if (!draft || draft.paragraphs.length === 0) return;
  page.startBlock({ keepWithNext: true });
  page.subheading("Figures in words");
  page.startBlock({ splittable: true });
  page.note(draft.note);
  // A box of its own, on a band, so it is never taken for the lead's narrative at the top of the page.
  const first = page.row;
  // Each paragraph one merged cell across the box, short or long, so the box has no line inside it.
  for (const paragraph of draft.paragraphs)
    page.sheet.text(page.row++, 0, LAST_COL, paragraph, STYLES.draftParagraph);
  const last = page.row - 1;
  page.sheet.style(rangeAddress(first, 0, last, LAST_COL), {
    borders: { left: BOX_BORDERS.left, right: BOX_BORDERS.right },
  });
  page.sheet.style(rangeAddress(first, 0, first, LAST_COL), { borders: { top: BOX_BORDERS.top } });
  page.sheet.style(rangeAddress(last, 0, last, LAST_COL), { borders: { bottom: BOX_BORDERS.bottom } });
}

export function outlook(page: Page, summary: PortfolioSummary): void {
  const o = summary.outlook;
  if (!o) return;
  page.heading(o.yearEnd ? `Outlook to the year end (${formatMonth(o.yearEnd)})` : "Outlook to the year end");
  page.startBlock();
  page.note(`${o.method} Year end: ${o.yearEndBasis}`);
  if (o.yearEnd === null || o.measures.length === 0) page.note(o.yearEndBasis, STYLES.missingReason);
  else measures(page, o.measures, o.yearEnd);
  page.gap();
  demandCost(page, summary);
  page.gap();
  figuresInWords(page, summary);
  page.gap();
}
