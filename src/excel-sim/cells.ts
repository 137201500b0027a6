// What Excel does to what the API writes: formulas, apostrophe text, numeric/boolean/ISO date strings, and the
// text a number format displays (number formats shown as in an English (United Kingdom) locale).
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from "../core/months";
import { EXCEL_ERRORS } from "../core/raw";
import { serialToYmd, ymdToSerial } from "../core/serial";
import type { CellState, CellValue } from "./state";

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

/** The result of entering one input into a cell. */
export interface Entry {
  value: CellValue;
  formula?: string;
  forcedText?: boolean;
  /** A number format Excel picks when the cell is "General" (percentages, dates). */
  impliedFormat?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === "" || !/\d/.test(t) || !NUMBER.test(t)) return null;
  return Number(t.replace(/,/g, ""));
}

/**
 * Parses what values = ... (or formulas = ...) writes, as Excel stores it. The API is not the grid: a date in a
 * locale's own shape ("07/01/2025") stays text (Range.values in @types/office-js: "Locale-shaped strings ... are
 * stored as text instead of as dates"); ISO dates (2025-01-07) become dates.
 */
export function enter(input: CellValue, numberFormat: string): Entry {
  if (typeof input !== "string") return { value: input };
  if (input === "") return { value: "" };
  if (numberFormat === "@") return { value: input, forcedText: true };
  if (input.startsWith("'")) return { value: input.slice(1), forcedText: true };
  if (input.startsWith("=") && input.length > 1) return { value: "", formula: input };
  const asNumber = parseNumber(input);
  if (asNumber !== null) return { value: asNumber };
  // "+x"/"-x" that is not a number is taken as a formula, as when typed into the grid.
  if ((input.startsWith("+") || input.startsWith("-")) && input.trim().length > 1) {
    return { value: "", formula: `=${input}` };
  }
  const upper = input.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  const percent = /^([+-]?[\d.,]+(?:[eE][+-]?\d+)?)\s*%$/.exec(input.trim());
  if (percent) {
    const n = parseNumber(percent[1]);
    if (n !== null) return { value: n / 100, impliedFormat: percent[1].includes(".") ? "0.00%" : "0%" };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDate(y, m, d)) return { value: ymdToSerial(y, m, d), impliedFormat: "dd/mm/yyyy" };
  }
  return { value: input };
}

export function valueType(cell: CellState | undefined): ValueType {
  if (!cell) return "Empty";
  const v = cell.value;
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (v === "") return cell.formula ? "String" : "Empty";
  if (!cell.forcedText && (EXCEL_ERRORS as readonly string[]).includes(v)) return "Error";
  return "String";
}

/** Value as `range.formulas` returns it: the formula text, else the constant. */
export function formulaOf(cell: CellState | undefined): CellValue {
  if (!cell) return "";
  return cell.formula ?? cell.value;
}

/** Excel's General format in a default-width column: at most 11 characters, rounding decimals to fit. */
function generalText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  if (Math.abs(n) >= 1e11 || (Math.abs(n) < 1e-9 && n !== 0)) {
    return n
      .toExponential(5)
      .replace(/\.?0+e/, "e")
      .replace("e", "E");
  }
  for (let precision = 10; precision > 0; precision--) {
    const text = String(Number(n.toPrecision(precision)));
    if (text.length <= 11) return text;
  }
  return String(Math.round(n));
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

function formatDate(serial: number, section: string): string {
  // Outside Excel's dates (before 01/01/1900, after 31/12/9999) Excel fills the cell with #; serial 60, the
  // fictitious 29/02/1900, is not modelled and shows the same.
  const ymd = serialToYmd(serial);
  if (!ymd) return "#".repeat(11);
  const [y, month, d] = ymd;
  const m = month - 1;
  const date = new Date(Date.UTC(y, m, d));
  return section.replace(/"([^"]*)"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|\\(.)/gi, (tok, lit, esc) => {
    if (lit !== undefined) return lit;
    if (esc !== undefined) return esc;
    switch (tok.toLowerCase()) {
      case "yyyy":
        return String(y);
      case "yy":
        return String(y % 100).padStart(2, "0");
      case "mmmm":
        return MONTH_NAMES[m];
      case "mmm":
        return MONTH_ABBREVIATIONS[m];
      case "mm":
        return String(m + 1).padStart(2, "0");
      case "m":
        return String(m + 1);
      case "dddd":
        return date.toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
      case "ddd":
        return date.toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });
      case "dd":
        return String(d).padStart(2, "0");
      default:
        return String(d);
    }
  });
}

