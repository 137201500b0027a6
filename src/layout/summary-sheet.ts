// The "Portfolio Summary" sheet, section by section in the order of the council's dashboard: title and overall
// RAG, KPI tiles, data freshness, workstream status and key risks, programmes 1-6, variances, data problems,
// definitions and footer. Values stay numbers (formats do the display); tracker text is written unchanged.
import { cellAddress, rangeAddress } from "../core/a1";
import { excelSerial } from "../core/serial";
import { SEVERITY_NAMES, SEVERITY_ORDER, issueLocation, plural } from "../core/wording";
import type { ChartBlock } from "./chart-data";
import { undrawableReason } from "./chart-data";
import type { CellStyle, ChartSpec, PlanValue, PlannedSheet } from "./plan";
import { DEFAULT_ROW_HEIGHT, SheetBuilder } from "./sheet-builder";
import {
  FONT_NAME,
  FONT_SIZE,
  NUMBER_FORMATS,
  PALETTE,
  RAG_COLOURS,
  STYLES,
  formatForUnit,
  kpiValueFormat,
  kpiVarianceFormat,
  ragStyle,
  statusFlag,
} from "./styles";
import type {
  ChartData,
  DisplayUnit,
  FlaggedVariance,
  FreshnessLine,
  Issue,
  Kpi,
  KpiUnit,
  MetricTable,
  PortfolioSummary,
  ProgrammeSection,
  RagGrade,
} from "../core/model";
import { RAG_SCALE } from "../core/model";
import { formatDate } from "../core/format";
import { pageContentHeight, paginate } from "./pagination";
import type { PrintBlock } from "./pagination";

export const SUMMARY_SHEET_NAME = "Portfolio Summary";
/** The page is 12 columns wide: three KPI tiles of four columns, two charts or tables of six side by side. */
export const PAGE_COLUMNS = 12;
const LAST_COL = PAGE_COLUMNS - 1;
const COLUMN_WIDTH = 14;
/** Rows 1-3 (title, page name and date, overall RAG) stay frozen on screen. */
export const TITLE_ROWS = 3;
/** Rows 1-2 (programme, page name and reporting date) head every printed page; the RAG is printed once. */
export const REPEATED_TITLE_ROWS = 2;
/** Data problems listed on the page; the rest are counted and left to the task pane and the CLI. */
export const MAX_ISSUES_ON_PAGE = 50;
/** Least height of a chart in points: legible at A4 with two side by side, each half the page wide. */
export const CHART_HEIGHT = 170;
/** A chart beside a taller stack of tables grows with it up to this height, then stays at CHART_HEIGHT. */
const CHART_MAX_HEIGHT = 260;
const TITLE_HEIGHTS = [26, 20] as const;
const MARGINS = { left: 0.4, right: 0.4, top: 0.45, bottom: 0.55, header: 0.25, footer: 0.25 };
const GAP = 6;

/** Columns a block is written in: the whole page, or its left or right half. */
interface Slot {
  c1: number;
  c2: number;
}
const FULL: Slot = { c1: 0, c2: LAST_COL };
const LEFT: Slot = { c1: 0, c2: PAGE_COLUMNS / 2 - 1 };
const RIGHT: Slot = { c1: PAGE_COLUMNS / 2, c2: LAST_COL };
const slotWidth = (slot: Slot) => slot.c2 - slot.c1 + 1;
/** Writes one table or list into a slot from a row; returns the next free row. */
type SlotWriter = (top: number, slot: Slot) => number;

/** "2025-01-10T09:30:00Z" -> "10/01/2025 09:30" in UK time; text that is not a date-time is returned unchanged. */
export function ukDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")} ${get("hour")}:${get("minute")}`;
}

/** The cell value of a figure in a table: months and dates as serials, share gaps in percentage points. */
function tableValue(value: string | number | null | undefined, unit: DisplayUnit): PlanValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") {
    if (unit === "month" || unit === "date") return excelSerial(value) ?? value;
    return value;
  }
  if (!Number.isFinite(value)) return null;
  if (unit === "pp") return Math.round(value * 100 * 1e10) / 1e10;
  return value;
}

/** Headline values of a KPI in the cell: shares stay fractions; share variances are stored in points. */
function kpiCellVariance(variance: number | null, unit: KpiUnit): PlanValue {
  if (variance === null) return null;
  return unit === "share" ? Math.round(variance * 100 * 1e10) / 1e10 : variance;
}

const fontOf = (size: number, extra: NonNullable<CellStyle["font"]> = {}) => ({
  name: FONT_NAME,
  size,
  color: PALETTE.text,
  ...extra,
});

class SummaryPage {
  readonly sheet = new SheetBuilder(
    "summary",
    SUMMARY_SHEET_NAME,
    Array<number>(PAGE_COLUMNS).fill(COLUMN_WIDTH),
  );
  /** Next free row. */
  row = 0;
  /** Where each printed block starts; page breaks fall only between blocks (or between rows of a long table). */
  private readonly blocks: PrintBlock[] = [];

  constructor(
    private readonly summary: PortfolioSummary,
    private readonly chartBlocks: Map<string, ChartBlock>,
  ) {}

  private gap(rows = 1, height = GAP): void {
    for (let i = 0; i < rows; i++) {
      this.sheet.height(this.row, height);
      this.row++;
    }
  }

