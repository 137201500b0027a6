// Header and sheet-name matching against the template: normalise, match exactly or by alias, suggest the closest.
// "%" and "#" become words so "% placed in INMSS" and "# placed in INMSS" stay different; brackets keep their digits.
import type { ColumnSpec } from "../template";

const PUNCTUATION = /[^a-z0-9]+/g;
const PERCENT = /%/g;
const HASH = /#/g;
const POUND = /£/g;
const AMPERSAND = /&/g;
/** Apostrophes join the word they sit in ("KPI's" is "KPIs"), where other punctuation separates words. */
const APOSTROPHES = /['\u2018\u2019`\u00b4]/g;

/**
 * Lower case, "%" -> "percent", "#" -> "number", "£" -> "gbp", "&" -> "and", apostrophes dropped ("KPI's" ->
 * "kpis"), all other punctuation and spacing collapsed to single spaces: "Impact (1-5)" -> "impact 1 5",
 * "% placed in INMSS" -> "percent placed in inmss".
 */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(PERCENT, " percent ")
    .replace(HASH, " number ")
    .replace(POUND, " gbp ")
    .replace(AMPERSAND, " and ")
    .replace(PUNCTUATION, " ")
    .trim();
}

export type HeaderMatch = { field: string; exact: boolean };

/**
 * A lookup from normalised header text to the column it names. The template header wins over an alias
 * ("exact"), so a sheet with both "RAG" and "Status" columns uses "RAG" for the RAG.
 */
export function headerIndex(columns: readonly ColumnSpec[]): Map<string, HeaderMatch> {
  const index = new Map<string, HeaderMatch>();
  for (const c of columns) index.set(normaliseHeader(c.header), { field: c.field, exact: true });
  for (const c of columns) {
    for (const a of c.aliases) {
      const key = normaliseHeader(a);
      if (!index.has(key)) index.set(key, { field: c.field, exact: false });
    }
  }
  return index;
}

/** Edit distance (insertions, deletions, substitutions), two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let curr = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const insertOrDelete = (prev[j] < curr[j - 1] ? prev[j] : curr[j - 1]) + 1;
      curr[j] = substitute < insertOrDelete ? substitute : insertOrDelete;
    }
    const swap = prev;
    prev = curr;
    curr = swap;
  }
  return prev[b.length];
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = s.replace(/ /g, "");
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/**
 * A header's normalised text and bigrams, remembered: finding a table scores every cell of its first rows against
 * every template header and alias, so the same few hundred texts come round thousands of times.
 */
interface Prepared {
  text: string;
  grams: Map<string, number>;
  gramCount: number;
}
const PREPARED_LIMIT = 4096;
const prepared = new Map<string, Prepared>();

function prepare(raw: string): Prepared {
  let p = prepared.get(raw);
  if (p) return p;
  const text = normaliseHeader(raw);
  const grams = bigrams(text);
  let gramCount = 0;
  for (const n of grams.values()) gramCount += n;
  p = { text, grams, gramCount };
  if (prepared.size >= PREPARED_LIMIT) prepared.clear();
  prepared.set(raw, p);
  return p;
}

/**
 * Similarity from 0 (nothing alike) to 1 (same after normalising): the better of the edit-distance ratio
 * (catches typos, "Fundded EHCPs") and the bigram overlap (catches reordered words, "EHCPs funded").
 */
export function similarity(a: string, b: string): number {
  const px = prepare(a);
  const py = prepare(b);
  const x = px.text;
  const y = py.text;
  if (x === y) return 1;
  if (x.length === 0 || y.length === 0) return 0;
  const edit = 1 - editDistance(x, y) / Math.max(x.length, y.length);
  let shared = 0;
  for (const [g, n] of px.grams) shared += Math.min(n, py.grams.get(g) ?? 0);
  const total = px.gramCount + py.gramCount;
  const dice = total === 0 ? 0 : (2 * shared) / total;
  return Math.max(edit, dice);
}

/** Below this, a suggestion would confuse more than help. */
const SUGGESTION_THRESHOLD = 0.5;

/**
 * The header in `candidates` most like any of `names` (a column's header and aliases), or null when none
 * is similar enough to suggest.
 */
export function closestHeader(names: readonly string[], candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = SUGGESTION_THRESHOLD;
  for (const c of candidates) {
    if (normaliseHeader(c) === "") continue;
    for (const n of names) {
      const s = similarity(n, c);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
  }
  return best;
}
