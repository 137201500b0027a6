// Settings a council may change from the pane: risk threshold, staleness limits, KPI tolerances and which earlier
// report "Since last report" compares with.
// They are saved in the workbook (so everyone opening the shared file gets the same results), then applied by a refresh.
import { makeStyles, mergeClasses } from "@griffel/react";
import { tokens } from "@fluentui/react-theme";
import { Button } from "@fluentui/react-button";
import { useEffect, useId, useState, type FormEvent } from "react";
import type { SettingsOverrides } from "../../core/engine-api";
import type { PortfolioSummary } from "../../core/model";
import { Section } from "../Section";
import {
  baselineFromKey,
  baselineKey,
  baselineOptions,
  formFromOverrides,
  overridesFromForm,
  type SettingsErrors,
  type SettingsForm,
} from "./settingsForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "10px" },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "10px" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: "6px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px" },
  // Native inputs styled like Fluent's: Fluent's Field and Input cost the bundle more than they give here.
  field: { display: "flex", flexDirection: "column", gap: "2px" },
  label: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1 },
  input: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "32px",
    padding: "4px 10px",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  invalid: {
    borderTopColor: tokens.colorPaletteRedBorder2,
    borderRightColor: tokens.colorPaletteRedBorder2,
    borderBottomColor: tokens.colorPaletteRedBorder2,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  error: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
});

export interface SettingsProps {
  /** Settings saved in the workbook. */
  saved: SettingsOverrides;
  /** Latest summary, for the values currently in force (hints). */
  summary: PortfolioSummary | null;
  busy: boolean;
  onSave: (overrides: SettingsOverrides) => void;
}

type FieldKey = keyof SettingsForm;

function inForce(summary: PortfolioSummary | null): Partial<Record<FieldKey, string>> {
  if (!summary) return {};
  const limit = (id: string) => summary.freshness.find((f) => f.id === id)?.limitDays;
  const tol = summary.settings.kpiTolerances;
  const fmt = (n: number | null | undefined, unit = "") =>
    n === null || n === undefined ? undefined : `${Number(n.toPrecision(12)).toLocaleString("en-GB")}${unit}`;
  return {
    riskThreshold: fmt(summary.riskThreshold),
    sendStalenessDays: fmt(limit("send_data") ?? summary.settings.stalenessLimitDays, " days"),
    financeStalenessDays: fmt(limit("finance_data"), " days"),
    ehcpTolerance: fmt(tol.ehcp_count, " plans"),
    hnbToleranceMillions: tol.hnb_overspend === undefined ? undefined : `£${fmt(tol.hnb_overspend / 1e6)}m`,
    inmssTolerancePp: fmt(tol.inmss_share === undefined ? undefined : tol.inmss_share * 100, " pp"),
  };
}

const FIELDS: { key: FieldKey; label: string; help: string; group: "thresholds" | "tolerances" }[] = [
  {
    key: "riskThreshold",
    label: "Risk threshold (score 1 to 25)",
    help: "Risks scoring this or more are key risks.",
    group: "thresholds",
  },
  {
    key: "sendStalenessDays",
    label: "SEND data: warn after (days)",
    help: "Age of the SEND data refresh date at which it counts as out of date.",
    group: "thresholds",
  },
  {
    key: "financeStalenessDays",
    label: "Finance data: warn after (days)",
    help: "Age of the finance forecast at which it counts as out of date.",
    group: "thresholds",
  },
  {
    key: "ehcpTolerance",
    label: "Number of EHCPs (plans)",
    help: "A difference from forecast within this many plans counts as on target.",
    group: "tolerances",
  },
  {
    key: "hnbToleranceMillions",
    label: "HNB overspend (£m)",
    help: "A difference from the goal within this many £m counts as on target.",
    group: "tolerances",
  },
  {
    key: "inmssTolerancePp",
    label: "Share in INMSS (percentage points)",
    help: "A difference from forecast within this many percentage points counts as on target.",
    group: "tolerances",
  },
];

export function Settings({ saved, summary, busy, onSave }: SettingsProps) {
  const styles = useStyles();
  const [form, setForm] = useState<SettingsForm>(() => formFromOverrides(saved));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [baseline, setBaseline] = useState(() => baselineKey(saved.baseline));
  useEffect(() => {
    setForm(formFromOverrides(saved));
    setBaseline(baselineKey(saved.baseline));
  }, [saved]);
  const current = inForce(summary);
  const idBase = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = overridesFromForm(form);
    setErrors(result.errors);
    const choice = baselineFromKey(baseline);
    if (Object.keys(result.errors).length === 0)
      onSave(choice ? { ...result.overrides, baseline: choice } : result.overrides);
  };
  const resetToTracker = () => {
    const empty = formFromOverrides({});
    setForm(empty);
    setBaseline(baselineKey(undefined));
    setErrors({});
    onSave({});
  };
  const baselineId = `${idBase}-baseline`;

  const renderField = (f: (typeof FIELDS)[number]) => {
    const id = `${idBase}-${f.key}`;
    const error = errors[f.key];
    return (
      <div key={f.key} className={styles.field}>
        <label htmlFor={id} className={styles.label}>
          {f.label}
        </label>
        <input
          id={id}
          name={f.key}
          type="text"
          inputMode="decimal"
          className={mergeClasses(styles.input, error && styles.invalid)}
          value={form[f.key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
        />
        {error && (
          <span id={`${id}-error`} className={styles.error}>
            {error}
          </span>
        )}
        <span id={`${id}-hint`} className={styles.hint}>
          {f.help}
          {current[f.key] ? ` In force: ${current[f.key]}.` : ""} Leave blank to use the tracker&rsquo;s
          value.
        </span>
      </div>
    );
  };

  return (
    <Section title="Settings">
      <form className={styles.form} onSubmit={submit} noValidate>
        <p className={styles.intro}>
          Saved in this workbook, so everyone who opens it sees the same results. Saving refreshes the
          summary.
        </p>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Thresholds</legend>
          {FIELDS.filter((f) => f.group === "thresholds").map(renderField)}
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>KPI tolerances</legend>
          {FIELDS.filter((f) => f.group === "tolerances").map(renderField)}
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Since last report</legend>
          <div className={styles.field}>
            <label htmlFor={baselineId} className={styles.label}>
              Compare with
            </label>
            <select
              id={baselineId}
              name="baseline"
              className={styles.input}
              value={baseline}
              aria-describedby={`${baselineId}-hint`}
              onChange={(e) => setBaseline(e.target.value)}
            >
              {baselineOptions(summary, saved.baseline).map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </select>
            <span id={`${baselineId}-hint`} className={styles.hint}>
              Usually the latest report whose reporting date is earlier than this one, so refreshing again in
              the same month still compares with last month.
            </span>
          </div>
        </fieldset>
        <div className={styles.buttons}>
          <Button type="submit" disabled={busy}>
            Save settings and refresh
          </Button>
          <Button type="button" appearance="subtle" disabled={busy} onClick={resetToTracker}>
            Use the tracker&rsquo;s values
          </Button>
        </div>
      </form>
    </Section>
  );
}
