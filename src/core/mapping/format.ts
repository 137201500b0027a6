// The saved column mapping: how a council's own workbook maps onto the tracker template, versioned so a later
// release can still read a mapping saved today. Parsing never throws: a bad mapping comes back as issues.
import { makeIssue } from "../issues";
import type { Issue } from "../model";
import { TEMPLATE } from "../template";
import type { SectionId } from "../tracker";

/** The mapping format this release writes. Older versions are migrated up by MIGRATIONS. */
export const MAPPING_VERSION = 1;

/** Where a section's rows come from. */
export type MappingSource =
  /** A whole worksheet (the header row found in it, or given by headerRow). */
  | { sheet: string }
  /** An Excel table (ListObject) by name, wherever it sits; its first row is the header. */
  | { table: string }
  /** One sheet per programme (workstreams, milestones): the programme from `programme`, the sheet name or a title cell. */
  | { perProgrammeSheets: { sheet: string; programme?: number }[] };

export type MappingLayout = "rows" | "months_across";

export interface SectionMapping {
  source: MappingSource;
  /** "rows" (default): a header row, one record a row. "months_across": measures down, one column per month. */
  layout?: MappingLayout;
  /**
   * 1-based sheet row of the header (rows layout) or of the month headers (months_across), as Excel numbers it.
   * Left out: found by matching headers (or month cells) in the first HEADER_SEARCH_ROWS rows (src/core/read/table.ts).
   */
  headerRow?: number;
  /** months_across only: column letter holding the measure names ("A"). Left out: found from the labels. */
  labelColumn?: string;
  /**
   * Template field -> the council's header (rows) or measure label (months_across), e.g. fundedEhcps: "Funded EHCPs".
   * null = deliberately not mapped (the summary then says what it cannot compute). A field left out is found by
   * the template header or its aliases, as without a mapping.
   */
  columns?: Record<string, string | null>;
}

export interface TrackerMapping {
  version: typeof MAPPING_VERSION;
  /** Only the sections that differ from the template; the others are read as the template describes. */
  sections: Partial<Record<SectionId, SectionMapping>>;
}

/** A migration turns a mapping of version n into version n + 1. Register one here when the format changes. */
export const MIGRATIONS: Record<number, (older: Record<string, unknown>) => Record<string, unknown>> = {};

const SECTION_IDS = new Set<string>(TEMPLATE.map((s) => s.section));
const WORKBOOK = { sheet: "", cell: "" };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function problem(message: string): Issue {
  return makeIssue("unrecognised_value", WORKBOOK, message, { severity: "error", advice: false });
}

/**
 * Reads a mapping as saved (an object, or its JSON text) into the current version. Unknown sections and fields,
 * bad sources and a version this release cannot read come back as issues; the parts that are sound are kept.
 * Returns mapping null when nothing usable is left.
 */
export function parseMapping(input: unknown): { mapping: TrackerMapping | null; issues: Issue[] } {
  const issues: Issue[] = [];
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      issues.push(
        problem(
          "The saved column mapping is not valid JSON, so it was ignored. Set the mapping again from the task pane, or check the --mapping file.",
        ),
      );
      return { mapping: null, issues };
    }
  }
  if (!isRecord(value)) {
    issues.push(
      problem(
        "The saved column mapping is not a mapping (expected { version, sections }), so it was ignored.",
      ),
    );
    return { mapping: null, issues };
  }
  let version = value.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    issues.push(
      problem(
        `The column mapping has no version number (expected "version": ${MAPPING_VERSION}), so it was ignored.`,
      ),
    );
    return { mapping: null, issues };
  }
  if (version > MAPPING_VERSION) {
    issues.push(
      problem(
        `The column mapping was saved by a newer release of Portfolio Summary (mapping version ${version}; this one reads up to ${MAPPING_VERSION}). Update the add-in, or set the mapping again.`,
      ),
    );
    return { mapping: null, issues };
  }
  let current: Record<string, unknown> = value;
  while (version < MAPPING_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) {
      issues.push(
        problem(
          `The column mapping is version ${version}, which this release cannot read. Set the mapping again.`,
        ),
      );
      return { mapping: null, issues };
    }
    current = migrate(current);
    version += 1;
  }
  const sections: TrackerMapping["sections"] = {};
  const rawSections = isRecord(current.sections) ? current.sections : {};
  for (const [id, raw] of Object.entries(rawSections)) {
    if (!SECTION_IDS.has(id)) {
      issues.push(
        problem(
          `The column mapping names a section "${id}" that the tracker does not have; it was ignored. Sections are: ${[...SECTION_IDS].join(", ")}.`,
        ),
      );
      continue;
    }
    const section = parseSection(id as SectionId, raw, issues);
    if (section) sections[id as SectionId] = section;
  }
  return { mapping: { version: MAPPING_VERSION, sections }, issues };
}

