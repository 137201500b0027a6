// The page's look in one place: fonts, palette, RAG fills, number formats. Renderers apply these literally.
// RAG fills are chosen so the five grades differ in luminance (they read in greyscale print) and each has a
// text colour with at least 4.5:1 contrast; the word is always written in the cell as well (WCAG 1.4.1).
import type { CellStyle } from "./plan";
import type { DisplayUnit, KpiStatus, KpiUnit, RagGrade, Severity } from "../core/model";
import { statusText } from "../core/wording";

const FONT_NAME = "Calibri";

export const FONT_SIZE = {
  title: 16,
  heading: 13,
  subheading: 11,
  body: 10,
  small: 9,
  kpiValue: 22,
} as const;

export const PALETTE = {
  navy: "#1F3864",
  white: "#FFFFFF",
  black: "#000000",
  text: "#1A1A1A",
  muted: "#595959",
  band: "#F2F2F2",
  headerFill: "#D9E1F2",
  border: "#BFBFBF",
  adverse: "#C00000",
  favourable: "#006100",
  warningFill: "#FFEB9C",
  warningText: "#5C4A00",
  errorFill: "#FFC7CE",
  errorText: "#9C0006",
  /** Excel's own hyperlink blue. */
  link: "#0563C1",
} as const;

/** Fill and text colour per RAG grade, lightest to darkest: Amber, Amber/Green, Amber/Red, Green, Red. */
export const RAG_COLOURS: Record<RagGrade, { fill: string; text: string }> = {
  Green: { fill: "#2E7D32", text: PALETTE.white },
  "Amber/Green": { fill: "#A9D08E", text: PALETTE.black },
  Amber: { fill: "#FFE699", text: PALETTE.black },
  "Amber/Red": { fill: "#E97A2B", text: PALETTE.black },
  Red: { fill: "#7A0000", text: PALETTE.white },
};

/** A grade that could not be read: no fill, so the word alone carries it. */
const RAG_UNKNOWN = { fill: PALETTE.band, text: PALETTE.text } as const;

export const NUMBER_FORMATS = {
  count: "#,##0",
  countOneDecimal: "#,##0.0",
  signedCount: "+#,##0;-#,##0;0",
  /** Headline money: pounds stored, shown in millions with two decimals. */
  moneyMillions: '"£"#,##0.00,,"m"',
  signedMoneyMillions: '+"£"#,##0.00,,"m";-"£"#,##0.00,,"m";"£"0.00"m"',
  /** Finance tables: negatives in brackets, as finance officers read them. */
  financeMillions: '"£"#,##0.00,,"m";("£"#,##0.00,,"m");"£"0.00"m"',
  financePounds: '"£"#,##0;("£"#,##0);"£"0',
  share: "0.00%",
  shareAxis: "0.0%",
  /** Share gaps: the fraction × 100 is stored, so the cell holds percentage points. */
  pp: '+0.00" pp";-0.00" pp";0.00" pp"',
  date: "dd/mm/yyyy",
  month: "mmm-yy",
  integer: "0",
  text: "@",
} as const;

/** Below this size money reads better in whole pounds (an average cost of £24,650 is not "£0.02m"). */
const MILLIONS_FROM = 100_000;

/** The number format of a table or chart column, given every value it will show (money picks its scale). */
export function formatForUnit(unit: DisplayUnit, values: readonly unknown[] = []): string | null {
  const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  switch (unit) {
    case "count":
      return numbers.every(Number.isInteger) ? NUMBER_FORMATS.count : NUMBER_FORMATS.countOneDecimal;
    case "signed_count":
      return NUMBER_FORMATS.signedCount;
    case "money":
      return numbers.some((n) => Math.abs(n) >= MILLIONS_FROM)
        ? NUMBER_FORMATS.financeMillions
        : NUMBER_FORMATS.financePounds;
    case "share":
      return NUMBER_FORMATS.share;
    case "pp":
      return NUMBER_FORMATS.pp;
    case "month":
      return NUMBER_FORMATS.month;
    case "date":
      return NUMBER_FORMATS.date;
    case "text":
      return null;
  }
}

/** Headline (tile) format of a KPI value. */
export function kpiValueFormat(unit: KpiUnit): string {
  if (unit === "money") return NUMBER_FORMATS.moneyMillions;
  if (unit === "share") return NUMBER_FORMATS.share;
  return NUMBER_FORMATS.count;
}

/** Format of a KPI variance; share variances are stored in percentage points. */
export function kpiVarianceFormat(unit: KpiUnit): string {
  if (unit === "money") return NUMBER_FORMATS.signedMoneyMillions;
  if (unit === "share") return NUMBER_FORMATS.pp;
  return NUMBER_FORMATS.signedCount;
}

const thin = { style: "thin", color: PALETTE.border } as const;
export const BOX_BORDERS: NonNullable<CellStyle["borders"]> = {
  top: thin,
  bottom: thin,
  left: thin,
  right: thin,
};

