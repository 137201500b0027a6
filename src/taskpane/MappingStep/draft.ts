// The mapping step's working copy of a column mapping: for each section the engine could not find, the sheet or
// table it is read from and the header each field is read from, where each choice came from (the saved mapping, the
// engine's suggestion, a person) and how sure the guess is. Pure: a raw workbook and choices in, a mapping out.
import { columnIndex, columnLetters, sheetRowNumber } from "../../core/a1";
import {
  CHECK_CONFIDENCE,
  MAPPING_VERSION,
  findMonthHeaderRow,
  parseMapping,
  type MappingLayout,
  type MappingSource,
  type MappingSuggestion,
  type SectionMapping,
  type TrackerMapping,
} from "../../core/mapping";
import { normaliseHeader } from "../../core/parse/headers";
import type { RawSheet, RawWorkbook } from "../../core/raw";
import { measureLabelColumn, measureRows } from "../../core/read/months-across";
import { findByName, findTable } from "../../core/read/sources";
import { assignBest, findHeaderRow, fullestRow, headerLikeness, headersOf } from "../../core/read/table";
import { TEMPLATE, sheetSpec, type ColumnSpec, type SheetSpec } from "../../core/template";
import type { SectionId } from "../../core/tracker";

/** Where a choice came from: the mapping saved in the workbook, the engine's guess, a name match, or a person. */
export type Origin = "saved" | "suggested" | "matched" | "chosen";

export interface FieldDraft {
  /** The council's header (or measure label); null = left out on purpose; undefined = not chosen yet. */
  value: string | null | undefined;
  origin: Origin;
  /** 0-1: how sure a suggested or matched value is (1 for saved and chosen ones). */
  confidence: number;
  /** What the saved mapping pointed at, when that header is no longer in the workbook. */
  was?: string;
}

export interface SectionDraft {
  section: SectionId;
  /** The chosen source option's key; "" when nothing is chosen (the section is then read as the template says). */
  sourceKey: string;
  sourceOrigin: Origin;
  sourceConfidence: number;
  /** The saved source, described, when it is no longer in the workbook. */
  sourceWas?: string;
  headerRow?: number;
  labelColumn?: string;
  fields: Record<string, FieldDraft>;
}

export interface SourceOption {
  key: string;
  source: MappingSource;
  layout: MappingLayout;
  /** "the "Monthly Dashboard Data" sheet, months across row 3". */
  label: string;
  /** The engine's confidence, for the sources it suggested. */
  confidence: number | null;
}

/** How sure a field or source has to be to go without a person's check (the engine's own bar). */
const SURE = CHECK_CONFIDENCE;
/** How alike a header must be to a field's name to be matched when a person picks another source. */
const MATCH = 0.6;

const pct = (n: number) => `${Math.round(n * 100)}%`;

export function sourceKey(source: MappingSource, layout: MappingLayout = "rows"): string {
  return JSON.stringify({ layout, source });
}

export function decodeSourceKey(key: string): { source: MappingSource; layout: MappingLayout } | null {
  if (key === "") return null;
  return JSON.parse(key) as { source: MappingSource; layout: MappingLayout };
}

function describeSource(source: MappingSource, layout: MappingLayout = "rows", headerRow?: number): string {
  if ("table" in source) return `the table "${source.table}"`;
  if ("sheet" in source)
    return layout === "months_across"
      ? `the "${source.sheet}" sheet, months across${headerRow ? ` row ${headerRow}` : ""}`
      : `the "${source.sheet}" sheet`;
  return `one sheet per programme (${source.perProgrammeSheets.map((s) => `"${s.sheet}"`).join(", ")})`;
}

/** The field the months fill when a section is read with months across ("month" of SEND Monthly). */
function acrossField(spec: SheetSpec): string | undefined {
  return spec.columns.find((c) => c.type === "month")?.field;
}

/** The fields a person maps for this source: not the months themselves, nor a programme the sheets give. */
export function shownFields(spec: SheetSpec, key: string): ColumnSpec[] {
  const decoded = decodeSourceKey(key);
  if (spec.shape === "fields" || !decoded) return [];
  const across = decoded.layout === "months_across" ? acrossField(spec) : undefined;
  const perProgramme = "perProgrammeSheets" in decoded.source;
  return spec.columns.filter((c) => c.field !== across && !(perProgramme && c.field === "programme"));
}

