// Best-guess column mapping for a council's own workbook: for each section the template reads but cannot find, the
// sheet, table or per-programme sheets that fit best, and for each field the header that fits best, judged by the
// header's words and by the data under it (months, whole numbers 1-5, percentages, money), with a confidence and the
// runner-up choices, so a person (or the task pane's mapping step) can check and correct it.
import { sheetRowNumber, columnLetters } from "../a1";
import type { Issue } from "../model";
import { parseDate, parseMonth, parsePeriodEnd } from "../parse/dates";
import { WORD_TYPE_PARSERS } from "../parse/enums";
import { normaliseHeader, similarity } from "../parse/headers";
import { parseMoney, parseNumber } from "../parse/numbers";
import { isPercentFormat } from "../parse/percent";
import { parseProgramme } from "../parse/programme";
import { parseRag } from "../parse/rag";
import { isBlank, type RawCell, type RawSheet, type RawWorkbook } from "../raw";
import { readTracker } from "../read";
import { findMonthHeaderRow, isMonthHeader, measureLabelColumn, measureRows } from "../read/months-across";
import { programmeOfSheet, tableBlock } from "../read/sources";
import { assignBest, findHeaderRow, headerLikeness, headerRowScore, headersOf } from "../read/table";
import { TEMPLATE, type ColumnType, type SheetSpec } from "../template";
import type { SectionId } from "../tracker";
import {
  MAPPING_VERSION,
  type MappingLayout,
  type MappingSource,
  type SectionMapping,
  type TrackerMapping,
} from "./format";

/** Below this a field or a source is not proposed: a wrong guess costs a person more than an empty choice. */
const ACCEPT_CONFIDENCE = 0.5;
/** Below this an accepted guess is listed for a person to check. */
export const CHECK_CONFIDENCE = 0.75;

export interface FieldSuggestion {
  field: string;
  /** The template's header for the field ("Funded EHCPs"). */
  header: string;
  required: boolean;
  /** The council's header (or measure label) proposed; null when nothing fits well enough. */
  source: string | null;
  /** 0-1: how well header words and data agree with the field. */
  confidence: number;
  /** Runner-up headers, best first. */
  alternatives: { source: string; confidence: number }[];
}

export interface SourceSuggestion {
  source: MappingSource;
  layout: MappingLayout;
  /** "the table tblSENDRisks on the Governance sheet". */
  description: string;
  confidence: number;
}

export interface SectionSuggestion {
  section: SectionId;
  /** The template's sheet name ("SEND Monthly"). */
  name: string;
  required: boolean;
  /** True when the workbook already has this section as the template describes: nothing to map. */
  asTemplate: boolean;
  /** The proposed mapping, or null (as template, or nothing in the workbook fits). */
  mapping: SectionMapping | null;
  /** The chosen source and the runners-up, best first (empty when asTemplate). */
  sources: SourceSuggestion[];
  /** Fields of the chosen source (empty when asTemplate or nothing fits). */
  fields: FieldSuggestion[];
  confidence: number;
}

export interface MappingSuggestion {
  /** False when the workbook reads as the template describes: no mapping step at all. */
  needsMapping: boolean;
  /** The best guess, only for the sections that need one; pass it to readTracker or save it. */
  mapping: TrackerMapping;
  sections: SectionSuggestion[];
  /** What a person has to decide or check, one plain sentence each. */
  needsPerson: string[];
}

/** Issue codes that mean the template reading could not find a section's shape. */
const STRUCTURAL = new Set(["missing_sheet", "header_not_found", "missing_column", "no_data_rows"]);

const SAMPLE_ROWS = 40;

// ---------------------------------------------------------------- data fit