  /** Starts a block at the next free row: a printed page may break just before it. */
  private startBlock(options: { keepWithNext?: boolean; splittable?: boolean } = {}): void {
    const last = this.blocks[this.blocks.length - 1];
    // Print blocks are numbered as Excel numbers rows, as the print setup is.
    if (last?.first === this.row + 1) Object.assign(last, options);
    else this.blocks.push({ first: this.row + 1, ...options });
  }

  /** Points of rows first..last. */
  private heightBetween(first: number, last: number): number {
    let h = 0;
    for (let r = first; r <= last; r++) h += this.sheet.heightOf(r);
    return h;
  }

  /** A navy section heading, kept on the page of the block that follows it. */
  private heading(text: string): void {
    this.startBlock({ keepWithNext: true });
    this.sheet.text(this.row, 0, LAST_COL, text, STYLES.sectionHeading, false);
    this.sheet.height(this.row, 21);
    this.row++;
  }

  /** A subheading across a slot; it wraps rather than being cut when the slot is narrow. */
  private subheadingAt(row: number, slot: Slot, text: string): void {
    this.sheet.text(row, slot.c1, slot.c2, text, STYLES.subheading);
    this.sheet.height(row, 20);
  }

  private subheading(text: string): void {
    this.subheadingAt(this.row, FULL, text);
    this.row++;
  }

  private noteAt(row: number, slot: Slot, text: string, style: CellStyle = STYLES.note): void {
    this.sheet.text(row, slot.c1, slot.c2, text, style);
  }

  private note(text: string, style: CellStyle = STYLES.note): void {
    this.noteAt(this.row, FULL, text, style);
    this.row++;
  }

  private ragCell(
    row: number,
    col1: number,
    col2: number,
    grade: RagGrade | null,
    word: string,
    size?: number,
  ) {
    this.sheet.text(row, col1, col2, word, ragStyle(grade, size));
  }

  /** A table row at `row`: cells are [first column, last column, value, style, number format?]. */
  private tableRowAt(row: number, cells: [number, number, PlanValue, CellStyle, (string | null)?][]): void {
    for (const [c1, c2, value, style, format] of cells) {
      const wrap = typeof value === "string";
      this.sheet.text(row, c1, c2, value, style, wrap);
      if (format) this.sheet.format(rangeAddress(row, c1, row, c2), format);
    }
  }

  private tableRow(cells: [number, number, PlanValue, CellStyle, (string | null)?][]): void {
    this.tableRowAt(this.row, cells);
    this.row++;
  }

  // -----------------------------------------------------------------------------------------------------------
  // Title rows

  title(): void {
    const { programme, overallRag } = this.summary;
    const name = [programme.name, programme.council].filter((t) => t.trim() !== "").join(" — ");
    this.sheet.text(0, 0, LAST_COL, name || "SEND transformation programme", STYLES.title, false);
    this.sheet.height(0, TITLE_HEIGHTS[0]);

    this.sheet.text(1, 0, 7, "Portfolio Summary", STYLES.pageName, false);
    this.sheet.text(1, 8, 9, "Reporting date:", { ...STYLES.label, horizontalAlignment: "right" }, false);
    const reporting = programme.reportingDate ? excelSerial(programme.reportingDate) : null;
    this.sheet.text(
      1,
      10,
      11,
      reporting ?? "Not set in the tracker",
      { ...STYLES.label, horizontalAlignment: "left" },
      false,
    );
    if (reporting !== null) this.sheet.format(rangeAddress(1, 10, 1, 11), NUMBER_FORMATS.date);
    this.sheet.height(1, TITLE_HEIGHTS[1]);

    this.sheet.text(2, 0, 1, "Overall RAG", STYLES.label, false);
    this.ragCell(2, 2, 3, overallRag.value, overallRag.value ?? "Not set", FONT_SIZE.subheading);
    const basis = overallRag.override
      ? `Set by the programme lead: ${overallRag.overrideText || overallRag.override}`
      : overallRag.computed
        ? "Computed from the tracker: the programme lead has not set an overall RAG."
        : "No overall RAG: the programme lead has not set one and it could not be computed from the tracker.";
    this.sheet.text(2, 4, LAST_COL, basis, { ...STYLES.body, verticalAlignment: "center", indent: 1 });
    this.sheet.height(2, 24);
    // The overall RAG and the lead's narrative print together at the top of the first page.
    this.row = TITLE_ROWS - 1;
    this.startBlock({ splittable: true });
    this.row = TITLE_ROWS;
    this.gap();

    for (const paragraph of overallRag.narrative
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      this.sheet.text(this.row, 0, LAST_COL, paragraph, STYLES.wrapped);
      this.row++;
    }

    const showReasons = overallRag.differs || (!overallRag.override && overallRag.computed !== null);
    if (overallRag.differs && overallRag.computed) {
      this.gap();
      this.sheet.text(this.row, 0, 1, "Computed RAG", STYLES.label, false);
      this.ragCell(this.row, 2, 3, overallRag.computed, overallRag.computed);
      this.sheet.text(
        this.row,
        4,
        LAST_COL,
        `The RAG computed from the tracker (${overallRag.computed}) differs from the programme lead's ` +
          `(${overallRag.overrideText || overallRag.override || "not set"}). How it was reached:`,
        { ...STYLES.warning, indent: 1 },
      );
      this.row++;
    }
    if (showReasons) {
      for (const reason of overallRag.reasons) {
        this.sheet.text(this.row, 4, LAST_COL, `• ${reason}`, { ...STYLES.body, wrapText: true, indent: 1 });
        this.row++;
      }
    }
    this.gap();
  }

