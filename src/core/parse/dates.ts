// Dates and months as councils type them, to ISO text: "YYYY-MM-DD" for dates, "YYYY-MM" for months.
// UK order always: "07/01/2025" is 7 January. Excel serials use the 1900 date system (with its fictitious 29/02/1900).
import { MONTH_NAMES as MONTH_NAMES_EN } from "../months";
import type { RawCell } from "../raw";
import { MS_PER_DAY, serialToYmd } from "../serial";
import { fail, ok, quote, type ParseResult } from "./result";

// Math and Number bound once: in a sandboxed global (jest's vm context) each global lookup is slow, and
// these run once per cell on big sheets.
const { floor: mFloor, round: mRound } = Math;

/** The date rules, as written in the docs. */
export const DATE_RULES = [
  "Dates are read in UK order: 07/01/2025 is 7 January 2025 (also 7/1/25, 07-01-2025, 2025-01-07, 7 Jan 2025, 7 January 2025).",
  "Date cells (Excel serial numbers, 1900 date system) are read as the date they show. Serial 60 is Excel's fictitious 29/02/1900 and is rejected.",
  "Months: Dec-24, Dec 24, December 2024, 2024-12, 12/2024, or any date in the month.",
  "Finance periods: 'Q2 2024/25' (quarters of the April-March financial year: Q1 ends 30 June), a month (Sep-24, taken as its last day) or '2024/25' (31 March).",
];

