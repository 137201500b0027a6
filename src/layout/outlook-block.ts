// The page's outlook block: each trajectory measure projected to the financial year end beside its trajectory,
// the cost of the demand gap beside the overspend above its goal (labelled an indication, inputs and dates stated),
// and the "Figures in words" box with the drafted narrative, which sits apart from the lead's own narrative.
// Values stay numbers with the page's formats; a part that could not be worked out shows its one-line reason.
import { formatDate, formatMonth } from "../core/format";
import type { DemandCost, OutlookMeasure, PortfolioSummary } from "../core/model";
import { excelSerial, rangeAddress } from "./a1";
import type { CellStyle, PlanValue } from "./plan";
import type { SheetBuilder } from "./sheet-builder";
import {
  FONT_NAME,
  FONT_SIZE,
  NUMBER_FORMATS,
  PALETTE,
  STYLES,
  kpiValueFormat,
  kpiVarianceFormat,
  statusFlag,
} from "./styles";

/** What the block needs of the page: its sheet, the next free row and the page's own block helpers. */
export interface OutlookPage {
  readonly sheet: SheetBuilder;
  row: number;
  startBlock(options?: { keepWithNext?: boolean; splittable?: boolean }): void;
  heading(text: string): void;
  gap(rows?: number, height?: number): void;
}

const LAST_COL = 11;
/** The sections of notComputed the block explains in place. */
const COST_SECTION = "Cost of the demand gap";

const font = (size: number, extra: NonNullable<CellStyle["font"]> = {}) => ({
  name: FONT_NAME,
  size,
  color: PALETTE.text,
  ...extra,
});
const bold: CellStyle = { ...STYLES.tableCell, font: font(FONT_SIZE.body, { bold: true }) };
const reasonStyle: CellStyle = {
  ...STYLES.note,
  font: font(FONT_SIZE.body, { italic: true, color: PALETTE.muted }),
};

/** A change or a gap in the cell: counts as they are, share changes in percentage points (as the KPI tiles). */
const changeCell = (value: number | null, unit: "count" | "share"): PlanValue =>
  value === null ? null : unit === "share" ? Math.round(value * 100 * 1e10) / 1e10 : value;

type Cell = [number, number, PlanValue, CellStyle, (string | null)?];

function row(page: OutlookPage, cells: Cell[]): void {
  for (const [c1, c2, value, style, format] of cells) {
    page.sheet.text(page.row, c1, c2, value ?? "–", style, typeof value === "string");
    if (format && value !== null) page.sheet.format(rangeAddress(page.row, c1, page.row, c2), format);
  }
  page.row++;
}

function line(page: OutlookPage, text: string, style: CellStyle = STYLES.wrapped, c1 = 0): void {
  page.sheet.text(page.row, c1, LAST_COL, text, style);
  page.row++;
}

function subheading(page: OutlookPage, text: string): void {
  page.sheet.text(page.row, 0, LAST_COL, text, STYLES.subheading);
  page.sheet.height(page.row, 20);
  page.row++;
}

function measuresTable(page: OutlookPage, measures: OutlookMeasure[], yearEnd: string): void {
  const by = formatMonth(yearEnd);
  page.startBlock({ splittable: true });
  const h = STYLES.tableHeader;
  row(page, [
    [0, 1, "Measure", h],
    [2, 2, "Latest month", h],
    [3, 3, "Latest", h],
    [4, 4, "Change a month (last 6 months)", h],
    [5, 5, `Projected ${by}`, h],
    [6, 6, "Low", h],
    [7, 7, "High", h],
    [8, 8, `Trajectory ${by}`, h],
    [9, 9, "Gap at year end", h],
    [10, 10, "Status", h],
    [11, 11, "Change a month to be on trajectory", h],
  ]);
  const n = STYLES.tableNumber;
  for (const m of measures) {
    const p = m.projection;
    const level = kpiValueFormat(m.unit);
    const change = kpiVarianceFormat(m.unit);
    const flag = statusFlag(m.status);
    row(page, [
      [0, 1, m.label, bold],
      [
        2,
        2,
        p ? (excelSerial(p.fromMonth) ?? p.fromMonth) : null,
        { ...n, horizontalAlignment: "left" },
        NUMBER_FORMATS.month,
      ],
      [3, 3, p?.fromValue ?? null, n, level],
      [4, 4, changeCell(p?.averageMonthlyChange ?? null, m.unit), n, change],
      [5, 5, p?.projected ?? null, { ...n, font: font(FONT_SIZE.body, { bold: true }) }, level],
      [6, 6, p?.low ?? null, n, level],
      [7, 7, p?.high ?? null, n, level],
      [8, 8, m.trajectory?.value ?? null, n, level],
      [9, 9, changeCell(m.gapAtYearEnd, m.unit), n, change],
      [
        10,
        10,
        m.status ? flag.text : null,
        { ...STYLES.tableCell, font: font(FONT_SIZE.body, { bold: true, color: flag.color }) },
      ],
      [11, 11, changeCell(m.neededMonthlyChange, m.unit), n, change],
    ]);
  }
  // The change needed in words (the whole outlook is in words in the box below), how each trajectory figure
  // was found, and what is missing.
  for (const m of measures) {
    if (m.neededText) {
      page.sheet.text(page.row, 0, 1, m.label, {
        ...STYLES.wrapped,
        font: font(FONT_SIZE.body, { bold: true }),
      });
      page.sheet.text(page.row, 2, LAST_COL, m.neededText, STYLES.wrapped);
      page.row++;
    }
    if (m.trajectory) line(page, m.trajectory.note, STYLES.note, 2);
    for (const reason of m.reasons) line(page, `${m.label}: ${reason}`, reasonStyle, 0);
  }
}

