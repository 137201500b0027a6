// Writes a sheet plan to an .xlsx file: cells and formatting with ExcelJS, then native charts added to the package
// with JSZip (ExcelJS writes no charts). The plan is the only input, so the file matches what the add-in draws.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAddress } from "../core/a1";
import type { CellStyle, ConditionalFormatSpec, PlannedSheet, SheetPlan } from "../layout/plan";
import {
  CONTENT_TYPES,
  REL_TYPES,
  chartSpaceXml,
  drawingXml,
  relationshipsXml,
  resolveChart,
  cellsOf,
  type Relationship,
  type SheetNames,
} from "./chart-xml";
import {
  TABLE_CONTENT_TYPE,
  TABLE_REL_TYPE,
  hyperlinksXml,
  insertInSequence,
  tablePartsXml,
  tableXml,
} from "./table-xml";

/**
 * Merges every range, checking overlaps in linear time. ExcelJS's own mergeCells compares each new merge with every
 * earlier one (quadratic: 7,000 merges on a large tracker's page took seconds), so each merge is made against an
 * empty merge index and the index is put back whole afterwards. Relies on ExcelJS 4.4's `_merges` field.
 */
function mergeAll(ws: ExcelJS.Worksheet, ranges: readonly string[]): void {
  const internal = ws as unknown as { _merges: Record<string, unknown> };
  const merged = new Set<string>();
  const index: Record<string, unknown> = { ...internal._merges };
  for (const range of ranges) {
    for (const ref of cellsOf(range)) {
      const key = `${ref.row},${ref.col}`;
      if (merged.has(key)) throw new Error(`The sheet plan merges ${range} over an earlier merge`);
      merged.add(key);
    }
    internal._merges = {};
    ws.mergeCells(range);
    Object.assign(index, internal._merges);
  }
  internal._merges = index;
}

export interface WritePlanOptions {
  /** Author recorded in the file's properties. */
  creator?: string;
}

/** Every cell gets a named font, so the page looks the same on machines whose default font differs. */
const DEFAULT_FONT = { name: "Calibri", size: 11 } as const;

const A4_PAPER_SIZE = 9;

// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The plan's horizontal alignments as ExcelJS names them; centre across selection is "centerContinuous". */
const H_ALIGN = {
  left: "left",
  center: "center",
  right: "right",
  centerAcrossSelection: "centerContinuous",
} as const satisfies Record<NonNullable<CellStyle["horizontalAlignment"]>, string>;

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ and not blank. Names are made unique. */
export function sheetNamesFor(plan: SheetPlan): SheetNames {
  const used = new Set<string>();
  const names = {} as SheetNames;
  for (const sheet of plan.sheets) {
    const base =
      sheet.name
        .replace(/[[\]:*?/\\]/g, " ")
        .trim()
        .slice(0, 31) || "Sheet";
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    names[sheet.key] = name;
  }
  return names;
}

/** Later style entries override earlier ones property by property; borders side by side. */
function mergeStyle(into: CellStyle, next: CellStyle): CellStyle {
  return {
    ...into,
    ...next,
    font: next.font || into.font ? { ...into.font, ...next.font } : undefined,
    borders: next.borders || into.borders ? { ...into.borders, ...next.borders } : undefined,
  };
}

function effectiveStyles(sheet: Pick<PlannedSheet, "styles">): Map<string, CellStyle> {
  const byCell = new Map<string, CellStyle>();
  for (const { range, style } of sheet.styles) {
    for (const { col, row } of cellsOf(range)) {
      const key = cellAddress(row, col);
      byCell.set(key, mergeStyle(byCell.get(key) ?? {}, style));
    }
  }
  return byCell;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  const f = style?.font;
  cell.font = {
    name: f?.name ?? DEFAULT_FONT.name,
    size: f?.size ?? DEFAULT_FONT.size,
    bold: f?.bold ?? false,
    italic: f?.italic ?? false,
    underline: f?.underline ?? false,
    ...(f?.color ? { color: { argb: argb(f.color) } } : {}),
  };
  if (!style) return;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontalAlignment || style.verticalAlignment || style.wrapText || style.indent) {
    cell.alignment = {
      ...(style.horizontalAlignment ? { horizontal: H_ALIGN[style.horizontalAlignment] } : {}),
      ...(style.verticalAlignment
        ? { vertical: style.verticalAlignment === "center" ? "middle" : style.verticalAlignment }
        : {}),
      ...(style.wrapText ? { wrapText: true } : {}),
      ...(style.indent ? { indent: style.indent } : {}),
    };
  }
  if (style.borders) {
    const border: Partial<ExcelJS.Borders> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const b = style.borders[side];
      if (b) border[side] = { style: b.style, color: { argb: argb(b.color) } };
    }
    cell.border = border;
  }
}

