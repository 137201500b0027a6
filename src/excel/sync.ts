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
