// The result every tracker parser returns: a value (with an optional note) or a plain-words reason. Parsers never throw.

/**
 * Something the caller may want to report although the value was accepted:
 * - "text_number": the cell held a number stored as text ("6,353");
 * - "ambiguous_percentage": a share that could be read two ways (the value follows the column's convention).
 */
export type ParseFlag = "text_number" | "ambiguous_percentage";

export type ParseResult<T> =
  { ok: true; value: T; note?: string; flag?: ParseFlag } | { ok: false; reason: string };

export function ok<T>(value: T, note?: string, flag?: ParseFlag): ParseResult<T> {
  // Always the same four keys (some undefined): one object shape keeps the reader's hot path monomorphic.
  return { ok: true, value, note, flag };
}

export function fail<T = never>(reason: string): ParseResult<T> {
  return { ok: false, reason };
}

/** Shows a raw value inside a message: strings quoted, numbers as they are. */
export function quote(v: unknown): string {
  if (typeof v === "string") return `"${v.length > 60 ? `${v.slice(0, 57)}...` : v}"`;
  return String(v);
}
