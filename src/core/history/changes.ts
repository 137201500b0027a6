// The changes since the last report as one list (workstreams, key risks, milestones, data problems), each with
// what it is, which one, the change in words and where it is: the page's table, the pane's section and the CLI's
// lines all read it, so they list the same changes in the same words.
import type { ChangeDirection, SinceLastReport, SourceRef } from "../model";
import { issueLocation } from "../wording";

export interface ChangeItem {
  /** "Workstream", "Key risk", "Milestone", "New data problem", "Data problem fixed". */
  what: string;
  /** Which one: "Programme 2: Improved early support offer ...", "R01 If growth is ...", a cell. */
  which: string;
  /** The change in words: "Green - On Track -> Amber - Off Track, worse", "Rescored 20 -> 16, better". */
  text: string;
  direction: ChangeDirection | null;
  /** Its cell in the tracker now (a fixed problem: where it was), for "go to". */
  source: SourceRef | null;
}

const programme = (n: number | null) => (n === null ? "" : `Programme ${n}: `);

export function changeItems(since: SinceLastReport): ChangeItem[] {
  return [
    ...since.workstreams.map((w) => ({
      what: "Workstream",
      which: `${programme(w.programme)}${w.name}`,
      text: w.text,
      direction: w.direction,
      source: w.source,
    })),
    ...since.keyRisks.map((r) => ({
      what: "Key risk",
      which: `${r.id} ${r.title}`,
      text: r.text,
      direction: r.direction,
      source: r.source,
    })),
    ...since.milestones.map((m) => ({
      what: "Milestone",
      which: `${programme(m.programme)}${m.name}${m.workstream ? ` (${m.workstream})` : ""}`,
      text: m.text,
      direction: (m.change === "completed" ? "better" : "worse") as ChangeDirection,
      source: m.source,
    })),
    ...since.issues.map((i) => ({
      what: i.change === "new" ? "New data problem" : "Data problem fixed",
      which: issueLocation(i, "reference"),
      text: i.message,
      direction: (i.change === "new" ? "worse" : "better") as ChangeDirection,
      source: i.source,
    })),
  ];
}
