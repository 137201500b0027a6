// Finds a section's rows in the council's own layout: a sheet, an Excel table, months across the columns, or one
// sheet per programme. The result is a grid the reader reads like a template sheet, with every cell still
// addressed where it really is. A mapping that points at something no longer there gives an issue, never a throw.
import { parseRangeAddress, sheetCellAddress, sheetRowNumber, columnIndex, columnLetters } from "../a1";
import { makeIssue } from "../issues";
import type { Issue } from "../model";
import { parseMonth } from "../parse/dates";
import { headerIndex, normaliseHeader } from "../parse/headers";
import type { RawCell, RawSheet, RawWorkbook } from "../raw";
import type { ColumnSpec, SheetSpec } from "../template";
import type { SectionMapping, TrackerMapping } from "./format";

/** How far down the header row (or the month header row) is looked for, as in the template reader. */
const SEARCH_ROWS = 20;

/** A section's grid, located and ready to read row by row. */
export interface LocatedTable {
  /** The grid as read: a real sheet, the block of a table, or a rearranged view. Its name is the real sheet's. */
  sheet: RawSheet;
  /** Index into sheet.values of the header row. */
  headerRow: number;
  /** Template field -> index into the header row's columns; -1 when the column is absent or not mapped. */
  col: Record<string, number>;
  /** The real A1 address of grid cell (r, c), for rearranged grids ("" for a value that has no cell of its own). */
  addressOf?: (r: number, c: number) => string;
  /** How the grid was found, for previews and messages ("table RiskLog on sheet Governance"). */
  description: string;
}

/** Required fields the mapping leaves out on purpose, and what the summary cannot show without them. */
export interface Unmapped {
  field: string;
  header: string;
}

export interface LocatedSection {
  tables: LocatedTable[];
  /** Sheet name(s) the section was read from, for the summary's notes. */
  sheetName: string;
  /** Required fields deliberately not mapped (null in the mapping). */
  unmapped: Unmapped[];
}

const isBlank = (v: RawCell | undefined): boolean =>
  v === undefined || (typeof v === "string" && v.trim() === "");

const textOf = (v: RawCell | undefined): string =>
  typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";

/** Header text of values[r][c]; a blank under a header merged down over two rows takes the text above it. */
function headerAt(values: RawCell[][], r: number, c: number): string {
  const t = textOf(values[r]?.[c]);
  return t !== "" || r === 0 ? t : textOf(values[r - 1]?.[c]);
}

function mappingIssue(
  sheet: string,
  cell: string,
  message: string,
  severity: "error" | "warning" | "info",
): Issue {
  return makeIssue("missing_column", { sheet, cell }, message, { severity, advice: false });
}

const FIX_MAPPING =
  "Choose where it now is in the mapping step of the task pane (or edit the --mapping file); until then it is left out.";

// ---------------------------------------------------------------- months

const DATE_FORMAT_PART = /[dmy]/i;

/**
 * Whether a header cell holds a month: text such as "Apr-24" or "April 2024", or a date serial shown as a date.
 * A plain number counts only when its format shows a date, or (no format known) when it is a serial in 2000-2099,
 * so counts like 6353 are never taken for months.
 */
export function isMonthHeader(v: RawCell | undefined, fmt: string | undefined): boolean {
  if (v === undefined || typeof v === "boolean") return false;
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return false;
    const shown = (fmt ?? "").replace(/\[[^\]]*\]|"[^"]*"/g, "");
    const looksDate =
      shown !== "" && !/^general$/i.test(shown) && DATE_FORMAT_PART.test(shown) && !/[#0]/.test(shown);
    return looksDate || (fmt === undefined && v >= 36526 && v <= 73050);
  }
  const text = v.trim();
  if (text === "" || /^[\d.,\s%£]+$/.test(text)) return false;
  return parseMonth(text).ok;
}