  // -----------------------------------------------------------------------------------------------------------
  // KPI tiles, three to a row

  kpiTiles(): void {
    this.startBlock();
    const kpis = this.summary.kpis;
    if (kpis.length === 0) {
      this.note("The headline KPIs could not be computed; see the notes below.", STYLES.warning);
      this.gap();
      return;
    }
    for (let start = 0; start < kpis.length; start += 3) {
      this.startBlock();
      const top = this.row;
      kpis.slice(start, start + 3).forEach((kpi, i) => this.kpiTile(kpi, top, i * 4));
      this.row = top + 6;
      this.gap();
    }
  }

  private kpiTile(kpi: Kpi, top: number, col: number): void {
    const s = this.sheet;
    const end = col + 3;
    s.text(top, col, end, kpi.label, STYLES.tileTitle);
    s.height(top, 22);

    const flag = statusFlag(kpi.status);
    s.text(
      top + 1,
      col,
      col + 1,
      kpi.actual ?? "Not available",
      kpi.actual === null
        ? { ...STYLES.tileValue, font: fontOf(FONT_SIZE.subheading, { bold: true, color: PALETTE.muted }) }
        : STYLES.tileValue,
      false,
    );
    if (kpi.actual !== null) s.format(rangeAddress(top + 1, col, top + 1, col + 1), kpiValueFormat(kpi.unit));
    s.text(
      top + 1,
      col + 2,
      end,
      flag.text,
      {
        font: fontOf(FONT_SIZE.heading, { bold: true, color: flag.color }),
        fill: PALETTE.band,
        verticalAlignment: "center",
        horizontalAlignment: "left",
      },
      false,
    );
    s.height(top + 1, 36);

    const labelStyle: CellStyle = {
      ...STYLES.tileBody,
      font: fontOf(FONT_SIZE.body, { color: PALETTE.muted }),
    };
    const valueStyle: CellStyle = {
      ...STYLES.tileBody,
      font: fontOf(FONT_SIZE.body, { bold: true }),
      horizontalAlignment: "left",
    };
    s.text(top + 2, col, col + 1, `${kpi.targetLabel || "Target"}:`, labelStyle, false);
    s.text(top + 2, col + 2, end, kpi.target ?? "Not set", valueStyle, false);
    if (kpi.target !== null) s.format(rangeAddress(top + 2, col + 2, top + 2, end), kpiValueFormat(kpi.unit));

    s.text(top + 3, col, col + 1, "Variance:", labelStyle, false);
    s.text(top + 3, col + 2, end, kpiCellVariance(kpi.variance, kpi.unit) ?? "–", valueStyle, false);
    if (kpi.variance !== null)
      s.format(rangeAddress(top + 3, col + 2, top + 3, end), kpiVarianceFormat(kpi.unit));

    s.text(top + 4, col, end, kpi.explanation, { ...STYLES.tileBody, ...STYLES.note, fill: PALETTE.band });

    s.text(top + 5, col, col + 1, "As at:", labelStyle, false);
    const asAt = kpi.asAt ? excelSerial(kpi.asAt) : null;
    s.text(top + 5, col + 2, end, asAt ?? "Not recorded", valueStyle, false);
    if (asAt !== null) s.format(rangeAddress(top + 5, col + 2, top + 5, end), NUMBER_FORMATS.date);
    s.style(rangeAddress(top, col, top + 5, end), {
      borders: {
        left: { style: "thin", color: PALETTE.border },
        right: { style: "thin", color: PALETTE.border },
      },
    });
    s.style(rangeAddress(top + 5, col, top + 5, end), {
      borders: { bottom: { style: "thin", color: PALETTE.border } },
    });
  }

  // -----------------------------------------------------------------------------------------------------------
  // Data freshness and what could not be computed

  freshness(): void {
    if (this.summary.freshness.length > 0) this.startBlock();
    for (const line of this.summary.freshness) this.freshnessLine(line);
    if (this.summary.freshness.length > 0) this.gap();

    if (this.summary.notComputed.length > 0) {
      this.startBlock({ splittable: true });
      this.subheading("Not shown on this page");
      for (const missing of this.summary.notComputed) {
        this.sheet.text(this.row, 0, 2, missing.section, { ...STYLES.warning, verticalAlignment: "top" });
        this.sheet.text(this.row, 3, LAST_COL, missing.reason, {
          ...STYLES.warning,
          font: fontOf(FONT_SIZE.body, { color: PALETTE.warningText }),
          verticalAlignment: "top",
        });
        this.row++;
      }
      this.gap();
    }
  }

