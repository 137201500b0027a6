// Finding a table on a sheet, the one rule for it: the reader, a mapping, the suggested mapping and the task pane's
// mapping step all find a header row, match its columns to the template's fields and take the data rows under it
// here, so what the mapping step shows is what the reader then reads.
//
// - The header row is looked for in the first HEADER_SEARCH_ROWS rows (titles and notes above it are fine). Each
//   row is scored field by field, by how well its best cell names the field, and the best row wins (the first of
//   equals); a row naming no field is never a header row. Reading names fields exactly (the template header, an
//   alias or a mapping's own header); suggesting a mapping names them by likeness (typos, reordered words).
// - A header merged down over two rows shows only in its top cell, so a blank header takes the text above it.
// - A column is matched by the template header over an alias: the first of equals is used, the second reported.
// - Data rows are those under the header row with something in a field's column, except a totals row.
import { headerIndex, normaliseHeader, similarity, type HeaderMatch } from "../parse/headers";
import { isBlank, textOf, type RawCell } from "../raw";
import type { ColumnSpec, SheetSpec } from "../template";

/** How far down the header row (or a row of months) is looked for. */
export const HEADER_SEARCH_ROWS = 20;

// Math bound once: in a sandboxed global (jest's vm context) each global lookup is slow, and data rows are looked
// at once each on big sheets.
const { min: mMin } = Math;

const TOTALS = /^(grand\s+)?totals?\s*:?$/i;

/** Header text of values[r][c]; a blank under a header merged down over two rows takes the text above it. */
export function headerText(values: readonly RawCell[][], r: number, c: number): string {
  const text = textOf(values[r]?.[c]);
  return text !== "" || r === 0 ? text : textOf(values[r - 1]?.[c]);
}

/** The field a header names, and whether it is the template header itself (or a mapping's own) or an alias. */
export type HeaderMatcher = (text: string) => HeaderMatch | null;

/**
 * Exact header matching for a section: a mapping's own header for a field first, then the template header or an
 * alias (case, spacing and punctuation ignored). A field the mapping maps elsewhere, or leaves out, is not taken by
 * its template name. With no mapping this is the template's own matching.
 */
export function headerMatcher(
  spec: SheetSpec,
  mapped: Readonly<Record<string, string | null>> = {},
): HeaderMatcher {
  const byLabel = new Map<string, string>();
  for (const [field, label] of Object.entries(mapped)) if (label) byLabel.set(normaliseHeader(label), field);
  const index = headerIndex(spec.columns);
  return (text) => {
    const key = normaliseHeader(text);
    const own = byLabel.get(key);
    if (own) return { field: own, exact: true };
    const hit = index.get(key);
    if (!hit || hit.field in mapped) return null;
    return hit;
  };
}

/** How like a field's template header or aliases a council's header is, 0 to 1 (typos and reordered words allowed). */
export function headerLikeness(field: ColumnSpec, text: string): number {
  if (normaliseHeader(text) === "") return 0;
  return Math.max(...[field.header, ...field.aliases].map((n) => similarity(n, text)));
}

/** How well a header names a field, 0 to 1. */
export type Likeness = (field: ColumnSpec, text: string) => number;

/** Exact naming as a likeness: 1 for the field the matcher gives, 0 otherwise. */
export function exactly(matcher: HeaderMatcher): Likeness {
  const named = new Map<string, string | null>();
  return (field, text) => {
    let hit = named.get(text);
    if (hit === undefined) {
      hit = matcher(text)?.field ?? null;
      named.set(text, hit);
    }
    return hit === field.field ? 1 : 0;
  };
}

/**
 * A cell names a field only this well or better: below it a likeness is noise (a row of data is full of text
 * faintly like some header); exact naming is 1.
 */
const NAMES_AT_LEAST = 0.75;

/**
 * How well row `r` names the fields as a header row: for every field, the best likeness of any cell that names it
 * (NAMES_AT_LEAST or better), summed.
 */
export function headerRowScore(
  values: readonly RawCell[][],
  r: number,
  fields: readonly ColumnSpec[],
  likeness: Likeness,
): number {
  const texts = headersOf(values, r);
  let score = 0;
  for (const field of fields) {
    let fieldBest = 0;
    for (const text of texts) {
      if (text === "") continue;
      const l = likeness(field, text);
      if (l >= NAMES_AT_LEAST && l > fieldBest) fieldBest = l;
    }
    score += fieldBest;
  }
  return score;
}