/** The row (in the first 20) with the most month headers, and their columns; null when no row has two. */
export function findMonthHeaderRow(sheet: RawSheet): { row: number; monthCols: number[] } | null {
  let best: { row: number; monthCols: number[] } | null = null;
  const rows = Math.min(sheet.values.length, SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const cols: number[] = [];
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++)
      if (isMonthHeader(row[c], sheet.numberFormats?.[r]?.[c])) cols.push(c);
    if (cols.length >= 2 && (!best || cols.length > best.monthCols.length))
      best = { row: r, monthCols: cols };
  }
  return best;
}

/** The field a label names: the mapping's own label first, then the template header and aliases. */
function labelMatcher(spec: SheetSpec, mapped: Record<string, string | null>) {
  const byLabel = new Map<string, string>();
  for (const [field, label] of Object.entries(mapped)) if (label) byLabel.set(normaliseHeader(label), field);
  const index = headerIndex(spec.columns);
  return (label: string): { field: string; exact: boolean } | null => {
    const key = normaliseHeader(label);
    const own = byLabel.get(key);
    if (own) return { field: own, exact: true };
    const hit = index.get(key);
    // A field the mapping maps elsewhere (or leaves out) is not taken by its template name.
    if (!hit || hit.field in mapped) return null;
    return hit;
  };
}

/**
 * Measures down the rows, one column per month: turned into a grid of one row per month (month first, one column
 * per measure), each cell addressed at its real place. `monthField` is the template field the months fill.
 */
export function monthsAcrossTable(
  sheet: RawSheet,
  spec: SheetSpec,
  mapping: Pick<SectionMapping, "headerRow" | "labelColumn" | "columns">,
  issues: Issue[],
): LocatedTable | null {
  const mapped = mapping.columns ?? {};
  const monthField = spec.columns.find((c) => c.type === "month" || c.type === "period")?.field ?? "month";
  let header: { row: number; monthCols: number[] } | null;
  if (mapping.headerRow !== undefined) {
    const r = mapping.headerRow - 1 - sheet.originRow;
    const row = sheet.values[r] ?? [];
    const monthCols = row.flatMap((v, c) => (isMonthHeader(v, sheet.numberFormats?.[r]?.[c]) ? [c] : []));
    header = monthCols.length > 0 ? { row: r, monthCols } : null;
  } else header = findMonthHeaderRow(sheet);
  if (!header) {
    issues.push(
      makeIssue(
        "header_not_found",
        { sheet: sheet.name, cell: "" },
        mapping.headerRow !== undefined
          ? `The "${sheet.name}" sheet was mapped as months across the columns with the months in row ${mapping.headerRow}, but that row has no months (such as Apr-24). Correct the header row in the mapping.`
          : `The "${sheet.name}" sheet was mapped as months across the columns, but none of its first ${SEARCH_ROWS} rows has months (such as Apr-24) as headers. Put the months in one row, or map the sheet as rows.`,
        { advice: false },
      ),
    );
    return null;
  }
  const match = labelMatcher(spec, mapped);
  const firstMonth = header.monthCols[0];
  // The measure names: the mapped column, else the column left of the months that names the most fields.
  let labelCol = mapping.labelColumn ? columnIndex(mapping.labelColumn) - sheet.originCol : -1;
  if (labelCol < 0) {
    let bestHits = -1;
    for (let c = 0; c < Math.max(1, firstMonth); c++) {
      let hits = 0;
      for (let r = header.row + 1; r < sheet.values.length; r++)
        if (match(textOf(sheet.values[r]?.[c]))) hits++;
      if (hits > bestHits) {
        bestHits = hits;
        labelCol = c;
      }
    }
  }
  const measureRows: number[] = [];
  const labels: string[] = [];
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const label = textOf(sheet.values[r]?.[labelCol]);
    if (label === "") continue;
    measureRows.push(r);
    labels.push(label);
  }
  const col: Record<string, number> = {};
  const exact: Record<string, boolean> = {};
  for (const c of spec.columns) col[c.field] = -1;
  col[monthField] = 0;
  labels.forEach((label, i) => {
    const hit = match(label);
    if (!hit || hit.field === monthField) return;
    if (col[hit.field] < 0 || (hit.exact && !exact[hit.field])) {
      col[hit.field] = i + 1;
      exact[hit.field] = hit.exact;
    }
  });
  const width = measureRows.length + 1;
  const values: RawCell[][] = [];
  const formats: string[][] = [];
  const monthHeader = headerAt(sheet.values, header.row, labelCol) || "Month";
  values.push([monthHeader, ...labels]);
  formats.push(new Array<string>(width).fill("General"));
  for (const mc of header.monthCols) {
    values.push([sheet.values[header.row][mc], ...measureRows.map((r) => sheet.values[r]?.[mc] ?? "")]);
    formats.push([
      sheet.numberFormats?.[header.row]?.[mc] ?? "General",
      ...measureRows.map((r) => sheet.numberFormats?.[r]?.[mc] ?? "General"),
    ]);
  }
  const realRow = (r: number, c: number): number => (c === 0 ? header.row : measureRows[c - 1]);
  const addressOf = (r: number, c: number): string =>
    r === 0
      ? sheetCellAddress(sheet, c === 0 ? header.row : measureRows[c - 1], labelCol)
      : sheetCellAddress(sheet, realRow(r, c), header.monthCols[r - 1]);
  const view: RawSheet = { name: sheet.name, values, numberFormats: formats, originRow: 0, originCol: 0 };
  reportMissing(spec, col, mapped, sheet.name, sheetCellAddress(sheet, header.row, labelCol), "row", issues);
  return {
    sheet: view,
    headerRow: 0,
    col,
    addressOf,
    description: `sheet "${sheet.name}", months across row ${sheetRowNumber(sheet, header.row)}, measures in column ${columnLetters(sheet.originCol + labelCol)}`,
  };
}