/** Whether one value looks like the column type: the data half of a field's score. */
function fits(type: ColumnType, v: RawCell, fmt: string | undefined): boolean {
  const num = typeof v === "number" ? v : null;
  switch (type) {
    case "integer":
      return num !== null ? Number.isInteger(num) && num >= 0 && !isMonthHeader(v, fmt) : parseNumber(v).ok;
    case "score":
      return num !== null && Number.isInteger(num) && num >= 1 && num <= 5;
    case "number":
      return parseNumber(v).ok;
    case "money":
      return num !== null
        ? !isPercentFormat(fmt) && Math.abs(num) >= 100
        : parseMoney(v).ok && /£|m\b|\d{4,}/i.test(String(v));
    case "share":
      return num !== null
        ? isPercentFormat(fmt) || (num >= 0 && num <= 1 && !Number.isInteger(num))
        : /%\s*$/.test(String(v));
    case "month":
      return num !== null ? isMonthHeader(v, fmt) : parseMonth(v).ok;
    case "date":
      return num !== null ? isMonthHeader(v, fmt) : parseDate(v).ok;
    case "period":
      return num !== null ? isMonthHeader(v, fmt) : parsePeriodEnd(v, fmt).ok;
    case "rag":
      return typeof v === "string" && parseRag(v).ok;
    case "programme":
      return parseProgramme(v).ok && (num === null || num <= 20);
    case "kpi_id":
    case "polarity":
    case "unit":
    case "milestone_status":
    case "risk_status":
    case "boolean":
      return WORD_TYPE_PARSERS[type](v).ok;
    case "text":
      return typeof v === "string" && !parseNumber(v).ok;
    default:
      return false;
  }
}

/** Share of the sample's non-blank values that fit the type; 0.3 for an empty sample (no evidence either way). */
function dataFit(type: ColumnType, sample: { v: RawCell; fmt: string | undefined }[]): number {
  const present = sample.filter((s) => !isBlank(s.v));
  if (present.length === 0) return 0.3;
  return present.filter((s) => fits(type, s.v, s.fmt)).length / present.length;
}

/** Types with a closed vocabulary: values that all parse ("Open", "Closed") are strong evidence on their own. */
const VOCABULARY = new Set<ColumnType>([
  "rag",
  "risk_status",
  "milestone_status",
  "kpi_id",
  "polarity",
  "unit",
  "boolean",
]);

/** Header words weigh more than data, except for closed vocabularies, where the data nearly decide. */
function combine(type: ColumnType, header: number, data: number): number {
  const h = VOCABULARY.has(type) ? 0.4 : 0.65;
  return Math.round((h * header + (1 - h) * data) * 100) / 100;
}

// ---------------------------------------------------------------- candidates

/** One way of reading a section: its columns (or measure rows) with their header text and sample values. */
interface Candidate {
  source: MappingSource;
  layout: MappingLayout;
  description: string;
  /** Used sheets (a source is given to one section only). */
  sheets: string[];
  headerRow?: number;
  labelColumn?: string;
  columns: { text: string; sample: { v: RawCell; fmt: string | undefined }[] }[];
  /** The field whose values are the month headers (months across), not a column of its own. */
  acrossField?: string;
  /** Sheet names suggest the section ("EHCP data" for the monthly data). */
  nameFit: number;
  /** The programme comes from the sheets, not a column. */
  programmeFromSheets?: boolean;
}

function nameFit(spec: SheetSpec, ...names: string[]): number {
  return Math.max(0, ...names.flatMap((n) => [spec.name, ...spec.aliases].map((a) => similarity(a, n))));
}

