// Wording the pane repeats in several places: cell references, run times and severity names, in plain British English.
import type { KpiStatus, Severity, SourceRef } from "../core/model";

/** "SEND Monthly!O17"; just the sheet name when no cell applies; "the workbook" when neither does. */
export function cellReference(ref: SourceRef): string {
  if (!ref.sheet) return ref.cell || "the workbook";
  return ref.cell ? `${ref.sheet}!${ref.cell}` : ref.sheet;
}

/** An ISO date-time as UK local date and time: "10/01/2025, 09:30". */
export function formatRunTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("en-GB", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

export const SEVERITY_TITLES: Record<Severity, string> = {
  error: "Errors",
  warning: "Warnings",
  info: "Notes",
};

export const STATUS_WORDS: Record<KpiStatus, string> = {
  adverse: "Adverse",
  favourable: "Favourable",
  on_target: "On target",
};

/** "1 problem", "1,204 problems". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}
