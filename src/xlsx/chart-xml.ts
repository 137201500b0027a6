// Native Excel charts as DrawingML text: chart parts, the drawing that anchors them, and their relationships.
// Pure string building from the plan's ChartSpecs, so any renderer (ExcelJS file, tests, previews) shares one shape.
import type { ChartSpec, ChartType, PlanRange, PlanValue, SheetKey, SheetPlan } from "../layout/plan";
import { columnLetters, parseCellAddress, parseRangeAddress, quoteSheetName } from "../core/a1";

const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  officeRels: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

export const CONTENT_TYPES = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
} as const;

export const REL_TYPES = {
  chart: `${NS.officeRels}/chart`,
  drawing: `${NS.officeRels}/drawing`,
} as const;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot carry at all (control characters other than tab, line feed, carriage return). */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for element content and double-quoted attributes (the only kind written here), dropping characters
 * XML cannot hold. Apostrophes stay literal so series formulas read as Excel writes them ('Sheet name'!$A$1).
 */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

// ---------------------------------------------------------------------------------------------------------------
// A1 addresses: the core's parsing, throwing here because a bad address is a fault in the plan

export interface CellRef {
  /** 0-based column. */
  col: number;
  /** 0-based row. */
  row: number;
}

/** "B2" -> { col: 1, row: 1 }. Throws on text that is not a cell address (a fault in the plan, not the tracker). */
export function parseCell(address: string): CellRef {
  const cell = parseCellAddress(address);
  if (!cell) throw new Error(`Not an A1 cell address: "${address}"`);
  return cell;
}

/** "A2:C4" (or a single cell "B3") -> its top-left and bottom-right corners, normalised. */
function parseRange(range: string): { from: CellRef; to: CellRef } {
  const corners = parseRangeAddress(range);
  if (!corners) throw new Error(`Not an A1 range address: "${range}"`);
  return { from: { col: corners.left, row: corners.top }, to: { col: corners.right, row: corners.bottom } };
}

/** Cells of a range in reading order (row by row). */
export function cellsOf(range: string): CellRef[] {
  const { from, to } = parseRange(range);
  const out: CellRef[] = [];
  for (let row = from.row; row <= to.row; row++) {
    for (let col = from.col; col <= to.col; col++) out.push({ col, row });
  }
  return out;
}

/** Sheet-qualified absolute reference, as chart series formulas need: 'Portfolio Summary Data'!$B$2:$B$13. */
export function sheetRangeFormula(sheetName: string, range: string): string {
  const { from, to } = parseRange(range);
  const abs = (c: CellRef) => `$${columnLetters(c.col)}$${c.row + 1}`;
  const body = from.col === to.col && from.row === to.row ? abs(from) : `${abs(from)}:${abs(to)}`;
  return `${quoteSheetName(sheetName)}!${body}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Resolving a ChartSpec against the plan: formulas plus the cached values viewers draw without recalculating.

export interface ResolvedSeries {
  name: string;
  /** "RRGGBB", as DrawingML writes it: the plan's colour. */
  colour: string;
  /** Formula of the cell holding the name, when the spec gives one. */
  nameFormula: string | null;
  categories: {
    formula: string;
    kind: "str" | "num";
    formatCode: string;
    points: (string | number | null)[];
  };
  values: { formula: string; formatCode: string; points: (number | null)[] };
}

export interface ResolvedChart {
  spec: ChartSpec;
  series: ResolvedSeries[];
}

/** Maps plan sheet keys to the names the renderer gave the sheets. */
export type SheetNames = Record<SheetKey, string>;

function planSheet(plan: SheetPlan, key: SheetKey) {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`The plan has no "${key}" sheet, but a chart refers to it`);
  return sheet;
}

function valuesAt(plan: SheetPlan, ref: PlanRange): PlanValue[] {
  const sheet = planSheet(plan, ref.sheet);
  return cellsOf(ref.range).map(({ col, row }) => sheet.values[row]?.[col] ?? null);
}

/** Number format in force for a cell: the last plan entry covering it wins, as in the renderer. */
function formatAt(plan: SheetPlan, ref: PlanRange): string {
  const sheet = planSheet(plan, ref.sheet);
  const first = parseRange(ref.range).from;
  let format = "General";
  for (const nf of sheet.numberFormats) {
    const { from, to } = parseRange(nf.range);
    if (first.col >= from.col && first.col <= to.col && first.row >= from.row && first.row <= to.row) {
      format = nf.format;
    }
  }
  return format;
}

function nameOf(names: SheetNames, key: SheetKey): string {
  const name = names[key];
  if (!name) throw new Error(`No sheet name was given for the "${key}" sheet`);
  return name;
}

/** Resolves every series of a chart to sheet-qualified formulas and the plan's current values. */
export function resolveChart(plan: SheetPlan, spec: ChartSpec, names: SheetNames): ResolvedChart {
  const series = spec.series.map((s): ResolvedSeries => {
    const catValues = valuesAt(plan, s.categories);
    // Text categories (month labels, programme names) need a string cache; dates stored as serials stay numeric.
    const kind = catValues.some((v) => typeof v === "string") ? "str" : "num";
    return {
      name: s.name,
      colour: s.color.replace(/^#/, "").toUpperCase(),
      nameFormula: s.nameRef ? sheetRangeFormula(nameOf(names, s.nameRef.sheet), s.nameRef.range) : null,
      categories: {
        formula: sheetRangeFormula(nameOf(names, s.categories.sheet), s.categories.range),
        kind,
        formatCode: formatAt(plan, s.categories),
        points: catValues.map((v) =>
          v === null ? null : kind === "str" ? String(v) : typeof v === "number" ? v : null,
        ),
      },
      values: {
        formula: sheetRangeFormula(nameOf(names, s.values.sheet), s.values.range),
        formatCode: formatAt(plan, s.values),
        points: valuesAt(plan, s.values).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)),
      },
    };
  });
  return { spec, series };
}

// ---------------------------------------------------------------------------------------------------------------
// Chart part

// The colour of each series is the plan's (src/layout/chart-style.ts); kept reachable here for the writer's tests.
export { seriesColour } from "../layout/chart-style";

const FONT = "Calibri";

function richText(text: string, opts: { size: number; bold: boolean; rotate?: boolean }): string {
  const bodyPr = opts.rotate ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  const rPr = `sz="${opts.size * 100}" b="${opts.bold ? 1 : 0}"`;
  return (
    `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr ${rPr}>` +
    `<a:solidFill><a:srgbClr val="262626"/></a:solidFill><a:latin typeface="${FONT}"/></a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" ${rPr}><a:solidFill><a:srgbClr val="262626"/></a:solidFill>` +
    `<a:latin typeface="${FONT}"/></a:rPr><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, opts: { size: number; bold: boolean; rotate?: boolean }): string {
  return `<c:title>${richText(text, opts)}<c:overlay val="0"/></c:title>`;
}

function strCache(points: (string | number | null)[]): string {
  const pts = points
    .map((p, i) => (p === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(p))}</c:v></c:pt>`))
    .join("");
  return `<c:strCache><c:ptCount val="${points.length}"/>${pts}</c:strCache>`;
}