  /**
   * One freshness line: what the data reflects (a date, or a basis such as "Q2 Forecast"), then in words how old
   * it is: "as at 15/11/2024, 56 days old at the reporting date (limit 120 days)". Stale lines are a warning.
   */
  private freshnessLine(line: FreshnessLine): void {
    const row = this.row;
    this.sheet.text(row, 0, 2, `${line.label}:`, STYLES.label, false);
    const serial = line.date ? excelSerial(line.date) : null;
    // The engine writes a basis and its date as one text ("Q2 Forecast, as at 15/11/2024"): the basis goes in
    // the value cell and the date into the note, so neither is lost and the date is not said twice.
    const basis = line.text.replace(/,?\s*as at\s+\d{1,2}\/\d{1,2}\/\d{4}\s*$/i, "").trim();
    const showsDate = serial !== null && (basis === "" || basis === formatDate(line.date ?? ""));
    const valueStyle: CellStyle = {
      ...STYLES.body,
      font: fontOf(FONT_SIZE.body, { bold: true }),
      verticalAlignment: "center",
      horizontalAlignment: "left",
    };
    this.sheet.text(row, 3, 4, showsDate ? serial : basis || line.text, valueStyle, false);
    if (showsDate) this.sheet.format(rangeAddress(row, 3, row, 4), NUMBER_FORMATS.date);

    const parts: string[] = [];
    if (!showsDate && line.date) parts.push(`as at ${formatDate(line.date)}`);
    if (line.ageDays !== null) {
      const limit = line.limitDays !== null ? ` (limit ${line.limitDays} days)` : "";
      parts.push(`${line.ageDays} days old at the reporting date${limit}`);
    } else if (line.stale) {
      parts.push("its age is not known");
    }
    if (line.stale) {
      this.sheet.text(
        row,
        5,
        LAST_COL,
        `⚠ Stale: ${parts.join(", ")}. Refresh this data before the page is shared.`,
        { ...STYLES.warning, indent: 1 },
      );
    } else if (parts.length > 0) {
      const text = parts.join(", ");
      this.sheet.text(row, 5, LAST_COL, `${text.charAt(0).toUpperCase()}${text.slice(1)}.`, {
        ...STYLES.note,
        verticalAlignment: "center",
      });
    }
    this.sheet.height(row, 16);
    this.row++;
  }

  // -----------------------------------------------------------------------------------------------------------
  // Workstream status by programme, overview charts, key risks

  workstreamStatus(claimedCharts: Set<string>): void {
    this.heading("Workstream status by programme");
    this.startBlock({ splittable: true });
    const rows = this.summary.workstreamStatus;
    if (rows.length === 0) {
      this.note("No workstreams were found in the tracker.");
    } else {
      const header: [number, number, PlanValue, CellStyle][] = [[0, 3, "Programme", STYLES.tableHeader]];
      RAG_SCALE.forEach((grade, i) => header.push([4 + i, 4 + i, grade, ragStyle(grade)]));
      header.push([9, 9, "Not recognised", STYLES.tableHeader], [10, 10, "Total", STYLES.tableHeader]);
      this.tableRow(header);
      const first = this.row;
      const totals = { unknown: 0, total: 0, grades: RAG_SCALE.map(() => 0) };
      for (const r of rows) {
        const cells: [number, number, PlanValue, CellStyle][] = [
          [0, 3, `${r.programme} - ${r.programmeName}`, STYLES.tableCell],
        ];
        RAG_SCALE.forEach((grade, i) => {
          cells.push([4 + i, 4 + i, r.counts[grade], STYLES.tableNumber]);
          totals.grades[i] += r.counts[grade];
        });
        cells.push([9, 9, r.unknown, STYLES.tableNumber], [10, 10, r.total, STYLES.tableNumber]);
        totals.unknown += r.unknown;
        totals.total += r.total;
        this.tableRow(cells);
      }
      const bold = (st: CellStyle): CellStyle => ({
        ...st,
        font: fontOf(FONT_SIZE.body, { bold: true }),
        fill: PALETTE.band,
      });
      const totalCells: [number, number, PlanValue, CellStyle][] = [
        [0, 3, "All programmes", bold(STYLES.tableCell)],
      ];
      totals.grades.forEach((n, i) => totalCells.push([4 + i, 4 + i, n, bold(STYLES.tableNumber)]));
      totalCells.push(
        [9, 9, totals.unknown, bold(STYLES.tableNumber)],
        [10, 10, totals.total, bold(STYLES.tableNumber)],
      );
      this.tableRow(totalCells);
      this.sheet.format(rangeAddress(first, 4, this.row - 1, 10), NUMBER_FORMATS.count);
    }
    this.gap();

    // Charts no programme shows (workstream status, milestones across programmes) belong to this overview.
    const overview = this.summary.charts.map((c) => c.id).filter((id) => !claimedCharts.has(id));
    const unique = [...new Set(overview)];
    if (unique.length > 0) this.arrange([], unique);

    this.keyRisks();
  }

