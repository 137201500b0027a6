// A realistic Portfolio Summary sheet plan, built by hand from the sample dashboard's figures, for renderer tests.
// It stands in for planSheets(summary) and exercises every plan feature: merges, KPI formats, RAG, CF, print, charts.
import { parseCellAddress } from "../../src/core/a1";
import { reversedCategories, seriesColour } from "../../src/layout/chart-style";
import type { CellStyle, ChartSpec, PlanValue, PlannedSheet, SheetPlan } from "../../src/layout/plan";

export const SUMMARY_SHEET_NAME = "Portfolio Summary";
export const DATA_SHEET_NAME = "Portfolio Summary Data";

const NAVY = "#1F4E79";
const WHITE = "#FFFFFF";
const PALE = "#DDEBF7";
const thin = { style: "thin" as const, color: "#BFBFBF" };
const box: CellStyle["borders"] = { top: thin, bottom: thin, left: thin, right: thin };

export const MONEY_MILLIONS = '"£"#,##0.00,,"m"';
export const SHARE = "0.00%";

/** Grid builder: set("B4", value) puts a value at that A1 address. */
function grid(rows: number, cols: number) {
  const values: PlanValue[][] = Array.from({ length: rows }, () => Array<PlanValue>(cols).fill(null));
  return {
    values,
    set(address: string, value: PlanValue) {
      const at = parseCellAddress(address);
      if (!at) throw new Error(`Not an A1 address: ${address}`);
      values[at.row][at.col] = value;
    },
  };
}

const MONTHS = [
  "Jan-24",
  "Feb-24",
  "Mar-24",
  "Apr-24",
  "May-24",
  "Jun-24",
  "Jul-24",
  "Aug-24",
  "Sep-24",
  "Oct-24",
  "Nov-24",
  "Dec-24",
];
export const FUNDED_EHCPS = [5561, 5619, 5688, 5742, 5801, 5866, 5915, 5987, 6059, 6166, 6274, 6353];
export const FORECAST_EHCPS = [5500, 5517, 5534, 5551, 5568, 5585, 5602, 5619, 5636, 5653, 5670, 5687];

const PROGRAMMES = [
  "1 - Voice of the child",
  "2 - Support, skills and practice",
  "3 - Right support, right time",
  "4 - Preparation for adulthood",
  "5 - Financial assurance",
  "6 - Communication and process",
];
const RAG_NAMES = ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"];
const WORKSTREAM_RAG = [
  [0, 0, 0, 0, 0],
  [3, 1, 0, 0, 0],
  [3, 0, 0, 0, 0],
  [3, 0, 0, 0, 0],
  [2, 0, 0, 0, 0],
  [4, 0, 0, 0, 0],
];
const MILESTONE_NAMES = ["Complete", "On track", "At risk", "Overdue"];
const MILESTONES = [
  [0, 0, 0, 0],
  [4, 2, 1, 0],
  [7, 3, 0, 0],
  [10, 0, 0, 0],
  [10, 0, 0, 0],
  [12, 5, 0, 0],
];
const YEARS = ["2021", "2022", "2023", "2024"];
const TWENTY_WEEK_INCL = [0.612, 0.498, 0.455, 0.521];
const TWENTY_WEEK_ENGLAND = [0.599, 0.495, 0.503, 0.464];

const KEY_RISKS = [
  {
    id: "R01",
    title: "If growth is stronger than forecast, we will not meet our trajectory.",
    owner: "Kathryn Davis",
    impact: 5,
    likelihood: 4,
    action: "This risk has become an issue, and so we are reforecasting the plan.",
  },
  {
    id: "R04",
    title: "There is a risk that the capital programme fails to generate a reduction in INMSS placements",
    owner: "Kathryn Davis",
    impact: 4,
    likelihood: 4,
    action: "We are working to deliver the plan and ensure our revised plan has realistic mitigations in it.",
  },
];