/** Month names the reader accepts, in lower case: "jan", "january", ... and "sept". */
const MONTH_NAMES: Record<string, number> = Object.fromEntries([
  ...MONTH_NAMES_EN.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
  ]),
  ["sept", 9],
]) as Record<string, number>;

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/;
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const DAY_MONTH_YEAR = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})$/;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const NUMERIC_MONTH = /^(\d{1,2})[/.-](\d{4})$/;
const NAMED_MONTH = /^([a-z]+)\.?[\s'`/-]*(\d{2}|\d{4})$/;
const QUARTER = /^(?:q|qtr|quarter)\s*([1-4])\s*,?\s*(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;
const QUARTER_AFTER = /^(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*,?\s*(?:q|qtr|quarter)\s*([1-4])$/;
const FIN_YEAR = /^(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;
const SPACES = /\s+/g;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function fullYear(y: string): number {
  // Two-digit years are this century: trackers hold recent dates.
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function validYmd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return null;
  if (d > daysInMonth(y, m)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function serialFailure(serial: number): ParseResult<string> {
  if (mFloor(serial) === 60) {
    return fail("Excel serial 60 is 29/02/1900, a date that never existed (Excel's leap-year bug)");
  }
  return fail(`${serial} is not a date Excel can show`);
}

/** Excel serial (1900 system) -> "YYYY-MM-DD"; the time of day is dropped. */
export function serialToIso(serial: number): ParseResult<string> {
  const ymd = serialToYmd(serial);
  if (!ymd) return serialFailure(serial);
  return ok(`${ymd[0]}-${pad2(ymd[1])}-${pad2(ymd[2])}`);
}

/** Excel serial -> "YYYY-MM" (the month the date falls in). */
function serialToMonth(serial: number): ParseResult<string> {
  const ymd = serialToYmd(serial);
  if (!ymd) return serialFailure(serial);
  return ok(`${ymd[0]}-${pad2(ymd[1])}`);
}

function parseDateText(raw: string): ParseResult<string> {
  const text = raw.trim().toLowerCase().replace(SPACES, " ");
  let m = ISO_DATE.exec(text);
  if (m) {
    const iso = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : fail(`${quote(raw)} is not a real date`);
  }
  m = UK_DATE.exec(text);
  if (m) {
    const iso = validYmd(fullYear(m[3]), Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : fail(`${quote(raw)} is not a real date (dates are read day first: dd/mm/yyyy)`);
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m && MONTH_NAMES[m[2]]) {
    const iso = validYmd(fullYear(m[3]), MONTH_NAMES[m[2]], Number(m[1]));
    return iso ? ok(iso) : fail(`${quote(raw)} is not a real date`);
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m && MONTH_NAMES[m[1]]) {
    const iso = validYmd(Number(m[3]), MONTH_NAMES[m[1]], Number(m[2]));
    return iso ? ok(iso) : fail(`${quote(raw)} is not a real date`);
  }
  return fail(`${quote(raw)} is not a date in a form we recognise (use dd/mm/yyyy, e.g. 07/01/2025)`);
}

/** A date cell or text -> "YYYY-MM-DD". See DATE_RULES. */
export function parseDate(v: RawCell): ParseResult<string> {
  if (typeof v === "number") return serialToIso(v);
  if (typeof v === "boolean") return fail(`${v ? "TRUE" : "FALSE"} is not a date`);
  if (v.trim() === "") return fail("the cell is empty");
  return parseDateText(v);
}

/** A month cell or text -> "YYYY-MM". A full date gives its month. See DATE_RULES. */
export function parseMonth(v: RawCell): ParseResult<string> {
  if (typeof v === "number") return serialToMonth(v);
  if (typeof v === "boolean") return fail(`${v ? "TRUE" : "FALSE"} is not a month`);
  const text = v.trim().toLowerCase().replace(SPACES, " ");
  if (text === "") return fail("the cell is empty");
  let m = ISO_MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? ok(`${m[1]}-${pad2(month)}`) : fail(`${quote(v)} is not a month`);
  }
  m = NUMERIC_MONTH.exec(text);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? ok(`${m[2]}-${pad2(month)}`) : fail(`${quote(v)} is not a month`);
  }
  m = NAMED_MONTH.exec(text);
  if (m && MONTH_NAMES[m[1]]) return ok(`${fullYear(m[2])}-${pad2(MONTH_NAMES[m[1]])}`);
  const asDate = parseDateText(v);
  if (asDate.ok) return ok(asDate.value.slice(0, 7));
  return fail(`${quote(v)} is not a month in a form we recognise (use Dec-24 or December 2024)`);
}

/** A finance period -> the last day it covers. See DATE_RULES. */
export function parsePeriodEnd(v: RawCell, numberFormat?: string): ParseResult<string> {
  if (typeof v === "number") {
    const d = serialToIso(v);
    if (!d.ok) return d;
    // A month typed as "Sep-24" is stored as 01/09/2024 with a format showing no day: it stands for the month.
    const showsDay = numberFormat !== undefined && /d/i.test(numberFormat.replace(/\[[^\]]*\]/g, ""));
    if (!showsDay && d.value.endsWith("-01")) return ok(lastDayOfMonth(d.value.slice(0, 7)));
    return d;
  }
  if (typeof v === "boolean") return fail(`${v ? "TRUE" : "FALSE"} is not a period`);
  const text = v.trim().toLowerCase().replace(SPACES, " ");
  if (text === "") return fail("the cell is empty");
  let m = QUARTER.exec(text);
  let q = 0;
  let startYear = 0;
  let endYear = 0;
  if (m) {
    q = Number(m[1]);
    startYear = fullYear(m[2]);
    endYear = fullYear(m[3]);
  } else if ((m = QUARTER_AFTER.exec(text))) {
    q = Number(m[3]);
    startYear = fullYear(m[1]);
    endYear = fullYear(m[2]);
  } else if ((m = FIN_YEAR.exec(text))) {
    startYear = Number(m[1]);
    endYear = fullYear(m[2]);
  }
  if (startYear) {
    if (endYear % 100 !== (startYear + 1) % 100) {
      return fail(
        `${quote(v)} is not a financial year (it should run from one year to the next, e.g. 2024/25)`,
      );
    }
    if (q === 0) return ok(`${startYear + 1}-03-31`);
    const ends = [
      "",
      `${startYear}-06-30`,
      `${startYear}-09-30`,
      `${startYear}-12-31`,
      `${startYear + 1}-03-31`,
    ];
    return ok(ends[q]);
  }
  const date = parseDateText(v);
  if (date.ok) return date;
  const month = parseMonth(v);
  if (month.ok) return ok(lastDayOfMonth(month.value));
  return fail(`${quote(v)} is not a period we recognise (use Q2 2024/25 or Sep-24)`);
}

/** Days from `from` to `to` (both "YYYY-MM-DD"); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return mRound((b - a) / MS_PER_DAY);
}

/** "2024-12" + 1 -> "2025-01"; negative counts go back. */
export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${mFloor(index / 12)}-${pad2((index % 12) + 1)}`;
}

export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/** Whole months from `from` to `to` ("2024-09" -> "2024-12" is 3). */
export function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

/** "2024-02" -> "2024-02-29". */
export function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${pad2(daysInMonth(y, m))}`;
}