/** The headers of a sheet read as rows: the given header row, else the one the reader's rule finds by likeness. */
function rowsHeaders(
  sheet: RawSheet,
  spec: SheetSpec,
  headerRow?: number,
): { row: number; headers: string[] } {
  let best = headerRow !== undefined ? headerRow - 1 - sheet.originRow : -1;
  if (best < 0) best = findHeaderRow(sheet.values, spec.columns, headerLikeness);
  // A sheet naming none of the fields: its own header row is the fullest row near the top.
  if (best < 0) best = fullestRow(sheet.values);
  const headers = headersOf(sheet.values, best).filter((t) => t !== "");
  return { row: sheetRowNumber(sheet, best), headers: [...new Set(headers)] };
}

export interface SourceHeaders {
  /** Headers (or, months across, measure labels) a field can be read from, in sheet order. */
  headers: string[];
  headerRow?: number;
  labelColumn?: string;
}

/** The headers a source offers, or null when the sheet or table is not in the workbook (any more). */
export function sourceHeaders(
  raw: RawWorkbook,
  spec: SheetSpec,
  source: MappingSource,
  layout: MappingLayout,
  headerRow?: number,
  labelColumn?: string,
): SourceHeaders | null {
  if ("table" in source) {
    const found = findTable(raw, source.table);
    if (!found) return null;
    return { headers: [...new Set(headersOf(found.block.values, 0).filter((t) => t !== ""))] };
  }
  if ("perProgrammeSheets" in source) {
    const sheets = source.perProgrammeSheets.map((s) => findByName(raw.sheets, s.sheet));
    if (sheets.some((s) => !s)) return null;
    const headers = sheets.flatMap((s) => rowsHeaders(s!, spec).headers);
    return { headers: [...new Set(headers)] };
  }
  const sheet = findByName(raw.sheets, source.sheet);
  if (!sheet) return null;
  if (layout !== "months_across") {
    const found = rowsHeaders(sheet, spec, headerRow);
    return { headers: found.headers, headerRow: found.row };
  }
  const row = headerRow !== undefined ? headerRow - 1 - sheet.originRow : findMonthHeaderRow(sheet)?.row;
  if (row === undefined || row < 0) return { headers: [], headerRow };
  const firstMonth = findMonthHeaderRow(sheet)?.monthCols[0] ?? 1;
  const given = labelColumn ? columnIndex(labelColumn) - sheet.originCol : -1;
  // The measures' names are not known yet: the label column is the one with most names in it.
  const col = given >= 0 ? given : measureLabelColumn(sheet, row, firstMonth, () => 1);
  return {
    headers: [...new Set(measureRows(sheet, row, col).labels)],
    headerRow: sheetRowNumber(sheet, row),
    labelColumn: columnLetters(sheet.originCol + col),
  };
}

/** Every source a section can be read from: the engine's suggestions first (with confidence), then the rest. */
export function sourceOptions(
  raw: RawWorkbook,
  suggestion: MappingSuggestion,
  section: SectionId,
): SourceOption[] {
  const spec = sheetSpec(section);
  const out = new Map<string, SourceOption>();
  const add = (source: MappingSource, layout: MappingLayout, label: string, confidence: number | null) => {
    const key = sourceKey(source, layout);
    if (!out.has(key)) out.set(key, { key, source, layout, label, confidence });
  };
  if (spec.shape === "table")
    for (const s of suggestion.sections.find((x) => x.section === section)?.sources ?? [])
      add(s.source, s.layout, s.description, s.confidence);
  for (const sheet of raw.sheets) {
    add({ sheet: sheet.name }, "rows", describeSource({ sheet: sheet.name }), null);
    if (spec.shape === "table" && acrossField(spec)) {
      const months = findMonthHeaderRow(sheet);
      if (months && months.monthCols.length >= 3)
        add(
          { sheet: sheet.name },
          "months_across",
          describeSource({ sheet: sheet.name }, "months_across", sheetRowNumber(sheet, months.row)),
          null,
        );
    }
  }
  if (spec.shape === "table")
    for (const t of raw.tables ?? [])
      add({ table: t.name }, "rows", `the table "${t.name}" on the "${t.sheet}" sheet`, null);
  return [...out.values()];
}

/** Fields read from their headers by name when a person picks a source the engine did not suggest. */
function matchByName(fields: ColumnSpec[], headers: string[]): Record<string, FieldDraft> {
  const pairs = fields.flatMap((f) =>
    headers.map((h, col) => ({ field: f.field, col, score: headerLikeness(f, h) })),
  );
  const out: Record<string, FieldDraft> = {};
  for (const [field, p] of assignBest(pairs, MATCH))
    out[field] = { value: headers[p.col], origin: "matched", confidence: Math.round(p.score * 100) / 100 };
  for (const f of fields) out[f.field] ??= { value: undefined, origin: "matched", confidence: 0 };
  return out;
}