function dataSheet(): PlannedSheet {
  const g = grid(13, 22);
  g.set("A1", "Month");
  g.set("B1", "Funded EHCPs");
  g.set("C1", "Forecast EHCPs");
  MONTHS.forEach((m, i) => {
    g.set(`A${i + 2}`, m);
    g.set(`B${i + 2}`, FUNDED_EHCPS[i]);
    g.set(`C${i + 2}`, FORECAST_EHCPS[i]);
  });
  g.set("E1", "Programme");
  RAG_NAMES.forEach((n, j) => g.set(`${"FGHIJ"[j]}1`, n));
  PROGRAMMES.forEach((p, i) => {
    g.set(`E${i + 2}`, p);
    WORKSTREAM_RAG[i].forEach((v, j) => g.set(`${"FGHIJ"[j]}${i + 2}`, v));
  });
  g.set("L1", "Programme");
  MILESTONE_NAMES.forEach((n, j) => g.set(`${"MNOP"[j]}1`, n));
  PROGRAMMES.forEach((p, i) => {
    g.set(`L${i + 2}`, p);
    MILESTONES[i].forEach((v, j) => g.set(`${"MNOP"[j]}${i + 2}`, v));
  });
  g.set("R1", "Year");
  g.set("S1", "Issued within 20 weeks (incl. exceptions)");
  g.set("T1", "England");
  YEARS.forEach((y, i) => {
    g.set(`R${i + 2}`, y);
    g.set(`S${i + 2}`, TWENTY_WEEK_INCL[i]);
    g.set(`T${i + 2}`, TWENTY_WEEK_ENGLAND[i]);
  });
  return {
    key: "data",
    name: DATA_SHEET_NAME,
    values: g.values,
    numberFormats: [
      { range: "B2:C13", format: "#,##0" },
      { range: "S2:T5", format: "0.0%" },
    ],
    styles: [{ range: "A1:T1", style: { font: { bold: true } } }],
    merges: [],
    columnWidths: [
      { column: 0, width: 10 },
      { column: 4, width: 30 },
      { column: 11, width: 30 },
      { column: 18, width: 16 },
    ],
    rowHeights: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 1, columns: 0 },
    tabColor: "#7F7F7F",
    showGridlines: true,
  };
}

const data = (range: string) => ({ sheet: "data" as const, range });

type ChartInput = Pick<
  ChartSpec,
  | "id"
  | "type"
  | "title"
  | "altText"
  | "categoryAxisTitle"
  | "valueAxisTitle"
  | "valueAxisNumberFormat"
  | "position"
> & { series: Omit<ChartSpec["series"][number], "color">[] };

/** A chart on the summary sheet, its series by columns of the data sheet and coloured as the layout colours them. */
const chart = (c: ChartInput): ChartSpec => ({
  id: c.id,
  type: c.type,
  title: c.title,
  altText: c.altText,
  categoryAxisTitle: c.categoryAxisTitle,
  valueAxisTitle: c.valueAxisTitle,
  valueAxisNumberFormat: c.valueAxisNumberFormat,
  seriesBy: "columns",
  series: c.series.map((s, i) => ({ ...s, color: seriesColour(s.name, i) })),
  reverseCategories: reversedCategories(c.type),
  position: c.position,
  sheet: "summary",
  showLegend: true,
});

