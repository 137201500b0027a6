// What the .xlsx reader will read, stated once: docs/xlsx-reading.md quotes these and the bench measures them.

/** The file itself: an honest tracker is a few megabytes; larger than this is refused before it is opened. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** One part (a sheet's XML, the shared strings) may unpack to at most this many bytes. */
export const MAX_PART_BYTES = 512 * 1024 * 1024;

/** All parts read together may unpack to at most this many bytes. */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

/** Cells holding a value (or a formula), over all sheets. */
export const MAX_FILLED_CELLS = 2_000_000;

/** Cells inside the sheets' used ranges (first to last filled cell), over all sheets: what the engine is given. */
export const MAX_USED_RANGE_CELLS = 20_000_000;

/** "512 MB", "2,000,000": the limits as a sentence shows them. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-GB")} MB`;
}
