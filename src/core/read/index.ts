// The tracker reader: raw workbook -> typed rows (every cell with its A1 address) + issues pointing at cells.
// Which sheet holds each section: its template name or an alias, or where a column mapping says (sources.ts). Each
// section's table is found by one rule (table.ts, located.ts; months across: months-across.ts), its rows read by
// their template column types (rows.ts, one cell at a time in cells.ts), the Settings as Field/Value pairs
// (settings.ts). A problem in one section never stops the others. Never throws.
import { SAVED_MAPPING_KEY } from "../engine-api";
import { makeIssue } from "../issues";
import { parseMapping, type TrackerMapping } from "../mapping/format";
import type { Issue } from "../model";
import { normaliseHeader } from "../parse/headers";
import type { RawSheet, RawWorkbook } from "../raw";
import { TEMPLATE, type SheetSpec } from "../template";
import type { SectionId, Tracker } from "../tracker";
import { CellReader } from "./cells";
import { locateRows, type LocatedTable } from "./located";
import { isMonthsAcross, monthsAcrossTable } from "./months-across";
import { readRowsInto } from "./rows";
import { emptySettings, readSettings } from "./settings";
import { locateMapped, mappedFieldsSheet, mappedSheets, unmappedConsequences } from "./sources";
import { HEADER_SEARCH_ROWS, dataRowsBelow } from "./table";
import { sheetCellAddress, sheetRowNumber } from "../a1";

/** How the reader finds things, as written in the docs (docs/tracker-template.md). */
export const READING_RULES = [
  "Sheets are found by their template name or one of its aliases; case, spacing and punctuation are ignored ('send monthly' finds 'SEND Monthly', \"KPI's\" finds 'KPIs', 'S.E.N.D. Monthly' finds 'SEND Monthly').",
  `The header row may be anywhere in the first ${HEADER_SEARCH_ROWS} rows (titles and notes above it are fine): the row matching most template headers is taken (of two matching as many, the one with more headers).`,
  "Columns may be in any order; extra columns are ignored. Headers match the template header or an alias, ignoring case, spacing and punctuation, but '%' and '#' count ('% placed in INMSS' is not '# placed in INMSS').",
  "Where both the template header and an alias of it appear, the template header is used; the same header twice is reported and the first used.",
  "A header merged down over two header rows is read from its top cell.",
  "Blank rows are skipped, and so is a totals row ('Total', 'Totals', 'Grand total' in its first cell).",
  "The Settings sheet is Field/Value pairs; without a Field/Value header row, the first two columns are taken.",
  "A missing or unreadable sheet leaves its part of the summary empty with an issue; the other sheets are still read.",
  "Numbers stored as text are accepted (with an information note). Excel errors (#N/A, #REF! ...) are read as empty, with a warning.",
];

/**
 * The sheet for a template section: the template name first, then each alias in order; matching ignores case,
 * spacing and punctuation ("send  monthly" finds "SEND Monthly"). A sheet already used by another section is skipped.
 */
export function findSheet(
  raw: RawWorkbook,
  spec: SheetSpec,
  taken: ReadonlySet<string> = new Set(),
): RawSheet | null {
  const byName = new Map<string, RawSheet>();
  for (const s of raw.sheets) {
    const key = normaliseHeader(s.name);
    if (!byName.has(key) && !taken.has(s.name)) byName.set(key, s);
  }
  for (const name of [spec.name, ...spec.aliases]) {
    const hit = byName.get(normaliseHeader(name));
    if (hit) return hit;
  }
  return findSheetIgnoringSpaces(raw, spec, taken);
}

/** The second try: punctuation that splits a name ("S.E.N.D. Monthly", "Risk-Register") ignored with the spaces. */
function findSheetIgnoringSpaces(
  raw: RawWorkbook,
  spec: SheetSpec,
  taken: ReadonlySet<string>,
): RawSheet | null {
  const compact = (s: string) => normaliseHeader(s).replace(/ /g, "");
  const wanted = new Set([spec.name, ...spec.aliases].map(compact));
  return raw.sheets.find((s) => !taken.has(s.name) && wanted.has(compact(s.name))) ?? null;
}

/** Reads a located table's rows into the tracker, raising no_data_rows when it has none. */
function readLocated(tracker: Tracker, spec: SheetSpec, t: LocatedTable, issues: Issue[]): void {
  const rows = dataRowsBelow(t.sheet.values, t.headerRow, t.col);
  if (rows.length === 0) {
    const severity = spec.required ? {} : { severity: "warning" as const };
    issues.push(
      t.asTemplate
        ? makeIssue(
            "no_data_rows",
            {
              sheet: t.sheet.name,
              cell: sheetCellAddress(t.sheet, Math.min(t.headerRow + 1, t.sheet.values.length), 0),
            },
            `The "${t.sheet.name}" sheet has a header row (row ${sheetRowNumber(t.sheet, t.headerRow)}) but no data under it.`,
            severity,
          )
        : makeIssue(
            "no_data_rows",
            { sheet: t.sheet.name, cell: "" },
            `${t.description.charAt(0).toUpperCase()}${t.description.slice(1)} has headers but no data under them.`,
            severity,
          ),
    );
    return;
  }
  const reader = new CellReader(t.sheet, issues, t.addressOf);
  readRowsInto(tracker, { sheet: t.sheet, spec, col: t.col, rows }, reader);
}