export const FIXTURE_CHARTS: ChartSpec[] = [
  chart({
    id: "PS_ehcp_trajectory",
    type: "line",
    title: "EHCPs against forecast",
    altText:
      "Line chart: EHCPs against forecast. Funded EHCPs rose over the twelve months, above the forecast.",
    categoryAxisTitle: "Month",
    valueAxisTitle: "Number of EHCPs",
    valueAxisNumberFormat: "#,##0",
    series: [
      { name: "Funded EHCPs", nameRef: data("B1"), categories: data("A2:A13"), values: data("B2:B13") },
      { name: "Forecast EHCPs", nameRef: data("C1"), categories: data("A2:A13"), values: data("C2:C13") },
    ],
    position: { from: "A22", to: "F37" },
  }),
  chart({
    id: "PS_twenty_week_rates",
    type: "columnClustered",
    title: "EHC plans issued within 20 weeks (incl. exceptions)",
    altText: "Column chart: EHC plans issued within 20 weeks, our council against England by calendar year.",
    categoryAxisTitle: "Calendar year",
    valueAxisTitle: "Share of plans",
    valueAxisNumberFormat: "0%",
    series: [
      { name: "Our council", nameRef: data("S1"), categories: data("R2:R5"), values: data("S2:S5") },
      { name: "England", nameRef: data("T1"), categories: data("R2:R5"), values: data("T2:T5") },
    ],
    position: { from: "G22", to: "L37" },
  }),
  chart({
    id: "PS_workstream_rag",
    type: "barStacked",
    title: "Workstream status by programme",
    altText: "Stacked bar chart: Workstream status by programme, workstreams per RAG grade.",
    categoryAxisTitle: "Programme",
    valueAxisTitle: "Workstreams",
    valueAxisNumberFormat: "0",
    series: RAG_NAMES.map((n, j) => ({
      name: n,
      nameRef: data(`${"FGHIJ"[j]}1`),
      categories: data("E2:E7"),
      values: data(`${"FGHIJ"[j]}2:${"FGHIJ"[j]}7`),
    })),
    position: { from: "A39", to: "F54" },
  }),
  chart({
    id: "PS_milestone_status",
    type: "columnStacked",
    title: "Status of milestones due",
    altText: "Stacked column chart: Status of milestones due, by programme.",
    categoryAxisTitle: "Programme",
    valueAxisTitle: "Milestones",
    valueAxisNumberFormat: "0",
    series: MILESTONE_NAMES.map((n, j) => ({
      name: n,
      nameRef: data(`${"MNOP"[j]}1`),
      categories: data("L2:L7"),
      values: data(`${"MNOP"[j]}2:${"MNOP"[j]}7`),
    })),
    position: { from: "G39", to: "L54" },
  }),
];

