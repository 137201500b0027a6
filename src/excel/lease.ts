// One refresh at a time per workbook: a lease kept in the workbook settings, which every runtime of the add-in
// (the pane, the ribbon button, a colleague's copy of the add-in on the same shared file) reads before it writes.
// Office.js has no compare-and-swap, so the lease is advisory: it stops a second refresh from starting, and each
// refresh checks it still holds it before replacing anything. Safety does not rest on it alone: a refresh only
// ever removes its own working sheets, or those of a refresh whose lease has lapsed.

/** Workbook setting holding the current lease. */
export const LEASE_KEY = "portfolioSummary.refreshLease";

/**
 * A lease taken this long ago belongs to a refresh that will not finish (its pane was closed, Excel was closed,
 * the ribbon's runtime was ended): the next refresh takes over. Excel ends a ribbon command's runtime after 5
 * minutes at most, and a refresh takes seconds. The lease is not renewed while a refresh runs: with no
 * compare-and-swap, a renewal could overwrite the lease of a refresh that took over meanwhile. A refresh that
 * outlasted its lease is still safe: it checks the lease is its own before it replaces anything, and stops if not.
 */
export const LEASE_STALE_AFTER_MS = 5 * 60 * 1000;

/** Where a refresh was started. */
export type RefreshSource = "pane" | "ribbon" | "preview";

export const SOURCE_WORDS: Record<RefreshSource, string> = {
  pane: "the Portfolio Summary pane",
  ribbon: "the Refresh summary button",
  preview: "the preview",
};

export interface Lease {
  runId: string;
  source: RefreshSource;
  /** Random id of the runtime that took the lease (a pane, a ribbon command), told apart from others. */
  runtime: string;
  /** ISO times. The lease is stale LEASE_STALE_AFTER_MS after renewedAt, today the time it was taken. */
  startedAt: string;
  renewedAt: string;
  /** Set when the refresh finished: the lease is then free. */
  releasedAt?: string;
}

function isLease(value: unknown): value is Lease {
  const v = value as Partial<Lease> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.runId === "string" &&
    typeof v.renewedAt === "string" &&
    typeof v.startedAt === "string"
  );
}

/** The lease as stored, or null when there is none or it is not one (an older or damaged setting). */
export function parseLease(value: unknown): Lease | null {
  return isLease(value) ? value : null;
}

/** A lease that is held: not released, and taken (renewedAt) less than LEASE_STALE_AFTER_MS before `now`. */
export function isLive(lease: Lease | null, now: Date): lease is Lease {
  if (!lease || lease.releasedAt) return false;
  const renewed = Date.parse(lease.renewedAt);
  return Number.isFinite(renewed) && now.getTime() - renewed < LEASE_STALE_AFTER_MS;
}

/** Whether a run may start: no lease, a released or lapsed one, or its own. */
export function mayStart(lease: Lease | null, runId: string, now: Date): boolean {
  return !isLive(lease, now) || lease.runId === runId;
}

export function takeLease(runId: string, source: RefreshSource, runtime: string, now: Date): Lease {
  const at = now.toISOString();
  return { runId, source, runtime, startedAt: at, renewedAt: at };
}

export function released(lease: Lease, now: Date): Lease {
  return { ...lease, releasedAt: now.toISOString() };
}

/** Whether the lease found before writing still lets `runId` go on: its own, or freed by a refresh that ended. */
export function stillHeld(found: unknown, runId: string, now: Date): boolean {
  const lease = parseLease(found);
  return !isLive(lease, now) || lease.runId === runId;
}

/** A random id for this runtime (a pane or a ribbon command page), so its own leases are recognised. */
export function newRuntimeId(random: () => number = Math.random): string {
  return Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
}