// ---------------------------------------------------------------- rows

/** The header row: the mapped one, or the row in the first 20 naming the most fields. -1 when none names any. */
function findHeaderRow(sheet: RawSheet, match: (h: string) => unknown): number {
  let best = -1;
  let bestHits = 0;
  for (let r = 0; r < Math.min(sheet.values.length, SEARCH_ROWS); r++) {
    let hits = 0;
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) if (match(headerAt(sheet.values, r, c))) hits++;
    if (hits > bestHits) {
      bestHits = hits;
      best = r;
    }
  }
  return best;
}

/**
 * Raises an issue for each field the grid lacks: a mapped header that is no longer there names the field and
 * what it used to point at; a required template column that is missing asks for a mapping.
 */
function reportMissing(
  spec: SheetSpec,
  col: Record<string, number>,
  mapped: Record<string, string | null>,
  sheetName: string,
  cell: string,
  kind: "column" | "row",
  issues: Issue[],
  provided: readonly string[] = [],
): void {
  for (const c of spec.columns) {
    if (col[c.field] >= 0 || provided.includes(c.field)) continue;
    const target = mapped[c.field];
    if (typeof target === "string") {
      issues.push(
        mappingIssue(
          sheetName,
          cell,
          `${c.header} was mapped to the ${kind} "${target}" on the sheet "${sheetName}", which no longer exists. ${FIX_MAPPING}`,
          c.required ? "error" : "warning",
        ),
      );
    } else if (target === undefined && c.required) {
      issues.push(
        mappingIssue(
          sheetName,
          cell,
          `The "${sheetName}" sheet has no ${kind} for ${c.header} (or one of: ${c.aliases.map((a) => `"${a}"`).join(", ") || "no other names"}). Map it to the ${kind} that holds it; until then it is left out.`,
          "error",
        ),
      );
    }
  }
}

