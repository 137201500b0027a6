// The settings in force for a summary: defaults, then the tracker's Settings and KPIs sheets, then the settings
// the task pane saved in the workbook, then the caller's overrides (CLI flags). Bad saved values become issues.
import type { SettingsOverrides } from "./engine-api";
import { makeIssue } from "./issues";
import type { EffectiveSettings, Issue, KpiId } from "./model";
import { DEFAULT_RISK_BANDS, DEFAULT_RISK_THRESHOLD } from "./metrics/risk";
import type { Tracker } from "./tracker";

const DEFAULT_SEND_STALENESS_DAYS = 45;
export const DEFAULT_FINANCE_STALENESS_DAYS = 120;
/** Tolerances default to zero: any variance is a variance until the council says what it can live with. */
export const DEFAULT_KPI_TOLERANCES: Record<KpiId, number> = {
  ehcp_count: 0,
  hnb_overspend: 0,
  inmss_share: 0,
};

const KPI_IDS: KpiId[] = ["ehcp_count", "hnb_overspend", "inmss_share"];

export function defaultSettings(): EffectiveSettings {
  return {
    riskThreshold: DEFAULT_RISK_THRESHOLD,
    riskBands: DEFAULT_RISK_BANDS.map((b) => ({ ...b })),
    stalenessLimitDays: DEFAULT_SEND_STALENESS_DAYS,
    financeStalenessLimitDays: DEFAULT_FINANCE_STALENESS_DAYS,
    kpiTolerances: { ...DEFAULT_KPI_TOLERANCES },
    twentyWeekVariant: "excluding_exceptions",
    ceasedIncludeTransfers: false,
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const wholeNumberIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

const nonNegative = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/**
 * Checks a settings object from outside the tracker (saved in the workbook, or passed by the CLI) and keeps
 * only the valid parts; each invalid part becomes a warning that says what was ignored.
 */
function checkOverrides(
  input: unknown,
  origin: "saved" | "override",
): { overrides: SettingsOverrides; issues: Issue[] } {
  const issues: Issue[] = [];
  const overrides: SettingsOverrides = {};
  if (input === undefined || input === null) return { overrides, issues };
  const where =
    origin === "saved"
      ? "The settings saved in this workbook by the task pane"
      : "The settings passed to this run";
  const warn = (message: string) =>
    issues.push(makeIssue("unrecognised_value", { sheet: "", cell: "" }, message, { advice: false }));
  if (!isPlainObject(input)) {
    warn(
      `${where} could not be read, so the tracker's own settings were used. Save the settings again from the task pane.`,
    );
    return { overrides, issues };
  }
  if (input.riskThreshold !== undefined) {
    if (wholeNumberIn(input.riskThreshold, 1, 25)) overrides.riskThreshold = input.riskThreshold;
    else
      warn(
        `${where} give a risk threshold of ${JSON.stringify(input.riskThreshold)}, which is not a whole number from 1 to 25; the tracker's threshold was used instead.`,
      );
  }
  for (const key of ["sendStalenessDays", "financeStalenessDays"] as const) {
    const v = input[key];
    if (v === undefined) continue;
    if (wholeNumberIn(v, 1, 3660)) overrides[key] = v;
    else
      warn(
        `${where} give a ${key === "sendStalenessDays" ? "SEND" : "finance"} staleness limit of ${JSON.stringify(v)}, which is not a whole number of days; the tracker's limit was used instead.`,
      );
  }
  if (input.kpiTolerances !== undefined) {
    if (!isPlainObject(input.kpiTolerances)) {
      warn(
        `${where} hold KPI tolerances that could not be read; the tracker's tolerances were used instead.`,
      );
    } else {
      const tolerances: Partial<Record<KpiId, number>> = {};
      for (const [id, v] of Object.entries(input.kpiTolerances)) {
        if (!KPI_IDS.includes(id as KpiId)) {
          warn(
            `${where} give a tolerance for "${id}", which is not a headline KPI (${KPI_IDS.join(", ")}); it was ignored.`,
          );
        } else if (!nonNegative(v)) {
          warn(
            `${where} give the tolerance for ${id} as ${JSON.stringify(v)}, which is not a number of 0 or more; the tracker's tolerance was used instead.`,
          );
        } else {
          tolerances[id as KpiId] = v;
        }
      }
      if (Object.keys(tolerances).length) overrides.kpiTolerances = tolerances;
    }
  }
  return { overrides, issues };
}

function apply(settings: EffectiveSettings, o: SettingsOverrides): void {
  if (o.riskThreshold !== undefined) settings.riskThreshold = o.riskThreshold;
  if (o.sendStalenessDays !== undefined) settings.stalenessLimitDays = o.sendStalenessDays;
  if (o.financeStalenessDays !== undefined) settings.financeStalenessLimitDays = o.financeStalenessDays;
  for (const id of KPI_IDS) {
    const t = o.kpiTolerances?.[id];
    if (t !== undefined) settings.kpiTolerances[id] = t;
  }
}

export function resolveSettings(
  tracker: Tracker,
  saved: unknown,
  overrides?: SettingsOverrides,
): { settings: EffectiveSettings; issues: Issue[] } {
  const settings = defaultSettings();
  const s = tracker.settings;
  // The reader has already range-checked these cells; a value it could not use arrives as null.
  if (s.riskThreshold.value !== null && s.riskThreshold.value > 0)
    settings.riskThreshold = s.riskThreshold.value;
  if (s.riskBands.value !== null && s.riskBands.value.length > 0)
    settings.riskBands = [...s.riskBands.value].sort((a, b) => b.min - a.min);
  if (s.sendStalenessDays.value !== null && s.sendStalenessDays.value > 0)
    settings.stalenessLimitDays = s.sendStalenessDays.value;
  if (s.financeStalenessDays.value !== null && s.financeStalenessDays.value > 0)
    settings.financeStalenessLimitDays = s.financeStalenessDays.value;
  if (s.twentyWeekVariant.value !== null) settings.twentyWeekVariant = s.twentyWeekVariant.value;
  if (s.ceasedIncludeTransfers.value !== null)
    settings.ceasedIncludeTransfers = s.ceasedIncludeTransfers.value;
  for (const row of tracker.kpis) {
    const t = row.tolerance.value;
    if (t !== null && Number.isFinite(t) && t >= 0) settings.kpiTolerances[row.id] = t;
  }
  const fromSaved = checkOverrides(saved, "saved");
  apply(settings, fromSaved.overrides);
  const fromCaller = checkOverrides(overrides, "override");
  apply(settings, fromCaller.overrides);
  return { settings, issues: [...fromSaved.issues, ...fromCaller.issues] };
}