/** The mapping saved in the workbook, if any, in the current format (a bad one is reported and ignored). */
function savedMapping(raw: RawWorkbook, issues: Issue[]): TrackerMapping | null {
  const saved = raw.savedSettings?.[SAVED_MAPPING_KEY];
  if (saved === undefined || saved === null) return null;
  const parsed = parseMapping(saved);
  issues.push(...parsed.issues);
  return parsed.mapping;
}

/** The issue for a section whose sheet the workbook does not have. */
function missingSheet(spec: SheetSpec): Issue {
  const aliases = spec.aliases.length ? ` (or one of: ${spec.aliases.map((a) => `"${a}"`).join(", ")})` : "";
  return makeIssue(
    "missing_sheet",
    { sheet: "", cell: "" },
    spec.required
      ? `The workbook has no "${spec.name}" sheet${aliases}, so ${spec.description.charAt(0).toLowerCase()}${spec.description.slice(1).replace(/\.$/, "")} cannot be shown.`
      : `The workbook has no "${spec.name}" sheet${aliases}; that part of the summary is left out.`,
    spec.required ? {} : { severity: "info" },
  );
}

function emptyTracker(): Tracker {
  return {
    settings: emptySettings(),
    kpis: [],
    monthly: [],
    finance: [],
    places: [],
    programmes: [],
    workstreams: [],
    milestones: [],
    risks: [],
    found: {} as Record<SectionId, boolean>,
    sheetNames: {},
  };
}

/** What the shell left unread (see RawUnread), each as an issue at its range, in the tracker's words. */
function unreadIssues(raw: RawWorkbook): Issue[] {
  return (raw.unread ?? []).map((part) => {
    const why =
      part.reason === "blank-rows"
        ? "Excel counts these cells as used, but they come after a long run of empty rows"
        : part.reason === "far-columns"
          ? "Excel counts these cells as used, but they lie far to the right of the tracker's columns"
          : "the sheet holds more cells than are read from one sheet";
    return makeIssue(
      "not_read",
      { sheet: part.sheet, cell: part.range },
      `${part.range} was not read: ${why}.`,
    );
  });
}

/**
 * Reads every section of the tracker. Missing or unreadable sections are empty, with an issue saying why.
 * Where the workbook is not laid out like the template, a mapping says where each section sits: the one given,
 * else the one saved in the workbook (savedSettings[SAVED_MAPPING_KEY]); sections it leaves out are read as the
 * template describes, which is reading them through the empty mapping. A monthly sheet with the months across its
 * columns is recognised without a mapping.
 */
export function readTracker(
  raw: RawWorkbook,
  mapping?: TrackerMapping | null,
): { tracker: Tracker; issues: Issue[] } {
  const issues: Issue[] = [];
  const tracker = emptyTracker();
  const { found, sheetNames } = tracker;
  const notComputed: { section: string; reason: string }[] = [];
  issues.push(...unreadIssues(raw));
  const active = mapping ?? savedMapping(raw, issues);
  // Sheets a mapping gives to a section are not also taken by another section's template name.
  const taken = new Set<string>(active ? mappedSheets(raw, active) : []);
  for (const spec of TEMPLATE) {
    const sectionMapping = active?.sections[spec.section];
    if (sectionMapping) {
      if (spec.shape === "fields") {
        const sheet = mappedFieldsSheet(raw, spec, sectionMapping, issues);
        found[spec.section] = sheet !== null;
        if (sheet) {
          sheetNames[spec.section] = sheet.name;
          tracker.settings = readSettings(sheet, issues);
        }
        continue;
      }
      const located = locateMapped(raw, spec, sectionMapping, issues);
      found[spec.section] = located !== null;
      if (!located) continue;
      sheetNames[spec.section] = located.sheetName;
      for (const t of located.tables) readLocated(tracker, spec, t, issues);
      notComputed.push(...unmappedConsequences(spec, located.unmapped));
      continue;
    }
    const sheet = findSheet(raw, spec, taken);
    found[spec.section] = sheet !== null;
    if (!sheet) {
      issues.push(missingSheet(spec));
      continue;
    }
    taken.add(sheet.name);
    sheetNames[spec.section] = sheet.name;
    if (spec.shape === "fields") {
      tracker.settings = readSettings(sheet, issues);
      continue;
    }
    // Months along a header row (Apr-24, May-24, ...) mean measures down the rows: read it turned round.
    const t = isMonthsAcross(sheet, spec)
      ? monthsAcrossTable(sheet, spec, {}, issues)
      : locateRows(sheet, spec, issues, { description: `the "${sheet.name}" sheet` });
    if (t) readLocated(tracker, spec, t, issues);
  }
  if (notComputed.length > 0) tracker.notComputed = notComputed;
  return { tracker, issues };
}
