// The form for a note: a variance's explanation (cause and action, an optional owner and due date) or the reason a
// data query stands, and who gives it. Loaded on demand when someone first opens one, so like the outlook section
// it uses Fluent's styling engine and token names with native, labelled elements, not Fluent components.
import { makeStyles } from "@griffel/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { noteProblem } from "../../core/review/review";
import { token } from "../MappingStep/token";
import { nativeField, primaryButton, secondaryButton } from "../lazyStyles";

export interface NoteFields {
  text: string;
  owner: string;
  /** "YYYY-MM-DD" or "". */
  due: string;
  by: string;
}

export interface ReviewFormProps {
  kind: "variance" | "query";
  /** What the note is about, for the form's accessible name ("HNB Overspend 2024/25"). */
  about: string;
  initial: NoteFields;
  /** A line above the fields, e.g. that the text is carried from the last report. */
  intro?: string;
  /** Saves; resolves to null when saved, else the sentence to show. */
  onSave: (fields: NoteFields) => Promise<string | null>;
  onCancel: () => void;
}

const field = { ...nativeField, padding: "5px 8px", lineHeight: token("lineHeightBase300") } as const;

const disabled = { ":disabled": { cursor: "not-allowed", opacity: 0.6 } } as const;

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    marginTop: "4px",
    borderRadius: token("borderRadiusMedium"),
    backgroundColor: token("colorNeutralBackground3"),
  },
  intro: { margin: 0, fontSize: token("fontSizeBase200"), fontStyle: "italic" },
  label: { display: "flex", flexDirection: "column", gap: "2px", fontWeight: token("fontWeightSemibold") },
  hint: {
    fontSize: token("fontSizeBase200"),
    fontWeight: token("fontWeightRegular"),
    color: token("colorNeutralForeground2"),
  },
  text: { ...field, minHeight: "72px", resize: "vertical" },
  input: field,
  pair: { display: "flex", flexWrap: "wrap", gap: "8px", "> *": { flex: "1 1 120px", minWidth: 0 } },
  error: {
    margin: 0,
    padding: "4px 8px",
    color: token("colorPaletteRedForeground1"),
    backgroundColor: token("colorPaletteRedBackground1"),
    borderRadius: token("borderRadiusMedium"),
  },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  save: { ...primaryButton, ...disabled },
  cancel: { ...secondaryButton, ...disabled },
});

export default function ReviewForm({ kind, about, initial, intro, onSave, onCancel }: ReviewFormProps) {
  const styles = useStyles();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [fields, setFields] = useState<NoteFields>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => textRef.current?.focus(), []);
  const set = (name: keyof NoteFields) => (event: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = noteProblem(fields);
    if (problem) {
      setError(problem);
      return;
    }
    setSaving(true);
    const result = await onSave(fields);
    setSaving(false);
    setError(result);
  };
  const errorId = `${id}-error`;
  const isVariance = kind === "variance";
  return (
    <form
      className={styles.form}
      aria-label={isVariance ? `Explanation of ${about}` : `Acknowledge the query at ${about}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {intro && <p className={styles.intro}>{intro}</p>}
      <label className={styles.label}>
        {isVariance ? "Explanation" : "Why the figure stands"}
        <span className={styles.hint}>
          {isVariance
            ? "What caused it, and what is being done."
            : "What was checked, and why no change is needed."}
        </span>
        <textarea
          ref={textRef}
          className={styles.text}
          value={fields.text}
          onChange={set("text")}
          aria-invalid={Boolean(error && !fields.text.trim())}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      {isVariance && (
        <div className={styles.pair}>
          <label className={styles.label}>
            Owner <span className={styles.hint}>Optional</span>
            <input className={styles.input} value={fields.owner} onChange={set("owner")} />
          </label>
          <label className={styles.label}>
            Due <span className={styles.hint}>Optional</span>
            <input className={styles.input} type="date" value={fields.due} onChange={set("due")} />
          </label>
        </div>
      )}
      <label className={styles.label}>
        Your name or role
        <input
          className={styles.input}
          value={fields.by}
          onChange={set("by")}
          autoComplete="name"
          aria-invalid={Boolean(error && !fields.by.trim())}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      {error && (
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className={styles.save} disabled={saving}>
          {saving ? "Saving…" : isVariance ? "Save explanation" : "Save as known"}
        </button>
        <button type="button" className={styles.cancel} onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