/** Rows layout: the header row is found by the reader's rule, its cells naming the section's fields by likeness. */
function rowsCandidate(
  sheet: RawSheet,
  spec: SheetSpec,
  source: MappingSource,
  description: string,
  fixedHeader?: number,
): Candidate | null {
  // A table's header is its first row; it must still name a field to be a candidate.
  const best =
    fixedHeader !== undefined
      ? headerRowScore(sheet.values, fixedHeader, spec.columns, headerLikeness) > 0
        ? fixedHeader
        : -1
      : findHeaderRow(sheet.values, spec.columns, headerLikeness);
  if (best < 0) return null;
  const columns = headersOf(sheet.values, best).map((text, c) => ({
    text,
    sample: sheet.values.slice(best + 1, best + 1 + SAMPLE_ROWS).map((row, i) => ({
      v: row[c] ?? "",
      fmt: sheet.numberFormats?.[best + 1 + i]?.[c],
    })),
  }));
  return {
    source,
    layout: "rows",
    description,
    sheets: [sheet.name],
    headerRow: "table" in source ? undefined : sheetRowNumber(sheet, best),
    columns: columns.filter((c) => c.text !== ""),
    nameFit: nameFit(spec, "table" in source ? source.table : sheet.name),
  };
}

/** Months across: the month header row, the measure labels down the label column, each row's values as its sample. */
function acrossCandidate(sheet: RawSheet, spec: SheetSpec): Candidate | null {
  const across = spec.columns.find((c) => c.type === "month");
  const header = findMonthHeaderRow(sheet);
  if (!across || !header || header.monthCols.length < 3) return null;
  // The measures' names are unknown here: the label column is the one with most names in it.
  const labelCol = measureLabelColumn(sheet, header.row, header.monthCols[0], () => 1);
  const measures = measureRows(sheet, header.row, labelCol);
  const columns = measures.rows.map((r, i) => ({
    text: measures.labels[i],
    sample: header.monthCols.map((c) => ({
      v: sheet.values[r]?.[c] ?? "",
      fmt: sheet.numberFormats?.[r]?.[c],
    })),
  }));
  return {
    source: { sheet: sheet.name },
    layout: "months_across",
    description: `the "${sheet.name}" sheet, months across row ${sheetRowNumber(sheet, header.row)}`,
    sheets: [sheet.name],
    headerRow: sheetRowNumber(sheet, header.row),
    labelColumn: columnLetters(sheet.originCol + labelCol),
    columns,
    acrossField: across.field,
    nameFit: nameFit(spec, sheet.name),
  };
}

/** One sheet per programme: sheets that say their programme (name or title) and share a header row for the section. */
function perProgrammeCandidate(sheets: RawSheet[], spec: SheetSpec): Candidate | null {
  if (!spec.columns.some((c) => c.field === "programme")) return null;
  const found: { sheet: RawSheet; cand: Candidate }[] = [];
  for (const sheet of sheets) {
    const cand = rowsCandidate(sheet, spec, { sheet: sheet.name }, "");
    if (!cand || cand.headerRow === undefined) continue;
    if (!programmeOfSheet(sheet, cand.headerRow - 1 - sheet.originRow)) continue;
    found.push({ sheet, cand });
  }
  if (found.length < 2) return null;
  // The sheets that share the first one's headers make the group.
  const key = (c: Candidate) => c.columns.map((x) => normaliseHeader(x.text)).join("|");
  const groups = new Map<string, typeof found>();
  for (const f of found) groups.set(key(f.cand), [...(groups.get(key(f.cand)) ?? []), f]);
  const group = [...groups.values()].sort((a, b) => b.length - a.length)[0];
  if (group.length < 2) return null;
  const first = group[0].cand;
  return {
    source: { perProgrammeSheets: group.map((g) => ({ sheet: g.sheet.name })) },
    layout: "rows",
    description: `one sheet per programme (${group.map((g) => `"${g.sheet.name}"`).join(", ")})`,
    sheets: group.map((g) => g.sheet.name),
    columns: first.columns.map((c, i) => ({
      text: c.text,
      sample: group.flatMap((g) => g.cand.columns[i]?.sample ?? []),
    })),
    nameFit: nameFit(spec, ...group.map((g) => g.sheet.name)),
    programmeFromSheets: true,
  };
}

