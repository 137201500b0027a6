// Where a mapping says a section is: a sheet, an Excel table, or one sheet per programme, each located as a grid
// the reader reads like a template sheet. A mapping that points at something no longer there gives an issue,
// never a throw.
import { parseRangeAddress, sheetCellAddress } from "../a1";
import { makeIssue } from "../issues";
import type { SectionMapping, TrackerMapping } from "../mapping/format";
import type { Issue } from "../model";
import { normaliseHeader } from "../parse/headers";
import { isBlank, type RawCell, type RawSheet, type RawTable, type RawWorkbook } from "../raw";
import type { SheetSpec } from "../template";
import { FIX_MAPPING, locateRows, mappingIssue, type LocatedTable } from "./located";
import { monthsAcrossTable } from "./months-across";

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

/** A sheet or table by name: exactly, else ignoring case, spacing and punctuation. */
export const findByName = <T extends { name: string }>(items: readonly T[], name: string): T | undefined =>
  items.find((i) => i.name === name) ?? items.find((i) => normaliseHeader(i.name) === normaliseHeader(name));

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

/** An Excel table by name, with its sheet and its block; null when the table or its sheet is not in the workbook. */
export function findTable(
  raw: RawWorkbook,
  name: string,
): { table: RawTable; sheet: RawSheet; block: RawSheet } | null {
  const table = findByName(raw.tables ?? [], name);
  const sheet = table ? findByName(raw.sheets, table.sheet) : undefined;
  const block = table && sheet ? tableBlock(sheet, table.range) : null;
  return table && sheet && block ? { table, sheet, block } : null;
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

function requiredList(spec: SheetSpec): string {
  return spec.columns
    .filter((c) => c.required)
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
      : locateRows(sheet, spec, issues, { description, mapping, fixedHeaderRow, provided });

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
    const found = findTable(raw, source.table);
    if (!found) {
      gone(`the Excel table "${source.table}"`);
      return null;
    }
    const t = locateOn(
      found.block,
      `the table "${found.table.name}" on the "${found.sheet.name}" sheet`,
      mapping.layout === "months_across" ? undefined : 0,
    );
    return t ? { tables: [t], sheetName: found.sheet.name, unmapped } : null;
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

function consequenceOf(section: string, field: string, header: string): string {
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
    sheet = findTable(raw, src.table)?.block ?? null;
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