function conditionalRule(cf: ConditionalFormatSpec, priority: number): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {
    ...(cf.style.fill
      ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } } }
      : {}),
    ...(cf.style.fontColor || cf.style.bold
      ? {
          font: {
            ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}),
            ...(cf.style.bold ? { bold: true } : {}),
          },
        }
      : {}),
  };
  const rule = cf.rule;
  if (rule.type === "textContains") {
    // Written as the expression Excel itself stores for "text contains": ExcelJS's containsText rule omits the
    // operator and text attributes Excel expects. The formula is relative to the range's top-left cell.
    const topLeft = cf.range.split(":")[0].replace(/\$/g, "");
    const text = rule.text.replace(/"/g, '""');
    return { type: "expression", formulae: [`NOT(ISERROR(SEARCH("${text}",${topLeft})))`], priority, style };
  }
  const formulae = rule.formula2 !== undefined ? [rule.formula1, rule.formula2] : [rule.formula1];
  return {
    type: "cellIs",
    operator: rule.operator as ExcelJS.CellIsOperators,
    formulae,
    priority,
    style,
  };
}

/** Plan footer text is plain: "&" would start a header/footer code in Excel, so it is doubled. */
const footerText = (text: string) => `&C${text.replace(/&/g, "&&")}`;

function writeSheet(workbook: ExcelJS.Workbook, sheet: Omit<PlannedSheet, "key">, name: string): void {
  const ws = workbook.addWorksheet(name, {
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: [
      sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
        ? {
            state: "frozen",
            xSplit: sheet.freeze.columns,
            ySplit: sheet.freeze.rows,
            showGridLines: sheet.showGridlines,
          }
        : { state: "normal", showGridLines: sheet.showGridlines },
    ],
  });

  for (const { column, width } of sheet.columnWidths) ws.getColumn(column + 1).width = width;
  for (const { row, height } of sheet.rowHeights) ws.getRow(row).height = height;

  const styles = effectiveStyles(sheet);
  const formats = new Map<string, string>();
  for (const { range, format } of sheet.numberFormats) {
    for (const { col, row } of cellsOf(range)) formats.set(cellAddress(row, col), format);
  }

  // Every cell that has a value, a style or a format is written; others stay absent to keep the file small.
  const addresses = new Set<string>([...styles.keys(), ...formats.keys()]);
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) addresses.add(cellAddress(r, c));
    }),
  );
  for (const address of addresses) {
    const cell = ws.getCell(address);
    const ref = cellsOf(address)[0];
    const value = sheet.values[ref.row]?.[ref.col] ?? null;
    // Strings are always written as text: a tracker value such as "=HYPERLINK(...)" must never become a formula.
    if (typeof value === "string") cell.value = value.replace(INVALID_XML_CHARS, "");
    else if (typeof value === "number") cell.value = Number.isFinite(value) ? value : null;
    else cell.value = value;
    const format = formats.get(address);
    if (format) cell.numFmt = format;
    applyStyle(cell, styles.get(address));
  }

  mergeAll(ws, sheet.merges);

  sheet.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({ ref: cf.range, rules: [conditionalRule(cf, i + 1)] }),
  );

  const print = sheet.print;
  if (print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: A4_PAPER_SIZE,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToPagesWide,
      // 0 = as many pages tall as needed.
      fitToHeight: 0,
      printArea: print.printArea,
      ...(print.titleRows ? { printTitlesRow: print.titleRows } : {}),
      ...(print.margins ? { margins: print.margins } : {}),
      horizontalCentered: print.centerHorizontally ?? false,
    };
    for (const row of print.rowBreaks) ws.getRow(row).addPageBreak();
    if (print.footer) {
      ws.headerFooter = { ...ws.headerFooter, oddFooter: footerText(print.footer) };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Charts: post-processing the package ExcelJS wrote.

/** Inserts <drawing r:id> where the schema wants it: after pageSetup/headerFooter/rowBreaks, before tableParts. */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  if (!/<worksheet[^>]*\sxmlns:r=/.test(xml)) {
    xml = xml.replace(
      /<worksheet\b/,
      `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`,
    );
  }
  return insertInSequence(xml, "drawing", `<drawing r:id="${relId}"/>`);
}

function parseRels(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? "";
    rels.push({ id: attr("Id"), type: attr("Type"), target: attr("Target") });
  }
  return rels;
}