/**
 * The header row among the first HEADER_SEARCH_ROWS rows of `values`: the row with the best headerRowScore, the
 * first of equals. -1 when no row names any field.
 */
export function findHeaderRow(
  values: readonly RawCell[][],
  fields: readonly ColumnSpec[],
  likeness: Likeness,
): number {
  let best = -1;
  let bestScore = 0;
  let bestTexts = 0;
  const rows = mMin(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const score = headerRowScore(values, r, fields, likeness);
    if (score <= 0 || score < bestScore) continue;
    // Of rows naming the fields equally well, the fuller one: a title above the header row is shorter.
    const texts = headersOf(values, r).filter((t) => t !== "").length;
    if (score > bestScore || texts > bestTexts) {
      bestScore = score;
      bestTexts = texts;
      best = r;
    }
  }
  return best;
}

/**
 * The row most likely to head a table that names none of a section's fields (a source a person picked): of the
 * first HEADER_SEARCH_ROWS rows, the one with most text cells, the first of equals; 0 for an empty sheet.
 */
export function fullestRow(values: readonly RawCell[][]): number {
  let best = 0;
  let most = 0;
  const rows = mMin(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const texts = headersOf(values, r).filter((t) => t !== "").length;
    if (texts > most) {
      most = texts;
      best = r;
    }
  }
  return best;
}

/** The headers of row `r`, merged headers read from their top cell. */
export function headersOf(values: readonly RawCell[][], r: number): string[] {
  const width = values[r]?.length ?? 0;
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(headerText(values, r, c));
  return out;
}

export interface ColumnMatch {
  /** Field -> index of its column among the headers; -1 when no header names it. */
  col: Record<string, number>;
  /** A field two headers of the same standing name: the first is read, the second is reported. */
  duplicates: { field: string; first: number; second: number }[];
}

/** Each field's column among `headers`: the template header over an alias, the first of equals. */
export function matchColumns(
  headers: readonly string[],
  spec: SheetSpec,
  matcher: HeaderMatcher,
): ColumnMatch {
  const col: Record<string, number> = {};
  const exact: Record<string, boolean> = {};
  const duplicates: ColumnMatch["duplicates"] = [];
  for (const c of spec.columns) col[c.field] = -1;
  headers.forEach((text, c) => {
    const hit = matcher(text);
    if (!hit) return;
    const prev = col[hit.field];
    if (prev < 0 || (hit.exact && !exact[hit.field])) {
      col[hit.field] = c;
      exact[hit.field] = hit.exact;
    } else if (hit.exact === exact[hit.field]) {
      duplicates.push({ field: hit.field, first: prev, second: c });
    }
  });
  return { col, duplicates };
}

/**
 * Indexes of the data rows under the header row. Blank rows are skipped by looking only at the fields' columns,
 * so a long tail of empty rows costs one pass over a handful of cells each; a totals row is skipped too.
 */
export function dataRowsBelow(
  values: readonly RawCell[][],
  headerRow: number,
  col: Readonly<Record<string, number>>,
): number[] {
  const used = Object.values(col).filter((c) => c >= 0);
  const firstUsed = used.length ? mMin(...used) : 0;
  const rows: number[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    let blank = true;
    for (const c of used) {
      if (!isBlank(row[c])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const lead = row[0];
    if (
      (typeof lead === "string" && TOTALS.test(lead.trim())) ||
      (typeof row[firstUsed] === "string" && TOTALS.test((row[firstUsed] as string).trim()))
    )
      continue;
    rows.push(r);
  }
  return rows;
}

/**
 * Fields paired with columns, best pairs first: each field and each column at most once, no pair below
 * `threshold`. How a suggested mapping, and the mapping step for a source a person picks, guess the columns.
 */
export function assignBest<P extends { field: string; col: number; score: number }>(
  pairs: readonly P[],
  threshold: number,
): Map<string, P> {
  const sorted = [...pairs].sort((a, b) => b.score - a.score);
  const chosen = new Map<string, P>();
  const usedCols = new Set<number>();
  for (const p of sorted) {
    if (p.score < threshold || chosen.has(p.field) || usedCols.has(p.col)) continue;
    chosen.set(p.field, p);
    usedCols.add(p.col);
  }
  return chosen;
}