/** A header row then one record a row: columns by the mapping's headers, else by template header or alias. */
export function rowsTable(
  sheet: RawSheet,
  spec: SheetSpec,
  mapping: Pick<SectionMapping, "headerRow" | "columns">,
  issues: Issue[],
  description: string,
  fixedHeaderRow?: number,
  provided: readonly string[] = [],
): LocatedTable | null {
  const mapped = mapping.columns ?? {};
  const match = labelMatcher(spec, mapped);
  const headerRow =
    fixedHeaderRow ??
    (mapping.headerRow !== undefined ? mapping.headerRow - 1 - sheet.originRow : findHeaderRow(sheet, match));
  if (headerRow < 0 || headerRow >= sheet.values.length) {
    issues.push(
      makeIssue(
        "header_not_found",
        { sheet: sheet.name, cell: "" },
        mapping.headerRow !== undefined
          ? `The mapping puts the headers of ${description} in row ${mapping.headerRow}, but the sheet's data stop before it. Correct the header row in the mapping.`
          : `No header row was found in ${description}: none of its first ${SEARCH_ROWS} rows has the mapped or template headers. Give the header row in the mapping.`,
        { advice: false },
      ),
    );
    return null;
  }
  const col: Record<string, number> = {};
  const exact: Record<string, boolean> = {};
  for (const c of spec.columns) col[c.field] = -1;
  const row = sheet.values[headerRow] ?? [];
  for (let c = 0; c < row.length; c++) {
    const hit = match(headerAt(sheet.values, headerRow, c));
    if (!hit) continue;
    if (col[hit.field] < 0 || (hit.exact && !exact[hit.field])) {
      col[hit.field] = c;
      exact[hit.field] = hit.exact;
    }
  }
  const width = Math.max(1, row.length);
  reportMissing(
    spec,
    col,
    mapped,
    sheet.name,
    sheetCellAddress(sheet, headerRow, 0) +
      (width > 1 ? `:${sheetCellAddress(sheet, headerRow, width - 1)}` : ""),
    "column",
    issues,
    provided,
  );
  return { sheet, headerRow, col, description };
}

// ---------------------------------------------------------------- sources

/** The block of a sheet an Excel table covers, as a grid of its own still addressed where it sits. */
export function tableBlock(sheet: RawSheet, range: string): RawSheet | null {
  const r = parseRangeAddress(range);
  if (!r) return null;
  const values: RawCell[][] = [];
  const formats: string[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const vr = row - sheet.originRow;
    const line: RawCell[] = [];
    const fmts: string[] = [];
    for (let c = r.left; c <= r.right; c++) {
      const vc = c - sheet.originCol;
      line.push(sheet.values[vr]?.[vc] ?? "");
      fmts.push(sheet.numberFormats?.[vr]?.[vc] ?? "General");
    }
    values.push(line);
    formats.push(fmts);
  }
  return { name: sheet.name, values, numberFormats: formats, originRow: r.top, originCol: r.left };
}

const PROGRAMME_IN_TEXT = /\b(?:p|prog\.?|programme|program)\s*(\d{1,2})\b/i;

/** The programme a sheet is for: from its name ("P2 Workstreams", "Programme 3") or a title cell above the header. */
export function programmeOfSheet(
  sheet: RawSheet,
  headerRow: number,
): { programme: number; cell: string } | null {
  const fromName = PROGRAMME_IN_TEXT.exec(sheet.name);
  if (fromName && Number(fromName[1]) >= 1) return { programme: Number(fromName[1]), cell: "" };
  for (let r = 0; r < Math.max(0, headerRow); r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const m = typeof row[c] === "string" ? PROGRAMME_IN_TEXT.exec(row[c] as string) : null;
      if (m && Number(m[1]) >= 1) return { programme: Number(m[1]), cell: sheetCellAddress(sheet, r, c) };
    }
  }
  return null;
}

/**
 * A per-programme sheet without a programme column gets one: the programme number on every row that holds data,
 * pointing at the title cell it came from (or at the sheet as a whole when it came from the sheet's name).
 */
function withProgrammeColumn(t: LocatedTable, programme: number, cell: string): LocatedTable {
  const { sheet } = t;
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  const values = sheet.values.map((row, r) => {
    const padded = [...row, ...new Array<RawCell>(width - row.length).fill("")];
    const hasData = r > t.headerRow && padded.some((v) => !isBlank(v));
    return [...padded, r === t.headerRow ? "Programme" : hasData ? programme : ""];
  });
  const formats = sheet.numberFormats?.map((row) => [
    ...row,
    ...new Array<string>(width + 1 - row.length).fill("General"),
  ]);
  return {
    ...t,
    sheet: { ...sheet, values, numberFormats: formats },
    col: { ...t.col, programme: width },
    addressOf: (r, c) => (c >= width ? cell : sheetCellAddress(sheet, r, c)),
  };
}