function fromSuggestion(suggestion: MappingSuggestion, section: SectionId, was?: string): SectionDraft {
  const s = suggestion.sections.find((x) => x.section === section);
  if (!s?.mapping)
    return {
      section,
      sourceKey: "",
      sourceOrigin: "suggested",
      sourceConfidence: 0,
      sourceWas: was,
      fields: {},
    };
  const fields: Record<string, FieldDraft> = {};
  for (const f of s.fields)
    fields[f.field] = { value: f.source ?? undefined, origin: "suggested", confidence: f.confidence };
  return {
    section,
    sourceKey: sourceKey(s.mapping.source, s.mapping.layout),
    sourceOrigin: "suggested",
    sourceConfidence: s.confidence,
    sourceWas: was,
    headerRow: s.mapping.headerRow,
    labelColumn: s.mapping.labelColumn,
    fields,
  };
}

/** A saved section, with any header that is no longer in the workbook cleared and remembered; null if its source is gone. */
function fromSaved(raw: RawWorkbook, saved: SectionMapping, section: SectionId): SectionDraft | null {
  const spec = sheetSpec(section);
  const layout = saved.layout ?? "rows";
  const found = sourceHeaders(raw, spec, saved.source, layout, saved.headerRow, saved.labelColumn);
  if (!found) return null;
  const key = sourceKey(saved.source, layout);
  const lookup = new Map(found.headers.map((h) => [normaliseHeader(h), h]));
  const fields: Record<string, FieldDraft> = {};
  for (const f of shownFields(spec, key)) {
    const v = saved.columns?.[f.field];
    if (v === null) fields[f.field] = { value: null, origin: "saved", confidence: 1 };
    else if (typeof v === "string") {
      const now = lookup.get(normaliseHeader(v));
      fields[f.field] = now
        ? { value: now, origin: "saved", confidence: 1 }
        : { value: undefined, origin: "saved", confidence: 0, was: v };
    } else {
      // Left out of the mapping: read by its template header or an alias, as the engine does.
      const own = found.headers.find((h) =>
        [f.header, ...f.aliases].some((n) => normaliseHeader(n) === normaliseHeader(h)),
      );
      fields[f.field] = { value: own, origin: "saved", confidence: own ? 1 : 0 };
    }
  }
  return {
    section,
    sourceKey: key,
    sourceOrigin: "saved",
    sourceConfidence: 1,
    headerRow: saved.headerRow ?? found.headerRow,
    labelColumn: saved.labelColumn ?? found.labelColumn,
    fields,
  };
}

/**
 * The step's starting point: every section the template reading could not find, plus every section of the saved
 * mapping. A saved section whose sheet or table still exists is kept (headers that went are cleared, with what they
 * were); one whose source went is replaced by the engine's suggestion.
 */
export function initialDraft(
  raw: RawWorkbook,
  suggestion: MappingSuggestion,
  saved: unknown,
): SectionDraft[] {
  const parsed = saved === null || saved === undefined ? null : parseMapping(saved).mapping;
  const wanted = new Set<SectionId>(suggestion.sections.filter((s) => !s.asTemplate).map((s) => s.section));
  for (const id of Object.keys(parsed?.sections ?? {})) wanted.add(id as SectionId);
  return TEMPLATE.filter((spec) => wanted.has(spec.section)).map((spec) => {
    const savedSection = parsed?.sections[spec.section];
    if (!savedSection) return fromSuggestion(suggestion, spec.section);
    return (
      fromSaved(raw, savedSection, spec.section) ??
      fromSuggestion(
        suggestion,
        spec.section,
        describeSource(savedSection.source, savedSection.layout, savedSection.headerRow),
      )
    );
  });
}

/** The section read from another source: the engine's guess when it suggested that source, else fields matched by name. */
export function withSource(
  raw: RawWorkbook,
  suggestion: MappingSuggestion,
  draft: SectionDraft,
  key: string,
): SectionDraft {
  const suggested = fromSuggestion(suggestion, draft.section);
  if (key !== "" && key === suggested.sourceKey) return suggested;
  const decoded = decodeSourceKey(key);
  if (!decoded)
    return { section: draft.section, sourceKey: "", sourceOrigin: "chosen", sourceConfidence: 1, fields: {} };
  const spec = sheetSpec(draft.section);
  const found = sourceHeaders(raw, spec, decoded.source, decoded.layout) ?? { headers: [] };
  return {
    section: draft.section,
    sourceKey: key,
    sourceOrigin: "chosen",
    sourceConfidence: 1,
    headerRow: found.headerRow,
    labelColumn: found.labelColumn,
    fields: matchByName(shownFields(spec, key), found.headers),
  };
}