function numCache(points: (string | number | null)[], formatCode: string): string {
  const pts = points
    .map((p, i) => (typeof p === "number" ? `<c:pt idx="${i}"><c:v>${p}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode>` +
    `<c:ptCount val="${points.length}"/>${pts}</c:numCache>`
  );
}

function seriesXml(s: ResolvedSeries, index: number, type: ChartType): string {
  const colour = s.colour;
  const tx = s.nameFormula
    ? `<c:tx><c:strRef><c:f>${escapeXml(s.nameFormula)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`
    : `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
  const cat =
    s.categories.kind === "str"
      ? `<c:cat><c:strRef><c:f>${escapeXml(s.categories.formula)}</c:f>${strCache(s.categories.points)}</c:strRef></c:cat>`
      : `<c:cat><c:numRef><c:f>${escapeXml(s.categories.formula)}</c:f>` +
        `${numCache(s.categories.points, s.categories.formatCode)}</c:numRef></c:cat>`;
  const val =
    `<c:val><c:numRef><c:f>${escapeXml(s.values.formula)}</c:f>` +
    `${numCache(s.values.points, s.values.formatCode)}</c:numRef></c:val>`;
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${tx}`;
  if (type === "line") {
    const spPr =
      `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>` +
      `<a:round/></a:ln></c:spPr>`;
    const marker =
      `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="${colour}"/>` +
      `</a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr></c:marker>`;
    return `<c:ser>${head}${spPr}${marker}${cat}${val}<c:smooth val="0"/></c:ser>`;
  }
  // A thin white edge keeps adjacent stacked segments apart, also in greyscale print.
  const spPr =
    `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>` +
    '<a:ln w="6350"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr>';
  return `<c:ser>${head}${spPr}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
}

const CAT_AX_ID = 500000001;
const VAL_AX_ID = 500000002;

const AXIS_LINE =
  '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>' +
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:solidFill><a:srgbClr val="404040"/>` +
  `</a:solidFill><a:latin typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;

function axesXml(chart: ResolvedChart): string {
  const { spec } = chart;
  // Numeric categories are dates stored as serials: say their format outright, as LibreOffice does not follow the
  // source cells' format and would label the axis 45627.
  const categories = chart.series[0]?.categories;
  const catNumFmt =
    categories?.kind === "num" && categories.formatCode !== "General"
      ? `<c:numFmt formatCode="${escapeXml(categories.formatCode)}" sourceLinked="0"/>`
      : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  const horizontalBars = spec.type === "barStacked";
  const reversed = spec.reverseCategories;
  const valueFormat = spec.valueAxisNumberFormat;
  const valNumFmt = valueFormat
    ? `<c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="0"/>`
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX_ID}"/><c:scaling><c:orientation val="${reversed ? "maxMin" : "minMax"}"/>` +
    `</c:scaling><c:delete val="0"/><c:axPos val="${horizontalBars ? "l" : "b"}"/>` +
    (spec.categoryAxisTitle
      ? title(spec.categoryAxisTitle, { size: 9, bold: false, rotate: horizontalBars })
      : "") +
    catNumFmt +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    // "low" keeps category labels at the chart's edge, clear of negative bars (e.g. the HNB net position).
    `<c:tickLblPos val="low"/>${AXIS_LINE}<c:crossAx val="${VAL_AX_ID}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontalBars ? "b" : "l"}"/>` +
    '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln>' +
    "</c:spPr></c:majorGridlines>" +
    (spec.valueAxisTitle
      ? title(spec.valueAxisTitle, { size: 9, bold: false, rotate: !horizontalBars })
      : "") +
    `${valNumFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${AXIS_LINE}<c:crossAx val="${CAT_AX_ID}"/>` +
    // With categories reversed (maxMin), the value axis must cross at the far end to stay at the bottom.
    `<c:crosses val="${reversed ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

function plotXml(chart: ResolvedChart): string {
  const { spec } = chart;
  const series = chart.series.map((s, i) => seriesXml(s, i, spec.type)).join("");
  const axIds = `<c:axId val="${CAT_AX_ID}"/><c:axId val="${VAL_AX_ID}"/>`;
  if (spec.type === "line") {
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`;
  }
  const barDir = spec.type === "barStacked" ? "bar" : "col";
  const stacked = spec.type === "barStacked" || spec.type === "columnStacked";
  return (
    `<c:barChart><c:barDir val="${barDir}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/>` +
    `<c:varyColors val="0"/>${series}<c:gapWidth val="${stacked ? 60 : 80}"/>` +
    // Stacked bars must overlap fully or Excel draws them side by side.
    `${stacked ? '<c:overlap val="100"/>' : ""}${axIds}</c:barChart>`
  );
}