  private keyRisks(): void {
    const threshold = this.summary.riskThreshold;
    this.heading(`Key programme risks (score ${threshold}+)`);
    this.startBlock({ splittable: true });
    const risks = this.summary.keyRisks;
    if (risks.length === 0) {
      this.note(`No open risk scores ${threshold} or more.`, STYLES.body);
      this.gap();
      return;
    }
    this.tableRow([
      [0, 1, "Risk", STYLES.tableHeader],
      [2, 3, "Impact", STYLES.tableHeader],
      [4, 4, "Risk owner", STYLES.tableHeader],
      [5, 5, "Impact (1-5)", STYLES.tableHeader],
      [6, 6, "Likelihood (1-5)", STYLES.tableHeader],
      [7, 7, "Risk score", STYLES.tableHeader],
      [8, LAST_COL, "Action required", STYLES.tableHeader],
    ]);
    const first = this.row;
    const centre: CellStyle = { ...STYLES.tableNumber, horizontalAlignment: "center" };
    for (const risk of risks) {
      this.tableRow([
        [0, 1, risk.title, STYLES.tableCell],
        [2, 3, risk.consequence, STYLES.tableCell],
        [4, 4, risk.owner, STYLES.tableCell],
        [5, 5, risk.impact, centre, NUMBER_FORMATS.integer],
        [6, 6, risk.likelihood, centre, NUMBER_FORMATS.integer],
        [
          7,
          7,
          risk.score,
          { ...centre, font: fontOf(FONT_SIZE.body, { bold: true }) },
          NUMBER_FORMATS.integer,
        ],
        [8, LAST_COL, risk.action, STYLES.tableCell],
      ]);
    }
    // The score column is coloured by the spreadsheet itself, so an edited score recolours: top band darkest.
    const scores = rangeAddress(first, 7, this.row - 1, 7);
    const bands = this.summary.settings.riskBands.filter((b) => b.min >= threshold);
    const top = bands[0]?.min ?? threshold;
    this.sheet.conditionalFormats.push(
      {
        range: scores,
        rule: { type: "cellValue", operator: "greaterThanOrEqual", formula1: String(top) },
        style: { fill: RAG_COLOURS.Red.fill, fontColor: RAG_COLOURS.Red.text, bold: true },
      },
      {
        range: scores,
        rule: {
          type: "cellValue",
          operator: "between",
          formula1: String(threshold),
          formula2: String(Math.max(threshold, top - 1)),
        },
        style: { fill: RAG_COLOURS["Amber/Red"].fill, fontColor: RAG_COLOURS["Amber/Red"].text, bold: true },
      },
    );
    this.gap();
  }

  // -----------------------------------------------------------------------------------------------------------
  // Programmes 1-6

  programme(section: ProgrammeSection): void {
    this.heading(`${section.number} - ${section.name}`);
    if (section.note.trim()) {
      this.startBlock();
      this.note(section.note, STYLES.wrapped);
      this.gap();
    }

    if (section.workstreams.length > 0) {
      this.startBlock({ splittable: true });
      // The dashboard's "Key contributing workstreams" heads the table's first column rather than a row of its own.
      this.tableRow([
        [0, 4, "Key contributing workstreams", STYLES.tableHeader],
        [5, 6, "RAG", STYLES.tableHeader],
        [7, 8, "Lead", STYLES.tableHeader],
        [9, LAST_COL, "Commentary", STYLES.tableHeader],
      ]);
      for (const w of section.workstreams) {
        this.sheet.text(this.row, 0, 4, w.name, STYLES.tableCell);
        // The council's own wording, coloured by its grade; an unreadable RAG keeps its text on a neutral fill.
        this.ragCell(this.row, 5, 6, w.rag.grade, w.rag.text || w.rag.grade || "Not set");
        this.sheet.text(this.row, 7, 8, w.lead, STYLES.tableCell);
        this.sheet.text(this.row, 9, LAST_COL, w.commentary, STYLES.tableCell);
        this.row++;
      }
      this.gap();
    } else if (!section.note.trim()) {
      this.startBlock();
      this.note("No workstreams are recorded for this programme yet.", STYLES.body);
      this.gap();
    }

    // Milestones, key figures and narrow metric tables fit half the page, beside a chart or each other.
    const halves: SlotWriter[] = [];
    const m = section.milestones;
    const milestoneTotal = m.complete + m.on_track + m.at_risk + m.overdue;
    if (milestoneTotal > 0 || section.workstreams.length > 0)
      halves.push((top, slot) => this.milestonesAt(top, slot, section));
    if (section.figures.length > 0) halves.push((top, slot) => this.figuresAt(top, slot, section));
    for (const table of section.tables) {
      if (table.columns.length <= slotWidth(LEFT)) {
        halves.push((top, slot) => this.metricTableAt(top, slot, table));
      } else {
        this.startBlock({ splittable: true });
        this.row = this.metricTableAt(this.row, FULL, table);
        this.gap();
      }
    }
    this.arrange(halves, section.chartIds);
  }

  private milestonesAt(top: number, slot: Slot, section: ProgrammeSection): number {
    const m = section.milestones;
    const total = m.complete + m.on_track + m.at_risk + m.overdue;
    this.subheadingAt(top, slot, "Status of milestones due");
    // Five columns: two page columns each across the page, one each in half of it.
    const span = slotWidth(slot) >= 10 ? 2 : 1;
    const at = (i: number): [number, number] => [slot.c1 + i * span, slot.c1 + i * span + span - 1];
    const adverse = (n: number): CellStyle =>
      n > 0
        ? { ...STYLES.tableNumber, font: fontOf(FONT_SIZE.body, { bold: true, color: PALETTE.adverse }) }
        : STYLES.tableNumber;
    this.tableRowAt(top + 1, [
      [...at(0), "Complete", STYLES.tableHeader],
      [...at(1), "On track", STYLES.tableHeader],
      [...at(2), "At risk", STYLES.tableHeader],
      [...at(3), "Overdue", STYLES.tableHeader],
      [...at(4), "Total", STYLES.tableHeader],
    ]);
    const fmt = NUMBER_FORMATS.count;
    this.tableRowAt(top + 2, [
      [...at(0), m.complete, STYLES.tableNumber, fmt],
      [...at(1), m.on_track, STYLES.tableNumber, fmt],
      [...at(2), m.at_risk, adverse(m.at_risk), fmt],
      [...at(3), m.overdue, adverse(m.overdue), fmt],
      [...at(4), total, { ...STYLES.tableNumber, font: fontOf(FONT_SIZE.body, { bold: true }) }, fmt],
    ]);
    return top + 3;
  }