/** Each field's best column (one column per field, best pairs first), with runners-up. */
function assignFields(spec: SheetSpec, cand: Candidate): FieldSuggestion[] {
  const pairs: { field: string; col: number; score: number }[] = [];
  const scores = new Map<string, { col: number; score: number }[]>();
  for (const f of spec.columns) {
    if (f.field === cand.acrossField) continue;
    if (cand.programmeFromSheets && f.field === "programme") continue;
    const list = cand.columns.map((c, col) => ({
      col,
      score: combine(f.type, headerLikeness(f, c.text), dataFit(f.type, c.sample)),
    }));
    list.sort((a, b) => b.score - a.score);
    scores.set(f.field, list);
    for (const s of list) pairs.push({ field: f.field, ...s });
  }
  const chosen = assignBest(pairs, ACCEPT_CONFIDENCE);
  return spec.columns
    .filter((f) => scores.has(f.field))
    .map((f) => {
      const pick = chosen.get(f.field);
      return {
        field: f.field,
        header: f.header,
        required: f.required,
        source: pick ? cand.columns[pick.col].text : null,
        confidence: pick ? pick.score : 0,
        alternatives: scores
          .get(f.field)!
          .filter((s) => s.col !== pick?.col && s.score >= 0.3)
          .slice(0, 3)
          .map((s) => ({ source: cand.columns[s.col].text, confidence: s.score })),
      };
    });
}

/** A candidate's confidence: required fields count three times, and a fitting sheet name adds a little. */
function candidateConfidence(fields: FieldSuggestion[], cand: Candidate): number {
  let total = 0;
  let weight = 0;
  for (const f of fields) {
    const w = f.required ? 3 : 1;
    total += w * f.confidence;
    weight += w;
  }
  const mean = weight === 0 ? 0 : total / weight;
  return Math.round(Math.min(1, mean + 0.1 * cand.nameFit) * 100) / 100;
}

function sectionMapping(spec: SheetSpec, cand: Candidate, fields: FieldSuggestion[]): SectionMapping {
  const m: SectionMapping = { source: cand.source };
  if (cand.layout === "months_across") m.layout = "months_across";
  if (cand.headerRow !== undefined) m.headerRow = cand.headerRow;
  if (cand.labelColumn !== undefined) m.labelColumn = cand.labelColumn;
  const columns: Record<string, string> = {};
  for (const f of fields) if (f.source !== null) columns[f.field] = f.source;
  m.columns = columns;
  return m;
}

/**
 * The best-guess mapping for a workbook. A workbook that reads as the template describes needs none
 * (`needsMapping: false`); otherwise each section the template reading could not find gets the sheet, table or
 * per-programme sheets that fit best, and each field the header that fits best.
 */