/** The chart part (xl/charts/chartN.xml): a complete c:chartSpace document. */
export function chartSpaceXml(chart: ResolvedChart): string {
  const { spec } = chart;
  const legend = spec.showLegend
    ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>` +
      `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="${FONT}"/></a:defRPr>` +
      `</a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr></c:legend>`
    : "";
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.officeRels}">` +
    '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>' +
    "<c:chart>" +
    (spec.title ? title(spec.title, { size: 12, bold: true }) : "") +
    `<c:autoTitleDeleted val="${spec.title ? 0 : 1}"/>` +
    `<c:plotArea><c:layout/>${plotXml(chart)}${axesXml(chart)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    "</c:chart>" +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill>' +
    '<a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>' +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr><a:latin typeface="${FONT}"/></a:defRPr></a:pPr>` +
    '<a:endParaRPr lang="en-GB"/></a:p></c:txPr>' +
    "</c:chartSpace>"
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing part and relationships

export interface ChartAnchor {
  spec: ChartSpec;
  /** Relationship id of the chart part, from the drawing's _rels. */
  relId: string;
}

/**
 * The drawing part (xl/drawings/drawingN.xml): one two-cell anchor per chart. `position.to` names the last cell the
 * chart covers, so the anchor ends at that cell's bottom-right corner (the start of the next column and row).
 */
export function drawingXml(anchors: ChartAnchor[]): string {
  const body = anchors
    .map(({ spec, relId }, i) => {
      const from = parseCell(spec.position.from);
      const last = parseCell(spec.position.to);
      const marker = (tag: string, col: number, row: number) =>
        `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
        `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        marker("from", from.col, from.row) +
        marker("to", last.col + 1, last.row + 1) +
        '<xdr:graphicFrame macro="">' +
        // descr is the alternative text screen readers announce for the chart.
        `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(spec.id)}" descr="${escapeXml(spec.altText || spec.title)}" title="${escapeXml(spec.title)}"/>` +
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS.chart}">` +
        `<c:chart xmlns:c="${NS.chart}" r:id="${escapeXml(relId)}"/>` +
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
      );
    })
    .join("");
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.officeRels}">` +
    `${body}</xdr:wsDr>`
  );
}

export interface Relationship {
  id: string;
  type: string;
  /** Target relative to the owning part's folder, e.g. "../charts/chart1.xml". */
  target: string;
}

/** A _rels part listing the given relationships. */
export function relationshipsXml(rels: Relationship[]): string {
  const body = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`,
    )
    .join("");
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRels}">${body}</Relationships>`;
}