  private figuresAt(top: number, slot: Slot, section: ProgrammeSection): number {
    this.subheadingAt(top, slot, "Key figures");
    let row = top + 1;
    const wide = slotWidth(slot) >= 10;
    // Across the page: label, value, note on one row. In half of it the note goes on a row of its own below.
    const label: [number, number] = wide ? [slot.c1, slot.c1 + 4] : [slot.c1, slot.c1 + 3];
    const value: [number, number] = wide ? [slot.c1 + 5, slot.c1 + 6] : [slot.c1 + 4, slot.c2];
    const noteStyle: CellStyle = { ...STYLES.tableCell, ...STYLES.note, borders: STYLES.tableCell.borders };
    for (const f of section.figures) {
      const cellValue = tableValue(f.value, f.unit);
      // Key figures are finance figures: negatives in brackets, as in the finance tables.
      const format =
        f.unit === "money"
          ? Math.abs(f.value ?? 0) >= 100_000
            ? NUMBER_FORMATS.financeMillions
            : NUMBER_FORMATS.financePounds
          : formatForUnit(f.unit, [f.value]);
      const cells: [number, number, PlanValue, CellStyle, (string | null)?][] = [
        [...label, f.label, { ...STYLES.tableCell, font: fontOf(FONT_SIZE.body, { bold: true }) }],
        [
          ...value,
          cellValue ?? "Not available",
          { ...STYLES.tableNumber, font: fontOf(FONT_SIZE.subheading, { bold: true, color: PALETTE.navy }) },
          cellValue === null ? null : format,
        ],
      ];
      if (wide) cells.push([slot.c1 + 7, slot.c2, f.note ?? "", noteStyle]);
      this.tableRowAt(row, cells);
      row++;
      if (!wide && f.note) {
        this.tableRowAt(row, [[slot.c1, slot.c2, f.note, noteStyle]]);
        row++;
      }
    }
    return row;
  }

  private metricTableAt(top: number, slot: Slot, table: MetricTable): number {
    this.subheadingAt(top, slot, table.title);
    let row = top + 1;
    const cols = table.columns;
    if (cols.length === 0) return row;
    // Two page columns a table column while they fit the slot; one each beyond; never more than the slot holds.
    const width = slotWidth(slot);
    const span = cols.length * 2 <= width ? 2 : 1;
    const shown = cols.slice(0, Math.floor(width / span));
    const at = (i: number): [number, number] => [slot.c1 + i * span, slot.c1 + i * span + span - 1];
    this.tableRowAt(
      row++,
      shown.map((c, i) => [...at(i), c.label, STYLES.tableHeader] as [number, number, PlanValue, CellStyle]),
    );
    if (table.rows.length === 0)
      this.noteAt(row++, slot, "No rows for this table in the tracker.", STYLES.body);
    const first = row;
    for (const r of table.rows) {
      this.tableRowAt(
        row++,
        shown.map((c, i) => {
          const value = tableValue(r[c.key], c.unit);
          const style = typeof value === "number" ? STYLES.tableNumber : STYLES.tableCell;
          const leftAlignedDate =
            c.unit === "month" || c.unit === "date"
              ? { ...style, horizontalAlignment: "left" as const }
              : style;
          return [...at(i), value, leftAlignedDate] as [number, number, PlanValue, CellStyle];
        }),
      );
    }
    if (table.rows.length > 0) {
      shown.forEach((c, i) => {
        const fmt = formatForUnit(
          c.unit,
          table.rows.map((r) => r[c.key]),
        );
        if (fmt) this.sheet.format(rangeAddress(first, at(i)[0], row - 1, at(i)[1]), fmt);
      });
    }
    if (cols.length > shown.length)
      this.noteAt(
        row++,
        slot,
        `${cols.length - shown.length} more columns are in the tracker and not shown here.`,
      );
    if (table.note) this.noteAt(row++, slot, table.note);
    return row;
  }

  // -----------------------------------------------------------------------------------------------------------
  // Tables and charts side by side: charts in pairs, an odd chart beside the section's tables

  /** Writes writers one under another in a slot from `top`, a small gap between them; returns the next row. */
  private stack(writers: SlotWriter[], top: number, slot: Slot): number {
    let row = top;
    writers.forEach((write, i) => {
      if (i > 0) {
        this.sheet.height(row, GAP);
        row++;
      }
      row = write(row, slot);
    });
    return row;
  }