/** One field set by a person: a header, null to leave it out, undefined to undo the choice. */
export function withField(
  draft: SectionDraft,
  field: string,
  value: string | null | undefined,
): SectionDraft {
  return { ...draft, fields: { ...draft.fields, [field]: { value, origin: "chosen", confidence: 1 } } };
}

/** The mapping the drafts describe, as it will be saved (sections with no source chosen are left out). */
export function mappingOf(drafts: readonly SectionDraft[]): TrackerMapping {
  const sections: TrackerMapping["sections"] = {};
  for (const d of drafts) {
    const decoded = decodeSourceKey(d.sourceKey);
    if (!decoded) continue;
    const spec = sheetSpec(d.section);
    const m: SectionMapping = { source: decoded.source };
    if (decoded.layout === "months_across") m.layout = "months_across";
    // A table's first row is its header; a sheet's header row is kept so a title row above it cannot be taken.
    if (!("table" in decoded.source) && !("perProgrammeSheets" in decoded.source) && d.headerRow)
      m.headerRow = d.headerRow;
    if (decoded.layout === "months_across" && d.labelColumn) m.labelColumn = d.labelColumn;
    const columns: Record<string, string | null> = {};
    for (const f of shownFields(spec, d.sourceKey)) {
      const v = d.fields[f.field]?.value;
      if (v !== undefined) columns[f.field] = v;
    }
    if (spec.shape === "table") m.columns = columns;
    sections[d.section] = m;
  }
  return { version: MAPPING_VERSION, sections };
}

export type FieldState = "sure" | "check" | "needed" | "left_out" | "missing_optional";

/** What the step says about a field or source: `lead` ("Check this", "Needed") is drawn as a tag, then the text. */
export interface Status {
  state: FieldState;
  lead: string | null;
  text: string;
}

/** The status as one sentence, as a screen reader hears it. */
export const statusSentence = (s: Status): string => (s.lead ? `${s.lead}: ${s.text}` : s.text);

const status = (state: FieldState, text: string, lead: string | null = null): Status => ({
  state,
  lead,
  text,
});

/** What the step says about one field, in words (colour only repeats them). */
export function fieldStatus(spec: ColumnSpec, d: FieldDraft | undefined, across: boolean): Status {
  const thing = across ? "row" : "column";
  if (!d || d.value === undefined) {
    const was = d?.was ? `it was mapped to "${d.was}", which is no longer there. ` : "";
    return spec.required
      ? status(
          "needed",
          `${was}${was ? "Choose" : "choose"} the ${thing} that holds it, or leave it out and the summary will say what it cannot work out.`,
          "Needed",
        )
      : status(
          "missing_optional",
          `${was ? `Not found: ${was}` : "Not found. "}Optional: it can be left out.`,
        );
  }
  if (d.value === null)
    return spec.required
      ? status("left_out", "Left out: the summary will say what it cannot work out without it.")
      : status("left_out", "Left out (optional).");
  if (d.origin === "chosen") return status("sure", "Your choice.");
  if (d.origin === "saved") return status("sure", "From the saved mapping.");
  if (d.confidence < SURE)
    return status("check", `a best guess, only ${pct(d.confidence)} sure.`, "Check this");
  return status("sure", `Best guess, ${pct(d.confidence)} sure.`);
}

/** What the step says about a section's source, in words. */
export function sourceStatus(d: SectionDraft, required: boolean): Status {
  const was = d.sourceWas ? `It was mapped to ${d.sourceWas}, which is no longer in the workbook. ` : "";
  if (d.sourceKey === "")
    return required
      ? status("needed", `${was}Choose the sheet or table that holds it.`, "Needed")
      : status(
          "missing_optional",
          `${was}Not found. Optional: leave it out if the workbook does not have it.`,
        );
  if (d.sourceOrigin === "chosen") return status("sure", `${was}Your choice.`);
  if (d.sourceOrigin === "saved") return status("sure", "From the saved mapping.");
  if (d.sourceConfidence < SURE)
    return status("check", `${was}A best guess, only ${pct(d.sourceConfidence)} sure.`, "Check this");
  return status("sure", `${was}Best guess, ${pct(d.sourceConfidence)} sure.`);
}
