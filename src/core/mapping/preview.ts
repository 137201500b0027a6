// What a mapping would do, before it is saved: the first rows of a section as they will be read (each value with
// the cell it came from), and every issue reading the workbook through the mapping raises.
import type { Issue, SourceRef } from "../model";
import type { RawWorkbook } from "../raw";
import { readTracker } from "../read";
import { sheetSpec } from "../template";
import type { Cell, SectionId } from "../tracker";
import { parseMapping, type TrackerMapping } from "./format";

export interface PreviewCell {
  /** The value as the engine reads it (a number, "YYYY-MM" month, share as a fraction ...); null when empty or unusable. */
  value: unknown;
  /** The same value as short text for a grid ("6353", "2024-12", "Green - On Track"). */
  text: string;
  /** Where it came from. */
  ref: SourceRef;
}

export interface MappingPreview {
  section: SectionId;
  /** Sheet(s) the section is read from ("" when it could not be found). */
  sheetName: string;
  /** The template's columns in order: field and header, for the preview's column titles. */
  columns: { field: string; header: string }[];
  /** The first rows as read, one PreviewCell per field. */
  rows: Record<string, PreviewCell>[];
  /** How many rows the section has in all. */
  totalRows: number;
  /** Issues raised while reading this section (and about the mapping itself). */
  issues: Issue[];
}

const isCell = (v: unknown): v is Cell<unknown> =>
  typeof v === "object" && v !== null && "ref" in v && "value" in v;

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  if (Array.isArray(value)) return value.map(asText).join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A mapping as given (object or JSON text, any version): parsed, with the issues parsing raised. */
function normalise(mapping: TrackerMapping | unknown): { mapping: TrackerMapping | null; issues: Issue[] } {
  return parseMapping(mapping);
}

/** Every issue reading the workbook through this mapping raises, the mapping's own problems first. Never throws. */
export function validateMapping(raw: RawWorkbook, mapping: TrackerMapping | unknown): Issue[] {
  const parsed = normalise(mapping);
  const { issues } = readTracker(raw, parsed.mapping ?? { version: 1, sections: {} });
  return [...parsed.issues, ...issues];
}

/** The first `rows` rows of one section as the engine will read them through this mapping. Never throws. */
export function previewMapping(
  raw: RawWorkbook,
  mapping: TrackerMapping | unknown,
  section: SectionId,
  rows = 5,
): MappingPreview {
  const parsed = normalise(mapping);
  const { tracker, issues } = readTracker(raw, parsed.mapping ?? { version: 1, sections: {} });
  const spec = sheetSpec(section);
  const sheetName = tracker.sheetNames[section] ?? "";
  const sheets = new Set(sheetName.split(", ").filter((s) => s !== ""));
  const records: object[] =
    section === "settings"
      ? [tracker.settings]
      : (tracker[section as Exclude<SectionId, "settings">] as object[]);
  const fields = section === "settings" ? Object.keys(tracker.settings) : spec.columns.map((c) => c.field);
  const toRow = (record: object): Record<string, PreviewCell> => {
    const out: Record<string, PreviewCell> = {};
    for (const field of fields) {
      const cell = (record as Record<string, unknown>)[field];
      if (isCell(cell)) out[field] = { value: cell.value, text: asText(cell.value), ref: cell.ref };
    }
    return out;
  };
  return {
    section,
    sheetName,
    columns:
      section === "settings"
        ? fields.map((f) => ({ field: f, header: f }))
        : spec.columns.map((c) => ({ field: c.field, header: c.header })),
    rows: records.slice(0, Math.max(0, rows)).map(toRow),
    totalRows: records.length,
    issues: [
      ...parsed.issues,
      ...issues.filter((i) => sheets.has(i.sheet) || (i.sheet === "" && i.message.includes(spec.name))),
    ],
  };
}