  /**
   * Lays out a section's half-page tables and its charts as bands, each a block no page break may cut: with an
   * odd number of charts the first sits on the right of the tables; the tables otherwise share a band two by two
   * (each to the shorter side); the remaining charts go in pairs, half the page wide each.
   */
  private arrange(halves: SlotWriter[], chartIds: string[]): void {
    const drawable: ChartBlock[] = [];
    for (const id of chartIds) {
      const block = this.chartBlocks.get(id);
      if (block) {
        drawable.push(block);
        continue;
      }
      const chart: ChartData | undefined = this.summary.charts.find((c) => c.id === id);
      const reason = chart ? undrawableReason(chart) : "The summary holds no data for this chart.";
      this.startBlock();
      this.note(`Chart not drawn — ${chart?.title ?? id}: ${reason}`, {
        ...STYLES.note,
        font: fontOf(FONT_SIZE.body, { italic: true, color: PALETTE.muted }),
      });
    }

    let charts = drawable;
    if (halves.length > 0 && charts.length % 2 === 1) {
      this.startBlock();
      const top = this.row;
      const end = this.stack(halves, top, LEFT);
      this.chartBand(top, end, [[charts[0], RIGHT]]);
      charts = charts.slice(1);
    } else if (halves.length > 0) {
      this.startBlock();
      const top = this.row;
      const ends = { left: top, right: top };
      for (const write of halves) {
        // The next table goes to the shorter side so the band stays even.
        const side =
          this.heightBetween(top, ends.left - 1) <= this.heightBetween(top, ends.right - 1)
            ? "left"
            : "right";
        let row = ends[side];
        if (row > top) {
          this.sheet.height(row, GAP);
          row++;
        }
        ends[side] = write(row, side === "left" ? LEFT : RIGHT);
      }
      this.row = Math.max(ends.left, ends.right);
      this.gap();
    }
    for (let i = 0; i < charts.length; i += 2) {
      this.startBlock();
      const pair = charts.slice(i, i + 2);
      this.chartBand(
        this.row,
        this.row,
        pair.length === 2
          ? [
              [pair[0], LEFT],
              [pair[1], RIGHT],
            ]
          : [[pair[0], FULL]],
      );
    }
  }

  /**
   * Charts drawn from `top` beside rows already written up to `end` (exclusive): empty rows are added until the
   * band is CHART_HEIGHT tall; a chart beside a taller stack grows with it up to CHART_MAX_HEIGHT.
   */
  private chartBand(top: number, end: number, charts: [ChartBlock, Slot][]): void {
    let row = end;
    while (this.heightBetween(top, row - 1) < CHART_HEIGHT) {
      this.sheet.height(row, DEFAULT_ROW_HEIGHT);
      row++;
    }
    let bottom = row - 1;
    if (this.heightBetween(top, bottom) > CHART_MAX_HEIGHT) {
      bottom = top;
      while (this.heightBetween(top, bottom) < CHART_HEIGHT) bottom++;
    }
    for (const [block, slot] of charts)
      this.sheet.charts.push(chartSpec(block, cellAddress(top, slot.c1), cellAddress(bottom, slot.c2)));
    this.row = row;
    this.gap();
  }

  // -----------------------------------------------------------------------------------------------------------
  // Variances, data problems, definitions, footer

  variances(): void {
    this.heading("Flagged variances");
    this.startBlock({ splittable: true });
    const list = this.summary.variances;
    if (list.length === 0) {
      this.note("No variances are flagged.", STYLES.body);
      this.gap();
      return;
    }
    this.tableRow([
      [0, 2, "Measure", STYLES.tableHeader],
      [3, 3, "Actual", STYLES.tableHeader],
      [4, 4, "Target", STYLES.tableHeader],
      [5, 5, "Variance", STYLES.tableHeader],
      [6, 7, "Status", STYLES.tableHeader],
      [8, LAST_COL, "Explanation", STYLES.tableHeader],
    ]);
    for (const v of list) this.varianceRow(v);
    this.gap();
  }

  private varianceRow(v: FlaggedVariance): void {
    const flag = statusFlag(v.status);
    const num = (value: PlanValue, format: string): [PlanValue, string | null] =>
      value === null ? ["–", null] : [value, format];
    const [actual, fa] = num(v.actual, kpiValueFormat(v.unit));
    const [target, ft] = num(v.target, kpiValueFormat(v.unit));
    const [variance, fv] = num(kpiCellVariance(v.variance, v.unit), kpiVarianceFormat(v.unit));
    this.tableRow([
      [0, 2, v.label, STYLES.tableCell],
      [3, 3, actual, STYLES.tableNumber, fa],
      [4, 4, target, STYLES.tableNumber, ft],
      [5, 5, variance, STYLES.tableNumber, fv],
      [
        6,
        7,
        flag.text,
        { ...STYLES.tableCell, font: fontOf(FONT_SIZE.body, { bold: true, color: flag.color }) },
      ],
      [8, LAST_COL, v.explanation, STYLES.tableCell],
    ]);
  }

