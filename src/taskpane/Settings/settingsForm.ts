// Converts between the settings form (text boxes in the units a finance officer types) and SettingsOverrides
// (engine units: pounds, fractions). An empty box means "use the tracker's own value".
import type { SettingsOverrides } from "../../core/engine-api";
import { formatDate } from "../../core/format";
import type { BaselineChoice, PortfolioSummary } from "../../core/model";

export interface SettingsForm {
  riskThreshold: string;
  sendStalenessDays: string;
  financeStalenessDays: string;
  /** Plans. */
  ehcpTolerance: string;
  /** £m. */
  hnbToleranceMillions: string;
  /** Percentage points. */
  inmssTolerancePp: string;
}

export type SettingsErrors = Partial<Record<keyof SettingsForm, string>>;

// Twelve significant digits drops float noise such as 0.1 * 100 = 10.000000000000002.
const tidy = (n: number): number => Number(n.toPrecision(12));
const show = (n: number | undefined): string => (n === undefined ? "" : String(tidy(n)));

export function formFromOverrides(o: SettingsOverrides): SettingsForm {
  const t = o.kpiTolerances ?? {};
  return {
    riskThreshold: show(o.riskThreshold),
    sendStalenessDays: show(o.sendStalenessDays),
    financeStalenessDays: show(o.financeStalenessDays),
    ehcpTolerance: show(t.ehcp_count),
    hnbToleranceMillions: show(t.hnb_overspend === undefined ? undefined : t.hnb_overspend / 1e6),
    inmssTolerancePp: show(t.inmss_share === undefined ? undefined : t.inmss_share * 100),
  };
}

interface Rule {
  name: string;
  min: number;
  max: number;
  whole: boolean;
}

const RULES: Record<keyof SettingsForm, Rule> = {
  riskThreshold: { name: "The risk threshold", min: 1, max: 25, whole: true },
  sendStalenessDays: { name: "The SEND data limit", min: 1, max: 3650, whole: true },
  financeStalenessDays: { name: "The finance data limit", min: 1, max: 3650, whole: true },
  ehcpTolerance: { name: "The EHCP tolerance", min: 0, max: 100000, whole: true },
  hnbToleranceMillions: { name: "The overspend tolerance", min: 0, max: 1000, whole: false },
  inmssTolerancePp: { name: "The INMSS tolerance", min: 0, max: 100, whole: false },
};

function parseField(key: keyof SettingsForm, text: string): { value?: number; error?: string } {
  const trimmed = text.trim().replace(/,/g, "");
  if (trimmed === "") return {};
  const rule = RULES[key];
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { error: `${rule.name} must be a number, for example ${rule.min + 1}.` };
  if (rule.whole && !Number.isInteger(n)) return { error: `${rule.name} must be a whole number.` };
  if (n < rule.min || n > rule.max) {
    return { error: `${rule.name} must be between ${rule.min} and ${rule.max.toLocaleString("en-GB")}.` };
  }
  return { value: n };
}

/** The overrides a form describes, or the errors to show beside its boxes. */
export function overridesFromForm(form: SettingsForm): {
  overrides: SettingsOverrides;
  errors: SettingsErrors;
} {
  const errors: SettingsErrors = {};
  const values: Partial<Record<keyof SettingsForm, number>> = {};
  for (const key of Object.keys(RULES) as (keyof SettingsForm)[]) {
    const parsed = parseField(key, form[key]);
    if (parsed.error) errors[key] = parsed.error;
    else if (parsed.value !== undefined) values[key] = parsed.value;
  }
  const overrides: SettingsOverrides = {};
  if (values.riskThreshold !== undefined) overrides.riskThreshold = values.riskThreshold;
  if (values.sendStalenessDays !== undefined) overrides.sendStalenessDays = values.sendStalenessDays;
  if (values.financeStalenessDays !== undefined) overrides.financeStalenessDays = values.financeStalenessDays;
  const tolerances: NonNullable<SettingsOverrides["kpiTolerances"]> = {};
  if (values.ehcpTolerance !== undefined) tolerances.ehcp_count = values.ehcpTolerance;
  if (values.hnbToleranceMillions !== undefined)
    tolerances.hnb_overspend = Math.round(values.hnbToleranceMillions * 1e6);
  if (values.inmssTolerancePp !== undefined) tolerances.inmss_share = tidy(values.inmssTolerancePp / 100);
  if (Object.keys(tolerances).length > 0) overrides.kpiTolerances = tolerances;
  return { overrides, errors };
}

/** The baseline choice as the value of the pane's list: "previous_report", "previous_refresh" or "report_of:<date>". */
export function baselineKey(choice: BaselineChoice | undefined): string {
  if (!choice) return "previous_report";
  return choice.kind === "report_of" ? `report_of:${choice.reportingDate}` : choice.kind;
}

/** The choice a list value stands for; the default (the last report before this one) is saved as no choice. */
export function baselineFromKey(key: string): BaselineChoice | undefined {
  if (key === "previous_refresh") return { kind: "previous_refresh" };
  const date = /^report_of:(\d{4}-\d{2}-\d{2})$/.exec(key)?.[1];
  return date ? { kind: "report_of", reportingDate: date } : undefined;
}

/**
 * What "Since last report" may be compared with: the default, the last refresh, and each earlier report the
 * summary's trend holds (newest first), with a saved report the trend no longer shows kept in the list.
 */
export function baselineOptions(
  summary: PortfolioSummary | null,
  saved: BaselineChoice | undefined,
): { key: string; label: string }[] {
  const current = summary?.history?.current.reportingDate ?? null;
  const dates = new Set<string>();
  for (const r of summary?.history?.reports ?? [])
    if (r.reportingDate && r.reportingDate !== current) dates.add(r.reportingDate);
  if (saved?.kind === "report_of") dates.add(saved.reportingDate);
  return [
    { key: "previous_report", label: "The last report before this one (usual)" },
    { key: "previous_refresh", label: "The last refresh, whatever its reporting date" },
    ...[...dates]
      .sort()
      .reverse()
      .map((d) => ({ key: `report_of:${d}`, label: `The report of ${formatDate(d)}` })),
  ];
}