function freeRelId(rels: Relationship[]): string {
  const ids = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Sheet name -> worksheet part path ("xl/worksheets/sheet1.xml"), read from the workbook and its rels. */
async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = parseRels(await zip.file("xl/_rels/workbook.xml.rels")!.async("string"));
  const byId = new Map(rels.map((r) => [r.id, r.target]));
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const target = id ? byId.get(id) : undefined;
    if (name === undefined || !target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    parts.set(unescapeXml(name), path);
  }
  return parts;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function addOverride(contentTypes: string, partName: string, contentType: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  return contentTypes.replace(
    "</Types>",
    `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`,
  );
}

/** A sheet's relationships part and its relationships (ExcelJS may have written some: they are kept). */
async function sheetRels(zip: JSZip, sheetPath: string): Promise<{ path: string; rels: Relationship[] }> {
  const sheetFile = sheetPath.split("/").pop()!;
  const path = sheetPath.replace(sheetFile, `_rels/${sheetFile}.rels`);
  const existing = zip.file(path);
  return { path, rels: existing ? parseRels(await existing.async("string")) : [] };
}

/** Adds what ExcelJS does not write: native charts, Excel tables and links to places in the workbook. */
async function addParts(
  bytes: ArrayBuffer | Uint8Array,
  plan: SheetPlan,
  names: SheetNames,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await worksheetParts(zip);
  let contentTypes = await zip.file("[Content_Types].xml")!.async("string");
  let chartNo = 0;
  let drawingNo = 0;
  let tableNo = 0;

  for (const sheet of plan.sheets) {
    const tables = sheet.tables ?? [];
    const links = sheet.links ?? [];
    if (tables.length === 0 && links.length === 0) continue;
    const sheetPath = parts.get(names[sheet.key]);
    if (!sheetPath) throw new Error(`The written workbook has no sheet "${names[sheet.key]}"`);
    let sheetXml = await zip.file(sheetPath)!.async("string");
    if (links.length > 0) sheetXml = insertInSequence(sheetXml, "hyperlinks", hyperlinksXml(links, names));
    if (tables.length > 0) {
      const rels = await sheetRels(zip, sheetPath);
      const ids = tables.map((table) => {
        tableNo++;
        const path = `xl/tables/table${tableNo}.xml`;
        zip.file(path, tableXml(table, tableNo));
        contentTypes = addOverride(contentTypes, `/${path}`, TABLE_CONTENT_TYPE);
        const id = freeRelId(rels.rels);
        rels.rels.push({ id, type: TABLE_REL_TYPE, target: `../tables/table${tableNo}.xml` });
        return id;
      });
      zip.file(rels.path, relationshipsXml(rels.rels));
      if (!/<worksheet[^>]*\sxmlns:r=/.test(sheetXml))
        sheetXml = sheetXml.replace(
          /<worksheet\b/,
          `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`,
        );
      sheetXml = insertInSequence(sheetXml, "tableParts", tablePartsXml(ids));
    }
    zip.file(sheetPath, sheetXml);
  }

  for (const sheet of plan.sheets) {
    if (sheet.charts.length === 0) continue;
    const sheetPath = parts.get(names[sheet.key]);
    if (!sheetPath) throw new Error(`The written workbook has no sheet "${names[sheet.key]}"`);
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;

    const drawingRels: Relationship[] = [];
    const anchors = sheet.charts.map((spec) => {
      chartNo++;
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartSpaceXml(resolveChart(plan, spec, names)));
      contentTypes = addOverride(contentTypes, `/${chartPath}`, CONTENT_TYPES.chart);
      const relId = `rId${drawingRels.length + 1}`;
      drawingRels.push({ id: relId, type: REL_TYPES.chart, target: `../charts/chart${chartNo}.xml` });
      return { spec, relId };
    });
    zip.file(drawingPath, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relationshipsXml(drawingRels));
    contentTypes = addOverride(contentTypes, `/${drawingPath}`, CONTENT_TYPES.drawing);

    // The sheet may already have relationships (its tables, ExcelJS's own): keep them, add ours.
    const rels = await sheetRels(zip, sheetPath);
    const drawingRelId = freeRelId(rels.rels);
    rels.rels.push({
      id: drawingRelId,
      type: REL_TYPES.drawing,
      target: `../drawings/drawing${drawingNo}.xml`,
    });
    zip.file(rels.path, relationshipsXml(rels.rels));

    const sheetXml = await zip.file(sheetPath)!.async("string");
    zip.file(sheetPath, insertDrawingElement(sheetXml, drawingRelId));
  }

  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Writes every sheet of the plan, with native charts, and returns the .xlsx bytes. */
export async function writePlanXlsx(plan: SheetPlan, options: WritePlanOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "Portfolio Summary";
  if (plan.properties) {
    workbook.title = plan.properties.title;
    workbook.subject = plan.properties.subject;
    workbook.keywords = plan.properties.keywords;
  }
  const names = sheetNamesFor(plan);
  for (const sheet of plan.sheets) writeSheet(workbook, sheet, names[sheet.key]);
  // The history sheet, whole: the rows recorded before and this refresh's block (the add-in appends instead).
  if (plan.history) writeSheet(workbook, plan.history.sheet, plan.history.sheet.name);
  const bytes = await workbook.xlsx.writeBuffer();
  const extra = plan.sheets.some((s) => s.charts.length > 0 || s.tables?.length || s.links?.length);
  return extra ? addParts(bytes as ArrayBuffer, plan, names) : new Uint8Array(bytes as ArrayBuffer);
}
