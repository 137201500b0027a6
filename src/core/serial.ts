// Excel date serials (the 1900 date system), the one place their arithmetic lives: the reader turns serials into
// dates, the layout writes dates as serials, the .xlsx reader and the Excel simulator turn file dates into serials.
//
// Serial 1 is 01/01/1900. Excel counts a 29/02/1900 that never existed (serial 60, its leap-year bug kept from
// Lotus 1-2-3), so from 01/03/1900 (serial 61) on a serial is the days since 30/12/1899, and before it the days
// since 31/12/1899. Every tracker date is long after 1900, but the rule is kept whole so round trips are exact.

// Math and Number bound once: in a sandboxed global (jest's vm context) each global lookup is slow, and the reader
// turns a serial into a date for every date cell of big sheets.
const { floor: mFloor, round: mRound } = Math;
const { isFinite } = Number;

export const MS_PER_DAY = 86_400_000;
/** Day 0 of the serials from 61 on: 30/12/1899. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 01/01/1970 as a serial: the straight line from SERIAL_EPOCH_MS, in days. */
const UNIX_EPOCH_SERIAL = 25569;
/** Day 0 of the serials before the fictitious 29/02/1900: 31/12/1899. */
const EARLY_EPOCH_MS = Date.UTC(1899, 11, 31);
/** 31/12/9999, the last date Excel shows. */
const MAX_SERIAL = 2_958_465;
/** Days between the 1900 and 1904 date systems (a workbook saved on an old Mac may use the later one). */
export const DATE_1904_OFFSET = 1462;

/**
 * Calendar date of a serial as [year, month, day], or null for serial 60 and serials outside 1..MAX_SERIAL.
 * Plain integer arithmetic (the days-to-civil algorithm) rather than a Date object: it runs once per date cell.
 */
export function serialToYmd(serial: number): [number, number, number] | null {
  const day = mFloor(serial);
  if (day === 60 || day < 1 || day > MAX_SERIAL || !isFinite(serial)) return null;
  // Days since 1970-01-01; serials before the fictitious 29/02/1900 are one day off those after it.
  let z = day - (day < 60 ? 25568 : 25569) + 719468;
  const era = mFloor(z / 146097);
  const doe = z - era * 146097;
  const yoe = mFloor((doe - mFloor(doe / 1460) + mFloor(doe / 36524) - mFloor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + mFloor(yoe / 4) - mFloor(yoe / 100));
  const mp = mFloor((5 * doy + 2) / 153);
  const d = doy - mFloor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  z = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return [z, m, d];
}

/** The serial of a calendar date (month 1-12); the date is not checked. */
export function ymdToSerial(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const afterBug = mRound((ms - SERIAL_EPOCH_MS) / MS_PER_DAY);
  return afterBug >= 61 ? afterBug : mRound((ms - EARLY_EPOCH_MS) / MS_PER_DAY);
}

/** "YYYY-MM-DD" -> its serial; the date is not checked (the reader's own dates are valid by construction). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return ymdToSerial(y, m, d);
}

/**
 * "2025-01-07" -> 45664; a month "2024-12" -> the serial of its first day. Null for text that is neither, or a date
 * that does not exist (2025-02-31), so a summary's text never becomes a wrong number on the page.
 */
export function excelSerial(isoDateOrMonth: string): number | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(isoDateOrMonth.slice(0, 10));
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // Reject dates such as 2025-02-31 that Date.UTC would roll into March.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return ymdToSerial(year, month, day);
}

/**
 * The serial of a JavaScript Date read from a file. ExcelJS turns a date cell's serial into a Date by a straight
 * line from 30/12/1899 (with no leap-year bug), so the same line backwards gives back the serial stored in the file,
 * exactly and in both date systems, Excel's phantom 29/02/1900 included. Times of day are kept to the millisecond.
 */
export function dateToSerial(date: Date, date1904 = false): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE_1904_OFFSET : 0);
  // Whole days come back whole; keep times to the millisecond without binary noise.
  return mRound(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** The date and time of a serial (from 01/03/1900 on) as an ISO string to the second, UTC; null otherwise. */
export function serialToIsoDateTime(serial: number): string | null {
  if (!isFinite(serial) || serial < 61 || serial > MAX_SERIAL + 1) return null;
  const ms = mRound(((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY) / 1000) * 1000;
  return new Date(ms).toISOString();
}
