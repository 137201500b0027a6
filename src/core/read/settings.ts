// The Settings sheet: Field/Value pairs, found by their own header row ("Field", "Value") as any table is; without
// one, the first two columns are taken. Each setting is read as its template type says, the few that need more
// (a risk threshold on the 1-25 scale, score bands, the 20-week variant) by hand.
import { sheetCellAddress } from "../a1";
import type { Issue } from "../model";
import { parseRiskBands, parseTwentyWeekVariant } from "../parse/enums";
import { closestHeader, headerIndex, normaliseHeader } from "../parse/headers";
import { quote } from "../parse/result";
import { isBlank, textOf, type RawSheet } from "../raw";
import { SETTINGS_FIELDS, sheetSpec, type ColumnSpec, type ColumnType } from "../template";
import type { SourceRef } from "../model";
import type { Cell, ProgrammeSettings } from "../tracker";
import { CellReader } from "./cells";
import { READ_BY_TYPE, type FieldColumn } from "./rows";
import { exactly, findHeaderRow, headerMatcher, headersOf, matchColumns } from "./table";

const emptyRef = (sheet = ""): SourceRef => ({ sheet, cell: "" });
const none = <T>(sheet = ""): Cell<T> => ({ value: null, ref: emptyRef(sheet) });

/** Every setting empty, pointing at the sheet (or at nothing when there is no Settings sheet). */
export function emptySettings(sheet = ""): ProgrammeSettings {
  return {
    programmeName: none(sheet),
    council: none(sheet),
    reportingDate: none(sheet),
    sendDataRefreshed: none(sheet),
    financeDataAsAt: none(sheet),
    financeBasis: none(sheet),
    financialYear: none(sheet),
    overallRag: none(sheet),
    ragNarrative: none(sheet),
    riskThreshold: none(sheet),
    riskBands: none(sheet),
    sendStalenessDays: none(sheet),
    financeStalenessDays: none(sheet),
    twentyWeekVariant: none(sheet),
    populationAgeBand: none(sheet),
    ceasedIncludeTransfers: none(sheet),
  };
}

/** The columns of the Field/Value list: its header row's, else the first two from the top. */
function fieldValueColumns(sheet: RawSheet): { fieldCol: number; valueCol: number; start: number } {
  const spec = sheetSpec("settings");
  const match = headerMatcher(spec);
  const r = findHeaderRow(sheet.values, spec.columns, exactly(match));
  if (r >= 0) {
    const { col } = matchColumns(headersOf(sheet.values, r), spec, match);
    if (col.field >= 0 && col.value >= 0) return { fieldCol: col.field, valueCol: col.value, start: r + 1 };
  }
  return { fieldCol: 0, valueCol: 1, start: 0 };
}

/** Settings: Field/Value pairs. Without a Field/Value header, the first two columns are taken as field and value. */
export function readSettings(sheet: RawSheet, issues: Issue[]): ProgrammeSettings {
  const settings = emptySettings(sheet.name);
  const values = sheet.values;
  const fieldsIndex = headerIndex(SETTINGS_FIELDS);
  const { fieldCol, valueCol, start } = fieldValueColumns(sheet);
  const reader = new CellReader(sheet, issues);
  const byField = new Map(SETTINGS_FIELDS.map((f) => [f.field, f]));
  const seen = new Map<string, string>();
  let lastRow = start - 1;
  for (let r = start; r < values.length; r++) {
    const label = textOf(values[r]?.[fieldCol]);
    if (label === "") continue;
    lastRow = r;
    const hit = fieldsIndex.get(normaliseHeader(label));
    if (!hit) {
      // A title or note row has no value beside it; only a labelled value we do not know is worth a word.
      if (!isBlank(values[r]?.[valueCol])) {
        const ref = reader.ref(r, fieldCol);
        const suggestion = closestHeader(
          [label],
          SETTINGS_FIELDS.map((f) => f.header),
        );
        reader.report(
          "unknown_setting",
          ref,
          `Settings, ${ref.cell}: ${quote(label)} is not a setting we know.${suggestion ? ` Did you mean "${suggestion}"?` : ""}`,
        );
      }
      continue;
    }
    const f = byField.get(hit.field)!;
    const prior = seen.get(f.field);
    if (prior) {
      const ref = reader.ref(r, fieldCol);
      reader.report(
        "duplicate_setting",
        ref,
        `Settings, ${ref.cell}: "${f.header}" is also given at ${prior}.`,
      );
      continue;
    }
    seen.set(f.field, reader.ref(r, fieldCol).cell);
    readSetting(settings, f, reader, r, valueCol);
  }
  for (const f of SETTINGS_FIELDS) {
    if (!f.required || seen.has(f.field)) continue;
    const ref = { sheet: sheet.name, cell: sheetCellAddress(sheet, lastRow + 1, fieldCol) };
    reader.report(
      "missing_value",
      ref,
      `Settings: there is no "${f.header}" row (e.g. ${f.example}); add it in the Field/Value list, e.g. at ${ref.cell}.`,
    );
  }
  return settings;
}

/** One setting from its value cell: by its template type, or by hand for the three that need more. */
function readSetting(s: ProgrammeSettings, f: ColumnSpec, reader: CellReader, r: number, c: number): void {
  const label = f.header;
  const req = f.required;
  const set = s as unknown as Record<string, Cell<unknown>>;
  switch (f.field) {
    case "riskThreshold": {
      const cell = reader.count(r, c, label, req);
      if (cell.value !== null && (cell.value < 1 || cell.value > 25)) {
        reader.report(
          "unrecognised_value",
          cell.ref,
          `${label}, ${cell.ref.cell}: ${cell.value} is not a risk score (1-25).`,
        );
        s.riskThreshold = { value: null, ref: cell.ref };
        return;
      }
      s.riskThreshold = cell;
      return;
    }
    case "riskBands":
      s.riskBands = reader.word(r, c, label, req, parseRiskBands, "unrecognised_value");
      return;
    case "twentyWeekVariant":
      s.twentyWeekVariant = reader.word(r, c, label, req, parseTwentyWeekVariant, "unrecognised_value");
      return;
    default: {
      if (!(f.field in s)) return;
      const column: FieldColumn = {
        field: f.field,
        type: f.type,
        c,
        label,
        required: req,
        percentColumn: false,
        keepDecimals: false,
      };
      set[f.field] = READ_BY_TYPE[f.type as Exclude<ColumnType, "period">](reader, r, column, req);
    }
  }
}
