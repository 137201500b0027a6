// The last step of a refresh: the fully built working sheets take the place of the summary and its chart data.
// A summary that already exists is updated in place: the same sheet keeps its identity, so every reference people
// built on it (a cover sheet's ='Portfolio Summary'!C5, a defined name, a hyperlink, a chart of theirs on the
// chart data, the charts of a copy they kept) still resolves, to the refreshed figure where the layout keeps it
// there. Excel rewrites references when a sheet is renamed and turns them into #REF! when it is deleted, so the
// previous design (rename the old sheets aside, rename the new ones in, delete the old) broke them all.
//
// The batch: keep a copy of the summary if someone typed on it; mark the live sheets as being updated; clear each and paste the working copy over it
// (Range.copyFrom, ExcelApi 1.9: values, formats, merges, conditional formats); set column widths, row heights
// and print setup; redraw the summary's own charts; then the marks, the outcome, the lease; deletes last (the
// working sheets, leftovers of interrupted runs); this refresh's block of the history appended; showing the summary
// (activate) after everything, best effort.
// Deleting and activating are the only calls in it that fail while another workbook has the focus, and everything
// before them has made the summary complete, so such a failure leaves at most working sheets for the next refresh
// to remove. Where there is no summary yet, the working sheets are renamed.
import type { PlannedHistory, PlannedSheet, SheetKey, SheetPlan } from "../layout/plan";
import { queueHistoryCompletion, type HistoryTarget } from "./history";
import { parseRange, rectAddress } from "../core/a1";
import { LAST_OUTCOME_KEY, NAME_KEY, RUN_KEY, UPDATING_KEY, type SheetInventoryItem } from "./ownership";
import { applyPrint, queueCharts, queueTables, tableNamesFor } from "./render";
import { RangeCache, sizeStepsOf } from "./write-content";
import type { StoredOutcome } from "./api";
import type { CountingSync } from "./sync";

/** What the refresh adds to the swap batch besides the sheets themselves. */
export interface SwapExtras {
  /** Marks set on each planned sheet once its content is in place (fingerprint, settings backup). */
  marks?: Partial<Record<SheetKey, Record<string, string>>>;
  /** Settings written in the swap besides the outcome: the lease released, a restored mapping. */
  settings?: { key: string; value: unknown }[];
  /** Names of the add-in's charts now on the live summary, removed before the new ones are drawn. */
  liveCharts?: string[];
  /**
   * The live summary's charts are the plan's (their fingerprint recorded at the last refresh), over a data sheet also
   * updated in place: they are left as they are, reading the refreshed cells.
   */
  chartsUnchanged?: boolean;
  /** A copy of the live summary to keep first, as the user's own sheet (someone typed on it). */
  keep?: { name: string; marks: Record<string, string> };
  /** Names of the Excel tables now on each live sheet (the add-in's, from the last refresh), removed first. */
  liveTables?: Partial<Record<SheetKey, string[]>>;
  /** Names of the workbook's other tables (the tracker's): the plan's tables take names none of them has. */
  takenTableNames?: string[];
}

export interface SwapInput extends SwapExtras {
  plan: SheetPlan;
  runId: string;
  /** Final name of each planned sheet. */
  names: Partial<Record<SheetKey, string>>;
  /** Working sheet of each planned sheet, fully built. */
  working: Record<SheetKey, string>;
  /** The live sheet of each role, updated in place (absent: the working sheet is renamed into place). */
  live: Partial<Record<SheetKey, SheetInventoryItem>>;
  /** Working sheets of interrupted refreshes to remove, last. */
  leftovers: string[];
  outcome?: StoredOutcome;
  /** Show the summary once it is in place: the batch's last call, so its failure leaves the swap done. */
  activate?: boolean;
  /**
   * This refresh's block of the history, completed once the summary is complete (the build wrote all of it but its
   * first row, the completion mark); a new sheet moved to `position` (moved one on past a kept copy when
   * `afterKeptCopy`), or left where the build made it (null).
   */
  history?: {
    plan: PlannedHistory;
    target: HistoryTarget;
    position: number | null;
    afterKeptCopy: boolean;
    /** The block rides the swap whole (false: its rows but the first were appended before the swap). */
    whole: boolean;
  };
}