const findByName = <T extends { name: string }>(items: readonly T[], name: string): T | undefined =>
  items.find((i) => i.name === name) ?? items.find((i) => normaliseHeader(i.name) === normaliseHeader(name));

function requiredList(spec: SheetSpec): string {
  return spec.columns
    .filter((c: ColumnSpec) => c.required)
    .map((c) => c.header)
    .join(", ");
}

/**
 * Locates a section as its mapping describes. Returns null (with an issue naming what the mapping pointed at)
 * when the sheet or table is no longer in the workbook.
 */
export function locateMapped(
  raw: RawWorkbook,
  spec: SheetSpec,
  mapping: SectionMapping,
  issues: Issue[],
): LocatedSection | null {
  const severity = spec.required ? "error" : "warning";
  const gone = (what: string) =>
    issues.push(
      mappingIssue(
        "",
        "",
        `${spec.name} (${requiredList(spec)}) was mapped to ${what}, which no longer exists. ${FIX_MAPPING}`,
        severity,
      ),
    );
  const mapped = mapping.columns ?? {};
  const unmapped = spec.columns
    .filter((c) => c.required && mapped[c.field] === null)
    .map((c) => ({ field: c.field, header: c.header }));
  for (const u of unmapped)
    issues.push(
      mappingIssue(
        "",
        "",
        `${u.header} is not mapped for ${spec.name} (the mapping leaves it out), so ${consequenceOf(spec.section, u.field, u.header)} cannot be computed. Map it if the workbook holds it.`,
        "warning",
      ),
    );
  const source = mapping.source;
  const locateOn = (
    sheet: RawSheet,
    description: string,
    fixedHeaderRow?: number,
    provided: readonly string[] = [],
  ): LocatedTable | null =>
    mapping.layout === "months_across"
      ? monthsAcrossTable(sheet, spec, mapping, issues)
      : rowsTable(sheet, spec, mapping, issues, description, fixedHeaderRow, provided);

  if ("sheet" in source) {
    const sheet = findByName(raw.sheets, source.sheet);
    if (!sheet) {
      gone(`the sheet "${source.sheet}"`);
      return null;
    }
    const t = locateOn(sheet, `the "${sheet.name}" sheet`);
    return t ? { tables: [t], sheetName: sheet.name, unmapped } : null;
  }
  if ("table" in source) {
    const table = findByName(raw.tables ?? [], source.table);
    const sheet = table ? findByName(raw.sheets, table.sheet) : undefined;
    const block = table && sheet ? tableBlock(sheet, table.range) : null;
    if (!table || !sheet || !block) {
      gone(`the Excel table "${source.table}"`);
      return null;
    }
    const t = locateOn(
      block,
      `the table "${table.name}" on the "${sheet.name}" sheet`,
      mapping.layout === "months_across" ? undefined : 0,
    );
    return t ? { tables: [t], sheetName: sheet.name, unmapped } : null;
  }
  const tables: LocatedTable[] = [];
  const names: string[] = [];
  for (const entry of source.perProgrammeSheets) {
    const sheet = findByName(raw.sheets, entry.sheet);
    if (!sheet) {
      gone(`the sheet "${entry.sheet}" (one of its per-programme sheets)`);
      continue;
    }
    // The programme comes from the sheet, so a missing programme column is expected here.
    const t = locateOn(sheet, `the "${sheet.name}" sheet`, undefined, ["programme"]);
    if (!t) continue;
    names.push(sheet.name);
    // A sheet that names the programme on each row keeps its own column.
    if (t.col.programme !== undefined && t.col.programme >= 0) {
      tables.push(t);
      continue;
    }
    const found =
      entry.programme !== undefined
        ? { programme: entry.programme, cell: "" }
        : programmeOfSheet(sheet, t.headerRow);
    if (!found) {
      issues.push(
        makeIssue(
          "unknown_programme",
          { sheet: sheet.name, cell: "" },
          `The "${sheet.name}" sheet is one of the per-programme sheets, but neither its name nor a title above its headers says which programme it is for (e.g. "P2 Workstreams" or "Programme 2"). Give the programme in the mapping; the sheet is left out until then.`,
          { advice: false },
        ),
      );
      continue;
    }
    tables.push(withProgrammeColumn(t, found.programme, found.cell));
  }
  if (tables.length === 0) return null;
  return { tables, sheetName: names.join(", "), unmapped };
}

