// Text stays text: Excel reads a string written through `range.values` as if it were typed, so "=SUM(A1)"
// becomes a formula, "00123" the number 123 and "07/01/2025" a date. A leading apostrophe keeps it as text.

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";

/**
 * Patterns Excel may turn into something other than text. The rule errs on the side of quoting:
 * an apostrophe is invisible and harmless on text that Excel would have kept as text anyway.
 */
const RISKY: RegExp[] = [
  // Formulas (=, +, -, @) and a leading apostrophe, which Excel would otherwise swallow.
  /^[=+\-@']/,
  // Anything opening with a digit, a decimal point, a currency sign or a bracketed figure: numbers,
  // dates (07/01/2025, 2024-12), times, fractions (1/2), percentages, accounting negatives "(1.20)".
  /^\s*[\d.£$€]/,
  /^\s*\(\s*[-+]?[\d.£$€]/,
  // Month names Excel reads as dates: "Dec-24", "December 2024", "1 Jan".
  new RegExp(`^\\s*(\\d{1,2}[\\s\\-/])?(${MONTHS})[a-z]*\\.?([\\s\\-/,]+\\d{1,4})*\\s*$`, "i"),
  // Booleans and error literals, which Excel stores as TRUE/FALSE or as error values.
  /^\s*(true|false)\s*$/i,
  /^\s*#(null!|div\/0!|value!|ref!|name\?|num!|n\/a|spill!|calc!|getting_data|field!|blocked!|connect!|busy!|unknown!|python!)\s*$/i,
];

/** True when a string written as a cell value would not be stored as that same text. */
export function needsTextGuard(text: string): boolean {
  return RISKY.some((pattern) => pattern.test(text));
}

/** The value to write so that Excel stores exactly `value`: strings at risk get a leading apostrophe. */
export function guardText<T>(value: T): T | string {
  return typeof value === "string" && needsTextGuard(value) ? `'${value}` : value;
}
