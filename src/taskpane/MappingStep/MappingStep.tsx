// The mapping step: when the tracker is not laid out as the template, the person says (or confirms the add-in's
// guess) which sheet or table holds each part and which header each field is under, sees the first rows as they
// will be read and the problems that would raise, then saves the mapping in the workbook. Loaded on demand.
// Fluent's styling engine straight from its own package, and native buttons drawn like Fluent's: importing Fluent's
// `tokens` or Button (or a pane module that does) from this lazily loaded step stops the build inlining Fluent's
// tokens, and keeps all of them (about 30 KB) in the pane's first download.
import { mergeClasses } from "@griffel/react";
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import {
  previewMapping,
  suggestMapping,
  validateMapping,
  type MappingPreview,
  type TrackerMapping,
} from "../../core/mapping";
import type { Issue } from "../../core/model";
import type { RawWorkbook } from "../../core/raw";
import { sheetSpec, type ColumnSpec } from "../../core/template";
import { SEVERITY_NAMES, capitalised, issueLocation, plural } from "../../core/wording";
import {
  decodeSourceKey,
  fieldStatus,
  initialDraft,
  mappingOf,
  shownFields,
  sourceOptions,
  sourceStatus,
  withField,
  withSource,
  sourceHeaders,
  type SectionDraft,
  type Status,
} from "./draft";
import { useStyles } from "./styles";

/** A select's value for "leave this field out"; cannot clash with a header, which is trimmed text. */
const LEAVE_OUT = "\u0000leave-out";
const PREVIEW_ROWS = 5;

export interface MappingStepProps {
  /** The workbook as read, for suggestions and previews. */
  raw: RawWorkbook;
  /** The mapping saved in the workbook (as stored), or null. */
  saved: unknown;
  /** Why the step opened: the layout problems a refresh or the opening check found (empty when asked for). */
  reasons: readonly Issue[];
  busy: boolean;
  /** Save (null: remove the saved mapping), then refresh. */
  onSave: (mapping: TrackerMapping | null) => void;
  onCancel: () => void;
}

function IssueList({ issues, className }: { issues: readonly Issue[]; className: string }) {
  return (
    <ul className={className}>
      {issues.map((i, n) => (
        <li key={n}>
          <strong>{capitalised(SEVERITY_NAMES[i.severity].one)}:</strong> {i.message}
          {i.sheet ? ` (${issueLocation(i, "sentence")})` : ""}
        </li>
      ))}
    </ul>
  );
}

/** A status line: its lead ("Check this", "Needed") drawn as a tag, so the words carry what the colour shows. */
function StatusLine({ id, status }: { id: string; status: Status }) {
  const styles = useStyles();
  return (
    <span id={id} className={styles.status}>
      {status.lead && (
        <span
          className={mergeClasses(styles.tag, status.state === "needed" ? styles.tagNeeded : styles.tagCheck)}
        >
          {status.lead}:
        </span>
      )}
      {status.lead && " "}
      {status.text}
    </span>
  );
}

