// A section's table, located: the grid it is read from, its header row and the column of each field. A sheet laid
// out as the template is located exactly as a mapped one, through the empty mapping (src/core/read/table.ts holds
// the rule); only the words of the problems differ, since a mapped section's problems are about the mapping.
import { sheetCellAddress, sheetRangeAddress, sheetRowNumber } from "../a1";
import { makeIssue } from "../issues";
import type { SectionMapping } from "../mapping/format";
import type { Issue } from "../model";
import { closestHeader } from "../parse/headers";
import type { RawSheet } from "../raw";
import type { SheetSpec } from "../template";
import { HEADER_SEARCH_ROWS, exactly, findHeaderRow, headerMatcher, headersOf, matchColumns } from "./table";

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
  /** How the grid was found, for previews and messages ("the table "RiskLog" on the "Governance" sheet"). */
  description: string;
  /** Found as the template describes, with no mapping: its problems are worded for the template. */
  asTemplate?: boolean;
}

export function mappingIssue(
  sheet: string,
  cell: string,
  message: string,
  severity: "error" | "warning" | "info",
): Issue {
  return makeIssue("missing_column", { sheet, cell }, message, { severity, advice: false });
}

export const FIX_MAPPING =
  "Choose where it now is in the mapping step of the task pane (or edit the --mapping file); until then it is left out.";

/**
 * Raises an issue for each field a mapped grid lacks: a mapped header that is no longer there names the field and
 * what it used to point at; a required template column that is missing asks for a mapping.
 */
export function reportMissing(
  spec: SheetSpec,
  col: Record<string, number>,
  mapped: Readonly<Record<string, string | null>>,
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

export interface RowsOptions {
  /** How the grid is named in messages ("the "Governance" sheet"). */
  description: string;
  /** The section's mapping; left out, the sheet is read as the template describes (the empty mapping). */
  mapping?: Pick<SectionMapping, "headerRow" | "columns">;
  /** A header row fixed by the source itself (an Excel table's first row). */
  fixedHeaderRow?: number;
  /** Fields the source gives without a column (a per-programme sheet's programme). */
  provided?: readonly string[];
}

/**
 * A header row then one record a row: the header row as the mapping gives it or as the rule finds it, each field's
 * column by the mapping's header, else by template header or alias. Raises header_not_found, duplicate_column and
 * missing_column; returns null when there is no header row.
 */
export function locateRows(
  sheet: RawSheet,
  spec: SheetSpec,
  issues: Issue[],
  options: RowsOptions,
): LocatedTable | null {
  const asTemplate = options.mapping === undefined;
  const mapping = options.mapping ?? {};
  const mapped = mapping.columns ?? {};
  const match = headerMatcher(spec, mapped);
  const values = sheet.values;
  const headerRow =
    options.fixedHeaderRow ??
    (mapping.headerRow !== undefined
      ? mapping.headerRow - 1 - sheet.originRow
      : findHeaderRow(values, spec.columns, exactly(match)));
  // An optional sheet's problems are warnings: the summary is still made without it.
  const severity = spec.required ? {} : { severity: "warning" as const };
  if (headerRow < 0 || headerRow >= values.length) {
    issues.push(
      asTemplate
        ? makeIssue(
            "header_not_found",
            {
              sheet: sheet.name,
              cell: values.length
                ? sheetRangeAddress(sheet, 0, 0, Math.min(values.length, HEADER_SEARCH_ROWS) - 1, 0)
                : "",
            },
            `No header row was found on the "${sheet.name}" sheet: none of the first ${HEADER_SEARCH_ROWS} rows has the template's column headers (${spec.columns
              .filter((c) => c.required)
              .map((c) => `"${c.header}"`)
              .join(", ")}).`,
            severity,
          )
        : makeIssue(
            "header_not_found",
            { sheet: sheet.name, cell: "" },
            mapping.headerRow !== undefined
              ? `The mapping puts the headers of ${options.description} in row ${mapping.headerRow}, but the sheet's data stop before it. Correct the header row in the mapping.`
              : `No header row was found in ${options.description}: none of its first ${HEADER_SEARCH_ROWS} rows has the mapped or template headers. Give the header row in the mapping.`,
            { advice: false },
          ),
    );
    return null;
  }
  const headers = headersOf(values, headerRow);
  const { col, duplicates } = matchColumns(headers, spec, match);
  for (const d of duplicates) {
    const header = spec.columns.find((s) => s.field === d.field)?.header ?? d.field;
    issues.push(
      makeIssue(
        "duplicate_column",
        { sheet: sheet.name, cell: sheetCellAddress(sheet, headerRow, d.second) },
        `The "${sheet.name}" sheet has two "${header}" columns (${sheetCellAddress(sheet, headerRow, d.first)} and ${sheetCellAddress(sheet, headerRow, d.second)}).`,
      ),
    );
  }
  const headerRange = sheetRangeAddress(sheet, headerRow, 0, headerRow, Math.max(0, headers.length - 1));
  if (asTemplate) {
    const unmatched = headers.filter((h) => h !== "" && !match(h));
    for (const c of spec.columns) {
      if (!c.required || col[c.field] >= 0) continue;
      const suggestion = closestHeader([c.header, ...c.aliases], unmatched);
      issues.push(
        makeIssue(
          "missing_column",
          { sheet: sheet.name, cell: headerRange },
          `The "${sheet.name}" sheet has no "${c.header}" column in its header row (row ${sheetRowNumber(sheet, headerRow)}).${suggestion ? ` Did you mean "${suggestion}"?` : ""}`,
          severity,
        ),
      );
    }
  } else reportMissing(spec, col, mapped, sheet.name, headerRange, "column", issues, options.provided);
  return { sheet, headerRow, col, description: options.description, ...(asTemplate ? { asTemplate } : {}) };
}
