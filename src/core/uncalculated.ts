// Formula cells the file holds no saved result for (a file written by a program that does not calculate). The
// reader gives them as empty; here each becomes an issue at its cell, so a figure is never silently missing.
// Where the summary works the figure out from the counts anyway (the council's typed shares, a KPI's typed
// actual), the issue says so and is only a note; where the figure is needed, it is an error.
import { makeIssue } from "./issues";
import type { Issue } from "./model";
import type { FormulaWithoutResult } from "./raw";
import type { Tracker } from "./tracker";

/** Fields the summary recomputes from other cells, so a missing result changes no figure. */
const WORKED_OUT: Record<string, string> = {
  typedEhcpShare: "the summary works the share out from the funded EHCPs and the 0-25 population",
  typedInmssShare: "the summary works the share out from the INMSS placements and the funded EHCPs",
  typedScore: "the summary works the score out as impact x likelihood",
  actual: "the summary takes the KPI's actual from the monthly data",
};

const key = (sheet: string, cell: string) => `${sheet}!${cell}`;

/** Every cell the reader kept, by address, with the field it fills. */
function fieldsByCell(tracker: Tracker): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (row: object) => {
    for (const [field, v] of Object.entries(row)) {
      const ref = (v as { ref?: { sheet?: unknown; cell?: unknown } } | null)?.ref;
      if (ref && typeof ref.sheet === "string" && typeof ref.cell === "string" && ref.cell !== "")
        out.set(key(ref.sheet, ref.cell), field);
    }
  };
  visit(tracker.settings);
  for (const rows of [
    tracker.kpis,
    tracker.monthly,
    tracker.finance,
    tracker.places,
    tracker.programmes,
    tracker.workstreams,
    tracker.milestones,
    tracker.risks,
  ] as object[][])
    for (const r of rows) visit(r);
  return out;
}

/**
 * The issues for formulas without results, and the reader's issues less those at the same cells (an "empty
 * but needed" cell that is really an uncalculated formula is reported once, as what it is).
 */
export function formulaWithoutResultIssues(
  tracker: Tracker,
  readIssues: readonly Issue[],
  formulas: readonly FormulaWithoutResult[],
): { issues: Issue[]; readIssues: Issue[] } {
  if (formulas.length === 0) return { issues: [], readIssues: [...readIssues] };
  const fields = fieldsByCell(tracker);
  const at = new Set(formulas.map((f) => key(f.sheet, f.cell)));
  const sections = new Set(Object.values(tracker.sheetNames));
  const issues: Issue[] = [];
  for (const f of formulas) {
    const field = fields.get(key(f.sheet, f.cell));
    const shown = f.formula.startsWith("(") || f.formula === "" ? "a formula" : `the formula =${f.formula}`;
    const place = { sheet: f.sheet, cell: f.cell };
    const said = `${f.sheet}!${f.cell}: ${shown} has no saved result in the file`;
    const readHere = readIssues.some((i) => i.sheet === f.sheet && i.cell === f.cell);
    if (field !== undefined && WORKED_OUT[field])
      issues.push(
        makeIssue("formula_without_result", place, `${said}, so ${WORKED_OUT[field]}.`, { severity: "info" }),
      );
    else if (field !== undefined || readHere)
      issues.push(
        makeIssue("formula_without_result", place, `${said}, so the summary cannot use this figure.`),
      );
    else if (sections.has(f.sheet))
      issues.push(
        makeIssue(
          "formula_without_result",
          place,
          `${said}; the summary does not read this cell, but check no figure it needs is missing.`,
          { severity: "warning" },
        ),
      );
  }
  return {
    issues,
    readIssues: readIssues.filter((i) => !(at.has(key(i.sheet, i.cell)) && i.code === "missing_value")),
  };
}