// ---------------------------------------------------------------- helpers for the reader

/** What the summary loses without a required field, in the board's words. */
const CONSEQUENCES: Record<string, string> = {
  "risks.impact": "risk scores (impact x likelihood) and the key risks",
  "risks.likelihood": "risk scores (impact x likelihood) and the key risks",
  "monthly.fundedEhcps": "the EHCP count, its shares and the EHCP KPI",
  "monthly.population0to25": "the % of 0-25 year olds with an EHCP",
  "finance.budget": "the HNB overspend and net position",
  "finance.forecastOutturn": "the HNB overspend and net position",
  "places.required": "the special school places shortfall",
  "workstreams.rag": "the workstream status counts",
  "milestones.status": "the milestone status counts",
};

export function consequenceOf(section: string, field: string, header: string): string {
  return CONSEQUENCES[`${section}.${field}`] ?? `the figures that need ${header}`;
}

/** notComputed lines for the required fields a mapping leaves out. */
export function unmappedConsequences(
  spec: SheetSpec,
  unmapped: readonly Unmapped[],
): { section: string; reason: string }[] {
  return unmapped.map((u) => ({
    section: `${spec.name}: ${u.header}`,
    reason: `Not computed because the column mapping leaves out ${u.header}, so ${consequenceOf(spec.section, u.field, u.header)} cannot be worked out.`,
  }));
}

/** Whether a sheet found by its template name has its months across a header row (three or more month headers). */
export function isMonthsAcross(sheet: RawSheet, spec: SheetSpec): boolean {
  if (!spec.columns.some((c) => c.type === "month")) return false;
  const header = findMonthHeaderRow(sheet);
  return header !== null && header.monthCols.length >= 3;
}

/** Every sheet a mapping gives to a section (so no other section takes it by its template name). */
export function mappedSheets(raw: RawWorkbook, mapping: TrackerMapping): string[] {
  const names: string[] = [];
  for (const m of Object.values(mapping.sections)) {
    if (!m) continue;
    const src = m.source;
    if ("sheet" in src) names.push(findByName(raw.sheets, src.sheet)?.name ?? src.sheet);
    else if ("perProgrammeSheets" in src)
      names.push(...src.perProgrammeSheets.map((e) => findByName(raw.sheets, e.sheet)?.name ?? e.sheet));
  }
  return names;
}

/** The grid of a Field/Value section (Settings) a mapping points at: a sheet or a table's block. */
export function mappedFieldsSheet(
  raw: RawWorkbook,
  spec: SheetSpec,
  mapping: SectionMapping,
  issues: Issue[],
): RawSheet | null {
  const src = mapping.source;
  let sheet: RawSheet | null = null;
  let what = "";
  if ("sheet" in src) {
    sheet = findByName(raw.sheets, src.sheet) ?? null;
    what = `the sheet "${src.sheet}"`;
  } else if ("table" in src) {
    const table = findByName(raw.tables ?? [], src.table);
    const host = table ? findByName(raw.sheets, table.sheet) : undefined;
    sheet = table && host ? tableBlock(host, table.range) : null;
    what = `the Excel table "${src.table}"`;
  } else what = "several per-programme sheets (the Settings are one Field/Value list)";
  if (!sheet)
    issues.push(
      mappingIssue(
        "",
        "",
        `${spec.name} was mapped to ${what}, which no longer exists. ${FIX_MAPPING}`,
        spec.required ? "error" : "warning",
      ),
    );
  return sheet;
}
