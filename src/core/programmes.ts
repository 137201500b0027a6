// The six programmes of the SEND transformation: default names, used where the tracker has no Programmes sheet.
import type { ProgrammeRow } from "./tracker";

export const DEFAULT_PROGRAMMES: { number: number; name: string }[] = [
  { number: 1, name: "Voice of the child and their family" },
  { number: 2, name: "Improving support, skills and practice" },
  { number: 3, name: "Right support at the right time" },
  { number: 4, name: "Preparation for adulthood" },
  { number: 5, name: "Financial assurance in our SEND system" },
  { number: 6, name: "Improving communication, process and systems" },
];

/** Programme numbers and names in order: the Programmes sheet's names where given, the defaults otherwise. */
export function programmeList(
  rows: readonly ProgrammeRow[],
): { number: number; name: string; note: string }[] {
  const byNumber = new Map<number, { number: number; name: string; note: string }>();
  for (const d of DEFAULT_PROGRAMMES) byNumber.set(d.number, { ...d, note: "" });
  for (const r of rows) {
    const n = r.number.value;
    if (n === null || !Number.isInteger(n) || n < 1) continue;
    const fallback = byNumber.get(n);
    byNumber.set(n, {
      number: n,
      name: r.name.value?.trim() || fallback?.name || `Programme ${n}`,
      note: r.note.value?.trim() ?? "",
    });
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