export function suggestMapping(raw: RawWorkbook): MappingSuggestion {
  // The template reading, ignoring any saved mapping: which sections need one at all?
  const plain = { ...raw, savedSettings: {} };
  const { tracker, issues } = readTracker(plain, null);
  const broken = (section: SectionId): boolean => {
    const sheet = tracker.sheetNames[section];
    return (
      !tracker.found[section] ||
      issues.some((i: Issue) => i.sheet === sheet && i.severity !== "info" && STRUCTURAL.has(i.code))
    );
  };
  const claimed = new Set<string>();
  for (const spec of TEMPLATE)
    if (!broken(spec.section) && tracker.sheetNames[spec.section])
      claimed.add(tracker.sheetNames[spec.section]!);
  const free = raw.sheets.filter((s) => !claimed.has(s.name));
  const tablesBySheet = new Map<string, number>();
  for (const t of raw.tables ?? []) tablesBySheet.set(t.sheet, (tablesBySheet.get(t.sheet) ?? 0) + 1);

  const options = new Map<SectionId, { cand: Candidate; fields: FieldSuggestion[]; confidence: number }[]>();
  for (const spec of TEMPLATE) {
    if (!broken(spec.section) || spec.shape === "fields") continue;
    const cands: Candidate[] = [];
    for (const sheet of free) {
      // A sheet holding Excel tables is offered table by table.
      if (!tablesBySheet.has(sheet.name)) {
        const rows = rowsCandidate(sheet, spec, { sheet: sheet.name }, `the "${sheet.name}" sheet`);
        if (rows) cands.push(rows);
      }
      const across = acrossCandidate(sheet, spec);
      if (across) cands.push(across);
    }
    for (const table of raw.tables ?? []) {
      const host = free.find((s) => s.name === table.sheet);
      const block = host ? tableBlock(host, table.range) : null;
      if (!block) continue;
      const c = rowsCandidate(
        block,
        spec,
        { table: table.name },
        `the table "${table.name}" on the "${table.sheet}" sheet`,
        0,
      );
      if (c) cands.push({ ...c, sheets: [`table:${table.name}`] });
    }
    const group = perProgrammeCandidate(free, spec);
    if (group) cands.push(group);
    const scored = cands
      .map((cand) => {
        const fields = assignFields(spec, cand);
        return { cand, fields, confidence: candidateConfidence(fields, cand) };
      })
      .sort((a, b) => b.confidence - a.confidence);
    options.set(spec.section, scored);
  }

  // Sources go to the sections they fit best: strongest pairs first, each sheet or table to one section.
  const pairs = [...options.entries()].flatMap(([section, list]) => list.map((o) => ({ section, ...o })));
  pairs.sort((a, b) => b.confidence - a.confidence);
  const chosen = new Map<SectionId, (typeof pairs)[number]>();
  const used = new Set<string>();
  for (const p of pairs) {
    if (p.confidence < ACCEPT_CONFIDENCE || chosen.has(p.section) || p.cand.sheets.some((s) => used.has(s)))
      continue;
    chosen.set(p.section, p);
    p.cand.sheets.forEach((s) => used.add(s));
  }

  const sections: SectionSuggestion[] = [];
  const mapping: TrackerMapping = { version: MAPPING_VERSION, sections: {} };
  const needsPerson: string[] = [];
  for (const spec of TEMPLATE) {
    const asTemplate = !broken(spec.section);
    const pick = chosen.get(spec.section);
    const sources = (options.get(spec.section) ?? []).slice(0, 4).map((o) => ({
      source: o.cand.source,
      layout: o.cand.layout,
      description: o.cand.description,
      confidence: o.confidence,
    }));
    const m = pick ? sectionMapping(spec, pick.cand, pick.fields) : null;
    if (m) mapping.sections[spec.section] = m;
    sections.push({
      section: spec.section,
      name: spec.name,
      required: spec.required,
      asTemplate,
      mapping: m,
      sources: asTemplate ? [] : sources,
      fields: pick?.fields ?? [],
      confidence: asTemplate ? 1 : (pick?.confidence ?? 0),
    });
    if (asTemplate) continue;
    if (!pick) {
      if (spec.required)
        needsPerson.push(
          `${spec.name}: nothing in the workbook looks like it; choose the sheet or table that holds it.`,
        );
      continue;
    }
    if (pick.confidence < CHECK_CONFIDENCE)
      needsPerson.push(
        `${spec.name}: read from ${pick.cand.description}, a weak match (${Math.round(pick.confidence * 100)}%); check it.`,
      );
    for (const f of pick.fields) {
      if (f.source === null && f.required)
        needsPerson.push(
          `${spec.name}: no column looks like "${f.header}"; choose it, or leave it out and the summary says what it cannot compute.`,
        );
      else if (f.source !== null && f.confidence < CHECK_CONFIDENCE)
        needsPerson.push(
          `${spec.name}: "${f.header}" is guessed as "${f.source}" (${Math.round(f.confidence * 100)}%); check it.`,
        );
    }
  }
  return {
    needsMapping: Object.keys(mapping.sections).length > 0 || needsPerson.length > 0,
    mapping,
    sections,
    needsPerson,
  };
}
