// Errors shaped like Office.js's OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo),
// so gateway code that inspects `error.code` behaves the same against the simulator as against Excel.

export type SimErrorCode =
  | "PropertyNotLoaded"
  | "AccessDenied"
  | "InvalidOperationInCellEditMode"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "GeneralException"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidObjectPath"
  | "InvalidSelection"
  | "NotImplemented";

export class SimExcelError extends Error {
  readonly code: string;
  readonly httpStatusCode: number;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  /** Like OfficeExtension.Error.traceMessages: always empty here. */
  readonly traceMessages: string[] = [];

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function simError(code: SimErrorCode, message: string, errorLocation?: string): SimExcelError {
  return new SimExcelError(code, message, errorLocation);
}

/** Excel's messages for the common codes, word for word where Office.js has them. */
export const MESSAGES = {
  itemNotFound: "The requested resource doesn't exist.",
  invalidArgument: "The argument is invalid or missing or has an incorrect format.",
  itemAlreadyExists: "The resource already exists.",
  requestTooLarge:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  responseTooLarge:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  cellEditMode:
    "The operation isn't available while Excel is in Edit cell mode. Please exit the edit mode by using the Enter or " +
    "Tab keys, or by selecting another cell, and then try again.",
  rangeExceedsLimit:
    'The cell count in the range has exceeded the maximum supported number. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
} as const;

export function propertyNotLoaded(entity: string, property: string): SimExcelError {
  return new SimExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}