function Preview({ preview, name }: { preview: MappingPreview; name: string }) {
  const styles = useStyles();
  const captionId = useId();
  // Only the fields that read something: a field left out (or not found) would be an empty column.
  const columns = preview.columns.filter((c) => preview.rows.some((r) => (r[c.field]?.text ?? "") !== ""));
  if (preview.totalRows === 0 || columns.length === 0)
    return <p className={styles.status}>No rows would be read from here yet.</p>;
  const caption = `${name}: the first ${Math.min(PREVIEW_ROWS, preview.totalRows)} of ${plural(preview.totalRows, "row", "rows", { grouped: true })} as they will be read`;
  return (
    <div className={styles.previewBlock}>
      <p id={captionId} className={styles.caption}>
        {caption}
      </p>
      {/* Scrolls sideways inside its own box so the pane never does; focusable so the keyboard can scroll it. */}
      <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table} aria-labelledby={captionId}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.field} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {columns.map((c) => (
                  <td
                    key={c.field}
                    title={row[c.field] ? issueLocation(row[c.field].ref, "sentence") : undefined}
                  >
                    {row[c.field]?.text ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SectionEditor({
  raw,
  draft,
  options,
  preview,
  onChange,
}: {
  raw: RawWorkbook;
  draft: SectionDraft;
  options: ReturnType<typeof sourceOptions>;
  preview: MappingPreview | undefined;
  onChange: (next: SectionDraft | string) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const spec = sheetSpec(draft.section);
  const decoded = decodeSourceKey(draft.sourceKey);
  const across = decoded?.layout === "months_across";
  const headers = useMemo(
    () =>
      decoded
        ? (sourceHeaders(raw, spec, decoded.source, decoded.layout, draft.headerRow, draft.labelColumn)
            ?.headers ?? [])
        : [],
    // The key stands for the decoded source.
    [raw, spec, draft.sourceKey, draft.headerRow, draft.labelColumn],
  );
  const source = sourceStatus(draft, spec.required);
  const problems = (preview?.issues ?? []).filter((i) => i.severity !== "info").slice(0, 5);
  const pct = (n: number) => ` (${Math.round(n * 100)}% match)`;
  const fields = shownFields(spec, draft.sourceKey);
  // Which fields go behind "more": decided when the source is chosen, so a field never jumps as it is changed.
  const foldedNames = useMemo(
    () =>
      new Set(
        fields
          .filter((f) => !f.required && fieldStatus(f, draft.fields[f.field], across).state === "sure")
          .map((f) => f.field),
      ),
    [draft.sourceKey],
  );
  const upFront = fields.filter((f) => !foldedNames.has(f.field));
  const folded = fields.filter((f) => foldedNames.has(f.field));
  const renderField = (f: ColumnSpec) => {
    const d = draft.fields[f.field];
    const status = fieldStatus(f, d, across);
    const value = d?.value === null ? LEAVE_OUT : (d?.value ?? "");
    const fieldId = `${id}-${f.field}`;
    return (
      <div
        key={f.field}
        data-field={f.field}
        className={mergeClasses(
          styles.field,
          status.state === "check" && styles.check,
          status.state === "needed" && styles.needed,
        )}
      >
        <label htmlFor={fieldId} className={styles.label}>
          {f.header} {f.required ? "(required)" : "(optional)"}
        </label>
        <select
          id={fieldId}
          className={styles.select}
          value={value}
          aria-describedby={`${fieldId}-status`}
          aria-invalid={status.state === "needed" ? true : undefined}
          onChange={(e) =>
            onChange(
              withField(
                draft,
                f.field,
                e.target.value === LEAVE_OUT ? null : e.target.value === "" ? undefined : e.target.value,
              ),
            )
          }
        >
          {value === "" && <option value="">{across ? "Choose a row…" : "Choose a column…"}</option>}
          <option value={LEAVE_OUT}>Leave it out</option>
          {headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <StatusLine id={`${fieldId}-status`} status={status} />
      </div>
    );
  };
  return (
    <fieldset className={styles.fieldset} data-section={draft.section}>
      <legend className={styles.legend}>
        {spec.name} ({spec.required ? "required" : "optional"})
      </legend>
      <div
        className={mergeClasses(
          styles.field,
          source.state === "check" && styles.check,
          source.state === "needed" && styles.needed,
        )}
      >
        <label htmlFor={`${id}-source`} className={styles.label}>
          Where {spec.name} is
        </label>
        <select
          id={`${id}-source`}
          className={styles.select}
          value={draft.sourceKey}
          aria-describedby={`${id}-source-status`}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">
            {spec.required ? "Choose a sheet or table…" : "Not in this workbook (leave it out)"}
          </option>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
              {o.confidence !== null ? pct(o.confidence) : ""}
            </option>
          ))}
        </select>
        <StatusLine id={`${id}-source-status`} status={source} />
      </div>
      {upFront.map(renderField)}
      {folded.length > 0 && (
        // Optional fields the add-in is sure of are folded, so what needs a person stays in view.
        <details className={styles.more}>
          <summary className={styles.moreSummary}>
            {plural(folded.length, "more optional field", "more optional fields", { grouped: true })}, all
            found with confidence: show them to check or change
          </summary>
          {folded.map(renderField)}
        </details>
      )}
      {preview && decoded && <Preview preview={preview} name={spec.name} />}
      {problems.length > 0 && <IssueList issues={problems} className={styles.issues} />}
    </fieldset>
  );
}

export function MappingStep({ raw, saved, reasons, busy, onSave, onCancel }: MappingStepProps) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const suggestion = useMemo(() => suggestMapping(raw), [raw]);
  const [drafts, setDrafts] = useState(() => initialDraft(raw, suggestion, saved));
  const mapping = useMemo(() => mappingOf(drafts), [drafts]);
  // Previews re-read the workbook; deferring them keeps the selects responsive on a large tracker.
  const shown = useDeferredValue(mapping);
  const issues = useMemo(() => validateMapping(raw, shown), [raw, shown]);
  const previews = useMemo(
    () => new Map(drafts.map((d) => [d.section, previewMapping(raw, shown, d.section, PREVIEW_ROWS)])),
    // Previews follow the deferred mapping, not every keystroke of the drafts.
    [raw, shown],
  );
  const options = useMemo(
    () => new Map(drafts.map((d) => [d.section, sourceOptions(raw, suggestion, d.section)])),
    // The sections shown never change while the step is open.
    [raw, suggestion],
  );

  // The step replaces what the person was looking at: take focus to its heading so they know where they are.
  useEffect(() => headingRef.current?.focus(), []);

  const update = (section: string, next: SectionDraft | string) =>
    setDrafts((all) =>
      all.map((d) =>
        d.section !== section ? d : typeof next === "string" ? withSource(raw, suggestion, d, next) : next,
      ),
    );

  const count = (s: Issue["severity"]) => issues.filter((i) => i.severity === s).length;
  const errors = issues.filter((i) => i.severity === "error");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(mapping);
  };

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="mapping-step">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.title}>
        Match your tracker&rsquo;s layout
      </h2>
      <p className={styles.intro}>
        Some parts of this tracker are not where the template expects them. For each part below, choose the
        sheet or table that holds it and the heading each item is under. Best guesses are filled in; anything
        marked <strong>Check</strong> or <strong>Needed</strong> needs you. The mapping is saved in this
        workbook, so everyone who opens it gets the same summary. Your sheets are not changed.
      </p>
      {reasons.length > 0 && (
        <div className={styles.reasons}>
          <span className={styles.reasonsTitle}>! What the add-in could not find</span>
          <IssueList issues={reasons.slice(0, 5)} className={styles.list} />
        </div>
      )}
      <form className={styles.form} onSubmit={submit} noValidate>
        {drafts.length === 0 ? (
          <p className={styles.intro}>
            Every part of this tracker is where the template expects it, so no mapping is needed.
          </p>
        ) : (
          drafts.map((d) => (
            <SectionEditor
              key={d.section}
              raw={raw}
              draft={d}
              options={options.get(d.section) ?? []}
              preview={previews.get(d.section)}
              onChange={(next) => update(d.section, next)}
            />
          ))
        )}
        {drafts.length > 0 && (
          <div role="status" aria-live="polite">
            <p className={styles.totals}>
              Read this way: {plural(count("error"), "error", "errors", { grouped: true })},{" "}
              {plural(count("warning"), "warning", "warnings", { grouped: true })},{" "}
              {plural(count("info"), "note", "notes", { grouped: true })}.
            </p>
            {errors.length > 0 && (
              <>
                <p className={styles.intro}>
                  Errors stop the summary being refreshed. Choose where each part is above, or fix the
                  workbook.
                </p>
                <IssueList issues={errors.slice(0, 8)} className={styles.issues} />
              </>
            )}
          </div>
        )}
        <div className={styles.buttons}>
          {drafts.length > 0 && (
            <button type="submit" className={mergeClasses(styles.button, styles.primary)} disabled={busy}>
              Save mapping and refresh
            </button>
          )}
          <button type="button" className={styles.button} disabled={busy} onClick={onCancel}>
            {drafts.length > 0 ? "Close without saving" : "Close"}
          </button>
          {saved !== null && saved !== undefined && (
            <button
              type="button"
              className={mergeClasses(styles.button, styles.subtle)}
              disabled={busy}
              onClick={() => onSave(null)}
            >
              Remove the saved mapping
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