  dataProblems(): void {
    this.heading("Data problems in the tracker");
    this.startBlock({ splittable: true });
    const counts = this.summary.issueCounts;
    const total = counts.error + counts.warning + counts.info;
    if (total === 0 && this.summary.issues.length === 0) {
      this.note("No problems were found in the tracker.", STYLES.body);
      this.gap();
      return;
    }
    this.note(
      `${plural(Math.max(total, this.summary.issues.length), "problem", "problems")} found: ` +
        `${plural(counts.error, "error", "errors")}, ${plural(counts.warning, "warning", "warnings")}, ` +
        `${counts.info} for information. Fix them in the tracker at the cell shown, then refresh.`,
      { ...STYLES.body, wrapText: true },
    );
    this.tableRow([
      [0, 0, "Severity", STYLES.tableHeader],
      [1, 2, "Where (sheet!cell)", STYLES.tableHeader],
      [3, LAST_COL, "Problem", STYLES.tableHeader],
    ]);
    // Errors first, then warnings, then information, each in the order found: one pass a severity.
    const shown: Issue[] = [];
    for (const severity of SEVERITY_ORDER) {
      for (const issue of this.summary.issues) {
        if (shown.length >= MAX_ISSUES_ON_PAGE) break;
        if (issue.severity === severity) shown.push(issue);
      }
    }
    for (const issue of shown) {
      const fill =
        issue.severity === "error"
          ? PALETTE.errorFill
          : issue.severity === "warning"
            ? PALETTE.warningFill
            : undefined;
      const colour =
        issue.severity === "error"
          ? PALETTE.errorText
          : issue.severity === "warning"
            ? PALETTE.warningText
            : PALETTE.text;
      this.tableRow([
        [
          0,
          0,
          SEVERITY_NAMES[issue.severity].column,
          { ...STYLES.tableCell, fill, font: fontOf(FONT_SIZE.body, { bold: true, color: colour }) },
        ],
        [1, 2, issueLocation(issue, "reference"), STYLES.tableCell],
        [3, LAST_COL, issue.message, STYLES.tableCell],
      ]);
    }
    const remaining = this.summary.issues.length - shown.length;
    if (remaining > 0) {
      this.note(`…and ${remaining} more — see the task pane or the CLI report for the full list.`, {
        ...STYLES.body,
        font: fontOf(FONT_SIZE.body, { bold: true }),
      });
    }
    this.gap();
  }

  definitions(): void {
    if (this.summary.definitions.length === 0) return;
    this.startBlock({ keepWithNext: true });
    this.subheading("Definitions");
    this.startBlock({ splittable: true });
    // Reference text, read when needed: set a size smaller, the definition across the rest of the page.
    for (const d of this.summary.definitions) {
      this.sheet.text(this.row, 0, 1, d.term, {
        ...STYLES.wrapped,
        font: fontOf(FONT_SIZE.small, { bold: true, color: PALETTE.navy }),
      });
      this.sheet.text(this.row, 2, LAST_COL, d.definition, {
        ...STYLES.wrapped,
        font: fontOf(FONT_SIZE.small),
      });
      this.row++;
    }
    this.gap();
  }

  footer(): string {
    const when = ukDateTime(this.summary.generatedAt);
    const source = this.summary.source.workbookName || "the open workbook";
    const text = `Generated ${when} (UK time) from ${source}.`;
    this.sheet.text(this.row, 0, LAST_COL, text, STYLES.footer, false);
    this.row++;
    return text;
  }

  build(footerText: string): PlannedSheet {
    const lastRow = this.row - 1;
    const rowCount = this.row;
    const pageHeight = pageContentHeight({
      orientation: "landscape",
      columnWidths: Array<number>(PAGE_COLUMNS).fill(COLUMN_WIDTH),
      margins: MARGINS,
      repeatedRowsHeight: TITLE_HEIGHTS[0] + TITLE_HEIGHTS[1],
    });
    const breaks = paginate(this.blocks, rowCount, (r) => this.sheet.heightOf(r - 1), pageHeight);
    return this.sheet.build({
      freeze: { rows: TITLE_ROWS, columns: 0 },
      print: {
        orientation: "landscape",
        paperSize: "A4",
        fitToPagesWide: 1,
        printArea: `A1:${cellAddress(lastRow, LAST_COL)}`,
        titleRows: `1:${REPEATED_TITLE_ROWS}`,
        rowBreaks: breaks,
        margins: MARGINS,
        centerHorizontally: true,
        footer: `Portfolio Summary — ${footerText}`,
      },
      tabColor: PALETTE.navy,
      showGridlines: false,
      baseStyle: STYLES.base,
    });
  }
}

function chartSpec(block: ChartBlock, from: string, to: string): ChartSpec {
  const { chart } = block;
  return {
    id: `PS_${chart.id}`,
    type: block.type,
    title: chart.title,
    categoryAxisTitle: chart.categoryAxisTitle,
    valueAxisTitle: chart.valueAxisTitle,
    valueAxisNumberFormat: block.valueAxisNumberFormat,
    reverseCategories: block.reverseCategories,
    seriesBy: "columns",
    series: block.series,
    position: { from, to },
    sheet: "summary",
    showLegend: block.series.length > 1,
  };
}

/** Lays out the summary sheet; charts read the blocks already placed on the data sheet. */
export function buildSummarySheet(summary: PortfolioSummary, blocks: Map<string, ChartBlock>): PlannedSheet {
  const page = new SummaryPage(summary, blocks);
  const claimed = new Set<string>(summary.programmes.flatMap((p) => p.chartIds));
  page.title();
  page.kpiTiles();
  page.freshness();
  page.workstreamStatus(claimed);
  for (const section of [...summary.programmes].sort((a, b) => a.number - b.number)) page.programme(section);
  page.variances();
  page.dataProblems();
  page.definitions();
  const footer = page.footer();
  return page.build(footer);
}
