// Checks every plan must pass whatever the summary: the promises the renderers rely on.
import { parseRangeAddress } from "../../src/layout/a1";
import type { PlannedSheet, SheetPlan } from "../../src/layout/plan";
import { sheetOf, valuesIn } from "./plan-reading";

const overlaps = (a: string, b: string) => {
  const p = parseRangeAddress(a);
  const q = parseRangeAddress(b);
  return p.row1 <= q.row2 && q.row1 <= p.row2 && p.col1 <= q.col2 && q.col1 <= p.col2;
};

/** Pairs of merged ranges that overlap (should be none). */
export function overlappingMerges(sheet: PlannedSheet): [string, string][] {
  const byRow = [...sheet.merges].sort((a, b) => parseRangeAddress(a).row1 - parseRangeAddress(b).row1);
  const out: [string, string][] = [];
  for (let i = 0; i < byRow.length; i++) {
    for (let j = i + 1; j < byRow.length; j++) {
      if (parseRangeAddress(byRow[j]).row1 > parseRangeAddress(byRow[i]).row2) break;
      if (overlaps(byRow[i], byRow[j])) out.push([byRow[i], byRow[j]]);
    }
  }
  return out;
}

/** Problems with the charts' data: ranges off the data sheet, empty, or a name cell that disagrees. */
export function chartDataProblems(plan: SheetPlan): string[] {
  const problems: string[] = [];
  const data = sheetOf(plan, "data");
  for (const sheet of plan.sheets) {
    for (const chart of sheet.charts) {
      for (const s of chart.series) {
        for (const ref of [s.categories, s.values]) {
          const target = sheetOf(plan, ref.sheet);
          const r = parseRangeAddress(ref.range);
          if (r.row2 > target.values.length) problems.push(`${chart.id}: ${ref.range} runs off the sheet`);
        }
        const cats = valuesIn(sheetOf(plan, s.categories.sheet), s.categories.range);
        const values = valuesIn(sheetOf(plan, s.values.sheet), s.values.range);
        if (cats.length === 0 || cats.some((c) => c === null))
          problems.push(`${chart.id}: a category is empty`);
        if (!values.some((v) => typeof v === "number")) problems.push(`${chart.id}/${s.name}: no number`);
        if (values.length !== cats.length)
          problems.push(`${chart.id}/${s.name}: values and categories differ in length`);
        if (s.nameRef && valuesIn(sheetOf(plan, s.nameRef.sheet), s.nameRef.range)[0] !== s.name) {
          problems.push(`${chart.id}: the name cell does not hold "${s.name}"`);
        }
      }
      if (chart.sheet !== "summary") problems.push(`${chart.id}: not drawn on the summary`);
    }
  }
  if (data.charts.length > 0) problems.push("charts drawn on the data sheet");
  return problems;
}

/** Charts placed over cells that hold something (they would hide it). */
export function chartsOverText(sheet: PlannedSheet): string[] {
  return sheet.charts
    .filter((c) => valuesIn(sheet, `${c.position.from}:${c.position.to}`).some((v) => v !== null))
    .map((c) => c.id);
}

/** The promises every plan keeps, as a list of what is broken (empty when all hold). */
export function planProblems(plan: SheetPlan): string[] {
  const problems: string[] = [];
  const summary = sheetOf(plan, "summary");
  for (const sheet of plan.sheets) {
    for (const [a, b] of overlappingMerges(sheet))
      problems.push(`${sheet.key}: merges ${a} and ${b} overlap`);
    const width = sheet.values[0]?.length ?? 0;
    if (sheet.values.some((row) => row.length !== width)) problems.push(`${sheet.key}: rows differ in width`);
  }
  problems.push(...chartDataProblems(plan));
  for (const id of chartsOverText(summary)) problems.push(`${id} covers text`);
  const area = summary.print ? parseRangeAddress(summary.print.printArea) : null;
  if (!area) problems.push("no print area");
  else {
    if (area.row2 !== summary.values.length) problems.push("print area does not end at the last row");
    for (const chart of summary.charts) {
      const p = parseRangeAddress(`${chart.position.from}:${chart.position.to}`);
      if (p.row2 > area.row2 || p.col2 > area.col2) problems.push(`${chart.id} lies outside the print area`);
    }
    for (const b of summary.print?.rowBreaks ?? [])
      if (b < 1 || b >= area.row2) problems.push(`break ${b} outside`);
  }
  return problems;
}
