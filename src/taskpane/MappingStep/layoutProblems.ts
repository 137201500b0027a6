// Whether the tracker is a dead end without a column mapping: a required sheet, header row or column that the
// template reading (through any saved mapping) could not find. Small and eager, so the mapping step itself can load
// lazily and a tracker laid out as the template never fetches it.
import type { Issue } from "../../core/model";

/** Issue codes that mean a section's shape was not found (as in suggestMapping), rather than a bad value. */
const LAYOUT_CODES = new Set(["missing_sheet", "header_not_found", "missing_column", "no_data_rows"]);

/** The errors that stop a refresh because the workbook is not laid out as the reader expects. */
export function layoutProblems(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === "error" && LAYOUT_CODES.has(i.code));
}