const font = (size: number, extra: NonNullable<CellStyle["font"]> = {}): NonNullable<CellStyle["font"]> => ({
  name: FONT_NAME,
  size,
  color: PALETTE.text,
  ...extra,
});

// Named styles: the page's blocks take their looks from here and write none of their own, so a change of look is
// made once. Every style sets the font name so hosts never fall back to their default.

const body = { font: font(FONT_SIZE.body), verticalAlignment: "top" } satisfies CellStyle;
const label = {
  font: font(FONT_SIZE.body, { bold: true, color: PALETTE.navy }),
  verticalAlignment: "center",
} satisfies CellStyle;
const wrapped = { ...body, wrapText: true } satisfies CellStyle;
const note = {
  font: font(FONT_SIZE.small, { italic: true, color: PALETTE.muted }),
  verticalAlignment: "top",
  wrapText: true,
} satisfies CellStyle;
const tableCell = {
  font: font(FONT_SIZE.body),
  verticalAlignment: "top",
  wrapText: true,
  borders: BOX_BORDERS,
} satisfies CellStyle;
const tableNumber = {
  font: font(FONT_SIZE.body),
  verticalAlignment: "top",
  horizontalAlignment: "right",
  borders: BOX_BORDERS,
} satisfies CellStyle;
const tileBody = {
  font: font(FONT_SIZE.body),
  fill: PALETTE.band,
  verticalAlignment: "center",
  indent: 1,
} satisfies CellStyle;
const tileValue = {
  font: font(FONT_SIZE.kpiValue, { bold: true, color: PALETTE.navy }),
  fill: PALETTE.band,
  verticalAlignment: "center",
  horizontalAlignment: "left",
  indent: 1,
} satisfies CellStyle;
const warning = {
  font: font(FONT_SIZE.body, { bold: true, color: PALETTE.warningText }),
  fill: PALETTE.warningFill,
  verticalAlignment: "center",
  wrapText: true,
} satisfies CellStyle;
const bodyBold = font(FONT_SIZE.body, { bold: true });

export const STYLES = {
  base: { font: font(FONT_SIZE.body), verticalAlignment: "top" },
  title: {
    font: font(FONT_SIZE.title, { bold: true, color: PALETTE.white }),
    fill: PALETTE.navy,
    verticalAlignment: "center",
    indent: 1,
  },
  pageName: {
    font: font(FONT_SIZE.heading, { bold: true, color: PALETTE.navy }),
    verticalAlignment: "center",
  },
  label,
  labelLeft: { ...label, horizontalAlignment: "left" },
  labelRight: { ...label, horizontalAlignment: "right" },
  body,
  bodyBold: { ...body, font: bodyBold },
  wrapped,
  /** The line beside the overall RAG saying who set it. */
  ragBasis: { ...body, verticalAlignment: "center", indent: 1 },
  /** One reason for the computed RAG, under it. */
  reason: { ...body, wrapText: true, indent: 1 },
  note,
  sectionHeading: {
    font: font(FONT_SIZE.heading, { bold: true, color: PALETTE.white }),
    fill: PALETTE.navy,
    verticalAlignment: "center",
    indent: 1,
  },
  subheading: {
    font: font(FONT_SIZE.subheading, { bold: true, color: PALETTE.navy }),
    verticalAlignment: "bottom",
    borders: { bottom: { style: "medium", color: PALETTE.navy } },
  },
  tableHeader: {
    font: font(FONT_SIZE.body, { bold: true, color: PALETTE.navy }),
    fill: PALETTE.headerFill,
    verticalAlignment: "center",
    wrapText: true,
    borders: BOX_BORDERS,
  },
  tableCell,
  tableCellBold: { ...tableCell, font: bodyBold },
  /** A text date in a table (one the page could not turn into a serial), left aligned as dates are. */
  tableDateText: { ...tableCell, horizontalAlignment: "left" },
  /** A note inside a table, boxed like its cells. */
  tableNote: { ...tableCell, ...note, borders: tableCell.borders },
  tableNumber,
  tableNumberBold: { ...tableNumber, font: bodyBold },
  tableNumberAdverse: { ...tableNumber, font: font(FONT_SIZE.body, { bold: true, color: PALETTE.adverse }) },
  tableDate: { ...tableNumber, horizontalAlignment: "left" },
  /** A score (1-5, or a risk score) centred in its column. */
  tableScore: { ...tableNumber, horizontalAlignment: "center" },
  tableScoreBold: { ...tableNumber, horizontalAlignment: "center", font: bodyBold },
  /** The totals row of a table. */
  totalCell: { ...tableCell, font: bodyBold, fill: PALETTE.band },
  totalNumber: { ...tableNumber, font: bodyBold, fill: PALETTE.band },
  /** A programme's key figure: large and navy beside its label. */
  keyFigure: { ...tableNumber, font: font(FONT_SIZE.subheading, { bold: true, color: PALETTE.navy }) },
  tileTitle: {
    font: font(FONT_SIZE.subheading, { bold: true, color: PALETTE.white }),
    fill: PALETTE.navy,
    verticalAlignment: "center",
    wrapText: true,
    indent: 1,
  },
  tileBody,
  /** A tile's labels ("Forecast to date:", "Variance:"). */
  tileLabel: { ...tileBody, font: font(FONT_SIZE.body, { color: PALETTE.muted }) },
  /** A tile's smaller figures (target, variance, as at). */
  tileFigure: { ...tileBody, font: bodyBold, horizontalAlignment: "left" },
  /** The engine's explanation under a tile's figures. */
  tileNote: { ...tileBody, ...note, fill: PALETTE.band },
  tileValue,
  /** A tile whose figure could not be computed: "Not available", smaller and muted. */
  tileValueMissing: {
    ...tileValue,
    font: font(FONT_SIZE.subheading, { bold: true, color: PALETTE.muted }),
  },
  warning,
  warningIndented: { ...warning, indent: 1 },
  /** "Not shown on this page": the section, then the reason beside it. */
  notComputedSection: { ...warning, verticalAlignment: "top" },
  notComputedReason: {
    ...warning,
    font: font(FONT_SIZE.body, { color: PALETTE.warningText }),
    verticalAlignment: "top",
  },
  freshnessValue: {
    ...body,
    font: bodyBold,
    verticalAlignment: "center",
    horizontalAlignment: "left",
  },
  freshnessNote: { ...note, verticalAlignment: "center" },
  wrappedBold: { ...wrapped, font: bodyBold },
  /** Why a part of the page is missing, where it would have been. */
  missingReason: { ...note, font: font(FONT_SIZE.body, { italic: true, color: PALETTE.muted }) },
  /** A paragraph of the "Figures in words" box: on a band, so it is never taken for the lead's narrative. */
  draftParagraph: { ...wrapped, fill: PALETTE.band, indent: 1 },
  /** "Chart not drawn — ...", where a chart would have been. */
  chartNotDrawn: { ...note, font: font(FONT_SIZE.body, { italic: true, color: PALETTE.muted }) },
  definitionTerm: { ...wrapped, font: font(FONT_SIZE.small, { bold: true, color: PALETTE.navy }) },
  definitionText: { ...wrapped, font: font(FONT_SIZE.small) },
  footer: { font: font(FONT_SIZE.small, { italic: true, color: PALETTE.muted }), verticalAlignment: "top" },
  /** The data sheet's heading. */
  dataTitle: {
    font: font(FONT_SIZE.heading, { bold: true, color: PALETTE.navy }),
    verticalAlignment: "center",
  },
  /** A table's title on the data sheet, in the cell above it. */
  dataTableTitle: {
    font: font(FONT_SIZE.subheading, { bold: true, color: PALETTE.navy }),
    verticalAlignment: "bottom",
  },
  /** A link to a place in the workbook. */
  link: { ...body, font: font(FONT_SIZE.body, { underline: true, color: PALETTE.link }) },
} satisfies Record<string, CellStyle>;

