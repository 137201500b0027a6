// Shares (percentages) as councils type them, to fractions: "3.82%", 3.82, 0.0382 and a 0.00% cell all give 0.0382.
// The rule is in PERCENTAGE_RULES (the docs print it); ambiguous values are flagged, never silently guessed.
import type { RawCell } from "../raw";
import { decimalsOf, parseNumber, tidy } from "./numbers";
import { fail, ok, quote, type ParseResult } from "./result";

// Math and Number bound once: in a sandboxed global (jest's vm context) each global lookup is slow, and
// these run once per cell on big sheets.
const { abs: mAbs, max: mMax, round: mRound } = Math;

/** The percentage rule, as written in the docs. */
export const PERCENTAGE_RULES = [
  "A number in a cell formatted as a percentage (0.00%) is taken as Excel stores it: 0.0382 shows as 3.82%.",
  "Text ending in % is a percentage: '3.82%' is 3.82%.",
  "A plain number above 1 is a percentage: 3.82 is 3.82%.",
  "A plain number from 0 to 1 without a percentage format is a fraction: 0.0382 is 3.82%.",
  "Except where that is ambiguous: a value of 1 or less in a column whose other plain numbers are above 1 " +
    "(0.5 among 3.82, 3.77 ...) is read like its column (0.5%) and flagged 'ambiguous_percentage'; so is exactly 1 (100% or 1%?).",
];

export interface ShareContext {
  /** The cell's number format, where the shell read it ("0.00%", "General"). */
  numberFormat?: string;
  /** The other plain numbers in the column are mostly above 1, i.e. the column is typed as percentages. */
  columnTypedAsPercentNumbers?: boolean;
}

const PERCENT_FORMAT = /%/;
const SIMPLE_PERCENT = /^\d+(?:\.\d+)?$/;

export function isPercentFormat(numberFormat: string | undefined): boolean {
  // Quoted literals and [colour] sections cannot make a format a percentage one.
  return numberFormat !== undefined && PERCENT_FORMAT.test(numberFormat.replace(/"[^"]*"|\[[^\]]*\]/g, ""));
}

// 3.82 / 100 is 0.038200000000000005 in binary; rounding at 1e-12 (far below any shown precision) gives 0.0382.
const div100 = (n: number): number => mRound(n * 1e10) / 1e12;

/** A share cell -> fraction (0.0382). See PERCENTAGE_RULES. */
export function parseShare(v: RawCell, context: ShareContext = {}): ParseResult<number> {
  if (typeof v === "string") {
    const text = v.trim();
    if (text.endsWith("%")) {
      const body = text.slice(0, -1);
      // The usual "3.82%": skip the general number parser and its intermediate result.
      if (SIMPLE_PERCENT.test(body)) return ok(div100(Number(body)));
      const n = parseNumber(body);
      return n.ok ? ok(div100(n.value)) : fail(`${quote(v)} is not a percentage`);
    }
  }
  const n = parseNumber(v);
  if (!n.ok) return n;
  const textFlag = n.flag;
  if (typeof v === "number" && isPercentFormat(context.numberFormat)) return ok(v);
  const magnitude = mAbs(n.value);
  if (magnitude > 1) return ok(div100(n.value), "read as a percentage", textFlag);
  if (magnitude === 0) return ok(0, undefined, textFlag);
  if (context.columnTypedAsPercentNumbers) {
    return ok(
      div100(n.value),
      `${quote(v)} read as ${n.value}% like the rest of its column; if you meant ${tidy(n.value * 100)}%, type it with a % sign`,
      "ambiguous_percentage",
    );
  }
  if (magnitude === 1) {
    return ok(n.value, `${quote(v)} read as 100%; if you meant 1%, type 1%`, "ambiguous_percentage");
  }
  return ok(n.value, "read as a fraction", textFlag);
}

/**
 * Decimal places a share cell shows, in percent digits ("5.85%" -> 2), for comparing a typed share with ours
 * at the precision the council sees. From the number format when it is a percentage one, else from the value typed.
 */
export function shownPercentDecimals(v: RawCell, numberFormat?: string): number | undefined {
  if (typeof v === "number" && isPercentFormat(numberFormat)) {
    const f = numberFormat!.replace(/"[^"]*"|\[[^\]]*\]/g, "");
    const m = /\.([0#?]+)%/.exec(f);
    return m ? m[1].length : 0;
  }
  if (typeof v === "string") {
    const text = v.trim();
    if (text.endsWith("%")) return decimalsOf(text.slice(0, -1));
    const n = parseNumber(text);
    if (!n.ok) return undefined;
    return mAbs(n.value) > 1 ? decimalsOf(text) : mMax(0, decimalsOf(text) - 2);
  }
  if (typeof v === "number") {
    // A plain number shows its own digits (General format): 5.85 -> 2; a fraction 0.0585 -> 2 percent digits.
    return mAbs(v) > 1 ? decimalsOf(v) : mMax(0, decimalsOf(v) - 2);
  }
  return undefined;
}
