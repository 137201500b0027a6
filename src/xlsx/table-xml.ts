// SpreadsheetML parts ExcelJS does not write the way the plan needs them: Excel tables (xl/tables/tableN.xml, over
// cells already written) and links to places in the workbook (<hyperlink location>, no relationship). Each element
// goes where the CT_Worksheet sequence of ECMA-376 puts it.
import { quoteSheetName } from "../core/a1";
import type { PlannedLink, PlannedTable, SheetKey } from "../layout/plan";
import { escapeXml } from "./chart-xml";

export const TABLE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
export const TABLE_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Excel's rules for a table name: a letter or underscore first, then letters, digits, dots and underscores. */
function validTableName(name: string): boolean {
  return (
    /^[A-Za-z_][A-Za-z0-9_.]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name)
  );
}

/** A table part: `id` unique in the workbook; the header row is the range's first row. */
export function tableXml(table: PlannedTable, id: number): string {
  if (!validTableName(table.name)) throw new Error(`"${table.name}" is not a name Excel accepts for a table`);
  const columns = table.columns
    .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeXml(name)}"/>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ` +
    `ref="${table.range}" totalsRowShown="0">` +
    `<autoFilter ref="${table.range}"/>` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    "</table>"
  );
}

/** CT_Worksheet's elements in order, from <hyperlinks> on. */
const SEQUENCE = [
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Inserts `element` (whose tag is in SEQUENCE) before the first element the schema puts after it. */
export function insertInSequence(sheetXml: string, tag: string, element: string): string {
  const after = SEQUENCE.slice(SEQUENCE.indexOf(tag) + 1);
  if (new RegExp(`<${tag}[\\s/>]`).test(sheetXml)) throw new Error(`The worksheet already has <${tag}>`);
  let at = -1;
  for (const t of after) {
    const m = new RegExp(`<${t}[\\s/>]`).exec(sheetXml);
    if (m && (at === -1 || m.index < at)) at = m.index;
  }
  if (at === -1) at = sheetXml.lastIndexOf("</worksheet>");
  if (at === -1) throw new Error("Worksheet XML has no closing tag");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** <tableParts> for the relationship ids of a sheet's tables. */
export function tablePartsXml(relIds: readonly string[]): string {
  return `<tableParts count="${relIds.length}">${relIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
}

/** <hyperlinks> to places in the workbook, each named by the sheet's final name. */
export function hyperlinksXml(links: readonly PlannedLink[], names: Record<SheetKey, string>): string {
  const items = links
    .map((l) => {
      const location = `${quoteSheetName(names[l.target.sheet])}!${l.target.cell}`;
      return `<hyperlink ref="${l.cell}" location="${escapeXml(location)}"/>`;
    })
    .join("");
  return `<hyperlinks>${items}</hyperlinks>`;
}