function formatNumber(n: number, section: string): string {
  // Literal text: quoted strings, escaped characters, and currency symbols around the digit pattern.
  let s = section.replace(/\[[^\]]*\]/g, "");
  const percent = (s.replace(/"[^"]*"/g, "").match(/%/g) ?? []).length;
  let value = n * Math.pow(100, percent);
  // Scaling commas may follow the decimals too: "#,##0.00,," shows millions.
  const pattern = /[#0?][#0?,]*(\.[#0?]*)?,*/.exec(s.replace(/"[^"]*"/g, (q) => " ".repeat(q.length)));
  if (!pattern) return s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const digits = pattern[0];
  const decimals = digits.includes(".") ? digits.split(".")[1].replace(/[^0?#]/g, "").length : 0;
  const minDecimals = digits.includes(".") ? digits.split(".")[1].replace(/[^0]/g, "").length : 0;
  const grouping = /[#0],[#0]/.test(digits);
  const trailingCommas = /,+$/.exec(digits)?.[0].length ?? 0;
  value = value / Math.pow(1000, trailingCommas);
  let body = Math.abs(value).toFixed(decimals);
  if (decimals > minDecimals) {
    const [int, frac] = body.split(".");
    const trimmed = frac.replace(/0+$/, "").padEnd(minDecimals, "0");
    body = trimmed.length > 0 ? `${int}.${trimmed}` : digits.endsWith(".") ? `${int}.` : int;
  }
  let [intPart, fracPart] = body.split(".");
  const intDigits = digits.split(".")[0].replace(/[^0]/g, "").length;
  if (intPart === "0" && intDigits === 0) intPart = "";
  intPart = intPart.padStart(intDigits, "0");
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = fracPart !== undefined ? `${intPart}.${fracPart}` : intPart;
  s = s.slice(0, pattern.index) + "\u0000" + s.slice(pattern.index + digits.length);
  const text = s
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/[_*]./g, "");
  return text.replace("\u0000", number);
}

/**
 * Texts already worked out, by number format and value: a number's text depends on nothing else, and a sheet shows
 * the same few formats over and over (every read of Range.text and every snapshot asks again). Each format keeps
 * at most TEXTS_PER_FORMAT values; the oldest go first.
 */
const shownTexts = new Map<string, Map<number, string>>();
const TEXTS_PER_FORMAT = 10_000;

/** The text Excel shows for a value under a number format (the common formats; see docs/excel-sim.md). */
export function displayText(cell: CellState | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const format = cell.numberFormat;
  if (format === "General" || format === "") return generalText(v);
  if (format === "@") return generalText(v);
  let texts = shownTexts.get(format);
  if (!texts) shownTexts.set(format, (texts = new Map()));
  let text = texts.get(v);
  if (text === undefined) {
    text = formattedText(v, format);
    if (texts.size >= TEXTS_PER_FORMAT) texts.delete(texts.keys().next().value!);
    texts.set(v, text);
  }
  return text;
}

/** A number's text under a number format other than General and "@". */
function formattedText(v: number, format: string): string {
  const sections = splitSections(format);
  let section = sections[0];
  let value = v;
  if (v < 0 && sections.length > 1) {
    section = sections[1];
    value = -v;
  } else if (v === 0 && sections.length > 2) section = sections[2];
  const negativeSign = v < 0 && sections.length === 1 ? "-" : "";
  if (section.trim().toLowerCase() === "general") return negativeSign + generalText(Math.abs(value));
  if (isDateFormat(section)) return formatDate(value, section);
  return negativeSign + formatNumber(value, section);
}
