// A fingerprint of what the add-in wrote on the summary, so the next refresh can tell whether anyone typed on it
// since. It covers the values cells show, not formatting: a summary someone only recoloured is replaced; one with
// a note or a changed figure is kept as their own sheet first. Values rather than formulas, because a host may or
// may not show the apostrophe that keeps text as text in `formulas`; `values` never shows it.
import type { PlanValue } from "../layout/plan";

/** Excel keeps 15 significant digits; both sides are compared at that precision. */
function canonical(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return `n${Number(value.toPrecision(15))}`;
  }
  if (typeof value === "boolean") return `b${value}`;
  return `s${String(value)}`;
}

/** cyrb53: a fast 53-bit string hash (not cryptographic: it tells edits apart, it does not prove anything). */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Fingerprint of non-empty cells given as rows from (row0, col0): "v1:" + hash of "row,col=value" lines. */
function fingerprintOf(grid: readonly (readonly unknown[])[], row0: number, col0: number): string {
  const lines: string[] = [];
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      const text = canonical(value);
      if (text !== null) lines.push(`${row0 + r},${col0 + c}=${text}`);
    }),
  );
  return `v1:${lines.length}:${hash53(lines.join("\n"))}`;
}

/**
 * Fingerprint of a sheet's planned charts: their types, series, ranges (by plan key: the same whichever sheet names
 * they take), colours, titles and places. Equal fingerprints draw equal charts.
 */
export function chartsFingerprint(charts: readonly unknown[]): string {
  return `c1:${charts.length}:${hash53(JSON.stringify(charts))}`;
}

/** What the plan writes on a sheet: the values Excel stores (text as text, whatever guard it was sent with). */
export function plannedFingerprint(values: PlanValue[][]): string {
  return fingerprintOf(values, 0, 0);
}

/** What the sheet holds now: the `values` of its used range (values only), from its top-left corner. */
export function currentFingerprint(
  values: readonly (readonly unknown[])[],
  rowIndex: number,
  columnIndex: number,
): string {
  return fingerprintOf(values, rowIndex, columnIndex);
}
