// Programme references as councils write them (2, "2", "P2", "Programme 2", "2 - Improving support ...") -> 2.
import type { RawCell } from "../raw";
import { fail, ok, quote, type ParseResult } from "./result";

const PROGRAMME =
  /^(?:p|prog\.?|programme|program)?\s*(?:no\.?|number|#)?\s*(\d{1,2})(?!\d|\.\d)(?:\s*[-:–—.)]\s*.*|\s+.*)?$/i;

/** A programme number (a whole number from 1 to 99). */
export function parseProgramme(v: RawCell): ParseResult<number> {
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 1 && v <= 99 ? ok(v) : fail(`${v} is not a programme number`);
  }
  if (typeof v === "boolean") return fail(`${v ? "TRUE" : "FALSE"} is not a programme number`);
  const text = v.trim();
  if (text === "") return fail("the cell is empty");
  const m = PROGRAMME.exec(text);
  if (!m || Number(m[1]) < 1) return fail(`${quote(text)} does not start with a programme number`);
  return ok(Number(m[1]));
}

/** The name part of "2 - Improving support, skills and practice" ("" when there is none). */
export function programmeNameFrom(text: string): string {
  const m = /^\s*(?:p|prog\.?|programme|program)?\s*\d{1,2}\s*[-:–—.)]\s*(.+)$/i.exec(text);
  return m ? m[1].trim() : "";
}