function summarySheet(): PlannedSheet {
  const g = grid(60, 12);
  const styles: PlannedSheet["styles"] = [];
  const style = (range: string, s: CellStyle) => styles.push({ range, style: s });
  const section = (row: number, title: string) => {
    g.set(`A${row}`, title);
    style(`A${row}:L${row}`, {
      font: { bold: true, size: 13, color: NAVY },
      borders: { bottom: { style: "medium", color: NAVY } },
    });
  };

  g.set("A1", "Portfolio Summary: SEND Transformation");
  style("A1:L1", {
    font: { bold: true, size: 18, color: WHITE },
    fill: NAVY,
    verticalAlignment: "center",
    indent: 1,
  });
  g.set("A2", "Wiltshire Council · Reporting date 07/01/2025 · Finance data reflects: Q2 Forecast");
  style("A2:L2", { font: { italic: true, color: "#404040" }, indent: 1 });

  g.set("A4", "Overall RAG");
  style("A4:B6", { font: { bold: true }, verticalAlignment: "center" });
  g.set("C4", "Amber/Red");
  style("C4:D6", {
    font: { bold: true, size: 14, color: WHITE },
    fill: "#E36C09",
    horizontalAlignment: "center",
    verticalAlignment: "center",
  });
  g.set(
    "E4",
    "Overall, SEND Transformation is Amber/Red - At Risk. The number of EHCPs is 650 plans higher than forecast " +
      "and this is driving a £15m overspend above the expected overspend for this financial year.",
  );
  style("E4:L6", { wrapText: true, verticalAlignment: "top" });

  section(8, "Headline figures");
  const tiles = [
    {
      cols: "A9:D9",
      label: "Number of EHCPs",
      value: 6357,
      format: "#,##0",
      target: "Forecast to date: 5,707 (+650) ! Adverse",
    },
    {
      cols: "E9:H9",
      label: "HNB Overspend 2024/25 (£m)",
      value: 43200000,
      format: MONEY_MILLIONS,
      target: "Goal for this financial year: £28.21m (+£14.99m) ! Adverse",
    },
    {
      cols: "I9:L9",
      label: "Children with EHCPs in INMSS",
      value: 0.0575,
      format: SHARE,
      target: "Forecast: 6.92% (-1.17 pp) ✓ Favourable",
    },
  ];
  const numberFormats: PlannedSheet["numberFormats"] = [];
  const merges = ["A1:L1", "A2:L2", "A4:B6", "C4:D6", "E4:L6"];
  for (const t of tiles) {
    const [a, b] = t.cols.split(":").map((x) => x[0]);
    g.set(`${a}9`, t.label);
    g.set(`${a}10`, t.value);
    g.set(`${a}11`, t.target);
    numberFormats.push({ range: `${a}10`, format: t.format });
    merges.push(`${a}9:${b}9`, `${a}10:${b}10`, `${a}11:${b}11`);
    style(`${a}9:${b}11`, { fill: PALE, horizontalAlignment: "center" });
    style(`${a}9:${b}9`, { font: { bold: true, color: NAVY } });
    style(`${a}10:${b}10`, { font: { bold: true, size: 22 } });
    style(`${a}11:${b}11`, { font: { size: 10 } });
  }
  g.set("A12", "SEND data last refreshed: 07/01/2025");
  g.set("G12", "Finance data reflects: Q2 Forecast");
  style("A12:L12", { font: { size: 9, italic: true, color: "#595959" } });

  section(14, "Key Programme Risks (15+)");
  [
    "ID",
    "Risk",
    null,
    null,
    null,
    "Risk owner",
    null,
    "Impact",
    "Likelihood",
    "Score",
    "Action required",
    null,
  ].forEach((h, c) => g.set(`${"ABCDEFGHIJKL"[c]}15`, h));
  style("A15:L15", {
    font: { bold: true, color: WHITE },
    fill: NAVY,
    wrapText: true,
    verticalAlignment: "center",
  });
  merges.push("B15:E15", "F15:G15", "K15:L15");
  KEY_RISKS.forEach((r, i) => {
    const row = 16 + i;
    g.set(`A${row}`, r.id);
    g.set(`B${row}`, r.title);
    g.set(`F${row}`, r.owner);
    g.set(`H${row}`, r.impact);
    g.set(`I${row}`, r.likelihood);
    g.set(`J${row}`, r.impact * r.likelihood);
    g.set(`K${row}`, r.action);
    merges.push(`B${row}:E${row}`, `F${row}:G${row}`, `K${row}:L${row}`);
    style(`A${row}:L${row}`, { wrapText: true, verticalAlignment: "top", borders: box });
    style(`H${row}:J${row}`, { horizontalAlignment: "center" });
  });
  numberFormats.push({ range: "H16:J17", format: "0" });

  section(20, "Trends");
  g.set("A56", "Definitions");
  style("A56:L56", { font: { bold: true, color: NAVY } });
  g.set(
    "A57",
    "EHCP: Education, Health and Care plan. INMSS: independent and non-maintained special schools.",
  );
  merges.push("A57:L57");
  style("A57:L57", { wrapText: true, font: { size: 9 } });

  return {
    key: "summary",
    name: SUMMARY_SHEET_NAME,
    values: g.values,
    numberFormats,
    styles,
    merges,
    columnWidths: Array.from({ length: 12 }, (_, column) => ({ column, width: column === 0 ? 8 : 13 })),
    rowHeights: [
      { row: 1, height: 32 },
      { row: 10, height: 34 },
      { row: 16, height: 45 },
      { row: 17, height: 45 },
    ],
    conditionalFormats: [
      {
        range: "J16:J17",
        rule: { type: "cellValue", operator: "greaterThanOrEqual", formula1: "15" },
        style: { fill: "#F4CCCC", fontColor: "#9C0006", bold: true },
      },
      { range: "C4", rule: { type: "textContains", text: "Red" }, style: { fontColor: "#FFFFFF" } },
    ],
    charts: FIXTURE_CHARTS,
    freeze: { rows: 2, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      printArea: "A1:L57",
      titleRows: "1:2",
      rowBreaks: [19],
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
      footer: "Portfolio Summary · Sample & Co tracker · generated 07/01/2025",
    },
    tabColor: NAVY,
    showGridlines: false,
  };
}

/** A fresh copy each call, so a test can change it freely. */
export function planFixture(): SheetPlan {
  return { sheets: [summarySheet(), dataSheet()] };
}
