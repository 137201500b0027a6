// Numbers and money as councils type them: plain numbers, numbers stored as text ("6,353"), "£43.2m", "(1.2)".
// Rule for money: a bare number is pounds (43200000); "m"/"k"/"bn" scale it; brackets or a minus make it negative.
import type { RawCell } from "../raw";
import { fail, ok, quote, type ParseResult } from "./result";

// Math and Number bound once: in a sandboxed global (jest's vm context) each global lookup is slow, and
// these run once per cell on big sheets.
const { isFinite, isInteger } = Number;

/** The money rule, as written in the docs. */
export const MONEY_RULES = [
  "A bare number is pounds: 43200000 is £43.2m. Finance tables in £m must carry the unit: type 43.2m or £43.2m.",
  "'£43.2m', '43.2m', '£43,200,000', '£38.6k' and '£1.2bn' are accepted; 'm', 'k' and 'bn' scale the number.",
  "Negatives: '-£1.2m', '£-1.2m', '(1.2)' and '(£1.2m)' are all negative.",
];

// Placeholders councils type where a figure is not known yet; named in the message so the officer recognises them.
const PLACEHOLDER = /^(n\/?a|na|tbc|tbd|tba|-+|–|—|\?+|nil|none|unknown|pending|x)$/i;
// Digits with optional thousands commas and decimals; compiled once (the reader calls this per cell).
const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;
const MONEY_BODY = /^(?:£|gbp)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(bn|b|m|mn|million|k|thousand)?$/;
const SPACES = /[\s\u00a0]+/g;
const SIMPLE_NUMBER = /^\d+(?:\.\d+)?$/;
const MINUS = /^[-\u2212\u2013]/;

/** Rounds away binary noise from scaling (43.2 * 1e6) without touching real precision. */
export function tidy(n: number): number {
  // Whole numbers need nothing (but -0, which is 0 to a reader); only fractions carry binary noise
  // (and toPrecision is slow on every cell).
  if (n === 0) return 0;
  return isInteger(n) || !isFinite(n) ? n : Number(n.toPrecision(12));
}

function placeholderReason(text: string): string {
  return `${quote(text)} is not a number`;
}

/**
 * A plain number: a number cell, or text holding one ("6,353", " 42 ", "(12)" for -12).
 * Text is accepted with the flag "text_number".
 */
export function parseNumber(v: RawCell): ParseResult<number> {
  if (typeof v === "number") return isFinite(v) ? ok(v === 0 ? 0 : v) : fail(`${v} is not a finite number`);
  if (typeof v === "boolean") return fail(`${v ? "TRUE" : "FALSE"} is a yes/no value, not a number`);
  // Fast path for the common case, digits and a point: one regex instead of five on big sheets.
  if (SIMPLE_NUMBER.test(v)) return ok(Number(v), "number stored as text", "text_number");
  const text = v.replace(SPACES, "");
  if (text === "") return fail("the cell is empty");
  if (PLACEHOLDER.test(text)) return fail(placeholderReason(v.trim()));
  let body = text;
  let sign = 1;
  if (body.startsWith("(") && body.endsWith(")")) {
    body = body.slice(1, -1);
    sign = -1;
  } else if (MINUS.test(body)) {
    body = body.slice(1);
    sign = -1;
  } else if (body.startsWith("+")) {
    body = body.slice(1);
  }
  if (!PLAIN_NUMBER.test(body)) return fail(`${quote(v.trim())} is not a number`);
  const n = Number(body.replace(/,/g, ""));
  const value = sign * n;
  return ok(value === 0 ? 0 : value, "number stored as text", "text_number");
}

/** A whole number (counts, scores); a fractional value fails with a reason naming it. */
export function parseInteger(v: RawCell): ParseResult<number> {
  const r = parseNumber(v);
  if (!r.ok) return r;
  if (!isInteger(r.value)) return fail(`${r.value} is not a whole number`);
  return r;
}

/** Money in pounds; see MONEY_RULES. */
export function parseMoney(v: RawCell): ParseResult<number> {
  if (typeof v === "number") return isFinite(v) ? ok(v === 0 ? 0 : v) : fail(`${v} is not a finite amount`);
  if (typeof v === "boolean") return fail(`${v ? "TRUE" : "FALSE"} is a yes/no value, not an amount`);
  let text = v.replace(SPACES, "").toLowerCase();
  if (text === "") return fail("the cell is empty");
  if (PLACEHOLDER.test(text)) return fail(`${quote(v.trim())} is not an amount of money`);
  let sign = 1;
  if (text.startsWith("(") && text.endsWith(")")) {
    text = text.slice(1, -1);
    sign = -1;
  }
  // The minus may come before or after the pound sign: "-£1.2m" and "£-1.2m".
  if (MINUS.test(text)) {
    text = text.slice(1);
    sign = -sign;
  } else if (text.startsWith("£") && MINUS.test(text.slice(1))) {
    text = `£${text.slice(2)}`;
    sign = -sign;
  }
  const m = MONEY_BODY.exec(text);
  if (!m) return fail(`${quote(v.trim())} is not an amount of money (try 43200000 or £43.2m)`);
  const n = Number(m[1].replace(/,/g, ""));
  const suffix = m[2];
  const scale =
    suffix === "bn" || suffix === "b"
      ? 1e9
      : suffix === "m" || suffix === "mn" || suffix === "million"
        ? 1e6
        : suffix === "k" || suffix === "thousand"
          ? 1e3
          : 1;
  const plain = !suffix && !text.startsWith("£") && !text.startsWith("gbp");
  const value = tidy(sign * n * scale);
  return plain ? ok(value, "amount stored as text", "text_number") : ok(value);
}

/** Decimal places in a number as typed or stored ("5.85" -> 2, 0.0585 -> 4, 6353 -> 0). */
export function decimalsOf(n: number | string): number {
  const s = typeof n === "number" ? String(tidy(n)) : n.trim();
  const e = /e-(\d+)$/i.exec(s);
  if (e) {
    const mantissa = s.slice(0, e.index);
    const dot = mantissa.indexOf(".");
    return Number(e[1]) + (dot < 0 ? 0 : mantissa.length - dot - 1);
  }
  const dot = s.indexOf(".");
  if (dot < 0) return 0;
  let end = s.length;
  while (end > dot + 1 && !/\d/.test(s[end - 1])) end -= 1;
  return end - dot - 1;
}
