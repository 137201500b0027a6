// Notes given in a JSON file (the CLI's --notes), for automated runs: a list of notes, or { "notes": [...] }, each
// with its kind, id, reporting date and text; owner, due, by, label and at are optional.
import type { ReviewNote } from "../model";

const FIELDS = ["label", "owner", "due", "by", "at"] as const;

/** The notes in a --notes file's JSON, or a sentence saying why they cannot be used. */
export function notesFromJson(json: unknown): ReviewNote[] | string {
  const list = Array.isArray(json) ? json : (json as { notes?: unknown } | null)?.notes;
  if (!Array.isArray(list)) return 'it should be a list of notes, or an object with a "notes" list';
  const notes: ReviewNote[] = [];
  for (const [i, item] of list.entries()) {
    const n = item as Record<string, unknown> | null;
    const where = `note ${i + 1}`;
    if (!n || typeof n !== "object") return `${where} is not an object`;
    if (n.kind !== "variance" && n.kind !== "query") return `${where} needs "kind": "variance" or "query"`;
    for (const key of ["id", "text"] as const)
      if (typeof n[key] !== "string" || !(n[key] as string).trim()) return `${where} needs "${key}" as text`;
    const date = n.reportingDate ?? "";
    if (typeof date !== "string" || (date !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(date)))
      return `${where} needs "reportingDate" as YYYY-MM-DD`;
    const note: ReviewNote = {
      kind: n.kind,
      id: (n.id as string).trim(),
      reportingDate: date,
      label: "",
      text: (n.text as string).trim(),
      owner: "",
      due: "",
      by: "",
      at: "",
    };
    for (const key of FIELDS) {
      if (n[key] === undefined) continue;
      if (typeof n[key] !== "string") return `${where}: "${key}" should be text`;
      note[key] = (n[key] as string).trim();
    }
    notes.push(note);
  }
  return notes;
}