function costRows(page: OutlookPage, cost: DemandCost): void {
  const label: CellStyle = { ...STYLES.tableCell, font: font(FONT_SIZE.body, { bold: true }) };
  const value: CellStyle = {
    ...STYLES.tableNumber,
    font: font(FONT_SIZE.subheading, { bold: true, color: PALETTE.navy }),
  };
  const note: CellStyle = { ...STYLES.tableCell, ...STYLES.note, borders: STYLES.tableCell.borders };
  const plans = cost.plansAboveTrajectory.toLocaleString("en-GB");
  const asAt = (date: string | null) => (date ? `, as at ${formatDate(date)}` : "");
  const millions = (pounds: number) =>
    Math.abs(pounds) >= 100_000 ? NUMBER_FORMATS.financeMillions : NUMBER_FORMATS.financePounds;
  const rows: [string, number | null, string, string][] = [
    [
      "Plans above the trajectory",
      cost.plansAboveTrajectory,
      NUMBER_FORMATS.count,
      `${cost.actual.toLocaleString("en-GB")} EHCPs against the ${cost.trajectoryLabel.toLowerCase()} of ${cost.trajectory.toLocaleString("en-GB")}${asAt(cost.plansAsAt)}`,
    ],
    [
      "Average cost per EHCP",
      cost.averageCostPerEhcp,
      NUMBER_FORMATS.financePounds,
      `${cost.averageCostPeriod || "Latest finance period"}${cost.averageCostAsAt ? `, period ending ${formatDate(cost.averageCostAsAt)}` : ""}`,
    ],
    [
      "Indicated cost of the gap a year",
      cost.cost,
      millions(cost.cost),
      `${plans} x the average cost per EHCP; about £${(cost.roundedCost / 1e6).toFixed(1)}m to the nearest £0.1m`,
    ],
    [
      "HNB overspend above the goal",
      cost.overspendAboveGoal,
      cost.overspendAboveGoal === null ? NUMBER_FORMATS.financeMillions : millions(cost.overspendAboveGoal),
      cost.overspendAboveGoal === null
        ? "Not available: the HNB overspend or its goal is missing"
        : `${cost.overspendBasis || "Finance basis not recorded"}${asAt(cost.overspendAsAt)}`,
    ],
  ];
  for (const [text, amount, format, basis] of rows)
    row(page, [
      [0, 3, text, label],
      [4, 5, amount === null ? "Not available" : amount, value, amount === null ? null : format],
      [6, LAST_COL, basis, note],
    ]);
  const agreement = cost.agreesWithOverspend
    ? "The two agree to the nearest £0.1m."
    : cost.shareOfOverspend !== null
      ? `The indicated cost is about ${Math.round(cost.shareOfOverspend * 100)}% of the overspend above the goal.`
      : "";
  line(page, [cost.label, agreement].filter(Boolean).join(" "), STYLES.note);
}

/** Writes the outlook block from the page's next free row. Nothing for a summary without the outlook. */
export function outlookBlock(page: OutlookPage, summary: PortfolioSummary): void {
  const { outlook, demandCost, draftNarrative } = summary;
  if (!outlook) return;
  const by = outlook.yearEnd ? formatMonth(outlook.yearEnd) : null;
  page.heading(by ? `Outlook to the year end (${by})` : "Outlook to the year end");
  page.startBlock();
  line(page, `${outlook.method} Year end: ${outlook.yearEndBasis}`, STYLES.note);
  if (outlook.yearEnd === null || outlook.measures.length === 0) {
    line(page, outlook.yearEndBasis, reasonStyle);
  } else {
    measuresTable(page, outlook.measures, outlook.yearEnd);
  }
  page.gap();

  page.startBlock({ keepWithNext: true });
  subheading(page, "Cost of the demand gap: an indication");
  page.startBlock();
  if (demandCost) costRows(page, demandCost);
  else {
    const reason = summary.notComputed.find((n) => n.section === COST_SECTION)?.reason;
    line(page, reason ?? "The cost of the demand gap could not be worked out.", reasonStyle);
  }
  page.gap();

  if (draftNarrative && draftNarrative.paragraphs.length > 0) {
    page.startBlock({ keepWithNext: true });
    subheading(page, "Figures in words");
    page.startBlock({ splittable: true });
    line(page, draftNarrative.note, STYLES.note);
    // A box of its own, apart from the lead's narrative at the top of the page.
    const first = page.row;
    for (const paragraph of draftNarrative.paragraphs)
      line(page, paragraph, { ...STYLES.wrapped, fill: PALETTE.band, indent: 1 });
    const thin = { style: "thin", color: PALETTE.border } as const;
    page.sheet.style(rangeAddress(first, 0, page.row - 1, LAST_COL), {
      borders: { left: thin, right: thin },
    });
    page.sheet.style(rangeAddress(first, 0, first, LAST_COL), { borders: { top: thin } });
    page.sheet.style(rangeAddress(page.row - 1, 0, page.row - 1, LAST_COL), { borders: { bottom: thin } });
    page.gap();
  }
}
