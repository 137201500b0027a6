// Milestone status counts per programme. A milestone past its due date at the reporting date and not complete
// counts as overdue whatever its typed status: trackers often leave "On track" against dates long gone.
import type { MilestoneCounts, MilestoneStatus } from "../model";
import type { MilestoneRow } from "../tracker";

export function emptyMilestoneCounts(): MilestoneCounts {
  return { complete: 0, on_track: 0, at_risk: 0, overdue: 0 };
}

/**
 * The status a milestone counts under at the reporting date: complete when marked complete or given a completed
 * date; overdue when its due date has passed; otherwise its typed status; null when there is nothing to go on.
 */
export function effectiveMilestoneStatus(
  m: MilestoneRow,
  reportingDate: string | null,
): MilestoneStatus | null {
  const typed = m.status.value;
  if (typed === "complete" || (typed === null && m.completedDate.value !== null)) return "complete";
  const due = m.dueDate.value;
  if (due !== null && reportingDate !== null && due < reportingDate) return "overdue";
  return typed;
}

/** Counts by effective status for each programme number; milestones with no usable status are not counted. */
export function milestoneCountsByProgramme(
  milestones: readonly MilestoneRow[],
  reportingDate: string | null,
): Map<number, MilestoneCounts> {
  const out = new Map<number, MilestoneCounts>();
  for (const m of milestones) {
    const programme = m.programme.value;
    const status = effectiveMilestoneStatus(m, reportingDate);
    if (programme === null || status === null) continue;
    const counts = out.get(programme) ?? emptyMilestoneCounts();
    counts[status] += 1;
    out.set(programme, counts);
  }
  return out;
}
