// The pane's own wording: run times in the user's local time. Counts, statuses, severities and cell references
// come from src/core/wording.ts, shared with the page, the CLI and the gateway.

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
