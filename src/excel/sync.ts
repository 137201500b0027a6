// Counts context.sync() calls, so a refresh can report (and tests can bound) the round trips it made.

export interface CountingSync {
  /** Sends the queued batch to Excel. */
  (): Promise<void>;
  /** Syncs made so far through this counter. */
  readonly count: number;
}

export function countingSync(context: Excel.RequestContext): CountingSync {
  let count = 0;
  const sync = async () => {
    count++;
    await context.sync();
  };
  Object.defineProperty(sync, "count", { get: () => count });
  return sync as CountingSync;
}

/** Office.js error code of a failure (OfficeExtension.Error.code), or "" for other errors. */
export function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
    ? (error as { code: string }).code
    : "";
}

/** The failure in words for a message, without Office.js's documentation links. */
export function errorText(error: unknown): string {
  // Duck-typed: Office.js's errors are Errors, but of the realm the library runs in (a frame, in the preview).
  const message =
    typeof (error as { message?: unknown } | null)?.message === "string"
      ? (error as { message: string }).message
      : String(error);
  return message.replace(/\s*Please refer to the documentation:.*$/s, "").trim() || "unknown error";
}

export const PAYLOAD_TOO_LARGE_CODES = [
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
];

/** Errors Excel gives while a cell is being edited. */
export function isCellEditError(error: unknown): boolean {
  return errorCode(error) === "InvalidOperationInCellEditMode";
}

/** Errors Excel gives a write it refuses for protection or a read-only workbook. */
export function isAccessDenied(error: unknown): boolean {
  return errorCode(error) === "AccessDenied";
}

/**
 * Errors that the calls Excel refuses while another workbook has the focus give (GeneralException, and
 * InvalidSelection for deleting a sheet), when the failing call is one of them.
 */
export function isFocusError(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== "GeneralException" && code !== "InvalidSelection") return false;
  const info = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo;
  const location = typeof info?.errorLocation === "string" ? info.errorLocation : "";
  return /(worksheets?(collection)?\.add|\.activate|\.delete|freeze|gridlines|showHeadings|\.select|getActiveCell|getSelectedRange)/i.test(
    location,
  );
}
