// Small vocabularies: KPI ids, polarity, unit, milestone and risk status, yes/no, the 20-week variant, risk bands.
// Each accepts the ways councils commonly write it and fails with a reason naming the accepted words.
import type { KpiId, KpiUnit, MilestoneStatus, Polarity } from "../model";
import type { ColumnType } from "../template";
import { textOf, type RawCell } from "../raw";
import { normaliseHeader } from "./headers";
import { fail, ok, quote, type ParseResult } from "./result";

/** "ehcp_count", "Number of EHCPs", "HNB Overspend 2024/25 (£m)", "Children with EHCPs in INMSS" -> KPI id. */
export function parseKpiId(v: RawCell): ParseResult<KpiId> {
  const n = normaliseHeader(textOf(v));
  if (n === "") return fail("the cell is empty");
  // INMSS first: its tile title also mentions EHCPs.
  if (/\binmss\b|independent/.test(n)) return ok("inmss_share");
  if (/\boverspend\b|\bhnb\b|high needs/.test(n)) return ok("hnb_overspend");
  if (/\behcps?\b|\bplans?\b/.test(n)) return ok("ehcp_count");
  return fail(`${quote(textOf(v))} is not one of the KPIs (ehcp_count, hnb_overspend, inmss_share)`);
}

/** "Higher is better" / "Higher is worse" (also "Lower is better", "higher_is_worse", "Up is good"). */
export function parsePolarity(v: RawCell): ParseResult<Polarity> {
  const n = normaliseHeader(textOf(v).replace(/_/g, " "));
  if (n === "") return fail("the cell is empty");
  const lower = /\b(lower|less|down|decrease|fewer)\b/.test(n);
  const higher = /\b(higher|more|up|increase|high)\b/.test(n);
  const good = /\b(better|good|positive|favourable)\b/.test(n);
  const bad = /\b(worse|bad|negative|adverse)\b/.test(n);
  if ((lower || higher) && !(lower && higher) && good !== bad) {
    return ok(higher === good ? "higher_is_better" : "higher_is_worse");
  }
  return fail(`${quote(textOf(v))} is not a polarity (use 'Higher is better' or 'Higher is worse')`);
}

/** "count", "money" (also £, pounds, £m), "share" (also %, percentage, rate). */
export function parseUnit(v: RawCell): ParseResult<KpiUnit> {
  const raw = textOf(v).toLowerCase();
  const n = normaliseHeader(raw);
  if (n === "") return fail("the cell is empty");
  if (/^(count|number|numbers|no|plans|number of)$/.test(n)) return ok("count");
  if (/^(money|gbp|gbp m|gbpm|pounds|gbp 000|cash|m)$/.test(n) || raw.includes("£")) return ok("money");
  if (/^(share|percent|percentage|rate|proportion)$/.test(n)) return ok("share");
  return fail(`${quote(textOf(v))} is not a unit (use count, money or share)`);
}

/** Complete(d)/Done, On track, At risk, Overdue/Late -> milestone status. */
export function parseMilestoneStatus(v: RawCell): ParseResult<MilestoneStatus> {
  const n = normaliseHeader(textOf(v));
  if (n === "") return fail("the cell is empty");
  if (/^(complete|completed|done|delivered|achieved|closed|finished)$/.test(n)) return ok("complete");
  if (/^(on track|ontrack|in progress|green)$/.test(n)) return ok("on_track");
  if (/^(at risk|atrisk|delayed|slipping|amber)$/.test(n)) return ok("at_risk");
  if (/^(overdue|late|missed|not met|red)$/.test(n)) return ok("overdue");
  return fail(`${quote(textOf(v))} is not a milestone status (use Complete, On track, At risk or Overdue)`);
}

/** Open/Closed; blank is open (the reader decides that, since a blank cell never reaches a parser). */
export function parseRiskStatus(v: RawCell): ParseResult<"open" | "closed"> {
  const n = normaliseHeader(textOf(v));
  if (n === "") return ok("open");
  if (/^(open|live|active|current|ongoing|new|escalated)$/.test(n)) return ok("open");
  if (/^(closed|close|retired|resolved|archived|inactive)$/.test(n)) return ok("closed");
  return fail(`${quote(textOf(v))} is not a risk status (use Open or Closed)`);
}

/** yes/no, true/false, y/n, 1/0 and Excel's TRUE/FALSE. */
export function parseBoolean(v: RawCell): ParseResult<boolean> {
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "number") return v === 1 || v === 0 ? ok(v === 1) : fail(`${v} is not yes or no`);
  const n = normaliseHeader(v);
  if (/^(yes|y|true|1|included|include)$/.test(n)) return ok(true);
  if (/^(no|n|false|0|excluded|exclude)$/.test(n)) return ok(false);
  return fail(`${quote(v.trim())} is not yes or no`);
}

/** "Excluding exceptions" / "Including exceptions" (also "excl.", "incl."). */
export function parseTwentyWeekVariant(
  v: RawCell,
): ParseResult<"including_exceptions" | "excluding_exceptions"> {
  const n = normaliseHeader(textOf(v));
  if (/\bexcl|\bwithout\b/.test(n)) return ok("excluding_exceptions");
  if (/\bincl|\bwith\b/.test(n)) return ok("including_exceptions");
  return fail(
    `${quote(textOf(v))} is not a 20-week variant (use 'Including exceptions' or 'Excluding exceptions')`,
  );
}

const BAND = /^(.*?)[\s:=(]*(?:>=|≥)?\s*(\d+)\s*\+?\)?$/;

/** "Very high 20; High 15; Medium 8; Low 1" -> bands, highest first. */
export function parseRiskBands(v: RawCell): ParseResult<{ name: string; min: number }[]> {
  const text = textOf(v);
  const parts = text
    .split(/[;\n]|,(?!\d)/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return fail("the cell is empty");
  const bands: { name: string; min: number }[] = [];
  for (const p of parts) {
    const m = BAND.exec(p);
    if (!m || m[1].trim() === "")
      return fail(`${quote(p)} is not a band (write 'Name minimum', e.g. 'High 15')`);
    const min = Number(m[2]);
    if (min < 1 || min > 25) return fail(`${quote(p)} has a minimum outside 1-25`);
    bands.push({ name: m[1].trim(), min });
  }
  bands.sort((a, b) => b.min - a.min);
  return ok(bands);
}

/**
 * The parser of each column type whose cells hold a word from a fixed list: how the reader reads such a column
 * (src/core/read/rows.ts) and how the suggested mapping tells whether a column looks like one (mapping/suggest.ts).
 */
export const WORD_TYPE_PARSERS = {
  kpi_id: parseKpiId,
  polarity: parsePolarity,
  unit: parseUnit,
  milestone_status: parseMilestoneStatus,
  risk_status: parseRiskStatus,
  boolean: parseBoolean,
} as const satisfies Partial<Record<ColumnType, (v: RawCell) => ParseResult<unknown>>>;