function parseSource(id: SectionId, raw: unknown, issues: Issue[]): MappingSource | null {
  const name = sectionName(id);
  if (isRecord(raw)) {
    if (typeof raw.sheet === "string" && raw.sheet.trim() !== "") return { sheet: raw.sheet };
    if (typeof raw.table === "string" && raw.table.trim() !== "") return { table: raw.table };
    if (Array.isArray(raw.perProgrammeSheets)) {
      const sheets: { sheet: string; programme?: number }[] = [];
      for (const entry of raw.perProgrammeSheets) {
        const sheet = typeof entry === "string" ? entry : isRecord(entry) ? entry.sheet : undefined;
        if (typeof sheet !== "string" || sheet.trim() === "") continue;
        const programme = isRecord(entry) ? entry.programme : undefined;
        sheets.push(
          typeof programme === "number" && Number.isInteger(programme) && programme >= 1
            ? { sheet, programme }
            : { sheet },
        );
      }
      if (sheets.length > 0) return { perProgrammeSheets: sheets };
    }
  }
  issues.push(
    problem(
      `The column mapping for ${name} has no source: give { "sheet": "..." }, { "table": "..." } or { "perProgrammeSheets": [...] }. That part of the mapping was ignored.`,
    ),
  );
  return null;
}

function parseSection(id: SectionId, raw: unknown, issues: Issue[]): SectionMapping | null {
  const name = sectionName(id);
  if (!isRecord(raw)) {
    issues.push(problem(`The column mapping for ${name} is not an object; it was ignored.`));
    return null;
  }
  const source = parseSource(id, raw.source, issues);
  if (!source) return null;
  const out: SectionMapping = { source };
  if (raw.layout === "months_across" || raw.layout === "rows") out.layout = raw.layout;
  else if (raw.layout !== undefined)
    issues.push(
      problem(
        `The column mapping for ${name} has layout ${JSON.stringify(raw.layout)}; use "rows" or "months_across". Rows were assumed.`,
      ),
    );
  if (typeof raw.headerRow === "number" && Number.isInteger(raw.headerRow) && raw.headerRow >= 1)
    out.headerRow = raw.headerRow;
  else if (raw.headerRow !== undefined)
    issues.push(
      problem(
        `The column mapping for ${name} has headerRow ${JSON.stringify(raw.headerRow)}; give the row number as Excel shows it (1, 2, ...). The header row is looked for instead.`,
      ),
    );
  if (typeof raw.labelColumn === "string" && /^[A-Za-z]{1,3}$/.test(raw.labelColumn))
    out.labelColumn = raw.labelColumn.toUpperCase();
  if (isRecord(raw.columns)) {
    const fields = new Set(TEMPLATE.find((s) => s.section === id)!.columns.map((c) => c.field));
    const columns: Record<string, string | null> = {};
    for (const [field, header] of Object.entries(raw.columns)) {
      if (!fields.has(field)) {
        issues.push(
          problem(
            `The column mapping for ${name} names a field "${field}" that the template does not have; it was ignored. Fields are: ${[...fields].join(", ")}.`,
          ),
        );
        continue;
      }
      if (header === null || (typeof header === "string" && header.trim() !== "")) columns[field] = header;
    }
    out.columns = columns;
  }
  return out;
}

/** The section as a finance officer knows it: its template sheet name ("SEND Monthly"). */
function sectionName(id: SectionId): string {
  return TEMPLATE.find((s) => s.section === id)?.name ?? id;
}

/** A mapping as JSON text, two-space indented, as the CLI prints it and the pane saves it. */
export function mappingJson(mapping: TrackerMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}
