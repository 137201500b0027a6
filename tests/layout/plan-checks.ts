// Checks every plan must pass whatever the summary: the promises the renderers rely on.
import type { PlannedSheet, SheetPlan } from "../../src/layout/plan";
import { parseRangeAddress, sheetOf, valuesIn } from "./plan-reading";

const overlaps = (a: string, b: string) => {
  const p = parseRangeAddress(a);
  const q = parseRangeAddress(b);
  return p.row1 <= q.row2 && q.row1 <= p.row2 && p.col1 <= q.col2 && q.col1 <= p.col2;
};

/** Pairs of merged ranges that overlap (should be none). */
function overlappingMerges(sheet: PlannedSheet): [string, string][] {
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
function chartDataProblems(plan: SheetPlan): string[] {
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
function chartsOverText(sheet: PlannedSheet): string[] {
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

/** Rows (1-based) that draw a table border in any cell: the rows of a table. */
function tableRows(sheet: PlannedSheet): Set<number> {
  const rows = new Set<number>();
  for (const s of sheet.styles) {
    const b = s.style.borders;
    if (!b || !(b.left || b.right || b.top)) continue;
    const r = parseRangeAddress(s.range);
    for (let row = r.row1; row <= r.row2; row++) rows.add(row);
  }
  return rows;
}

/** Points of rows first..last as the plan sets them. */
export function rowsHeight(sheet: PlannedSheet, first: number, last: number): number {
  let h = 0;
  for (const { row, height } of sheet.rowHeights) if (row >= first && row <= last) h += height;
  return h;
}

/** The printed pages of a sheet as [first row, last row] pairs, from its row breaks. */
export function printedPages(sheet: PlannedSheet): [number, number][] {
  const last = sheet.print ? parseRangeAddress(sheet.print.printArea).row2 : sheet.values.length;
  const starts = [1, ...(sheet.print?.rowBreaks ?? []).map((b) => b + 1)];
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] - 1 : last]);
}

/**
 * What the page breaks get wrong: a break through a chart, a merged cell or a table (a table may only be broken
 * when it is taller than `pageHeight`), or a section heading left at the foot of a page.
 */
export function breakProblems(sheet: PlannedSheet, pageHeight: number): string[] {
  const problems: string[] = [];
  const tables = tableRows(sheet);
  for (const b of sheet.print?.rowBreaks ?? []) {
    for (const c of sheet.charts) {
      const p = parseRangeAddress(`${c.position.from}:${c.position.to}`);
      if (p.row1 <= b && b < p.row2) problems.push(`break after row ${b} cuts chart ${c.id}`);
    }
    for (const m of sheet.merges) {
      const p = parseRangeAddress(m);
      if (p.row1 <= b && b < p.row2) problems.push(`break after row ${b} cuts merge ${m}`);
    }
    if (tables.has(b) && tables.has(b + 1)) {
      // The table around the break, and whether it could have fitted a page of its own.
      let first = b;
      while (tables.has(first - 1)) first--;
      let last = b + 1;
      while (tables.has(last + 1)) last++;
      if (rowsHeight(sheet, first, last) <= pageHeight)
        problems.push(`break after row ${b} cuts the table in rows ${first}-${last}, which fits on a page`);
    }
    const heading = sheet.styles.some(
      (s) => s.style.fill === "#1F3864" && parseRangeAddress(s.range).row1 === b && s.range.startsWith("A"),
    );
    if (heading && b > 2) problems.push(`a heading is left alone at the foot of the page ending at row ${b}`);
  }
  return problems;
}