/** Rows and columns a planned sheet covers from A1: content, formats, merges, rules and print area. */
function plannedExtent(planned: PlannedSheet): { rows: number; cols: number } {
  let rows = planned.values.length;
  let cols = planned.values.reduce((w, r) => Math.max(w, r.length), 0);
  const ranges = [
    ...planned.numberFormats.map((f) => f.range),
    ...planned.styles.map((s) => s.range),
    ...planned.merges,
    ...planned.conditionalFormats.map((c) => c.range),
    ...(planned.print ? [planned.print.printArea] : []),
  ];
  for (const address of ranges) {
    const rect = parseRange(address.replace(/\$/g, ""));
    // Whole rows or columns do not widen the block: beyond the content they hold nothing to show.
    if (!rect || rect.rows >= 1_000_000 || rect.cols >= 16_000) continue;
    rows = Math.max(rows, rect.row + rect.rows);
    cols = Math.max(cols, rect.col + rect.cols);
  }
  for (const { column } of planned.columnWidths) cols = Math.max(cols, column + 1);
  for (const { row } of planned.rowHeights) rows = Math.max(rows, row);
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

/** Pastes the working copy over a live sheet, after clearing it, and sets what a paste does not carry. */
function updateInPlace(live: Excel.Worksheet, working: Excel.Worksheet, planned: PlannedSheet): void {
  const { rows, cols } = plannedExtent(planned);
  // Every range here is used in this request only: untracked, so Excel.run keeps no reference to release after it.
  const whole = live.getRange().untrack();
  whole.clear("All" as Excel.ClearApplyTo);
  // The paste's range serves the sizes laid over the same block (the page's columns and its rows).
  const ranges = new RangeCache();
  const block = rectAddress({ row: 0, col: 0, rows, cols });
  ranges.range(live, block).copyFrom(working.getRange(block).untrack(), "All" as Excel.RangeCopyType);
  const sheetFormat = whole.format;
  sheetFormat.useStandardWidth = true;
  sheetFormat.useStandardHeight = true;
  // Each width and height once over all its columns or rows (write-content.ts), as the build sets them.
  for (const step of sizeStepsOf(planned)) step.queue(live, ranges);
  live.horizontalPageBreaks.removePageBreaks();
  if (planned.print) applyPrint(live, planned.print);
  if (planned.tabColor) live.tabColor = planned.tabColor;
  // Frozen panes and gridlines stay as the sheet has them: both calls fail while another workbook has the
  // focus, and the add-in set them when it created the sheet.
}

function mark(sheet: Excel.Worksheet, props: Record<string, string>): void {
  for (const [key, value] of Object.entries(props)) sheet.customProperties.add(key, value);
}

/** Queues the swap and sends it (one sync). Throws what Excel answered when it fails. */
export async function swapIntoPlace(
  context: Excel.RequestContext,
  input: SwapInput,
  sync: CountingSync,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const { plan, runId } = input;
  const roles = plan.sheets.map((p) => p.key);
  const working = Object.fromEntries(roles.map((r) => [r, worksheets.getItem(input.working[r])])) as Record<
    SheetKey,
    Excel.Worksheet
  >;
  const live = Object.fromEntries(
    roles
      .filter((r) => input.live[r])
      .map((r) => [r, worksheets.getItem((input.live[r] as SheetInventoryItem).name)]),
  ) as Partial<Record<SheetKey, Excel.Worksheet>>;
  // Where each planned sheet ends up: the live sheet, or the working one under its final name.
  const final = Object.fromEntries(roles.map((r) => [r, live[r] ?? working[r]])) as Record<
    SheetKey,
    Excel.Worksheet
  >;

  // First, when someone typed on the summary: a copy of it, kept as theirs, before anything is replaced.
  if (input.keep && live.summary) {
    const copy = live.summary.copy("After" as Excel.WorksheetPositionType, live.summary);
    copy.name = input.keep.name;
    mark(copy, input.keep.marks);
  }
  // Then the live sheets are marked as being updated, so a batch stopped half-way is known for what it left.
  for (const role of roles) if (live[role]) mark(live[role] as Excel.Worksheet, { [UPDATING_KEY]: runId });
  for (const planned of plan.sheets) {
    const target = live[planned.key];
    if (target) {
      // A paste carries no tables: the last refresh's go first, and the new ones are added over the pasted cells.
      for (const name of input.liveTables?.[planned.key] ?? []) target.tables.getItem(name).delete();
      updateInPlace(target, working[planned.key], planned);
    } else {
      const name = input.names[planned.key] as string;
      working[planned.key].name = name;
      mark(working[planned.key], { [NAME_KEY]: name });
    }
  }
  // The build drew the charts on the working summary, reading the working data sheet. Where either sheet is
  // updated in place, they are drawn again on the final summary from the final data sheet.
  if (roles.some((r) => live[r]) && !(input.chartsUnchanged && roles.every((r) => live[r]))) {
    for (const planned of plan.sheets) {
      if (planned.charts.length === 0) continue;
      const on = final[planned.key];
      const names = live[planned.key] ? (input.liveCharts ?? []) : planned.charts.map((c) => c.id);
      for (const name of names) on.charts.getItem(name).delete();
      queueCharts(on, planned, final);
    }
  }
  // The data sheet's tables, on the final sheet (ExcelApi 1.1), so their names never clash with a live sheet's.
  const tableNames = tableNamesFor(plan, input.takenTableNames ?? []);
  for (const planned of plan.sheets) queueTables(final[planned.key], planned, tableNames);
  for (const planned of plan.sheets) {
    const sheet = final[planned.key];
    // A working sheet renamed into place has carried this run's mark since the build made it.
    mark(sheet, {
      ...(live[planned.key] ? { [RUN_KEY]: runId } : {}),
      ...(input.marks?.[planned.key] ?? {}),
    });
    if (live[planned.key]) sheet.customProperties.getItem(UPDATING_KEY).delete();
  }
  // The history's block completed, with the summary it records: its first row below the rest, nothing above it
  // touched.
  if (input.history) {
    const { position, afterKeptCopy, whole } = input.history;
    queueHistoryCompletion(context, input.history.plan, input.history.target, {
      position: position === null ? null : position + (afterKeptCopy && input.keep && live.summary ? 1 : 0),
      whole,
    });
  }
  if (input.outcome) context.workbook.settings.add(LAST_OUTCOME_KEY, input.outcome);
  for (const { key, value } of input.settings ?? []) context.workbook.settings.add(key, value);
  // Deletes last: the one call here that fails while another workbook has the focus.
  for (const role of roles) if (live[role]) working[role].delete();
  for (const name of input.leftovers) worksheets.getItem(name).delete();
  // Showing the summary comes after all of it, best effort: Excel keeps what ran of a batch before a failing call,
  // so an activate refused (another workbook came to the front) leaves the swap complete, as the marks then say.
  if (input.activate && final.summary) final.summary.activate();
  await sync();
}