/** A status word in a KPI tile, large, in the status's colour. */
export function tileStatusStyle(color: string): CellStyle {
  return {
    font: font(FONT_SIZE.heading, { bold: true, color }),
    fill: PALETTE.band,
    verticalAlignment: "center",
    horizontalAlignment: "left",
  };
}

/** A status word in a table, bold in the status's colour. */
export function tableStatusStyle(color: string): CellStyle {
  return { ...tableCell, font: font(FONT_SIZE.body, { bold: true, color }) };
}

/** Fill and text colour of a severity in the data problems table: information needs no fill. */
const SEVERITY_COLOURS: Record<Severity, { fill?: string; text: string }> = {
  error: { fill: PALETTE.errorFill, text: PALETTE.errorText },
  warning: { fill: PALETTE.warningFill, text: PALETTE.warningText },
  info: { text: PALETTE.text },
};

/** The severity cell of a data problem. */
export function severityStyle(severity: Severity): CellStyle {
  const { fill, text } = SEVERITY_COLOURS[severity];
  return { ...tableCell, ...(fill ? { fill } : {}), font: font(FONT_SIZE.body, { bold: true, color: text }) };
}

/** A RAG cell: fill, contrasting bold text, centred; the caller writes the grade's word in it. */
export function ragStyle(grade: RagGrade | null, size: number = FONT_SIZE.body): CellStyle {
  const c = grade ? RAG_COLOURS[grade] : RAG_UNKNOWN;
  return {
    font: { name: FONT_NAME, size, bold: true, color: c.text },
    fill: c.fill,
    horizontalAlignment: "center",
    verticalAlignment: "center",
    wrapText: true,
    borders: BOX_BORDERS,
  };
}

const STATUS_COLOURS: Record<KpiStatus, string> = {
  adverse: PALETTE.adverse,
  favourable: PALETTE.favourable,
  on_target: PALETTE.navy,
};

/** Status flag of a KPI or variance: mark and word ("! Adverse"), never colour alone. */
export function statusFlag(status: KpiStatus | null): { text: string; color: string } {
  return { text: statusText(status), color: status ? STATUS_COLOURS[status] : PALETTE.muted };
}
